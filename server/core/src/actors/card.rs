//! The actor card: who an actor is, as Markdown, for hovers and `brieflint actors NAME`.

use super::{Actor, KnowledgeBase};
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
        let list = d.list.as_deref().map(|l| format!(" ({l})")).unwrap_or_default();
        let since = d.since.as_deref().map(|s| format!(", since {s}")).unwrap_or_default();
        let _ = writeln!(out, "\n**Designated** by {}{list}{since}", d.by);
    }
    let other_names: Vec<&str> = actor
        .aliases
        .iter()
        .chain(&actor.variants)
        .chain(actor.acronyms.iter().skip(1))
        .map(String::as_str)
        .collect();
    if !other_names.is_empty() {
        let _ = writeln!(out, "\n**Also written:** {}", other_names.join(", "));
    }
    if let Some(reviewed) = &actor.reviewed {
        let _ = writeln!(out, "\n*Entry reviewed {reviewed}.*");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_card_shows_names_kind_relations_and_review_date() {
        let kb = KnowledgeBase::from_toml(
            "[[actors]]\nid = \"a\"\nname = \"Alpha Front\"\nkind = \"armed-group\"\nacronyms = [\"AF\"]\naliases = [\"The Front\"]\ndescription = \"A group.\"\nreviewed = \"2026-11-22\"\n[[actors.relations]]\nto = \"b\"\nkind = \"allied-with\"\n[[actors.designations]]\nby = \"Somewhere\"\nsince = \"2010\"\n[[actors]]\nid = \"b\"\nname = \"Beta\"\nkind = \"state\"\n",
        )
        .unwrap();
        let text = card(&kb, kb.by_id("a").unwrap());
        for part in [
            "**Alpha Front (AF)** — armed group",
            "A group.",
            "allied with Beta",
            "Designated** by Somewhere, since 2010",
            "The Front",
            "reviewed 2026-11-22",
        ] {
            assert!(text.contains(part), "missing {part} in {text}");
        }
    }
}
