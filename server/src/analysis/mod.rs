//! The analysis, chunk by chunk: the text is split into chunks that analyse the same alone as in the whole
//! document ([`chunks`]); each chunk's blocks, sentences, actor mentions, verdicts and block-scoped findings are
//! kept in a [`ChunkCache`] under the chunk's text, so after an edit only changed chunks are analysed again.
//! So are the notes the document-scoped rules take on each chunk ([`notes`]): after an edit those rules merge
//! the chunks' notes in order. Suppressions then run over the assembled document.
//!
//! `brieflint check` runs this without keeping chunks ([`analyse_fresh`]) and the language server with a cache
//! kept per open document, so the two cannot disagree.

pub mod chunks;
mod footnotes;
mod notes;

use crate::actors::{KnowledgeBase, Mention};
use crate::claims::{self, Verdict};
use crate::document::{Document, Sentence};
use crate::findings::Finding;
use crate::rules::{self, shift, Scope};
use crate::{suppress, Analysis, DocKind, LocatedMention, RuleSettings};
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// Analysed chunks of one document, by content. It is only valid for one knowledge base and one set of
/// rule settings: make a new one when either changes.
#[derive(Default)]
pub struct ChunkCache {
    kind: Option<DocKind>,
    chunks: HashMap<u64, Vec<Arc<Chunk>>>,
    definitions: HashMap<u64, Vec<Arc<footnotes::Defined>>>,
}

/// One chunk's text and what was found in it, with offsets in `prefix + text`.
struct Chunk {
    text: Box<str>,
    /// Stub definitions of the footnotes the chunk cites but another chunk defines, parsed before it.
    prefix: String,
    document: Document,
    mentions: Vec<Vec<Mention>>,
    verdicts: Vec<Verdict>,
    /// The mentions located in `prefix + text`, with the chunk's block indices.
    located: Vec<LocatedMention>,
    /// The findings of each block-scoped rule, by its index in `rules::ALL`, at default severity.
    findings: Vec<Vec<Finding>>,
    /// What the document-scoped rules need from the chunk.
    notes: notes::Notes,
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
) -> Analysis {
    analyse_chunked(text, kind, kb, settings, cache, Keep::Chunks, Chunking::Safe)
}

