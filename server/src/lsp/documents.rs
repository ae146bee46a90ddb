//! Open documents: each one's text as a rope (edited in place by incremental changes) and the last analysis.
//!
//! The analysis is kept per document so that hovers, completions and code actions read it without
//! re-analysing. A snapshot records the version and the workspace generation it was made from, so a result made
//! from older text or an older knowledge base is recognised as stale.

use super::positions::{self, Encoding};
use super::project::Knowledge;
use brieflint_core::analysis::ChunkedAnalysis;
use brieflint_core::analysis::{analyse_cached, ChunkCache};
use brieflint_core::{DocKind, KnowledgeBase, LocatedMention, RuleSettings};
use ropey::Rope;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use tower_lsp_server::ls_types::TextDocumentContentChangeEvent;

/// One analysed version of a document.
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
}

impl Snapshot {
    pub fn new(
        version: i32,
        generation: u64,
        rope: Rope,
        text: String,
        analysis: ChunkedAnalysis,
        knowledge: Arc<Knowledge>,
    ) -> Self {
        Snapshot {
            version,
            generation,
            rope,
            text,
            analysis,
            first_mention: OnceLock::new(),
            knowledge,
        }
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

/// The document's analysed chunks, kept between edits so that only changed chunks are analysed again; valid
/// for one workspace generation (knowledge base and settings).
#[derive(Default)]
pub struct KeptChunks {
    generation: u64,
    cache: ChunkCache,
}

impl KeptChunks {
    pub fn analyse(
        &mut self,
        text: &str,
        kind: DocKind,
        kb: &KnowledgeBase,
        settings: &RuleSettings,
        generation: u64,
    ) -> ChunkedAnalysis {
        if self.generation != generation {
            *self = KeptChunks {
                generation,
                cache: ChunkCache::default(),
            };
        }
        analyse_cached(text, kind, kb, settings, &mut self.cache)
    }
}

/// The rope's text in one string, made at its final size (`to_string` grows it, copying megabytes more than once).
pub fn text_of(rope: &Rope) -> String {
    let mut text = String::with_capacity(rope.len_bytes());
    rope.chunks().for_each(|chunk| text.push_str(chunk));
    text
}

pub struct OpenDocument {
    pub kind: DocKind,
    pub version: i32,
    pub rope: Rope,
    /// The latest analysis, possibly of an older version (see [`OpenDocument::current`]).
    pub snapshot: Option<Arc<Snapshot>>,
    /// A refresh is running for this document; `pending` asks it to go round again for a newer version.
    pub analysing: bool,
    pub pending: bool,
    /// Shared with the analysis running on the blocking pool.
    pub chunks: Arc<Mutex<KeptChunks>>,
}

impl OpenDocument {
    pub fn new(kind: DocKind, version: i32, text: &str) -> OpenDocument {
        OpenDocument {
            kind,
            version,
            rope: Rope::from_str(text),
            snapshot: None,
            analysing: false,
            pending: false,
            chunks: Arc::default(),
        }
    }

    /// Apply a didChange's edits in order. A change without a range replaces the whole text; ranges outside the
    /// text are clamped.
    pub fn apply(&mut self, version: i32, changes: Vec<TextDocumentContentChangeEvent>, encoding: Encoding) {
        for change in changes {
            match change.range {
                None => self.rope = Rope::from_str(&change.text),
                Some(range) => {
                    let a = positions::char_index(&self.rope, range.start, encoding);
                    let b = positions::char_index(&self.rope, range.end, encoding);
                    let (start, end) = (a.min(b), a.max(b));
                    self.rope.remove(start..end);
                    self.rope.insert(start, &change.text);
                }
            }
        }
        self.version = version;
    }

    /// The snapshot when it is of this version and workspace generation.
    pub fn current(&self, generation: u64) -> Option<Arc<Snapshot>> {
        self.snapshot
            .clone()
            .filter(|s| s.version == self.version && s.generation == generation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::{Position, Range};

    fn change(start: (u32, u32), end: (u32, u32), text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(start.0, start.1), Position::new(end.0, end.1))),
            range_length: None,
            text: text.into(),
        }
    }

    #[test]
    fn incremental_changes_apply_in_order_in_either_encoding() {
        let mut doc = OpenDocument::new(DocKind::Markdown, 1, "a😀b\r\nline two\n");
        doc.apply(
            2,
            vec![change((0, 3), (0, 4), "B"), change((1, 0), (1, 4), "LINE")],
            Encoding::Utf16,
        );
        assert_eq!(doc.rope.to_string(), "a😀B\r\nLINE two\n");
        doc.apply(3, vec![change((0, 5), (0, 6), "c")], Encoding::Utf8);
        assert_eq!(doc.rope.to_string(), "a😀c\r\nLINE two\n");
        assert_eq!(doc.version, 3);
    }

    #[test]
    fn the_text_of_a_rope_of_many_pieces_is_whole() {
        let text = "Line with ünïcode 😀\r\n".repeat(5000);
        let rope = Rope::from_str(&text);
        assert!(rope.chunks().count() > 10);
        assert_eq!(text_of(&rope), text);
    }

    #[test]
    fn out_of_range_and_reversed_changes_do_not_panic() {
        let mut doc = OpenDocument::new(DocKind::PlainText, 1, "abc");
        doc.apply(2, vec![change((9, 9), (0, 1), "X")], Encoding::Utf16);
        assert_eq!(doc.rope.to_string(), "aX");
        doc.apply(3, vec![change((5, 0), (7, 0), "!")], Encoding::Utf8);
        assert_eq!(doc.rope.to_string(), "aX!");
    }
}
