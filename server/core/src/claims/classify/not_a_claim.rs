//! Sentences that are not claims: questions, captions, link teasers, meta text, fragments, source notes,
//! instructions and definitions.

use super::sentence_cues::{Opening, SentenceCues, TokenCounts};
use super::Reason;
use crate::claims::sources::SentenceWords;
use crate::claims::{clause, cues};
use crate::document::BlockKind;
use crate::text::words;
use std::ops::Range;

pub(super) fn not_a_claim(
    cues: &SentenceCues,
    words: &SentenceWords,
    citations: &[Range<usize>],
    kind: BlockKind,
) -> Option<Reason> {
    let text = cues.text;
    let trimmed = text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '*', '_', ' ']);
    if trimmed.ends_with('?') || clause::asks(words.tokens, words.starts) {
        return Some(Reason::Question);
    }
    // "How grenades from old stockpiles keep reaching gangs, and why nobody stops them": a feature's headline,
    // a question asked without its mark and left unclosed.
    let headline_question = words.tokens.first().is_some_and(|t| {
        t.capitalised() && matches!(t.lower(), "how" | "why" | "what" | "where" | "when" | "who" | "inside")
    }) && !trimmed.ends_with(['.', '!', ';', ':', ',']);
    if headline_question || states_a_hypothesis(text) {
        return Some(Reason::Fragment);
    }
    if cues.opens_with(Opening::Caption) {
        return Some(Reason::Caption);
    }
    let whole_link = citations
        .iter()
        .any(|c| text[..c.start].trim().is_empty() && text[c.end..].trim_matches(['.', ' ']).is_empty());
    if cues.opens_with(Opening::LinkTeaser) || whole_link {
        return Some(Reason::LinkTeaser);
    }
    if cues.opens_with(Opening::MetaText)
        || is_byline(text, words.tokens)
        || is_copyright_line(text)
        || is_letter_formula(text)
        || is_label_and_date(text)
        || is_note_on_the_author(words.tokens)
    {
        return Some(Reason::MetaText);
    }
    // "Russia | Shahed-136 | Finished airframes | High": a table's row pasted as text.
    if kind == BlockKind::TableCell
        || (memchr::memchr(b'|', text.as_bytes()).is_some() && text.matches(" | ").count() >= 2)
        || clause::is_list_piece(text, words.tokens)
        || clause::is_enumerated_piece(words.tokens)
        || clause::is_title(text, words.tokens)
        || clause::is_in_capitals(words.tokens)
        || clause::is_title_or_stamp(text)
    {
        return Some(Reason::Fragment);
    }
    if clause::is_reference_entry(text) || is_note_without_a_verb(text, words) {
        return Some(Reason::SourceNote);
    }
    if cues.opens_with(Opening::Instruction)
        || cues.opens_with(Opening::CrossReference)
        || (clause::may_point_elsewhere(text) && cues::points_elsewhere().is_match(text))
        || clause::is_imperative(words.tokens, words.starts)
    {
        return Some(Reason::Instruction);
    }
    if clause::defines(text, words.tokens) {
        return Some(Reason::Definition);
    }
    if clause::is_verbless_phrase(words.tokens, words.starts) {
        return Some(Reason::Fragment);
    }
    // A row of leader dots needs five full stops or two ellipses; the stops are found by memchr's vectorised
    // search, where counting them byte by byte cost more than the rest of this function.
    let leader_marks = cues.counts.ellipsis || memchr::memchr_iter(b'.', text.as_bytes()).nth(4).is_some();
    if leader_marks && cues::contents_leader().is_match(text) {
        return Some(Reason::Fragment);
    }
    let TokenCounts {
        words: sentence_words,
        figure: has_figure,
        ..
    } = cues.counts;
    let ends_like_sentence = trimmed.ends_with(['.', '!']);
    // Without a verb it is a fragment, unless it reads as a full sentence: long enough and closed by a full stop
    // (the verb lexicon cannot know every verb), or a figure stated in a closed sentence. Most sentences read as
    // one, so the verbs are looked for only when that is not enough.
    let reads_as_sentence = ends_like_sentence && (sentence_words >= 7 || (has_figure && sentence_words >= 3));
    if !reads_as_sentence && !words::has_verb(words.tokens) {
        return Some(Reason::Fragment);
    }
    if trimmed.ends_with(':') && sentence_words <= 8 {
        return Some(Reason::Fragment);
    }
    // List items and table cells are often labels ("- A TTP claim of an attack in Punjab", "Security forces"):
    // without closing punctuation they count as claims only with a verb that cannot be a noun.
    let label_block = matches!(kind, BlockKind::ListItem | BlockKind::TableCell);
    let unmistakable = || (0..words.tokens.len()).any(|i| words::is_unmistakable_verb_at(words.tokens, i));
    if label_block
        && !trimmed.ends_with(['.', '!', ';'])
        && (!unmistakable() || kind == BlockKind::TableCell && sentence_words <= 3)
    {
        return Some(Reason::Fragment);
    }
    None
}

