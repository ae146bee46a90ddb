//! Finds every actor mention in a text in one pass: all names, aliases, variants and acronyms at once.
//!
//! Names match whatever their case ("Khyber Pakhtunkhwa", "KHYBER PAKHTUNKHWA"), except that a one-word name
//! must be capitalised in the text, so the outlet Dawn is not found in "at dawn". Acronyms match exactly.
//! Matches respect word boundaries, and the longest match wins where two overlap.

use super::{Actor, FastMap, NameForm};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::ops::Range;

/// One written form of one or more actors ("FC" names two).
#[derive(Clone, Debug)]
pub struct Surface {
    pub text: String,
    pub actors: Vec<(usize, NameForm)>,
}

/// A span of text that names a known actor, by the surface it matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub range: Range<usize>,
    pub surface: usize,
}

#[derive(Clone, Debug)]
pub struct Matcher {
    names: PrefixAutomaton,
    acronyms: PrefixAutomaton,
    name_surfaces: Vec<u32>,
    acronym_surfaces: Vec<u32>,
    surfaces: Vec<Surface>,
}

impl Matcher {
    pub fn new(actors: &[Actor]) -> Matcher {
        let forms: usize = actors
            .iter()
            .map(|a| 1 + a.aliases.len() + a.variants.len() + a.acronyms.len())
            .sum();
        let mut surfaces: Vec<Surface> = Vec::with_capacity(forms);
        // Names are one surface whatever their case; acronyms only as written.
        let mut names_by_key: FastMap<String, u32> = FastMap::with_capacity_and_hasher(forms, Default::default());
        let mut acronyms_by_text: FastMap<&str, u32> = FastMap::default();
        for (index, actor) in actors.iter().enumerate() {
            for (text, form) in actor.written_forms() {
                let new_surface = |surfaces: &mut Vec<Surface>| {
                    surfaces.push(Surface {
                        text: text.to_string(),
                        // Nearly every form is one actor's; a first push into an empty Vec reserves four.
                        actors: Vec::with_capacity(1),
                    });
                    u32::try_from(surfaces.len() - 1).expect("fewer than 4 billion written forms")
                };
                let surface = if form == NameForm::Acronym {
                    *acronyms_by_text
                        .entry(text)
                        .or_insert_with(|| new_surface(&mut surfaces))
                } else {
                    *names_by_key
                        .entry(text.to_lowercase())
                        .or_insert_with(|| new_surface(&mut surfaces))
                } as usize;
                if !surfaces[surface].actors.iter().any(|(a, _)| *a == index) {
                    surfaces[surface].actors.push((index, form));
                }
            }
        }
        // Names are matched in ASCII lower case on both sides rather than with `ascii_case_insensitive`, which
        // doubles the automaton's transitions: with 100,000 actors that made building it several times slower.
        // For ASCII text that is the key itself.
        let (name_surfaces, name_patterns): (Vec<u32>, Vec<Vec<u8>>) = names_by_key
            .into_iter()
            .map(|(key, surface)| {
                let text = &surfaces[surface as usize].text;
                let pattern = if text.is_ascii() {
                    key
                } else {
                    text.to_ascii_lowercase()
                };
                (surface, pattern.into_bytes())
            })
            .unzip();
        let (acronym_surfaces, acronym_patterns): (Vec<u32>, Vec<Vec<u8>>) = acronyms_by_text
            .into_iter()
            .map(|(text, surface)| (surface, text.as_bytes().to_vec()))
            .unzip();
        Matcher {
            names: PrefixAutomaton::new(name_patterns),
            acronyms: PrefixAutomaton::new(acronym_patterns),
            name_surfaces,
            acronym_surfaces,
            surfaces,
        }
    }

    pub fn surface(&self, index: usize) -> &Surface {
        &self.surfaces[index]
    }

    pub fn surfaces(&self) -> &[Surface] {
        &self.surfaces
    }

    /// All mentions in `text`, in order, not overlapping, longest first where two start together.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let mut candidates: Vec<Mention> = Vec::new();
        // ASCII lower-casing keeps every byte where it was, so offsets in `lower` are offsets in `text`.
        let lower = text.to_ascii_lowercase();
        for (range, pattern) in self.names.find_overlapping(lower.as_bytes()) {
            if at_word_boundaries(text, &range) && capitalised_if_one_word(&text[range.clone()]) {
                candidates.push(Mention {
                    range,
                    surface: self.name_surfaces[pattern] as usize,
                });
            }
        }
        for (range, pattern) in self.acronyms.find_overlapping(text.as_bytes()) {
            if at_word_boundaries(text, &range) {
                candidates.push(Mention {
                    range,
                    surface: self.acronym_surfaces[pattern] as usize,
                });
            }
        }
        candidates.sort_by(|a, b| a.range.start.cmp(&b.range.start).then(b.range.end.cmp(&a.range.end)));
        let mut mentions: Vec<Mention> = Vec::new();
        for candidate in candidates {
            if mentions
                .last()
                .is_none_or(|last| candidate.range.start >= last.range.end)
            {
                mentions.push(candidate);
            }
        }
        mentions
    }
}

