//! Finds every actor mention in a text: all names, aliases, variants and acronyms at once, with two automata.
//!
//! Names match whatever their case ("Khyber Pakhtunkhwa", "KHYBER PAKHTUNKHWA"), except that a one-word name
//! must be capitalised in the text, so the outlet Dawn is not found in "at dawn". Acronyms match exactly.
//! Matches respect word boundaries, and the longest match wins where two overlap.

use super::{Actor, NameForm};
use crate::util::bits;
use crate::util::FastMap;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use rayon::prelude::*;
use std::borrow::Cow;
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
        Matcher::with_kind(actors, None)
    }

    /// With automata of `kind`, or of the kind their size calls for (see [`PrefixAutomaton::new`]).
    fn with_kind(actors: &[Actor], kind: Option<AhoCorasickKind>) -> Matcher {
        let forms = keyed_forms(actors);
        // Each key is one surface, numbered at its first form in the base's order.
        let mut names_by_key: FastMap<&str, u32> = FastMap::with_capacity_and_hasher(forms.len(), Default::default());
        let mut acronyms_by_text: FastMap<&str, u32> = FastMap::default();
        let mut first_forms: Vec<usize> = Vec::with_capacity(forms.len());
        let surface_of_form: Vec<u32> = forms
            .iter()
            .enumerate()
            .map(|(index, form)| {
                let by_key = if form.form == NameForm::Acronym {
                    &mut acronyms_by_text
                } else {
                    &mut names_by_key
                };
                *by_key.entry(&form.key).or_insert_with(|| {
                    first_forms.push(index);
                    u32::try_from(first_forms.len() - 1).expect("fewer than 4 billion written forms")
                })
            })
            .collect();
        drop((names_by_key, acronyms_by_text));
        let mut name_surfaces = Vec::new();
        let mut name_patterns: Vec<Cow<[u8]>> = Vec::new();
        let mut acronym_surfaces = Vec::new();
        let mut acronym_patterns: Vec<&[u8]> = Vec::new();
        for (surface, &first) in first_forms.iter().enumerate() {
            let form = &forms[first];
            let surface = surface as u32;
            if form.form == NameForm::Acronym {
                acronym_surfaces.push(surface);
                acronym_patterns.push(form.text.as_bytes());
            } else {
                // Names are matched in ASCII lower case on both sides rather than with `ascii_case_insensitive`,
                // which doubles the automaton's transitions: with 100,000 actors that made building it several
                // times slower. For ASCII text that is the key itself.
                name_surfaces.push(surface);
                name_patterns.push(if form.text.is_ascii() {
                    Cow::Borrowed(form.key.as_bytes())
                } else {
                    Cow::Owned(form.text.to_ascii_lowercase().into_bytes())
                });
            }
        }
        // The names' automaton is most of the build and is built on one core: for a large base the table of
        // surfaces is made on another meanwhile.
        let automata = || {
            (
                PrefixAutomaton::new(&name_patterns, kind),
                PrefixAutomaton::new(&acronym_patterns, kind),
            )
        };
        let table = || surface_table(&forms, &surface_of_form, &first_forms);
        let ((names, acronyms), surfaces) = if actors.len() < PARALLEL_FROM_ACTORS {
            (automata(), table())
        } else {
            rayon::join(automata, table)
        };
        Matcher {
            names,
            acronyms,
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
    ///
    /// Greedy from the left: the next mention is the longest acceptable name or acronym at the first place after
    /// the last mention where there is one. Each automaton is asked only for that place: a few long names are
    /// searched for with the DFA's leftmost-longest loop (and its prefilter), many names or short ones at each
    /// place a word starts (see [`Search`]). Listing every overlapping occurrence cost more (built-in base: 80
    /// -> 36 M instructions per MB; 100,000 actors: 101 -> 78).
    pub fn find(&self, text: &str) -> Vec<Mention> {
        self.find_lowering_into(text, &mut String::new())
    }

    /// The mentions in each of `texts` (the blocks of a document), lowering each into one buffer.
    pub fn find_in_each<'t>(&self, texts: impl IntoIterator<Item = &'t str>) -> Vec<Vec<Mention>> {
        let mut lower = String::new();
        texts
            .into_iter()
            .map(|text| self.find_lowering_into(text, &mut lower))
            .collect()
    }

    /// [`Matcher::find`], with `lower` as room for the text's lower case.
    fn find_lowering_into(&self, text: &str, lower: &mut String) -> Vec<Mention> {
        // ASCII lower-casing keeps every byte where it was, so offsets in `lower` are offsets in `text`.
        lower.clear();
        lower.push_str(text);
        lower.make_ascii_lowercase();
        let name_ok =
            |range: &Range<usize>| at_word_boundaries(text, range) && capitalised_if_one_word(&text[range.clone()]);
        let acronym_ok = |range: &Range<usize>| at_word_boundaries(text, range);
        let mut mentions: Vec<Mention> = Vec::new();
        let mut names = self.names.occurrences(text, lower.as_bytes(), name_ok);
        let mut acronyms = self.acronyms.occurrences(text, text.as_bytes(), acronym_ok);
        let mut next_name = names.next_from(0);
        let mut next_acronym = acronyms.next_from(0);
        loop {
            // A name wins a tie, as it did when both were sorted together.
            let take_name = match (&next_name, &next_acronym) {
                (None, None) => break,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (Some((name, _)), Some((acronym, _))) => {
                    (name.start, std::cmp::Reverse(name.end)) <= (acronym.start, std::cmp::Reverse(acronym.end))
                }
            };
            let (range, surface) = if take_name {
                let (range, pattern) = next_name.take().expect("chosen because it is there");
                (range, self.name_surfaces[pattern])
            } else {
                let (range, pattern) = next_acronym.take().expect("chosen because it is there");
                (range, self.acronym_surfaces[pattern])
            };
            let end = range.end;
            mentions.push(Mention {
                range,
                surface: surface as usize,
            });
            // What starts inside the mention is covered by it; what starts after it stays the next candidate.
            if next_name.as_ref().is_none_or(|(r, _)| r.start < end) {
                next_name = names.next_from(end);
            }
            if next_acronym.as_ref().is_none_or(|(r, _)| r.start < end) {
                next_acronym = acronyms.next_from(end);
            }
        }
        mentions
    }
}

