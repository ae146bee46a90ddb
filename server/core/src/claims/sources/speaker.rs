//! Where a reporting verb's source stands: its subject ("the ISPR said"), the speaker after a quotation
//! ('"…," said Khawaja Asif'), the agent of a passive ("claimed by the BLA"), or no one ("It was reported that").

use super::judge::judge;
use super::reporting_verbs::{before_adverbs, STRONG_VERBS, TELLING_VERBS};
use super::{SentenceWords, Source, SourceKind, DETERMINERS, PREPOSITIONS};
use crate::text::lexicon::Lexicon;
use crate::text::words::{is_auxiliary, Token};

/// Relative pronouns: "Mahrang Baloch, who leads the BYC, has said" has its subject before them.
const RELATIVES: &[&str] = &["who", "which", "whose", "whom"];

/// Words that start a clause: the subject of a verb does not reach back past them.
const CLAUSE_BREAKS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "while", "whereas", "but", "and", "as", "because", "although", "though",
    "when", "after", "before", "since", "if", "where", "so", "yet", "nor", "or",
];

/// Adverbs and auxiliaries that sit between a subject and its verb.
static BETWEEN_WORDS: Lexicon = Lexicon::new(&[
    "also",
    "further",
    "since",
    "later",
    "earlier",
    "previously",
    "publicly",
    "repeatedly",
    "again",
    "separately",
    "however",
    "then",
    "reportedly",
    "just",
    "already",
    "do",
    "does",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "not",
    "have",
    "had",
    "recently",
    "subsequently",
    "originally",
    "initially",
    "last",
    "yesterday",
    "today",
    "once",
    "first",
    "separately",
    "jointly",
    "quickly",
    "already",
    "often",
    "frequently",
    "explicitly",
    "privately",
    "openly",
    "formally",
    "officially",
    "widely",
]);

