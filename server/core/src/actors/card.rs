//! The actor card: who an actor is, as Markdown, for hovers and `brieflint actors NAME`.

use super::{Actor, Designation, KnowledgeBase};
use std::fmt::Write;

pub fn card(kb: &KnowledgeBase, actor: &Actor) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "**{}** — {}", actor.full_form(), actor.kind);
    if !actor.description.is_empty() {
        let _ = writeln!(out, "\n{}", actor.description);
    }
    let related: Vec<String> = actor
        .relations
        .iter()
        .map(|r| {
            format!(
                "{} {}",
                r.kind.replace('-', " "),
                kb.by_id(&r.to).map_or(r.to.as_str(), |a| a.name.as_str())
            )
        })
        .collect();
    if !related.is_empty() {
        let _ = writeln!(out, "\n**Relations:** {}", related.join("; "));
    }
    for d in &actor.designations {
        let _ = writeln!(out, "\n{}", designation_line(d));
    }
    if !actor.nationality.is_empty() {
        let _ = writeln!(out, "\n**Nationality:** {}", actor.nationality.join(", "));
    }
    let other_names: Vec<&str> = actor
        .aliases
        .iter()
        .chain(&actor.variants)
        .chain(actor.acronyms.iter().skip(1))
        .filter(|name| !actor.unmatched.contains(name))
        .map(String::as_str)
        .collect();
    if !other_names.is_empty() {
        let _ = writeln!(out, "\n**Also written:** {}", other_names.join(", "));
    }
    let reported: Vec<&str> = actor
        .unmatched
        .iter()
        .filter(|name| **name != actor.name)
        .map(String::as_str)
        .collect();
    if !reported.is_empty() {
        let _ = writeln!(
            out,
            "\n**Also reported as** (not matched in text): {}",
            reported.join(", ")
        );
    }
    if let Some(reviewed) = &actor.reviewed {
        let _ = writeln!(out, "\n*Entry reviewed {reviewed}.*");
    }
    // A source that is not a link is a dated list the entry was read from: say so, so a reader knows its age.
    for source in actor.sources.iter().filter(|s| !s.contains("://")) {
        let _ = writeln!(out, "\n*Source: {source}.*");
    }
    out
}

/// "**Designated** by the body (list), reference, since a date (UN list of its snapshot date)".
fn designation_line(d: &Designation) -> String {
    let list = d.list.as_deref().map(|l| format!(" ({l})")).unwrap_or_default();
    let reference = d.reference.as_deref().map(|r| format!(", {r}")).unwrap_or_default();
    let since = d.since.as_deref().map(|s| format!(", listed {s}")).unwrap_or_default();
    let as_of = d.as_of.as_deref().map_or(String::new(), |date| {
        let who = if d.by.starts_with("United Nations") {
            "UN list"
        } else {
            "list"
        };
        format!(" ({who} of {date})")
    });
    format!("**Designated** by {}{list}{reference}{since}{as_of}", d.by)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The card of `id` in the base `toml` holds every one of `parts`.
    fn assert_card_shows(toml: &str, id: &str, parts: &[&str]) {
        let kb = KnowledgeBase::from_toml(toml).unwrap();
        let text = card(&kb, kb.by_id(id).unwrap());
        for part in parts {
            assert!(text.contains(part), "missing {part} in {text}");
        }
    }

    #[test]
    fn the_card_shows_names_kind_relations_and_review_date() {
        assert_card_shows(
            "[[actors]]\nid = \"a\"\nname = \"Alpha Front\"\nkind = \"armed-group\"\nacronyms = [\"AF\"]\naliases = [\"The Front\"]\ndescription = \"A group.\"\nreviewed = \"2026-11-22\"\n[[actors.relations]]\nto = \"b\"\nkind = \"allied-with\"\n[[actors.designations]]\nby = \"Somewhere\"\nsince = \"2010\"\n[[actors]]\nid = \"b\"\nname = \"Beta\"\nkind = \"state\"\n",
            "a",
            &[
                "**Alpha Front (AF)** — armed group",
                "A group.",
                "allied with Beta",
                "Designated** by Somewhere, listed 2010",
                "The Front",
                "reviewed 2026-11-22",
            ],
        );
    }

    #[test]
    fn a_listed_entry_shows_reference_listing_date_snapshot_nationality_and_unmatched_names() {
        assert_card_shows(
            "[[actors]]\nid = \"p\"\nname = \"Ahmad Zarghun Khan\"\nkind = \"person\"\naliases = [\"Ahmad Khan\", \"Zarghun\"]\nunmatched = [\"Zarghun\"]\nnationality = [\"Afghanistan\"]\ndescription = \"A summary.\"\nsources = [\"UN Security Council Consolidated List of 2025-11-20\"]\n[[actors.designations]]\nby = \"United Nations Security Council\"\nlist = \"Taliban\"\nreference = \"TAi.999\"\nsince = \"2001-01-25\"\nas_of = \"2025-11-20\"\n",
            "p",
            &[
                "**Designated** by United Nations Security Council (Taliban), TAi.999, listed 2001-01-25 (UN list of 2025-11-20)",
                "**Nationality:** Afghanistan",
                "**Also written:** Ahmad Khan\n",
                "**Also reported as** (not matched in text): Zarghun",
                "*Source: UN Security Council Consolidated List of 2025-11-20.*",
            ],
        );
    }
}
