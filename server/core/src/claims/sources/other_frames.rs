//! Frames without a reporting verb and its subject: "according to X", "per X", "the figures come from X", and
//! "In a statement, X …".

use super::judge::judge;
use super::reporting_verbs::{reports_a_clause_within, ORIGIN_VERBS};
use super::speaker::{phrase_after, source_after};
use super::{SentenceWords, Source, SourceKind, PREPOSITIONS};
use crate::text::words::Token;

/// "according to X and Y": named if any part names a source, else anonymous if any part is anonymous. `opens`:
/// whether the frame opens the sentence or a clause.
pub(super) fn according_to(words: &SentenceWords, start: usize, opens: bool) -> Option<Source> {
    let tokens = words.tokens;
    // "according to our incident database": the author's own, which the first person decides.
    if tokens.get(start).is_some_and(|t| matches!(t.lower(), "our" | "my")) {
        return None;
    }
    let mut parts = Vec::new();
    let mut at = start;
    loop {
        let phrase = phrase_after(tokens, at);
        if phrase.is_empty() {
            break;
        }
        let end = at + phrase.len();
        if let Some(kind) = judge(words, phrase, false, true) {
            parts.push(Source {
                kind,
                phrase: words.span(phrase),
                frame: 0..0,
            });
        }
        match tokens.get(end) {
            Some(t) if t.word && matches!(t.lower(), "and" | "or") => at = end + 1,
            _ => break,
        }
    }
    // "According to agency documentation, …": a frame that opens the sentence or a clause names a source, if
    // one the judge cannot place; the reader is told there is one, not who ("according to plan" ends a
    // sentence and is no frame).
    if parts.is_empty() && opens {
        let phrase = phrase_after(tokens, start);
        if !phrase.is_empty() {
            parts.push(Source {
                kind: SourceKind::Anonymous,
                phrase: words.span(phrase),
                frame: 0..0,
            });
        }
    }
    let best = parts
        .iter()
        .position(|p| p.kind == SourceKind::Named)
        .or_else(|| parts.iter().position(|p| p.kind == SourceKind::Anonymous));
    let kind = parts.get(best.unwrap_or(0))?.kind.clone();
    let first = parts.first()?.phrase.start;
    let last = parts.last()?.phrase.end;
    Some(Source {
        kind,
        phrase: first..last,
        frame: 0..0,
    })
}

/// "As stated in the ATA, …", "As noted by the Panel, …", "As reported in Dawn, …": a source named in a leading
/// "as" clause, read as "according to" is.
pub(super) fn as_stated_in(words: &SentenceWords) -> Option<Source> {
    let tokens = words.tokens;
    let at = words.starts.opening;
    let lower = |i: usize| tokens.get(i).filter(|t| t.word).map_or("", |t| t.lower());
    if lower(at) != "as" {
        return None;
    }
    let verb = match lower(at + 1) {
        "stated" | "noted" | "reported" | "described" | "outlined" | "documented" | "detailed" | "explained"
        | "highlighted" | "shown" | "found" | "concluded" => at + 1,
        "set" | "laid" | "pointed" if lower(at + 2) == "out" => at + 2,
        _ => return None,
    };
    if !matches!(lower(verb + 1), "in" | "by") {
        return None;
    }
    let frame = tokens[at].range().start..tokens[verb].range().end;
    according_to(words, verb + 2, true).map(|s| s.framed_by(frame))
}

/// Nouns for what is known, whose origin is their source: "the figures come from ACLED".
pub(super) const EVIDENCE_NOUNS: &[&str] = &[
    "figure",
    "figures",
    "data",
    "numbers",
    "information",
    "estimate",
    "estimates",
    "account",
    "accounts",
    "details",
    "claim",
    "claims",
    "statistics",
    "tally",
    "toll",
];

/// "The curfew figures come from a local journalist": what comes after "from" is the source, when the subject
/// is evidence ("The militants came from Afghanistan" names no source).
pub(super) fn origin_of_evidence(words: &SentenceWords, verb: usize) -> Option<Source> {
    let tokens = words.tokens;
    // "come from", and "are from" for evidence: "The figures are from the CTD".
    // "from" is asked first: it rules out nearly every frame word, for one comparison.
    if tokens.get(verb + 1).map(Token::lower) != Some("from") || !ORIGIN_VERBS.contains(&tokens[verb].lower()) {
        return None;
    }
    // The subject may hold a coordination ("Figures for security forces and militants"): reach back to the
    // last punctuation mark rather than the last clause break.
    let start = tokens[..verb]
        .iter()
        .rposition(|t| !t.word && !t.is(&['\'', '’', '-']))
        .map_or(0, |i| i + 1);
    let subject = &tokens[start..verb];
    // The head noun stands before any prepositional phrase: "Figures for security forces".
    let head_part = subject
        .iter()
        .take_while(|t| !(t.word && PREPOSITIONS.contains(&t.lower())));
    let head = head_part.filter(|t| t.word).last()?.lower();
    if !EVIDENCE_NOUNS.contains(&head) {
        return None;
    }
    source_after(words, verb + 2)
}

