//! Shared by the acronym rules: where an acronym is spelled out, and which all-capital words are acronyms.

use super::Context;
use crate::actors::NameForm;
use crate::bits;
use crate::lexicon::Lexicon;
use std::cell::OnceCell;
use std::ops::Range;

/// Acronyms a general reader knows without expansion (AP and most house styles).
pub static WELL_KNOWN: Lexicon = Lexicon::new(&[
    "US", "U.S.", "UK", "U.K.", "UN", "U.N.", "EU", "E.U.", "NATO", "USA", "UAE",
]);

/// All-capital words that are not acronyms of anything a briefing must spell out.
pub static NOT_ACRONYMS: Lexicon = Lexicon::new(&[
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "OK", "TV", "AM", "PM", "UTC", "GMT",
    "ID", "FAQ", "PDF", "URL", "HTML", "USD", "PKR", "AFN", "GDP", "CEO", "NB", "PS", "AD", "BC", "AI", "IT", "PR",
    "HQ", "NOTE", "TBD", "TODO", "FYI", "KM", "SMS", "GPS", "IED", "IEDS", "VBIED", "RPG", "AK",
]);

/// The actors a chunk names by something other than an acronym (a name, alias or variant), sorted: their
/// acronyms count as spelled out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NamedInFull(Vec<usize>);

impl NamedInFull {
    pub fn of(ctx: &Context) -> NamedInFull {
        // Gathered as bits, one per actor, then read off in order: a chunk names few actors, many times each,
        // and sorting every mention's actor cost more than the rest of the rule.
        let mut named = vec![0; bits::words_for(ctx.kb.actors().len())];
        for mention in ctx.located {
            for &(actor, form) in &ctx.kb.matcher().surface(mention.surface).actors {
                if form != NameForm::Acronym {
                    bits::set(&mut named, actor);
                }
            }
        }
        NamedInFull(bits::members(&named).collect())
    }
}

/// The actors a whole document names in full, from its chunks' notes: gathered at the first question, since
/// only a shared acronym asks it.
pub struct NamedInDocument<F> {
    /// The chunks' notes, in order, each time it is called.
    chunks: F,
    /// One bit per actor, by index: set for each actor named in full. A bit set rather than a hash set: it is
    /// gathered anew on every edit of a long briefing, from thousands of chunks.
    gathered: OnceCell<Vec<u64>>,
}

impl<'a, F, I> NamedInDocument<F>
where
    F: Fn() -> I,
    I: Iterator<Item = &'a NamedInFull>,
{
    pub fn new(chunks: F) -> Self {
        NamedInDocument {
            chunks,
            gathered: OnceCell::new(),
        }
    }

    pub fn contains(&self, actor: usize) -> bool {
        let gathered = self.gathered.get_or_init(|| {
            let mut actors = Vec::new();
            for named in (self.chunks)() {
                // Sorted: the last is the greatest.
                if let Some(&greatest) = named.0.last() {
                    let words = bits::words_for(greatest + 1);
                    if words > actors.len() {
                        actors.resize(words, 0);
                    }
                }
                for &actor in &named.0 {
                    bits::set(&mut actors, actor);
                }
            }
            actors
        });
        bits::is_set(gathered, actor)
    }
}

/// Whether the acronym at `range` of a block's plain `text` is spelled out right there: "Full Name (ACR)" or
/// "ACR (Full Name)".
pub fn spelled_out_here(text: &str, range: &Range<usize>) -> bool {
    let before = text[..range.start].trim_end();
    let after = &text[range.end..];
    let in_brackets = before.ends_with('(') && after.starts_with(')') && before.len() > 1;
    let expanded_after = after
        .strip_prefix(" (")
        .and_then(|rest| rest.split_once(')'))
        .is_some_and(|(inside, _)| inside.split_whitespace().count() >= 2);
    in_brackets || expanded_after
}

/// Runs of 2–8 capitals and digits (at least two capitals) that stand as words: candidate acronyms.
pub fn capital_words(text: &str) -> Vec<Range<usize>> {
    capital_words_scan(text, true)
}

