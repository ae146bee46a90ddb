//! The subject of a sentence's main clause: a law or document that provides what the sentence says ("The Act
//! requires …"), a named subject a later sentence may refer back to, or a subject that refers back itself.

use super::judge::judge;
use super::other_frames::EVIDENCE_NOUNS;
use super::{SentenceWords, Source, SourceKind};
use crate::text::lexicon::WordList;
use crate::text::words::{is_auxiliary, Token};

/// Nouns for a law or document, which sources what it says it does.
pub(crate) static DOCUMENT_NOUNS: WordList = WordList::embedded(include_str!("../data/document_nouns.txt"));
/// What a law or policy does ("requires", "establishes"), said of it as a subject.
static PROVISION_VERBS: WordList = WordList::embedded(include_str!("../data/provision_verbs.txt"));

/// Whether `word` says what a law or document does ("requires", "empowers", "provided").
pub fn is_provision_verb(word: &str) -> bool {
    PROVISION_VERBS.contains(word)
}

/// What a law, order or policy does, with the document as the main clause's subject: "The Intelligence Reform
/// Act assigns …", "PDD-61 mandated …", "OFPP Policy Letter 11-01 requires …". The document sources what the
/// sentence says it does.
pub(super) fn document_provision(words: &SentenceWords) -> Option<Source> {
    let tokens = words.tokens;
    let start = words.starts.main;
    // "The plan created under the CNCI will help …": a participle that describes the noun before it.
    let describes_noun = |i: usize| {
        tokens[i].lower().ends_with("ed")
            && tokens
                .get(i + 1)
                .is_some_and(|t| matches!(t.lower(), "under" | "by" | "pursuant" | "in"))
    };
    let verb = (start..tokens.len().min(start + 16))
        .find(|&i| tokens[i].word && !tokens[i].capitalised() && PROVISION_VERBS.contains(tokens[i].lower()))?;
    // "ICD 612 does not require …", "The plan, however, does not elaborate …": the auxiliaries, the negation and
    // an aside before the verb are not the subject's.
    let mut end = verb;
    while end > start
        && (matches!(
            tokens[end - 1].lower(),
            "does"
                | "do"
                | "did"
                | "not"
                | "also"
                | "further"
                | "however"
                | "therefore"
                | "thus"
                | "will"
                | "would"
                | "may"
                | "can"
                | "could"
                | "shall"
                | "must"
                | "has"
                | "have"
                | "had"
        ) || tokens[end - 1].is(&[',']))
    {
        end -= 1;
    }
    let subject = &tokens[start..end];
    // A numbered document ("PDD-61", "Policy Letter 11-01", "EO 12333") or a document noun with a name.
    let named = |t: &Token| t.capitalised() || t.text.bytes().any(|b| b.is_ascii_digit());
    let numbered = names_by_number(subject, is_acronym);
    let document = subject.iter().any(|t| t.word && DOCUMENT_NOUNS.contains(t.lower()))
        && (subject.iter().skip(1).any(named) || subject.first().is_some_and(|t| matches!(t.lower(), "the" | "this")));
    // A common noun with such a participle is a thing, not a document's title: "the plan created under …".
    if describes_noun(verb) && !subject.iter().skip(1).any(named) {
        return None;
    }
    let plain = subject.iter().all(|t| t.word || t.is(&['(', ')', '-', '\'', '’', ',']));
    (!subject.is_empty() && plain && (numbered || document) && !has_verb_besides_documents(subject)).then(|| Source {
        kind: SourceKind::Named,
        phrase: words.span(subject),
        frame: tokens[verb].range(),
    })
}

/// Whether the words name a document by its number: a capitalised word with digits in it ("PDD-61"), or a title
/// (as `title` takes it) followed by a number ("ICD 612", "Resolution 2231").
fn names_by_number(phrase: &[Token], title: fn(&Token) -> bool) -> bool {
    let digits = |t: &Token| !t.text.is_empty() && t.text.bytes().all(|b| b.is_ascii_digit());
    phrase
        .iter()
        .any(|t| t.word && t.capitalised() && t.text.bytes().any(|b| b.is_ascii_digit()))
        || phrase.windows(2).any(|w| title(&w[0]) && digits(&w[1]))
}

