//! Judging a source phrase: named (a known actor, a proper name, a named body), anonymous ("officials",
//! "Pakistani media"), anaphoric ("he", "the statement"), or no source at all.

use super::main_subject::DOCUMENT_NOUNS;
use super::source_words::{
    ANONYMOUS_NOUNS, CORRESPONDENCE, CUSTODY_PARTICIPLES, DEMONYMS, EVIDENCE_HEADS, GENERIC_SUBJECTS, INSTITUTIONS,
    NAMED_BY_MODIFIER, NEGATIONS, PORTFOLIOS, PRONOUNS, SHARE_WORDS, SOURCE_NOUNS,
};
use super::{SentenceWords, SourceKind, DETERMINERS, PREPOSITIONS};
use crate::text::words::Token;
use std::borrow::Cow;

/// Judge a source phrase: named, anonymous or anaphoric; `None` when it is not a source at all.
pub(super) fn judge(words: &SentenceWords, phrase: &[Token], sentence_start: bool, strong: bool) -> Option<SourceKind> {
    // Most phrases are words only: those are read in place, not copied.
    let phrase: Cow<[Token]> = if phrase.iter().all(|t| t.word) {
        Cow::Borrowed(phrase)
    } else {
        Cow::Owned(phrase.iter().filter(|t| t.word).copied().collect())
    };
    let first = phrase.first()?;
    if NEGATIONS.contains(&first.lower()) {
        return None;
    }
    // "… raises more than some of its member states collect": a comparison inside the sentence, not a speaker
    // ("More than a third of the residents said" opens the sentence).
    if !sentence_start
        && matches!(first.lower(), "more" | "less" | "fewer")
        && phrase.get(1).is_some_and(|t| t.lower() == "than")
    {
        return None;
    }
    // "Member States assessed …", "One Member State reported …": the UN's way of leaving a state unnamed.
    if phrase
        .windows(2)
        .any(|w| w[0].lower() == "member" && matches!(w[1].lower(), "state" | "states"))
    {
        return Some(SourceKind::Anonymous);
    }
    // "DHS cannot": a modal makes a clause, not a noun phrase ("Analysts have long" keeps its subject).
    if phrase.iter().any(|t| {
        t.text == t.lower()
            && matches!(
                t.lower(),
                "cannot" | "can" | "could" | "will" | "would" | "may" | "might" | "must" | "shall" | "should"
            )
    }) {
        return None;
    }
    // "About half of the officials", "Most of the analysts", "Two of the diplomats": the group after a share
    // is the source.
    if let Some(of) = phrase.iter().take(6).position(|t| t.lower() == "of") {
        let share = &phrase[..of];
        if !share.is_empty()
            && of + 1 < phrase.len()
            && share.iter().all(|t| is_number(t) || SHARE_WORDS.contains(&t.lower()))
        {
            // Some of a group is still no one in particular: "Two of the diplomats" names none of them.
            return judge(words, &phrase[of + 1..], false, strong).map(|kind| match kind {
                SourceKind::Anaphoric => SourceKind::Anonymous,
                kind => kind,
            });
        }
    }
    // "Unconfirmed reports circulating on WhatsApp groups": reports that say themselves nobody stands behind them.
    if matches!(
        first.lower(),
        "unconfirmed" | "unverified" | "unsubstantiated" | "uncorroborated"
    ) {
        return Some(SourceKind::Anonymous);
    }
    // "a former FPRC logistician", "a former minister": one person who no longer speaks for anyone, left
    // unnamed unless a name follows ("a former minister, Ali Khan").
    if matches!(first.lower(), "a" | "an")
        && phrase.get(1).is_some_and(|t| t.lower() == "former")
        && !phrase[2..]
            .windows(2)
            .any(|w| w[0].capitalised() && w[1].capitalised() && !words.is_speaker(&w[0]))
    {
        return Some(SourceKind::Anonymous);
    }
    // "Intelligence Community Directive 900": a document's title and number name it, whatever words it opens with.
    if phrase.windows(2).any(|w| {
        w[0].capitalised() && DOCUMENT_NOUNS.contains(w[0].lower()) && w[1].text.bytes().any(|b| b.is_ascii_digit())
    }) {
        return Some(SourceKind::Named);
    }
    // "Some", "Others", "Many experts", "Several analysts": quantifiers and generic groups name no one.
    if GENERIC_SUBJECTS.longest_at(phrase.iter().map(|t| t.lower())).is_some() && !words.is_speaker(first) {
        return Some(SourceKind::Anonymous);
    }
    // "Maritime security consultants": a generic group with modifiers.
    let plain_head = phrase
        .iter()
        .take_while(|t| !PREPOSITIONS.contains(&t.lower()))
        .last()
        .filter(|t| GENERIC_SUBJECTS.contains(t.lower()));
    if plain_head.is_some() && phrase.iter().all(|t| !words.is_speaker(t)) {
        return Some(SourceKind::Anonymous);
    }
    // Determiners, pronouns and numbers alone are never a named source ("The", "Four", "it").
    if phrase.len() == 1 && (DETERMINERS.contains(&first.lower()) || first.text.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    // "Under Secretary Wagner": a capitalised preposition that opens a title is part of it, not a cut.
    let title_opener =
        first.capitalised() && PREPOSITIONS.contains(&first.lower()) && phrase.get(1).is_some_and(|t| t.capitalised());
    let cut = phrase
        .iter()
        .enumerate()
        .position(|(i, t)| PREPOSITIONS.contains(&t.lower()) && !(i == 0 && title_opener))
        .unwrap_or(phrase.len());
    let (head_part, rest) = phrase.split_at(cut);
    // "A statement released by the presidency": the participle after the noun describes it.
    // "a judgment handed down by the court", "an inventory drawn up by the army": a particle after the
    // participle belongs to it.
    let head_part = match head_part {
        [.., participle, particle]
            if matches!(particle.lower(), "down" | "up" | "out" | "over" | "forward")
                && crate::text::words::is_past_participle(participle.lower()) =>
        {
            &head_part[..head_part.len() - 1]
        }
        _ => head_part,
    };
    let (head_part, custody, described) = match head_part {
        [.., noun, participle]
            if crate::text::words::is_past_participle(participle.lower())
                && noun.word
                && !DETERMINERS.contains(&noun.lower()) =>
        {
            (
                &head_part[..head_part.len() - 1],
                CUSTODY_PARTICIPLES.contains(&participle.lower()),
                true,
            )
        }
        _ => (head_part, false, false),
    };
    let head = head_part.last().map(|t| t.lower()).unwrap_or_default();
    // "A leaked memo seen by the Guardian", "documents obtained by AP": the outlet holds the document but does
    // not stand behind it, and a reader cannot check a document nobody names.
    if custody && (EVIDENCE_HEADS.contains(&head) || DOCUMENT_NOUNS.contains(head) || CORRESPONDENCE.contains(&head)) {
        return Some(SourceKind::Anonymous);
    }
    // Most words of a phrase are not capitalised: the look-ups that only a capitalised word needs come last.
    // A plural lower-case head after a capitalised first word ("Maritime security consultants", "Hospital officials"):
    // the capital is the sentence's, not a name's, unless the word is all capitals ("DHS officials").
    let lower_head = head_part.len() > 1
        && head_part.last().is_some_and(|t| {
            !t.capitalised() && t.text.ends_with('s') && t.text.bytes().all(|b| b.is_ascii_lowercase())
        });
    let title_case = |t: &Token| t.text.chars().skip(1).any(char::is_lowercase);
    let proper = |t: &Token, index: usize| -> bool {
        // A word capitalised only because it opens the sentence: a common opener, a gerund ("Failing"), or the
        // modifier of a common noun.
        let opener = || {
            index == 0
                && sentence_start
                && (is_common_opener(t)
                    || t.lower().ends_with("ing")
                    // "Geolocated footage", "Leaked documents": a participle describing evidence.
                    || (t.lower().ends_with("ed") && title_case(t) && head_part.len() > 1)
                    || (lower_head && title_case(t)))
        };
        let generic = || PRONOUNS.contains(&t.lower()) || ANONYMOUS_NOUNS.contains(t.lower());
        words.is_speaker(t) || (t.capitalised() && !opener() && !generic())
    };
    let named_head = || head_part.iter().enumerate().any(|(i, t)| proper(t, i));
    // "One Russian milblogger", "a Sudanese doctor": one person of a nationality, left unnamed.
    let one_of_a_nation = strong
        && matches!(first.lower(), "a" | "an" | "one" | "another")
        && head_part.len() > 2
        && head_part[1..head_part.len() - 1]
            .iter()
            .all(|t| DEMONYMS.contains(t.lower()))
        && head_part.last().is_some_and(|t| !t.capitalised());
    if one_of_a_nation {
        return Some(SourceKind::Anonymous);
    }
    // "one IC element stated", "three other agencies noted", "Two UN agencies said": some bodies of a kind,
    // none of them named, whatever names the kind.
    if some_bodies_of_a_kind(head_part) {
        return Some(SourceKind::Anonymous);
    }
    let named_modifier = || {
        head_part
            .iter()
            .enumerate()
            .any(|(i, t)| proper(t, i) && !DEMONYMS.contains(t.lower()))
    };
    // "the interior minister", "the chief minister": an office that one person holds names that person.
    let office = first.lower() == "the"
        && head_part.len() >= 3
        && matches!(
            head,
            "minister" | "secretary" | "governor" | "ambassador" | "commissioner"
        )
        && head_part[1..head_part.len() - 1]
            .iter()
            .all(|t| PORTFOLIOS.contains(&t.lower()));
    // "the president", "the prime minister", "the secretary-general": an office one person holds in the
    // country or body the text is about.
    let head_of_state = first.lower() == "the"
        && matches!(
            head_part[1..].iter().map(|t| t.lower()).collect::<Vec<_>>().as_slice(),
            ["president"]
                | ["prime", "minister"]
                | ["chancellor"]
                | ["king"]
                | ["queen"]
                | ["emir"]
                | ["pope"]
                | ["premier"]
                | ["secretary-general"]
                | ["secretary", "-", "general"]
        );
    if office || head_of_state {
        return Some(SourceKind::Named);
    }
    if NAMED_BY_MODIFIER.contains(&head) && named_modifier() {
        return Some(SourceKind::Named);
    }
    // "the army", "the interior ministry", "the army's press office": a definite institution is named.
    let possessive = head_part
        .iter()
        .any(|t| t.lower().ends_with("'s") || t.lower().ends_with("’s"))
        || words.text[words.span(head_part)].contains(['\'', '’']);
    let definite_institution = first.lower() == "the" && head_part.iter().any(|t| INSTITUTIONS.contains(t.lower()));
    // "Interior ministry figures", "Police data", "an army statement": the institution its modifier names.
    let institutions_own = head_part.len() >= 2
        && !matches!(first.lower(), "a" | "an" | "one" | "some")
        && head_part[..head_part.len() - 1]
            .iter()
            .any(|t| INSTITUTIONS.contains(t.lower()));
    if (SOURCE_NOUNS.contains(head) || INSTITUTIONS.contains(head))
        && (possessive || definite_institution || institutions_own)
    {
        return Some(SourceKind::Named);
    }
    // "The defence ministry's weekly operational summary": a document of a named or definite institution.
    let owned_by_institution = possessive
        && first.lower() == "the"
        && head_part.iter().any(|t| {
            let owner = t.lower().trim_end_matches("'s").trim_end_matches("’s");
            INSTITUTIONS.contains(owner) && owner.len() < t.lower().len()
        });
    if EVIDENCE_HEADS.contains(&head) && owned_by_institution {
        return Some(SourceKind::Named);
    }
    // "a spokesman for the militia", "figures from the interior ministry", "a study by the Small Arms Survey", "a
    // report by Amnesty International": the body after the noun is the source.
    let body_after = || {
        let body = rest
            .iter()
            .enumerate()
            .any(|(i, t)| proper(t, i + cut) && !DEMONYMS.contains(t.lower()))
            || (rest.iter().any(|t| t.lower() == "the") && rest.iter().any(|t| INSTITUTIONS.contains(t.lower())));
        body && matches!(
            rest.first().map(|t| t.lower()),
            Some("for" | "from" | "by" | "of" | "at")
        )
    };
    // "the budget published by the territory's finance ministry", "a list issued by the army": whatever the
    // document, the body that issued it stands behind it.
    // People stay who they are: "Legal experts consulted by Crisis Group", "Witnesses quoted by local media".
    if described
        && !custody
        && !ANONYMOUS_NOUNS.contains(head)
        && rest.first().is_some_and(|t| t.lower() == "by")
        && judge(words, &rest[1..], false, strong) == Some(SourceKind::Named)
    {
        return Some(SourceKind::Named);
    }
    // "Pakistani officials", "Afghan media": a name as a modifier does not name the source.
    if head_part
        .iter()
        .any(|t| ANONYMOUS_NOUNS.contains(t.lower()) && !SOURCE_NOUNS.contains(t.lower()))
        || ANONYMOUS_NOUNS.contains(head)
    {
        // "the analyst Michael Kugelman": a name right after the anonymous noun names the source.
        let named_after = head_part.windows(2).any(|w| {
            ANONYMOUS_NOUNS.contains(w[0].lower()) && w[1].capitalised() && !words.is_speaker(&w[1]) && strong
        });
        // "Coast Guard officials", "DHS officials": the people of a named body (a nationality names none); but
        // "one former UN official", "a Foreign Office official" is one person left unnamed.
        let people = head_part
            .iter()
            .position(|t| ANONYMOUS_NOUNS.contains(t.lower()))
            .unwrap_or(0);
        let one_of_them = head_part.first().is_some_and(|t| {
            matches!(t.lower(), "a" | "an" | "another") || DETERMINERS.contains(&t.lower()) || is_number(t)
        });
        let named_before = !one_of_them
            && head_part[..people]
                .iter()
                .enumerate()
                .any(|(i, t)| proper(t, i) && !DEMONYMS.contains(t.lower()));
        // "a report by Amnesty International": a document named by who made it (people of a place or of an
        // unnamed body stay anonymous: "Residents of Lower Kurram", "officials from one agency").
        let made_by = EVIDENCE_HEADS.contains(&head) && body_after();
        // "The members of the Security Council condemned …": all the members of a named body speak as the body
        // ("Members of Congress" are some of them, unnamed).
        let whole_body = first.lower() == "the" && head == "members" && head_part.len() == 2 && body_after();
        // "Our research shows": the author's own, which the first person decides.
        if EVIDENCE_HEADS.contains(&head) && matches!(first.lower(), "our" | "my") {
            return None;
        }
        // "The report linked …": a definite report or study refers back to one named before.
        let definite_document =
            EVIDENCE_HEADS.contains(&head) && head_part.len() == 2 && matches!(first.lower(), "the" | "this" | "that");
        // "The officials stated …", "These officials added …": the people the sentence before named.
        let definite_people = head_part.len() == 2
            && matches!(first.lower(), "the" | "these" | "those")
            && ANONYMOUS_NOUNS.contains(head)
            && head.ends_with('s');
        return Some(if named_after || named_before || made_by || whole_body {
            SourceKind::Named
        } else if definite_document || definite_people {
            SourceKind::Anaphoric
        } else {
            SourceKind::Anonymous
        });
    }
    if named_head() {
        return Some(SourceKind::Named);
    }
    let first_lower = first.lower();
    if head_part.len() == 1 && PRONOUNS.contains(&first_lower) {
        return Some(SourceKind::Anaphoric);
    }
    // "The Intelligence Reform Act assigns …", "Section 102A provides …": a named law or document.
    if DOCUMENT_NOUNS.contains(head)
        && head_part
            .iter()
            .enumerate()
            .any(|(i, t)| t.capitalised() && (i > 0 || !sentence_start))
    {
        return Some(SourceKind::Named);
    }
    // "The act also states …", "This directive notes …": a law or document the text has named before.
    if DOCUMENT_NOUNS.contains(head) && head_part.len() == 2 && matches!(first_lower, "the" | "this" | "that") {
        return Some(SourceKind::Anaphoric);
    }
    if (SOURCE_NOUNS.contains(head) || ANONYMOUS_NOUNS.contains(head)) && body_after() {
        return Some(SourceKind::Named);
    }
    if SOURCE_NOUNS.contains(head) {
        // "a spokesman for the ISPR": the body named after the noun is the source.
        if rest.iter().enumerate().any(|(i, t)| proper(t, i + cut)) {
            return Some(SourceKind::Named);
        }
        let definite = matches!(
            first_lower,
            "the" | "this" | "that" | "these" | "its" | "his" | "her" | "their"
        );
        return Some(if definite {
            SourceKind::Anaphoric
        } else {
            SourceKind::Anonymous
        });
    }
    // "one aid worker said", "a doctor at the hospital told Reuters": someone the sentence leaves unnamed.
    let person = |noun: &str| {
        [
            "er", "or", "ist", "ian", "ant", "ent", "ers", "ors", "ists", "ians", "ants", "ents",
        ]
        .iter()
        .any(|suffix| noun.ends_with(suffix))
            || matches!(
                noun,
                "man" | "woman" | "men" | "women" | "person" | "nurse" | "guard" | "youth" | "mother"
            )
    };
    if strong
        && (matches!(first_lower, "a" | "an" | "one" | "another") || is_number(first))
        && head_part.len() > 1
        && person(head)
    {
        return Some(SourceKind::Anonymous);
    }
    // "Local fishermen said", "Russian milbloggers claimed": people of a kind, none of them named.
    let people_of_a_kind = (head.ends_with('s') && person(head)) || head.ends_with("men");
    // "Its authors said …", "Their lawyers said …": the people of someone named before.
    let possessed = matches!(first_lower, "its" | "their" | "his" | "her" | "whose");
    if possessed && people_of_a_kind && head_part.len() == 2 {
        return Some(SourceKind::Anaphoric);
    }
    if strong
        && people_of_a_kind
        && !DETERMINERS.contains(&first_lower)
        && head_part
            .iter()
            .enumerate()
            .all(|(i, t)| !proper(t, i) || DEMONYMS.contains(t.lower()) || (i == 0 && sentence_start && title_case(t)))
    {
        return Some(SourceKind::Anonymous);
    }
    None
}

/// A count or a quantifier before a body noun: "one IC element", "three other agencies", "several ministries".
fn some_bodies_of_a_kind(head_part: &[Token]) -> bool {
    let Some((head, before)) = head_part.split_last() else {
        return false;
    };
    let counted = before.first().is_some_and(|t| {
        is_number(t)
            || matches!(
                t.lower(),
                "one" | "several" | "some" | "many" | "various" | "other" | "few"
            )
    });
    if !counted {
        return false;
    }
    let lower = head.lower();
    let singular = lower
        .strip_suffix("ies")
        .map(|stem| format!("{stem}y"))
        .or_else(|| lower.strip_suffix('s').map(str::to_string))
        .unwrap_or_else(|| lower.to_string());
    let body = INSTITUTIONS.contains(lower)
        || INSTITUTIONS.contains(&singular)
        || matches!(
            singular.as_str(),
            "element" | "component" | "country" | "state" | "unit" | "organisation" | "organization"
        );
    !head.capitalised() && body
}

/// A number in figures or words: "40", "Four", "twelve".
fn is_number(token: &Token) -> bool {
    token.text.bytes().all(|b| b.is_ascii_digit()) || crate::claims::cues::FIGURE_WORDS.contains(&token.lower())
}

/// Capitalised only because it opens the sentence.
fn is_common_opener(token: &Token) -> bool {
    let lower = token.lower();
    DETERMINERS.contains(&lower)
        || PRONOUNS.contains(&lower)
        || ANONYMOUS_NOUNS.contains(lower)
        || SOURCE_NOUNS.contains(lower)
        || NEGATIONS.contains(&lower)
        || matches!(
            lower,
            "each" | "every" | "any" | "all" | "most" | "few" | "both" | "such"
        )
        || matches!(
            lower,
            "we" | "i"
                | "you"
                | "there"
                | "security"
                | "official"
                | "western"
                | "recent"
                | "regional"
                | "intelligence"
                | "local"
                | "unnamed"
                | "anonymous"
                | "government"
                | "military"
                | "provincial"
                | "federal"
                | "foreign"
                | "afghan"
                | "pakistani"
        )
}
