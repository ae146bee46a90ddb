//! A fixed word list that answers "is this word in it" by hashing, not by comparing the word with every entry:
//! the classifier asks this of nearly every token of every sentence, the sentence splitter at every full stop
//! and the acronym rules of every all-capital word.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

pub struct Lexicon {
    words: &'static [&'static str],
    table: OnceLock<WordTable>,
}

impl Lexicon {
    pub const fn new(words: &'static [&'static str]) -> Lexicon {
        Lexicon {
            words,
            table: OnceLock::new(),
        }
    }

    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.table
            .get_or_init(|| WordTable::new(self.words.iter().copied()))
            .contains(word)
    }

    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }
}

/// A word list kept as data, in a plain text file embedded in the binary: one word or phrase a line, in lower
/// case, `#` starting a comment. Single words are looked up like a [`Lexicon`]'s; phrases of several words are
/// kept apart, each split into its words.
pub struct WordList {
    source: &'static str,
    parsed: OnceLock<Parsed>,
}

/// A word list's single words, its phrases, and the first words of its phrases (asked first: most words start
/// none).
struct Parsed {
    words: WordTable,
    phrases: Vec<Vec<&'static str>>,
    heads: WordTable,
}

impl WordList {
    pub const fn embedded(source: &'static str) -> WordList {
        WordList {
            source,
            parsed: OnceLock::new(),
        }
    }

    fn parsed(&self) -> &Parsed {
        self.parsed.get_or_init(|| {
            let (words, phrases): (Vec<&str>, Vec<&str>) = self.entries().partition(|entry| !entry.contains(' '));
            let phrases: Vec<Vec<&str>> = phrases.iter().map(|p| p.split_whitespace().collect()).collect();
            let heads = WordTable::new(phrases.iter().map(|p| p[0]));
            Parsed {
                words: WordTable::new(words),
                phrases,
                heads,
            }
        })
    }

    /// Whether `word` (in lower case) is one of the list's single words.
    pub fn contains(&self, word: &str) -> bool {
        self.parsed().words.contains(word)
    }

    /// The list's single words, as written in its file.
    pub fn source_words(&self) -> impl Iterator<Item = &'static str> {
        self.entries().filter(|entry| !entry.contains(' '))
    }

    /// The file's entries: its lines, trimmed, less blank ones and comments.
    fn entries(&self) -> impl Iterator<Item = &'static str> {
        self.source
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
    }

    /// The list's phrases of several words, each as its words.
    pub fn phrases(&self) -> &[Vec<&'static str>] {
        &self.parsed().phrases
    }

    /// The number of words of the longest entry that `words` (lower case) start with, if any.
    pub fn longest_at<'w>(&self, mut words: impl Iterator<Item = &'w str> + Clone) -> Option<usize> {
        let parsed = self.parsed();
        let first = words.clone().next()?;
        if !parsed.heads.contains(first) {
            return parsed.words.contains(first).then_some(1);
        }
        let phrase = parsed
            .phrases
            .iter()
            .filter(|phrase| {
                let mut candidate = words.clone();
                phrase.iter().all(|part| candidate.next() == Some(*part))
            })
            .map(Vec::len)
            .max();
        phrase.or_else(|| words.next().filter(|w| self.contains(w)).map(|_| 1))
    }
}

/// A set of words. Most words asked are not in it, and most of those are ruled out by their shape (length and
/// first and last byte) without hashing; the rest are looked up in a hash set whose hash reads only the length
/// and five bytes of a word (a general hash of every byte costs more than the rest of the look-up); words that
/// share those only share a bucket.
pub struct WordTable {
    /// Which first and which last bytes the words of each length have: bit `byte % 64` of entry
    /// `min(length, 31)`.
    first_bytes: [u64; 32],
    last_bytes: [u64; 32],
    words: HashSet<Box<str>, BuildHasherDefault<ShortWordHasher>>,
}

fn byte_bit(byte: u8) -> u64 {
    1 << (byte % 64)
}

impl WordTable {
    pub fn new<W: Into<Box<str>>>(words: impl IntoIterator<Item = W>) -> WordTable {
        let mut table = WordTable {
            first_bytes: [0; 32],
            last_bytes: [0; 32],
            words: HashSet::default(),
        };
        for word in words {
            let word: Box<str> = word.into();
            let bytes = word.as_bytes();
            let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
                continue;
            };
            table.first_bytes[bytes.len().min(31)] |= byte_bit(first);
            table.last_bytes[bytes.len().min(31)] |= byte_bit(last);
            table.words.insert(word);
        }
        table
    }

    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
            return false;
        };
        let length = bytes.len().min(31);
        self.first_bytes[length] & byte_bit(first) != 0
            && self.last_bytes[length] & byte_bit(last) != 0
            && self.words.contains(word)
    }
}

/// Hashes a word (`str`'s `Hash` writes its bytes, then a 0xff end mark) from its length and five of its bytes.
#[derive(Default)]
pub struct ShortWordHasher(u64);

impl Hasher for ShortWordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let Some(last) = bytes.len().checked_sub(1) else {
            return;
        };
        self.0 = bytes.len() as u64
            | u64::from(bytes[0]) << 8
            | u64::from(bytes[1.min(last)]) << 16
            | u64::from(bytes[last / 2]) << 24
            | u64::from(bytes[last.saturating_sub(1)]) << 32
            | u64::from(bytes[last]) << 40;
    }

    /// The end mark tells no words apart.
    fn write_u8(&mut self, _: u8) {}

    fn finish(&self) -> u64 {
        // Folded multiplication: both halves of the product depend on every bit of the key, and the set takes
        // its bucket from the low bits and its tag from the high ones.
        let product = u128::from(self.0) * 0x9E37_79B9_7F4A_7C15;
        (product as u64) ^ ((product >> 64) as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::{Lexicon, WordList, WordTable};

    #[test]
    fn a_word_list_from_a_data_file_has_words_and_phrases() {
        static LIST: WordList = WordList::embedded("# comment\nmust\n\n  ought to \nshall\n");
        assert!(LIST.contains("must") && LIST.contains("shall") && !LIST.contains("ought"));
        assert_eq!(LIST.phrases(), [vec!["ought", "to"]]);
        assert_eq!(LIST.longest_at(["ought", "to", "go"].into_iter()), Some(2));
        assert_eq!(LIST.longest_at(["must", "go"].into_iter()), Some(1));
        assert_eq!(LIST.longest_at(["ought", "not"].into_iter()), None);
    }

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

    #[test]
    fn words_that_share_a_hash_are_all_found() {
        // Many words alike in length and in the bytes the hash reads.
        let words: Vec<String> = (0..500).map(|i| format!("w{i:04}d")).collect();
        let table = WordTable::new(words.iter().map(String::as_str));
        assert!(words.iter().all(|w| table.contains(w)));
        assert!(!table.contains("w0500d") && !table.contains("w0000") && !table.contains("x"));
        // The fourth byte of six is not hashed.
        let alike = WordTable::new(["abcxef", "abcyef", "abc-ef", "a"]);
        assert!(alike.contains("abcyef") && alike.contains("abc-ef") && alike.contains("a"));
        assert!(!alike.contains("abczef") && !alike.contains(""));
    }
}
