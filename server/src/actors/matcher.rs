//! Finds every actor mention in a text in one pass: all names, aliases, variants and acronyms at once.
//!
//! Names match whatever their case ("Khyber Pakhtunkhwa", "KHYBER PAKHTUNKHWA"), except that a one-word name
//! must be capitalised in the text, so the outlet Dawn is not found in "at dawn". Acronyms match exactly.
//! Matches respect word boundaries, and the longest match wins where two overlap.

use super::{Actor, NameForm};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;
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
    names: AhoCorasick,
    acronyms: AhoCorasick,
    name_surfaces: Vec<usize>,
    acronym_surfaces: Vec<usize>,
    surfaces: Vec<Surface>,
}

impl Matcher {
    pub fn new(actors: &[Actor]) -> Matcher {
        let mut surfaces: Vec<Surface> = Vec::new();
        let mut by_key: HashMap<(bool, String), usize> = HashMap::new();
        let mut name_patterns = Vec::new();
        let mut acronym_patterns = Vec::new();
        let mut name_surfaces = Vec::new();
        let mut acronym_surfaces = Vec::new();
        for (index, actor) in actors.iter().enumerate() {
            for (text, form) in actor.written_forms() {
                let acronym = form == NameForm::Acronym;
                let key = (acronym, if acronym { text.to_string() } else { text.to_lowercase() });
                let surface = *by_key.entry(key).or_insert_with(|| {
                    surfaces.push(Surface {
                        text: text.to_string(),
                        actors: Vec::new(),
                    });
                    if acronym {
                        acronym_patterns.push(text.to_string());
                        acronym_surfaces.push(surfaces.len() - 1);
                    } else {
                        name_patterns.push(text.to_ascii_lowercase());
                        name_surfaces.push(surfaces.len() - 1);
                    }
                    surfaces.len() - 1
                });
                if !surfaces[surface].actors.iter().any(|(a, _)| *a == index) {
                    surfaces[surface].actors.push((index, form));
                }
            }
        }
        // Names are matched in ASCII lower case on both sides rather than with `ascii_case_insensitive`, which
        // doubles the automaton's transitions: with 100,000 actors that made building it several times slower.
        let build = |patterns: &[String]| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .build(patterns)
                .expect("actor names are plain strings, which always build")
        };
        Matcher {
            names: build(&name_patterns),
            acronyms: build(&acronym_patterns),
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
        for m in self.names.find_overlapping_iter(&lower) {
            let range = m.start()..m.end();
            if at_word_boundaries(text, &range) && capitalised_if_one_word(&text[range.clone()]) {
                candidates.push(Mention {
                    range,
                    surface: self.name_surfaces[m.pattern().as_usize()],
                });
            }
        }
        for m in self.acronyms.find_overlapping_iter(text) {
            let range = m.start()..m.end();
            if at_word_boundaries(text, &range) {
                candidates.push(Mention {
                    range,
                    surface: self.acronym_surfaces[m.pattern().as_usize()],
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
    use crate::actors::KnowledgeBase;

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

    #[test]
    fn a_shared_acronym_names_every_actor_that_has_it() {
        assert_eq!(found("The FC post.")[0].1, vec!["fc", "fcon"]);
    }
}