/// From this many actors (or patterns) on, the written forms are keyed, the patterns sorted and an automaton
/// searched at word starts built in parts, on all cores.
const PARALLEL_FROM_ACTORS: usize = 2048;

/// One written form of an actor, with the key its surface is found by: a name lower-cased, an acronym as written.
struct KeyedForm<'a> {
    actor: usize,
    form: NameForm,
    text: &'a str,
    key: Cow<'a, str>,
}

/// Every written form of every actor, in the base's order. Lower-casing is most of the surface table's cost.
fn keyed_forms(actors: &[Actor]) -> Vec<KeyedForm<'_>> {
    if actors.len() < PARALLEL_FROM_ACTORS {
        actors.iter().enumerate().flat_map(forms_of).collect()
    } else {
        actors.par_iter().enumerate().flat_map_iter(forms_of).collect()
    }
}

fn forms_of((actor, a): (usize, &Actor)) -> impl Iterator<Item = KeyedForm<'_>> {
    a.written_forms().map(move |(text, form)| {
        let already_lower = text.is_ascii() && !text.bytes().any(|b| b.is_ascii_uppercase());
        let key = if form == NameForm::Acronym || already_lower {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(text.to_lowercase())
        };
        KeyedForm { actor, form, text, key }
    })
}

/// The surfaces, numbered as keyed, each with its actors in the base's order (an actor once).
fn surface_table(forms: &[KeyedForm], surface_of_form: &[u32], first_forms: &[usize]) -> Vec<Surface> {
    let mut surfaces: Vec<Surface> = first_forms
        .iter()
        .map(|&first| Surface {
            text: forms[first].text.to_string(),
            // Nearly every form is one actor's; a first push into an empty Vec reserves four.
            actors: Vec::with_capacity(1),
        })
        .collect();
    for (form, &surface) in forms.iter().zip(surface_of_form) {
        let actors = &mut surfaces[surface as usize].actors;
        if !actors.iter().any(|(actor, _)| *actor == form.actor) {
            actors.push((form.actor, form.form));
        }
    }
    surfaces
}

