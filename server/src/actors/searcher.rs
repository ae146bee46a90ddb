//! One automaton of the matcher, asked for the longest pattern at the first place one occurs (or at one given
//! place): aho-corasick's, or for a leftmost search of many patterns, the regex crate's lazy DFA.
//!
//! Over a hundred names with no byte rarer than the rest, aho-corasick's leftmost-longest DFA has no prefilter to
//! skip text with, and its search loop takes about 13 instructions a byte; the lazy DFA's takes about 9. The
//! built-in base's names: 22.5 -> 16.0 M instructions per MB of text. Few patterns (the acronyms) keep
//! aho-corasick, whose Teddy prefilter passes over most of the text.

use aho_corasick::{AhoCorasick, Anchored, Input};
use regex_automata::meta::Regex;
use regex_automata::MatchKind;
use regex_syntax::hir::Hir;
use std::ops::Range;

/// An occurrence of a pattern, by its number among the automaton's patterns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Found {
    pub start: usize,
    pub end: usize,
    pub pattern: usize,
}

#[derive(Clone, Debug)]
pub(super) enum Searcher {
    AhoCorasick(AhoCorasick),
    LazyDfa(LongestFirst),
}

impl Searcher {
    /// The leftmost occurrence in `span` of `haystack` (at its start when `anchored`), the longest there.
    #[inline]
    pub fn find(&self, haystack: &[u8], span: Range<usize>, anchored: bool) -> Option<Found> {
        match self {
            Searcher::AhoCorasick(automaton) => {
                let anchored = if anchored { Anchored::Yes } else { Anchored::No };
                let found = automaton.find(Input::new(haystack).range(span).anchored(anchored))?;
                Some(Found {
                    start: found.start(),
                    end: found.end(),
                    pattern: found.pattern().as_usize(),
                })
            }
            Searcher::LazyDfa(longest_first) => longest_first.find(haystack, span, anchored),
        }
    }
}

/// Literal patterns listed longest first, so that the regex crate's leftmost-first search (the first listed
/// of those at the leftmost place) finds the longest at the leftmost place: leftmost-longest.
#[derive(Clone, Debug)]
pub(super) struct LongestFirst {
    regex: Regex,
    /// By the regex's pattern number: the pattern's own number and its length.
    numbers: Vec<u32>,
    lens: Vec<u32>,
}

impl LongestFirst {
    pub fn new(patterns: &[&[u8]]) -> LongestFirst {
        let mut order: Vec<u32> = (0..patterns.len())
            .map(|i| u32::try_from(i).expect("fewer than 4 billion patterns"))
            .collect();
        order.sort_by_key(|&i| std::cmp::Reverse(patterns[i as usize].len()));
        let literals: Vec<Hir> = order.iter().map(|&i| Hir::literal(patterns[i as usize])).collect();
        let regex = Regex::builder()
            // The prefilter would be aho-corasick's own search, which is what this replaces.
            .configure(
                Regex::config()
                    .match_kind(MatchKind::LeftmostFirst)
                    .auto_prefilter(false),
            )
            .build_many_from_hir(&literals)
            .expect("literal patterns always build");
        LongestFirst {
            regex,
            lens: order
                .iter()
                .map(|&i| u32::try_from(patterns[i as usize].len()).expect("patterns under 4 GB"))
                .collect(),
            numbers: order,
        }
    }

    fn find(&self, haystack: &[u8], span: Range<usize>, anchored: bool) -> Option<Found> {
        let anchored = if anchored {
            regex_automata::Anchored::Yes
        } else {
            regex_automata::Anchored::No
        };
        // The search gives where the occurrence ends and which pattern it is: a literal, so where it starts too.
        let found = self
            .regex
            .search_half(&regex_automata::Input::new(haystack).range(span).anchored(anchored))?;
        let listed = found.pattern().as_usize();
        let end = found.offset();
        Some(Found {
            start: end - self.lens[listed] as usize,
            end,
            pattern: self.numbers[listed] as usize,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasickKind, MatchKind as AcMatchKind};

    proptest::proptest! {
        /// The lazy DFA finds what aho-corasick's leftmost-longest search finds, from every place and at every
        /// place, for patterns that contain and overlap one another.
        #[test]
        fn longest_first_is_leftmost_longest(
            patterns in proptest::collection::hash_set("[abc]{1,5}", 1..20),
            haystack in "[abc ]{0,40}",
        ) {
            let patterns: Vec<&[u8]> = patterns.iter().map(|p| p.as_bytes()).collect();
            let reference = AhoCorasick::builder()
                .match_kind(AcMatchKind::LeftmostLongest)
                .start_kind(aho_corasick::StartKind::Both)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&patterns)
                .unwrap();
            let reference = Searcher::AhoCorasick(reference);
            let lazy = Searcher::LazyDfa(LongestFirst::new(&patterns));
            let haystack = haystack.as_bytes();
            for from in 0..=haystack.len() {
                for end in from..=haystack.len() {
                    for anchored in [false, true] {
                        proptest::prop_assert_eq!(
                            lazy.find(haystack, from..end, anchored),
                            reference.find(haystack, from..end, anchored),
                            "{}..{} anchored {}", from, end, anchored
                        );
                    }
                }
            }
        }
    }
}
