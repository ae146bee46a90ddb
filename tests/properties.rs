//! Property tests on random text: edits on a rope agree with the same edits on a string, analysis keeps its
//! invariants (ranges inside the text on character boundaries, sentences in order and apart), and LSP positions
//! convert to byte offsets and back in both encodings, with astral characters and every kind of line break.

use brieflint::lsp::positions::{offset, position, Encoding};
use brieflint_core::{analyse, DocKind, KnowledgeBase};
use proptest::prelude::*;
use ropey::Rope;
use std::ops::Range;
use std::sync::LazyLock;

static KB: LazyLock<KnowledgeBase> = LazyLock::new(KnowledgeBase::builtin);

/// Pieces that stress the parsers: sentence ends, abbreviations, Markdown markup, line breaks of every kind,
/// characters outside the Basic Multilingual Plane, combining marks, a byte-order mark, known actor names.
const PIECES: &[&str] = &[
    "a",
    "The",
    " ",
    " ",
    "said",
    "reportedly",
    ".",
    ". ",
    "! ",
    "? ",
    "…",
    ",",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "😀",
    "𝔸",
    "é",
    "e\u{301}",
    "—",
    "“",
    "”",
    "‘",
    "'",
    "\"",
    "[",
    "]",
    "(",
    ")",
    "*",
    "**",
    "_",
    "#",
    "# ",
    "`",
    "```\n",
    "> ",
    "- ",
    "1. ",
    "|",
    "|---|",
    "^",
    "[^1]",
    "\n[^1]: ",
    "[3]",
    "](x)",
    "<!--",
    "-->",
    "\u{feff}",
    "U.S.",
    "Gen.",
    "e.g.",
    "3.5",
    "6,000",
    "TTP",
    "Pakistan",
    "Tehreek-e-Taliban Pakistan",
    "FC",
    "We assess",
    "according to",
    "officials",
    "likely",
    "last week",
    "\u{0}",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|pieces| pieces.concat())
}

fn inside(text: &str, range: &Range<usize>) -> bool {
    range.start <= range.end
        && range.end <= text.len()
        && text.is_char_boundary(range.start)
        && text.is_char_boundary(range.end)
}

/// An edit as an editor sends it: replace the characters `start..start + len` (wrapped to the text) with `insert`.
#[derive(Clone, Debug)]
struct Edit {
    start: usize,
    len: usize,
    insert: String,
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec(
        (any::<usize>(), 0usize..12, text()).prop_map(|(start, len, insert)| Edit { start, len, insert }),
        0..20,
    )
}

fn byte_of_char(text: &str, char_index: usize) -> usize {
    text.char_indices().nth(char_index).map_or(text.len(), |(i, _)| i)
}

/// The expected position of a byte offset, counted directly: lines end at `\n`, `\r\n` or a lone `\r`.
fn expected_position(text: &str, offset: usize, utf16: bool) -> (u32, u32) {
    let before = &text[..offset];
    let mut line = 0;
    let mut line_start = 0;
    let bytes = before.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let lone_cr = b == b'\r' && text.as_bytes().get(i + 1) != Some(&b'\n');
        if b == b'\n' || lone_cr {
            line += 1;
            line_start = i + 1;
        }
    }
    let rest = &before[line_start..];
    let character = if utf16 { rest.encode_utf16().count() } else { rest.len() };
    (line, character as u32)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn edits_on_a_rope_equal_edits_on_a_string(initial in text(), edits in edits()) {
        let mut rope = Rope::from_str(&initial);
        let mut string = initial.clone();
        for edit in &edits {
            let chars = rope.len_chars();
            let start = edit.start % (chars + 1);
            let end = (start + edit.len).min(chars);
            rope.remove(start..end);
            rope.insert(start, &edit.insert);
            let range = byte_of_char(&string, start)..byte_of_char(&string, end);
            string.replace_range(range, &edit.insert);
            prop_assert_eq!(rope.len_bytes(), string.len());
        }
        prop_assert_eq!(rope.to_string(), string);
    }

    #[test]
    fn analysis_ranges_are_inside_the_text_and_sentences_in_order(text in text()) {
        for kind in [DocKind::Markdown, DocKind::PlainText] {
            let analysis = analyse(&text, kind, &KB);
            for finding in &analysis.findings {
                prop_assert!(inside(&text, &finding.range), "{:?} {:?}", kind, finding.range);
            }
            for pair in analysis.findings.windows(2) {
                prop_assert!(pair[0].range.start <= pair[1].range.start);
            }
            for sentence in &analysis.document.sentences {
                prop_assert!(inside(&text, &sentence.range), "{:?} {:?}", kind, sentence.range);
                let block = &analysis.document.blocks[sentence.block].text;
                prop_assert!(inside(block, &sentence.plain), "{:?} {:?}", kind, sentence.plain);
                prop_assert!(!sentence.plain.is_empty());
            }
            for pair in analysis.document.sentences.windows(2) {
                prop_assert!(pair[0].range.end <= pair[1].range.start, "{:?}: {:?} then {:?}", kind, pair[0].range, pair[1].range);
                prop_assert!(pair[0].block <= pair[1].block);
            }
            for mention in analysis.mentions() {
                prop_assert!(inside(&text, &mention.range), "{:?} {:?}", kind, mention.range);
            }
            prop_assert_eq!(analysis.verdicts.len(), analysis.document.sentences.len());
        }
    }

    #[test]
    fn positions_round_trip_through_byte_offsets(text in text()) {
        let rope = Rope::from_str(&text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            // Between the two characters of a CRLF there is no position of its own: it maps to the line's end.
            let inside_crlf = byte > 0 && text.as_bytes()[byte - 1] == b'\r' && text.as_bytes().get(byte) == Some(&b'\n');
            for (encoding, utf16) in [(Encoding::Utf8, false), (Encoding::Utf16, true)] {
                let found = position(&rope, byte, encoding);
                prop_assert_eq!((found.line, found.character), expected_position(&text, byte, utf16), "{:?} at {}", encoding, byte);
                let back = offset(&rope, found, encoding);
                if inside_crlf {
                    prop_assert_eq!(back, byte - 1);
                } else {
                    prop_assert_eq!(back, byte, "{:?} {:?}", encoding, found);
                }
            }
        }
    }

    #[test]
    fn a_byte_inside_a_character_maps_to_the_character_start(text in text()) {
        let rope = Rope::from_str(&text);
        for (start, c) in text.char_indices().filter(|(_, c)| c.len_utf8() > 1) {
            for encoding in [Encoding::Utf8, Encoding::Utf16] {
                let inner = position(&rope, start + 1, encoding);
                prop_assert_eq!(inner, position(&rope, start, encoding), "{:?} in {:?}", encoding, c);
            }
        }
    }
}
