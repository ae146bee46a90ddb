//! Splitting a sentence into words and punctuation, and telling verbs from other words.

use super::lower_case::LowerCase;
use crate::document::sentences::char_at;
use crate::text::lexicon::{Lexicon, WordTable};
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'t> {
    pub text: &'t str,
    /// Lower-cased before the tokens are made, since every lexicon compares in lower case (see `lower_case`).
    lower: &'t str,
    /// Where `text` starts in the sentence.
    start: usize,
    /// `true` for a word, `false` for a single punctuation mark.
    pub word: bool,
    /// Only ASCII letters and digits: one word as the cue patterns' ASCII `\b` sees words.
    ascii_word: bool,
}
impl<'t> Token<'t> {
    /// Where the token stands in the sentence.
    pub fn range(&self) -> Range<usize> {
        self.start..self.start + self.text.len()
    }

    pub fn is(&self, punct: &[char]) -> bool {
        !self.word && self.text.chars().next().is_some_and(|c| punct.contains(&c))
    }

    pub fn lower(&self) -> &'t str {
        self.lower
    }

    pub fn is_ascii_word(&self) -> bool {
        self.ascii_word
    }

    pub fn capitalised(&self) -> bool {
        // Asked of most words: an ASCII first byte is read as it is, not decoded.
        self.word
            && match self.text.as_bytes().first() {
                Some(byte) if byte.is_ascii() => byte.is_ascii_uppercase(),
                _ => self.text.chars().next().is_some_and(char::is_uppercase),
            }
    }
}

/// Words keep inner apostrophes, hyphens and dots ("Pakistan's", "TTP-led", "U.S"); all else is punctuation.
/// The tokens of `text` into `out` (cleared first, so that one buffer serves every sentence), each borrowing its
/// lower case from `lower`, the text's.
pub fn tokens_into<'t>(text: &'t str, lower: LowerCase<'t>, out: &mut Vec<Token<'t>>) {
    debug_assert_eq!(text.len(), lower.ascii.len());
    out.clear();
    tokenise_into(text, lower, out);
}

/// What the tokeniser makes of each byte: ASCII is nearly all of the text, so it is classified by one look-up,
/// and only bytes outside ASCII (`OTHER`) are decoded into chars.
const ALPHANUMERIC: u8 = 1;
/// A mark that may join two parts of one word: ' - . ,
const JOINER: u8 = 2;
const WHITESPACE: u8 = 4;
const OTHER: u8 = 8;

static BYTE_CLASS: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => ALPHANUMERIC,
            b'\'' | b'-' | b'.' | b',' => JOINER,
            // `char::is_whitespace` in ASCII.
            b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => WHITESPACE,
            0x80.. => OTHER,
            _ => 0,
        };
        b += 1;
    }
    table
};

pub(super) fn tokenise_into<'t>(text: &'t str, lower: LowerCase<'t>, out: &mut Vec<Token<'t>>) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        let class = BYTE_CLASS[usize::from(byte)];
        let start = at;
        if class & WHITESPACE != 0 {
            at += 1;
        } else if class & ALPHANUMERIC != 0 && byte.is_ascii() {
            // (An alphanumeric class is ASCII; asked again so that the compiler knows the word starts a char.)
            let shape = word_end(text, at + 1);
            at = shape.end;
            let word = &text[start..at];
            let lower = if shape.ascii {
                &lower.ascii[start..at]
            } else {
                lower.of_token_outside_ascii(start..at)
            };
            out.push(Token {
                text: word,
                start,
                word: true,
                lower,
                ascii_word: shape.ascii_word,
            });
            // Most words are followed by one space, skipped here rather than by another turn of the loop.
            at += usize::from(bytes.get(at) == Some(&b' '));
        } else if class & OTHER == 0 {
            at += 1;
            let mark = &text[start..at];
            out.push(Token {
                text: mark,
                start,
                word: false,
                lower: mark,
                ascii_word: false,
            });
        } else {
            at = push_from_other_char(text, at, lower, out);
        }
    }
}

/// The token that starts with a char outside ASCII, if it makes one: out of the ASCII loop, as it is rare.
#[inline(never)]
fn push_from_other_char<'t>(text: &'t str, start: usize, lower: LowerCase<'t>, out: &mut Vec<Token<'t>>) -> usize {
    let c = char_at(text, start).unwrap_or('\u{FFFD}');
    let mut at = start + c.len_utf8();
    if c.is_alphanumeric() {
        at = word_end(text, at).end;
        let word = &text[start..at];
        out.push(Token {
            text: word,
            start,
            word: true,
            lower: lower.of_token_outside_ascii(start..at),
            ascii_word: false,
        });
    } else if !c.is_whitespace() {
        let mark = &text[start..at];
        out.push(Token {
            text: mark,
            start,
            word: false,
            lower: lower.of_token_outside_ascii(start..at),
            ascii_word: false,
        });
    }
    at
}

