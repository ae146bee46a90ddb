//! Advice put as the worth of a course of action, without a modal of obligation: "Finding ways to bring in new
//! technology will be very important.", "A new strategy may be appropriate.", "The key to success is ensuring
//! that …", "Part of good management is balancing requirements." They recommend or define good practice, as
//! "should" does; they assert nothing that a source could back.
//!
//! A judgement of a thing or an event stays a claim: "The attack was critical to the group's revival." has no
//! course of action as its subject, and "The border is necessary for trade" no "may be".

use super::Starts;
use crate::text::lexicon::WordList;
use crate::text::words::Token;

static ADVISABLE: WordList = WordList::embedded(include_str!("../data/advisable.txt"));

/// Whether the main clause advises: by the worth of a course of action, as an option ("Congress may wish to
/// consider …", "Parliament could also require …"), or as recommendations made ("GAO is making four
/// recommendations").
pub fn advises(tokens: &[Token], starts: Starts) -> bool {
    // The main clause's words in lower case, up to a mark other than a comma, an apostrophe or a hyphen.
    let words: Vec<&str> = tokens[starts.main.min(tokens.len())..]
        .iter()
        .take_while(|t| t.word || t.is(&[',', '\'', '’', '-']))
        .filter(|t| t.word)
        .map(|t| t.lower())
        .collect();
    worth_of_a_course(&words) || what_a_course_requires(&words) || offers_an_option(&words[..words.len().min(12)])
}

/// "Countering the threat requires a coordinated strategy.", "This requires relentless attention.", "Any such
/// initiative requires a solid legal basis.": what a course of action, or any case of one, needs; a thing or an
/// event's needs ("The operation required 500 troops", "The militia requires fuel") stay claims.
fn what_a_course_requires(words: &[&str]) -> bool {
    let Some(verb) = words
        .iter()
        .take(12)
        .position(|w| matches!(*w, "requires" | "require" | "demands" | "necessitates"))
    else {
        return false;
    };
    let subject: Vec<&str> = words[..verb]
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "will" | "may" | "would" | "could" | "also" | "therefore" | "thus"))
        .collect();
    match subject.as_slice() {
        ["this" | "that" | "it"] => true,
        [first, ..] => is_gerund(first) || matches!(*first, "any" | "every" | "each"),
        [] => false,
    }
}

/// Words for making a law or a rule, which a lawmaker "could" do as an option for it.
static LAWMAKING: WordList = WordList::embedded(include_str!("../data/lawmaking_verbs.txt"));
/// Legislatures, whose options a policy report lays out ("Congress could require …"); a government "could
/// require weeks" to do something.
const LEGISLATURES: &[&str] = &[
    "congress",
    "parliament",
    "senate",
    "house",
    "assembly",
    "legislature",
    "lawmakers",
    "legislators",
];

/// "X may wish to …", "X might want to …"; a lawmaker that "could (also) require / direct / amend …"; "X is
/// making four recommendations".
fn offers_an_option(words: &[&str]) -> bool {
    let lawmaker = words.first().is_some_and(|w| LEGISLATURES.contains(w))
        || words.get(1).is_some_and(|w| LEGISLATURES.contains(w)) && words[0] == "the";
    words.windows(3).any(|w| match w {
        ["may" | "might", "wish" | "want", "to"] => true,
        ["is" | "are", "making", count] => words.iter().skip_while(|x| **x != "making").nth(2).is_some_and(|next| {
            next.starts_with("recommendation")
                && (count.bytes().all(|b| b.is_ascii_digit()) || crate::claims::cues::FIGURE_WORDS.contains(count))
        }),
        _ => false,
    }) || lawmaker
        && words.windows(3).any(|w| {
            matches!(w[0], "could" | "might")
                && (LAWMAKING.contains(w[1]) || w[1] == "also" && LAWMAKING.contains(w[2]))
        })
}