/// The subject before a reporting verb, judged; for an appositive ("Asif, the defence minister, said") the
/// name before it counts.
pub(super) fn subject_of(words: &SentenceWords, verb: usize, strong: bool) -> Option<Source> {
    let tokens = words.tokens;
    let mut end = verb;
    while end > 0 && tokens[end - 1].word && BETWEEN_WORDS.contains(tokens[end - 1].lower()) {
        end -= 1;
    }
    // "X, however, said" and "X, the army's spokesman, said": step back over the comma before the verb, and
    // over an aside between two commas.
    if end > 0 && tokens[end - 1].is(&[',']) {
        end -= 1;
        let mut before = end;
        while before > 0 && tokens[before - 1].word && BETWEEN_WORDS.contains(tokens[before - 1].lower()) {
            before -= 1;
        }
        if before < end && before > 0 && tokens[before - 1].is(&[',']) {
            end = before - 1;
        } else if let Some(open) = participial_aside(tokens, end) {
            // "A U.S. official, speaking on condition of anonymity, said": the subject is before the aside.
            end = open;
        }
        // "Ali Khan, 52, said", "La Ode Sulaiman, 41, one of the victims, told": the age after the name.
        if end >= 3 && is_age(&tokens[end - 1]) && tokens[end - 2].is(&[',']) && tokens[end - 3].capitalised() {
            end -= 2;
        }
    }
    // "The Counter Terrorism Department (CTD) said": the subject is before the bracketed short form.
    if end > 0 && tokens[end - 1].is(&[')']) {
        if let Some(open) = tokens[..end - 1].iter().rposition(|t| t.is(&['('])) {
            // A short form or a name spelt out: "(the National Commission on Terrorist Attacks Upon the United
            // States)".
            if end - open <= 16 {
                end = open;
            }
        }
    }
    // A subject is a noun phrase: with a verb in it ("documentation limits the information reported") the
    // reporting word is a participle, not a frame.
    // A participle opening the subject describes the noun after it: "Displaced families complain".
    let attributive = |start: usize, i: usize| {
        i == start
            && tokens[i].lower().ends_with("ed")
            && tokens.get(i + 1).is_some_and(|next| {
                next.word && !PREPOSITIONS.contains(&next.lower()) && !DETERMINERS.contains(&next.lower())
            })
    };
    // A participle after the noun and before a preposition describes the noun: "Officials involved in the
    // drafting said", "Residents displaced by the fighting say".
    // "Lawyers representing displaced families say", "Groups monitoring the conflict report": a present
    // participle right after a plural noun describes it too.
    let postnominal = |start: usize, i: usize| {
        let after_noun = i > start && tokens[i - 1].word && !DETERMINERS.contains(&tokens[i - 1].lower());
        after_noun
            && (crate::text::words::is_past_participle(tokens[i].lower())
                && tokens
                    .get(i + 1)
                    .is_some_and(|next| next.word && PREPOSITIONS.contains(&next.lower()))
                || tokens[i].lower().ends_with("ing")
                    && tokens[i - 1].lower().ends_with('s')
                    && !crate::text::words::is_auxiliary(&tokens[i - 1], false))
    };
    // In a subject only a verb whose form leaves no doubt counts ("press office", "force operations" are
    // nouns); after a relative pronoun any verb does.
    let verb_at = |i: usize, any_form: bool| {
        if any_form {
            crate::text::words::is_verb_at(tokens, i)
        } else {
            crate::text::words::is_unmistakable_verb_at(tokens, i)
        }
    };
    let has_verb_of = |start: usize, end: usize, any_form: bool| {
        (start..end).any(|i| {
            verb_at(i, any_form)
                && !crate::text::words::is_auxiliary(&tokens[i], i == 0)
                && !attributive(start, i)
                && !postnominal(start, i)
        })
    };
    // A leading time phrase is not part of the subject: "In May 2010 the commission recommended".
    let mut start = segment_start(tokens, end);
    if start <= words.starts.main && words.starts.main < end {
        start = words.starts.main;
    }
    // "Our analysis of videos and satellite imagery indicates …": the subject is the author's own work, all of
    // it, which the first person decides; not the last noun of its coordination.
    let main = words.starts.main;
    if start > main
        && matches!(tokens[start - 1].lower(), "and" | "or")
        && tokens.get(main).is_some_and(|t| matches!(t.lower(), "our" | "my"))
        && !(main..start).any(|i| crate::text::words::is_unmistakable_verb_at(tokens, i))
    {
        return None;
    }
    // A relative clause inside the subject: "Mahrang Baloch, who leads the BYC, has said", "An officer who
    // asked not to be named told AFP". The subject is the noun phrase before the relative pronoun.
    // The relative pronoun is asked first: the verb search costs far more, and is made again below otherwise.
    if start > 0 && RELATIVES.contains(&tokens[start - 1].lower()) && has_verb_of(start, end, true) {
        end = start - 1;
        if end > 0 && tokens[end - 1].is(&[',']) {
            end -= 1;
        }
        start = segment_start(tokens, end);
    }
    // "Officials we interviewed said": a relative clause with "we" describes the noun before it, which is the
    // subject.
    if let Some(we) = (start + 1..end).find(|&i| tokens[i].lower() == "we" && verb_at(i + 1, true)) {
        end = we;
    }
    // "The Coast Guard has not set a date and noted that …": a verb joined to the main clause's by "and" has its
    // subject.
    // Only a plain frame: a strong verb or one with "that" ("imagery and signals intelligence" is no frame).
    let plain_frame = strong || tokens.get(verb + 1).is_some_and(|t| t.lower() == "that");
    if plain_frame && start == end && start > 0 && matches!(tokens[start - 1].lower(), "and" | "but") {
        return main_clause_subject(words, start - 1).filter(|s| s.kind == SourceKind::Named);
    }
    let segment = &tokens[start..end];
    if segment.is_empty() || has_verb_of(start, end, false) {
        return None;
    }
    // "…, a charge New Delhi denies": a relative clause on what the sentence said; its verb reports the denial
    // of that charge, not the sentence's claim.
    if matches!(segment.first().map(Token::lower), Some("a" | "an"))
        && segment.get(1).is_some_and(|t| {
            matches!(
                t.lower(),
                "charge" | "claim" | "allegation" | "accusation" | "assertion" | "view"
            )
        })
    {
        return None;
    }
    let mut kind = judge(words, segment, start <= words.starts.opening, strong);
    // An appositive after a name: "Ahmed Sharif Chaudhry, a military spokesman, said", "JNIM, al-Qaeda's
    // affiliate in the Sahel, said".
    if kind != Some(SourceKind::Named) && start > words.starts.opening && tokens[start - 1].is(&[',']) {
        // The name may end on its short form: "Jama'at Nusrat al-Islam wal-Muslimin (JNIM), al-Qaeda's …".
        let mut name_end = start - 1;
        if name_end > 0 && tokens[name_end - 1].is(&[')']) {
            if let Some(open) = tokens[..name_end - 1].iter().rposition(|t| t.is(&['('])) {
                if name_end - open <= 8 {
                    name_end = open;
                }
            }
        }
        let before_start = segment_start(tokens, name_end);
        let before = &tokens[before_start..name_end];
        let before: Vec<&Token> = before.iter().filter(|t| t.word).collect();
        // A name's words: capitalised, a particle ("of", "bin"), or capitalised after a particle ("al-Islam").
        let in_a_name = |t: &Token| {
            t.capitalised()
                || words.is_speaker(t)
                || matches!(t.lower(), "of" | "the" | "bin" | "ibn" | "de" | "du" | "van" | "von")
                || t.text
                    .split_once('-')
                    .is_some_and(|(_, rest)| rest.starts_with(char::is_uppercase))
        };
        let starts_a_name = |t: &&Token| t.capitalised() || words.is_speaker(t);
        if before.first().is_some_and(starts_a_name) && before.len() <= 6 && before.iter().all(|t| in_a_name(t)) {
            kind = Some(SourceKind::Named);
        }
    }
    let kind = kind?;
    Some(Source {
        kind,
        phrase: words.span(segment),
        frame: 0..0,
    })
}

