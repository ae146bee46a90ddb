//! Acronyms in text: where an acronym is spelled out, and which all-capital words are acronyms.

use crate::text::lexicon::Lexicon;
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

/// Whether the capital word at `range` of a block's plain `text` stands in a heading set in capitals, as
/// statutes and converted reports print them: a line with no lower-case letter ("SEC. 2. FINDINGS.", "AN ACT"),
/// or a provision's run-in heading before its dash ("(a) IN GENERAL.—Not later than …"). Its words are
/// English words in capitals, not acronyms.
pub fn in_a_heading_in_capitals(text: &str, range: &Range<usize>) -> bool {
    let bytes = text.as_bytes();
    let line_start = memchr::memrchr(b'\n', &bytes[..range.start]).map_or(0, |i| i + 1);
    let line_end = memchr::memchr(b'\n', &bytes[range.end..]).map_or(text.len(), |i| range.end + i);
    let line = &text[line_start..line_end];
    // Headings in capitals are in ASCII capitals; a byte test is enough to tell a line of prose.
    if !line.bytes().any(|b| b.is_ascii_lowercase()) {
        return true;
    }
    let rest = text[range.end..line_end].trim_start_matches(|c: char| c.is_uppercase() || c == ' ' || c == '.');
    if rest.starts_with('—') || rest.starts_with("--") {
        return true;
    }
    // "SEC. 2. FINDINGS. Congress makes …": a heading in capitals that a paragraph's lines joined to its text,
    // closed by a full stop before the first word in lower case.
    let first_lower = line.bytes().position(|b| b.is_ascii_lowercase()).unwrap_or(line.len());
    let heading = line[..first_lower].rfind(' ').map_or("", |cut| &line[..cut]);
    (heading.ends_with('.') && range.end <= line_start + heading.len())
        || in_words_set_in_capitals(line, range.start - line_start)
}

/// "BE IT ENACTED by the King's most Excellent Majesty", "THE WHITE HOUSE, November 20, 2026": a run of three or
/// more words in capitals with a little word of English among them is English set in capitals.
fn in_words_set_in_capitals(line: &str, at: usize) -> bool {
    // Most capital words stand among lower-case ones: a run needs a capital word right before or after this one.
    let bytes = line.as_bytes();
    let end = at + bytes[at..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let capital_after = bytes.get(end + 1).is_some_and(u8::is_ascii_uppercase)
        && bytes.get(end + 2).is_some_and(|b| !b.is_ascii_lowercase());
    let capital_before =
        at >= 2 && bytes[at - 2].is_ascii_uppercase() && (at < 3 || !bytes[at - 3].is_ascii_lowercase());
    if !(capital_after || capital_before) {
        return false;
    }
    // Not "AND": "TTP AND BLA" joins two acronyms.
    const LITTLE_WORDS: &[&str] = &["THE", "OF", "BE", "IT", "BY", "FOR", "TO", "IN", "ON", "A", "AN", "IS"];
    let is_capitals = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_uppercase());
    let mut run: Vec<&str> = Vec::new();
    let mut inside = false;
    let mut start = 0;
    for word in line.split(' ') {
        let end = start + word.len();
        let bare = word.trim_end_matches([',', '.', ':', ';']);
        if is_capitals(bare) {
            run.push(bare);
            inside |= (start..end).contains(&at);
        } else {
            if inside {
                break;
            }
            run.clear();
        }
        // A mark after the word ends the run: "HOUSE," closes "THE WHITE HOUSE".
        if bare.len() != word.len() && !inside {
            run.clear();
        }
        start = end + 1;
    }
    inside && run.len() >= 3 && run.iter().any(|w| LITTLE_WORDS.contains(w))
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

/// Runs of 2–8 capitals and digits (at least two capitals) that stand as words: candidate acronyms. The rules
/// take them from [`super::capitals::CapitalWords`], found with the proper names.
#[cfg(test)]
pub fn capital_words(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    super::capitals::for_each_capital(text, |at| found.extend(capital_word_at(text.as_bytes(), at)));
    found
}

/// The candidate acronym that starts at `at`, if one does. Out of line: few capitals are followed by another.
#[inline(never)]
pub(super) fn capital_word_at(bytes: &[u8], at: usize) -> Option<Range<usize>> {
    // Most capitals start a capitalised word, not a run of capitals or digits: ruled out by the next byte.
    let next = bytes.get(at + 1)?;
    if !(next.is_ascii_uppercase() || next.is_ascii_digit())
        || !bytes[at].is_ascii_uppercase()
        || (at > 0 && is_word_byte(bytes[at - 1]))
    {
        return None;
    }
    let end = at
        + bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            .count();
    let capitals = bytes[at..end].iter().filter(|b| b.is_ascii_uppercase()).count();
    // A plural or possessive ("IEDs", "TTP's") still names the acronym.
    let tail_ok = end >= bytes.len()
        || !is_word_byte(bytes[end])
        || (bytes[end] == b's' && (end + 1 >= bytes.len() || !is_word_byte(bytes[end + 1])));
    ((2..=8).contains(&(end - at)) && capitals >= 2 && tail_ok).then_some(at..end)
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

#[cfg(test)]
mod heading_tests {
    use super::in_a_heading_in_capitals;

    fn heading(text: &str, word: &str) -> bool {
        let at = text.find(word).unwrap();
        in_a_heading_in_capitals(text, &(at..at + word.len()))
    }

    #[test]
    fn words_of_a_heading_in_capitals_are_no_acronyms() {
        assert!(heading(
            "SEC. 2. FINDINGS.\nCongress makes the following findings:",
            "FINDINGS"
        ));
        assert!(heading("(a) IN GENERAL.—Not later than 180 days after", "GENERAL"));
        assert!(heading("(c) FORM.—The report shall be submitted", "FORM"));
        assert!(heading(
            "SEC. 2. FINDINGS. Congress makes the following findings:",
            "FINDINGS"
        ));
        assert!(heading(
            "BE IT ENACTED by the King's most Excellent Majesty, as follows:",
            "ENACTED"
        ));
        assert!(heading("THE WHITE HOUSE, November 20, 2026.", "HOUSE"));
        assert!(!heading("The TTP AND BLA attacked posts in May.", "BLA"));
        assert!(!heading("The DHS office said that FORM was late.", "DHS"));
        assert!(!heading("DHS officials said so. The ISPR agreed.", "DHS"));
        assert!(!heading("The TTP attacked a post. The ISPR said so.", "ISPR"));
    }
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

    proptest::proptest! {
        /// The scan that looks only at capitals finds what a look at every byte finds.
        #[test]
        fn looking_at_capitals_finds_every_capital_word(text in "([A-Z]{1,3}|[0-9]|[a-z]{1,4}|[ .'s]|é|TTP|A1B){0,40}") {
            let every_byte: Vec<_> = (0..text.len()).filter_map(|at| capital_word_at(text.as_bytes(), at)).collect();
            proptest::prop_assert_eq!(capital_words(&text), every_byte);
        }
    }

    #[test]
    fn capital_words_are_found() {
        let text = "The TTP and IEDs, not ALLCAPSWORDS or Kp, near F16 and K2.";
        let words: Vec<&str> = capital_words(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(words, vec!["TTP", "IED"]);
    }
}
