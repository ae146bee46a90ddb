//! Footnotes across chunks. A footnote reference (`[^1]`) is one only if the document defines the footnote,
//! possibly in another chunk, so a chunk is parsed after stub definitions of the footnotes it cites but does
//! not define. Link reference definitions apply document-wide in subtler ways: a document with any is one chunk.

use super::chunks;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

/// What one chunk defines.
#[derive(Default)]
pub(super) struct Defined {
    pub text: Box<str>,
    /// Footnote labels as written.
    pub footnotes: Vec<String>,
    pub link_references: bool,
}

impl Defined {
    pub fn in_chunk(text: &str) -> Defined {
        use pulldown_cmark::{Event, Parser, Tag};
        let mut parser = Parser::new_ext(text, crate::document::markdown_options());
        let mut footnotes = Vec::new();
        for event in parser.by_ref() {
            if let Event::Start(Tag::FootnoteDefinition(label)) = event {
                footnotes.push(label.to_string());
            }
        }
        let link_references = parser.reference_definitions().iter().next().is_some();
        Defined {
            text: text.into(),
            footnotes,
            link_references,
        }
    }
}

/// A label as compared: pulldown-cmark ignores case; ignoring white space too can only match more.
fn key(label: &str) -> String {
    label
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The labels cited in `text` as `[^label]`, by key.
fn cited(text: &str) -> impl Iterator<Item = String> + '_ {
    text.match_indices("[^").filter_map(move |(at, _)| {
        let rest = &text[at + 2..];
        let end = rest.find([']', '[', '\n'])?;
        (rest.as_bytes()[end] == b']' && end < 1000).then(|| key(&rest[..end]))
    })
}

/// Whether `text` holds `first` followed by `second`: a scan for one character is much faster than for two.
pub(super) fn has_pair(text: &str, first: char, second: u8) -> bool {
    text.match_indices(first)
        .any(|(at, _)| text.as_bytes().get(at + first.len_utf8()) == Some(&second))
}

/// For each chunk, the stub definitions to parse before it, or `None` when the document must be one chunk.
pub(super) fn prefixes(
    text: &str,
    ranges: &[Range<usize>],
    defined: &[std::sync::Arc<Defined>],
) -> Option<Vec<String>> {
    if defined.iter().any(|d| d.link_references) {
        return None;
    }
    let mut labels: HashMap<String, &str> = HashMap::new();
    for label in defined.iter().flat_map(|d| &d.footnotes) {
        // Escapes, brackets and non-ASCII case folding are where `key` could miss a match.
        if !label.is_ascii() || label.contains(['\\', '[', ']']) {
            return None;
        }
        labels.entry(key(label)).or_insert(label);
    }
    let mut prefixes = Vec::with_capacity(ranges.len());
    for (range, own) in ranges.iter().zip(defined) {
        let chunk = &text[range.clone()];
        if labels.is_empty() || !has_pair(chunk, '[', b'^') {
            prefixes.push(String::new());
            continue;
        }
        let own: Vec<String> = own.footnotes.iter().map(|l| key(l)).collect();
        let needed: BTreeSet<&str> = cited(chunk)
            .filter(|k| !own.contains(k))
            .filter_map(|k| labels.get(&k).copied())
            .collect();
        if needed.is_empty() {
            prefixes.push(String::new());
            continue;
        }
        // Stubs before a chunk that does not open a fresh block could change how its first line is read.
        if !chunk.lines().next().is_some_and(chunks::starts_fresh_block) {
            return None;
        }
        prefixes.push(needed.iter().map(|label| format!("[^{label}]: x\n\n")).collect());
    }
    Some(prefixes)
}