/// Finds every occurrence of many patterns, overlapping ones included. The Aho-Corasick automaton holds each
/// pattern only up to the shortest prefix no other pattern starts with; a prefix found is an occurrence of its
/// pattern where the rest of the pattern follows it. Actor names part ways within a few bytes, so the automaton
/// keeps about a quarter of the states the whole names need (100,000 actors: 0.43 instead of 1.85 million), and
/// it builds and searches that much faster, with exactly the same occurrences.
/// Up to this many bytes of patterns (a state each at most), the automaton is a DFA: at most a few megabytes.
const DFA_MAX_PREFIX_BYTES: usize = 20_000;

#[derive(Clone, Debug)]
struct PrefixAutomaton {
    prefixes: AhoCorasick,
    /// Each prefix's pattern by the prefix's number in the automaton.
    patterns: Vec<u32>,
    /// What follows each prefix in its pattern, all end to end by the prefix's number, and where each one ends.
    rests: Vec<u8>,
    rest_ends: Vec<u32>,
}

impl PrefixAutomaton {
    /// Pattern `i` is reported as `i`. Patterns must not be empty.
    fn new(patterns: Vec<Vec<u8>>) -> PrefixAutomaton {
        // A DFA searches fastest but holds a row of every byte class for every state: worth it for few names,
        // such as the built-in base's (find 104 -> 134 MB/s), never for 100,000 actors' (the default, an NFA).
        let prefix_bytes_at_most: usize = patterns.iter().map(Vec::len).sum();
        let kind = (prefix_bytes_at_most <= DFA_MAX_PREFIX_BYTES).then_some(AhoCorasickKind::DFA);
        PrefixAutomaton::with_kind(patterns, kind)
    }

    fn with_kind(patterns: Vec<Vec<u8>>, kind: Option<AhoCorasickKind>) -> PrefixAutomaton {
        let (mut order, prefix_lens) = sorted_with_distinguishing_prefix_lens(&patterns);
        // In sorted order the trie is built along one path at a time, which stays in the cache; in the order of
        // the knowledge base every pattern walked the long transition lists near the start anew. In reverse
        // sorted order each byte is moreover found or added at the head of its state's transition list, a linked
        // list kept in byte order: in forward order it was at the tail, and walking there was most of the build.
        // The prefixes are copied end to end, so that the builder reads them in order too.
        order.reverse();
        let mut prefixes = Vec::new();
        let mut prefix_ends = Vec::with_capacity(patterns.len());
        let mut rests = Vec::new();
        let mut rest_ends = Vec::with_capacity(patterns.len());
        for &i in &order {
            let i = i as usize;
            let (prefix, rest) = patterns[i].split_at(prefix_lens[i]);
            prefixes.extend_from_slice(prefix);
            prefix_ends.push(prefixes.len());
            rests.extend_from_slice(rest);
            rest_ends.push(u32::try_from(rests.len()).expect("names total less than 4 GB"));
        }
        drop(patterns);
        let starts = std::iter::once(0).chain(prefix_ends.iter().copied());
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .kind(kind)
            .build(starts.zip(&prefix_ends).map(|(start, &end)| &prefixes[start..end]))
            .expect("actor names are plain strings, which always build");
        PrefixAutomaton {
            prefixes: automaton,
            patterns: order,
            rests,
            rest_ends,
        }
    }

    /// Every occurrence of every pattern in `haystack`, as its range and the pattern's number.
    fn find_overlapping<'h>(&'h self, haystack: &'h [u8]) -> impl Iterator<Item = (Range<usize>, usize)> + 'h {
        self.prefixes.find_overlapping_iter(haystack).filter_map(move |m| {
            let prefix = m.pattern().as_usize();
            let rest_start = prefix
                .checked_sub(1)
                .map_or(0, |before| self.rest_ends[before] as usize);
            let rest = &self.rests[rest_start..self.rest_ends[prefix] as usize];
            haystack[m.end()..]
                .starts_with(rest)
                .then(|| (m.start()..m.end() + rest.len(), self.patterns[prefix] as usize))
        })
    }
}

/// The patterns' numbers in sorted order, and for each pattern the length of its shortest prefix that is not a
/// prefix of any other pattern, or its whole length where it is the start of another. In sorted order a pattern
/// shares its longest prefix with a neighbour.
fn sorted_with_distinguishing_prefix_lens(patterns: &[Vec<u8>]) -> (Vec<u32>, Vec<usize>) {
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
                head(&patterns[i]),
                u32::try_from(i).expect("fewer than 4 billion patterns"),
            )
        })
        .collect();
    keyed.sort_unstable_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| patterns[a.1 as usize].cmp(&patterns[b.1 as usize]))
    });
    let order: Vec<u32> = keyed.into_iter().map(|(_, i)| i).collect();
    let mut shared = vec![0; patterns.len()];
    for pair in order.windows(2) {
        let (a, b) = (pair[0] as usize, pair[1] as usize);
        let common = patterns[a].iter().zip(&patterns[b]).take_while(|(x, y)| x == y).count();
        shared[a] = shared[a].max(common);
        shared[b] = shared[b].max(common);
    }
    let lens = patterns
        .iter()
        .zip(shared)
        .map(|(pattern, shared)| pattern.len().min(shared + 1))
        .collect();
    (order, lens)
}