/// Up to this many bytes of patterns (a state each at most), the automaton is a DFA: at most a few megabytes.
const DFA_MAX_PREFIX_BYTES: usize = 20_000;

/// How an automaton is asked for the longest occurrence at the first place from some offset on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Search {
    /// With the automaton's leftmost-longest search, which runs its own loop and prefilter over the text: for a
    /// DFA of few patterns (up to `LEFTMOST_MAX_PATTERNS`) or long ones (`LEFTMOST_MIN_MEAN_LEN` bytes on
    /// average), which seldom occur by chance. The DFA holds patterns cut short (`LEFTMOST_MIN_PREFIX`).
    Leftmost,
    /// Anchored, at each place a mention may start (where a word starts, or a character that is not part of a
    /// word; see `at_word_boundaries`) and the patterns' first bytes allow: for many names, whose prefixes the
    /// leftmost search found inside nearly every word. The automaton holds prefixes. 100,000 actors: 101 M
    /// instructions per MB listing every overlapping occurrence, 142 leftmost, 78 anchored.
    AtWordStarts,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ByteKind {
    /// An ASCII letter or digit.
    AsciiWord,
    AsciiOther,
    /// Part of a character beyond ASCII, which may be a letter.
    NotAscii,
}

/// Each byte's kind, looked up once per byte of the text.
static BYTE_KIND: [ByteKind; 256] = {
    let mut kinds = [ByteKind::NotAscii; 256];
    let mut byte = 0;
    while byte < 128 {
        kinds[byte] = if (byte as u8).is_ascii_alphanumeric() {
            ByteKind::AsciiWord
        } else {
            ByteKind::AsciiOther
        };
        byte += 1;
    }
    kinds
};

const LEFTMOST_MAX_PATTERNS: usize = 64;
const LEFTMOST_MIN_MEAN_LEN: usize = 8;

/// Searched leftmost, the automaton holds each pattern up to the shortest prefix no other pattern starts with, but
/// at least this many bytes of it. Every byte of the text passes through the DFA's transition table, and how much
/// of it the cache holds is what the search costs: the built-in names' DFA is 622 KB whole and 258 KB cut so
/// (criterion, built-in base, Markdown: 49.7 -> 50.7 MB/s); shorter prefixes would be found in many words they do
/// not start.
const LEFTMOST_MIN_PREFIX: usize = 8;
/// Finds the longest occurrence of many patterns at a place. Searched at word starts, the Aho-Corasick
/// automaton holds each pattern only up to the shortest prefix no other pattern starts with; a prefix found is an
/// occurrence of its pattern where the rest of the pattern follows it. Actor names part ways within a few bytes,
/// so the automaton keeps about a quarter of the states the whole names need (100,000 actors: 0.43 instead of
/// 1.85 million), and it builds that much faster, with exactly the same occurrences.
#[derive(Clone, Debug)]
struct PrefixAutomaton {
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
    search: Search,
    /// What the patterns start with: most places are ruled out by their first three bytes.
    starts: Starts,
}

