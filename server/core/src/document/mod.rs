//! The document model: text → blocks (heading, paragraph, list item, table cell, footnote) → sentences.
//!
//! Each block keeps its prose as plain text (Markdown markup removed, code left out) together with a map back
//! to byte offsets in the original file, so everything found in the plain text can be reported in place.

pub mod front_matter;
mod markdown;
mod offsets;
mod plaintext;
pub(crate) use plaintext::stops_on_a_function_word;
pub mod quotes;
pub mod sentences;

pub(crate) use markdown::options as markdown_options;
pub use offsets::OffsetMap;

use std::ops::Range;
use std::path::Path;

/// The kinds of file brieflint reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocKind {
    Markdown,
    PlainText,
}

impl DocKind {
    /// The kind for a path by its extension, or `None` for files brieflint does not check.
    pub fn from_path(path: &Path) -> Option<DocKind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(DocKind::Markdown),
            "txt" => Some(DocKind::PlainText),
            _ => None,
        }
    }

    /// The kind for an LSP language id.
    pub fn from_language_id(id: &str) -> Option<DocKind> {
        match id {
            "markdown" => Some(DocKind::Markdown),
            "plaintext" | "text" => Some(DocKind::PlainText),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Heading,
    Paragraph,
    ListItem,
    TableCell,
    /// The text of a footnote definition: the source itself, never a claim.
    FootnoteDefinition,
}

/// A run of prose: one paragraph, heading, list item, table cell or footnote definition.
#[derive(Clone, Debug)]
pub struct Block {
    pub kind: BlockKind,
    /// Inside a block quote (someone else's words).
    pub quoted: bool,
    /// The prose with markup removed.
    pub text: String,
    /// Maps offsets in `text` to byte offsets in the original file.
    pub map: OffsetMap,
    /// Links and footnote references, as ranges of `text`.
    pub citations: Vec<Range<usize>>,
}

impl Block {
    /// Whether `plain` (a range of the block's text) is someone else's quoted words: in a block quote or inside
    /// quotation marks.
    pub fn quotes(&self, plain: &Range<usize>) -> bool {
        self.quoted || quotes::in_quotation(&self.text, plain)
    }

    /// The same block in a text where its source starts `by` bytes later (or earlier, when negative).
    pub(crate) fn shifted(&self, by: isize) -> Block {
        Block {
            kind: self.kind,
            quoted: self.quoted,
            text: self.text.clone(),
            map: self.map.shifted(by),
            citations: self.citations.clone(),
        }
    }

    /// The byte range of `plain` (a range of `text`) in the original file.
    pub fn source_range(&self, plain: &Range<usize>) -> Range<usize> {
        let start = self.map.to_source(plain.start);
        let end = self.map.to_source_end(plain.end).max(start);
        start..end
    }
}

/// `range` moved by `by` bytes: what a chunk found, placed in the document.
pub fn shift(range: &Range<usize>, by: isize) -> Range<usize> {
    range.start.wrapping_add_signed(by)..range.end.wrapping_add_signed(by)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Index of the block the sentence belongs to.
    pub block: usize,
    /// The sentence as a range of its block's plain text.
    pub plain: Range<usize>,
    /// The sentence as a byte range of the original file.
    pub range: Range<usize>,
}

#[derive(Clone, Debug)]
pub struct Document {
    pub kind: DocKind,
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// The sentence that holds the byte `offset` of the original text, with its index.
    pub fn sentence_at(&self, offset: usize) -> Option<(usize, &Sentence)> {
        let index = self.sentences.partition_point(|s| s.range.end <= offset);
        self.sentences
            .get(index)
            .filter(|s| s.range.start <= offset)
            .map(|s| (index, s))
    }

    pub fn parse(text: &str, kind: DocKind) -> Document {
        let blocks = match kind {
            DocKind::Markdown => markdown::blocks(text),
            DocKind::PlainText => plaintext::blocks(text),
        };
        let mut sentences = Vec::with_capacity(text.len() / BYTES_PER_SENTENCE);
        let mut plains = Vec::new();
        for (index, block) in blocks.iter().enumerate() {
            plains.clear();
            sentences::split_into(&block.text, &mut plains);
            sentences.extend(plains.drain(..).map(|plain| Sentence {
                block: index,
                range: widen_over_markup(text, block.source_range(&plain)),
                plain,
            }));
        }
        Document {
            kind,
            blocks,
            sentences,
        }
    }

    /// The plain text of a sentence.
    pub fn sentence_text(&self, sentence: &Sentence) -> &str {
        &self.blocks[sentence.block].text[sentence.plain.clone()]
    }
}

/// Fewer bytes than a briefing's sentences take on average (the bench's corpus: 82 in Markdown, 83 in plain
/// text), so that a document's sentences seldom outgrow the room made for them: growing a vector of thousands
/// copies it again and again.
const BYTES_PER_SENTENCE: usize = 64;

/// Fewer bytes than a briefing's blocks take on average (the bench's corpus: 166 in Markdown, 196 in plain text),
/// for the same reason.
const BYTES_PER_BLOCK: usize = 128;

/// Widen a sentence's source range over the inline markup that opens or closes around it (`**`, `[`, `](url)`),
/// so that an edit or underline covers the whole sentence as written.
fn widen_over_markup(text: &str, range: Range<usize>) -> Range<usize> {
    let bytes = text.as_bytes();
    let mut start = range.start;
    while start > 0 && matches!(bytes[start - 1], b'*' | b'_' | b'~' | b'[') {
        start -= 1;
    }
    let mut end = range.end;
    loop {
        if end < bytes.len() && matches!(bytes[end], b'*' | b'_' | b'~') {
            end += 1;
        } else if text[end..].starts_with("](") {
            match text[end..].find(')') {
                Some(close) if !text[end..end + close].contains('\n') => end += close + 1,
                _ => break,
            }
        } else {
            break;
        }
    }
    start..end
}

/// Builds a block's plain text piece by piece while recording where each piece came from.
#[derive(Default)]
pub(crate) struct BlockBuilder {
    text: String,
    map: OffsetMap,
    citations: Vec<Range<usize>>,
}

impl BlockBuilder {
    /// Room for `len` bytes of text, and pieces of a few dozen bytes each.
    pub fn with_capacity(len: usize) -> BlockBuilder {
        BlockBuilder {
            text: String::with_capacity(len),
            map: OffsetMap::with_capacity(len / 32 + 1),
            citations: Vec::new(),
        }
    }

    /// Append `piece`, which stands for `source` in the original file.
    pub fn push(&mut self, piece: &str, source: Range<usize>) {
        if piece.is_empty() {
            return;
        }
        self.map.push(self.text.len(), piece.len(), source);
        self.text.push_str(piece);
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    pub fn cite(&mut self, plain: Range<usize>) {
        if !plain.is_empty() {
            self.citations.push(plain);
        }
    }

    pub fn finish(self, kind: BlockKind, quoted: bool) -> Block {
        Block {
            kind,
            quoted,
            text: self.text,
            map: self.map,
            citations: self.citations,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_paths_and_language_ids() {
        assert_eq!(DocKind::from_path(Path::new("a/b.MD")), Some(DocKind::Markdown));
        assert_eq!(DocKind::from_path(Path::new("b.markdown")), Some(DocKind::Markdown));
        assert_eq!(DocKind::from_path(Path::new("b.txt")), Some(DocKind::PlainText));
        assert_eq!(DocKind::from_path(Path::new("b.rs")), None);
        assert_eq!(DocKind::from_language_id("text"), Some(DocKind::PlainText));
    }

    #[test]
    fn pasted_lines_and_hard_breaks_end_sentences_in_markdown() {
        let pasted =
            "Kurram after the blockade\nThe Thall road reopened on Monday after three weeks of closure and talks.\n";
        let doc = Document::parse(pasted, DocKind::Markdown);
        let found: Vec<&str> = doc.sentences.iter().map(|s| &pasted[s.range.clone()]).collect();
        assert_eq!(
            found,
            vec![
                "Kurram after the blockade",
                "The Thall road reopened on Monday after three weeks of closure and talks."
            ]
        );
        // A date line and the time stamp under it are two lines of their own.
        let stamped = "Volume 781: debated on Thursday 3 December 2026\n1.12 pm\n";
        assert_eq!(Document::parse(stamped, DocKind::Markdown).sentences.len(), 2);
        // A paragraph wrapped in the editor stays one sentence.
        let wrapped = "The Thall road reopened on Monday after a closure of\nnearly three weeks, the district administration said.\n";
        assert_eq!(Document::parse(wrapped, DocKind::Markdown).sentences.len(), 1);
        let hard = "clearly defining its mission,  \nestablishing performance goals, and  \ncommunicating results.\n";
        assert_eq!(Document::parse(hard, DocKind::Markdown).sentences.len(), 3);
    }

    #[test]
    fn sentences_keep_their_byte_ranges_in_markdown() {
        let text = "# Title\n\nThe **TTP** attacked a post. [Dawn](https://dawn.com) reported it.\n";
        let doc = Document::parse(text, DocKind::Markdown);
        let found: Vec<&str> = doc.sentences.iter().map(|s| &text[s.range.clone()]).collect();
        assert_eq!(
            found,
            vec![
                "Title",
                "The **TTP** attacked a post.",
                "[Dawn](https://dawn.com) reported it."
            ]
        );
        assert_eq!(doc.sentence_text(&doc.sentences[1]), "The TTP attacked a post.");
    }
}
