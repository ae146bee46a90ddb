//! A knowledge base of any size, in the TOML format users write: groups, people, places, bodies and outlets
//! with aliases, spelling variants, acronyms (some shared, as in life) and relations.

use super::words::{word, BODY_FORMS, GIVEN_NAMES, GROUP_FORMS, OUTLET_FORMS};
use brieflint_core::actors::ActorKind;
use brieflint_core::KnowledgeBase;
use std::fmt::Write;

/// TOML for `count` actors (at most about 113,000), the same for the same seed.
pub fn generated_kb(count: usize, seed: u64) -> String {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut out = String::with_capacity(count * 300);
    for i in 0..count {
        let stem = word(i);
        let (kind, name) = match i % 20 {
            0..=3 => ("armed-group", fill(rng.choice(GROUP_FORMS).unwrap(), &stem)),
            4..=9 => ("person", format!("{} {stem}", rng.choice(GIVEN_NAMES).unwrap())),
            10..=14 => ("place", stem.clone()),
            15..=16 => ("government-body", fill(rng.choice(BODY_FORMS).unwrap(), &stem)),
            17..=18 => ("media-outlet", fill(rng.choice(OUTLET_FORMS).unwrap(), &stem)),
            _ => ("international-organisation", format!("{stem} Cooperation Council")),
        };
        let _ = writeln!(
            out,
            "[[actors]]\nid = \"gen-{i}\"\nname = \"{name}\"\nkind = \"{kind}\""
        );
        let mut aliases = Vec::new();
        let mut acronyms = Vec::new();
        match kind {
            "armed-group" => {
                aliases.push(format!("{stem} militants"));
                if rng.bool() {
                    acronyms.push(initials(&name));
                }
            }
            "person" => aliases.push(format!("Mr {stem}")),
            "government-body" | "international-organisation" => acronyms.push(initials(&name)),
            _ => {}
        }
        let variants = vec![transliterated(&name)];
        let _ = writeln!(out, "aliases = {}", list(&aliases));
        let _ = writeln!(out, "variants = {}", list(&variants));
        if !acronyms.is_empty() {
            let _ = writeln!(out, "acronyms = {}", list(&acronyms));
        }
        let _ = writeln!(
            out,
            "description = \"A generated {kind} for benchmarks, entry {i}.\"\nreviewed = \"2026-11-2{}\"\nsources = [\"https://example.org/actors/{i}\"]",
            i % 10
        );
        if i > 0 && rng.u8(..10) == 0 {
            let _ = writeln!(
                out,
                "[[actors.relations]]\nto = \"gen-{}\"\nkind = \"allied-with\"",
                rng.usize(..i)
            );
        }
        out.push('\n');
    }
    out
}

fn fill(form: &str, stem: &str) -> String {
    form.replace("{}", stem)
}

/// "Jamaat-ul-Karam" → "JUK"; "Ministry of Dar Affairs" → "MDA" (lower-case words are skipped).
fn initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter_map(|part| part.chars().next())
        .filter(|c| c.is_uppercase() || *c == 'u')
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// A transliteration variant: doubled vowel and hyphens as spaces ("Lashkar-e-Ram" → "Lashkaar e Ram").
fn transliterated(name: &str) -> String {
    name.replacen('a', "aa", 1).replace('-', " ")
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("\"{s}\"")).collect();
    format!("[{}]", quoted.join(", "))
}

/// The names a corpus draws on, taken from a knowledge base.
#[derive(Clone, Debug, Default)]
pub struct Cast {
    /// Groups, bodies and organisations, by any written form.
    pub groups: Vec<String>,
    pub people: Vec<String>,
    pub places: Vec<String>,
    pub outlets: Vec<String>,
}

/// The cast of a knowledge base, with made-up unknown names mixed in where a kind has none.
pub fn names_of(kb: &KnowledgeBase) -> Cast {
    let mut cast = Cast::default();
    for actor in kb.actors() {
        let forms = actor.written_forms().map(|(text, _)| text.to_string());
        let bucket = match actor.kind {
            ActorKind::Person => &mut cast.people,
            ActorKind::Place => &mut cast.places,
            ActorKind::MediaOutlet => &mut cast.outlets,
            ActorKind::Event => continue,
            _ => &mut cast.groups,
        };
        bucket.extend(forms);
    }
    // Unknown names (past the generated range of stems) keep the corpus realistic for a small base.
    let unknown =
        |form: &str, from: usize| -> Vec<String> { (from..from + 20).map(|i| form.replace("{}", &word(i))).collect() };
    cast.groups.extend(unknown("{} Front", 2300));
    cast.people.extend(unknown("Commander {}", 2400));
    cast.places.extend(unknown("{}", 2500));
    cast.outlets.extend(unknown("{} Daily", 2600));
    cast
}