/// "In a statement (on Sunday), the ISPR …": the subject after the opening phrase.
pub(super) fn in_a_statement(words: &SentenceWords) -> Option<Source> {
    let tokens = words.tokens;
    let opens = tokens.first().map(Token::lower) == Some("in")
        && tokens.iter().skip(1).take(4).any(|t| {
            matches!(
                t.lower(),
                "statement"
                    | "interview"
                    | "post"
                    | "briefing"
                    | "communiqué"
                    | "communique"
                    | "release"
                    | "message"
                    | "video"
                    | "speech"
                    | "address"
                    | "letter"
            )
        });
    // "Speaking to Reuters, …", "Writing in Dawn, …": the outlet named in the opening phrase.
    let speaking = tokens
        .first()
        .is_some_and(|t| matches!(t.lower(), "speaking" | "talking" | "writing"))
        && tokens
            .get(1)
            .is_some_and(|t| matches!(t.lower(), "to" | "with" | "in" | "on"));
    if !opens && !speaking {
        return None;
    }
    let comma = tokens.iter().take(16).position(|t| t.is(&[',']))?;
    // "In a statement released by the Jubaland presidency, …": the body named in the opening phrase.
    let by = tokens[..comma].iter().position(|t| t.lower() == "by").map(|i| i + 1);
    for start in by.into_iter().chain(speaking.then_some(2)) {
        let phrase = phrase_after(&tokens[..comma], start);
        if judge(words, phrase, false, true) == Some(SourceKind::Named) {
            let span = words.span(phrase);
            return Some(Source {
                kind: SourceKind::Named,
                frame: span.end..span.end,
                phrase: span,
            });
        }
    }
    if !opens {
        return None;
    }
    let phrase = phrase_after(tokens, comma + 1);
    let phrase = &phrase[..phrase
        .iter()
        .position(|t| crate::text::words::is_verb(t, false))
        .unwrap_or(phrase.len())];
    let kind = judge(words, phrase, false, true)?;
    let span = words.span(phrase);
    Some(Source {
        kind,
        frame: span.end..span.end,
        phrase: span,
    })
}

/// "In her view, …", "In their assessment, …": the view of someone the sentence before named; "In the view
/// of X, …" names X.
pub(super) fn in_a_view(words: &SentenceWords) -> Option<Source> {
    let tokens = words.tokens;
    let at = words.starts.opening;
    let lower = |i: usize| tokens.get(i).filter(|t| t.word).map_or("", |t| t.lower());
    let view = |i: usize| {
        matches!(
            lower(i),
            "view" | "opinion" | "assessment" | "judgement" | "judgment" | "estimation"
        )
    };
    let possessive = |i: usize| lower(i).ends_with("'s") || lower(i).ends_with("’s");
    // Most sentences have no possessive to look for: an apostrophe (or the first byte of a curly one) first.
    let has_apostrophe = memchr::memchr2(b'\'', 0xE2, words.text.as_bytes()).is_some();
    // "Crisis Group's view is that …", "In Crisis Group's assessment, …": the view of the one named.
    let opens_with_in = lower(at) == "in";
    let from = at + usize::from(opens_with_in);
    let owner_end = has_apostrophe
        .then(|| (from..tokens.len().min(from + 6)).find(|&i| possessive(i)))
        .flatten();
    if let Some(owner_end) = owner_end {
        let stated = opens_with_in || (lower(owner_end + 2) == "is" && lower(owner_end + 3) == "that");
        if view(owner_end + 1) && stated && tokens[from].capitalised() {
            let owner = &tokens[from..=owner_end];
            if let Some(kind) = judge(words, owner, !opens_with_in, true).filter(|k| *k == SourceKind::Named) {
                return Some(Source {
                    kind,
                    phrase: words.span(owner),
                    frame: tokens[owner_end + 1].range(),
                });
            }
        }
    }
    if !opens_with_in {
        return None;
    }
    if matches!(lower(at + 1), "his" | "her" | "their") && view(at + 2) {
        return Some(Source {
            kind: SourceKind::Anaphoric,
            phrase: tokens[at + 1].range(),
            frame: tokens[at + 2].range(),
        });
    }
    if lower(at + 1) == "the" && view(at + 2) && lower(at + 3) == "of" {
        return according_to(words, at + 4, true).map(|s| s.framed_by(tokens[at + 2].range()));
    }
    None
}

/// "It is the sense of Congress that …", "It is the view of the commission that …", "It is the policy of the
/// United States to …": the body named is the source of what follows.
pub(super) fn sense_of(words: &SentenceWords) -> Option<Source> {
    let tokens = words.tokens;
    let at = words.starts.opening;
    let lower = |i: usize| tokens.get(i).filter(|t| t.word).map_or("", |t| t.lower());
    let opens = lower(at) == "it"
        && matches!(lower(at + 1), "is" | "was")
        && lower(at + 2) == "the"
        && matches!(
            lower(at + 3),
            "sense" | "view" | "position" | "policy" | "finding" | "judgment" | "judgement"
        )
        && lower(at + 4) == "of";
    if !opens {
        return None;
    }
    let phrase = phrase_after(tokens, at + 5);
    let kind = judge(words, phrase, false, true)?;
    Some(Source {
        kind,
        phrase: words.span(phrase),
        frame: tokens[at + 3].range(),
    })
}

