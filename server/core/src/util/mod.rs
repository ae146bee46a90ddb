//! Small utilities with no knowledge of briefings.

pub mod bits;

use std::collections::HashMap;

/// Maps keyed by the program's own ids, names and hashes: a fixed seed is safe with them, and makes every run the
/// same; foldhash hashes short strings several times faster than the standard SipHash.
pub type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// The largest char boundary of `text` at or before `at`: where to cut a text to at most `at` bytes.
pub fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
