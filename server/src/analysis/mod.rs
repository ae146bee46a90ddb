//! The analysis, chunk by chunk: the text is split into chunks that analyse the same alone as in the whole
//! document ([`chunks`]); each chunk's blocks, sentences, actor mentions, verdicts and block-scoped findings are
//! kept in a [`ChunkCache`] under the chunk's text, so after an edit only changed chunks are analysed again.
//! So are the notes the document-scoped rules take on each chunk ([`notes`]): after an edit those rules merge
//! the chunks' notes in order. Suppressions then run over the assembled document.
//!
//! `brieflint check` runs this without keeping chunks ([`analyse_fresh`]) and the language server with a cache
//! kept per open document, so the two cannot disagree.

mod chunk;
pub mod chunks;
mod flat;
mod footnotes;
mod notes;
mod parts;

pub use parts::{ChunkId, ChunkedAnalysis, Part, PartFinding};

use crate::actors::FastMap;
use crate::actors::KnowledgeBase;
use crate::findings::Finding;
use crate::rules::{self, Scope};
use crate::{suppress, Analysis, DocKind, RuleSettings};
use chunk::Chunk;
use std::hash::{BuildHasher, Hasher};
use std::sync::Arc;

/// Analysed chunks of one document, by content. It is only valid for one knowledge base and one set of
/// rule settings: make a new one when either changes.
#[derive(Default)]
pub struct ChunkCache {
    kind: Option<DocKind>,
    chunks: FastMap<u64, Vec<Arc<Chunk>>>,
    definitions: FastMap<u64, Vec<Arc<footnotes::Defined>>>,
}

/// How to cut the text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Chunking {
    /// At every safe boundary.
    Safe,
    /// Not at all: the whole text is one chunk (the reference the chunked analysis is tested against).
    #[cfg(test)]
    Whole,
}

/// Analyse `text`, reusing and refreshing `cache`.
pub fn analyse_cached(
    text: &str,
    kind: DocKind,
    kb: &KnowledgeBase,
    settings: &RuleSettings,
    cache: &mut ChunkCache,
) -> ChunkedAnalysis {
    analyse_chunked(text, kind, kb, settings, cache, Keep::Chunks, Chunking::Safe)
}

/// Analyse `text` once: the same chunked analysis, but nothing is kept for a next time, so each chunk's
/// results move into the document instead of being copied and then dropped with a cache.
pub fn analyse_fresh(text: &str, kind: DocKind, kb: &KnowledgeBase, settings: &RuleSettings) -> Analysis {
    let mut cache = ChunkCache::default();
    analyse_chunked(text, kind, kb, settings, &mut cache, Keep::Nothing, Chunking::Safe).into_flat()
}

/// Whether the analysed chunks are kept in the cache.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keep {
    Chunks,
    Nothing,
}

pub(crate) fn analyse_chunked(
    text: &str,
    kind: DocKind,
    kb: &KnowledgeBase,
    settings: &RuleSettings,
    cache: &mut ChunkCache,
    keep: Keep,
    chunking: Chunking,
) -> ChunkedAnalysis {
    if cache.kind != Some(kind) {
        *cache = ChunkCache {
            kind: Some(kind),
            ..ChunkCache::default()
        };
    }
    let mut ranges = match chunking {
        Chunking::Safe => chunks::split(text, kind),
        #[cfg(test)]
        Chunking::Whole => std::iter::once(0..text.len()).collect(),
    };
    let mut prefixes = vec![String::new(); ranges.len()];
    if kind == DocKind::Markdown && ranges.len() > 1 {
        let mut kept = FastMap::default();
        let defined: Vec<Arc<footnotes::Defined>> = ranges
            .iter()
            .map(|r| definitions(&mut cache.definitions, &mut kept, &text[r.clone()]))
            .collect();
        cache.definitions = kept;
        match footnotes::prefixes(text, &ranges, &defined) {
            Some(found) => prefixes = found,
            None => {
                ranges = std::iter::once(0..text.len()).collect();
                prefixes = vec![String::new()];
            }
        }
    }

    let mut kept: FastMap<u64, Vec<Arc<Chunk>>> = FastMap::default();
    let mut parts = Vec::with_capacity(ranges.len());
    for (range, prefix) in ranges.into_iter().zip(prefixes) {
        let chunk_text = &text[range.clone()];
        let key = key_of(chunk_text, &prefix);
        let found = cache
            .chunks
            .get(&key)
            .and_then(|same| same.iter().find(|c| &*c.text == chunk_text && c.prefix == prefix))
            .cloned();
        let chunk = found.unwrap_or_else(|| Arc::new(chunk::analyse(chunk_text, prefix, kind, kb, settings)));
        if keep == Keep::Chunks {
            let slot = kept.entry(key).or_default();
            if !slot.iter().any(|c| Arc::ptr_eq(c, &chunk)) {
                slot.push(chunk.clone());
            }
        }
        parts.push((range.start, chunk));
    }
    if keep == Keep::Chunks {
        cache.chunks = kept;
    }
    assemble(text, kind, kb, settings, parts)
}