/// The subject of the main clause, when it ends (at its verb) before `before`: what a verb joined to that
/// clause's verb by "and" reports from.
fn main_clause_subject(words: &SentenceWords, before: usize) -> Option<Source> {
    let tokens = words.tokens;
    let start = words.starts.main;
    let end = (start..before).find(|&i| {
        !tokens[i].word
            || crate::text::words::is_auxiliary(&tokens[i], i == start)
            || crate::text::words::is_verb_at(tokens, i)
    })?;
    let segment = &tokens[start..end];
    if segment.is_empty() || !segment.iter().all(|t| t.word) {
        return None;
    }
    Some(Source {
        kind: judge(words, segment, start <= words.starts.opening, true)?,
        phrase: words.span(segment),
        frame: 0..0,
    })
}

/// The source the phrase at `at` names, if it names one: the speaker after a quotation's verb, the agent of a
/// passive, the origin of evidence.
pub(super) fn source_after(words: &SentenceWords, at: usize) -> Option<Source> {
    let phrase = phrase_after(words.tokens, at);
    let kind = judge(words, phrase, false, true)?;
    Some(Source {
        kind,
        phrase: words.span(phrase),
        frame: 0..0,
    })
}

/// Where an aside that opens with a participle, a relative pronoun or a preposition and ends at `end` (a
/// comma) begins, at the comma before it: ", speaking on condition of anonymity,", ", citing military
/// sources,", ", who asked not to be named,", ", in a message to journalists,".
fn participial_aside(tokens: &[Token], end: usize) -> Option<usize> {
    // An aside may run long: ", who spoke on condition of anonymity because he was not authorised to discuss
    // the matter,".
    // Marks inside words ("52-year-old", "army's") open no aside.
    // The full stop of an initial ("led by lawyer Abdulhakim P. Ututalum") opens nothing.
    let initial = |i: usize| {
        tokens[i].is(&['.'])
            && i > 0
            && tokens[i - 1].word
            && tokens[i - 1].text.len() == 1
            && tokens[i - 1].capitalised()
    };
    let open = (end.saturating_sub(32)..end)
        .rev()
        .find(|&i| !tokens[i].word && !tokens[i].is(INSIDE_WORDS) && !initial(i))?;
    let first = tokens.get(open + 1).filter(|t| t.word)?.lower();
    // "Amade Saide, a 52-year-old fisherman who escaped by canoe, told AFP": an appositive after a name.
    // "La Ode Sulaiman, 41, one of the victims, told the court": after a name and its age.
    // "… Mission (EUMM), an unarmed civilian mission that …": a name that ends on its short form.
    let after_name = |i: usize| {
        tokens[i].word && tokens[i].capitalised()
            || is_age(&tokens[i]) && i >= 2 && tokens[i - 1].is(&[',']) && tokens[i - 2].capitalised()
            || tokens[i].is(&[')']) && i >= 1 && tokens[i - 1].capitalised()
    };
    let appositive = matches!(first, "a" | "an" | "the" | "one" | "another") && open > 0 && after_name(open - 1);
    // ", in a message to journalists,": a prepositional aside too.
    // ", known by its French initials MSF,", ", based in Nairobi,": a past participle too.
    let participle = first.ends_with("ed") || matches!(first, "known" | "led" | "founded" | "run" | "set" | "held");
    let aside = first.ends_with("ing")
        || participle
        || appositive
        || matches!(first, "who" | "which" | "in" | "on" | "at" | "via" | "through" | "for");
    if tokens[open].is(&[',']) && aside && open > 0 {
        return Some(open);
    }
    // ", who worked at SEESAC, the UN's clearinghouse in Belgrade, until 2024,": a relative clause with commas
    // of its own; only commas (and the marks inside words) may stand between it and the verb.
    let mut at = open;
    while at > end.saturating_sub(40) && at > 0 {
        let t = &tokens[at];
        if !t.word && !t.is(&[',']) && !t.is(INSIDE_WORDS) {
            return None;
        }
        if t.is(&[',']) && tokens.get(at + 1).is_some_and(|n| matches!(n.lower(), "who" | "which")) {
            return Some(at);
        }
        at -= 1;
    }
    None
}

