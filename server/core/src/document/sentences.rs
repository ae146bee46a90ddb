//! Splits a paragraph's plain text into sentences.
//!
//! A sentence ends at `.`, `!`, `?` or an ellipsis, taking with it any closing quotes, brackets and reference
//! marks (`[3]`, `[^1]`) that follow, when the next word could start a sentence. A full stop after a title
//! ("Gen."), an initial ("J."), a dotted acronym ("U.S.") or a common abbreviation ("e.g.", "No.") ends a
//! sentence only when a word that usually opens a sentence follows.

use crate::text::char_at;
use crate::text::lexicon::Lexicon;
use std::ops::Range;

/// Titles are always followed by a name, so their full stop never ends a sentence.
static TITLES: Lexicon = Lexicon::new(&[
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Adm", "Brig", "Gov", "Sen", "Rep",
    "Prof", "St", "Rev", "Hon", "Amb", "Cdr", "Cmdr", "Pres", "Supt", "Insp", "Gens", "Messrs", "Mt", "Ft",
    // Hansard's "the hon. Lady", "my right hon. Friend".
    "hon",
]);

/// Abbreviations that may still end a sentence.
static ABBREVIATIONS: Lexicon = Lexicon::new(&[
    "No", "Nos", "vs", "v", "e.g", "i.e", "eg", "ie", "approx", "cf", "al", "etc", "Fig", "Figs", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Inc", "Ltd", "Co", "Corp", "Jr", "Sr", "est",
    "viz", "Vol", "vol", "pp", "p", "para", "Art", "Sec", "Dept", "Govt", "govt", "a.m", "p.m", "U.S", "U.K", "U.N",
    "E.U", "app", "ch", "fn", "n", "ed", "eds", "Rev", "ibid", "Ibid", "op", "cit", "Pub", "Stat", "Reg", "Fed", "SEC",
    "seq", "Rept", "Cong", "Sess", "Doc", "Supp", "Res", "Pt", "Ch", "Div", "Amdt", "secs", "sec", "Secs", "U.S.C",
    // A public law's date line: "PUBLIC LAW 118–99—DEC. 3, 2025".
    "JAN", "FEB", "MAR", "APR", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC",
]);

/// Words that usually open a sentence: after an abbreviation they signal that the sentence did end.
static SENTENCE_OPENERS: Lexicon = Lexicon::new(&[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "In",
    "On",
    "At",
    "By",
    "For",
    "But",
    "And",
    "However",
    "Meanwhile",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "Some",
    "Many",
    "Most",
    "According",
    "After",
    "Before",
    "While",
    "When",
    "Since",
    "As",
    "If",
    "Officials",
    "Analysts",
    "Yet",
    "Still",
    "Also",
    "Separately",
    "Such",
    "No",
    "Neither",
    "Both",
    "Earlier",
    "Later",
    "Last",
    "Next",
    "Two",
    "Three",
    "Several",
    "Sources",
    "Authorities",
    "Police",
    "Militants",
]);

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// The first terminator at or after `from` (or the text's end): the three ASCII ones by memchr's vectorised
/// search, then an ellipsis before that, by its first byte.
fn next_terminator(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let ascii = memchr::memchr3(b'.', b'!', b'?', &bytes[from..]).map_or(bytes.len(), |at| from + at);
    let ellipsis = "…".as_bytes();
    let mut at = from;
    while let Some(found) = memchr::memchr(ellipsis[0], &bytes[at..ascii]) {
        let candidate = at + found;
        if bytes[candidate..].starts_with(ellipsis) {
            return candidate;
        }
        at = candidate + 1;
    }
    ascii
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '*' | '_')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '*' | '_')
}

fn char_before(text: &str, at: usize) -> Option<char> {
    match at.checked_sub(1).map(|before| text.as_bytes()[before]) {
        Some(byte) if byte.is_ascii() => Some(char::from(byte)),
        _ => text[..at].chars().next_back(),
    }
}

/// Split `text` into trimmed sentence ranges.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    split_into(text, &mut sentences);
    sentences
}

/// [`split`], appending to `sentences`: a document splits every block into one buffer it reuses. A line break
/// left in a block's text ends a sentence (the Markdown reader leaves one only after a line that ends a heading
/// or sentence unmarked).
pub fn split_into(text: &str, sentences: &mut Vec<Range<usize>>) {
    let mut line_start = 0;
    for line_end in memchr::memchr_iter(b'\n', text.as_bytes()) {
        split_line_into(text, line_start..line_end, sentences);
        line_start = line_end + 1;
    }
    split_line_into(text, line_start..text.len(), sentences);
}

/// The sentences of `text[line]`, as ranges of `text`.
fn split_line_into(text: &str, line: Range<usize>, sentences: &mut Vec<Range<usize>>) {
    let offset = line.start;
    let first = sentences.len();
    split_text_into(&text[line], sentences);
    for range in &mut sentences[first..] {
        *range = range.start + offset..range.end + offset;
    }
}