/// What a set of patterns starts with, up to three bytes: searched at word starts, most places are ruled out
/// before the automaton is asked. With 100,000 generated actors, 139,716 of the 157,329 word starts in a MB of
/// the benchmark's text have a pattern's first byte, and 42,721 a pattern's first three.
#[derive(Clone, Debug)]
struct Starts {
    /// By the byte, whether a pattern starts with it: the first test, and the cheapest.
    first: [bool; 256],
    /// By the byte, whether a pattern of one byte is it.
    one: [bool; 256],
    /// By the two bytes, whether a pattern of two bytes is them: 65,536 bits.
    two: Box<[u64]>,
    /// By a hash of the first three bytes of the longer patterns, whether any pattern's may be those: 65,536
    /// bits, so a clear bit rules a place out, and a set one only lets the automaton decide.
    three: Box<[u64]>,
}

impl Starts {
    const BITS: usize = 1 << 16;

    fn new<P: AsRef<[u8]>>(patterns: &[P]) -> Starts {
        let mut starts = Starts {
            first: [false; 256],
            one: [false; 256],
            two: vec![0; bits::words_for(Self::BITS)].into_boxed_slice(),
            three: vec![0; bits::words_for(Self::BITS)].into_boxed_slice(),
        };
        for pattern in patterns {
            if let Some(&first) = pattern.as_ref().first() {
                starts.first[usize::from(first)] = true;
            }
            match pattern.as_ref() {
                [] => {}
                [only] => starts.one[usize::from(*only)] = true,
                [first, second] => bits::set(&mut starts.two, pair(*first, *second)),
                [first, second, third, ..] => bits::set(&mut starts.three, hash_of_three(*first, *second, *third)),
            }
        }
        starts
    }

    /// Whether a pattern may start at `at` of `haystack`. Asked at every word start and every other character,
    /// so the first byte's test, which rules out most places, is inlined and the rest is not.
    #[inline(always)]
    fn may_start_at(&self, haystack: &[u8], at: usize) -> bool {
        haystack.get(at).is_some_and(|&first| self.first[usize::from(first)])
            && self.may_start_after_first(haystack, at)
    }

    fn may_start_after_first(&self, haystack: &[u8], at: usize) -> bool {
        match &haystack[at..] {
            [] => false,
            [first] => self.one[usize::from(*first)],
            [first, second] => self.one[usize::from(*first)] || bits::is_set(&self.two, pair(*first, *second)),
            [first, second, third, ..] => {
                bits::is_set(&self.three, hash_of_three(*first, *second, *third))
                    || bits::is_set(&self.two, pair(*first, *second))
                    || self.one[usize::from(*first)]
            }
        }
    }
}

fn pair(first: u8, second: u8) -> usize {
    usize::from(first) << 8 | usize::from(second)
}

/// Three bytes hashed to 16 bits (Fibonacci hashing: the top bits of a product by the golden ratio's).
fn hash_of_three(first: u8, second: u8, third: u8) -> usize {
    let three = u32::from(first) | u32::from(second) << 8 | u32::from(third) << 16;
    (three.wrapping_mul(0x9E37_79B9) >> 16) as usize
}

/// The occurrences of a [`PrefixAutomaton`]'s patterns in a haystack (the text or its ASCII lower case) that a
/// test accepts, asked for at places further and further on.
struct Occurrences<'h, F> {
    automaton: &'h PrefixAutomaton,
    text: &'h str,
    haystack: &'h [u8],
    accept: F,
    /// None was found from some place on, so none is found from any later one: asked again after every mention
    /// of another automaton, the search would run to the end of the text each time.
    exhausted: bool,
}

