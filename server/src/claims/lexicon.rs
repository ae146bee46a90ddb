//! A fixed word list that answers "is this word in it" by hashing, not by comparing the word with every entry:
//! the classifier asks this of nearly every token of every sentence.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

pub struct Lexicon {
    words: &'static [&'static str],
    set: OnceLock<HashSet<&'static str, WordHasher>>,
}

/// FNV-1a: the keys are short words from fixed lists, so a hash that resists chosen collisions (the standard
/// SipHash) buys nothing here and costs several times as much per lookup.
pub type WordHasher = BuildHasherDefault<Fnv1a>;

pub struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Fnv1a {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv1a {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Lexicon {
    pub const fn new(words: &'static [&'static str]) -> Lexicon {
        Lexicon {
            words,
            set: OnceLock::new(),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
    }

    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }
}

#[cfg(test)]
mod tests {
    use super::Lexicon;

    #[test]
    fn holds_exactly_its_words() {
        static COLOURS: Lexicon = Lexicon::new(&["red", "green"]);
        assert!(COLOURS.contains("red"));
        assert!(COLOURS.contains("green"));
        assert!(!COLOURS.contains("Red"));
        assert!(!COLOURS.contains("re"));
        assert_eq!(COLOURS.words(), ["red", "green"]);
    }
}
