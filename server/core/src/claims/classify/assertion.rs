//! What an unsourced sentence asserts: a figure, a cause, a judgement, an event, or a plain statement.

use super::sentence_cues::{Gated, SentenceCues};
use super::Assertion;
use crate::claims::cues;
use crate::claims::sources::SentenceWords;
use crate::text::words;
use std::ops::Range;

const FUNCTION_WORDS: &[&str] = &[
    "in", "on", "at", "of", "to", "and", "or", "the", "a", "an", "for", "by", "from", "with", "as", "was", "were",
    "is", "are", "that", "which", "when", "after", "before", "since", "until", "through", "per",
];

/// What an unsourced sentence asserts: a figure, a cause, a judgement, an event, or a plain statement.
pub(super) fn assertion(cues: &SentenceCues, words: &SentenceWords) -> (Assertion, Option<Range<usize>>) {
    let text = cues.text;
    // Years and numbers followed by a function word ("in 2011 the", "612 in") are not figures of anything.
    let figure = cues.find_iter(Gated::Figure).find(|m| {
        // "N-25", "F-16": a number inside a name is not a figure.
        let in_name = text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c == '-' || c.is_alphanumeric());
        let mut parts = m.as_str().split_whitespace();
        let number = parts.next().unwrap_or_default();
        let unit = parts.next().unwrap_or_default();
        let is_year = number.len() == 4
            && (number.starts_with("19") || number.starts_with("20"))
            && number.chars().all(|c| c.is_ascii_digit());
        !in_name && !is_year && !FUNCTION_WORDS.contains(&unit) && !cues::MONTHS.contains(&unit)
    });
    if let Some(m) = figure {
        return (Assertion::Figure(m.as_str().to_string()), Some(m.range()));
    }
    if let Some(m) = cues.find(Gated::Cause) {
        return (Assertion::Cause(m.as_str().to_string()), Some(m.range()));
    }
    if let Some(m) = cues.find(Gated::Judgement) {
        return (Assertion::Judgement(m.as_str().to_string()), Some(m.range()));
    }
    // A verb whose form leaves no doubt first: in "Open fighting broke out" the event is "broke".
    let tokens = words.tokens;
    let finite = |i: usize| !words::is_auxiliary(&tokens[i], i == 0);
    let verb = (0..tokens.len())
        .find(|&i| words::is_unmistakable_verb_at(tokens, i) && finite(i))
        // A capitalised word is more likely part of a name ("Border Patrol deploys …") than the verb.
        .or_else(|| (0..tokens.len()).find(|&i| words::is_verb_at(tokens, i) && finite(i) && !tokens[i].capitalised()))
        .or_else(|| (0..tokens.len()).find(|&i| words::is_verb_at(tokens, i) && finite(i)))
        .map(|i| &tokens[i]);
    match verb {
        Some(t) => (Assertion::Event(t.text.to_string()), Some(t.range())),
        None => (Assertion::Statement, None),
    }
}
