//! Where a sentence's own words and its main clause begin: after a list number, a label such as "Answer:", a
//! linking word such as "Moreover,", and a leading adverbial, subordinate clause or time phrase.

use crate::text::lexicon::WordList;
use crate::text::words::Token;

pub(crate) static CONNECTIVES: WordList = WordList::embedded(include_str!("../data/connectives.txt"));

/// Words that open a leading adverbial or subordinate clause: "In 2019, …", "If confirmed, …", "To improve
/// the program, …". What follows the comma after it is the main clause.
const LEADING_CLAUSE_OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "since",
    "following",
    "under",
    "by",
    "for",
    "with",
    "among",
    "despite",
    "as",
    "to",
    "within",
    "across",
    "throughout",
    "amid",
    "if",
    "when",
    "while",
    "once",
    "although",
    "though",
    "because",
    "unless",
    "until",
    "where",
    "whereas",
    "given",
    "upon",
    "from",
    "through",
    "without",
];

/// The index of the first token of the sentence's own words, after list numbers and bullets ("a.", "(5)",
/// "•"), labels ("Answer:", "QUESTION 17:") and linking words set off by a comma ("Moreover,", "In addition,").
pub fn opening(tokens: &[Token]) -> usize {
    let mut at = 0;
    loop {
        let next = skip_connective(tokens, skip_label(tokens, skip_enumerator(tokens, at)));
        if next == at {
            return at;
        }
        at = next;
    }
}

/// Where a sentence's own words and its main clause begin, found once per sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Starts {
    pub opening: usize,
    pub main: usize,
}

impl Starts {
    pub fn of(tokens: &[Token]) -> Starts {
        let opening = opening(tokens);
        Starts {
            opening,
            main: main_clause_start_after(tokens, opening),
        }
    }
}

/// Where the main clause begins: after [`opening`], and after a leading adverbial or subordinate clause closed
/// by a comma ("In response to these requests, …", "If confirmed, …").
pub fn main_clause_start(tokens: &[Token]) -> usize {
    Starts::of(tokens).main
}

fn main_clause_start_after(tokens: &[Token], start: usize) -> usize {
    let Some(first) = tokens.get(start).filter(|t| t.word) else {
        return start;
    };
    if let Some(after) = time_phrase_end(tokens, start) {
        return after;
    }
    if !LEADING_CLAUSE_OPENERS.contains(&first.lower()) || first.lower() == "according" {
        return start;
    }
    // The comma inside a date ("On December 17, 2004, the President signed …") does not close the clause.
    let in_a_date = |i: usize| {
        tokens
            .get(i + 1)
            .is_some_and(|year| year.text.len() == 4 && year.text.bytes().all(|b| b.is_ascii_digit()))
            && i >= 2
            && tokens[i - 1].text.bytes().all(|b| b.is_ascii_digit())
            && crate::claims::cues::MONTHS.contains(&tokens[i - 2].lower())
    };
    // "In the village of Aita al-Shaab, which was destroyed in 2024, Hussein Fawaz told …": a relative clause
    // inside the leading phrase runs to its own comma.
    let relative = |i: usize| {
        tokens
            .get(i + 1)
            .is_some_and(|t| matches!(t.lower(), "which" | "who" | "where" | "whose"))
    };
    let closes = |i: usize| tokens[i].is(&[',']) && !in_a_date(i);
    match (start..tokens.len().min(start + 24)).find(|&i| closes(i)) {
        Some(comma) if relative(comma) => (comma + 1..tokens.len().min(comma + 24))
            .find(|&i| closes(i))
            .map_or(start, |next| next + 1),
        Some(comma) => comma + 1,
        None => start,
    }
}

