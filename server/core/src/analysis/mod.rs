//! The analysis, chunk by chunk: the text is split into chunks that analyse the same alone as in the whole
//! document ([`chunks`]); each chunk's blocks, sentences, actor mentions, verdicts and block-scoped findings are
//! kept in a [`ChunkCache`] under the chunk's text, so after an edit only changed chunks are analysed again.
//! So are the notes the document-scoped rules take on each chunk (`notes`): after an edit those rules merge
//! the chunks' notes in order. Suppressions then run over the assembled document.
//!
//! `brieflint check` runs the same code on the whole text as one chunk, keeping nothing ([`analyse_fresh`]),
//! and the language server on groups of chunks with a cache kept per open document. The tests hold the chunked
//! analysis, at every safe boundary and grouped, to the one-chunk analysis after random edits
//! (`equivalence_tests`), so the two cannot disagree.

mod across_blocks;
mod chunk;
pub mod chunks;
mod flat;
mod footnotes;
mod notes;
mod own_voice;
mod parts;
mod quoted_lead_in;
mod sourcing;
mod speaker_turns;

pub use parts::{ChunkId, ChunkedAnalysis, Part, PartFinding};

use crate::actors::KnowledgeBase;
use crate::document::DocKind;
use crate::findings::Finding;
use crate::model::Analysis;
use crate::model::RuleSettings;
use crate::rules::{self, Assembled, Kind};
use crate::suppress;
use crate::util::FastMap;
use chunk::Chunk;
use std::hash::{BuildHasher, Hasher};
use std::sync::Arc;

/// Analysed chunks of one document, by content. It is only valid for one knowledge base and one set of
/// rule settings: make a new one when either changes.
#[derive(Default)]
pub struct ChunkCache {
    kind: Option<DocKind>,
    keys: Keys,
    chunks: Kept<Chunk>,
    definitions: Kept<footnotes::Defined>,
}

/// What is kept by key from one analysis to the next: what the latest analysis did not use is dropped after
/// it. The map is kept and pruned rather than built anew, since nearly every entry is used again.
struct Kept<T> {
    round: u64,
    by_key: FastMap<Key, (Arc<T>, u64)>,
}

impl<T> Default for Kept<T> {
    fn default() -> Self {
        Kept {
            round: 0,
            by_key: FastMap::default(),
        }
    }
}

impl<T> Kept<T> {
    /// Whether a look-up with `keep` could find or keep anything. When not, no key need be made: hashing a
    /// whole text costs about 1 % of analysing it.
    fn needs_key(&self, keep: Keep) -> bool {
        keep == Keep::Chunks || !self.by_key.is_empty()
    }

    /// The value kept under `key`, or the one `make` makes, which is kept when `keep` says so; without a key
    /// (see [`Kept::needs_key`]), the one `make` makes.
    fn get_or(&mut self, key: Option<Key>, keep: Keep, make: impl FnOnce() -> T) -> Arc<T> {
        let Some(key) = key else {
            return Arc::new(make());
        };
        if let Some((value, used)) = self.by_key.get_mut(&key) {
            *used = self.round;
            return value.clone();
        }
        let value = Arc::new(make());
        if keep == Keep::Chunks {
            self.by_key.insert(key, (value.clone(), self.round));
        }
        value
    }

    /// Drop what this round did not use, and begin the next.
    fn prune(&mut self) {
        let round = self.round;
        self.by_key.retain(|_, (_, used)| *used == round);
        self.round += 1;
    }
}

/// What a chunk is known by in the cache: a 128-bit hash of its text and prefix.
type Key = u128;

/// Makes keys: two 64-bit hashes, seeded at random for each cache. A chunk is recognised by its key alone,
/// without comparing its text with the kept chunk's: on every edit of a long document that comparison read
/// megabytes scattered over memory and took longer than the rest of finding the chunks, while hashing reads
/// the new text once, in order. Two different texts would have to collide in all 128 bits, under seeds no
/// document can know, for one to be taken for the other.
#[derive(Default)]
struct Keys(foldhash::quality::RandomState, foldhash::quality::RandomState);

impl Keys {
    fn of(&self, text: &str, prefix: &str) -> Key {
        let hash = |seeded: &foldhash::quality::RandomState| {
            let mut hasher = seeded.build_hasher();
            hasher.write(prefix.as_bytes());
            hasher.write_u8(0xff);
            hasher.write(text.as_bytes());
            hasher.finish()
        };
        (u128::from(hash(&self.0)) << 64) | u128::from(hash(&self.1))
    }
}

/// How to cut the text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Chunking {
    /// At every safe boundary: what the tests hold to the whole-text analysis, boundary by boundary.
    #[cfg(test)]
    Safe,
    /// At about one safe boundary in this many ([`chunks::grouped`]): what the cached analysis of an edited
    /// document does.
    Grouped(u64),
    /// Not at all: the whole text is one chunk. The reference the chunked analysis is tested against, and
    /// what an analysis that keeps nothing does: there, cutting the text would only add each chunk's own costs
    /// (a parser set up for it, its footnotes read first, its results moved into the document's).
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
    analyse_chunked(
        text,
        kind,
        kb,
        settings,
        cache,
        Keep::Chunks,
        Chunking::Grouped(CHUNKS_PER_GROUP),
    )
}

/// The cached analysis cuts at about one safe boundary in this many. A briefing's chunks are mostly single
/// paragraphs of a few hundred bytes, so a group is a few kilobytes: an edit re-analyses that much, in well
/// under a millisecond, and every edit of a 2 MB briefing handles hundreds of groups instead of thousands of
/// chunks.
const CHUNKS_PER_GROUP: u64 = 16;

