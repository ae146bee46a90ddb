//! The automaton that finds the longest occurrence of many patterns at a place: the patterns cut to the
//! prefixes that tell them apart, in parts by their first byte, searched leftmost or at word starts.

use super::part::PartBuilt;
use super::starts::Starts;
use super::PARALLEL_FROM_ACTORS;
use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input};
use rayon::prelude::*;
use std::ops::Range;

/// Up to this many bytes of patterns (a state each at most), the automaton is a DFA: at most a few megabytes.
const DFA_MAX_PREFIX_BYTES: usize = 20_000;

/// How an automaton is asked for the longest occurrence at the first place from some offset on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Search {
    /// With the automaton's leftmost-longest search, which runs its own loop and prefilter over the text: for a
    /// DFA of few patterns (up to `LEFTMOST_MAX_PATTERNS`) or long ones (`LEFTMOST_MIN_MEAN_LEN` bytes on
    /// average), which seldom occur by chance. The DFA holds patterns cut short (`LEFTMOST_MIN_PREFIX`).
    Leftmost,
    /// Anchored, at each place a mention may start (where a word starts, or a character that is not part of a
    /// word; see `at_word_boundaries`) and the patterns' first bytes allow: for many names, whose prefixes the
    /// leftmost search found inside nearly every word. The automaton holds prefixes. For a large base it is the
    /// cheapest of the three searches (server/benches/NOTES.md).
    AtWordStarts,
}

const LEFTMOST_MAX_PATTERNS: usize = 64;
const LEFTMOST_MIN_MEAN_LEN: usize = 8;

/// Finds the longest occurrence of many patterns at a place. Searched at word starts, the Aho-Corasick
/// automaton holds each pattern only up to the shortest prefix no other pattern starts with; a prefix found is an
/// occurrence of its pattern where the rest of the pattern follows it. Actor names part ways within a few bytes,
/// so the automaton keeps about a quarter of the states the whole names need (100,000 actors: 0.43 instead of
/// 1.85 million), and it builds that much faster, with exactly the same occurrences.
#[derive(Clone, Debug)]
pub(super) struct PrefixAutomaton {
    /// The prefixes, in parts by their first byte when searched at word starts: a search there asks only the part
    /// of the place's first byte, and the parts of a large base build on all cores at once.
    parts: Vec<AhoCorasick>,
    /// Searched leftmost, the automaton that finds the first place where a pattern occurs.
    leftmost: Option<AhoCorasick>,
    /// The part of each first byte, and where each part's prefixes start in the numbering of all of them.
    part_of_first_byte: [u8; 256],
    part_starts: Vec<u32>,
    /// Each prefix's pattern by the prefix's number in the automaton.
    patterns: Vec<u32>,
    /// What follows each prefix in its pattern, all end to end by the prefix's number, and where each one ends.
    rests: Vec<u8>,
    rest_ends: Vec<u32>,
    pub(super) search: Search,
    /// What the patterns start with: most places are ruled out by their first three bytes.
    pub(super) starts: Starts,
}

impl PrefixAutomaton {
    /// Pattern `i` is reported as `i`. Patterns must not be empty. `kind` overrides the kind their size calls for.
    pub(super) fn new<P: AsRef<[u8]> + Sync>(patterns: &[P], kind: Option<AhoCorasickKind>) -> PrefixAutomaton {
        if kind.is_some() {
            return PrefixAutomaton::with_kind(patterns, kind);
        }
        // A DFA searches fastest but holds a row of every byte class for every state: worth it for few names,
        // such as the built-in base's, never for 100,000 actors' (the default, an NFA).
        let prefix_bytes_at_most: usize = patterns.iter().map(|p| p.as_ref().len()).sum();
        let kind = (prefix_bytes_at_most <= DFA_MAX_PREFIX_BYTES).then_some(AhoCorasickKind::DFA);
        PrefixAutomaton::with_kind(patterns, kind)
    }

    fn with_kind<P: AsRef<[u8]> + Sync>(patterns: &[P], kind: Option<AhoCorasickKind>) -> PrefixAutomaton {
        // Parts pay where there are cores to build them on at once.
        let parts = if patterns.len() >= PARALLEL_FROM_ACTORS {
            (2 * rayon::current_num_threads()).clamp(1, 8)
        } else {
            1
        };
        PrefixAutomaton::with_parts(patterns, kind, parts)
    }

