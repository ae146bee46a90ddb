//! A cheap test of which cue patterns could match a text, from the words in it, so that the patterns that cannot
//! are not run. Each pattern comes with key words: every match of it has an ASCII word (a run of `[A-Za-z0-9_]`,
//! as the patterns' ASCII `\b` sees words) that begins with one of them, ignoring case. A key word is a literal of
//! the pattern after `\b`, a space or another non-word character: its first word, or a later one ("confidence"
//! in "high confidence"). One look-up per word answers for every pattern of a gate at once, where a case-
//! insensitive regex per pattern scans every byte. It pays on words already split (`open_word`, asked of each word
//! token as the classifier counts them): a pass of its own over the bytes costs about what one such regex does.
//!
//! The answer may be "could" when the pattern does not match (the regex then decides), never "cannot" when it
//! does: a text with a char that case-insensitive matching folds into an ASCII letter (the Kelvin sign, the long
//! s) or with a digit outside ASCII opens every pattern.

use crate::text::words::Token;

/// The patterns that may match a text: bit `i` for the `i`th list of key words given to [`WordGate::new`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Open(u32);

impl Open {
    /// Every pattern open.
    pub const EVERY: Open = Open(u32::MAX);
    /// No pattern open.
    pub const NONE: Open = Open(0);

    pub fn may_match(self, pattern: usize) -> bool {
        self.0 & (1 << pattern) != 0
    }
}

pub struct WordGate {
    /// Key words by their first two bytes in lower case (see `bucket`), each with the patterns it opens.
    buckets: Vec<Vec<(Box<[u8]>, u32)>>,
    /// Per bucket, every pattern one of its key words opens: most words' buckets open none. Fixed in size, and
    /// large enough for any two bytes' bucket, so that asking it needs no bounds check.
    bucket_bits: Box<[u32; BUCKETS]>,
    /// Per bucket, the third bytes of its key words (bit `WORD_BYTE` of the byte), and bit `TWO_BYTE_KEY` if it
    /// holds a key word of two bytes: most words that share a bucket with key words are ruled out by this.
    third_bytes: Box<[u64; BUCKETS]>,
    /// Which first bytes, in either case, start a key word of one byte, and the patterns those open.
    single: [u32; 256],
    all: u32,
}

const WORD_BYTES: usize = 37;
/// Every value of `bucket`, whatever its bytes.
const BUCKETS: usize = 255 * WORD_BYTES + 256;
const TWO_BYTE_KEY: u64 = 1 << 63;
const NOT_A_WORD_BYTE: u8 = u8::MAX;

/// Per byte: 0–25 a letter, 26–35 a digit, 36 the underscore, `NOT_A_WORD_BYTE` a byte that ends a word.
static WORD_BYTE: [u8; 256] = {
    let mut table = [NOT_A_WORD_BYTE; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = match byte {
            b'a'..=b'z' => byte - b'a',
            b'A'..=b'Z' => byte - b'A',
            b'0'..=b'9' => 26 + byte - b'0',
            b'_' => 36,
            _ => NOT_A_WORD_BYTE,
        };
        b += 1;
    }
    table
};

fn bucket(first: u8, second: u8) -> usize {
    usize::from(first) * WORD_BYTES + usize::from(second)
}

