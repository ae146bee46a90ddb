//! Splitting a document into chunks that analyse the same alone as in the whole text.
//!
//! A chunk starts after a blank line, at a line that opens a new top-level block and cannot continue anything
//! before it. Markdown constructs that may span blank lines (fenced code, HTML comments, metadata blocks) are
//! followed; where the scan cannot be sure (an indented fence, a raw-HTML block that ends at a closing tag, a
//! second metadata fence), the whole document is one chunk, which is always right, only slower.

use crate::document::DocKind;
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

/// A group grows past this many bytes only up to its next chunk.
const MAX_GROUP_BYTES: usize = 32 << 10;

/// Consecutive `chunks` of `text` joined into groups, which analyse the same alone as the chunks do, since
/// each group starts where a chunk does. A group ends before a chunk whose first line hashes to a multiple of
/// `one_in`, or once it has grown past `MAX_GROUP_BYTES`. So where the groups end depends on those lines'
/// text, not on where they stand: an edit changes the group it falls in (and the one before, if it edits such
/// a first line), and the others stay as they were, except after a group that reached the size limit.
///
/// Why group: every chunk costs the language server something on each edit however small it is (a look-up in
/// the cache, its notes read by the document-scoped rules, its kept diagnostics), and a long briefing has
/// thousands of paragraphs; re-analysing a group of a few kilobytes costs less than that.
pub fn grouped(text: &str, chunks: Vec<Range<usize>>, one_in: u64) -> Vec<Range<usize>> {
    use std::hash::BuildHasher;
    // A fixed seed: the same text is grouped the same way in every session.
    let hasher = foldhash::fast::FixedState::with_seed(0x6272_6965_666c_696e);
    let ends_before = |start: usize| {
        let rest = &text.as_bytes()[start..];
        let line = &rest[..memchr::memchr(b'\n', rest).unwrap_or(rest.len()).min(120)];
        hasher.hash_one(line).is_multiple_of(one_in.max(1))
    };
    let mut groups: Vec<Range<usize>> = Vec::with_capacity(chunks.len() / one_in.max(1) as usize + 1);
    for chunk in chunks {
        match groups.last_mut() {
            Some(group) if group.len() < MAX_GROUP_BYTES && !ends_before(chunk.start) => group.end = chunk.end,
            _ => groups.push(chunk),
        }
    }
    groups
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
    fn groups_join_whole_chunks_and_an_edit_changes_only_its_own_group() {
        let paragraphs: Vec<String> = (0..400)
            .map(|i| format!("Paragraph {i} about the TTP.\nIt met in Quetta.\n\n"))
            .collect();
        let text = paragraphs.concat();
        let chunks = split(&text, DocKind::Markdown);
        let groups = grouped(&text, chunks.clone(), 8);
        // Whole chunks, in order, covering the text.
        assert_eq!(groups.first().map(|g| g.start), Some(0));
        assert_eq!(groups.last().map(|g| g.end), Some(text.len()));
        assert!(groups.windows(2).all(|pair| pair[0].end == pair[1].start));
        assert!(groups.iter().all(|g| chunks.iter().any(|c| c.start == g.start)));
        // About one cut in eight chunks.
        assert!((25..=100).contains(&groups.len()), "{} groups", groups.len());

        // A letter typed in a paragraph's second line: only the group holding it changes.
        let at = text.find("Paragraph 200 ").unwrap() + "Paragraph 200 about the TTP.\nIt".len();
        let edited = format!("{}x{}", &text[..at], &text[at..]);
        let after = grouped(&edited, split(&edited, DocKind::Markdown), 8);
        let texts = |text: &str, groups: &[Range<usize>]| -> Vec<String> {
            groups.iter().map(|g| text[g.clone()].to_string()).collect()
        };
        let (old, new) = (texts(&text, &groups), texts(&edited, &after));
        assert_eq!(old.len(), new.len());
        let changed = old.iter().zip(&new).filter(|(a, b)| a != b).count();
        assert_eq!(changed, 1);
    }

    #[test]
    fn a_group_stops_growing_at_the_size_limit() {
        let text = "A paragraph.\n\n".repeat(10_000);
        // No line hashes to a multiple of u64::MAX: only the limit cuts.
        let groups = grouped(&text, split(&text, DocKind::Markdown), u64::MAX);
        assert!(groups.len() > 1);
        assert!(groups
            .iter()
            .all(|g| g.len() <= MAX_GROUP_BYTES + "A paragraph.\n\n".len()));
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
