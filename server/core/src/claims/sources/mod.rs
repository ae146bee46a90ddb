//! Reporting frames and who they name: "the ISPR said", "according to Dawn", "sources indicate", "He added".
//!
//! A frame is a reporting verb with its subject (or, after a quotation, the speaker that follows it), or an
//! "according to" phrase. The source phrase is then judged: named (a known actor, a proper name, a named body),
//! anonymous ("officials", "sources"), or a reference back to an earlier source ("he", "the statement").

mod judge;
mod main_subject;
mod other_frames;
mod reporting_verbs;
mod source_words;
mod speaker;

pub use main_subject::{
    is_provision_verb, named_document, named_subject, names_a_document, provides_again, refers_back, share_alone,
};

use crate::text::words::Token;
pub(crate) use main_subject::DOCUMENT_NOUNS;
use main_subject::{by_a_document, document_provision, under_a_document};
use other_frames::{
    according_to, as_stated_in, credited_in_parentheses, in_a_statement, in_a_view, labelled_speaker,
    origin_of_evidence, received_evidence, sense_of,
};
use reporting_verbs::{
    before_adverbs, frame_words, is_passive_or_infinitive, CLAUSE_ONLY_VERBS, PROVIDING_VERBS, RECEIVING_VERBS,
    STANCE_VERBS, STRONG_VERBS, TELLING_VERBS, WEAK_VERBS,
};
use speaker::{agent_of_passive, impersonal_passive, speaker_after, subject_of};
use std::ops::Range;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceKind {
    Named,
    Anonymous,
    /// "he", "the statement": named only if an earlier sentence named the source.
    Anaphoric,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub kind: SourceKind,
    /// The source phrase as written in the sentence.
    pub phrase: Range<usize>,
    /// The reporting word that frames it ("said", "according"), as a range of the sentence.
    pub frame: Range<usize>,
}

/// What the classifier knows of a sentence's words.
pub struct SentenceWords<'t> {
    pub text: &'t str,
    pub tokens: &'t [Token<'t>],
    /// Ranges of known actors that can speak (not places or events).
    pub speakers: &'t [Range<usize>],
    /// Where its own words and its main clause begin.
    pub starts: super::clause::Starts,
}

impl<'t> SentenceWords<'t> {
    pub fn new(text: &'t str, tokens: &'t [Token<'t>], speakers: &'t [Range<usize>]) -> SentenceWords<'t> {
        SentenceWords {
            text,
            tokens,
            speakers,
            starts: super::clause::Starts::of(tokens),
        }
    }

    fn is_speaker(&self, token: &Token) -> bool {
        self.speakers
            .iter()
            .any(|r| r.start <= token.range().start && token.range().end <= r.end)
    }

    pub(crate) fn span(&self, tokens: &[Token]) -> Range<usize> {
        match (tokens.first(), tokens.last()) {
            (Some(first), Some(last)) => first.range().start..last.range().end,
            _ => 0..0,
        }
    }
}

/// Determiners and the like before a noun, shared by the judge and the searches for a source phrase.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "one", "two", "three", "several",
    "some", "many", "other", "another", "senior", "local", "top",
];

/// Prepositions, which end the head of a noun phrase; shared by the judge and the searches for a source phrase.
const PREPOSITIONS: &[&str] = &[
    "in", "of", "at", "from", "for", "with", "on", "near", "inside", "across", "close", "familiar", "within", "by",
    "to", "around", "among", "under", "based",
];

/// "Two officials, who spoke on condition of anonymity because they feared for their safety, said …": a verb
/// inside a relative clause set off by commas reports nothing of the sentence's claim.
fn in_relative_aside(tokens: &[Token], at: usize) -> bool {
    let opened = (0..at)
        .rev()
        .take_while(|&i| tokens[i].word || tokens[i].is(&['\'', '’', '-']))
        .last()
        .is_some_and(|first| {
            first >= 1 && tokens[first - 1].is(&[',']) && matches!(tokens[first].lower(), "who" | "which" | "whom")
        });
    opened && tokens[at + 1..].iter().any(|t| t.is(&[',']))
}

/// Whether a word names a nationality or a region's people ("Pakistani", "Western"), which names no source.
pub fn is_demonym(word: &str) -> bool {
    source_words::DEMONYMS.contains(&word.to_lowercase())
}

