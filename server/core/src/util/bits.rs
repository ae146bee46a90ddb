//! Sets of small numbers as bits in `u64` words: the matcher's start tables and the acronym rules' actors.

/// Add `index` to the set; `bits` must have a word for it.
pub fn set(bits: &mut [u64], index: usize) {
    bits[index / 64] |= 1 << (index % 64);
}

/// Whether `index` is in the set; numbers past its last word are not.
#[inline]
pub fn is_set(bits: &[u64], index: usize) -> bool {
    bits.get(index / 64).is_some_and(|word| word & (1 << (index % 64)) != 0)
}

/// The numbers in the set, in increasing order.
pub fn members(bits: &[u64]) -> impl Iterator<Item = usize> + '_ {
    bits.iter().enumerate().flat_map(|(index, &word)| {
        let mut rest = word;
        std::iter::from_fn(move || {
            (rest != 0).then(|| {
                let bit = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                index * 64 + bit
            })
        })
    })
}

/// How many words hold the numbers below `count`.
pub fn words_for(count: usize) -> usize {
    count.div_ceil(64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_exactly_what_was_set() {
        let mut bits = vec![0; words_for(130)];
        assert_eq!(bits.len(), 3);
        for index in [0, 63, 64, 129] {
            set(&mut bits, index);
        }
        let held: Vec<usize> = (0..200).filter(|&i| is_set(&bits, i)).collect();
        assert_eq!(held, [0, 63, 64, 129]);
        assert_eq!(members(&bits).collect::<Vec<_>>(), held);
    }
}
