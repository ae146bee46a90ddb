//! Phrases found in a sentence's own text: a phrase the configuration names, and bare people ("officials")
//! whose body the sentence or the source before it has just named.

use crate::claims::sources;
use std::ops::Range;

/// "We asked ODNI officials about it and officials told us …", "ODNI officials said …. The officials also
/// explained …": bare people ("officials", "the officials") whose body the sentence or the source before has
/// just named are those people.
pub(super) fn people_named_before(text: &str, phrase: Range<usize>, source_before: Option<&str>) -> Option<String> {
    let words: Vec<&str> = text[phrase.clone()].split_whitespace().collect();
    let noun = match words.as_slice() {
        [noun] | ["the" | "The" | "these" | "These" | "those" | "Those", noun] => noun.to_lowercase(),
        _ => return None,
    };
    if !noun.ends_with('s') || noun.len() < 4 {
        return None;
    }
    // "<Name> officials" earlier in the sentence, or as the source of the sentence before.
    let named_people = |candidate: &str| -> Option<String> {
        let words: Vec<&str> = candidate.split_whitespace().collect();
        words.windows(2).find_map(|w| {
            let named = w[0].starts_with(|c: char| c.is_uppercase()) && w[0].len() > 1 && !sources::is_demonym(w[0]);
            (named
                && w[1]
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .eq_ignore_ascii_case(&noun))
            .then(|| format!("{} {}", w[0], w[1]))
        })
    };
    named_people(&text[..phrase.start]).or_else(|| source_before.and_then(named_people))
}

/// A phrase in the text, ignoring ASCII case, at word boundaries.
pub(super) fn find_phrase(text: &str, phrase: &str) -> Option<Range<usize>> {
    let phrase = phrase.trim();
    if phrase.is_empty() || phrase.len() > text.len() {
        return None;
    }
    (0..=text.len() - phrase.len())
        .filter(|&i| text.is_char_boundary(i) && text.is_char_boundary(i + phrase.len()))
        .find_map(|i| {
            let candidate = &text[i..i + phrase.len()];
            let before_ok = !text[..i].chars().next_back().is_some_and(char::is_alphanumeric);
            let after_ok = !text[i + phrase.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            (candidate.eq_ignore_ascii_case(phrase) && before_ok && after_ok).then_some(i..i + phrase.len())
        })
}