/// Every source phrase framed in the sentence, leaving out frames reported inside another frame.
pub fn find(words: &SentenceWords) -> Vec<Source> {
    let tokens = words.tokens;
    let mut found: Vec<Source> = Vec::new();
    let frame_words = frame_words();
    // One look-up rules out most words, which start no frame of any kind; the frames are read out of this loop,
    // which then keeps its state in registers.
    // A capital letter inside the sentence makes a name, not a verb: "Islamic State".
    // The sentence's own first word may be capitalised: "(3) According to the ministry, …".
    let opening = words.starts.opening;
    let may_start_a_frame = |(i, token): &(usize, &Token)| {
        token.word && !(*i > opening && token.capitalised()) && frame_words.contains(token.lower())
    };
    for (i, _) in tokens.iter().enumerate().filter(may_start_a_frame) {
        if !in_relative_aside(tokens, i) {
            found.extend(framed_at(words, i));
        }
    }
    if let Some(source) = document_provision(words)
        .or_else(|| under_a_document(words))
        .or_else(|| by_a_document(words))
    {
        found.push(source);
    }
    if let Some(source) = in_a_view(words)
        .or_else(|| as_stated_in(words))
        .or_else(|| sense_of(words))
        .or_else(|| credited_in_parentheses(words))
        .or_else(|| labelled_speaker(words))
    {
        found.push(source);
    }
    if let Some(source) = in_a_statement(words) {
        if !found.iter().any(|s| s.phrase == source.phrase) {
            found.push(source);
        }
    }
    let embedded: Vec<bool> = found
        .iter()
        .map(|inner| found.iter().any(|outer| reports(words.text, outer, inner)))
        .collect();
    found
        .into_iter()
        .zip(embedded)
        .filter(|(_, embedded)| !embedded)
        .map(|(source, _)| source)
        .collect()
}

