//! Splitting a sentence into words and punctuation, and telling verbs from other words.

mod verb_bases;
mod verbs;

pub use verbs::{
    has_verb, is_auxiliary, is_base_form, is_past_participle, is_unmistakable_verb_at, is_verb, is_verb_at,
};

use super::char_at;
use super::lower_case::LowerCase;
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

/// "5According to Border Patrol officials, …": a converted PDF ran a footnote's number into the first word of
/// its text. The number and the word are two tokens, as if a space stood between them.
fn split_run_in_note_number(tokens: &mut Vec<Token>) {
    let Some(first) = tokens.first().copied() else {
        return;
    };
    let digits = first.text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &first.text.as_bytes()[digits.min(first.text.len())..];
    let capitalised_word =
        rest.len() >= 3 && rest[0].is_ascii_uppercase() && rest[1..].iter().all(u8::is_ascii_lowercase);
    if !(first.ascii_word && (1..=3).contains(&digits) && capitalised_word) {
        return;
    }
    let number = Token {
        text: &first.text[..digits],
        lower: &first.lower[..digits],
        start: first.start,
        word: true,
        ascii_word: true,
    };
    let word = Token {
        text: &first.text[digits..],
        lower: &first.lower[digits..],
        start: first.start + digits,
        word: true,
        ascii_word: true,
    };
    tokens[0] = word;
    tokens.insert(0, number);
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
    tokenise_words_into(text, lower, out);
    split_run_in_note_number(out);
}

fn tokenise_words_into<'t>(text: &'t str, lower: LowerCase<'t>, out: &mut Vec<Token<'t>>) {
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

#[cfg(test)]
mod tests;
