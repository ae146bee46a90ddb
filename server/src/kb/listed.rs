//! A sanctions list's entries, as read from its file, made actors: names in normal case, the names precise
//! enough to match and those only shown, the designation with its reference and date, the narrative summary,
//! and relations to the entries the summary refers to by reference number.

use super::import_un::BODY;
use super::names::{is_acronym, normal_case, split_listed};
use super::precision::Precision;
use super::summary;
use super::write::{OutActor, OutRelation};
use brieflint_core::actors::{name_key, ActorKind, Designation};
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// One entry as the list gives it.
pub struct Listed {
    pub reference: String,
    pub person: bool,
    /// The name (a person's parts joined in order), then any other names joined to it with ";".
    pub names: Vec<String>,
    pub good_aliases: Vec<String>,
    pub low_aliases: Vec<String>,
    pub nationality: Vec<String>,
    pub titles: Vec<String>,
    pub positions: Vec<String>,
    pub regime: String,
    pub listed_on: String,
    pub comments: String,
}

/// A reference number in a summary: "QDe.132", "TAi.144".
static REFERENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[A-Z]{2}[ie]\.\d{3}\b").expect("the reference pattern is valid"));

/// The id an entry gets from its reference number: "QDe.132" is "un-qde-132".
pub fn id_of(reference: &str) -> String {
    format!("un-{}", reference.to_lowercase().replace('.', "-"))
}

/// The sanctions regime a `UN_LIST_TYPE` names.
fn regime_name(list_type: &str) -> String {
    let name = match list_type {
        "Al-Qaida" => "ISIL (Da'esh) and Al-Qaida",
        "DRC" => "Democratic Republic of the Congo",
        "CAR" => "Central African Republic",
        "GB" => "Guinea-Bissau",
        "SouthSudan" => "South Sudan",
        other => other,
    };
    format!("{name} sanctions list")
}

/// One written form of an entry before it is placed: matched in text, or only shown.
struct Form {
    text: String,
    precise: bool,
    alias: bool,
}

pub fn into_actors(entries: Vec<Listed>, precision: &Precision, date: &str) -> Vec<OutActor> {
    let known: HashSet<String> = entries.iter().map(|e| e.reference.clone()).collect();
    let forms: Vec<(Vec<Form>, Vec<String>, Vec<String>)> = entries.iter().map(|e| forms_of(e, precision)).collect();
    // A name two entries share cannot tell which one a text means: it is shown on both, matched on neither.
    let mut owners: HashMap<String, HashSet<usize>> = HashMap::new();
    for (index, (entry_forms, _, _)) in forms.iter().enumerate() {
        for form in entry_forms.iter().filter(|f| f.precise) {
            owners.entry(name_key(&form.text)).or_default().insert(index);
        }
    }
    let mut actors: Vec<OutActor> = entries
        .iter()
        .zip(forms)
        .map(|(entry, (entry_forms, acronyms, shown_acronyms))| {
            let mut actor = OutActor {
                id: id_of(&entry.reference),
                kind: Some(if entry.person {
                    ActorKind::Person
                } else {
                    ActorKind::Organisation
                }),
                acronyms,
                unmatched: shown_acronyms,
                nationality: entry.nationality.clone(),
                description: description(entry),
                sources: vec![format!("UN Security Council Consolidated List of {date}")],
                relations: relations(entry, &known),
                designations: vec![Designation {
                    by: BODY.into(),
                    list: Some(regime_name(&entry.regime)),
                    since: Some(entry.listed_on.clone()),
                    reference: Some(entry.reference.clone()),
                    as_of: Some(date.into()),
                }],
                ..OutActor::default()
            };
            let mut seen = HashSet::new();
            for form in entry_forms {
                if !seen.insert(name_key(&form.text)) {
                    continue;
                }
                let shared = owners.get(&name_key(&form.text)).is_some_and(|o| o.len() > 1);
                let matched = form.precise && !shared;
                if actor.name.is_empty() {
                    actor.name = form.text.clone();
                } else if form.alias {
                    actor.aliases.push(form.text.clone());
                } else {
                    actor.variants.push(form.text.clone());
                }
                if !matched {
                    actor.unmatched.push(form.text);
                }
            }
            if actor.name.is_empty() {
                // Only an acronym: it is the name too.
                actor.name = actor
                    .acronyms
                    .first()
                    .or(actor.unmatched.first())
                    .cloned()
                    .unwrap_or_default();
            }
            actor
        })
        .collect();
    actors.sort_by(|a, b| a.id.cmp(&b.id));
    actors
}

