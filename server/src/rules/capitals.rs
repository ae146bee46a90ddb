//! The text's ASCII capitals, found eight bytes at a time and looked at once per block for what they start:
//! candidate acronyms (for the acronym rules and unknown-actor) and organisations and titled people (for
//! unknown-actor).

use super::acronyms::capital_word_at;
use super::proper_names::{NameScan, ProperNames};
use std::ops::Range;

/// What the capitals of one block's plain text start.
#[derive(Debug, Default)]
pub struct CapitalWords {
    /// Runs of capitals and digits that could be acronyms ([`super::acronyms::capital_words`]).
    pub acronyms: Vec<Range<usize>>,
    /// Organisations and titled people ([`ProperNames::find`]).
    pub names: ProperNames,
}

impl CapitalWords {
    /// `starts` is room for the organisation scan, reused from block to block.
    pub fn of(text: &str, starts: &mut Vec<usize>) -> CapitalWords {
        let mut acronyms = Vec::new();
        let mut names = NameScan::new(text, starts);
        for_each_capital(text, |at| {
            acronyms.extend(capital_word_at(text.as_bytes(), at));
            names.capital(at);
        });
        CapitalWords {
            acronyms,
            names: names.finish(),
        }
    }
}

/// Calls `visit` with the place of each ASCII capital of `text`, in order.
#[inline(always)]
pub fn for_each_capital(text: &str, mut visit: impl FnMut(usize)) {
    let bytes = text.as_bytes();
    let mut base = 0;
    while base < bytes.len() {
        let eight = match bytes.get(base..base + 8) {
            Some(eight) => eight.try_into().expect("eight bytes"),
            None => {
                let mut padded = [0; 8];
                padded[..bytes.len() - base].copy_from_slice(&bytes[base..]);
                padded
            }
        };
        let mut capitals = bytes_within(u64::from_le_bytes(eight), b'A', b'Z');
        while capitals != 0 {
            visit(base + capitals.trailing_zeros() as usize / 8);
            capitals &= capitals - 1;
        }
        base += 8;
    }
}

/// The top bit of each of eight bytes set when that byte is in `low..=high` (ASCII): per byte, its low seven
/// bits plus 0x80 - `low` carry into the top bit when they are at least `low`, plus 0x80 - (`high` + 1) when
/// above `high`; bytes with the top bit set are not ASCII. No carry crosses bytes, since each low part is below
/// 0x80 and what is added at most 0x7f - `low` + 1.
fn bytes_within(eight: u64, low: u8, high: u8) -> u64 {
    const EACH: u64 = 0x0101_0101_0101_0101;
    const TOP: u64 = 0x8080_8080_8080_8080;
    let seven = eight & !TOP;
    let at_least_low = seven + EACH * u64::from(0x80 - low);
    let above_high = seven + EACH * u64::from(0x80 - (high + 1));
    at_least_low & !above_high & !eight & TOP
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_byte_is_flagged_exactly_when_in_range() {
        for (low, high) in [(b'A', b'Z'), (b'0', b'9')] {
            for byte in 0..=u8::MAX {
                for place in 0..8 {
                    let mut eight = [b'a'; 8];
                    eight[place] = byte;
                    let flags = bytes_within(u64::from_le_bytes(eight), low, high);
                    let expected = if (low..=high).contains(&byte) {
                        0x80 << (8 * place)
                    } else {
                        0
                    };
                    assert_eq!(flags, expected, "{byte:#x} at {place}");
                }
            }
        }
    }

    proptest::proptest! {
        /// Every capital, in order, and nothing else, whatever the text's length.
        #[test]
        fn finds_every_capital(text in "([A-Z]|[a-z0-9 .]|é|’){0,40}") {
            let mut found = Vec::new();
            for_each_capital(&text, |at| found.push(at));
            let capitals: Vec<usize> = text.bytes().enumerate().filter(|(_, b)| b.is_ascii_uppercase()).map(|(at, _)| at).collect();
            proptest::prop_assert_eq!(found, capitals);
        }
    }
}
