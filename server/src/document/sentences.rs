//! Splits a paragraph's plain text into sentences.
//!
//! A sentence ends at `.`, `!`, `?` or an ellipsis, taking with it any closing quotes, brackets and reference
//! marks (`[3]`, `[^1]`) that follow, when the next word could start a sentence. A full stop after a title
//! ("Gen."), an initial ("J."), a dotted acronym ("U.S.") or a common abbreviation ("e.g.", "No.") ends a
//! sentence only when a word that usually opens a sentence follows.

use std::ops::Range;

/// Titles are always followed by a name, so their full stop never ends a sentence.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Adm", "Brig", "Gov", "Sen", "Rep",
    "Prof", "St", "Rev", "Hon", "Amb", "Cdr", "Cmdr", "Pres", "Supt", "Insp", "Gens", "Messrs", "Mt", "Ft",
];

/// Abbreviations that may still end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "No", "Nos", "vs", "v", "e.g", "i.e", "eg", "ie", "approx", "cf", "al", "etc", "Fig", "Figs", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Inc", "Ltd", "Co", "Corp", "Jr", "Sr", "est",
    "viz", "Vol", "vol", "pp", "p", "para", "Art", "Sec", "Dept", "Govt", "govt", "a.m", "p.m", "U.S", "U.K", "U.N",
    "E.U", "app", "ch", "fn", "n", "ed", "eds", "Rev", "ibid", "Ibid", "op", "cit",
];

/// Words that usually open a sentence: after an abbreviation they signal that the sentence did end.
const SENTENCE_OPENERS: &[&str] = &[
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
];

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '*' | '_')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '*' | '_')
}

/// Split `text` into trimmed sentence ranges.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let offset = |i: usize| chars.get(i).map_or(text.len(), |&(pos, _)| pos);
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        if !is_terminator(chars[i].1) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && is_terminator(chars[j].1) {
            j += 1;
        }
        loop {
            if j < chars.len() && is_closer(chars[j].1) {
                j += 1;
            } else if let Some(end) = reference_end(&chars, j) {
                j = end;
            } else if let Some(end) = superscript_note_end(&chars, i, j) {
                j = end;
            } else {
                break;
            }
        }
        if let Some(end) = boundary(text, &chars, i, j) {
            push_trimmed(text, start..offset(end), &mut sentences);
            start = offset(end);
        }
        i = j;
    }
    push_trimmed(text, start..text.len(), &mut sentences);
    sentences
}

/// If a sentence ends with the terminators at `first..after`, the char index where the next one begins.
fn boundary(text: &str, chars: &[(usize, char)], first: usize, after: usize) -> Option<usize> {
    if after >= chars.len() {
        return Some(chars.len());
    }
    if !chars[after].1.is_whitespace() {
        return None;
    }
    let mut next = after;
    while next < chars.len() && chars[next].1.is_whitespace() {
        next += 1;
    }
    if next >= chars.len() {
        return Some(chars.len());
    }
    // A reference mark standing after the full stop ("said. [3]") still belongs to this sentence.
    if let Some(end) = reference_end(chars, next) {
        if end >= chars.len() || chars[end].1.is_whitespace() {
            return boundary(text, chars, first, end);
        }
    }
    let word = next_word(text, chars, next);
    if !could_open_sentence(chars, next) {
        return None;
    }
    let single_stop = chars[first].1 == '.' && (after == first + 1 || !is_terminator(chars[first + 1].1));
    if single_stop && is_abbreviation(text, chars, first) {
        let title = TITLES.contains(&word_before(text, chars, first));
        if title || !SENTENCE_OPENERS.contains(&word) {
            return None;
        }
    }
    Some(after)
}

fn could_open_sentence(chars: &[(usize, char)], at: usize) -> bool {
    let mut i = at;
    while i < chars.len() && is_opener(chars[i].1) {
        i += 1;
    }
    match chars.get(i) {
        Some(&(_, c)) => !c.is_lowercase(),
        None => false,
    }
}

/// The word before the full stop at `stop`, dots inside it included ("U.S", "e.g").
fn word_before<'t>(text: &'t str, chars: &[(usize, char)], stop: usize) -> &'t str {
    let mut i = stop;
    while i > 0 && (chars[i - 1].1.is_alphanumeric() || chars[i - 1].1 == '.') {
        i -= 1;
    }
    &text[chars.get(i).map_or(0, |c| c.0)..chars[stop].0]
}

fn is_abbreviation(text: &str, chars: &[(usize, char)], stop: usize) -> bool {
    let word = word_before(text, chars, stop);
    let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let dotted = word.contains('.') && word.split('.').all(|part| part.chars().count() <= 2);
    is_initial || dotted || TITLES.contains(&word) || ABBREVIATIONS.contains(&word)
}

fn next_word<'t>(text: &'t str, chars: &[(usize, char)], at: usize) -> &'t str {
    let mut i = at;
    while i < chars.len() && is_opener(chars[i].1) {
        i += 1;
    }
    let start = chars.get(i).map_or(text.len(), |c| c.0);
    let mut j = i;
    while j < chars.len() && chars[j].1.is_alphabetic() {
        j += 1;
    }
    &text[start..chars.get(j).map_or(text.len(), |c| c.0)]
}

/// A footnote number run into the text by a PDF conversion ("authority.14 Without"): up to three digits right
/// after a full stop that follows a letter, then a space. Decimals ("3.5") follow a digit, so they never match.
fn superscript_note_end(chars: &[(usize, char)], stop: usize, at: usize) -> Option<usize> {
    if chars[stop].1 != '.'
        || at != stop + 1
        || !stop
            .checked_sub(1)
            .is_some_and(|b| chars[b].1.is_alphabetic() || is_closer(chars[b].1))
    {
        return None;
    }
    let digits = chars[at..].iter().take_while(|c| c.1.is_ascii_digit()).count();
    let end = at + digits;
    ((1..=3).contains(&digits) && chars.get(end).is_none_or(|c| c.1.is_whitespace())).then_some(end)
}

/// A reference mark such as `[3]`, `[4, 7]` or `[^note]` starting at `at`: the index just after it.
fn reference_end(chars: &[(usize, char)], at: usize) -> Option<usize> {
    if chars.get(at)?.1 != '[' {
        return None;
    }
    let footnote = chars.get(at + 1)?.1 == '^';
    let mut i = at + 1;
    while i < chars.len() && i - at <= 24 {
        let c = chars[i].1;
        if c == ']' {
            return (i > at + 1).then_some(i + 1);
        }
        let allowed = if footnote {
            !c.is_whitespace()
        } else {
            c.is_ascii_digit() || matches!(c, ',' | '-' | '–' | ' ')
        };
        if !allowed {
            return None;
        }
        i += 1;
    }
    None
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    if end > start {
        out.push(start..end);
    }
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
}