/// "© 2026 The Associated Press.", "Copyright 2026 Dawn", "All rights reserved.": a publisher's notice; "It
/// draws on …", "It is based on …": a report's note on its own sources (read here, not by the meta-text
/// pattern, so that the many sentences opening with "It" or "All" are not run through it).
fn is_copyright_line(text: &str) -> bool {
    let starts = |prefix: &str| {
        text.get(..prefix.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
    };
    text.starts_with('©')
        || starts("copyright")
        || starts("all rights reserved")
        || starts("it draws on ")
        || starts("it is based on ")
}

static BIO_ROLES: crate::text::lexicon::WordList =
    crate::text::lexicon::WordList::embedded(include_str!("../data/bio_roles.txt"));

/// "Marcus Ellery is a senior fellow in the Indo-Pacific Security Program.", "Jane Doe is a research analyst at
/// …": the note on who wrote the piece, a name (or "He", "She") and a writer's role.
fn is_note_on_the_author(tokens: &[crate::text::words::Token]) -> bool {
    let name = tokens.iter().take_while(|t| t.word && t.capitalised()).count();
    let pronoun = tokens.first().is_some_and(|t| matches!(t.lower(), "he" | "she"));
    if !(pronoun || (2..=4).contains(&name) && tokens[0].lower() != "the") {
        return false;
    }
    let at = if pronoun { 1 } else { name };
    let lower = |i: usize| tokens.get(i).filter(|t| t.word).map_or("", |t| t.lower());
    if lower(at) != "is" || !matches!(lower(at + 1), "a" | "an") {
        return false;
    }
    // The role comes within a few words: "a senior non-resident fellow", "an independent research analyst".
    (at + 2..at + 6).any(|i| {
        BIO_ROLES.contains(lower(i)) && matches!(lower(i + 1), "at" | "in" | "with" | "for" | "of" | "and" | "")
    })
}

/// "H1: Brigades that held patronage control are more likely to …", "Hypothesis 2: …": a study's hypothesis,
/// which it puts to the test rather than asserts.
fn states_a_hypothesis(text: &str) -> bool {
    if !text.starts_with('H') {
        return false;
    }
    let Some((label, _)) = text.split_once(": ") else {
        return false;
    };
    let numbered = |rest: &str| !rest.is_empty() && rest.len() <= 3 && rest.bytes().all(|b| b.is_ascii_alphanumeric());
    label
        .strip_prefix('H')
        .is_some_and(|n| numbered(n) && n.starts_with(|c: char| c.is_ascii_digit()))
        || label.strip_prefix("Hypothesis ").is_some_and(numbered)
}

/// "12 Notifications on file with the Secretariat.": a note under the text, its number and no verb.
fn is_note_without_a_verb(text: &str, words: &SentenceWords) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && text[digits..].starts_with(' ')
        && text[digits + 1..].starts_with(|c: char| c.is_uppercase())
        && !words::has_verb(&words.tokens[1..])
}

/// "The members of the Panel have the honour to transmit herewith the final report": a letter's formula.
fn is_letter_formula(text: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), b" the hono")
        .is_some_and(|at| text[at..].starts_with(" the honour to ") || text[at..].starts_with(" the honor to "))
}

/// "Next brief: Tuesday 8 December 2026, 07:00 WAT.", "Updated: 7 Dec 2026": a short label and a date or a time.
fn is_label_and_date(text: &str) -> bool {
    // A label and a date make a short line: most sentences are ruled out by their length.
    if text.len() > 80 {
        return false;
    }
    if is_time_alone(text) {
        return true;
    }
    let Some((label, value)) = text.split_once(": ") else {
        return false;
    };
    // "Volume 781: debated on Thursday 3 December 2026".
    let value = match value.split_once(' ') {
        Some((participle, rest)) if participle.ends_with("ed") => rest
            .strip_prefix("on ")
            .or_else(|| rest.strip_prefix("at "))
            .unwrap_or(value),
        _ => value,
    };
    let date_word = |w: &str| {
        let w = w.trim_matches(|c: char| matches!(c, ',' | '.' | '(' | ')'));
        let lower = w.to_lowercase();
        w.is_empty()
            || w.bytes().all(|b| b.is_ascii_digit() || b == b':')
            || cues::MONTHS.contains(&lower.as_str())
            // A day's name or another word of time ("Tuesday", "week").
            || cues::RELATIVE_DATE_WORDS.contains(&lower.as_str())
            || (w.len() <= 4 && w.bytes().all(|b| b.is_ascii_uppercase()))
            || matches!(lower.as_str(), "am" | "pm" | "gmt" | "utc")
    };
    label.split_whitespace().count() <= 3
        && value.split_whitespace().any(|w| w.bytes().any(|b| b.is_ascii_digit()))
        && value.split_whitespace().all(date_word)
}

/// "1.12 pm", "14:30 GMT": a transcript's or a live page's time stamp.
fn is_time_alone(text: &str) -> bool {
    if text.len() > 16 || !text.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let mut words = text.trim_end_matches('.').split_whitespace();
    let time = words
        .next()
        .is_some_and(|w| w.contains(['.', ':']) && w.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b':'));
    let rest: Vec<&str> = words.collect();
    time && rest.len() <= 1
        && rest.iter().all(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "am" | "pm" | "a.m" | "p.m" | "gmt" | "utc" | "bst" | "et"
            )
        })
}

/// "Written by Ahmed Khan, 12 June 2025", "Research by the monitoring team": a byline names its makers and says
/// nothing more; "Research by the Small Arms Survey shows that …" goes on to a verb of its own and is a sentence.
fn is_byline(text: &str, tokens: &[crate::text::words::Token]) -> bool {
    let Some(found) = cues::byline().find(text) else {
        return false;
    };
    // "Sam Mednick contributed to this report from Dakar.": a wire report's credit line, wherever it stands.
    found.start() > 0
        || !(2..tokens.len()).any(|i| !tokens[i].capitalised() && words::is_unmistakable_verb_at(tokens, i))
}