impl WordGate {
    /// One list of key words per pattern, at most 32 patterns.
    pub fn new<'a>(patterns: impl IntoIterator<Item = impl IntoIterator<Item = &'a str>>) -> WordGate {
        let mut gate = WordGate {
            buckets: vec![Vec::new(); WORD_BYTES * WORD_BYTES],
            bucket_bits: Box::new([0; BUCKETS]),
            third_bytes: Box::new([0; BUCKETS]),
            single: [0; 256],
            all: 0,
        };
        for (index, words) in patterns.into_iter().enumerate() {
            assert!(index < 32, "a word gate holds at most 32 patterns");
            let bit = 1 << index;
            gate.all |= bit;
            for word in words {
                let codes: Vec<u8> = word.bytes().map(|b| WORD_BYTE[usize::from(b)]).collect();
                assert!(
                    !codes.is_empty() && !codes.contains(&NOT_A_WORD_BYTE),
                    "key word {word:?} is not an ASCII word"
                );
                if let [first, second, ..] = codes[..] {
                    let at = bucket(first, second);
                    gate.bucket_bits[at] |= bit;
                    gate.third_bytes[at] |= codes.get(2).map_or(TWO_BYTE_KEY, |&third| 1 << third);
                    let lower = word.to_ascii_lowercase().into_bytes().into_boxed_slice();
                    match gate.buckets[at].iter_mut().find(|(key, _)| *key == lower) {
                        Some((_, bits)) => *bits |= bit,
                        None => gate.buckets[at].push((lower, bit)),
                    }
                } else {
                    let first = word.as_bytes()[0];
                    gate.single[usize::from(first.to_ascii_lowercase())] |= bit;
                    gate.single[usize::from(first.to_ascii_uppercase())] |= bit;
                }
            }
        }
        gate
    }

    /// The patterns that may match `text`.
    pub fn open(&self, text: &str) -> Open {
        let bytes = text.as_bytes();
        let mut open = 0;
        let mut at = 0;
        while at < bytes.len() {
            let byte = bytes[at];
            if WORD_BYTE[usize::from(byte)] == NOT_A_WORD_BYTE {
                if byte >= 0xC0 && folds_into_ascii_or_is_a_digit(text, at) {
                    return Open(self.all);
                }
                at += 1;
                continue;
            }
            let start = at;
            at += 1;
            while at < bytes.len() && WORD_BYTE[usize::from(bytes[at])] != NOT_A_WORD_BYTE {
                at += 1;
            }
            open |= self.opened_by(&bytes[start..at], open, Case::Any);
        }
        Open(open)
    }

    /// The same as [`WordGate::open`] of the text the tokens come from, from its words: [`WordGate::open_word`]
    /// of each. The classifier asks `open_word` as it counts the tokens; the tests hold this fold to `open`.
    #[cfg(test)]
    pub fn open_tokens(&self, tokens: &[Token]) -> Open {
        tokens
            .iter()
            .filter(|t| t.word)
            .fold(Open(0), |open, word| self.open_word(word, open))
    }

    /// `open` and the patterns a word token opens, the same as [`WordGate::open`] of its text: a word of ASCII
    /// letters and digits is looked up in its lower case, without going over its bytes again.
    #[inline(always)]
    pub fn open_word(&self, word: &Token, open: Open) -> Open {
        Open(
            open.0
                | if word.is_ascii_word() {
                    self.opened_by(word.lower().as_bytes(), open.0, Case::Lower)
                } else {
                    self.open(word.text).0
                },
        )
    }

    /// For patterns anchored at the start of the text whose match begins with a letter: the same as
    /// [`WordGate::open`], from the first word alone, since such a match begins with it.
    pub fn open_first_word(&self, tokens: &[Token]) -> Open {
        match tokens.first() {
            Some(first) if first.word && first.range().start == 0 && first.is_ascii_word() => {
                Open(self.opened_by(first.lower().as_bytes(), 0, Case::Lower))
            }
            Some(first) if first.word && first.range().start == 0 => self.open(first.text),
            _ => Open(0),
        }
    }

    /// The patterns a whole ASCII word opens beyond those in `open`.
    #[inline(always)]
    fn opened_by(&self, word: &[u8], open: u32, case: Case) -> u32 {
        let mut opened = self.single[usize::from(word[0])];
        let Some(&second) = word.get(1) else {
            return opened;
        };
        let at = bucket(WORD_BYTE[usize::from(word[0])], WORD_BYTE[usize::from(second)]);
        let third = word.get(2).map_or(0, |&b| 1 << WORD_BYTE[usize::from(b)]);
        if self.bucket_bits[at] & !open == 0 || self.third_bytes[at] & (third | TWO_BYTE_KEY) == 0 {
            return opened;
        }
        for (key, bits) in &self.buckets[at] {
            // The bucket holds only keys whose first two bytes are the word's, up to case.
            let starts_with_key = word.len() >= key.len()
                && match case {
                    // A loop: key words are short, and `==` on slices calls `bcmp`.
                    Case::Lower => word[2..key.len()].iter().zip(&key[2..]).all(|(w, k)| w == k),
                    Case::Any => word[2..key.len()].eq_ignore_ascii_case(&key[2..]),
                };
            if starts_with_key {
                opened |= bits;
            }
        }
        opened
    }
}