/// [`capital_words`], passing over windows that cannot start one when `skip` (the tests compare both ways).
#[inline(always)]
fn capital_words_scan(text: &str, skip: bool) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // A candidate starts with a capital followed by a capital or a digit, which most of the text, even
        // its capitalised words, does not have: where eight bytes hold no such pair, the first seven cannot
        // start one and are passed over at once.
        if let Some(eight) = bytes.get(i..i + 8).filter(|_| skip) {
            if !has_capital_pair(u64::from_le_bytes(eight.try_into().expect("eight bytes"))) {
                i += 7;
                continue;
            }
        }
        if bytes[i].is_ascii_uppercase() && (i == 0 || !is_word_byte(bytes[i - 1])) {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_uppercase() || bytes[i].is_ascii_digit()) {
                i += 1;
            }
            let capitals = bytes[start..i].iter().filter(|b| b.is_ascii_uppercase()).count();
            // A plural or possessive ("IEDs", "TTP's") still names the acronym.
            let tail_ok = i >= bytes.len()
                || !is_word_byte(bytes[i])
                || (bytes[i] == b's' && (i + 1 >= bytes.len() || !is_word_byte(bytes[i + 1])));
            if (2..=8).contains(&(i - start)) && capitals >= 2 && tail_ok {
                found.push(start..i);
            }
        }
        i += 1;
    }
    found
}

/// Whether any of eight bytes (little-endian) is an ASCII capital followed by an ASCII capital or digit.
fn has_capital_pair(eight: u64) -> bool {
    let capitals = bytes_within(eight, b'A', b'Z');
    let capitals_or_digits = capitals | bytes_within(eight, b'0', b'9');
    // Shifted down a byte, each byte's flag stands at the byte before it.
    capitals & (capitals_or_digits >> 8) != 0
}

/// The top bit of each of eight bytes set when that byte is in `low..=high` (ASCII): per byte, its low seven
/// bits plus 0x80 - `low` carry into the top bit when they are at least `low`, plus 0x80 - (`high` + 1) when
/// above `high`; bytes with the top bit set are not ASCII. No carry crosses bytes, since each low part is below
/// 0x80 and what is added at most 0x7f - `low` + 1.
pub(super) fn bytes_within(eight: u64, low: u8, high: u8) -> u64 {
    const EACH: u64 = 0x0101_0101_0101_0101;
    const TOP: u64 = 0x8080_8080_8080_8080;
    let seven = eight & !TOP;
    let at_least_low = seven + EACH * u64::from(0x80 - low);
    let above_high = seven + EACH * u64::from(0x80 - (high + 1));
    at_least_low & !above_high & !eight & TOP
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_in_document_holds_exactly_the_chunks_actors() {
        let chunks = [
            NamedInFull(vec![0, 63, 64]),
            NamedInFull(vec![]),
            NamedInFull(vec![5, 200]),
        ];
        let named = NamedInDocument::new(|| chunks.iter());
        for actor in [0, 5, 63, 64, 200] {
            assert!(named.contains(actor), "{actor}");
        }
        for actor in [1, 62, 65, 128, 199, 201, 100_000] {
            assert!(!named.contains(actor), "{actor}");
        }
    }

    #[test]
    fn spelled_out_forms() {
        let text = "Tehreek-e-Taliban Pakistan (TTP) and BLA (Baloch Liberation Army) but TTP alone";
        let at = |s: &str, n: usize| {
            let i = text.match_indices(s).nth(n).unwrap().0;
            i..i + s.len()
        };
        assert!(spelled_out_here(text, &at("TTP", 0)));
        assert!(spelled_out_here(text, &at("BLA", 0)));
        assert!(!spelled_out_here(text, &at("TTP", 1)));
    }

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
        /// The scan that passes over windows finds what a scan of every byte finds.
        #[test]
        fn skipping_windows_finds_every_capital_word(text in "([A-Z]{1,3}|[0-9]|[a-z]{1,4}|[ .'s]|é|TTP|A1B){0,40}") {
            proptest::prop_assert_eq!(capital_words(&text), capital_words_scan(&text, false));
        }
    }

    #[test]
    fn capital_words_are_found() {
        let text = "The TTP and IEDs, not ALLCAPSWORDS or Kp, near F16 and K2.";
        let words: Vec<&str> = capital_words(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(words, vec!["TTP", "IED"]);
    }
}