/// An entry's forms in order (its name first), and its acronyms: those matched, and those only shown.
fn forms_of(entry: &Listed, precision: &Precision) -> (Vec<Form>, Vec<String>, Vec<String>) {
    let precise = |text: &str| {
        if entry.person {
            precision.person_name_matches(text)
        } else {
            precision.organisation_name_matches(text)
        }
    };
    let mut forms = Vec::new();
    let mut acronyms = Vec::new();
    let mut shown_acronyms = Vec::new();
    let listed_names = entry.names.iter().map(|n| (n, false, true));
    let good = entry.good_aliases.iter().map(|n| (n, true, true));
    let low = entry.low_aliases.iter().map(|n| (n, true, false));
    // "ADF/NALU" is two acronyms.
    let split = |(raw, alias, good): (&String, bool, bool)| -> Vec<(String, bool, bool)> {
        if is_acronym(raw.trim()) && raw.contains('/') {
            raw.split('/')
                .map(|part| (part.trim().to_string(), alias, good))
                .collect()
        } else {
            vec![(raw.clone(), alias, good)]
        }
    };
    for (raw, alias, good) in listed_names.chain(good).chain(low).flat_map(split) {
        let raw = raw.trim().trim_matches(|c| c == '"' || c == '“' || c == '”');
        if is_acronym(raw) && abbreviates_any(raw, entry) {
            let list = if matches_as_acronym(raw) && good {
                &mut acronyms
            } else {
                &mut shown_acronyms
            };
            push_new(list, raw.to_string());
            continue;
        }
        let (names, found) = split_listed(raw);
        for acronym in found.into_iter().filter(|a| names.iter().any(|n| abbreviates(a, n))) {
            let list = if matches_as_acronym(&acronym) && good {
                &mut acronyms
            } else {
                &mut shown_acronyms
            };
            push_new(list, acronym);
        }
        for name in names {
            let text = normal_case(&name);
            forms.push(Form {
                precise: good && precise(&text),
                text,
                alias,
            });
        }
    }
    shown_acronyms.retain(|a| !acronyms.contains(a));
    (forms, acronyms, shown_acronyms)
}

/// Whether `acronym` abbreviates `full`: its letters are, in order, letters of it, from its first ("HQN" for
/// "Haqqani Network", "ISIL-K" for "Islamic State in Iraq and the Levant - Khorasan", but "KENYA" for no
/// foundation's name).
fn abbreviates(acronym: &str, full: &str) -> bool {
    let mut letters = full.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_uppercase);
    let mut wanted = acronym.chars().filter(char::is_ascii_alphabetic);
    let (Some(first), Some(initial)) = (wanted.next(), letters.next()) else {
        return false;
    };
    let short = acronym.chars().filter(char::is_ascii_alphabetic).count();
    let long = full.chars().filter(|c| c.is_alphabetic()).count();
    // An acronym is much shorter than what it stands for: "AL-SHABAB" is a spelling of "AL-SHABAAB", not one.
    // Nor the first words of it: "AL-QAIDA" is not an acronym of "Al Qa'ida/Islamic Army".
    let spelling = name_key(full).starts_with(&name_key(acronym));
    !spelling && short <= 8 && short * 2 <= long && first == initial && wanted.all(|w| letters.any(|l| l == w))
}

/// Whether an acronym abbreviates one of the entry's names or aliases other than itself.
fn abbreviates_any(acronym: &str, entry: &Listed) -> bool {
    entry
        .names
        .iter()
        .chain(&entry.good_aliases)
        .filter(|full| full.trim() != acronym)
        .any(|full| abbreviates(acronym, full))
}

/// Whether an acronym of the list may be matched in text: four letters or more. Three letters name too many
/// things for a list of a thousand entries: "MIT" is an Indonesian group on the list and a mobile interrogation
/// team in a Senate report. A shorter acronym is shown on the card, and the curated base may still know it.
fn matches_as_acronym(acronym: &str) -> bool {
    acronym.chars().filter(char::is_ascii_alphabetic).count() >= 4
}

fn push_new(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// The summary, after what the list gives as a person's titles and positions.
fn description(entry: &Listed) -> String {
    let mut parts = Vec::new();
    if !entry.titles.is_empty() {
        parts.push(format!("Title as listed: {}.", listed_values(&entry.titles, ", ")));
    }
    if !entry.positions.is_empty() {
        parts.push(format!(
            "Position as listed: {}.",
            listed_values(&entry.positions, "; ")
        ));
    }
    let summary = summary::clean(&entry.comments);
    if !summary.is_empty() {
        parts.push(summary);
    }
    parts.join(" ")
}

/// Values joined, without their own closing full stops.
fn listed_values(values: &[String], separator: &str) -> String {
    let values: Vec<&str> = values.iter().map(|v| v.trim_end_matches('.')).collect();
    values.join(separator)
}

/// The other entries the summary names by reference number.
fn relations(entry: &Listed, known: &HashSet<String>) -> Vec<OutRelation> {
    let mut seen = HashSet::new();
    REFERENCE
        .find_iter(&entry.comments)
        .map(|m| m.as_str())
        .filter(|r| *r != entry.reference && known.contains(*r) && seen.insert(r.to_string()))
        .map(|r| OutRelation {
            to: id_of(r),
            kind: "named-in-summary-with".into(),
        })
        .collect()
}
