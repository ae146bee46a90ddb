//! Whole documents through `brieflint check`: the sample briefings in `seeds/briefings`, the real ones in
//! `../shared/seeds` (as plain text and pasted into Markdown; those tests print `SKIPPED` where it is absent), a
//! text that reads as doctrine, and a section of references.

use serde_json::Value;

mod support;
use support::{brieflint, doctrine_text, repo, stderr, stdout, write};

#[test]
fn sample_briefings_are_checked_with_findings() {
    let output = brieflint(&repo(), &["check", "seeds/briefings"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("warning[unattributed-claim]"), "{text}");
    assert!(text.contains("warning[vague-attribution]"), "{text}");
    assert!(text.contains("files checked"), "{text}");
}

/// The two real briefings beside the repository: flagged, and every actor they name is known.
#[test]
fn the_real_seed_briefings_are_flagged_and_their_actors_known() {
    let seeds = repo().join("../shared/seeds");
    if !seeds.is_dir() {
        println!("SKIPPED: {} is absent on this machine", seeds.display());
        return;
    }
    let output = brieflint(&repo(), &["check", "--format", "json", seeds.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    for file in json["files"].as_array().unwrap() {
        let codes: Vec<&str> = file["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap())
            .collect();
        assert!(
            codes.contains(&"unattributed-claim") && codes.contains(&"vague-attribution"),
            "{file}"
        );
    }
    let kb = brieflint_core::KnowledgeBase::builtin();
    let mut named = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(&seeds).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let analysis = brieflint_core::analyse(&text, brieflint_core::DocKind::PlainText, &kb);
        for mention in analysis.mentions() {
            for (actor, _) in &kb.matcher().surface(mention.surface).actors {
                named.insert(kb.actor(*actor).id.clone());
            }
        }
    }
    // Every actor the two briefings name, by the id the knowledge base gives it.
    let expected = [
        "khyber-pakhtunkhwa",
        "afghan-taliban",
        "ttp",
        "federal-constabulary",
        "peshawar",
        "kurram",
        "afghanistan",
        "pakistan",
        "mir-ali-pact",
        "united-states",
        "nato",
        "balochistan",
        "islamabad",
        "khawaja-asif",
        "bla",
        "kabul",
        "al-qaeda",
        "sirajuddin-haqqani",
        "hafiz-gul-bahadur",
        "kandahar",
        "un-security-council",
        "brics",
    ];
    let missing: Vec<&str> = expected.iter().copied().filter(|id| !named.contains(*id)).collect();
    assert!(
        missing.is_empty(),
        "actors not found in the seed briefings: {missing:?}; found {named:?}"
    );
}

/// The real briefings pasted into Markdown (a paragraph or heading a line, no blank lines) get the same sourcing
/// findings as the plain text they came as: a heading's line is not run into the sentence after it.
#[test]
fn the_real_seed_briefings_saved_as_markdown_are_read_as_their_text() {
    let seeds = repo().join("../shared/seeds");
    if !seeds.is_dir() {
        println!("SKIPPED: {} is absent on this machine", seeds.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let sourcing = |name: &str| -> Vec<(u64, u64, String)> {
        let json: Value =
            serde_json::from_str(&stdout(&brieflint(dir.path(), &["check", "--format", "json", name]))).unwrap();
        json["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| matches!(d["code"].as_str(), Some("unattributed-claim" | "vague-attribution")))
            .map(|d| {
                (
                    d["start"]["line"].as_u64().unwrap(),
                    d["start"]["column"].as_u64().unwrap(),
                    d["code"].to_string(),
                )
            })
            .collect()
    };
    for entry in std::fs::read_dir(&seeds).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        write(dir.path(), "brief.txt", &text);
        write(dir.path(), "brief.md", &text);
        let plain = sourcing("brief.txt");
        assert!(
            plain.iter().any(|(_, _, code)| code.contains("vague")),
            "{}",
            path.display()
        );
        assert_eq!(sourcing("brief.md"), plain, "{}", path.display());
    }
}

#[test]
fn a_document_that_reads_as_doctrine_gets_one_genre_note_instead_of_sourcing_warnings() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "doctrine.md", doctrine_text());
    let output = brieflint(dir.path(), &["check", "--format", "json", "doctrine.md"]);
    let text = stdout(&output);
    assert!(text.contains("document-genre"), "{text}");
    assert!(text.contains("reads as doctrine"), "{text}");
    assert!(!text.contains("\"code\": \"unattributed-claim\""), "{text}");
}

#[test]
fn sections_of_sources_are_not_asked_for_sources() {
    let dir = tempfile::tempdir().unwrap();
    let text = "# Update\n\nThe convoy lost four vehicles near Bannu.\n\n## References\n\n1. The convoy was hit by a roadside bomb in Bannu district.\n\n## Outlook\n\nThe road stays closed.\n";
    write(dir.path(), "refs.md", text);
    let output = stdout(&brieflint(dir.path(), &["check", "--format", "json", "refs.md"]));
    let json: Value = serde_json::from_str(&output).unwrap();
    let lines: Vec<u64> = json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "unattributed-claim")
        .map(|f| f["start"]["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [3, 11], "{output}");
}
