//! Who speaks in a sentence's own words: the author in the first person ("I believe", "we found", "In our
//! view"), or others whose words the author passes on without naming them ("We are told that …").

use super::{is_adverb, Starts};
use crate::document::quotes::in_quotation;
use crate::text::lexicon::WordList;
use crate::text::words::Token;
use std::ops::Range;

/// "We are told that …", "I am told by people who work on it that …", "We have seen media reports of …": the
/// writer or speaker passes on what others told them, without naming them.
pub fn told_by_others(tokens: &[Token], starts: Starts) -> Option<Range<usize>> {
    let start = starts.main;
    let lower = |i: usize| tokens.get(i).filter(|t| t.word).map_or("", |t| t.lower());
    if !matches!(lower(start), "we" | "i") {
        return None;
    }
    let end = match (lower(start + 1), lower(start + 2), lower(start + 3)) {
        ("are" | "am" | "were" | "was", "told" | "hearing", _) => start + 2,
        ("have" | "had", "been", "told") => start + 3,
        ("have" | "had", "heard", _) => start + 2,
        // Not "I have seen those allegations": reports already put to the speaker, not passed on.
        ("have" | "had", "seen", next) if !matches!(next, "those" | "these" | "the" | "your" | "that" | "this") => {
            (start + 3..start + 6).find(|&i| matches!(lower(i), "reports" | "claims" | "accounts" | "allegations"))?
        }
        _ => return None,
    };
    Some(tokens[start].range().start..tokens[end].range().end)
}

/// Where the author speaks in the first person outside a quotation ("I believe", "In my view", "we found",
/// "Our recommendations …"): the author's own word, which sources the sentence as the author's.
pub fn first_person(text: &str, tokens: &[Token], starts: Starts) -> Option<Range<usize>> {
    let start = starts.main;
    tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.word)
        .find(|(i, t)| {
            // "I" as a word of its own, not the initial of "I&A": a lower-case word follows it.
            let next_lower = || tokens.get(i + 1).is_some_and(|n| n.word && !n.capitalised());
            // "We" speaks for the author as a subject ("We found …", "as we note in our report"), or in a
            // relative clause of the author's own inquiry ("the records we reviewed"); not in other relative
            // clauses after a noun ("the issues we face") nor as a nation's "our adversaries".
            let inquiry = || tokens.get(i + 1).is_some_and(|n| AUTHOR_INQUIRY.contains(n.lower()));
            let after_noun = || {
                i.checked_sub(1).map(|b| &tokens[b]).is_some_and(|before| {
                    before.word && !CLAUSE_OPENERS.contains(&before.lower()) && !is_adverb(before)
                })
            };
            let person = match t.text {
                "I" => next_lower(),
                "we" | "We" => next_lower() && (*i == start || !after_noun() || inquiry()),
                "my" | "My" | "me" => true,
                // "this reporter counted", "a reporter for this newspaper": the writer in the third person.
                "this" | "This" => tokens.get(i + 1).is_some_and(|n| {
                    matches!(
                        n.lower(),
                        "reporter" | "correspondent" | "writer" | "author" | "newspaper" | "publication"
                    )
                }),
                "our" | "Our" => {
                    // As the subject, or after a preposition ("in our view", "asked for our views"); not as what
                    // someone else acts on ("The army doubled our estimate").
                    let placed = *i == start
                        || i.checked_sub(1).is_some_and(|b| {
                            matches!(
                                tokens[b].lower(),
                                "in" | "to" | "for" | "from" | "by" | "of" | "on" | "per" | "as"
                            )
                        });
                    // "our incident database": the author's work may come a word or two later.
                    let work = tokens[i + 1..]
                        .iter()
                        .take(3)
                        .take_while(|n| n.word)
                        .any(|n| AUTHOR_WORK.contains(&n.lower()));
                    placed && work
                }
                _ => false,
            };
            person && !in_quotation(text, &(t.range().start..t.range().start))
        })
        .map(|(_, t)| t.range())
}

/// Words after which "we" opens a clause of its own rather than a relative clause.
const CLAUSE_OPENERS: &[&str] = &[
    "as", "when", "if", "because", "while", "that", "and", "but", "so", "since", "although", "where", "which", "after",
    "before", "once", "until", "unless", "whether", "then", "also", "now", "though", "what", "how",
];

/// What the author did to find something out, after "we" in a relative clause: "the contracts we sampled".
static AUTHOR_INQUIRY: WordList = WordList::embedded(include_str!("../data/author_inquiry.txt"));

/// What "our" is the author's own in: "Our analysis shows …", "as our review found", "they ask for our views".
const AUTHOR_WORK: &[&str] = &[
    "database",
    "dataset",
    "records",
    "tally",
    "count",
    "monitoring",
    "analysis",
    "assessment",
    "review",
    "findings",
    "recommendations",
    "recommendation",
    "work",
    "audit",
    "judgment",
    "judgement",
    "view",
    "views",
    "estimate",
    "estimates",
    "research",
    "data",
    "report",
    "survey",
    "reporting",
    "sources",
    "team",
    "figures",
    "method",
    "methodology",
    "examination",
    "investigation",
    "interviews",
    "fieldwork",
    "inquiry",
    "study",
    "calculations",
    "calculation",
    "tests",
    "inspection",
    "reconstruction",
    "tracking",
    "mapping",
];
