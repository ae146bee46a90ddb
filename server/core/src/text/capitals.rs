//! The text's ASCII capitals, found eight bytes at a time and looked at once per block for what they start:
//! candidate acronyms (for the acronym rules and unknown-actor) and organisations and titled people (for
//! unknown-actor).

use super::acronyms::capital_word_at;
use super::proper_names::{NameScan, ProperNames};
use std::ops::Range;

/// What the capitals of one block's plain text start.
#[derive(Debug, Default)]
pub struct CapitalWords {
    /// Runs of capitals and digits that could be acronyms (as `super::acronyms` finds them).
    pub acronyms: Vec<Range<usize>>,
    /// Organisations and titled people (as `ProperNames` finds them).
    pub names: ProperNames,
}

impl CapitalWords {
    /// `starts` is room for the organisation scan, reused from block to block.
    pub fn of(text: &str, starts: &mut Vec<usize>) -> CapitalWords {
        let bytes = text.as_bytes();
        let mut acronyms = Vec::new();
        let mut names = NameScan::new(text, starts);
        // A capital starts a candidate acronym only before a capital or a digit, and a cue word of the names
        // only before a small letter: the byte after it tells which to look at.
        for_each_capital(text, |at| match bytes.get(at + 1) {
            Some(next) if next.is_ascii_lowercase() => names.capital(at),
            Some(next) if next.is_ascii_uppercase() || next.is_ascii_digit() => {
                acronyms.extend(capital_word_at(bytes, at));
            }
            _ => {}
        });
        CapitalWords {
            acronyms,
            names: names.finish(),
        }
    }
}

/// Calls `visit` with the place of each ASCII capital of `text`, in order. Sixteen bytes are looked at per
/// step, as two words whose flags are tested together: most steps hold no capital and end at that test.
#[inline(always)]
pub fn for_each_capital(text: &str, mut visit: impl FnMut(usize)) {
    let bytes = text.as_bytes();
    let mut sixteens = bytes.chunks_exact(16);
    let mut base = 0;
    for sixteen in &mut sixteens {
        let (low, high) = sixteen.split_at(8);
        let low = capitals_of(low.try_into().expect("eight bytes"));
        let high = capitals_of(high.try_into().expect("eight bytes"));
        if low | high != 0 {
            visit_flagged(base, low, &mut visit);
            visit_flagged(base + 8, high, &mut visit);
        }
        base += 16;
    }
    for rest in sixteens.remainder().chunks(8) {
        let mut padded = [0; 8];
        padded[..rest.len()].copy_from_slice(rest);
        visit_flagged(base, capitals_of(padded), &mut visit);
        base += 8;
    }
}

/// The flags of the capitals among eight bytes (see [`bytes_within`]).
#[inline(always)]
fn capitals_of(eight: [u8; 8]) -> u64 {
    bytes_within(u64::from_le_bytes(eight), b'A', b'Z')
}

/// Calls `visit` with `base` plus the place of each byte flagged in `flags`, in order.
#[inline(always)]
fn visit_flagged(base: usize, mut flags: u64, visit: &mut impl FnMut(usize)) {
    while flags != 0 {
        visit(base + flags.trailing_zeros() as usize / 8);
        flags &= flags - 1;
    }
}

/// The top bit of each of eight bytes set when that byte is in `low..=high` (ASCII): per byte, its low seven
/// bits plus 0x80 - `low` carry into the top bit when they are at least `low`, plus 0x80 - (`high` + 1) when
/// above `high`; bytes with the top bit set are not ASCII. No carry crosses bytes, since each low part is below
/// 0x80 and what is added at most 0x7f - `low` + 1.
#[inline(always)]
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
        fn finds_every_capital(text in "([A-Z]|[a-z0-9 .]|é|’){0,80}") {
            let mut found = Vec::new();
            for_each_capital(&text, |at| found.push(at));
            let capitals: Vec<usize> = text.bytes().enumerate().filter(|(_, b)| b.is_ascii_uppercase()).map(|(at, _)| at).collect();
            proptest::prop_assert_eq!(found, capitals);
        }

        /// The one pass, which looks at each capital for acronyms or names by the byte after it, finds what
        /// each search finds looking at every capital.
        #[test]
        fn one_pass_finds_what_each_search_finds(
            text in "([A-Z]|[a-z0-9 .(),-]|Army|Forces|Gen\\.|Dr\\.|Jamaat-ul-|TTP|IEDs|A1|é|’){0,60}"
        ) {
            let both = CapitalWords::of(&text, &mut Vec::new());
            let names = ProperNames::find(&text);
            proptest::prop_assert_eq!(both.acronyms, super::super::acronyms::capital_words(&text));
            proptest::prop_assert_eq!(both.names.organisations, names.organisations);
            proptest::prop_assert_eq!(both.names.people, names.people);
        }
    }
}
