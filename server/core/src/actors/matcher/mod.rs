//! Finds every actor mention in a text: all names, aliases, variants and acronyms at once, with two automata.
//!
//! Names match whatever their case ("Khyber Pakhtunkhwa", "KHYBER PAKHTUNKHWA"), except that a one-word name
//! must be capitalised in the text, so the outlet Dawn is not found in "at dawn". Acronyms match exactly.
//! Matches respect word boundaries, and the longest match wins where two overlap.

mod occurrences;
mod part;
mod prefix_automaton;
mod starts;

use super::{Actor, NameForm};
use crate::util::FastMap;
use aho_corasick::AhoCorasickKind;
use prefix_automaton::PrefixAutomaton;
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
    /// place a word starts (see `prefix_automaton::Search`). Listing every overlapping occurrence cost
    /// more, with the built-in base and with a large one.
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
    a.matched_forms().map(move |(text, form)| {
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
