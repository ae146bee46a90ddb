//! Splitting a document into chunks that analyse the same alone as in the whole text.
//!
//! A chunk starts after a blank line, at a line that opens a new top-level block and cannot continue anything
//! before it. Markdown constructs that may span blank lines (fenced code, HTML comments, metadata blocks) are
//! followed; where the scan cannot be sure (an indented fence, a raw-HTML block that ends at a closing tag, a
//! second metadata fence), the whole document is one chunk, which is always right, only slower.

use crate::DocKind;
use std::ops::Range;

/// The chunks of `text`, in order, covering it exactly.
pub fn split(text: &str, kind: DocKind) -> Vec<Range<usize>> {
    let starts = match kind {
        DocKind::PlainText => plain_starts(text),
        DocKind::Markdown => markdown_starts(text).unwrap_or_default(),
    };
    let mut chunks = Vec::with_capacity(starts.len() + 1);
    let mut start = 0;
    for next in starts {
        chunks.push(start..next);
        start = next;
    }
    chunks.push(start..text.len());
    chunks
}

/// Each line's start offset and its text without the line break, lines ending at "\n" as the plain-text reader
/// has them (and the Markdown one, in a text without lone carriage returns).
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut start = 0;
    // memchr: the chunks are found again on every edit, and `split_inclusive` costs several times more per line.
    std::iter::from_fn(move || {
        let at = start;
        if at >= text.len() {
            return None;
        }
        start = memchr::memchr(b'\n', &bytes[at..]).map_or(text.len(), |i| at + i + 1);
        Some((at, text[at..start].trim_end_matches(['\n', '\r'])))
    })
}

/// Plain text: a blank line ends every block, so each line after one starts a chunk.
fn plain_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut after_blank = false;
    for (at, line) in lines(text) {
        let blank = line.trim().is_empty();
        if !blank && after_blank && at > 0 {
            starts.push(at);
        }
        after_blank = blank;
    }
    starts
}

/// What the Markdown scan is inside of.
enum Open {
    Nothing,
    /// A fence of this character at least this long.
    Fence(u8, usize),
    HtmlComment,
}

/// Markdown chunk starts, or `None` when the document must be one chunk.
fn markdown_starts(text: &str) -> Option<Vec<usize>> {
    // A line ending in a lone carriage return is read one way in some places and another in others (a fence
    // after one was seen to close a code block for this scan and not for the parser): old Mac files are rare
    // enough to be analysed whole.
    let bytes = text.as_bytes();
    if memchr::memchr_iter(b'\r', bytes).any(|at| bytes.get(at + 1) != Some(&b'\n')) {
        return None;
    }
    let mut starts = Vec::new();
    let mut open = Open::Nothing;
    let mut after_blank = false;
    // A line opened what may be an HTML block, which runs to the next blank line.
    let mut html_to_blank = false;
    let mut lines = lines(text).peekable();
    // Front matter: a metadata fence on the first line runs to its closing line.
    if let Some(&(_, first)) = lines.peek() {
        if is_metadata_fence(first) {
            lines.next();
            // A blank line right after the fence and it is no metadata block but a rule or a heading underline,
            // and what follows is read as anything may be: the scan cannot be sure.
            if lines.peek().is_none_or(|&(_, second)| second.trim().is_empty()) {
                return None;
            }
            let closed = lines.by_ref().any(|(_, line)| is_metadata_fence(line));
            if !closed {
                return Some(starts);
            }
        }
    }
    for (at, line) in lines {
        let indent = line.bytes().take_while(|&b| b == b' ').count();
        let rest = &line[indent..];
        match open {
            Open::Fence(ch, len) => {
                if indent == 0 && closes_fence(rest, ch, len) {
                    open = Open::Nothing;
                } else if indent > 0 && indent < 4 && closes_fence(rest, ch, len) {
                    return None;
                }
                after_blank = false;
                continue;
            }
            Open::HtmlComment => {
                if line.contains("-->") {
                    open = Open::Nothing;
                }
                after_blank = false;
                continue;
            }
            Open::Nothing => {}
        }
        let blank = line.trim_matches([' ', '\t']).is_empty();
        if blank {
            after_blank = true;
            html_to_blank = false;
            continue;
        }
        if is_metadata_fence(line) {
            return None;
        }
        if indent < 4 && !line.starts_with('\t') {
            // Inside an HTML block a fence or comment marker is HTML; a tag at the start of a line that continues
            // a paragraph is not a block, and then the marker is one. Telling these apart is the parser's job.
            let marker = fence_opening(rest).is_some() || rest.starts_with("<!--");
            if html_to_blank && marker {
                return None;
            }
            if opens_html_to_blank(rest) {
                html_to_blank = true;
            }
            if let Some(fence) = fence_opening(rest) {
                if indent > 0 {
                    return None;
                }
                open = fence;
            } else if let Some(comment) = rest.strip_prefix("<!--") {
                if !comment.contains("-->") {
                    open = Open::HtmlComment;
                }
            } else if spans_blank_lines_as_html(rest) {
                return None;
            }
        }
        if after_blank && indent == 0 && starts_fresh_block(line) && at > 0 {
            starts.push(at);
        }
        after_blank = false;
    }
    Some(starts)
}

