//! Property tests of the language server's text: edits on a rope (how the server keeps a document) agree with the
//! same edits on a string, and LSP positions convert to byte offsets and back in both encodings, with astral
//! characters and every kind of line break. The random text is `support/random_text.rs`'s.

use crate::support::random_text::text;
use brieflint::lsp::positions::{offset, position, Encoding};
use proptest::prelude::*;
use ropey::Rope;

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
