//! Shared by the acronym rules: where an acronym is spelled out, and which all-capital words are acronyms.

use super::Context;
use crate::actors::NameForm;
use std::cell::OnceCell;
use std::collections::HashSet;
use std::ops::Range;

/// Acronyms a general reader knows without expansion (AP and most house styles).
pub const WELL_KNOWN: &[&str] = &[
    "US", "U.S.", "UK", "U.K.", "UN", "U.N.", "EU", "E.U.", "NATO", "USA", "UAE",
];

/// All-capital words that are not acronyms of anything a briefing must spell out.
pub const NOT_ACRONYMS: &[&str] = &[
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "OK", "TV", "AM", "PM", "UTC", "GMT",
    "ID", "FAQ", "PDF", "URL", "HTML", "USD", "PKR", "AFN", "GDP", "CEO", "NB", "PS", "AD", "BC", "AI", "IT", "PR",
    "HQ", "NOTE", "TBD", "TODO", "FYI", "KM", "SMS", "GPS", "IED", "IEDS", "VBIED", "RPG", "AK",
];

/// The actors the document names by something other than an acronym (a name, alias or variant): their acronyms
/// count as spelled out.
pub fn named_in_full(ctx: &Context) -> HashSet<usize> {
    ctx.located
        .iter()
        .flat_map(|m| ctx.kb.matcher().surface(m.surface).actors.iter())
        .filter(|(_, form)| *form != NameForm::Acronym)
        .map(|(actor, _)| *actor)
        .collect()
}

/// What a chunk's notes keep of [`named_in_full`]: the actors, sorted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NamedInFull(Vec<usize>);

impl NamedInFull {
    pub fn of(ctx: &Context) -> NamedInFull {
        let mut named: Vec<usize> = named_in_full(ctx).into_iter().collect();
        named.sort_unstable();
        NamedInFull(named)
    }
}

/// The actors a whole document names in full, from its chunks' notes: gathered at the first question, since
/// only a shared acronym asks it.
pub struct NamedInDocument<F> {
    /// The chunks' notes, in order, each time it is called.
    chunks: F,
    gathered: OnceCell<HashSet<usize, foldhash::fast::FixedState>>,
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
        let gathered = self
            .gathered
            .get_or_init(|| (self.chunks)().flat_map(|named| named.0.iter().copied()).collect());
        gathered.contains(&actor)
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

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn capital_words_are_found() {
        let text = "The TTP and IEDs, not ALLCAPSWORDS or Kp, near F16 and K2.";
        let words: Vec<&str> = capital_words(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(words, vec!["TTP", "IED"]);
    }
}