/// A word in capitals of two letters or more: "ICD", "EO", "NSPD".
fn is_acronym(token: &Token) -> bool {
    token.word && token.text.len() >= 2 && token.text.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether a subject holds a verb other than a document's noun ("This act" is no verb).
fn has_verb_besides_documents(subject: &[Token]) -> bool {
    (0..subject.len())
        .any(|i| !DOCUMENT_NOUNS.contains(subject[i].lower()) && crate::text::words::is_verb_at(subject, i))
}

/// The law or document a sentence names by its title anywhere in it ("… passed the Border Security Act",
/// "under Executive Order 12333"): a capitalised document noun after a capitalised word, or before a number.
pub fn named_document(words: &SentenceWords) -> Option<String> {
    let tokens = words.tokens;
    let noun = (1..tokens.len()).find(|&i| {
        let t = &tokens[i];
        t.word && t.capitalised() && DOCUMENT_NOUNS.contains(t.lower()) && {
            let before = &tokens[i - 1];
            let number_after = tokens
                .get(i + 1)
                .is_some_and(|n| n.text.bytes().any(|b| b.is_ascii_digit()));
            (before.word && before.capitalised() && i - 1 != words.starts.opening) || number_after
        }
    })?;
    let mut start = noun;
    while start > 0 && tokens[start - 1].word && (tokens[start - 1].capitalised() || tokens[start - 1].lower() == "of")
    {
        start -= 1;
    }
    let end = if tokens
        .get(noun + 1)
        .is_some_and(|n| n.text.bytes().any(|b| b.is_ascii_digit()))
    {
        noun + 2
    } else {
        noun + 1
    };
    Some(words.text[words.span(&tokens[start..end])].to_string())
}

/// Whether the main clause says what a document the sentence before named provides, referring back to it:
/// "It created a border agency.", "These give the ministry …".
pub fn provides_again(words: &SentenceWords) -> bool {
    let tokens = words.tokens;
    let start = words.starts.main;
    let pronoun = tokens
        .get(start)
        .is_some_and(|t| matches!(t.lower(), "it" | "this" | "these" | "they"));
    let verb = (start + 1..tokens.len().min(start + 4)).find(|&i| tokens[i].word && !is_auxiliary(&tokens[i], false));
    pronoun && verb.is_some_and(|v| PROVISION_VERBS.contains(tokens[v].lower()))
}

/// A leading adverbial that names a law or document: "Under the Border Security Act, …", "Pursuant to the 2019
/// order, …", "In accordance with section 5, …", "As required by the charter, …", "Established in the
/// Intelligence Reform Act, …". What the sentence says is what
/// the document provides.
pub(super) fn under_a_document(words: &SentenceWords) -> Option<Source> {
    let tokens = words.tokens;
    let start = words.starts.opening;
    let lower = |i: usize| tokens.get(i).filter(|t| t.word).map_or("", |t| t.lower());
    let after = match lower(start) {
        "under" => start + 1,
        "pursuant" if lower(start + 1) == "to" => start + 2,
        "in" if lower(start + 1) == "accordance" && lower(start + 2) == "with" => start + 3,
        // "Established in the Intelligence Reform Act, the JICC is …", "Created by the 2002 act, the office …".
        "established" | "created" | "mandated" | "authorized" | "authorised" | "enacted"
            if matches!(lower(start + 1), "by" | "in" | "under") =>
        {
            start + 2
        }
        "as" if matches!(
            lower(start + 1),
            "required" | "provided" | "mandated" | "directed" | "specified"
        ) && matches!(lower(start + 2), "by" | "in" | "under") =>
        {
            start + 3
        }
        _ => return None,
    };
    let comma = (after..tokens.len().min(after + 14)).find(|&i| !tokens[i].word)?;
    if !tokens[comma].is(&[',']) {
        return None;
    }
    let phrase = &tokens[after..comma];
    // "Resolution 2231", "PDD-61", "EO 12333": a capitalised title with its number.
    let numbered = names_by_number(phrase, |t| t.capitalised());
    // "Under the deal, …", "Under the ceasefire, …": what an agreement provides.
    let scheme = phrase.iter().any(|t| {
        matches!(
            t.lower(),
            "scheme" | "agreement" | "deal" | "arrangement" | "ceasefire" | "truce"
        )
    });
    let document = phrase.iter().any(|t| DOCUMENT_NOUNS.contains(t.lower())) || scheme;
    (!phrase.is_empty() && (document || numbered)).then(|| Source {
        kind: SourceKind::Named,
        phrase: words.span(phrase),
        frame: tokens[start].range(),
    })
}

/// Whether a source phrase names a law, order or document ("The Intelligence Reform Act", "PDD-61").
pub fn names_a_document(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split(|c: char| !c.is_alphanumeric() && c != '-').collect();
    words.iter().any(|word| {
        DOCUMENT_NOUNS.contains(&word.to_lowercase())
            || (word.contains('-') && word.bytes().any(|b| b.is_ascii_digit()))
    }) || words.windows(2).any(|w| {
        // "ICD 612", "EO 12333": a title shortened to its letters, and its number.
        w[0].len() >= 2
            && w[0].bytes().all(|b| b.is_ascii_uppercase())
            && !w[1].is_empty()
            && w[1].bytes().all(|b| b.is_ascii_digit())
    })
}

/// The subject of the sentence's main clause, when it names a source: "The interior ministry issued a
/// statement." leaves "the interior ministry" for "The statement added …" to refer back to.
pub fn named_subject(words: &SentenceWords) -> Option<String> {
    let tokens = words.tokens;
    let start = words.starts.main;
    let end = (start..tokens.len())
        .find(|&i| !tokens[i].word || is_auxiliary(&tokens[i], false) || crate::text::words::is_verb_at(tokens, i))?;
    let subject = &tokens[start..end];
    (!subject.is_empty() && judge(words, subject, true, true) == Some(SourceKind::Named))
        .then(|| words.text[words.span(subject)].to_string())
}

/// Whether the main clause's subject refers back to what the sentence before reported: a pronoun or a
/// demonstrative ("That is a third more …", "Its tally …"), a figure's noun with "the" ("The total …"), or a
/// part of it ("Twenty-two of the strikes …", "Of those, …").
pub fn refers_back(words: &SentenceWords) -> bool {
    let tokens = words.tokens;
    let start = words.starts.main;
    let lower = |i: usize| tokens.get(i).map_or("", |t| t.lower());
    let first = lower(start);
    matches!(
        first,
        "that" | "this" | "it" | "these" | "those" | "its" | "their" | "they" | "another"
    ) || (first == "the" && EVIDENCE_NOUNS.contains(&lower(start + 1)))
        || matches!(
            lower(start + 1),
            "total" | "number" | "rise" | "increase" | "drop" | "fall" | "share" | "proportion" | "rate" | "count"
        ) && first == "the"
        || (0..5).any(|i| {
            lower(start + i) == "of"
                && matches!(
                    lower(start + i + 1),
                    "the" | "those" | "these" | "them" | "this" | "its" | "their"
                )
        })
        || (first == "of" && matches!(lower(start + 1), "those" | "these" | "them"))
        || (start..tokens.len()).any(|i| {
            // "… accounted for 60 percent of them", "… over the same period".
            (lower(i) == "of" && matches!(lower(i + 1), "them" | "those" | "these"))
                || (lower(i) == "the" && lower(i + 1) == "same" && TIME_SPANS.contains(&lower(i + 2)))
        })
        || share_alone(words)
}

/// Spans of time that "the same" refers back to: "over the same period".
const TIME_SPANS: &[&str] = &["period", "week", "month", "year", "quarter", "time", "day", "days"];

/// A share standing alone as the subject, of what the sentence before counted: "Most moved to camps.", "Nearly
/// half were children.", "The rest fled."
pub fn share_alone(words: &SentenceWords) -> bool {
    let tokens = words.tokens;
    let start = words.starts.main;
    let lower = |i: usize| tokens.get(i).filter(|t| t.word).map_or("", |t| t.lower());
    let share = match (lower(start), lower(start + 1)) {
        // "All but two were found in cars."
        ("all", "but")
            if tokens.get(start + 2).is_some_and(|t| {
                t.text.bytes().all(|b| b.is_ascii_digit()) || crate::claims::cues::FIGURE_WORDS.contains(&t.lower())
            }) =>
        {
            start + 3
        }
        ("most" | "many" | "half" | "all" | "some" | "several", _) => start + 1,
        // "Nine of them had …", "Two of the dead were …": a count of what the sentence before counted.
        (count, "of")
            if count.bytes().all(|b| b.is_ascii_digit()) || crate::claims::cues::FIGURE_WORDS.contains(&count) =>
        {
            start + 1
        }
        ("nearly" | "about" | "almost" | "roughly" | "over", "half" | "all") => start + 2,
        ("the", "rest" | "remainder" | "majority") => start + 2,
        // "More than half were recorded in Guayas.", "Less than a third returned."
        ("more" | "less", "than") => match (lower(start + 2), lower(start + 3)) {
            ("half", _) => start + 3,
            ("a" | "one", "third" | "quarter" | "fifth" | "tenth") => start + 4,
            _ => return false,
        },
        _ => return false,
    };
    // "Most of them took place …", "Most of the dead were civilians": a proportion of those counted, then its
    // verb. "Many of them were born in Pakistan" is the writer's own word on them, not a part of the count.
    let proportion = !matches!(lower(start), "many" | "some" | "several");
    let share = match (lower(share), lower(share + 1)) {
        ("of", "them" | "those" | "these") if proportion => share + 2,
        ("of", "the") if proportion => share + 3,
        _ => share,
    };
    tokens.get(share).is_some_and(|t| {
        t.word && (crate::text::words::is_auxiliary(t, false) || crate::text::words::is_verb_at(tokens, share))
    })
}

/// A passive whose agent is a law or document: "These differences were addressed by a provision in the act",
/// "The office was created by the Homeland Security Act of 2002". The document provides what the sentence says.
pub(super) fn by_a_document(words: &SentenceWords) -> Option<Source> {
    let tokens = words.tokens;
    let by = (2..tokens.len()).find(|&i| {
        tokens[i].lower() == "by"
            && crate::text::words::is_unmistakable_verb_at(tokens, i - 1)
            && !is_auxiliary(&tokens[i - 1], false)
            && tokens[..i - 1]
                .iter()
                .rev()
                .take(3)
                .any(|t| matches!(t.lower(), "is" | "are" | "was" | "were" | "been" | "be" | "being"))
    })?;
    let phrase: Vec<&Token> = tokens[by + 1..]
        .iter()
        .take_while(|t| t.word || t.is(&['(', ')', '-', '\'', '’']))
        .take(10)
        .collect();
    // A particular document: named ("the Homeland Security Act"), numbered, or one the text has named ("the
    // act"); "by law" names none.
    let document = phrase.iter().enumerate().any(|(i, t)| {
        t.word
            && DOCUMENT_NOUNS.contains(t.lower())
            && (i > 0 && phrase[i - 1].lower() == "the"
                || phrase
                    .iter()
                    .any(|t| t.capitalised() || t.text.bytes().any(|b| b.is_ascii_digit())))
    });
    let (first, last) = (phrase.first()?, phrase.last()?);
    document.then(|| Source {
        kind: SourceKind::Named,
        phrase: first.range().start..last.range().end,
        frame: tokens[by].range(),
    })
}
