//! The one place that converts between the core's byte offsets and LSP positions (line, character), in the
//! negotiated encoding: UTF-8 code units (bytes) or UTF-16 code units. Lines end at `\n`, `\r\n` or `\r`, as the
//! protocol says (the rope is built without Unicode line breaks for that reason). Positions past the end of a line
//! or of the document are clamped, never a panic.

use ropey::Rope;
use std::ops::Range;
use tower_lsp_server::ls_types::{Position, PositionEncodingKind};

/// How `Position::character` counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it, else UTF-16 (the protocol's default).
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }
}

/// The position of a byte offset (clamped to the text, and to the start of the character it falls in).
pub fn position(rope: &Rope, offset: usize, encoding: Encoding) -> Position {
    let char_index = rope.byte_to_char(offset.min(rope.len_bytes()));
    let line = rope.char_to_line(char_index);
    let line_start = rope.line_to_char(line);
    let character = match encoding {
        Encoding::Utf8 => rope.char_to_byte(char_index) - rope.char_to_byte(line_start),
        Encoding::Utf16 => rope.char_to_utf16_cu(char_index) - rope.char_to_utf16_cu(line_start),
    };
    Position::new(line as u32, character as u32)
}

/// Positions of many offsets in one walk over the text: each offset is counted on from the one before, so
/// offsets given in increasing order cost one pass in all. An offset before the previous one is found through
/// the rope and the walk goes on from there (without a rope, from the start). Gives exactly what [`position`]
/// gives.
#[derive(Clone)]
pub struct Sweep<'a> {
    rope: Option<&'a Rope>,
    text: &'a [u8],
    encoding: Encoding,
    /// The last offset reached, its line, the start of that line and the characters from there to it.
    at: usize,
    line: usize,
    character: usize,
}

impl<'a> Sweep<'a> {
    /// `text` must be the rope's text.
    pub fn new(rope: &'a Rope, text: &'a str, encoding: Encoding) -> Sweep<'a> {
        debug_assert_eq!(rope.len_bytes(), text.len());
        Sweep {
            rope: Some(rope),
            ..Sweep::over(text, encoding)
        }
    }

    /// Over a text without its rope: a piece of a document that starts at a line start, whose positions are
    /// then relative to its first line.
    pub fn over(text: &'a str, encoding: Encoding) -> Sweep<'a> {
        Sweep {
            rope: None,
            text: text.as_bytes(),
            encoding,
            at: 0,
            line: 0,
            character: 0,
        }
    }

    pub fn position(&mut self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while is_continuation(self.text.get(offset).copied()) {
            offset -= 1;
        }
        if offset < self.at {
            let (line, at) = match self.rope {
                Some(rope) => {
                    let line = rope.byte_to_line(offset);
                    (line, rope.line_to_byte(line))
                }
                None => (0, 0),
            };
            self.line = line;
            self.at = at;
            self.character = 0;
        }
        let segment = &self.text[self.at..offset];
        if !segment.contains(&b'\r') {
            // The usual case, counted in bulk: only `\n` ends lines.
            match segment.iter().rposition(|&b| b == b'\n') {
                Some(last) => {
                    self.line += segment.iter().filter(|&&b| b == b'\n').count();
                    self.character = self.units(&segment[last + 1..]);
                }
                None => self.character += self.units(segment),
            }
        } else {
            for (i, &byte) in segment.iter().enumerate() {
                let at = self.at + i;
                if byte == b'\n' || (byte == b'\r' && self.text.get(at + 1) != Some(&b'\n')) {
                    self.line += 1;
                    self.character = 0;
                } else {
                    self.character += self.units(&[byte]);
                }
            }
        }
        self.at = offset;
        Position::new(self.line as u32, self.character as u32)
    }
}

impl Sweep<'_> {
    /// The LSP range of a byte range; ranges given in order of their starts cost one pass in all, plus their
    /// own lengths (each end is walked to from its start, since ends need not come in order).
    pub fn range(&mut self, bytes: &Range<usize>) -> tower_lsp_server::ls_types::Range {
        let start = self.position(bytes.start);
        let end = self.clone().position(bytes.end);
        tower_lsp_server::ls_types::Range::new(start, end)
    }

    /// The code units of `bytes` (whole characters, or pieces of them) in the encoding: in UTF-16 a character
    /// counts one at its first byte, two beyond the BMP.
    fn units(&self, bytes: &[u8]) -> usize {
        match self.encoding {
            Encoding::Utf8 => bytes.len(),
            Encoding::Utf16 if bytes.is_ascii() => bytes.len(),
            Encoding::Utf16 => bytes
                .iter()
                .map(|&b| usize::from(!(0x80..0xC0).contains(&b)) + usize::from(b >= 0xF0))
                .sum(),
        }
    }
}

fn is_continuation(byte: Option<u8>) -> bool {
    byte.is_some_and(|b| (0x80..0xC0).contains(&b))
}

/// The LSP range of a byte range.
pub fn range(rope: &Rope, bytes: &Range<usize>, encoding: Encoding) -> tower_lsp_server::ls_types::Range {
    tower_lsp_server::ls_types::Range::new(
        position(rope, bytes.start, encoding),
        position(rope, bytes.end, encoding),
    )
}

