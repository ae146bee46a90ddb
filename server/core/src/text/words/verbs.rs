//! Telling verbs from other words: auxiliaries, the forms of common verbs, and where a word works as a verb.

use super::verb_bases::{derived_forms, VERB_BASES};
use super::Token;
use crate::text::lexicon::{Lexicon, WordTable};

static AUXILIARIES: Lexicon = Lexicon::new(&[
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "will", "would", "can", "could",
    "may", "might", "must", "shall", "should", "do", "does", "did", "it's", "won't", "can't", "didn't", "doesn't",
    "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't",
]);

static IRREGULAR_FORMS: Lexicon = Lexicon::new(&[
    "said",
    "told",
    "took",
    "taken",
    "gave",
    "given",
    "made",
    "came",
    "went",
    "gone",
    "began",
    "begun",
    "fought",
    "held",
    "led",
    "fled",
    "left",
    "kept",
    "met",
    "hit",
    "struck",
    "stole",
    "stolen",
    "sought",
    "sent",
    "spent",
    "built",
    "brought",
    "bought",
    "caught",
    "thought",
    "found",
    "won",
    "lost",
    "shot",
    "put",
    "cut",
    "ran",
    "rose",
    "risen",
    "fell",
    "fallen",
    "grew",
    "grown",
    "drew",
    "drawn",
    "knew",
    "known",
    "saw",
    "seen",
    "wrote",
    "written",
    "spoke",
    "spoken",
    "broke",
    "broken",
    "chose",
    "chosen",
    "drove",
    "driven",
    "became",
    "hid",
    "hidden",
    "stood",
    "understood",
    "withdrew",
    "withdrawn",
    "blew",
    "threw",
    "thrown",
    "flew",
    "shook",
    "laid",
    "paid",
    "sold",
    "heard",
    "meant",
    "felt",
    "dealt",
    "sank",
    "hung",
    "lit",
    "upheld",
    "withheld",
    "overthrew",
    "shown",
    "done",
    "does",
    "goes",
    "says",
    "has",
    "got",
    "slain",
    "overran",
    "undertook",
    "undertaken",
]);

/// Participles that mostly work as adjectives in this prose; never taken as the verb of a sentence.
static ADJECTIVAL_ED: Lexicon = Lexicon::new(&[
    "armed",
    "united",
    "limited",
    "detailed",
    "advanced",
    "sophisticated",
    "coordinated",
    "organised",
    "organized",
    "concerned",
    "related",
    "supposed",
    "alleged",
    "unprecedented",
    "red",
    "bed",
    "hundred",
    "need",
    "speed",
    "seed",
    "creed",
    "sacred",
    "naked",
    "wicked",
    "beloved",
    "aged",
    "biased",
    "banned",
    "proscribed",
    "designated",
    "suspected",
    "so-called",
    "based",
    "unidentified",
    "unnamed",
    "unconfirmed",
    "embattled",
    "disputed",
    "contested",
    "restricted",
    "merged",
    "federally",
    "administered",
]);

fn verb_forms() -> &'static WordTable {
    static FORMS: std::sync::OnceLock<WordTable> = std::sync::OnceLock::new();
    FORMS.get_or_init(|| {
        let irregular = IRREGULAR_FORMS.words().iter().map(|s| s.to_string());
        let regular = VERB_BASES
            .iter()
            .flat_map(|base| [base.to_string()].into_iter().chain(derived_forms(base)));
        WordTable::new(irregular.chain(regular))
    })
}

/// Whether `lower` is the base form of a common verb ("develop", "take"): the form of an imperative.
pub fn is_base_form(lower: &str) -> bool {
    static BASES: std::sync::OnceLock<WordTable> = std::sync::OnceLock::new();
    BASES
        .get_or_init(|| WordTable::new(VERB_BASES.iter().copied()))
        .contains(lower)
}

pub fn is_auxiliary(token: &Token, first: bool) -> bool {
    // "May" inside a sentence is the month.
    let lower = token.lower();
    AUXILIARIES.contains(lower) && (first || token.text == lower)
}

