//! One analysed version of a document, as the scheduler makes it and every feature reads it.
//!
//! Hovers, completions and code actions read the kept snapshot instead of analysing again. A snapshot records
//! the version and the workspace generation it was made from, so a result made from older text or an older
//! knowledge base is recognised as stale.

use super::positions::{self, Encoding};
use super::project::Knowledge;
use brieflint_core::analysis::ChunkedAnalysis;
use brieflint_core::limits::MAX_DOCUMENT_BYTES;
use brieflint_core::LocatedMention;
use ropey::Rope;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

pub struct Snapshot {
    pub version: i32,
    /// Which workspace (knowledge base and settings) it was analysed with.
    pub generation: u64,
    pub rope: Rope,
    pub text: String,
    pub analysis: ChunkedAnalysis,
    /// Each mentioned actor's (by index in the knowledge base) first mention, as an index into `mentions`:
    /// completion asks this for every candidate on every keystroke, go-to-definition for the actor it jumps to.
    /// Made at the first such request, not before the diagnostics are published.
    first_mention: OnceLock<HashMap<usize, usize>>,
    /// The knowledge base it was analysed with.
    knowledge: Arc<Knowledge>,
    /// Whether the document is linted at all (see `linted.rs`); if not, its analysis is empty and it is served
    /// nothing.
    pub linted: bool,
}

/// Whether a text is too large to be a briefing: refused, as `brieflint check` refuses such a file, rather than
/// analysed.
pub fn too_large(text: &str) -> bool {
    text.len() > MAX_DOCUMENT_BYTES
}

impl Snapshot {
    pub fn new(
        version: i32,
        generation: u64,
        rope: Rope,
        text: String,
        analysis: ChunkedAnalysis,
        knowledge: Arc<Knowledge>,
        linted: bool,
    ) -> Self {
        Snapshot {
            version,
            generation,
            rope,
            text,
            analysis,
            first_mention: OnceLock::new(),
            knowledge,
            linted,
        }
    }

    /// Whether the text was refused (see [`too_large`]): its analysis is empty, and its one diagnostic says why.
    /// A document that is not linted is not told.
    pub fn too_large(&self) -> bool {
        self.linted && too_large(&self.text)
    }

    /// The knowledge base it was analysed with.
    pub fn kb(&self) -> &brieflint_core::KnowledgeBase {
        &self.knowledge.kb
    }

    /// The analysis's actor mentions located in `text`, in order.
    pub fn mentions(&self) -> &[LocatedMention] {
        self.analysis.mentions()
    }

    /// The actor's first mention in this version of the document.
    pub fn first_mention(&self, actor: usize) -> Option<&LocatedMention> {
        let first = self.first_mention.get_or_init(|| {
            let mut first = HashMap::new();
            for (index, mention) in self.mentions().iter().enumerate() {
                for &(actor, _) in &self.knowledge.kb.matcher().surface(mention.surface).actors {
                    first.entry(actor).or_insert(index);
                }
            }
            first
        });
        first.get(&actor).map(|&index| &self.mentions()[index])
    }

    /// The LSP range of a byte range of this snapshot's text.
    pub fn range(&self, bytes: &std::ops::Range<usize>, encoding: Encoding) -> tower_lsp_server::ls_types::Range {
        positions::range(&self.rope, bytes, encoding)
    }
}
