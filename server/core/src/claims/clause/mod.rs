//! The shape of a sentence's main clause, as far as sourcing needs it: where its own words begin (after a list
//! number, a label such as "Answer:", a linking word such as "Moreover,", and a leading adverbial or
//! subordinate clause), whether its main verb prescribes ("must", "should", "it is vital that") or commands
//! (an imperative), whether it defines a term, whether it is a piece of a list, and whether the author speaks
//! in the first person.
//!
//! The word lists are data (`data/*.txt`); this module holds only the grammar.

use crate::text::lexicon::WordList;
use crate::text::words::{self, Token};
use std::sync::OnceLock;

mod advises;
mod starts;
mod voice;

pub use advises::{advises, leads_into_advice};
use starts::skip_enumerator;
pub use starts::{main_clause_start, opening, Starts};
pub use voice::{first_person, told_by_others};

static PRESCRIPTIVE: WordList = WordList::embedded(include_str!("../data/prescriptive.txt"));
static NECESSITY: WordList = WordList::embedded(include_str!("../data/necessity.txt"));
/// Whether the main clause prescribes: its verb group opens with "must", "should", "shall", "needs to", "is
/// required to" (but not "should have done", a judgement of the past), or it reads "It is vital that …".
pub fn prescribes(tokens: &[Token], starts: Starts) -> bool {
    let start = starts.main;
    let lower = |i: usize| tokens.get(i).map_or("", |t| t.lower());
    if lower(start) == "it" {
        // "It is vital that …", "It is also important for …", "It will be essential to …".
        let mut at = match (lower(start + 1), lower(start + 2)) {
            ("is", _) => start + 2,
            ("will" | "would", "be") => start + 3,
            _ => usize::MAX,
        };
        while at < tokens.len() && matches!(lower(at), "also" | "very" | "especially" | "particularly" | "equally") {
            at += 1;
        }
        if NECESSITY.contains(lower(at)) {
            return matches!(lower(at + 1), "that" | "to" | "for");
        }
    }
    for i in start..tokens.len() {
        let token = &tokens[i];
        if !token.word {
            // The subject ends at a clause mark; a prescription further on belongs to another clause.
            if token.is(&[';', ':', '—', '–']) {
                return false;
            }
            continue;
        }
        let without_adverbs = tokens[i..]
            .iter()
            .filter(|t| t.word && !is_adverb(t))
            .map(|t| t.lower());
        if let Some(words) = PRESCRIPTIVE.longest_at(without_adverbs) {
            // "should have acted", "must have known": a judgement of what was, not a prescription.
            let have = i + words + usize::from(lower(i + words) == "not");
            let perfect =
                lower(have) == "have" && have + 1 < tokens.len() && words::is_unmistakable_verb_at(tokens, have + 1);
            return !perfect;
        }
        // A relative or subordinate clause ("The group that must disarm …", "… when troops must withdraw") or a
        // verb whose form leaves no doubt comes before any modal of the main clause.
        let clause = matches!(
            token.lower(),
            "that" | "which" | "who" | "whom" | "whose" | "when" | "if" | "because" | "while" | "although" | "since"
        );
        // "Each report required under subsection (a) shall include": a participle after its noun describes it.
        // "Amounts made available under this section shall remain …": an irregular participle too.
        let participle = token.lower().ends_with("ed")
            || matches!(
                token.lower(),
                "made" | "given" | "taken" | "held" | "paid" | "set" | "kept" | "sent" | "spent" | "shown" | "done"
            );
        let describes_noun = participle
            && i > start
            && tokens[i - 1].word
            && tokens
                .get(i + 1)
                .is_some_and(|next| matches!(next.lower(), "under" | "by" | "in" | "for" | "to" | "available"));
        if i > start && (clause || (words::is_unmistakable_verb_at(tokens, i) && !describes_noun)) {
            return false;
        }
    }
    false
}

