//! Building one part of a prefix automaton: its patterns sorted, cut to the prefixes that tell them apart, and
//! built into an Aho-Corasick automaton.

use super::prefix_automaton::Search;
use super::PARALLEL_FROM_ACTORS;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind, StartKind};
use rayon::prelude::*;

/// Searched leftmost, the automaton holds each pattern up to the shortest prefix no other pattern starts with, but
/// at least this many bytes of it. Every byte of the text passes through the DFA's transition table, and how much
/// of it the cache holds is what the search costs: the built-in names' DFA is 622 KB whole and 258 KB cut so;
/// shorter prefixes would be found in many words they do not start.
const LEFTMOST_MIN_PREFIX: usize = 8;

/// One part of a [`PrefixAutomaton`](super::prefix_automaton::PrefixAutomaton), built on its own.
pub(super) struct PartBuilt {
    pub(super) automaton: AhoCorasick,
    /// For a leftmost search, the same prefixes in an automaton that only finds the first place.
    pub(super) leftmost: Option<AhoCorasick>,
    /// Its prefixes' patterns (numbers in all the patterns), and their rests, as in
    /// [`PrefixAutomaton`](super::prefix_automaton::PrefixAutomaton).
    pub(super) patterns: Vec<u32>,
    pub(super) rests: Vec<u8>,
    pub(super) rest_ends: Vec<u32>,
}

impl PartBuilt {
    /// The part of `patterns` that `members` numbers.
    pub(super) fn new<P: AsRef<[u8]>>(
        patterns: &[P],
        members: &[u32],
        search: Search,
        kind: Option<AhoCorasickKind>,
    ) -> PartBuilt {
        let part: Vec<&[u8]> = members
            .iter()
            .map(|&number| patterns[number as usize].as_ref())
            .collect();
        let (mut order, mut prefix_lens) = sorted_with_distinguishing_prefix_lens(&part);
        // Searched leftmost-longest, an occurrence found should seldom be a false one: the automaton holds at
        // least the first `LEFTMOST_MIN_PREFIX` bytes of each pattern.
        if search == Search::Leftmost {
            for (len, pattern) in prefix_lens.iter_mut().zip(&part) {
                *len = (*len).max(pattern.len().min(LEFTMOST_MIN_PREFIX));
            }
        }
        // In sorted order the trie is built along one path at a time, which stays in the cache; in the order of
        // the knowledge base every pattern walked the long transition lists near the start anew. In reverse
        // sorted order each byte is moreover found or added at the head of its state's transition list, a linked
        // list kept in byte order: in forward order it was at the tail, and walking there was most of the build.
        // The prefixes are copied end to end, so that the builder reads them in order too.
        order.reverse();
        let mut prefixes = Vec::new();
        let mut prefix_ends = Vec::with_capacity(part.len());
        let mut rests = Vec::new();
        let mut rest_ends = Vec::with_capacity(part.len());
        for &i in &order {
            let i = i as usize;
            let (prefix, rest) = part[i].split_at(prefix_lens[i]);
            prefixes.extend_from_slice(prefix);
            prefix_ends.push(prefixes.len());
            rests.extend_from_slice(rest);
            rest_ends.push(u32::try_from(rests.len()).expect("names total less than 4 GB"));
        }
        let starts = std::iter::once(0).chain(prefix_ends.iter().copied());
        let build = |start_kind| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(start_kind)
                .kind(kind)
                .build(
                    starts
                        .clone()
                        .zip(&prefix_ends)
                        .map(|(start, &end)| &prefixes[start..end]),
                )
                .expect("actor names are plain strings, which always build")
        };
        // Anchored to try shorter patterns at a place. A leftmost search finds the next place with an automaton
        // of its own, unanchored only: one DFA for both holds two transition tables, and the search's every byte
        // reads the table, which then fits the cache less well.
        let automaton = build(StartKind::Anchored);
        let leftmost = (search == Search::Leftmost).then(|| build(StartKind::Unanchored));
        PartBuilt {
            automaton,
            leftmost,
            patterns: order.iter().map(|&i| members[i as usize]).collect(),
            rests,
            rest_ends,
        }
    }
}

/// The patterns' numbers in sorted order, and for each pattern the length of its shortest prefix that is not a
/// prefix of any other pattern, or its whole length where it is the start of another. In sorted order a pattern
/// shares its longest prefix with a neighbour.
pub(super) fn sorted_with_distinguishing_prefix_lens<P: AsRef<[u8]> + Sync>(patterns: &[P]) -> (Vec<u32>, Vec<usize>) {
    // Sorting by the first eight bytes as a number first compares most pairs without reading the patterns.
    let head = |pattern: &[u8]| {
        let mut bytes = [0; 8];
        let len = pattern.len().min(8);
        bytes[..len].copy_from_slice(&pattern[..len]);
        u64::from_be_bytes(bytes)
    };
    let mut keyed: Vec<(u64, u32)> = (0..patterns.len())
        .map(|i| {
            (
                head(patterns[i].as_ref()),
                u32::try_from(i).expect("fewer than 4 billion patterns"),
            )
        })
        .collect();
    let by_pattern = |a: &(u64, u32), b: &(u64, u32)| {
        a.0.cmp(&b.0)
            .then_with(|| patterns[a.1 as usize].as_ref().cmp(patterns[b.1 as usize].as_ref()))
    };
    if patterns.len() < PARALLEL_FROM_ACTORS {
        keyed.sort_unstable_by(by_pattern);
    } else {
        keyed.par_sort_unstable_by(by_pattern);
    }
    let order: Vec<u32> = keyed.into_iter().map(|(_, i)| i).collect();
    let mut shared = vec![0; patterns.len()];
    for pair in order.windows(2) {
        let (a, b) = (pair[0] as usize, pair[1] as usize);
        let (a_bytes, b_bytes) = (patterns[a].as_ref(), patterns[b].as_ref());
        let common = a_bytes.iter().zip(b_bytes).take_while(|(x, y)| x == y).count();
        shared[a] = shared[a].max(common);
        shared[b] = shared[b].max(common);
    }
    let lens = patterns
        .iter()
        .zip(shared)
        .map(|(pattern, shared)| pattern.as_ref().len().min(shared + 1))
        .collect();
    (order, lens)
}
