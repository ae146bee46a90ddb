//! A fixed word list that answers "is this word in it" by hashing, not by comparing the word with every entry:
//! the classifier asks this of nearly every token of every sentence, the sentence splitter at every full stop
//! and the acronym rules of every all-capital word.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

pub struct Lexicon {
    words: &'static [&'static str],
    index: OnceLock<Index>,
}

struct Index {
    set: HashSet<&'static str, WordHasher>,
    /// Which (length, last byte) pairs occur among the words: most tokens are ruled out by this alone,
    /// without hashing. Bit `last % 64` of entry `min(length, 31)`.
    shapes: [u64; 32],
}

fn shape(word: &str) -> (usize, u64) {
    let last = word.as_bytes().last().copied().unwrap_or(0);
    (word.len().min(31), 1 << (last % 64))
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
            index: OnceLock::new(),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        let index = self.index.get_or_init(|| {
            let mut shapes = [0; 32];
            for word in self.words {
                let (length, last) = shape(word);
                shapes[length] |= last;
            }
            Index {
                set: self.words.iter().copied().collect(),
                shapes,
            }
        });
        let (length, last) = shape(word);
        index.shapes[length] & last != 0 && index.set.contains(word)
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
        assert!(!COLOURS.contains("rod"));
        assert!(!COLOURS.contains(""));
        assert_eq!(COLOURS.words(), ["red", "green"]);
    }
}