/// Where a leading time phrase without a comma ends, when the sentence opens with one and a subject follows it:
/// "In May 2010 the commission recommended …", "On 3 March the army said …", "Last week the ministry said …".
fn time_phrase_end(tokens: &[Token], start: usize) -> Option<usize> {
    let first = tokens.get(start)?.lower();
    let is_date_word = |t: &Token| {
        t.word
            && (t.text.bytes().all(|b| b.is_ascii_digit())
                || crate::claims::cues::MONTHS.contains(&t.lower())
                || TIME_UNITS.contains(&t.lower())
                || matches!(t.lower(), "early" | "late" | "mid" | "the" | "of" | "fiscal" | "year"))
    };
    let end = match first {
        "in" | "on" | "by" | "since" | "during" | "until" => {
            let mut words = tokens[start + 1..]
                .iter()
                .take(5)
                .take_while(|t| is_date_word(t))
                .count();
            // The phrase ends on a date, not on the article of the subject after it ("In May 2010 the …").
            while words > 0 && matches!(tokens[start + words].lower(), "the" | "of") {
                words -= 1;
            }
            // "In the past …" is no date: the phrase must name one.
            let dated = tokens[start + 1..start + 1 + words].iter().any(|t| {
                t.text.bytes().all(|b| b.is_ascii_digit())
                    || crate::claims::cues::MONTHS.contains(&t.lower())
                    || t.lower().ends_with("day")
            });
            dated.then_some(start + 1 + words)?
        }
        "last" | "this" | "next" | "earlier" | "later" => {
            let unit = tokens.get(start + 1)?;
            (unit.word && TIME_UNITS.contains(&unit.lower())).then_some(start + 2)?
        }
        "yesterday" | "today" => start + 1,
        _ => return None,
    };
    // A subject follows: a determiner or a capitalised word, not a comma (handled as any other opener) or a
    // verb ("In 2019 saw …").
    let next = tokens.get(end)?;
    (next.word && (next.capitalised() || matches!(next.lower(), "the" | "a" | "an" | "its" | "their"))).then_some(end)
}

/// Units of time a leading time phrase may name.
const TIME_UNITS: &[&str] = &[
    "week",
    "month",
    "year",
    "weekend",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "quarter",
];

pub(super) fn skip_enumerator(tokens: &[Token], at: usize) -> usize {
    let short_number = |t: &Token| {
        t.word
            && t.text.len() <= 3
            && (t.text.bytes().all(|b| b.is_ascii_digit())
                || t.text.chars().count() == 1
                || t.lower().bytes().all(|b| matches!(b, b'i' | b'v' | b'x')))
    };
    match tokens.get(at..at + 3) {
        Some([open, number, close]) if open.is(&['(', '[']) && short_number(number) && close.is(&[')', ']']) => {
            return at + 3;
        }
        _ => {}
    }
    match tokens.get(at..at + 2) {
        Some([number, mark]) if short_number(number) && mark.is(&['.', ')']) && tokens.len() > at + 3 => {
            return at + 2;
        }
        _ => {}
    }
    // "12 Notifications on file with the Secretariat.": a note's number before its text, at the very start.
    match tokens.get(at..at + 2) {
        Some([number, next])
            if at == 0
                && number.word
                && (1..=3).contains(&number.text.len())
                && number.text.bytes().all(|b| b.is_ascii_digit())
                && next.word
                && next.capitalised()
                && !crate::claims::cues::MONTHS.contains(&next.lower()) =>
        {
            return at + 1;
        }
        _ => {}
    }
    match tokens.get(at) {
        Some(t) if t.is(&['•', '\u{f0b7}', '▪', '◦', '·', '*', '-', '–', '—', '§']) => at + 1,
        _ => at,
    }
}

/// "Answer:", "QUESTION 17:", "Recommendation:": one or two words and a colon, then the sentence; or a
/// provision's heading in capitals and a dash ("NOTIFICATION.—", "IN GENERAL.—").
fn skip_label(tokens: &[Token], at: usize) -> usize {
    let capitals = tokens[at.min(tokens.len())..]
        .iter()
        .take_while(|t| t.word && t.text.len() > 1 && !t.text.bytes().any(|b| b.is_ascii_lowercase()))
        .count();
    if capitals > 0 {
        let mut end = at + capitals;
        if tokens.get(end).is_some_and(|t| t.is(&['.'])) {
            end += 1;
        }
        if tokens.get(end).is_some_and(|t| t.is(&['—', '–'])) {
            return end + 1;
        }
    }
    for words in 1..=2 {
        let Some(colon) = tokens.get(at + words) else {
            return at;
        };
        let label = &tokens[at..at + words];
        if colon.is(&[':']) && label.iter().all(|t| t.word) && label[0].capitalised() && tokens.len() > at + words + 2 {
            return at + words + 1;
        }
    }
    at
}

fn skip_connective(tokens: &[Token], at: usize) -> usize {
    let lowers = tokens[at.min(tokens.len())..].iter().map(|t| t.lower());
    match CONNECTIVES.longest_at(lowers) {
        Some(words) if tokens.get(at + words).is_some_and(|t| t.is(&[','])) => at + words + 1,
        // "But we are told …", "Yet I am told …": a conjunction that links the sentence to the one before
        // needs no comma before the subject.
        Some(1)
            if matches!(tokens[at].lower(), "but" | "yet" | "and") && tokens.get(at + 1).is_some_and(|t| t.word) =>
        {
            at + 1
        }
        _ => at,
    }
}