impl<F: Fn(&Range<usize>) -> bool> Occurrences<'_, F> {
    /// The longest accepted occurrence at the first place from `from` on where there is one.
    fn next_from(&mut self, from: usize) -> Option<(Range<usize>, usize)> {
        if self.exhausted {
            return None;
        }
        let found = self.search_from(from);
        self.exhausted = found.is_none();
        found
    }

    fn search_from(&self, from: usize) -> Option<(Range<usize>, usize)> {
        let automaton = self.automaton;
        if automaton.search == Search::Leftmost {
            return automaton.next(self.haystack, from, &self.accept);
        }
        let bytes = self.text.as_bytes();
        let mut after_word = self.text[..from].chars().next_back().is_some_and(char::is_alphanumeric);
        let mut at = from;
        while at < bytes.len() {
            let start = at;
            let (word, len) = match BYTE_KIND[usize::from(bytes[at])] {
                ByteKind::AsciiWord => (true, 1),
                ByteKind::AsciiOther => (false, 1),
                ByteKind::NotAscii => {
                    let c = self.text[at..]
                        .chars()
                        .next()
                        .expect("a char starts at a char boundary");
                    (c.is_alphanumeric(), c.len_utf8())
                }
            };
            at += len;
            let may_start = !(word && after_word) && automaton.starts.may_start_at(self.haystack, start);
            after_word = word;
            // No mention starts inside a word: the rest of an ASCII word is passed over.
            if word {
                while bytes
                    .get(at)
                    .is_some_and(|&b| BYTE_KIND[usize::from(b)] == ByteKind::AsciiWord)
                {
                    at += 1;
                }
            }
            if may_start {
                if let Some(found) = automaton.longest_at(self.haystack, start, &self.accept) {
                    return Some(found);
                }
            }
        }
        None
    }
}

/// One part of a [`PrefixAutomaton`], built on its own.
struct PartBuilt {
    automaton: AhoCorasick,
    /// For a leftmost search, the same prefixes in an automaton that only finds the first place.
    leftmost: Option<AhoCorasick>,
    /// Its prefixes' patterns (numbers in all the patterns), and their rests, as in [`PrefixAutomaton`].
    patterns: Vec<u32>,
    rests: Vec<u8>,
    rest_ends: Vec<u32>,
}

impl PartBuilt {
    /// The part of `patterns` that `members` numbers.
    fn new<P: AsRef<[u8]>>(
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

impl PrefixAutomaton {
    /// Pattern `i` is reported as `i`. Patterns must not be empty. `kind` overrides the kind their size calls for.
    fn new<P: AsRef<[u8]> + Sync>(patterns: &[P], kind: Option<AhoCorasickKind>) -> PrefixAutomaton {
        if kind.is_some() {
            return PrefixAutomaton::with_kind(patterns, kind);
        }
        // A DFA searches fastest but holds a row of every byte class for every state: worth it for few names,
        // such as the built-in base's (find 104 -> 134 MB/s), never for 100,000 actors' (the default, an NFA).
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
    fn with_parts<P: AsRef<[u8]> + Sync>(
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

    /// The occurrences in `haystack` that `accept` takes; `text` is the text the haystack is or was lower-cased
    /// from, whose words tell where a mention may start.
    fn occurrences<'h, F: Fn(&Range<usize>) -> bool>(
        &'h self,
        text: &'h str,
        haystack: &'h [u8],
        accept: F,
    ) -> Occurrences<'h, F> {
        Occurrences {
            automaton: self,
            text,
            haystack,
            accept,
            exhausted: false,
        }
    }

    /// The longest occurrence that `accept` takes, at the first place from `from` on where there is one, as its
    /// range and the pattern's number.
    ///
    /// The leftmost-longest search finds the first place where some prefix occurs, and the longest prefix there.
    /// Where that prefix's pattern does not follow or is not accepted, shorter prefixes at the same place are
    /// tried, longest first, and then the places after it. Of two patterns found at one place the longer has the
    /// longer prefix (the shorter is the start of the longer, so it is kept whole), so the first one taken is the
    /// longest.
    fn next(
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
    fn longest_at(
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

/// The patterns' numbers in sorted order, and for each pattern the length of its shortest prefix that is not a
/// prefix of any other pattern, or its whole length where it is the start of another. In sorted order a pattern
/// shares its longest prefix with a neighbour.
fn sorted_with_distinguishing_prefix_lens<P: AsRef<[u8]> + Sync>(patterns: &[P]) -> (Vec<u32>, Vec<usize>) {
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
mod tests;