/// An adverb that may stand inside a verb group: "are also required to", "must still comply".
fn is_adverb(token: &Token) -> bool {
    let lower = token.lower();
    matches!(
        lower,
        "also" | "still" | "now" | "further" | "not" | "never" | "always" | "therefore" | "thus"
    ) || (lower.ends_with("ly") && lower.len() > 4 && !ADJECTIVES_IN_LY.contains(&lower))
}

/// Words in "-ly" that are adjectives after "is": "is likely to collapse" judges what will be, where "is to
/// withdraw" prescribes.
const ADJECTIVES_IN_LY: &[&str] = &[
    "likely", "unlikely", "early", "only", "lonely", "costly", "deadly", "friendly",
];

/// Whether the sentence has no finite verb and opens with a preposition or an infinitive: a heading or a piece
/// of a list ("In overseeing the National Intelligence Program.", "b. To act in the DNI's place.").
pub fn is_verbless_phrase(tokens: &[Token], starts: Starts) -> bool {
    let start = starts.opening;
    let Some(first) = tokens.get(start).filter(|t| t.word) else {
        return false;
    };
    const OPENERS: &[&str] = &[
        "in", "on", "at", "for", "to", "by", "with", "from", "of", "under", "during",
    ];
    // The verb of an infinitive ("To act …") is not a finite verb; any other verb is.
    let infinitive = first.lower() == "to";
    OPENERS.contains(&first.lower())
        && !(start + 1 + usize::from(infinitive)..tokens.len()).any(|i| words::is_verb_at(tokens, i))
}

/// Whether a line is a title: no closing punctuation, and most of its words capitalised ("Additional
/// Prehearing Questions for Dennis C. Blair").
pub fn is_title(text: &str, tokens: &[Token]) -> bool {
    if text.trim_end().ends_with(['.', '!', '?', '"', '”', ';']) {
        return false;
    }
    let (words, capitalised) = tokens
        .iter()
        .filter(|t| t.word && t.text.len() > 3)
        .fold((0, 0), |(n, c), t| (n + 1, c + usize::from(t.capitalised())));
    words >= 2 && capitalised * 10 >= words * 7
}

/// Whether the sentence is a reference entry: a note number, then a title and a date or publication details
/// ("7 Intelligence Community Directive 601, Human Capital: … (May 16, 2006).").
pub fn is_reference_entry(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    // The note's number stands before its text, or runs into it where a PDF lost the space ("12CBP, …").
    let after_number = text[digits..].strip_prefix(' ').unwrap_or(&text[digits..]);
    let numbered =
        (1..=3).contains(&digits) && after_number.starts_with(|c: char| c.is_uppercase() || c == '“' || c == '"');
    let published = || {
        const MARKS: &[&str] = &[
            " Cong.",
            " Sess.",
            " pp.",
            " Vol.",
            " vol.",
            "Retrieved",
            "accessed",
            "vailable at",
        ];
        MARKS.iter().any(|mark| text.contains(mark))
            || (text.contains(", ") && has_dated_parenthesis(text))
            || ends_with_a_date_alone(text)
    };
    numbered && published()
}

