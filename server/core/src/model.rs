//! What the analysis hands out and is handed: the rule settings, the analysis of one document and the actor
//! mentions located in it. Below `analysis` and `rules`, so that both can name them.

use crate::actors::Mention;
use crate::claims::genre::Genre;
use crate::claims::{likelihood::Scale, Verdict};
use crate::document::Document;
use crate::findings::{Finding, Severity};
use std::collections::HashMap;
use std::ops::Range;

/// Which rules run and at what severity (`None` turns a rule off), and the options rules read.
#[derive(Clone, Debug, Default)]
pub struct RuleSettings {
    pub severities: HashMap<String, Option<Severity>>,
    /// The likelihood scale estimative-language suggestions come from.
    pub likelihood_scale: Scale,
    /// Extra names the team trusts as named sources ("ACLED").
    pub trusted_sources: Vec<String>,
    /// Extra phrases the team treats as vague sourcing ("people familiar with the matter").
    pub vague_phrases: Vec<String>,
    /// The document's genre when the configuration declares it for the file; else its front matter's, or the
    /// one it reads as.
    pub genre: Option<Genre>,
}

impl RuleSettings {
    /// The team's sourcing words, as the classifier takes them.
    pub fn team_sources(&self) -> crate::claims::TeamSources<'_> {
        crate::claims::TeamSources {
            trusted: &self.trusted_sources,
            vague: &self.vague_phrases,
        }
    }

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

pub fn locate_mentions(document: &Document, block_mentions: &[Vec<Mention>]) -> Vec<LocatedMention> {
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