/// "The Panel received credible information that …", "The Panel has obtained documents showing that …": the
/// evidence speaks, and who received it does not vouch for it; so the source is whoever it came from ("received
/// information from the Ministry of Defence that …"), and left unnamed when no one is ("from three
/// confidential sources", or no "from" at all). `verb` is the verb of receiving.
pub(super) fn received_evidence(words: &SentenceWords, verb: usize) -> Option<Source> {
    let tokens = words.tokens;
    let evidence = (verb + 1..tokens.len().min(verb + 5)).find(|&i| {
        matches!(
            tokens[i].lower(),
            "information" | "evidence" | "documents" | "reports" | "indications" | "testimony" | "accounts"
        )
    })?;
    let clause = tokens.get(evidence + 1).is_some_and(|t| {
        matches!(
            t.lower(),
            "that" | "showing" | "indicating" | "suggesting" | "confirming"
        )
    });
    let from = (verb + 1..evidence).find(|&i| tokens[i].lower() == "from");
    let clause = clause
        || tokens
            .get(evidence + 1)
            .is_some_and(|t| t.lower() == "from" && reports_a_clause_within(tokens, evidence, 12));
    if !clause || from.is_some() {
        return None;
    }
    let provider = (evidence + 1..tokens.len().min(evidence + 3)).find(|&i| tokens[i].lower() == "from");
    let frame = tokens[verb].range();
    if let Some(from) = provider {
        let phrase = phrase_after(tokens, from + 1);
        let kind = judge(words, phrase, false, true).unwrap_or(SourceKind::Anonymous);
        return Some(Source {
            kind,
            phrase: words.span(phrase),
            frame,
        });
    }
    Some(Source {
        kind: SourceKind::Anonymous,
        phrase: tokens[evidence].range(),
        frame,
    })
}

/// "… killed two soldiers on Friday (Reuters).", "… (local sources).": a credit in parentheses at the end of
/// the sentence, the monitors' and wires' short form of "X said". An abbreviation that spells the name before
/// it ("the Department of Homeland Security (DHS)") is a definition, not a credit.
pub(super) fn credited_in_parentheses(words: &SentenceWords) -> Option<Source> {
    let tokens = words.tokens;
    let mut end = tokens.len();
    while end > 0 && tokens[end - 1].is(&['.', '!']) {
        end -= 1;
    }
    if end == 0 || !tokens[end - 1].is(&[')']) {
        return None;
    }
    let open = tokens[..end - 1].iter().rposition(|t| t.is(&['(']))?;
    let inner = &tokens[open + 1..end - 1];
    if inner.is_empty() || inner.len() > 5 || open < 3 || !inner.iter().all(|t| t.word) {
        return None;
    }
    let first = &inner[0];
    if !first.capitalised() && first.text != "local" || spells_the_name_before(&tokens[..open], first.text) {
        return None;
    }
    let kind = judge(words, inner, false, true)?;
    // A name in parentheses must be one the classifier knows can speak, or a wire's or monitor's one-word
    // name: a place or a date in parentheses credits no one.
    if kind == SourceKind::Named && !(words.is_speaker(first) || inner.len() == 1 && !is_calendar_word(first.lower())) {
        return None;
    }
    let span = words.span(inner);
    Some(Source {
        kind,
        frame: span.clone(),
        phrase: span,
    })
}

/// Whether an abbreviation's first letter opens one of the capitalised words right before it.
fn spells_the_name_before(before: &[Token], abbreviation: &str) -> bool {
    let letters = abbreviation.chars().filter(|c| c.is_ascii_uppercase()).count();
    let Some(initial) = abbreviation.chars().next().filter(|_| letters >= 2) else {
        return false;
    };
    before
        .iter()
        .rev()
        .take_while(|t| t.word && (t.capitalised() || matches!(t.lower(), "of" | "and" | "for" | "the" | "on")))
        .any(|t| t.capitalised() && t.text.starts_with(initial))
}

fn is_calendar_word(lower: &str) -> bool {
    crate::claims::cues::MONTHS.contains(&lower)
        || matches!(
            lower,
            "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
        )
}

/// "ODNI Response: …", "GAO Finding: …": a label that names who speaks in what follows it.
pub(super) fn labelled_speaker(words: &SentenceWords) -> Option<Source> {
    let tokens = words.tokens;
    let [speaker, kind, colon, ..] = tokens else {
        return None;
    };
    let acronym = speaker.text.len() > 1 && speaker.text.bytes().all(|b| b.is_ascii_uppercase());
    let says = matches!(
        kind.lower(),
        "response" | "responses" | "comment" | "comments" | "finding" | "findings" | "reply" | "position" | "view"
    );
    (colon.is(&[':']) && speaker.word && says && (acronym || words.is_speaker(speaker))).then(|| Source {
        kind: SourceKind::Named,
        phrase: speaker.range(),
        frame: kind.range(),
    })
}