/// Analyse `text` once, as one chunk (`Chunking::Whole`): nothing is kept for a next time, so its results
/// move into the document instead of being copied and then dropped with a cache.
pub fn analyse_fresh(text: &str, kind: DocKind, kb: &KnowledgeBase, settings: &RuleSettings) -> Analysis {
    let mut cache = ChunkCache::default();
    analyse_chunked(text, kind, kb, settings, &mut cache, Keep::Nothing, Chunking::Whole).into_flat()
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
        #[cfg(test)]
        Chunking::Safe => chunks::split(text, kind),
        Chunking::Grouped(one_in) => chunks::grouped(text, chunks::split(text, kind), one_in),
        Chunking::Whole => std::iter::once(0..text.len()).collect(),
    };
    let mut prefixes = vec![String::new(); ranges.len()];
    if kind == DocKind::Markdown && ranges.len() > 1 {
        let defined: Vec<Arc<footnotes::Defined>> = ranges
            .iter()
            .map(|r| definitions(&cache.keys, &mut cache.definitions, keep, &text[r.clone()]))
            .collect();
        cache.definitions.prune();
        match footnotes::prefixes(text, &ranges, &defined) {
            Some(found) => prefixes = found,
            None => {
                ranges = std::iter::once(0..text.len()).collect();
                prefixes = vec![String::new()];
            }
        }
    }

    let mut parts = Vec::with_capacity(ranges.len());
    for (range, prefix) in ranges.into_iter().zip(prefixes) {
        let chunk_text = &text[range.clone()];
        let key = cache.chunks.needs_key(keep).then(|| cache.keys.of(chunk_text, &prefix));
        let chunk = cache.chunks.get_or(key, keep, || {
            chunk::analyse(chunk_text, prefix, kind, kb, settings, keep)
        });
        parts.push((range.start, chunk));
    }
    cache.chunks.prune();
    assemble(text, kind, kb, settings, parts)
}

/// The footnotes and link definitions a chunk defines, from the cache when the chunk is unchanged.
fn definitions(keys: &Keys, kept: &mut Kept<footnotes::Defined>, keep: Keep, chunk: &str) -> Arc<footnotes::Defined> {
    if !footnotes::Defined::worth_reading(chunk) {
        return Arc::default();
    }
    let key = kept.needs_key(keep).then(|| keys.of(chunk, ""));
    kept.get_or(key, keep, || footnotes::Defined::in_chunk(chunk))
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
    let expected = text.len() / BYTES_PER_DOCUMENT_FINDING;
    let mut findings = run_enabled(settings, expected, |index, kind, out| {
        if let Kind::Document(rule) = kind {
            notes::merge(index, rule, kb, &notes, out);
        }
    });
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
    let (genre, genre_declared, profile) = sourcing::silence_unasked(text, settings, &mut parts);
    sourcing::carry_across_paragraphs(&mut parts, kb);
    own_voice::author_voice(text, &mut parts);
    sourcing::short_named_documents(text, &mut parts);
    sourcing::findings_of_a_lead_in(&mut parts);
    quoted_lead_in::quoted_after_a_lead_in(&mut parts);
    across_blocks::cut_sentences_and_advised_lists(&mut parts);
    speaker_turns::speakers_own_words(&mut parts);
    let assembled = Assembled {
        text,
        suppressions: &suppressions,
        genre,
        genre_declared,
        profile,
    };
    findings.extend(run_enabled(settings, 0, |_, kind, out| {
        if let Kind::Assembled(rule) = kind {
            rule.report(&assembled, out);
        }
    }));
    sort_as_in_a_document(&mut findings);
    distribute(&mut parts, findings);
    ChunkedAnalysis::new(kind, parts)
}

/// Fewer bytes than a briefing has for each finding of the document-scoped rules (the bench's corpus: about
/// 480), so that their findings seldom outgrow the room made for them.
const BYTES_PER_DOCUMENT_FINDING: usize = 256;

/// The findings of the enabled rules, each given to `run` with its place in [`rules::ALL`] and its kind (`run`
/// runs those of the kind it is for), at the severity the settings give it, in a vector with room for
/// `expected` of them.
fn run_enabled(
    settings: &RuleSettings,
    expected: usize,
    mut run: impl FnMut(usize, Kind, &mut Vec<Finding>),
) -> Vec<Finding> {
    let mut findings = Vec::with_capacity(expected);
    for (index, rule) in rules::ALL.iter().enumerate() {
        let info = rule.info();
        let Some(severity) = settings.severity(info.code, info.default_severity) else {
            continue;
        };
        let start = findings.len();
        run(index, rule.kind(), &mut findings);
        for finding in &mut findings[start..] {
            finding.severity = severity;
        }
    }
    findings
}

/// Sorted as a document's findings are: by where they start, then by code (stable, so one rule's findings at
/// the same place keep their order). `Part::findings` merges in the same order.
fn sort_as_in_a_document(findings: &mut [Finding]) {
    findings.sort_by(|a, b| a.range.start.cmp(&b.range.start).then(a.code.cmp(b.code)));
}

/// Give each part the document-scoped findings (sorted) that start in it: all of them to a lone part.
fn distribute(parts: &mut [Part], findings: Vec<Finding>) {
    if let [part] = parts {
        part.document_findings = findings;
        return;
    }
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

/// The sentences of `text` that get a finding of rule `code`, with knowledge base `kb`: for the tests of the
/// decisions made once the chunks are placed.
#[cfg(test)]
fn flagged_by<'t>(text: &'t str, kb: &KnowledgeBase, code: &str) -> Vec<&'t str> {
    analyse_fresh(text, DocKind::Markdown, kb, &RuleSettings::default())
        .findings
        .iter()
        .filter(|f| f.code == code)
        .map(|f| &text[f.range.clone()])
        .collect()
}

#[cfg(test)]
mod equivalence_tests;
