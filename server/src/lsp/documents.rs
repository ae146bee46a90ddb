//! Open documents: each one's text as a rope, edited in place by incremental changes, beside what the
//! scheduler keeps of its analysis.

use super::positions::{self, Encoding};
use super::scheduler::KeptAnalysis;
use brieflint_core::DocKind;
use ropey::Rope;
use tower_lsp_server::ls_types::TextDocumentContentChangeEvent;

pub struct OpenDocument {
    pub kind: DocKind,
    pub version: i32,
    pub rope: Rope,
    pub analysis: KeptAnalysis,
}

impl OpenDocument {
    pub fn new(kind: DocKind, version: i32, text: &str) -> OpenDocument {
        OpenDocument {
            kind,
            version,
            rope: Rope::from_str(text),
            analysis: KeptAnalysis::default(),
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
    fn out_of_range_and_reversed_changes_do_not_panic() {
        let mut doc = OpenDocument::new(DocKind::PlainText, 1, "abc");
        doc.apply(2, vec![change((9, 9), (0, 1), "X")], Encoding::Utf16);
        assert_eq!(doc.rope.to_string(), "aX");
        doc.apply(3, vec![change((5, 0), (7, 0), "!")], Encoding::Utf8);
        assert_eq!(doc.rope.to_string(), "aX!");
    }
}
