//! A fixed word list that answers "is this word in it" by hashing, not by comparing the word with every entry:
//! the classifier asks this of nearly every token of every sentence.

use std::collections::HashSet;
use std::sync::OnceLock;

pub struct Lexicon {
    words: &'static [&'static str],
    set: OnceLock<HashSet<&'static str>>,
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