/// The case of a word given to [`WordGate::opened_by`]; the key words are in lower case.
#[derive(Clone, Copy)]
enum Case {
    Lower,
    Any,
}

/// Whether the char starting at `at` (a lead byte outside ASCII) matches an ASCII letter under case-insensitive
/// matching (U+212A KELVIN SIGN is "k", U+017F LONG S is "s") or `\d` (a decimal digit of another script).
fn folds_into_ascii_or_is_a_digit(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '\u{212A}' | '\u{017F}') || c.is_numeric())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;

    #[test]
    fn opens_a_pattern_on_a_word_that_starts_with_a_key() {
        let gate = WordGate::new([vec!["confidence"], vec!["report", "day"], vec!["7"]]);
        let open = gate.open("We have high-Confidence in reports of 7 attacks");
        assert!(open.may_match(0) && open.may_match(1) && open.may_match(2));
        let open = gate.open("Nothing: a misreport, unconfident, x7, today");
        assert!(!open.may_match(0) && !open.may_match(1) && !open.may_match(2));
        assert!(gate.open("on days_off").may_match(1));
    }

    #[test]
    fn tokens_open_what_their_text_opens() {
        let gate = WordGate::new([vec!["led"], vec!["day"], vec!["7"], vec!["likely"]]);
        for text in [
            "TTP-led raids",
            "two days_off",
            "x7 and 7th",
            "li\u{212A}ely",
            "Ürümqi’s likely",
            "it led.",
            "LIKELY, Days and dAY",
        ] {
            assert_eq!(
                gate.open_tokens(&crate::text::lower_case::Lowered::of(text).tokens(text)),
                gate.open(text),
                "{text}"
            );
        }
    }

    #[test]
    fn opens_every_pattern_on_chars_that_fold_into_ascii_or_are_digits() {
        let gate = WordGate::new([vec!["likely"], vec!["5"]]);
        assert_eq!(gate.open("li\u{212A}ely"), Open(0b11));
        assert_eq!(gate.open("٣ fighters"), Open(0b11));
        assert_eq!(gate.open("Ürümqi’s “likely”"), Open(0b01));
    }

    /// Checks that `words` are key words of `regex`: text made of a match of it (without its word boundaries and
    /// anchor, which the generator cannot make) and random words around it opens the gate whenever the regex
    /// matches it; for a regex anchored at the start, from the first word too.
    pub(crate) fn check_key_words(regex: &Regex, words: &[&str]) {
        let gate = WordGate::new([words.iter().copied()]);
        let anchored = regex.as_str().starts_with('^');
        let generated = regex.as_str().replace(r"(?-u:\b)", "").replace(r"\b", "");
        let generated = generated.trim_start_matches('^');
        let matching = proptest::string::string_regex(generated).expect("the generator takes the pattern");
        let around = || proptest::string::string_regex(r"[ a-zA-Z.,'’é-]{0,12}").unwrap();
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(2000));
        runner
            .run(
                &(around(), matching, around()),
                |(before, matched, after): (String, String, String)| {
                    for text in [
                        format!("{before}{matched}{after}"),
                        matched.clone(),
                        format!(" {matched} "),
                    ] {
                        if regex.is_match(&text) {
                            prop_assert!(gate.open(&text).may_match(0), "{text:?} matches but the gate is shut");
                            let first_word =
                                gate.open_first_word(&crate::text::lower_case::Lowered::of(&text).tokens(&text));
                            prop_assert!(
                                !anchored || first_word.may_match(0),
                                "{text:?}: its first word shuts it"
                            );
                        }
                    }
                    Ok(())
                },
            )
            .unwrap();
    }
}