fn split_text_into(text: &str, sentences: &mut Vec<Range<usize>>) {
    let mut start = 0;
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        if !is_terminator(c) {
            i = next_terminator(text, i + c.len_utf8());
            continue;
        }
        let mut j = i;
        while let Some(c) = char_at(text, j).filter(|&c| is_terminator(c)) {
            j += c.len_utf8();
        }
        loop {
            if let Some(c) = char_at(text, j).filter(|&c| is_closer(c)) {
                j += c.len_utf8();
            } else if let Some(end) = reference_end(text, j) {
                j = end;
            } else if let Some(end) = superscript_note_end(text, i, j) {
                j = end;
            } else {
                break;
            }
        }
        if let Some(end) = boundary(text, i, j) {
            push_trimmed(text, start..end, sentences);
            start = end;
        }
        i = j;
    }
    push_trimmed(text, start..text.len(), sentences);
}

/// If a sentence ends with the terminators at `first..after`, where the next one begins.
fn boundary(text: &str, first: usize, after: usize) -> Option<usize> {
    let Some(c) = char_at(text, after) else {
        return Some(text.len());
    };
    if !c.is_whitespace() {
        return None;
    }
    let mut next = after;
    while let Some(c) = char_at(text, next).filter(|c| c.is_whitespace()) {
        next += c.len_utf8();
    }
    if next >= text.len() {
        return Some(text.len());
    }
    // A reference mark standing after the full stop ("said. [3]") still belongs to this sentence.
    if let Some(end) = reference_end(text, next) {
        if char_at(text, end).is_none_or(char::is_whitespace) {
            return boundary(text, first, end);
        }
    }
    if !could_open_sentence(text, next) {
        return None;
    }
    let first_char = char_at(text, first)?;
    let after_first = first + first_char.len_utf8();
    let single_stop =
        first_char == '.' && (after == after_first || !char_at(text, after_first).is_some_and(is_terminator));
    if single_stop {
        let before = word_before(text, first);
        if is_abbreviation(before) && (TITLES.contains(before) || !SENTENCE_OPENERS.contains(next_word(text, next))) {
            return None;
        }
    }
    Some(after)
}

fn could_open_sentence(text: &str, at: usize) -> bool {
    let mut i = at;
    while let Some(c) = char_at(text, i).filter(|&c| is_opener(c)) {
        i += c.len_utf8();
    }
    char_at(text, i).is_some_and(|c| !c.is_lowercase())
}

/// The word before the full stop at `stop`, dots inside it included ("U.S", "e.g"): alphanumeric chars and
/// dots, read byte by byte in ASCII and decoded only outside it.
fn word_before(text: &str, stop: usize) -> &str {
    let bytes = text.as_bytes();
    let mut i = stop;
    while i > 0 {
        let byte = bytes[i - 1];
        if byte.is_ascii_alphanumeric() || byte == b'.' {
            i -= 1;
        } else if byte.is_ascii() {
            break;
        } else {
            match text[..i].chars().next_back() {
                Some(c) if c.is_alphanumeric() => i -= c.len_utf8(),
                _ => break,
            }
        }
    }
    &text[i..stop]
}

/// Whether `word`, the word before a full stop, is an initial, a dotted acronym, a title or an abbreviation.
fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    let is_initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    let dotted = word.bytes().any(|b| b == b'.') && word.split('.').all(|part| part.chars().count() <= 2);
    // "S.Rept", "H.Doc": a dotted prefix before an abbreviation.
    let last_part = || {
        word.rsplit('.')
            .next()
            .is_some_and(|part| part != word && ABBREVIATIONS.contains(part))
    };
    is_initial || dotted || TITLES.contains(word) || ABBREVIATIONS.contains(word) || last_part()
}

fn next_word(text: &str, at: usize) -> &str {
    let mut start = at;
    while let Some(c) = char_at(text, start).filter(|&c| is_opener(c)) {
        start += c.len_utf8();
    }
    let mut end = start;
    while let Some(c) = char_at(text, end).filter(|c| c.is_alphabetic()) {
        end += c.len_utf8();
    }
    &text[start..end]
}

/// A footnote number run into the text by a PDF conversion ("authority.14 Without"): up to three digits right
/// after a full stop that follows a letter, then a space. Decimals ("3.5") follow a digit, so they never match.
fn superscript_note_end(text: &str, stop: usize, at: usize) -> Option<usize> {
    if char_at(text, stop) != Some('.')
        || at != stop + 1
        || !char_before(text, stop).is_some_and(|b| b.is_alphabetic() || is_closer(b))
    {
        return None;
    }
    let digits = text.as_bytes()[at..].iter().take_while(|b| b.is_ascii_digit()).count();
    let end = at + digits;
    ((1..=3).contains(&digits) && char_at(text, end).is_none_or(char::is_whitespace)).then_some(end)
}

