//! Is a span inside someone else's quoted words? Curly quotes pair by direction; straight double quotes by
//! parity within the block.

use std::ops::Range;

/// Whether `range` of a block's plain `text` lies inside a quotation.
pub fn in_quotation(text: &str, range: &Range<usize>) -> bool {
    let before = &text.as_bytes()[..range.start.min(text.len())];
    // One pass over the bytes that can end a quotation mark: '"', and the last bytes of '“' and '”' (E2 80 9C,
    // E2 80 9D), which other characters share, so the two bytes before are checked too. Asked for every actor
    // mention, this is several times cheaper than searching for each mark in turn.
    let (mut straight, mut last_open, mut last_close) = (0usize, None, None);
    for at in memchr::memchr3_iter(b'"', 0x9C, 0x9D, before) {
        match before[at] {
            b'"' => straight += 1,
            byte if at >= 2 && before[at - 2..at] == [0xE2, 0x80] => {
                if byte == 0x9C {
                    last_open = Some(at);
                } else {
                    last_close = Some(at);
                }
            }
            _ => {}
        }
    }
    let inside_curly = match (last_open, last_close) {
        (Some(open), Some(close)) => open > close,
        (Some(_), None) => true,
        _ => false,
    };
    inside_curly || straight % 2 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curly_and_straight_quotes() {
        let text = "He said “al-Qaida will return” and \"TTP\" but not al Qaeda.";
        let at = |s: &str| {
            let i = text.find(s).unwrap();
            i..i + s.len()
        };
        assert!(in_quotation(text, &at("al-Qaida")));
        assert!(in_quotation(text, &at("TTP")));
        assert!(!in_quotation(text, &at("al Qaeda")));
    }

    /// The same answer as searching for each mark in turn, on text full of characters that share the curly
    /// quotes' last bytes ('…' is E2 80 A6, 'Ĝ' is C4 9C, '✜' is E2 9C 9C).
    #[test]
    fn the_same_as_searching_for_each_mark() {
        fn searched(text: &str, range: &Range<usize>) -> bool {
            let before = &text[..range.start.min(text.len())];
            let inside_curly = match (before.rfind('“'), before.rfind('”')) {
                (Some(open), Some(close)) => open > close,
                (Some(_), None) => true,
                _ => false,
            };
            inside_curly || before.matches('"').count() % 2 == 1
        }
        let text = "Ĝ “a ✜ b” \"c\" “d … e ”f“ ✝ g\" h Ĝ” i “ j";
        for (start, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(
                in_quotation(text, &(start..start)),
                searched(text, &(start..start)),
                "at {start}"
            );
        }
    }
}