/// A chunk's key in the cache. Hashing every byte of a long document on each edit would cost more than the rest
/// of finding its chunks, so the key hashes the length, both ends and a sample of the middle; chunks that share a
/// key are told apart by comparing their text, which stops at the first difference.
fn key_of(text: &str, prefix: &str) -> u64 {
    const ENDS: usize = 64;
    const STEP: usize = 61;
    let bytes = text.as_bytes();
    let mut hasher = foldhash::fast::FixedState::default().build_hasher();
    hasher.write_usize(bytes.len());
    hasher.write(prefix.as_bytes());
    if bytes.len() <= 2 * ENDS {
        hasher.write(bytes);
    } else {
        hasher.write(&bytes[..ENDS]);
        hasher.write(&bytes[bytes.len() - ENDS..]);
        // The sample is gathered first: hashing it byte by byte would cost more than the rest.
        let mut sample = [0u8; 64];
        let mut filled = 0;
        for &byte in bytes.iter().step_by(STEP) {
            sample[filled] = byte;
            filled += 1;
            if filled == sample.len() {
                hasher.write(&sample);
                filled = 0;
            }
        }
        hasher.write(&sample[..filled]);
    }
    hasher.finish()
}

/// The footnotes and link definitions a chunk defines, from the cache when the chunk is unchanged.
fn definitions(
    cache: &mut FastMap<u64, Vec<Arc<footnotes::Defined>>>,
    kept: &mut FastMap<u64, Vec<Arc<footnotes::Defined>>>,
    chunk: &str,
) -> Arc<footnotes::Defined> {
    if !footnotes::Defined::worth_reading(chunk) {
        return Arc::default();
    }
    let key = key_of(chunk, "");
    let found = cache
        .get(&key)
        .and_then(|same| same.iter().find(|d| *d.text == *chunk))
        .cloned();
    let defined = found.unwrap_or_else(|| Arc::new(footnotes::Defined::in_chunk(chunk)));
    let slot = kept.entry(key).or_default();
    if !slot.iter().any(|d| Arc::ptr_eq(d, &defined)) {
        slot.push(defined.clone());
    }
    defined
}

/// Place the chunks, run the document-scoped rules over their notes and apply suppressions.
fn assemble(
    text: &str,
    kind: DocKind,
    kb: &KnowledgeBase,
    settings: &RuleSettings,
    placed: Vec<(usize, Arc<Chunk>)>,
) -> ChunkedAnalysis {
    let notes: Vec<(isize, &notes::Notes)> = placed
        .iter()
        .map(|(start, chunk)| (chunk.shift_at(*start), &chunk.notes))
        .collect();
    let mut findings = Vec::new();
    for rule in rules::ALL.iter().filter(|rule| rule.scope() == Scope::Document) {
        let info = rule.info();
        let Some(severity) = settings.severity(info.code, info.default_severity) else {
            continue;
        };
        let start = findings.len();
        notes::merge(*rule, kb, &notes, &mut findings);
        for finding in &mut findings[start..] {
            finding.severity = severity;
        }
    }
    drop(notes);
    let mut parts: Vec<Part> = placed
        .into_iter()
        .map(|(start, chunk)| Part {
            start,
            chunk,
            document_findings: Vec::new(),
            silenced: Vec::new(),
        })
        .collect();
    let mut suppressions = suppress::parse(text);
    if !suppressions.is_empty() {
        for part in &mut parts {
            let by = part.shift();
            let silenced: Vec<bool> = part
                .chunk
                .findings
                .iter()
                .map(|f| suppress::silences(&mut suppressions, f.code, f.range.start.wrapping_add_signed(by)))
                .collect();
            if silenced.contains(&true) {
                part.silenced = silenced;
            }
        }
        findings.retain(|f| !suppress::silences(&mut suppressions, f.code, f.range.start));
    }
    let unused = &rules::unused_suppression::INFO;
    if let Some(severity) = settings.severity(unused.code, unused.default_severity) {
        findings.extend(rules::unused_suppression::report(text, &suppressions, severity));
    }
    findings.sort_by(|a, b| a.range.start.cmp(&b.range.start).then(a.code.cmp(b.code)));
    distribute(&mut parts, findings);
    ChunkedAnalysis::new(kind, parts)
}

/// Give each part the document-scoped findings (sorted) that start in it.
fn distribute(parts: &mut [Part], findings: Vec<Finding>) {
    let mut at = 0;
    for finding in findings {
        while parts.get(at + 1).is_some_and(|next| next.start <= finding.range.start) {
            at += 1;
        }
        if let Some(part) = parts.get_mut(at) {
            part.document_findings.push(finding);
        }
    }
}

#[cfg(test)]
mod equivalence_tests;
