//! One chunk analysed alone: its blocks, sentences, mentions, verdicts, the findings of the block-scoped rules
//! and the notes of the document-scoped ones, with offsets in the chunk's own text (after its footnote prefix).

use super::notes::Notes;
use super::Keep;
use crate::actors::{KnowledgeBase, Mention};
use crate::claims::{self, Verdict};
use crate::document::DocKind;
use crate::document::Document;
use crate::findings::Finding;
use crate::model::LocatedMention;
use crate::model::RuleSettings;
use crate::rules::{self, Kind};

/// One chunk's text and what was found in it, with offsets in `prefix + text`.
pub(super) struct Chunk {
    /// Empty when the analysis keeps nothing ([`Keep::Nothing`]): its parts are only ever made flat, which
    /// reads no chunk's text, and a copy of a whole document's text would be thrown away.
    pub text: Box<str>,
    /// Stub definitions of the footnotes the chunk cites but another chunk defines, parsed before it.
    pub prefix: String,
    pub document: Document,
    pub mentions: Vec<Vec<Mention>>,
    pub verdicts: Vec<Verdict>,
    /// The mentions located in `prefix + text`, with the chunk's block indices.
    pub located: Vec<LocatedMention>,
    /// The findings of the enabled block-scoped rules at their configured severity, sorted as a document's
    /// findings are (by start, then code).
    pub findings: Vec<Finding>,
    /// What the document-scoped rules need from the chunk.
    pub notes: Notes,
    /// The short forms the chunk gives to laws it names in full ("… Act of 2004 (IRTPA)"), found once with
    /// the chunk rather than in the whole text at each edit.
    pub short_names: Vec<String>,
}

impl Chunk {
    /// What to add to the chunk's offsets to place them in a document where its text starts at `start`.
    pub fn shift_at(&self, start: usize) -> isize {
        start as isize - self.prefix.len() as isize
    }
}

pub(super) fn analyse(
    text: &str,
    prefix: String,
    kind: DocKind,
    kb: &KnowledgeBase,
    settings: &RuleSettings,
    keep: Keep,
) -> Chunk {
    let parsed;
    let source: &str = if prefix.is_empty() {
        text
    } else {
        parsed = format!("{prefix}{text}");
        &parsed
    };
    let mut document = Document::parse(source, kind);
    drop_prefix_blocks(&mut document, prefix.len());
    let mentions = kb.find_mentions_in_each(document.blocks.iter().map(|b| b.text.as_str()));
    let (verdicts, rule_cues) = claims::classify_sentences(&document, kb, &mentions, settings.team_sources());
    let located = crate::model::locate_mentions(&document, &mentions);
    let ctx = rules::Context {
        text: source,
        document: &document,
        kb,
        mentions: &mentions,
        located: &located,
        verdicts: &verdicts,
        capitals: std::cell::OnceCell::new(),
        rule_cues: &rule_cues,
        settings,
    };
    let expected = text.len() / BYTES_PER_FINDING;
    let mut findings = super::run_enabled(settings, expected, |_, kind, out| {
        if let Kind::Block(rule) = kind {
            rule.check(&ctx, out);
        }
    });
    super::sort_as_in_a_document(&mut findings);
    let notes = Notes::of(&ctx);
    let short_names = claims::short_names::document_short_names(text);
    Chunk {
        text: match keep {
            Keep::Chunks => text.into(),
            Keep::Nothing => Box::default(),
        },
        prefix,
        document,
        mentions,
        verdicts,
        located,
        findings,
        notes,
        short_names,
    }
}

/// Fewer bytes than a briefing has for each finding of the block-scoped rules (the bench's corpus: 215 in
/// Markdown, 148 in plain text), so that a long chunk's findings seldom outgrow the room made for them.
const BYTES_PER_FINDING: usize = 128;

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
