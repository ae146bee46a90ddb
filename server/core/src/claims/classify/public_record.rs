//! Sentences the public record answers: an official act on a law, a document or an office, by the body that
//! made it ("Congress enacted the act.", "Parliament passed the amendment.", "The president vetoed the bill.").
//! An editor asks no source of it: the act is on the record, and the law or document names it.
//!
//! It covers no armed group, person or place as the subject or in the act (those are events and allegations),
//! and no act on anything but a law, a document or an office ("The government imposed a curfew." still needs a
//! source). What a body does as its standing role ("The directorate oversees …") was tried and left out: the
//! labelled real reports read those as claims that need a source, three times in four.

use crate::claims::sources::{SentenceWords, DOCUMENT_NOUNS};
use crate::text::lexicon::WordList;
use crate::text::words::{is_auxiliary, is_verb_at, Token};
use std::ops::Range;

static MANDATES: WordList = WordList::embedded(include_str!("../data/mandate_nouns.txt"));
static ACTS: WordList = WordList::embedded(include_str!("../data/official_acts.txt"));
static LAWMAKERS: WordList = WordList::embedded(include_str!("../data/lawmakers.txt"));

/// The range of the body whose official act on a law, a document or an office the sentence reports, if it
/// does. `parties` are the ranges of the sentence's armed groups, people and places, as the knowledge base
/// knows them.
pub(super) fn official_act(words: &SentenceWords, parties: &[Range<usize>]) -> Option<Range<usize>> {
    let tokens = words.tokens;
    let start = words.starts.main;
    let verb = verb_after_subject(tokens, start)?;
    let subject = &tokens[start..verb];
    let among_parties = |t: &Token| {
        parties
            .iter()
            .any(|r| r.start <= t.range().start && t.range().end <= r.end)
    };
    if subject.is_empty() || !definite(subject) || !subject.iter().any(|t| t.word && LAWMAKERS.contains(t.lower())) {
        return None;
    }
    let act = &tokens[verb..clause_end(tokens, verb)];
    let on_a_document = act[1..]
        .iter()
        .any(|t| t.word && (DOCUMENT_NOUNS.contains(t.lower()) || MANDATES.contains(t.lower())));
    (ACTS.contains(act[0].lower()) && on_a_document && !act.iter().any(among_parties)).then(|| words.span(subject))
}

/// The main clause's verb: the first auxiliary or verb after its subject, within sixteen tokens (a longer
/// subject is a clause of its own).
fn verb_after_subject(tokens: &[Token], start: usize) -> Option<usize> {
    // An aside may stand between: "The Security Council, in resolution 2713 (2023), renewed …".
    (start + 1..tokens.len().min(start + 16)).find(|&i| {
        let token = &tokens[i];
        token.word && !token.capitalised() && (is_auxiliary(token, false) || is_verb_at(tokens, i))
    })
}

/// A particular body: the subject opens with "the", a capital or a lawmaking body ("parliament"), not "some
/// committees"; it may hold a name's punctuation and an aside ("President Bush, however,").
fn definite(subject: &[Token]) -> bool {
    subject
        .iter()
        .all(|t| t.word || t.is(&['(', ')', '-', '&', '\'', '’', '.', ',']))
        && subject
            .first()
            .is_some_and(|t| t.lower() == "the" || t.capitalised() || LAWMAKERS.contains(t.lower()))
}

/// Where the clause of the verb at `verb` ends: a semicolon, a colon, a dash or the sentence's end.
fn clause_end(tokens: &[Token], verb: usize) -> usize {
    (verb..tokens.len())
        .find(|&i| tokens[i].is(&[';', ':', '—', '–']))
        .unwrap_or(tokens.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lower_case::Lowered;
    use crate::text::words::tokens_into;

    fn act(text: &str) -> Option<&str> {
        let mut lowered = Lowered::with_capacity(text.len());
        lowered.push(text);
        let mut tokens = Vec::new();
        tokens_into(text, lowered.part(0..text.len()), &mut tokens);
        let words = SentenceWords::new(text, &tokens, &[]);
        official_act(&words, &[]).map(|r| &text[r])
    }

    #[test]
    fn an_official_act_on_a_law_a_document_or_an_office_is_its_own_source() {
        for (sentence, body) in [
            (
                "Congress enacted the Intelligence Reform Act in December 2004.",
                "Congress",
            ),
            (
                "President Bush, however, vetoed the conference report.",
                "President Bush, however,",
            ),
            (
                "In October, parliament passed the constitutional amendment.",
                "parliament",
            ),
            (
                "The conferees gave the director several new authorities.",
                "The conferees",
            ),
            (
                "The Senate Intelligence Committee approved the 2025 authorization bill.",
                "The Senate Intelligence Committee",
            ),
        ] {
            assert_eq!(act(sentence), Some(body), "{sentence}");
        }
    }

    #[test]
    fn other_acts_and_other_actors_still_need_a_source() {
        for claim in [
            // Not an act on a law, a document or an office.
            "The government imposed a curfew.",
            // Not a lawmaking body.
            "The army issued a directive to its units.",
            "Some committees approved the plan.",
            // Not in the past: a prediction.
            "Parliament will pass the bill next week.",
        ] {
            assert_eq!(act(claim), None, "{claim}");
        }
    }
}