/// A reference mark such as `[3]`, `[4, 7]` or `[^note]` starting at `at`: the offset just after it.
fn reference_end(text: &str, at: usize) -> Option<usize> {
    if char_at(text, at)? != '[' {
        return None;
    }
    let footnote = char_at(text, at + 1)? == '^';
    let mut i = at + 1;
    // Counted in chars, not bytes: a footnote label may be written in any script.
    let mut length = 1;
    while length <= 24 {
        let c = char_at(text, i)?;
        if c == ']' {
            return (length > 1).then_some(i + 1);
        }
        let allowed = if footnote {
            !c.is_whitespace()
        } else {
            c.is_ascii_digit() || matches!(c, ',' | '-' | '–' | ' ')
        };
        if !allowed {
            return None;
        }
        i += c.len_utf8();
        length += 1;
    }
    None
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let (mut start, mut end) = (range.start, range.end);
    let bytes = text.as_bytes();
    // ASCII spaces by byte; `str::trim` takes over at the first byte outside ASCII.
    while start < end && is_ascii_space(bytes[start]) {
        start += 1;
    }
    while end > start && is_ascii_space(bytes[end - 1]) {
        end -= 1;
    }
    if start < end && !(bytes[start].is_ascii() && bytes[end - 1].is_ascii()) {
        let slice = &text[start..end];
        start += slice.len() - slice.trim_start().len();
        end = start + slice.trim().len();
    }
    if end > start {
        out.push(start..end);
    }
}

/// `char::is_whitespace` for an ASCII byte (which, unlike `u8::is_ascii_whitespace`, counts the vertical tab).
fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