/// The character index of a position; a line past the end means the end of the text, a character past the end
/// of its line means the end of that line (before its line break), and the middle of a character its start.
pub fn char_index(rope: &Rope, position: Position, encoding: Encoding) -> usize {
    let line = position.line as usize;
    if line >= rope.len_lines() {
        return rope.len_chars();
    }
    let line_start = rope.line_to_char(line);
    let line_end = line_start + line_content_chars(rope, line);
    let character = position.character as usize;
    match encoding {
        Encoding::Utf8 => {
            let start_byte = rope.char_to_byte(line_start);
            let end_byte = rope.char_to_byte(line_end);
            rope.byte_to_char((start_byte + character).min(end_byte))
        }
        Encoding::Utf16 => {
            let start_cu = rope.char_to_utf16_cu(line_start);
            let end_cu = rope.char_to_utf16_cu(line_end);
            rope.utf16_cu_to_char((start_cu + character).min(end_cu))
        }
    }
}

/// The byte offset of a position (see [`char_index`] for clamping).
pub fn offset(rope: &Rope, position: Position, encoding: Encoding) -> usize {
    rope.char_to_byte(char_index(rope, position, encoding))
}

/// The characters of a line without its line break.
fn line_content_chars(rope: &Rope, line: usize) -> usize {
    let slice = rope.line(line);
    let mut len = slice.len_chars();
    if len > 0 && slice.char(len - 1) == '\n' {
        len -= 1;
    }
    if len > 0 && slice.char(len - 1) == '\r' {
        len -= 1;
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    #[test]
    fn astral_characters_count_two_in_utf16_and_four_in_utf8() {
        let rope = Rope::from_str("a😀b\nc");
        let b = "a😀".len();
        assert_eq!(position(&rope, b, Encoding::Utf16), pos(0, 3));
        assert_eq!(position(&rope, b, Encoding::Utf8), pos(0, 5));
        assert_eq!(offset(&rope, pos(0, 3), Encoding::Utf16), b);
        assert_eq!(offset(&rope, pos(0, 5), Encoding::Utf8), b);
        assert_eq!(offset(&rope, pos(1, 1), Encoding::Utf16), "a😀b\nc".len());
    }

    #[test]
    fn a_position_inside_a_character_goes_to_its_start() {
        let rope = Rope::from_str("a😀b");
        assert_eq!(offset(&rope, pos(0, 2), Encoding::Utf16), 1);
        assert_eq!(offset(&rope, pos(0, 3), Encoding::Utf8), 1);
        assert_eq!(position(&rope, 3, Encoding::Utf16), pos(0, 1));
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        let text = "one\r\ntwo\rthree\nfour";
        let rope = Rope::from_str(text);
        assert_eq!(position(&rope, text.find("two").unwrap(), Encoding::Utf16), pos(1, 0));
        assert_eq!(position(&rope, text.find("three").unwrap(), Encoding::Utf16), pos(2, 0));
        assert_eq!(position(&rope, text.find("four").unwrap(), Encoding::Utf8), pos(3, 0));
        // Past the end of "one" is before its \r\n, not between \r and \n.
        assert_eq!(offset(&rope, pos(0, 99), Encoding::Utf16), 3);
        assert_eq!(offset(&rope, pos(1, 3), Encoding::Utf8), text.find("\rthree").unwrap());
    }

    #[test]
    fn unicode_line_separators_are_not_lsp_line_breaks() {
        let text = "a\u{2028}b\u{85}c\nd";
        let rope = Rope::from_str(text);
        assert_eq!(position(&rope, text.find('d').unwrap(), Encoding::Utf16), pos(1, 0));
        assert_eq!(position(&rope, text.find('c').unwrap(), Encoding::Utf16), pos(0, 4));
    }

    #[test]
    fn out_of_range_is_clamped() {
        let text = "ab\ncd\n";
        let rope = Rope::from_str(text);
        assert_eq!(offset(&rope, pos(7, 0), Encoding::Utf16), text.len());
        assert_eq!(offset(&rope, pos(u32::MAX, u32::MAX), Encoding::Utf8), text.len());
        assert_eq!(offset(&rope, pos(1, u32::MAX), Encoding::Utf16), 5);
        assert_eq!(position(&rope, 1000, Encoding::Utf16), pos(2, 0));
        let empty = Rope::new();
        assert_eq!(offset(&empty, pos(3, 3), Encoding::Utf8), 0);
        assert_eq!(position(&empty, 5, Encoding::Utf8), pos(0, 0));
    }

    proptest::proptest! {
        #[test]
        fn a_sweep_gives_what_position_gives(
            text in "([a\\r\\n\u{e9}\u{1F600}\u{2028} ]|\r\n){0,60}",
            offsets in proptest::collection::vec(0usize..300, 0..40),
            utf8 in proptest::bool::ANY,
        ) {
            let rope = Rope::from_str(&text);
            let encoding = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
            let mut sorted = offsets.clone();
            sorted.sort_unstable();
            for order in [sorted, offsets.clone()] {
                for mut sweep in [Sweep::new(&rope, &text, encoding), Sweep::over(&text, encoding)] {
                    for &offset in &order {
                        proptest::prop_assert_eq!(sweep.position(offset), position(&rope, offset, encoding), "at {}", offset);
                    }
                }
            }
            let mut sweep = Sweep::new(&rope, &text, encoding);
            for pair in offsets.chunks(2) {
                let bytes = pair[0]..pair[pair.len() - 1];
                proptest::prop_assert_eq!(sweep.range(&bytes), range(&rope, &bytes, encoding), "at {:?}", bytes);
            }
        }
    }

    #[test]
    fn utf8_is_chosen_only_when_offered() {
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        let offered = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&offered)), Encoding::Utf8);
        assert_eq!(
            Encoding::negotiate(Some(&[PositionEncodingKind::UTF16])),
            Encoding::Utf16
        );
    }
}