/// Analyse `text` once: the same chunked analysis, but nothing is kept for a next time, so each chunk's
/// results move into the document instead of being copied and then dropped with a cache.
pub fn analyse_fresh(text: &str, kind: DocKind, kb: &KnowledgeBase, settings: &RuleSettings) -> Analysis {
    let mut cache = ChunkCache::default();
    analyse_chunked(text, kind, kb, settings, &mut cache, Keep::Nothing, Chunking::Safe)
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
) -> Analysis {
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
        let mut kept = HashMap::new();
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

    let mut kept: HashMap<u64, Vec<Arc<Chunk>>> = HashMap::new();
    let mut parts = Vec::with_capacity(ranges.len());
    for (range, prefix) in ranges.into_iter().zip(prefixes) {
        let chunk_text = &text[range.clone()];
        let key = key_of(chunk_text, &prefix);
        let found = cache
            .chunks
            .get(&key)
            .and_then(|same| same.iter().find(|c| &*c.text == chunk_text && c.prefix == prefix))
            .cloned();
        let chunk = found.unwrap_or_else(|| Arc::new(analyse_chunk(chunk_text, prefix, kind, kb, settings)));
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
    let mut hasher = DefaultHasher::new();
    bytes.len().hash(&mut hasher);
    prefix.hash(&mut hasher);
    if bytes.len() <= 2 * ENDS {
        bytes.hash(&mut hasher);
    } else {
        bytes[..ENDS].hash(&mut hasher);
        bytes[bytes.len() - ENDS..].hash(&mut hasher);
        bytes.iter().step_by(STEP).for_each(|b| b.hash(&mut hasher));
    }
    hasher.finish()
}

/// The footnotes and link definitions a chunk defines, from the cache when the chunk is unchanged.
fn definitions(
    cache: &mut HashMap<u64, Vec<Arc<footnotes::Defined>>>,
    kept: &mut HashMap<u64, Vec<Arc<footnotes::Defined>>>,
    chunk: &str,
) -> Arc<footnotes::Defined> {
    if !footnotes::has_pair(chunk, ']', b':') {
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

fn analyse_chunk(text: &str, prefix: String, kind: DocKind, kb: &KnowledgeBase, settings: &RuleSettings) -> Chunk {
    let parsed;
    let source: &str = if prefix.is_empty() {
        text
    } else {
        parsed = format!("{prefix}{text}");
        &parsed
    };
    let mut document = Document::parse(source, kind);
    drop_prefix_blocks(&mut document, prefix.len());
    let mentions: Vec<Vec<Mention>> = document.blocks.iter().map(|b| kb.find_mentions(&b.text)).collect();
    let verdicts = claims::classify_document(&document, kb, &mentions, settings);
    let located = crate::locate_mentions(&document, &mentions);
    let ctx = rules::Context {
        text: source,
        document: &document,
        kb,
        mentions: &mentions,
        located: &located,
        verdicts: &verdicts,
        settings,
    };
    let findings = rules::ALL
        .iter()
        .map(|rule| {
            let mut out = Vec::new();
            if rule.scope() == Scope::Block {
                rule.check(&ctx, &mut out);
            }
            out
        })
        .collect();
    let notes = notes::Notes::of(&ctx);
    Chunk {
        text: text.into(),
        prefix,
        document,
        mentions,
        verdicts,
        located,
        findings,
        notes,
    }
}

/// The stub definitions come first in the parsed text; their blocks are not the chunk's.
fn drop_prefix_blocks(document: &mut Document, prefix_len: usize) {
    if prefix_len == 0 {
        return;
    }
    let dropped = document
        .blocks
        .iter()
        .take_while(|b| b.map.to_source(0) < prefix_len)
        .count();
    document.blocks.drain(..dropped);
    document.sentences.retain(|s| s.block >= dropped);
    for sentence in &mut document.sentences {
        sentence.block -= dropped;
    }
}

fn shifted(finding: &Finding, by: isize) -> Finding {
    let mut finding = finding.clone();
    shift_in_place(&mut finding, by);
    finding
}

fn shift_in_place(finding: &mut Finding, by: isize) {
    finding.range = shift(&finding.range, by);
    for fix in &mut finding.fixes {
        for edit in &mut fix.edits {
            edit.range = shift(&edit.range, by);
        }
    }
}

/// A chunk's mention placed in the document.
fn placed(mention: LocatedMention, by: isize, first_block: usize) -> LocatedMention {
    LocatedMention {
        range: shift(&mention.range, by),
        block: mention.block + first_block,
        ..mention
    }
}

/// A chunk while the document is assembled: its own when nothing else holds it (a fresh analysis), so its
/// parts move into the document; else shared with the cache, and copied.
enum Held {
    Own(Box<Chunk>),
    Shared(Arc<Chunk>),
}

impl Held {
    fn of(chunk: Arc<Chunk>) -> Held {
        match Arc::try_unwrap(chunk) {
            Ok(own) => Held::Own(Box::new(own)),
            Err(shared) => Held::Shared(shared),
        }
    }

    fn chunk(&self) -> &Chunk {
        match self {
            Held::Own(chunk) => chunk,
            Held::Shared(chunk) => chunk,
        }
    }
}

/// Put the chunks together, run the document-scoped rules and apply suppressions.
fn assemble(
    text: &str,
    kind: DocKind,
    kb: &KnowledgeBase,
    settings: &RuleSettings,
    parts: Vec<(usize, Arc<Chunk>)>,
) -> Analysis {
    let mut parts: Vec<(isize, Held)> = parts
        .into_iter()
        .map(|(start, chunk)| (start as isize - chunk.prefix.len() as isize, Held::of(chunk)))
        .collect();
    let blocks_total = parts.iter().map(|(_, c)| c.chunk().document.blocks.len()).sum();
    let sentences_total = parts.iter().map(|(_, c)| c.chunk().document.sentences.len()).sum();
    let mut document = Document {
        kind,
        blocks: Vec::with_capacity(blocks_total),
        sentences: Vec::with_capacity(sentences_total),
    };
    let mut block_mentions = Vec::with_capacity(blocks_total);
    let mut located = Vec::with_capacity(parts.iter().map(|(_, c)| c.chunk().located.len()).sum());
    let mut verdicts = Vec::with_capacity(sentences_total);
    let mut findings = Vec::new();
    let mut block_findings: Vec<Vec<Finding>> = vec![Vec::new(); rules::ALL.len()];
    for (by, held) in &mut parts {
        let by = *by;
        let first_block = document.blocks.len();
        match held {
            Held::Own(chunk) => {
                let sentences = std::mem::take(&mut chunk.document.sentences);
                document
                    .blocks
                    .extend(std::mem::take(&mut chunk.document.blocks).into_iter().map(|mut b| {
                        if by != 0 {
                            b.map = b.map.shifted(by);
                        }
                        b
                    }));
                document.sentences.extend(sentences.into_iter().map(|s| Sentence {
                    block: s.block + first_block,
                    plain: s.plain,
                    range: shift(&s.range, by),
                }));
                block_mentions.append(&mut chunk.mentions);
                located.extend(chunk.located.drain(..).map(|m| placed(m, by, first_block)));
                verdicts.append(&mut chunk.verdicts);
                for (all, mine) in block_findings.iter_mut().zip(&mut chunk.findings) {
                    let start = all.len();
                    all.append(mine);
                    for finding in &mut all[start..] {
                        shift_in_place(finding, by);
                    }
                }
            }
            Held::Shared(chunk) => {
                document
                    .blocks
                    .extend(chunk.document.blocks.iter().map(|b| b.shifted(by)));
                document
                    .sentences
                    .extend(chunk.document.sentences.iter().map(|s| Sentence {
                        block: s.block + first_block,
                        plain: s.plain.clone(),
                        range: shift(&s.range, by),
                    }));
                block_mentions.extend(chunk.mentions.iter().cloned());
                located.extend(chunk.located.iter().cloned().map(|m| placed(m, by, first_block)));
                verdicts.extend(chunk.verdicts.iter().cloned());
                for (all, mine) in block_findings.iter_mut().zip(&chunk.findings) {
                    all.extend(mine.iter().map(|f| shifted(f, by)));
                }
            }
        }
    }
    let notes: Vec<(isize, &notes::Notes)> = parts.iter().map(|(by, held)| (*by, &held.chunk().notes)).collect();
    // Document-scoped rules without notes read the assembled document.
    let ctx = rules::Context {
        text,
        document: &document,
        kb,
        mentions: &block_mentions,
        located: &located,
        verdicts: &verdicts,
        settings,
    };
    for (index, rule) in rules::ALL.iter().enumerate() {
        let info = rule.info();
        let Some(severity) = settings.severity(info.code, info.default_severity) else {
            continue;
        };
        let start = findings.len();
        match rule.scope() {
            Scope::Block => findings.append(&mut block_findings[index]),
            Scope::Document => {
                if !notes::merge(*rule, kb, &notes, &mut findings) {
                    rule.check(&ctx, &mut findings);
                }
            }
        }
        for finding in &mut findings[start..] {
            finding.severity = severity;
        }
    }
    let (mut findings, suppressions) = suppress::apply(text, findings);
    let unused = &rules::unused_suppression::INFO;
    if let Some(severity) = settings.severity(unused.code, unused.default_severity) {
        findings.extend(rules::unused_suppression::report(text, &suppressions, severity));
    }
    findings.sort_by(|a, b| a.range.start.cmp(&b.range.start).then(a.code.cmp(b.code)));
    Analysis {
        document,
        block_mentions,
        verdicts,
        findings,
        located,
    }
}

#[cfg(test)]
mod equivalence_tests;