/// Whether the main clause advises by the worth of a course of action.
fn worth_of_a_course(words: &[&str]) -> bool {
    let Some(copula) = words
        .iter()
        .take(14)
        .position(|w| matches!(*w, "is" | "are" | "be" | "remains"))
    else {
        return false;
    };
    let (subject, after) = (&words[..copula], &words[copula + 1..]);
    let complement = after
        .iter()
        .copied()
        .skip_while(|w| {
            matches!(
                *w,
                "very" | "especially" | "particularly" | "most" | "also" | "all" | "more" | "even"
            )
        })
        .collect::<Vec<_>>();
    let worth = |w: &&str| ADVISABLE.contains(w);
    let head = complement.first();
    let modal_be =
        copula >= 1 && words[copula] == "be" && matches!(words[copula - 1], "may" | "might" | "could" | "would");
    // "A new strategy may be appropriate."
    if modal_be && head.is_some_and(worth) && complement.len() <= 3 {
        return true;
    }
    let course = subject.first().is_some_and(|w| is_gerund(w));
    // "Finding ways … will be very important.", "Learning from these incidents is a continuing process."
    if course
        && head.is_some_and(|w| {
            worth(w)
                || *w == "a"
                    && complement
                        .get(1)
                        .is_some_and(|n| matches!(*n, "key" | "continuing" | "priority"))
        })
    {
        return true;
    }
    // "The key to success is ensuring …", "Part of effective management is balancing …".
    let key_to = matches!(
        subject,
        ["the" | "a", "key", "to" | "element" | "part", ..] | ["part", "of", ..] | ["one", "key", ..]
    );
    key_to && head.is_some_and(|w| is_gerund(w))
}

/// "finding", "ensuring", "recruiting": an "-ing" word long enough not to be "king" or "thing", and no noun
/// that ends so ("building", "meeting", "briefing", "funding" work as nouns too, but as a subject before "is
/// important" they name the course of action all the same).
fn is_gerund(word: &str) -> bool {
    // "Being able to deliver data … is key to our success."
    word == "being"
        || word.len() > 5
            && word.ends_with("ing")
            && !matches!(
                word,
                "during" | "morning" | "evening" | "anything" | "nothing" | "something" | "everything"
            )
}

/// "We recommend that the United States and its partners:", "The Council should:": a lead-in whose list items
/// complete a recommendation.
pub fn leads_into_advice(text: &str) -> bool {
    let text = text.trim_end();
    if !text.ends_with(':') {
        return false;
    }
    let lower = text.to_lowercase();
    [
        "recommend",
        " should",
        " must",
        " urge",
        " call on",
        " calls on",
        " ought to",
        " need to",
        " needs to",
        " propose",
    ]
    .iter()
    .any(|word| lower.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lower_case::Lowered;
    use crate::text::words::tokens_into;

    fn advice(text: &str) -> bool {
        let mut lowered = Lowered::with_capacity(text.len());
        lowered.push(text);
        let mut tokens = Vec::new();
        tokens_into(text, lowered.part(0..text.len()), &mut tokens);
        advises(&tokens, Starts::of(&tokens))
    }

    #[test]
    fn the_worth_of_a_course_of_action_advises() {
        for text in [
            "Finding ways to bring in new technology will be very important.",
            "In a time of change, finding new partners will be essential.",
            "For this reason, a new strategy may be appropriate.",
            "Further sanctions might be warranted.",
            "The key to success is ensuring that the agencies share data.",
            "Part of effective management is balancing requirements across systems.",
            "Learning from these incidents is a continuing process.",
            "Congress may wish to consider whether the staffing is sufficient.",
            "Congress could also require the DNI to report annually on the number of analysts.",
            "GAO is making four recommendations, including that CBP collect consistent data.",
        ] {
            assert!(advice(text), "{text}");
        }
    }

    #[test]
    fn the_worth_of_a_thing_or_an_event_is_a_claim() {
        for text in [
            "The attack was critical to the group's revival.",
            "The border crossing is necessary for trade.",
            "The militants' funding is key to their survival.",
            "Pakistan's cooperation is important for the talks.",
            "The ceasefire may be collapsing.",
            "The group may be responsible for the attack.",
            "The government could require weeks to restore power.",
            "The army could also strike the camps again.",
        ] {
            assert!(!advice(text), "{text}");
        }
    }
}
