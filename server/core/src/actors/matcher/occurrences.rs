//! The occurrences of a prefix automaton's patterns in a text, asked for from one place on to the next: by its
//! leftmost search, or at each place a mention may start.

use super::prefix_automaton::{PrefixAutomaton, Search};
use std::ops::Range;

/// The occurrences of a [`PrefixAutomaton`]'s patterns in a haystack (the text or its ASCII lower case) that a
/// test accepts, asked for at places further and further on.
pub(super) struct Occurrences<'h, F> {
    automaton: &'h PrefixAutomaton,
    text: &'h str,
    haystack: &'h [u8],
    accept: F,
    /// None was found from some place on, so none is found from any later one: asked again after every mention
    /// of another automaton, the search would run to the end of the text each time.
    exhausted: bool,
}

impl PrefixAutomaton {
    /// The occurrences in `haystack` that `accept` takes; `text` is the text the haystack is or was lower-cased
    /// from, whose words tell where a mention may start.
    pub(super) fn occurrences<'h, F: Fn(&Range<usize>) -> bool>(
        &'h self,
        text: &'h str,
        haystack: &'h [u8],
        accept: F,
    ) -> Occurrences<'h, F> {
        Occurrences {
            automaton: self,
            text,
            haystack,
            accept,
            exhausted: false,
        }
    }
}

impl<F: Fn(&Range<usize>) -> bool> Occurrences<'_, F> {
    /// The longest accepted occurrence at the first place from `from` on where there is one.
    pub(super) fn next_from(&mut self, from: usize) -> Option<(Range<usize>, usize)> {
        if self.exhausted {
            return None;
        }
        let found = self.search_from(from);
        self.exhausted = found.is_none();
        found
    }

    fn search_from(&self, from: usize) -> Option<(Range<usize>, usize)> {
        let automaton = self.automaton;
        if automaton.search == Search::Leftmost {
            return automaton.next(self.haystack, from, &self.accept);
        }
        let bytes = self.text.as_bytes();
        let mut after_word = self.text[..from].chars().next_back().is_some_and(char::is_alphanumeric);
        let mut at = from;
        while at < bytes.len() {
            let start = at;
            let (word, len) = match BYTE_KIND[usize::from(bytes[at])] {
                ByteKind::AsciiWord => (true, 1),
                ByteKind::AsciiOther => (false, 1),
                ByteKind::NotAscii => {
                    let c = self.text[at..]
                        .chars()
                        .next()
                        .expect("a char starts at a char boundary");
                    (c.is_alphanumeric(), c.len_utf8())
                }
            };
            at += len;
            let may_start = !(word && after_word) && automaton.starts.may_start_at(self.haystack, start);
            after_word = word;
            // No mention starts inside a word: the rest of an ASCII word is passed over.
            if word {
                while bytes
                    .get(at)
                    .is_some_and(|&b| BYTE_KIND[usize::from(b)] == ByteKind::AsciiWord)
                {
                    at += 1;
                }
            }
            if may_start {
                if let Some(found) = automaton.longest_at(self.haystack, start, &self.accept) {
                    return Some(found);
                }
            }
        }
        None
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ByteKind {
    /// An ASCII letter or digit.
    AsciiWord,
    AsciiOther,
    /// Part of a character beyond ASCII, which may be a letter.
    NotAscii,
}

/// Each byte's kind, looked up once per byte of the text.
static BYTE_KIND: [ByteKind; 256] = {
    let mut kinds = [ByteKind::NotAscii; 256];
    let mut byte = 0;
    while byte < 128 {
        kinds[byte] = if (byte as u8).is_ascii_alphanumeric() {
            ByteKind::AsciiWord
        } else {
            ByteKind::AsciiOther
        };
        byte += 1;
    }
    kinds
};