/// Whether a word is likely a finite verb or a participle (the mark of a clause rather than a fragment).
pub fn is_verb(token: &Token, first: bool) -> bool {
    // A capital inside the sentence makes a name; asked first, as it costs less than a look-up.
    if !token.word || (token.capitalised() && !first) {
        return false;
    }
    let lower = token.lower();
    if ADJECTIVAL_ED.contains(lower) {
        return false;
    }
    // The suffix guesses apply to lower-case words only: "ACLED" and "Ahmed" are names.
    let lower_case = || token.text == lower;
    is_auxiliary(token, first)
        || verb_forms().contains(lower)
        || (lower.len() > 4 && lower.ends_with("ed") && !lower.contains('-') && lower_case())
        || (lower.len() > 5 && (lower.ends_with("ised") || lower.ends_with("ized")) && lower_case())
}

/// Words that open a noun phrase: the word after one is a noun ("the attack", "its post"), not a verb.
/// "this" and "that" are left out, since they also stand alone as subjects ("This marks …").
static NOUN_OPENERS: Lexicon = Lexicon::new(&[
    "a", "an", "the", "its", "their", "his", "our", "my", "your", "every", "each", "no",
]);

/// Whether the token at `index` works as a verb where it stands: not right after a word that opens a noun
/// phrase, nor after a number ("14 attacks").
pub fn is_verb_at(tokens: &[Token], index: usize) -> bool {
    // After a possessive ("the DNI's place") a word is a noun too.
    let after_opener = || {
        index.checked_sub(1).map(|i| &tokens[i]).is_some_and(|before| {
            before.word
                && (NOUN_OPENERS.contains(before.lower())
                    || before.text.starts_with(|c: char| c.is_ascii_digit())
                    || before.lower().ends_with("'s")
                    || before.lower().ends_with("’s"))
        })
    };
    // "designated the cartel", "suspected that": a participle that mostly works as an adjective is a verb
    // before an object or a clause.
    let adjectival_before_object = || {
        let token = &tokens[index];
        token.text == token.lower()
            && ADJECTIVAL_ED.contains(token.lower())
            && tokens.get(index + 1).is_some_and(|next| {
                matches!(
                    next.lower(),
                    "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "these" | "those" | "that"
                )
            })
    };
    // The word is asked first: in the subjects and fragments searched, most words are no verb.
    tokens[index].word && (is_verb(&tokens[index], index == 0) || adjectival_before_object()) && !after_opener()
}

/// A verb whose form leaves no doubt that it is one: an auxiliary, or a past form ("came", "suspended"). Base
/// and -s forms ("attack", "claims", "forces") are as often nouns.
pub fn is_unmistakable_verb_at(tokens: &[Token], index: usize) -> bool {
    let token = &tokens[index];
    let lower = token.lower();
    is_verb_at(tokens, index)
        && (is_auxiliary(token, index == 0)
            || lower.ends_with("ed")
            || (IRREGULAR_FORMS.contains(lower) && !lower.ends_with('s')))
}

pub fn has_verb(tokens: &[Token]) -> bool {
    (0..tokens.len()).any(|i| is_verb_at(tokens, i))
}

static IRREGULAR_PARTICIPLES: Lexicon = Lexicon::new(&[
    "seen",
    "shown",
    "taken",
    "given",
    "made",
    "written",
    "known",
    "held",
    "found",
    "drawn",
    "sent",
    "told",
    "kept",
    "brought",
    "caught",
    "built",
    "led",
    "left",
    "struck",
    "stolen",
    "begun",
    "gone",
    "fallen",
    "risen",
    "grown",
    "thrown",
    "hidden",
    "spoken",
    "chosen",
    "driven",
    "broken",
    "beaten",
    "put",
    "cut",
    "set",
    "hit",
    "shot",
    "lost",
    "won",
    "met",
    "read",
    "bought",
    "sought",
    "fought",
    "spent",
    "paid",
    "heard",
    "sold",
    "broadcast",
    "overseen",
]);

/// Whether a word has the form of a past participle ("reported", "seen", "written").
pub fn is_past_participle(lower: &str) -> bool {
    lower.ends_with("ed") || IRREGULAR_PARTICIPLES.contains(lower)
}