/// "…, statement, 13 September 2022.", "…, Istanbul, March 2025.", "…, 2022–2025.": the last part after a comma
/// is a date and nothing else, as a note's publication details end.
fn ends_with_a_date_alone(text: &str) -> bool {
    let Some((_, last)) = text.trim_end().trim_end_matches('.').rsplit_once(", ") else {
        return false;
    };
    let mut year = false;
    // "May and September 2026": two dates joined.
    let all_date = last.split_whitespace().filter(|w| *w != "and").all(|w| {
        let w = w.trim_end_matches(',');
        let is_year = |y: &str| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
        let years = w.split(['–', '-']).all(is_year);
        year |= years;
        // "March–October 2026": a range of months.
        let months = w
            .split(['–', '-'])
            .all(|m| crate::claims::cues::MONTHS.contains(&m.to_lowercase().as_str()));
        years || months || (w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
    });
    all_date && year
}

/// A statute's long title ("To impose sanctions with respect to …, and for other purposes.") or a stamp of one
/// word and a date ("Approved June 3, 2026.", "Updated 7 December 2026"): the document's furniture.
pub fn is_title_or_stamp(text: &str) -> bool {
    let trimmed = text.trim().trim_end_matches('.');
    let long_title = ["An Act ", "AN ACT "]
        .iter()
        .fold(trimmed, |t, act| t.strip_prefix(act).unwrap_or(t).trim_start());
    if long_title.starts_with("To ") && long_title.ends_with("and for other purposes") {
        return true;
    }
    // A stamp is short, and opens with a participle: most sentences are ruled out before their words are read.
    if trimmed.len() > 40 {
        return false;
    }
    let mut words = trimmed.split_whitespace();
    let stamp = words
        .next()
        .is_some_and(|w| w.len() > 3 && w.ends_with("ed") && w.starts_with(|c: char| c.is_ascii_uppercase()));
    if !stamp {
        return false;
    }
    let rest: Vec<&str> = words.map(|w| w.trim_end_matches(',')).collect();
    (2..=4).contains(&rest.len())
        && rest.iter().all(|w| {
            w.bytes().all(|b| b.is_ascii_digit()) || crate::claims::cues::MONTHS.contains(&w.to_lowercase().as_str())
        })
        && rest
            .iter()
            .any(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
}

/// "(May 16, 2006)", "(2019)", "(June 2007)": a parenthesis that holds a date and little else.
fn has_dated_parenthesis(text: &str) -> bool {
    text.match_indices('(').any(|(at, _)| {
        let inside = text[at + 1..].split(')').next().unwrap_or_default();
        inside.len() <= 24
            && inside.split_whitespace().any(|w| {
                let w = w.trim_end_matches([',', '.']);
                w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && (w.starts_with("19") || w.starts_with("20"))
            })
    })
}

/// Whether the sentence asks a question by its word order, whatever mark ends it (hearing questionnaires often
/// end a question with a full stop): "What is your understanding of …", "How would you assess …", "Do you
/// agree …". A question word and an auxiliary need the one asked after them: "What is clear is that …" states.
pub fn asks(tokens: &[Token], starts: Starts) -> bool {
    let at = starts.opening;
    let lower = |i: usize| tokens.get(i).filter(|t| t.word).map(Token::lower);
    let Some(first) = lower(at) else {
        return false;
    };
    let addressed = |i: usize| matches!(lower(i), Some("you" | "your"));
    let asked = |i: usize| {
        addressed(i)
            || matches!(
                lower(i),
                Some("the" | "this" | "these" | "that" | "those" | "we" | "it" | "they" | "there")
            )
    };
    let aux = |i: usize| tokens.get(i).is_some_and(|t| t.word && words::is_auxiliary(t, false));
    if QUESTION_WORDS.contains(&first) {
        return aux(at + 1) && asked(at + 2);
    }
    tokens[at].capitalised() && words::is_auxiliary(&tokens[at], true) && addressed(at + 1)
}

const QUESTION_WORDS: &[&str] = &["what", "how", "why", "which", "when", "where", "who", "whom"];

/// Whether the sentence is an order or a request: its main clause opens with a verb in its base form and an
/// object ("Establish formal training requirements", "Please explain your understanding").
pub fn is_imperative(tokens: &[Token], starts: Starts) -> bool {
    let start = starts.main;
    let Some(first) = tokens.get(start).filter(|t| t.word) else {
        return false;
    };
    if first.lower() == "please" {
        return true;
    }
    // Capitalised at the start of the sentence; after a leading clause ("In coordination with X, develop …")
    // the verb is in lower case.
    let at_start = start == starts.opening;
    // "Immediately release everyone detained …", "Urgently review the guidance": an adverb before the order.
    let adverb_first = at_start
        && first.capitalised()
        && first.lower().len() > 4
        && first.lower().ends_with("ly")
        && !ADJECTIVES_IN_LY.contains(&first.lower());
    if adverb_first {
        return tokens
            .get(start + 1)
            .is_some_and(|verb| verb.word && !verb.capitalised() && words::is_base_form(verb.lower()))
            && tokens
                .get(start + 2)
                .is_some_and(|object| object.word && !words::is_auxiliary(object, false));
    }
    if (at_start && !first.capitalised()) || !words::is_base_form(first.lower()) {
        return false;
    }
    let Some(next) = tokens.get(start + 1).filter(|t| t.word) else {
        return false;
    };
    // "Support for the group grew", "Attack kills five": a noun, not an order.
    const PREPOSITIONS: &[&str] = &[
        "of", "for", "on", "in", "at", "by", "from", "with", "against", "to", "and", "or",
    ];
    // After a leading clause ("Where movement is essential, use vetted escorts") a base form in lower case
    // opens the main clause as a verb, whatever follows it; only a preposition makes it a noun ("use of force").
    let noun_after = PREPOSITIONS.contains(&next.lower()) || at_start && words::is_verb_at(tokens, start + 1);
    // "Support staff were evacuated": an auxiliary right after the first words makes them a subject.
    let near = (start + 1..(start + 4).min(tokens.len())).take_while(|&i| tokens[i].word);
    let finite_verb_after = near.into_iter().any(|i| words::is_auxiliary(&tokens[i], false));
    // "State news agency SUNA reported …": words with no article, then a finite verb, make a subject; an
    // order names its object with one ("Describe the role the office played").
    let subject_then_verb = (start + 1..(start + 6).min(tokens.len()))
        .take_while(|&i| tokens[i].word && !ARTICLES.contains(&tokens[i].lower()))
        .any(|i| i > start + 1 && words::is_unmistakable_verb_at(tokens, i) && !words::is_base_form(tokens[i].lower()));
    // "Open fighting between the factions broke out": without an article after the first word, a past form
    // further on in the same clause is the verb of a subject the first word opens.
    let subject_before_past = !ARTICLES.contains(&next.lower())
        && (start + 2..tokens.len())
            .take_while(|&i| !tokens[i].is(&[',', ';', ':']) && !ORDER_CLAUSE_WORDS.contains(&tokens[i].lower()))
            .any(|i| {
                let lower = tokens[i].lower();
                words::is_unmistakable_verb_at(tokens, i) && !words::is_base_form(lower) && !lower.ends_with('s')
            });
    // "Border Patrol deploys …", "Police Scotland arrested …": capitalised words after the first make a name,
    // and a verb right after the name is its predicate; an order's object is rarely a bare name.
    let name_end = (start + 1..tokens.len())
        .find(|&i| !(tokens[i].word && tokens[i].capitalised()))
        .unwrap_or(tokens.len());
    let name_then_verb = name_end > start + 1 && name_end < tokens.len() && words::is_verb_at(tokens, name_end);
    !noun_after && !finite_verb_after && !subject_then_verb && !subject_before_past && !name_then_verb
}

/// Words that open a clause of their own inside an order: "Establish rules that were missing".
const ORDER_CLAUSE_WORDS: &[&str] = &[
    "that", "which", "who", "whom", "whether", "if", "when", "how", "what", "where", "why", "because", "so", "to",
    "until", "unless", "before", "after", "while", "once",
];

/// Words that open an order's object: "Describe the role …", "Report any incident …".
const ARTICLES: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "your", "its", "their", "our", "his", "her", "any", "all", "each",
    "every", "no",
];

/// Whether the sentence defines a term: "X is defined as …", "The term X means …", "As used in this section",
/// "This Act may be cited as …", "Counter-threat finance is the effort to …". Read from the words, which are
/// lower-cased already.
pub fn defines(text: &str, tokens: &[Token]) -> bool {
    // Most sentences have none of the words a definition needs: one search for all of them (a set of literals,
    // which the regex crate scans for at once) rules them out.
    static KEYS: OnceLock<regex::Regex> = OnceLock::new();
    let keys =
        KEYS.get_or_init(|| regex::Regex::new("defined|term|meaning|cited|used in this| is the | is an ").unwrap());
    if !keys.is_match(text) {
        return false;
    }
    let words = || tokens.iter().filter(|t| t.word).map(|t| t.lower());
    let mut term = false;
    let mut before = ["", ""];
    let mut rest = words();
    while let Some(word) = rest.next() {
        let next = || rest.clone().next().unwrap_or_default();
        let defining = match word {
            "term" | "terms" => {
                term = true;
                false
            }
            "defined" | "cited" => next() == "as",
            "used" => {
                let mut after = rest.clone();
                (after.next(), after.next()) == (Some("in"), Some("this"))
            }
            "meaning" => before == ["has", "the"],
            "means" | "includes" => term,
            "refers" => term && next() == "to",
            _ => false,
        };
        if defining {
            return true;
        }
        before = [before[1], word];
    }
    names_a_kind_of_activity(words())
}

/// "X is the effort to …", "X is the process of …": doctrine's definition of an activity.
fn names_a_kind_of_activity<'w>(words: impl Iterator<Item = &'w str>) -> bool {
    const KINDS: &[&str] = &[
        "effort",
        "process",
        "practice",
        "art",
        "science",
        "activity",
        "act",
        "discipline",
    ];
    let mut last = [""; 4];
    for word in words.take(12) {
        last = [last[1], last[2], last[3], word];
        let [is, article, kind, link] = last;
        if is == "is"
            && matches!(article, "the" | "an")
            && KINDS.contains(&kind)
            && matches!(link, "of" | "to" | "by" | "that")
        {
            return true;
        }
    }
    false
}

