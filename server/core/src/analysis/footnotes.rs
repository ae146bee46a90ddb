//! Footnotes across chunks. A footnote reference (`[^1]`) is one only if the document defines the footnote,
//! possibly in another chunk, so a chunk is parsed after stub definitions of the footnotes it cites but does
//! not define. Link reference definitions apply document-wide in subtler ways: a document with any is one chunk.

use super::chunks;
use crate::util::FastMap;
use std::collections::BTreeSet;
use std::ops::Range;

/// What one chunk defines and cites: kept for the chunk's text, since finding it takes a parse.
#[derive(Default)]
pub(super) struct Defined {
    /// Footnote labels as written.
    pub footnotes: Vec<String>,
    pub link_references: bool,
    /// The keys of the labels the chunk cites but does not define, sorted, once each.
    pub cited_elsewhere: Vec<String>,
}

impl Defined {
    /// Whether a chunk may define or cite anything: only then is it worth a [`Defined::in_chunk`].
    pub fn worth_reading(text: &str) -> bool {
        has_pair(text, b']', b':') || has_pair(text, b'[', b'^')
    }

    pub fn in_chunk(text: &str) -> Defined {
        use pulldown_cmark::{Event, Parser, Tag};
        let mut footnotes = Vec::new();
        let mut link_references = false;
        if has_pair(text, b']', b':') {
            let mut parser = Parser::new_ext(text, crate::document::markdown_options());
            for event in parser.by_ref() {
                if let Event::Start(Tag::FootnoteDefinition(label)) = event {
                    footnotes.push(label.to_string());
                }
            }
            link_references = parser.reference_definitions().iter().next().is_some();
        }
        let own: Vec<String> = footnotes.iter().map(|label| key(label)).collect();
        let mut cited_elsewhere: Vec<String> = cited(text).filter(|k| !own.contains(k)).collect();
        cited_elsewhere.sort_unstable();
        cited_elsewhere.dedup();
        Defined {
            footnotes,
            link_references,
            cited_elsewhere,
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
    let bytes = text.as_bytes();
    let opened = memchr::memchr_iter(b'[', bytes).filter(|&at| bytes.get(at + 1) == Some(&b'^'));
    opened.filter_map(move |at| {
        let rest = &text[at + 2..];
        let end = rest.find([']', '[', '\n'])?;
        (rest.as_bytes()[end] == b']' && end < 1000).then(|| key(&rest[..end]))
    })
}

/// Whether `text` holds the byte `first` followed by `second`: a scan for one byte is much faster than for two.
fn has_pair(text: &str, first: u8, second: u8) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(first, bytes).any(|at| bytes.get(at + 1) == Some(&second))
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
    let mut labels: FastMap<String, &str> = FastMap::default();
    for label in defined.iter().flat_map(|d| &d.footnotes) {
        // Escapes, brackets and non-ASCII case folding are where `key` could miss a match.
        if !label.is_ascii() || label.contains(['\\', '[', ']']) {
            return None;
        }
        labels.entry(key(label)).or_insert(label);
    }
    let mut prefixes = Vec::with_capacity(ranges.len());
    for (range, own) in ranges.iter().zip(defined) {
        let needed: BTreeSet<&str> = own
            .cited_elsewhere
            .iter()
            .filter_map(|k| labels.get(k).copied())
            .collect();
        if needed.is_empty() {
            prefixes.push(String::new());
            continue;
        }
        // Stubs before a chunk that does not open a fresh block could change how its first line is read.
        if !text[range.clone()]
            .lines()
            .next()
            .is_some_and(chunks::starts_fresh_block)
        {
            return None;
        }
        let mut prefix = String::new();
        for label in needed {
            prefix.push_str("[^");
            prefix.push_str(label);
            prefix.push_str("]: x\n\n");
        }
        prefixes.push(prefix);
    }
    Some(prefixes)
}
