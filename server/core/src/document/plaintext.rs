//! Plain text → blocks. Each line is a paragraph, except that a line wrapped mid-sentence (the next line goes on
//! in lower case) joins the next; a short line with no closing punctuation is a heading; `- `, `* `, `• ` and
//! `1. ` start list items.

use super::{Block, BlockBuilder, BlockKind, BYTES_PER_BLOCK};
use std::ops::Range;

/// Lines longer than this many words are never headings.
const HEADING_MAX_WORDS: usize = 16;

pub(super) fn blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::with_capacity(text.len() / BYTES_PER_BLOCK);
    let mut current: Option<(BlockKind, BlockBuilder, usize)> = None; // kind, text, line count
    let mut previous_end: Option<Range<usize>> = None; // the last line's content, for wrap detection

    for line in lines(text) {
        let content = trim_range(text, line);
        // A suppression or other HTML comment on its own line is not prose.
        let comment = text[content.clone()].starts_with("<!--") && text[content.clone()].ends_with("-->");
        if content.is_empty() || comment {
            finish(&mut current, &mut blocks);
            previous_end = None;
            continue;
        }
        let (marker_len, is_item) = list_marker(&text[content.clone()]);
        let body = content.start + marker_len..content.end;
        let continues = !is_item
            && previous_end.as_ref().is_some_and(|prev| {
                !ends_sentence(&text[prev.clone()]) && text[body.clone()].starts_with(|c: char| c.is_lowercase())
            });
        match (&mut current, continues) {
            (Some((_, builder, count)), true) => {
                let gap = previous_end.as_ref().map_or(body.start, |p| p.end)..body.start;
                builder.push(" ", gap);
                builder.push(&text[body.clone()], body.clone());
                *count += 1;
            }
            _ => {
                finish(&mut current, &mut blocks);
                let mut builder = BlockBuilder::with_capacity(body.len());
                builder.push(&text[body.clone()], body.clone());
                let kind = if is_item {
                    BlockKind::ListItem
                } else {
                    BlockKind::Paragraph
                };
                current = Some((kind, builder, 1));
            }
        }
        previous_end = Some(body);
    }
    finish(&mut current, &mut blocks);
    blocks
}

fn finish(current: &mut Option<(BlockKind, BlockBuilder, usize)>, blocks: &mut Vec<Block>) {
    if let Some((kind, builder, lines)) = current.take() {
        let mut block = builder.finish(kind, false);
        if kind == BlockKind::Paragraph && lines == 1 && looks_like_heading(&block.text) {
            block.kind = BlockKind::Heading;
        }
        blocks.push(block);
    }
}

fn looks_like_heading(line: &str) -> bool {
    // The words are counted last, and only as far as the limit: most lines are long sentences.
    !ends_sentence(line) && !line.ends_with(',') && line.split_whitespace().nth(HEADING_MAX_WORDS).is_none()
}

/// Whether a line that the next line does not continue ends, unmarked, a heading or a sentence of its own: web
/// text pasted into Markdown has a paragraph or heading per line. A line wrapped mid-sentence is not much
/// shorter than the line after it, and a heading is.
pub(super) fn ends_unmarked_line(line: &str, next_line: &str) -> bool {
    let line = line.trim();
    let next_line = next_line.trim();
    !line.is_empty()
        && looks_like_heading(line)
        && !line.ends_with([':', ';', '-', '–', '—', '('])
        && next_line.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘'))
        && (line.len() * 10 < next_line.len() * 7 || is_a_stamp_line(next_line))
}

/// "1.12 pm", "Updated 14:30": a line of three words or fewer, unmarked, after a date or title line.
fn is_a_stamp_line(line: &str) -> bool {
    looks_like_heading(line) && line.split_whitespace().nth(3).is_none()
}

/// Whether a line that closes a sentence or a lead-in is followed by a provision or an item of its own: "…
/// findings:" or "REQUIREMENT." then "(1) …", "(a) IN GENERAL.—…". A statute pasted into Markdown keeps its
/// provisions on lines of their own and no blank lines between them.
pub(super) fn opens_a_provision(line: &str, next_line: &str) -> bool {
    let next_line = next_line.trim_start();
    let enumerated = next_line
        .strip_prefix('(')
        .and_then(|rest| rest.split_once(')'))
        .is_some_and(|(inside, after)| {
            (1..=4).contains(&inside.len())
                && inside.chars().all(|c| c.is_ascii_alphanumeric())
                && after.starts_with(' ')
        });
    enumerated && line.trim_end().ends_with(['.', ':', ';', '—'])
}

/// Whether a line stops on a word that no sentence ends with ("… in the", "… requiring IC elements to").
pub(crate) fn stops_on_a_function_word(line: &str) -> bool {
    let last = line.trim_end().rsplit(char::is_whitespace).next().unwrap_or_default();
    matches!(
        last,
        "the"
            | "a"
            | "an"
            | "of"
            | "to"
            | "and"
            | "or"
            | "in"
            | "for"
            | "with"
            | "by"
            | "on"
            | "at"
            | "from"
            | "their"
            | "its"
            | "his"
            | "her"
            | "our"
            | "that"
            | "which"
            | "is"
            | "are"
            | "was"
            | "were"
            | "as"
            | "than"
            | "into"
            | "between"
    )
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', ';', '"', '”', '’', '…', ')', ']'])
}

/// The length of a list marker at the start of a line (with its space), and whether there is one.
fn list_marker(line: &str) -> (usize, bool) {
    for marker in ["- ", "* ", "• ", "– "] {
        if line.starts_with(marker) {
            return (marker.len(), true);
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) && (line[digits..].starts_with(". ") || line[digits..].starts_with(") ")) {
        return (digits + 2, true);
    }
    (0, false)
}

/// Each line's byte range without its line ending (LF or CRLF).
fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').map(move |line| {
        let range = start..start + line.trim_end_matches(['\n', '\r']).len();
        start += line.len();
        range
    })
}

fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_paragraphs_and_short_unpunctuated_lines_are_headings() {
        let text =
            "Border Security Update\r\nThe army said five soldiers died.\r\nA second paragraph follows here.\r\n";
        let found = blocks(text);
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].kind, BlockKind::Heading);
        assert_eq!(found[1].kind, BlockKind::Paragraph);
        assert_eq!(found[1].text, "The army said five soldiers died.");
        let start = found[1].map.to_source(0);
        assert_eq!(&text[start..start + 8], "The army");
    }

    #[test]
    fn wrapped_lines_join_and_list_items_stand_alone() {
        let text = "The attack on the post in Kurram\nkilled two soldiers.\n- first note.\n- second note.\n";
        let found = blocks(text);
        assert_eq!(found[0].text, "The attack on the post in Kurram killed two soldiers.");
        assert_eq!(found[0].kind, BlockKind::Paragraph);
        assert_eq!(found[1].kind, BlockKind::ListItem);
        assert_eq!(found[1].text, "first note.");
        assert_eq!(found.len(), 3);
    }

    #[test]
    fn a_heading_has_at_most_sixteen_words() {
        let words = |n: usize| vec!["word"; n].join(" ");
        let text = format!("{}\n\n{}\n", words(HEADING_MAX_WORDS), words(HEADING_MAX_WORDS + 1));
        let kinds: Vec<BlockKind> = blocks(&text).iter().map(|b| b.kind).collect();
        assert_eq!(kinds, vec![BlockKind::Heading, BlockKind::Paragraph]);
    }
}
