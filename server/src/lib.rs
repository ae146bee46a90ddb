//! brieflint's analysis core: text and a knowledge base in, findings out.
//!
//! The core knows nothing of files, terminals or the Language Server Protocol; the CLI (`cli`) and the language
//! server (`lsp`) are thin adapters over [`analyse`], so an editor and CI always agree.

pub mod actors;
pub mod analysis;
pub mod bits;
pub mod claims;
pub mod cli;
pub mod config;
pub mod document;
pub mod findings;
pub mod lexicon;
pub mod limits;
pub mod located;
pub mod lsp;
pub mod pattern;
pub mod rules;
pub mod suppress;
pub mod workspace;

// brieflint is an application: this library exists for its binary, tests and benchmarks. Setting the allocator
// here gives all of them the same one, so the benchmarks measure what the binary runs. The analysis makes many
// small short-lived allocations, and mimalloc serves those markedly faster than glibc's malloc.
#[cfg(feature = "mimalloc")]
mod allocator;
#[cfg(feature = "mimalloc")]
pub use allocator::purge_delay;
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: allocator::Mimalloc = allocator::Mimalloc;

pub use actors::KnowledgeBase;
pub use document::DocKind;
pub use findings::{Finding, Severity};

use actors::Mention;
use claims::Verdict;
use document::Document;
use std::collections::HashMap;
use std::ops::Range;

/// Which rules run and at what severity (`None` turns a rule off), and the options rules read.
#[derive(Clone, Debug, Default)]
pub struct RuleSettings {
    pub severities: HashMap<String, Option<Severity>>,
    /// The likelihood scale estimative-language suggestions come from.
    pub likelihood_scale: claims::likelihood::Scale,
    /// Extra names the team trusts as named sources ("ACLED").
    pub trusted_sources: Vec<String>,
    /// Extra phrases the team treats as vague sourcing ("people familiar with the matter").
    pub vague_phrases: Vec<String>,
    /// The document's genre when the configuration declares it for the file; else its front matter's, or the
    /// one it reads as.
    pub genre: Option<analysis::genre::Genre>,
}

impl RuleSettings {
    /// The severity a rule reports at, or `None` when it is off.
    pub fn severity(&self, code: &str, default: Severity) -> Option<Severity> {
        self.severities.get(code).copied().unwrap_or(Some(default))
    }
}

/// An actor mention located in the original text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocatedMention {
    /// Byte range in the original text.
    pub range: Range<usize>,
    /// Range in the block's plain text.
    pub plain: Range<usize>,
    /// Index into the knowledge base's surfaces: what was matched.
    pub surface: usize,
    pub block: usize,
}

/// Everything the core found in one document.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub document: Document,
    /// Actor mentions per block, in the block's plain-text offsets.
    pub block_mentions: Vec<Vec<Mention>>,
    /// One verdict per sentence of `document`.
    pub verdicts: Vec<Verdict>,
    /// Sorted by position.
    pub findings: Vec<Finding>,
    /// `block_mentions` located in the original text, in order (found per chunk, with the chunk).
    pub(crate) located: Vec<LocatedMention>,
}

impl Analysis {
    /// All actor mentions with their byte ranges in the original text, in order.
    pub fn mentions(&self) -> &[LocatedMention] {
        &self.located
    }
}

pub(crate) fn locate_mentions(document: &Document, block_mentions: &[Vec<Mention>]) -> Vec<LocatedMention> {
    let mut located = Vec::with_capacity(block_mentions.iter().map(Vec::len).sum());
    for (block_index, (block, mentions)) in document.blocks.iter().zip(block_mentions).enumerate() {
        for mention in mentions {
            located.push(LocatedMention {
                range: block.source_range(&mention.range),
                plain: mention.range.clone(),
                surface: mention.surface,
                block: block_index,
            });
        }
    }
    located
}

/// Analyse a document with every rule at its default severity.
pub fn analyse(text: &str, kind: DocKind, kb: &KnowledgeBase) -> Analysis {
    analyse_with(text, kind, kb, &RuleSettings::default())
}

/// Analyse a document with the given rule settings: the chunked analysis with nothing cached, the same the
/// language server runs with its cache.
pub fn analyse_with(text: &str, kind: DocKind, kb: &KnowledgeBase, settings: &RuleSettings) -> Analysis {
    analysis::analyse_fresh(text, kind, kb, settings)
}
