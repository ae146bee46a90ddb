//! A fixed word list that answers "is this word in it" by hashing, not by comparing the word with every entry:
//! the classifier asks this of nearly every token of every sentence, the sentence splitter at every full stop
//! and the acronym rules of every all-capital word.

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

/// A set of words. Most words asked are not in it, and most of those are ruled out by their shape (length and
/// first and last byte) without hashing; the rest are looked up in an open-addressing hash table with at most a
/// quarter of its slots taken, where a word not in the set nearly always lands on an empty slot. The hash reads
/// only the length and five bytes of a word (a general hash of every byte costs more than the rest of the
/// look-up); words that share those only share a probe sequence.
pub struct WordTable {
    /// Which first and which last bytes the words of each length have: bit `byte % 64` of entry
    /// `min(length, 31)`.
    first_bytes: [u64; 32],
    last_bytes: [u64; 32],
    /// The empty string marks an empty slot (the empty word is never in the set).
    slots: Box<[Box<str>]>,
    /// How far the 64-bit hash is shifted right to give a slot: 64 minus log2 of the number of slots.
    shift: u32,
}

fn byte_bit(byte: u8) -> u64 {
    1 << (byte % 64)
}

impl WordTable {
    pub fn new<W: Into<Box<str>>>(words: impl IntoIterator<Item = W>) -> WordTable {
        let words: Vec<Box<str>> = words.into_iter().map(Into::into).collect();
        let size = (words.len() * 4).next_power_of_two().max(16);
        let mut table = WordTable {
            first_bytes: [0; 32],
            last_bytes: [0; 32],
            slots: vec![Box::<str>::default(); size].into_boxed_slice(),
            shift: 64 - size.trailing_zeros(),
        };
        for word in words {
            if word.is_empty() || table.contains(&word) {
                continue;
            }
            let bytes = word.as_bytes();
            table.first_bytes[bytes.len().min(31)] |= byte_bit(bytes[0]);
            table.last_bytes[bytes.len().min(31)] |= byte_bit(bytes[bytes.len() - 1]);
            let mut at = table.slot_of(&word);
            while !table.slots[at].is_empty() {
                at = (at + 1) & (size - 1);
            }
            table.slots[at] = word;
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
            && self.holds(word)
    }

    /// The hash table's answer, for a word that is not empty.
    fn holds(&self, word: &str) -> bool {
        let mut at = self.slot_of(word);
        loop {
            let slot = &self.slots[at];
            if slot.is_empty() {
                return false;
            }
            if **slot == *word {
                return true;
            }
            at = (at + 1) & (self.slots.len() - 1);
        }
    }

    /// The first slot to look at for a word that is not empty.
    fn slot_of(&self, word: &str) -> usize {
        let bytes = word.as_bytes();
        let last = bytes.len() - 1;
        let key = bytes.len() as u64
            | u64::from(bytes[0]) << 8
            | u64::from(bytes[1.min(last)]) << 16
            | u64::from(bytes[last / 2]) << 24
            | u64::from(bytes[last.saturating_sub(1)]) << 32
            | u64::from(bytes[last]) << 40;
        // Fibonacci hashing: the high bits of the product depend on every bit of the key.
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::{Lexicon, WordTable};

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
    fn words_that_share_a_slot_are_all_found() {
        // Many words alike in length and in the bytes the hash reads, and far more words than a small table.
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