#[cfg(test)]
mod tests {
    use super::split;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            sentences("One attack. Two attacks! Why? Done."),
            vec!["One attack.", "Two attacks!", "Why?", "Done."]
        );
    }

    #[test]
    fn keeps_titles_initials_and_abbreviations() {
        let text = "Lt. Gen. Ahmed Sharif Chaudhry spoke. Dr. J. R. Khan agreed, e.g. on No. 5 and i.e. the rest.";
        assert_eq!(
            sentences(text),
            vec![
                "Lt. Gen. Ahmed Sharif Chaudhry spoke.",
                "Dr. J. R. Khan agreed, e.g. on No. 5 and i.e. the rest."
            ]
        );
    }

    #[test]
    fn legal_citations_keep_their_abbreviations() {
        let text =
            "It was amended by Pub. L. 108-458, 118 Stat. 3638, and 70 Fed. Reg. 1234. See 50 U.S.C. 3001 et seq. \
                    for the rest. SEC. 102. The office shall report. Vol. 3, No. 2 lists it.";
        assert_eq!(
            sentences(text),
            vec![
                "It was amended by Pub. L. 108-458, 118 Stat. 3638, and 70 Fed. Reg. 1234.",
                "See 50 U.S.C. 3001 et seq. for the rest.",
                // The section's number ends its heading; "SEC." does not.
                "SEC. 102.",
                "The office shall report.",
                "Vol. 3, No. 2 lists it."
            ]
        );
        assert_eq!(
            sentences("Will the hon. Lady give way? She did."),
            vec!["Will the hon. Lady give way?", "She did."]
        );
        assert_eq!(
            sentences("PUBLIC LAW 118–99—DEC. 3, 2025"),
            vec!["PUBLIC LAW 118–99—DEC. 3, 2025"],
            "a public law's date line in capitals"
        );
        assert_eq!(
            sentences("The bill (S. 1538; S.Rept. 110-75) passed."),
            vec!["The bill (S. 1538; S.Rept. 110-75) passed."]
        );
    }

    #[test]
    fn a_line_break_left_in_a_block_ends_a_sentence() {
        assert_eq!(
            sentences("Kurram after the blockade\nThe road reopened."),
            vec!["Kurram after the blockade", "The road reopened."]
        );
    }

    #[test]
    fn dotted_acronyms_end_a_sentence_only_before_an_opener() {
        let text = "The U.S. envoy met him in the U.S. The talks failed.";
        assert_eq!(
            sentences(text),
            vec!["The U.S. envoy met him in the U.S.", "The talks failed."]
        );
    }

    #[test]
    fn decimals_figures_and_ellipses() {
        let text = "Some 6,000 troops moved, 3.5 percent more. The talks … stalled. It ended... Then more.";
        assert_eq!(
            sentences(text),
            vec![
                "Some 6,000 troops moved, 3.5 percent more.",
                "The talks … stalled.",
                "It ended...",
                "Then more."
            ]
        );
    }

    #[test]
    fn an_ellipsis_is_found_among_other_non_ascii_marks() {
        assert_eq!(
            sentences("It was “done” – ‘all’ of it… Then more."),
            vec!["It was “done” – ‘all’ of it…", "Then more."]
        );
    }

    #[test]
    fn closing_quotes_brackets_and_references_stay_with_their_sentence() {
        let text =
            "“We will respond,” he said. (The army denied it.) Asif spoke.[3] Dawn agreed.[^1] Next [4] one. Last.";
        assert_eq!(
            sentences(text),
            vec![
                "“We will respond,” he said.",
                "(The army denied it.)",
                "Asif spoke.[3]",
                "Dawn agreed.[^1]",
                "Next [4] one.",
                "Last."
            ]
        );
    }

    #[test]
    fn lower_case_after_a_stop_continues_the_sentence() {
        assert_eq!(
            sentences("Talks in Jan. resumed. ok fine."),
            vec!["Talks in Jan. resumed. ok fine."]
        );
    }

    #[test]
    fn converted_footnote_numbers_end_a_sentence() {
        assert_eq!(
            sentences("It grew in 2011.14 Without care, it fails.3"),
            vec!["It grew in 2011.14 Without care, it fails.3"]
        );
        assert_eq!(
            sentences("Scrutiny is needed.14 Without it, risk grows.15"),
            vec!["Scrutiny is needed.14", "Without it, risk grows.15"]
        );
        assert_eq!(
            sentences("Growth was 3.5 percent (see app. IV for more)."),
            vec!["Growth was 3.5 percent (see app. IV for more)."]
        );
    }

    #[test]
    fn reference_after_a_space_belongs_to_the_sentence_before() {
        assert_eq!(
            sentences("Five died. [3] The army said so."),
            vec!["Five died. [3]", "The army said so."]
        );
    }

    /// The reading of the word before a full stop and of abbreviations that `word_before` and
    /// `is_abbreviation` replaced (char by char), which they must agree with.
    fn word_before_by_chars(text: &str, stop: usize) -> &str {
        let mut i = stop;
        while let Some(c) = super::char_before(text, i).filter(|&c| c.is_alphanumeric() || c == '.') {
            i -= c.len_utf8();
        }
        &text[i..stop]
    }

    fn is_abbreviation_by_chars(word: &str) -> bool {
        let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        let dotted = word.contains('.') && word.split('.').all(|part| part.chars().count() <= 2);
        let last_part = word.contains('.') && super::ABBREVIATIONS.contains(word.split('.').next_back().unwrap_or(""));
        is_initial || dotted || super::TITLES.contains(word) || super::ABBREVIATIONS.contains(word) || last_part
    }

    proptest::proptest! {
        /// Words of ASCII and non-ASCII letters and digits (one-, two- and three-byte chars, upper and lower
        /// case, a superscript digit), dots and the marks around them, and the abbreviations themselves.
        #[test]
        fn the_word_before_a_stop_and_abbreviations_agree_with_a_char_by_char_reading(
            text in "([a-zA-Z0-9.éÉßЖж²٣ ,“”(\\[-]|U\\.S|e\\.g|Gen|No|Messrs|approx){0,12}",
            stop in 0usize..60,
        ) {
            let stop = (0..=stop.min(text.len())).rev().find(|&at| text.is_char_boundary(at)).unwrap_or(0);
            let word = super::word_before(&text, stop);
            proptest::prop_assert_eq!(word, word_before_by_chars(&text, stop));
            proptest::prop_assert_eq!(super::is_abbreviation(word), is_abbreviation_by_chars(word));
            proptest::prop_assert_eq!(super::is_abbreviation(&text), is_abbreviation_by_chars(&text));
        }

        /// Text of terminators, spaces (the vertical tab among them) and chars that share an ellipsis's first
        /// byte ("–", "“", "…"), or have none of it.
        #[test]
        fn terminators_and_trimming_agree_with_a_char_by_char_reading(
            text in "[.!?…–“ \t\u{0B}\u{3000}a]{0,40}",
            from in 0usize..40,
        ) {
            let from = (0..=from.min(text.len())).rev().find(|&at| text.is_char_boundary(at)).unwrap_or(0);
            let by_chars = text[from..]
                .char_indices()
                .find(|&(_, c)| super::is_terminator(c))
                .map_or(text.len(), |(at, _)| from + at);
            proptest::prop_assert_eq!(super::next_terminator(&text, from), by_chars);

            let mut trimmed = Vec::new();
            super::push_trimmed(&text, from..text.len(), &mut trimmed);
            let slice = &text[from..];
            let expected = (!slice.trim().is_empty()).then(|| {
                let start = from + slice.len() - slice.trim_start().len();
                start..start + slice.trim().len()
            });
            proptest::prop_assert_eq!(trimmed.first().cloned(), expected);
        }
    }
}