/// The source that the frame word at `verb` frames, if any.
#[inline(never)]
fn framed_at(words: &SentenceWords, verb: usize) -> Option<Source> {
    let tokens = words.tokens;
    let lower = tokens[verb].lower();
    let frame = tokens[verb].range();
    if lower == "according" && tokens.get(verb + 1).is_some_and(|t| t.lower() == "to") {
        let opens = verb == words.starts.opening || verb > 0 && tokens[verb - 1].is(&[',', ';', '(']);
        return according_to(words, verb + 2, opens).map(|s| s.framed_by(frame));
    }
    // "Per the Foreign Office, …": "per" at the start of the sentence or of a clause.
    if lower == "per" {
        let opens = verb == words.starts.opening || tokens[verb - 1].is(&[',', ';', '(']);
        return opens
            .then(|| according_to(words, verb + 1, true))
            .flatten()
            .map(|s| s.framed_by(frame));
    }
    if let Some(source) = origin_of_evidence(words, verb) {
        return Some(source.framed_by(frame));
    }
    if RECEIVING_VERBS.contains(&lower) {
        if let Some(source) = received_evidence(words, verb) {
            return Some(source);
        }
    }
    // "The figures were provided by the district health office": only a passive with its agent reports.
    if PROVIDING_VERBS.contains(&lower) {
        return is_passive_or_infinitive(tokens, verb)
            .then(|| agent_of_passive(words, verb))
            .flatten()
            .map(|s| s.framed_by(frame));
    }
    if TELLING_VERBS.contains(&lower) && !reporting_verbs::reports_a_clause_within(tokens, verb, 14) {
        return None;
    }
    // "…, which it says it needs", "in what it called an attempt": a report inside a relative clause sources
    // that clause's words, not the sentence's main claim.
    if verb >= 2
        && matches!(tokens[verb - 2].lower(), "which" | "what")
        && matches!(tokens[verb - 1].lower(), "it" | "they" | "he" | "she")
    {
        return None;
    }
    let strong = STRONG_VERBS.contains(lower);
    let weak = WEAK_VERBS.contains(lower) || STANCE_VERBS.contains(lower);
    if !(strong || weak) {
        return None;
    }
    // "with the estimate", "its claims": after a determiner or a possessive the word is a noun.
    if verb > 0 && {
        let before = &tokens[verb - 1];
        before.word
            && (matches!(
                before.lower(),
                "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this" | "these"
            ) || before.lower().ends_with("'s")
                || before.lower().ends_with("’s"))
    } {
        return None;
    }
    // "Drone strike reported near Ménaka": a participle before a place reports an event with no one behind it,
    // as "was reported" does.
    if lower.ends_with("ed")
        && tokens.get(verb + 1).is_some_and(|next| {
            matches!(
                next.lower(),
                "near" | "across" | "around" | "along" | "outside" | "inside" | "throughout"
            )
        })
    {
        return Some(Source {
            kind: SourceKind::Anonymous,
            phrase: frame.clone(),
            frame,
        });
    }
    // "OICI maintains a liaison", "Congress considered proposals": with a named subject these verbs report only
    // a clause ("Observers consider talks unlikely" is a judgement, whoever the observers are).
    let object_only = CLAUSE_ONLY_VERBS.contains(&lower)
        && !tokens
            .get(verb + 1)
            .is_some_and(|next| next.lower() == "that" || next.is(&[':', '“', '"', ',']))
        && verb + 1 < tokens.len();
    // "The neighbours agreed a ceasefire", "agreed to a truce": an agreement made is an event, not a view held
    // ("ODNI agreed with our recommendation", "agreed that …" stay stances).
    if matches!(lower, "agreed" | "agree" | "agrees")
        && tokens
            .get(verb + 1)
            .is_some_and(|next| matches!(next.lower(), "a" | "an" | "to" | "on" | "upon"))
    {
        return None;
    }
    // "Failing states pose …", "claims of responsibility": a noun before a verb or "of", not a frame; "has
    // warned of famine" is a past form, a verb.
    let noun_before_of = || !crate::text::words::is_unmistakable_verb_at(tokens, verb);
    // "said hired gunmen had …", "said armed men attacked …": a participle before its noun opens the report.
    // "recorded repeated attacks against …": a plural noun that could be a verb, with no object of its own.
    let plural_noun = |i: usize| {
        tokens[i].lower().ends_with('s')
            && tokens.get(i + 1).is_none_or(|n| {
                !n.word
                    || PREPOSITIONS.contains(&n.lower())
                    || matches!(
                        n.lower(),
                        "and" | "against" | "into" | "over" | "during" | "after" | "between"
                    )
            })
    };
    let attributive = |i: usize| {
        tokens[i].lower().ends_with("ed")
            && tokens.get(i + 1).is_some_and(|noun| {
                noun.word
                    && !noun.capitalised()
                    && (!crate::text::words::is_verb_at(tokens, i + 1) || plural_noun(i + 1))
                    && !PREPOSITIONS.contains(&noun.lower())
                    && !DETERMINERS.contains(&noun.lower())
            })
    };
    if tokens.get(verb + 1).is_some_and(|next| {
        next.word
            && ((next.lower() == "of" && noun_before_of())
                || (crate::text::words::is_unmistakable_verb_at(tokens, verb + 1) && !attributive(verb + 1)))
    }) {
        return None;
    }
    // "The deal, first reported by the Financial Times, would …": a reporting participle set off by commas with
    // its agent is a credit for what the sentence says.
    if lower.ends_with("ed") && tokens.get(verb + 1).is_some_and(|next| next.lower() == "by") {
        let mut before = verb;
        while before > 0 && tokens[before - 1].word && {
            let word = tokens[before - 1].lower();
            word == "first" || word.ends_with("ly")
        } {
            before -= 1;
        }
        let opens_aside = before > 0 && tokens[before - 1].is(&[',']);
        if opens_aside {
            if let Some(source) = speaker::source_after(words, verb + 2) {
                return Some(source.framed_by(frame));
            }
        }
    }
    // "the most common crime reported by small businesses": a participle between its noun and its agent is a
    // relative clause inside what the sentence says, no frame over it.
    let reduced_relative = lower.ends_with("ed")
        && tokens.get(verb + 1).is_some_and(|next| next.lower() == "by")
        && verb > 0
        && tokens[verb - 1].word
        && !crate::text::words::is_auxiliary(&tokens[verb - 1], false)
        && !crate::text::words::is_verb_at(tokens, verb - 1)
        && !matches!(
            tokens[verb - 1].lower(),
            "it" | "he" | "she" | "they" | "we" | "who" | "which" | "that"
        );
    if reduced_relative {
        // "In 29 of the 37 cases documented by Human Rights Watch, officers …": in the leading phrase that frames
        // the main clause, the agent is where its cases come from.
        if verb < words.starts.main {
            return speaker::source_after(words, verb + 2)
                .filter(|s| s.kind == SourceKind::Named)
                .map(|s| s.framed_by(frame));
        }
        return None;
    }
    // "… than some member states collect": a plural noun before a verb in its base form.
    if lower.ends_with('s')
        && tokens
            .get(verb + 1)
            .is_some_and(|next| next.word && !next.capitalised() && crate::text::words::is_base_form(next.lower()))
        && !matches!(tokens[verb + 1].lower(), "that" | "the" | "a" | "an")
    {
        return None;
    }
    // "The government found itself isolated": a verb in another sense.
    if tokens
        .get(verb + 1)
        .is_some_and(|next| matches!(next.lower(), "itself" | "themselves" | "himself" | "herself"))
    {
        return None;
    }
    // "The army has never confirmed the strike", "The group did not comment": a report that was not made
    // sources nothing.
    // "Neither the MoD nor the milbloggers have claimed …": no one made the report.
    let neither = tokens.get(words.starts.main).is_some_and(|t| t.lower() == "neither");
    let negated = neither
        || before_adverbs(tokens, verb).checked_sub(1).is_some_and(|i| {
            matches!(tokens[i].lower(), "not" | "never" | "n't") || tokens[i].lower().ends_with("n't")
        })
        || tokens[before_adverbs(tokens, verb)..verb]
            .iter()
            .any(|t| matches!(t.lower(), "not" | "never"));
    // "Legal experts do not expect a ruling before 2027": a view held in the negative is still a view.
    let held_view = STANCE_VERBS.contains(lower)
        && verb >= 2
        && matches!(tokens[verb - 1].lower(), "not")
        && matches!(tokens[verb - 2].lower(), "do" | "does");
    if negated && !held_view {
        return None;
    }
    let source = if let Some(continued) = continued_report(tokens, verb) {
        subject_of(words, continued, strong)
    } else if is_passive_or_infinitive(tokens, verb) {
        agent_of_passive(words, verb).or_else(|| impersonal_passive(words, verb))
    } else {
        subject_of(words, verb, strong).or_else(|| speaker_after(words, verb))
    };
    source
        .or_else(|| the_noun_before(words, verb))
        .filter(|s| !(object_only && s.kind == SourceKind::Named))
        .map(|s| s.framed_by(frame))
}

