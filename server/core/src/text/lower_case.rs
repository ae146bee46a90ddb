//! The lower case of a text's tokens, made before its tokens so that every token borrows its lower case instead
//! of owning a copy: the text in ASCII lower case at the same offsets (all the lowering an ASCII token needs),
//! and apart from it the lower case of each token outside ASCII that lowering changes, which may be longer or
//! shorter than the token (U+212A KELVIN SIGN lowers to "k").

use super::words::{self, Token};
use std::ops::Range;

/// A text (or several, one after another) in lower case, for its tokens.
#[derive(Default)]
pub struct Lowered {
    ascii: String,
    /// Per token outside ASCII that lowering changes, in order: where it starts in the text, and where its lower
    /// case is in `changed_text`.
    changed: Vec<(usize, Range<usize>)>,
    changed_text: String,
}

impl Lowered {
    /// One text in lower case, for the tokens of the whole of it.
    pub fn of(text: &str) -> Lowered {
        let mut lowered = Lowered::with_capacity(text.len());
        lowered.push(text);
        lowered.lower_tokens_outside_ascii(text, 0);
        lowered
    }

    pub fn with_capacity(length: usize) -> Lowered {
        Lowered {
            ascii: String::with_capacity(length),
            ..Lowered::default()
        }
    }

    /// Adds a text after those added before; where it starts is `self.len()` before.
    pub fn push(&mut self, text: &str) {
        let start = self.ascii.len();
        self.ascii.push_str(text);
        self.ascii[start..].make_ascii_lowercase();
    }

    pub fn len(&self) -> usize {
        self.ascii.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ascii.is_empty()
    }

    /// Lowers the tokens of `text` that hold a char outside ASCII which lowering changes, if any: `text` is a part
    /// of the texts added that starts at `start` and that will be split into tokens as a whole; parts are given
    /// in order of their starts. Any other token's lower case is its text's in ASCII lower case.
    pub fn lower_tokens_outside_ascii(&mut self, text: &str, start: usize) {
        // `is_ascii` reads eight bytes at a time.
        if text.is_ascii() || !any_lowering_changes(text) {
            return;
        }
        let as_it_is = LowerCase {
            ascii: text,
            start: 0,
            changed: &[],
            changed_text: "",
        };
        let mut tokens = Vec::new();
        words::tokenise_into(text, as_it_is, &mut tokens);
        for token in tokens.iter().filter(|t| t.text.chars().any(lowering_changes)) {
            let at = self.changed_text.len();
            self.changed_text.push_str(&token.text.to_lowercase());
            self.changed
                .push((start + token.range().start, at..self.changed_text.len()));
        }
        // Looked up by binary search: kept in order of their starts whatever order the parts come in.
        if !self.changed.is_sorted_by_key(|(at, _)| *at) {
            self.changed.sort_by_key(|(at, _)| *at);
        }
    }

    /// The lower case of `range` of the texts, for its tokens.
    pub fn part(&self, range: Range<usize>) -> LowerCase<'_> {
        LowerCase {
            ascii: self.ascii.get(range.clone()).unwrap_or_default(),
            start: range.start,
            changed: &self.changed,
            changed_text: &self.changed_text,
        }
    }

    /// The tokens of `text`, the one text of [`Lowered::of`].
    pub fn tokens<'t>(&'t self, text: &'t str) -> Vec<Token<'t>> {
        let mut tokens = Vec::with_capacity(text.len() / 5);
        words::tokenise_into(text, self.part(0..text.len()), &mut tokens);
        tokens
    }
}

/// The lower case of one text to split into tokens (see [`Lowered::part`]).
#[derive(Clone, Copy)]
pub struct LowerCase<'t> {
    /// The text in ASCII lower case.
    pub(super) ascii: &'t str,
    /// Where the text starts in the texts of its [`Lowered`].
    start: usize,
    changed: &'t [(usize, Range<usize>)],
    changed_text: &'t str,
}

impl<'t> LowerCase<'t> {
    /// The lower case of a token outside ASCII at `range` of the text: its ASCII lower case, unless it holds a
    /// char outside ASCII that lowering changes.
    pub(super) fn of_token_outside_ascii(&self, range: Range<usize>) -> &'t str {
        match self
            .changed
            .binary_search_by_key(&(self.start + range.start), |(start, _)| *start)
        {
            Ok(i) => &self.changed_text[self.changed[i].1.clone()],
            Err(_) => &self.ascii[range],
        }
    }
}

/// Whether a char of `text` is one that [`lowering_changes`]: only chars outside ASCII can be, so the ASCII
/// between them is passed over eight bytes at a time instead of decoded char by char.
fn any_lowering_changes(text: &str) -> bool {
    let mut at = 0;
    while let Some(found) = next_outside_ascii(text.as_bytes(), at) {
        // The first byte outside ASCII after a char starts a char.
        let Some(c) = text.get(found..).and_then(|rest| rest.chars().next()) else {
            return false;
        };
        if lowering_changes(c) {
            return true;
        }
        at = found + c.len_utf8();
    }
    false
}

/// Where the first byte outside ASCII at or after `at` is.
fn next_outside_ascii(bytes: &[u8], mut at: usize) -> Option<usize> {
    const TOP: u64 = 0x8080_8080_8080_8080;
    while let Some(eight) = bytes.get(at..at + 8) {
        let top = u64::from_le_bytes(eight.try_into().unwrap_or_default()) & TOP;
        if top != 0 {
            return Some(at + top.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    let rest = bytes.get(at..)?;
    rest.iter().position(|b| !b.is_ascii()).map(|i| at + i)
}

/// A char outside ASCII whose lower case is not itself. `str::to_lowercase` lowers every other char on its own
/// (its one rule of context, for a final capital sigma, is for a char that changes anyway), so a token without
/// one is lowered by lowering its ASCII.
fn lowering_changes(c: char) -> bool {
    !c.is_ascii() && c.to_lowercase().ne(std::iter::once(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn chars_that_lowering_changes_are_found_as_char_by_char(
            text in r"[ aZ9.’É\u{212A}ßΣΌ٣\u{a0}]{0,40}",
        ) {
            proptest::prop_assert_eq!(any_lowering_changes(&text), text.chars().any(lowering_changes));
            for at in 0..=text.len() {
                let expected = text.as_bytes()[at..].iter().position(|b| !b.is_ascii()).map(|i| at + i);
                proptest::prop_assert_eq!(next_outside_ascii(text.as_bytes(), at), expected);
            }
        }
    }

    #[test]
    fn a_change_after_long_ascii_runs_is_found() {
        let long = "a".repeat(17);
        assert!(any_lowering_changes(&format!("{long}’{long}É")));
        assert!(!any_lowering_changes(&format!("{long}’{long}é{long}")));
        assert!(!any_lowering_changes(&long));
    }
}