fn at_word_boundaries(text: &str, range: &Range<usize>) -> bool {
    let matched = &text[range.clone()];
    let first_is_word = matched.chars().next().is_some_and(char::is_alphanumeric);
    let last_is_word = matched.chars().next_back().is_some_and(char::is_alphanumeric);
    let before_ok = !first_is_word
        || !text[..range.start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
    let after_ok = !last_is_word || !text[range.end..].chars().next().is_some_and(char::is_alphanumeric);
    before_ok && after_ok
}

fn capitalised_if_one_word(matched: &str) -> bool {
    matched.contains([' ', '-']) || matched.chars().next().is_some_and(|c| !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::{sorted_with_distinguishing_prefix_lens, PrefixAutomaton};
    use crate::actors::KnowledgeBase;
    use aho_corasick::AhoCorasickKind;
    use std::ops::Range;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::from_toml(
            r#"
[[actors]]
id = "ttp"
name = "Tehreek-e-Taliban Pakistan"
kind = "armed-group"
acronyms = ["TTP"]
variants = ["Tehrik-i-Taliban Pakistan"]
[[actors]]
id = "pakistan"
name = "Pakistan"
kind = "state"
[[actors]]
id = "dawn"
name = "Dawn"
kind = "media-outlet"
[[actors]]
id = "fc"
name = "Frontier Corps"
kind = "government-body"
acronyms = ["FC"]
[[actors]]
id = "fcon"
name = "Federal Constabulary"
kind = "government-body"
acronyms = ["FC"]
"#,
        )
        .unwrap()
    }

    fn found(text: &str) -> Vec<(String, Vec<String>)> {
        let kb = kb();
        kb.find_mentions(text)
            .into_iter()
            .map(|m| {
                (
                    text[m.range.clone()].to_string(),
                    kb.actors_of(&m).map(|a| a.id.clone()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn longest_match_wins_and_case_rules_hold() {
        let got = found("TEHRIK-I-TALIBAN PAKISTAN and the TTP-led attack in Pakistan's north; ttp is not it.");
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, vec!["TEHRIK-I-TALIBAN PAKISTAN", "TTP", "Pakistan"]);
        assert!(got.iter().take(2).all(|(_, ids)| ids == &["ttp"]));
    }

    #[test]
    fn word_boundaries_and_one_word_names_need_a_capital() {
        assert!(found("Pakistani troops attacked at dawn; FCs and TTPX.").is_empty());
        assert_eq!(found("Dawn reported it.")[0].1, vec!["dawn"]);
    }

    proptest::proptest! {
        /// Patterns and text over three letters share many prefixes and contain one another, the hard cases.
        #[test]
        fn the_prefix_automaton_finds_what_the_whole_patterns_find(
            patterns in proptest::collection::hash_set("[abc]{1,6}", 1..30),
            haystack in "[abc ]{0,80}",
        ) {
            let patterns: Vec<Vec<u8>> = patterns.into_iter().map(String::into_bytes).collect();
            let whole = aho_corasick::AhoCorasick::new(&patterns).unwrap();
            let mut expected: Vec<(Range<usize>, usize)> = whole
                .find_overlapping_iter(&haystack)
                .map(|m| (m.range(), m.pattern().as_usize()))
                .collect();
            expected.sort_by_key(|(r, p)| (r.start, r.end, *p));
            for kind in [AhoCorasickKind::DFA, AhoCorasickKind::ContiguousNFA, AhoCorasickKind::NoncontiguousNFA] {
                let automaton = PrefixAutomaton::with_kind(patterns.clone(), Some(kind));
                let mut got: Vec<_> = automaton.find_overlapping(haystack.as_bytes()).collect();
                got.sort_by_key(|(r, p)| (r.start, r.end, *p));
                proptest::prop_assert_eq!(&got, &expected, "{:?}", kind);
            }
        }
    }

    #[test]
    fn patterns_are_cut_where_they_part_from_all_others() {
        let patterns: Vec<Vec<u8>> = ["karam", "karam militants", "karzai", "mr kar", "k"]
            .iter()
            .map(|p| p.as_bytes().to_vec())
            .collect();
        assert_eq!(sorted_with_distinguishing_prefix_lens(&patterns).1, vec![5, 6, 4, 1, 1]);
    }

    #[test]
    fn a_shared_acronym_names_every_actor_that_has_it() {
        assert_eq!(found("The FC post.")[0].1, vec!["fc", "fcon"]);
    }
}