/// Whether the sentence may hold what [`super::cues::points_elsewhere`] looks for: its regex runs only then.
pub fn may_point_elsewhere(text: &str) -> bool {
    // One search for all the words at once; most sentences have none of these.
    static KEYS: OnceLock<regex::Regex> = OnceLock::new();
    KEYS.get_or_init(|| {
        regex::Regex::new("see|refer|consult|ed in|ed more|ed further|ed below|are at |is at |wn in ").unwrap()
    })
    .is_match(text)
}

/// Whether the sentence is an enumerated piece whose lead-in stands before it: a list number and then a word in
/// lower case ("(B) the Committee on Foreign Affairs.", "(2) uses violence against civilians.").
pub fn is_enumerated_piece(tokens: &[Token]) -> bool {
    let after = skip_enumerator(tokens, 0);
    after > 0
        && tokens
            .get(after)
            .is_some_and(|t| t.word && t.text.starts_with(|c: char| c.is_lowercase()))
}

/// Whether the sentence is written in capitals: a heading ("SEC. 5. REPORT ON FINANCIAL FLOWS.").
pub fn is_in_capitals(tokens: &[Token]) -> bool {
    let mut count = 0;
    for word in tokens.iter().filter(|t| t.word && t.text.len() > 3) {
        if word.text.chars().any(char::is_lowercase) {
            return false;
        }
        count += 1;
    }
    count >= 2
}

/// Whether the sentence is a piece of a list whose lead-in stands elsewhere: it ends with a comma or a
/// semicolon, or with "and" or "or" after one ("clearly defining its mission,", "contract; and").
pub fn is_list_piece(text: &str, tokens: &[Token]) -> bool {
    let trimmed = text.trim_end();
    // A statute's lead-in ends with a dash before its list: "… any organization that—".
    if trimmed.ends_with([',', ';', '—']) {
        return true;
    }
    // A lead-in whose list follows: "This framework could include things such as".
    let mut last = tokens.iter().rev().filter(|t| t.word).map(|t| t.lower());
    match (last.next(), last.next()) {
        (Some("as"), Some("such")) | (Some("including"), _) | (Some("follows"), Some("as")) => return true,
        (Some("following"), Some("the")) if !trimmed.ends_with(['.', '!', '?']) => return true,
        _ => {}
    }
    let Some(rest) = trimmed.strip_suffix(" and").or_else(|| trimmed.strip_suffix(" or")) else {
        return false;
    };
    rest.trim_end().ends_with([',', ';'])
}

#[cfg(test)]
mod tests;