/// `---`, `+++` or `...` alone on a line: pulldown-cmark opens or closes a metadata block there, anywhere.
fn is_metadata_fence(line: &str) -> bool {
    matches!(line.trim_end_matches([' ', '\t']), "---" | "+++" | "...")
}

fn fence_opening(rest: &str) -> Option<Open> {
    let ch = *rest.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let len = rest.bytes().take_while(|&b| b == ch).count();
    if len < 3 || (ch == b'`' && rest[len..].contains('`')) {
        return None;
    }
    Some(Open::Fence(ch, len))
}

fn closes_fence(rest: &str, ch: u8, len: usize) -> bool {
    let run = rest.bytes().take_while(|&b| b == ch).count();
    run >= len && rest[run..].trim_matches([' ', '\t']).is_empty()
}

/// A tag at the start of a line: an HTML block that ends at the next blank line may open there.
fn opens_html_to_blank(rest: &str) -> bool {
    let mut bytes = rest.bytes();
    bytes.next() == Some(b'<') && bytes.next().is_some_and(|b| b.is_ascii_alphabetic() || b == b'/')
}

/// Raw-HTML blocks that end only at a closing tag or marker, possibly after blank lines.
fn spans_blank_lines_as_html(rest: &str) -> bool {
    if !rest.starts_with('<') {
        return false;
    }
    let lower = rest.get(..10).unwrap_or(rest).to_ascii_lowercase();
    ["<script", "<pre", "<style", "<textarea", "<?", "<![cdata["]
        .iter()
        .any(|tag| lower.starts_with(tag))
        || (lower.starts_with("<!") && lower.as_bytes().get(2).is_some_and(u8::is_ascii_alphabetic))
}

/// A line that starts a block which cannot continue a list, quote, table, footnote or definition before it.
pub(super) fn starts_fresh_block(line: &str) -> bool {
    let Some(&first) = line.as_bytes().first() else {
        return false;
    };
    if first.is_ascii_whitespace() || b"-+*>|[<:=_!\\".contains(&first) {
        return false;
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    !(digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')')))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str, kind: DocKind) -> Vec<&str> {
        split(text, kind).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn paragraphs_and_headings_start_chunks_but_lists_and_fences_do_not() {
        let text = "# Title\n\nOne.\n\n- a\n\n- b\n\n```\nx\n\ny\n```\n\nTwo.\n";
        assert_eq!(
            pieces(text, DocKind::Markdown),
            vec![
                "# Title\n\n",
                "One.\n\n- a\n\n- b\n\n",
                "```\nx\n\ny\n```\n\n",
                "Two.\n"
            ]
        );
    }

    #[test]
    fn front_matter_and_comments_are_kept_whole() {
        let text = "---\ntitle: x\n\nmore: y\n---\n\nA.\n\n<!--\n\nB.\n-->\n\nC.\n";
        assert_eq!(
            pieces(text, DocKind::Markdown),
            vec!["---\ntitle: x\n\nmore: y\n---\n\n", "A.\n\n<!--\n\nB.\n-->\n\n", "C.\n"]
        );
    }

    #[test]
    fn a_lone_carriage_return_makes_the_document_one_chunk() {
        // The comment opens on a line of its own after "\r": what follows it is inside it, not a new chunk.
        let text = "A.\r\n\r<!--\n\nB.\n\nC.\n";
        assert_eq!(pieces(text, DocKind::Markdown), vec![text]);
        // A fence after a lone "\r" does not close the code block for the parser: such files are one chunk.
        let text = "```\ncode\n\r```\n\nA.\n\nB.\n";
        assert_eq!(pieces(text, DocKind::Markdown), vec![text]);
        assert_eq!(pieces("A.\r\rB.\r", DocKind::Markdown), vec!["A.\r\rB.\r"]);
    }

    #[test]
    fn uncertain_documents_are_one_chunk() {
        for text in [
            // The first fence is inside the <div> block, so the second one opens a fence to the end.
            "<div>\nx\n</div>\nA.\n```\ncode\n\nB.\n```\n\nC.\n\nD.\n",
            "A.\n\n---\nx\n\nB.\n---\n",
            "- a\n  ```\nb\n\nC.\n```\n",
            "<pre>\n\nD.\n</pre>\n",
            // Not front matter (a blank line follows the fence): the comment runs to the end.
            "---\n\n\n<!--title: Briefing\n---\n\n# Update\n\n",
        ] {
            assert_eq!(pieces(text, DocKind::Markdown), vec![text]);
        }
    }

    #[test]
    fn plain_text_splits_at_blank_lines() {
        let text = "Head\r\nLine one\r\n\r\nLine two\r\n";
        assert_eq!(
            pieces(text, DocKind::PlainText),
            vec!["Head\r\nLine one\r\n\r\n", "Line two\r\n"]
        );
    }
}
