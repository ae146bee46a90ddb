//! Shared by the acronym rules: where an acronym is spelled out, and which all-capital words are acronyms.

use super::Context;
use crate::actors::NameForm;
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
        // Sorted and deduplicated rather than gathered in a set: a chunk names few actors, many times each.
        let mut named: Vec<usize> = ctx
            .located
            .iter()
            .flat_map(|m| ctx.kb.matcher().surface(m.surface).actors.iter())
            .filter(|(_, form)| *form != NameForm::Acronym)
            .map(|(actor, _)| *actor)
            .collect();
        named.sort_unstable();
        named.dedup();
        NamedInFull(named)
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
            let mut bits = Vec::new();
            for named in (self.chunks)() {
                // Sorted: the last is the greatest.
                if let Some(&greatest) = named.0.last() {
                    if greatest / 64 >= bits.len() {
                        bits.resize(greatest / 64 + 1, 0);
                    }
                }
                for &actor in &named.0 {
                    bits[actor / 64] |= 1 << (actor % 64);
                }
            }
            bits
        });
        gathered
            .get(actor / 64)
            .is_some_and(|word| word & (1 << (actor % 64)) != 0)
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
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Most of the text is lower case: eight bytes without a capital are passed over at once.
        if let Some(eight) = bytes.get(i..i + 8) {
            if !has_ascii_capital(u64::from_le_bytes(eight.try_into().expect("eight bytes"))) {
                i += 8;
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

/// Whether any of eight bytes is an ASCII capital: per byte, its low seven bits plus 0x80 - b'A' carry into the
/// top bit when they are at least `A`, plus 0x80 - (b'Z' + 1) when above `Z`; bytes with the top bit set are not
/// ASCII. No carry crosses bytes, since each low part is below 0x80 and what is added at most 0x3f.
fn has_ascii_capital(eight: u64) -> bool {
    const EACH: u64 = 0x0101_0101_0101_0101;
    const TOP: u64 = 0x8080_8080_8080_8080;
    let low = eight & !TOP;
    let at_least_a = low + EACH * u64::from(0x80 - b'A');
    let above_z = low + EACH * u64::from(0x80 - (b'Z' + 1));
    at_least_a & !above_z & !eight & TOP != 0
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
    fn eight_bytes_have_a_capital_exactly_when_one_of_them_is() {
        for byte in 0..=u8::MAX {
            for place in 0..8 {
                let mut eight = [b'a'; 8];
                eight[place] = byte;
                assert_eq!(
                    has_ascii_capital(u64::from_le_bytes(eight)),
                    byte.is_ascii_uppercase(),
                    "{byte:#x} at {place}"
                );
            }
        }
        assert!(!has_ascii_capital(u64::from_le_bytes(*b"@[`{\x80\xc1\xda\xff")));
    }

    #[test]
    fn capital_words_are_found() {
        let text = "The TTP and IEDs, not ALLCAPSWORDS or Kp, near F16 and K2.";
        let words: Vec<&str> = capital_words(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(words, vec!["TTP", "IED"]);
    }
}