    /// In up to `parts` parts where searched at word starts (one otherwise).
    pub(super) fn with_parts<P: AsRef<[u8]> + Sync>(
        patterns: &[P],
        kind: Option<AhoCorasickKind>,
        parts: usize,
    ) -> PrefixAutomaton {
        let total_len: usize = patterns.iter().map(|p| p.as_ref().len()).sum();
        let search = if kind == Some(AhoCorasickKind::DFA)
            && (patterns.len() <= LEFTMOST_MAX_PATTERNS || total_len >= LEFTMOST_MIN_MEAN_LEN * patterns.len())
        {
            Search::Leftmost
        } else {
            Search::AtWordStarts
        };
        let mut with_first_byte = [0usize; 256];
        for pattern in patterns {
            with_first_byte[usize::from(pattern.as_ref()[0])] += 1;
        }
        // Parts of whole first bytes, about equal. Patterns with different first bytes share no prefix, so each
        // part is sorted and cut on its own, in its own job: the sort is a fifth of a large base's build.
        let part_count = if search == Search::AtWordStarts {
            parts.clamp(1, 8)
        } else {
            1
        };
        let mut part_of_first_byte = [0u8; 256];
        let (mut part, mut in_part) = (0, 0);
        for (byte, &count) in with_first_byte.iter().enumerate() {
            if count > 0 && in_part > 0 && in_part * part_count >= patterns.len() && part + 1 < part_count {
                part += 1;
                in_part = 0;
            }
            part_of_first_byte[byte] = u8::try_from(part).expect("at most 8 parts");
            in_part += count;
        }
        let mut members: Vec<Vec<u32>> = vec![Vec::new(); part + 1];
        for (number, pattern) in patterns.iter().enumerate() {
            let part = usize::from(part_of_first_byte[usize::from(pattern.as_ref()[0])]);
            members[part].push(u32::try_from(number).expect("fewer than 4 billion patterns"));
        }
        let build = |members: &Vec<u32>| PartBuilt::new(patterns, members, search, kind);
        let built: Vec<PartBuilt> = if members.len() > 1 {
            members.par_iter().map(build).collect()
        } else {
            members.iter().map(build).collect()
        };
        // The parts' prefixes numbered one after another: a part's numbers start where the part before's end.
        let mut automaton = PrefixAutomaton {
            parts: Vec::with_capacity(built.len()),
            leftmost: None,
            part_of_first_byte,
            part_starts: Vec::with_capacity(built.len()),
            patterns: Vec::with_capacity(patterns.len()),
            rests: Vec::new(),
            rest_ends: Vec::with_capacity(patterns.len()),
            search,
            starts: Starts::new(patterns),
        };
        for part in built {
            automaton
                .part_starts
                .push(u32::try_from(automaton.patterns.len()).expect("fewer than 4 billion patterns"));
            let rest_offset = u32::try_from(automaton.rests.len()).expect("names total less than 4 GB");
            automaton.parts.push(part.automaton);
            automaton.leftmost = automaton.leftmost.take().or(part.leftmost);
            automaton.patterns.extend(part.patterns);
            automaton.rests.extend(part.rests);
            automaton
                .rest_ends
                .extend(part.rest_ends.iter().map(|end| end + rest_offset));
        }
        automaton
    }

    /// The longest occurrence that `accept` takes, at the first place from `from` on where there is one, as its
    /// range and the pattern's number.
    ///
    /// The leftmost-longest search finds the first place where some prefix occurs, and the longest prefix there.
    /// Where that prefix's pattern does not follow or is not accepted, shorter prefixes at the same place are
    /// tried, longest first, and then the places after it. Of two patterns found at one place the longer has the
    /// longer prefix (the shorter is the start of the longer, so it is kept whole), so the first one taken is the
    /// longest.
    pub(super) fn next(
        &self,
        haystack: &[u8],
        from: usize,
        accept: impl Fn(&Range<usize>) -> bool,
    ) -> Option<(Range<usize>, usize)> {
        let mut from = from;
        while from < haystack.len() {
            let leftmost = self.leftmost.as_ref().expect("a leftmost search has its automaton");
            let found = leftmost.find(Input::new(haystack).range(from..))?;
            let start = found.start();
            if let Some(whole) = self.longest_from(haystack, 0, found, &accept) {
                return Some(whole);
            }
            from = start + 1;
        }
        None
    }

    /// The longest occurrence at `start` that `accept` takes (see [`PrefixAutomaton::next`]).
    pub(super) fn longest_at(
        &self,
        haystack: &[u8],
        start: usize,
        accept: impl Fn(&Range<usize>) -> bool,
    ) -> Option<(Range<usize>, usize)> {
        let part = usize::from(self.part_of_first_byte[usize::from(haystack[start])]);
        let found = self.parts[part].find(Input::new(haystack).range(start..).anchored(Anchored::Yes))?;
        self.longest_from(haystack, part, found, accept)
    }

    /// The longest accepted occurrence at the start of `found`, the longest prefix there in `part`, or at a
    /// shorter one.
    fn longest_from(
        &self,
        haystack: &[u8],
        part: usize,
        found: aho_corasick::Match,
        accept: impl Fn(&Range<usize>) -> bool,
    ) -> Option<(Range<usize>, usize)> {
        let start = found.start();
        let mut candidate = Some(found);
        while let Some(prefix) = candidate {
            if let Some(whole) = self.whole(haystack, part, &prefix).filter(|(range, _)| accept(range)) {
                return Some(whole);
            }
            // Patterns are not empty, so a shorter prefix at `start` ends before this one's last byte.
            candidate = (prefix.end() - 1 > start)
                .then(|| {
                    self.parts[part].find(
                        Input::new(haystack)
                            .range(start..prefix.end() - 1)
                            .anchored(Anchored::Yes),
                    )
                })
                .flatten();
        }
        None
    }

    /// The pattern of a prefix found in `part`, where the rest of it follows.
    fn whole(&self, haystack: &[u8], part: usize, prefix: &aho_corasick::Match) -> Option<(Range<usize>, usize)> {
        let number = self.part_starts[part] as usize + prefix.pattern().as_usize();
        let rest_start = number
            .checked_sub(1)
            .map_or(0, |before| self.rest_ends[before] as usize);
        let rest = &self.rests[rest_start..self.rest_ends[number] as usize];
        // Most prefixes are whole patterns (most long ones in a leftmost search too): no rest to compare.
        (rest.is_empty() || haystack[prefix.end()..].starts_with(rest)).then(|| {
            (
                prefix.start()..prefix.end() + rest.len(),
                self.patterns[number] as usize,
            )
        })
    }
}