/// Where a word that goes on at `at` ends, and whether what follows its first char is ASCII.
struct WordEnd {
    end: usize,
    ascii: bool,
    /// Only ASCII letters and digits after the first char.
    ascii_word: bool,
}

fn word_end(text: &str, mut at: usize) -> WordEnd {
    let bytes = text.as_bytes();
    let mut ascii = true;
    let mut ascii_word = true;
    loop {
        at += bytes[at..]
            .iter()
            .position(|&b| BYTE_CLASS[usize::from(b)] & ALPHANUMERIC == 0)
            .unwrap_or(bytes.len() - at);
        // Other ASCII ends the word unless it is a mark that joins two parts of one.
        let next_class = bytes.get(at).map_or(0, |&b| BYTE_CLASS[usize::from(b)]);
        if next_class & (JOINER | OTHER) == 0 {
            break;
        }
        // An ASCII joining mark joins only a letter or digit after it: most (a full stop, a comma) end the word
        // before a space, told here without decoding.
        let after_mark = bytes.get(at + 1).map_or(0, |&b| BYTE_CLASS[usize::from(b)]);
        if next_class & JOINER != 0 && after_mark & (ALPHANUMERIC | OTHER) == 0 {
            break;
        }
        let Some((after, joined_ascii)) = joined_char(text, at, next_class) else {
            break;
        };
        ascii &= joined_ascii;
        ascii_word = false;
        at = after;
    }
    WordEnd {
        end: at,
        ascii,
        ascii_word,
    }
}

/// If the char at `at` (a joining mark or a char outside ASCII) goes on the word before it: where it ends, and
/// whether it is ASCII. Out of the word loop, as most words end at a space.
#[inline(never)]
fn joined_char(text: &str, at: usize, class: u8) -> Option<(usize, bool)> {
    let c = char_at(text, at)?;
    let after = at + c.len_utf8();
    // A comma joins digits only ("6,000"); the byte before it is the last of the char before it.
    let previous_digit = text.as_bytes()[at - 1].is_ascii_digit();
    let joins = matches!(c, '\'' | '’' | '-' | '.' | ',' | '‑')
        && char_at(text, after)
            .is_some_and(|n| n.is_alphanumeric() && (c != ',' || (previous_digit && n.is_ascii_digit())));
    (joins || (class & OTHER != 0 && c.is_alphanumeric())).then_some((after, c.is_ascii()))
}

static AUXILIARIES: Lexicon = Lexicon::new(&[
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "will", "would", "can", "could",
    "may", "might", "must", "shall", "should", "do", "does", "did", "it's", "won't", "can't", "didn't", "doesn't",
    "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't",
]);