/// A person's age set off after the name: "Ali Khan, 52, said".
fn is_age(token: &Token) -> bool {
    !token.text.is_empty() && token.text.len() <= 3 && token.text.bytes().all(|b| b.is_ascii_digit())
}

/// Marks that stand inside words ("52-year-old", "army's"), not between phrases.
const INSIDE_WORDS: &[char] = &['-', '\'', '’'];

/// Where the subject before `end` begins: after a punctuation mark or a clause break.
fn segment_start(tokens: &[Token], end: usize) -> usize {
    let mut start = end;
    while start > 0 && end - start < 12 {
        let t = &tokens[start - 1];
        if !t.word && !t.is(&['\'', '’', '-', '.']) {
            break;
        }
        if t.word && CLAUSE_BREAKS.contains(&t.lower()) {
            break;
        }
        start -= 1;
    }
    start
}

/// A quotation's speaker after the verb: '"…," said Khawaja Asif.'
pub(super) fn speaker_after(words: &SentenceWords, verb: usize) -> Option<Source> {
    let tokens = words.tokens;
    let mut before = verb;
    while before > 0 && tokens[before - 1].word && BETWEEN_WORDS.contains(tokens[before - 1].lower()) {
        before -= 1;
    }
    // After "told", "informed" comes whom they told, never who spoke ("…, for his part, told Crisis Group").
    let lower = tokens[verb].lower();
    if TELLING_VERBS.contains(&lower) || matches!(lower, "told" | "tells" | "tell") {
        return None;
    }
    // The speaker follows the verb only after a quotation or an aside: '"…," said X', "…, added X".
    if !before
        .checked_sub(1)
        .is_some_and(|i| tokens[i].is(&[',', '”', '"', '’', '\'', '—', '–']))
    {
        return None;
    }
    // "…, said the government would treat …": a noun phrase with a verb after it opens the reported clause.
    let phrase = phrase_after(tokens, verb + 1);
    let after = verb + 1 + phrase.len();
    if tokens.get(after).is_some_and(|t| {
        t.word && (crate::text::words::is_auxiliary(t, false) || crate::text::words::is_verb_at(tokens, after))
    }) {
        return None;
    }
    source_after(words, verb + 1)
}

/// "The attack was claimed by the BLA": the agent after "by" is the source of a passive report.
pub(super) fn agent_of_passive(words: &SentenceWords, verb: usize) -> Option<Source> {
    let tokens = words.tokens;
    let passive = before_adverbs(tokens, verb)
        .checked_sub(1)
        .is_some_and(|i| matches!(tokens[i].lower(), "is" | "are" | "was" | "were" | "been" | "being"));
    if !passive || tokens.get(verb + 1).map(Token::lower) != Some("by") {
        return None;
    }
    source_after(words, verb + 2)
}

/// "It has been suggested that …", "It was reported that …": a passive report with no one behind it, an
/// anonymous frame over what it reports.
pub(super) fn impersonal_passive(words: &SentenceWords, verb: usize) -> Option<Source> {
    let tokens = words.tokens;
    let start = words.starts.main;
    let expletive = tokens.get(start).is_some_and(|t| t.lower() == "it") && (start + 1..=start + 5).contains(&verb);
    let reports_a_clause = tokens
        .get(verb + 1)
        .is_some_and(|t| matches!(t.lower(), "that" | "in" | "by" | "to"));
    (expletive && reports_a_clause).then(|| Source {
        kind: SourceKind::Anonymous,
        phrase: tokens[start].range().start..tokens[verb].range().end,
        frame: 0..0,
    })
}

/// The noun phrase after a preposition or verb: up to a punctuation mark, a clause break or a verb.
pub(super) fn phrase_after<'a, 't>(tokens: &'a [Token<'t>], start: usize) -> &'a [Token<'t>] {
    let mut end = start;
    while end < tokens.len() && end - start < 10 {
        let t = &tokens[end];
        if !t.word && !t.is(&['\'', '’', '-']) {
            break;
        }
        let lower = t.lower();
        // "the budget published by the finance ministry": a participle with its agent describes the noun.
        let participle_by = lower.ends_with("ed") && tokens.get(end + 1).is_some_and(|n| n.lower() == "by");
        if end > start
            && (CLAUSE_BREAKS.contains(&lower)
                || is_auxiliary(t, false)
                || STRONG_VERBS.contains(lower) && !participle_by)
        {
            break;
        }
        // "by the presidency late on Friday", "… on Monday": a time after the phrase is not part of it.
        if end > start
            && matches!(
                lower,
                "late" | "early" | "earlier" | "later" | "yesterday" | "today" | "overnight"
            )
        {
            break;
        }
        end += 1;
    }
    &tokens[start.min(end)..end]
}