/// "The bank said …", "The agency announced …": before a verb of saying, "the" and one common noun as the
/// main clause's subject refer back to someone named before (the sentence before decides who), or else leave
/// the speaker unnamed. Only verbs that mean nothing but saying: "The floods claimed 30 lives".
fn the_noun_before(words: &SentenceWords, verb: usize) -> Option<Source> {
    let tokens = words.tokens;
    let start = words.starts.main;
    let saying = matches!(
        tokens[verb].lower(),
        "said" | "says" | "told" | "tells" | "announced" | "announces" | "stated" | "added" | "adds"
    );
    let subject = tokens.get(start..before_adverbs(tokens, verb))?;
    match subject {
        [the, noun] if saying && the.lower() == "the" && noun.word && !noun.capitalised() => Some(Source {
            kind: SourceKind::Anaphoric,
            phrase: words.span(subject),
            frame: tokens[verb].range(),
        }),
        // "One of them said …", "Two of the drivers told …": someone is speaking, and the words before the verb
        // name no one.
        [first, rest @ ..]
            if saying
                && first.word
                && rest.len() <= 5
                && rest.iter().all(|t| t.word && !t.capitalised())
                && !crate::text::words::has_verb(subject) =>
        {
            Some(Source {
                kind: SourceKind::Anonymous,
                phrase: words.span(subject),
                frame: tokens[verb].range(),
            })
        }
        _ => None,
    }
}

/// The verb whose subject makes a report that goes on: "GAO continues to believe that …", "The minister went on
/// to say …". Its subject is the reporting verb's.
fn continued_report(tokens: &[Token], verb: usize) -> Option<usize> {
    let to = before_adverbs(tokens, verb).checked_sub(1)?;
    if tokens[to].lower() != "to" {
        return None;
    }
    let before = before_adverbs(tokens, to).checked_sub(1)?;
    match tokens[before].lower() {
        "continue" | "continues" | "continued" => Some(before),
        "on" => {
            let went = before.checked_sub(1)?;
            matches!(tokens[went].lower(), "went" | "goes" | "go").then_some(went)
        }
        _ => None,
    }
}

impl Source {
    fn framed_by(self, frame: Range<usize>) -> Source {
        Source { frame, ..self }
    }
}

/// Whether `inner` stands in what `outer` reports: "She added that Pakistan expected …" reports Pakistan's
/// expectation; the source of the sentence is "she". A frame set off by punctuation (", the ISPR said") or
/// after a quotation is a frame of its own.
fn reports(text: &str, outer: &Source, inner: &Source) -> bool {
    let outer_first = outer.phrase.start < outer.frame.start;
    outer_first
        && outer.frame.end <= inner.phrase.start.min(inner.frame.start)
        && !text[outer.frame.end..inner.phrase.start.min(inner.frame.start)]
            .contains([',', ';', ':', '”', '"', '—', '–', '(', ')'])
}

#[cfg(test)]
mod tests;