/// Common verbs of briefing prose, as bases; their -s and -ed forms are derived.
const VERB_BASES: &[&str] = &[
    "accept",
    "accuse",
    "achieve",
    "acknowledge",
    "act",
    "add",
    "advance",
    "affect",
    "agree",
    "aim",
    "allege",
    "allow",
    "announce",
    "appear",
    "approve",
    "argue",
    "arrest",
    "arrive",
    "assert",
    "assess",
    "attack",
    "attempt",
    "attend",
    "attribute",
    "avoid",
    "ban",
    "become",
    "begin",
    "believe",
    "block",
    "bomb",
    "border",
    "break",
    "bring",
    "build",
    "call",
    "capture",
    "carry",
    "cause",
    "centralise",
    "centralize",
    "change",
    "charge",
    "cite",
    "claim",
    "clash",
    "close",
    "collapse",
    "combine",
    "come",
    "commit",
    "complete",
    "concede",
    "conclude",
    "condemn",
    "conduct",
    "confirm",
    "consider",
    "constitute",
    "contain",
    "continue",
    "control",
    "coordinate",
    "cost",
    "count",
    "create",
    "cross",
    "curb",
    "damage",
    "deal",
    "decide",
    "decline",
    "declare",
    "defeat",
    "defend",
    "delay",
    "deliver",
    "demand",
    "demonstrate",
    "deny",
    "deploy",
    "describe",
    "destroy",
    "detain",
    "deter",
    "develop",
    "die",
    "disclose",
    "dismantle",
    "displace",
    "dispute",
    "draw",
    "drive",
    "drop",
    "ease",
    "emerge",
    "emphasise",
    "emphasize",
    "enable",
    "end",
    "enforce",
    "engage",
    "ensure",
    "enter",
    "escalate",
    "establish",
    "estimate",
    "evacuate",
    "exceed",
    "execute",
    "expand",
    "expect",
    "explain",
    "explode",
    "expose",
    "extend",
    "face",
    "facilitate",
    "fail",
    "fall",
    "fear",
    "fight",
    "fire",
    "flee",
    "follow",
    "force",
    "form",
    "fuel",
    "gain",
    "get",
    "give",
    "go",
    "govern",
    "grow",
    "guide",
    "halt",
    "happen",
    "have",
    "head",
    "hold",
    "host",
    "identify",
    "ignore",
    "impose",
    "improve",
    "include",
    "increase",
    "indicate",
    "infiltrate",
    "injure",
    "insist",
    "intensify",
    "intercept",
    "issue",
    "join",
    "judge",
    "keep",
    "kidnap",
    "kill",
    "know",
    "launch",
    "lead",
    "leave",
    "lie",
    "limit",
    "link",
    "lose",
    "maintain",
    "make",
    "manage",
    "mark",
    "mean",
    "meet",
    "mention",
    "merge",
    "move",
    "need",
    "negotiate",
    "neutralise",
    "neutralize",
    "note",
    "observe",
    "occupy",
    "occur",
    "offer",
    "open",
    "operate",
    "oppose",
    "order",
    "orchestrate",
    "participate",
    "pass",
    "persist",
    "plan",
    "play",
    "pledge",
    "point",
    "pose",
    "predate",
    "prepare",
    "press",
    "prevent",
    "proceed",
    "promise",
    "propose",
    "protect",
    "prove",
    "provide",
    "publish",
    "pursue",
    "push",
    "raise",
    "reach",
    "receive",
    "recover",
    "recruit",
    "reduce",
    "refuse",
    "regain",
    "reiterate",
    "reject",
    "release",
    "relocate",
    "remain",
    "repeat",
    "replace",
    "report",
    "represent",
    "require",
    "respond",
    "result",
    "resume",
    "retain",
    "return",
    "reveal",
    "rise",
    "rule",
    "run",
    "say",
    "secure",
    "see",
    "seek",
    "seize",
    "send",
    "set",
    "shape",
    "shift",
    "show",
    "sign",
    "signal",
    "spread",
    "stage",
    "start",
    "state",
    "stay",
    "stop",
    "stress",
    "strike",
    "suffer",
    "suggest",
    "support",
    "surge",
    "surrender",
    "suspend",
    "take",
    "target",
    "tell",
    "test",
    "threaten",
    "train",
    "travel",
    "trigger",
    "try",
    "turn",
    "underline",
    "underscore",
    "undermine",
    "urge",
    "use",
    "validate",
    "violate",
    "visit",
    "vow",
    "wage",
    "want",
    "warn",
    "weaken",
    "welcome",
    "win",
    "withdraw",
    "work",
    "worsen",
    "wound",
    "write",
    "ambush",
    "abduct",
    "behead",
    "besiege",
    "overrun",
    "shell",
    "storm",
    "raid",
    "detonate",
    "sabotage",
    "bar",
    "plot",
    "rally",
    "protest",
    "march",
    "vote",
    "elect",
    "appoint",
    "resign",
    "sanction",
    "designate",
    "list",
    "condemn",
    "host",
    "mediate",
    "broker",
    "stall",
    "collapse",
    "post",
    "tweet",
    "quote",
    // Verbs of recommendations and doctrine, whose base form opens an imperative.
    "strengthen",
    "revise",
    "clarify",
    "implement",
    "focus",
    "determine",
    "encourage",
    "enhance",
    "prioritize",
    "prioritise",
    "integrate",
    "streamline",
    "adopt",
    "adapt",
    "allocate",
    "align",
    "evaluate",
    "examine",
    "expedite",
    "foster",
    "formalize",
    "formalise",
    "invest",
    "leverage",
    "minimize",
    "minimise",
    "mitigate",
    "modernize",
    "modernise",
    "optimize",
    "optimise",
    "reassess",
    "reconsider",
    "reinforce",
    "resolve",
    "restructure",
    "safeguard",
    "specify",
    "standardize",
    "standardise",
    "sustain",
    "synchronize",
    "synchronise",
    "verify",
    "assist",
    "analyze",
    "analyse",
    "communicate",
    "compile",
    "define",
    "disseminate",
    "exploit",
    "notify",
    "obtain",
    "oversee",
    "perform",
    "produce",
    "submit",
];

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

fn derived_forms(base: &str) -> [String; 2] {
    let third = if base.ends_with(['s', 'x', 'z', 'o']) || base.ends_with("sh") || base.ends_with("ch") {
        format!("{base}es")
    } else if let Some(stem) = base.strip_suffix('y').filter(|s| !s.ends_with(['a', 'e', 'o', 'u'])) {
        format!("{stem}ies")
    } else {
        format!("{base}s")
    };
    let past = if base.ends_with('e') {
        format!("{base}d")
    } else if let Some(stem) = base.strip_suffix('y').filter(|s| !s.ends_with(['a', 'e', 'o', 'u'])) {
        format!("{stem}ied")
    } else {
        format!("{base}ed")
    };
    [third, past]
}

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
    // The word is asked first: in the subjects and fragments searched, most words are no verb.
    tokens[index].word && is_verb(&tokens[index], index == 0) && !after_opener()
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

#[cfg(test)]
mod tests;
