//! End-to-end tests of the `brieflint` command: check (human and JSON), exit statuses, bad input, the workspace
//! knowledge base, explain/rules/actors, and the real briefings in `../shared/seeds/`.

use serde_json::Value;

mod support;
use support::{brieflint, repo, stderr, stdout, write};

const UNSOURCED: &str = "# Update\n\nThe convoy lost four vehicles near Bannu.\n";
const SOURCED: &str = "# Update\n\nThe ISPR said the convoy lost four vehicles near Bannu.\n";

#[test]
fn sample_briefings_are_checked_with_findings() {
    let output = brieflint(&repo(), &["check", "seeds/briefings"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("warning[unattributed-claim]"), "{text}");
    assert!(text.contains("warning[vague-attribution]"), "{text}");
    assert!(text.contains("files checked"), "{text}");
}

#[test]
fn exit_status_is_zero_without_findings_and_one_with() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "clean.md", SOURCED);
    write(dir.path(), "dirty.md", UNSOURCED);
    assert_eq!(brieflint(dir.path(), &["check", "clean.md"]).status.code(), Some(0));
    let dirty = brieflint(dir.path(), &["check", "dirty.md"]);
    assert_eq!(dirty.status.code(), Some(1));
    assert!(
        stdout(&dirty).contains("dirty.md:3:1: warning[unattributed-claim]"),
        "{}",
        stdout(&dirty)
    );
}

#[test]
fn json_output_has_the_documented_shape_and_consistent_positions() {
    let dir = tempfile::tempdir().unwrap();
    let text = "# Week\n\n😀 Emoji first. The convoy lost four vehicles near Bannu.\r\nSources say more died.\n";
    write(dir.path(), "week.md", text);
    let output = brieflint(dir.path(), &["check", "--format", "json", "week.md"]);
    assert_eq!(output.status.code(), Some(1));
    let json: Value = serde_json::from_str(&stdout(&output)).expect("stdout is one JSON object");
    let file = &json["files"][0];
    assert_eq!(file["path"], "week.md");
    let diagnostics = file["diagnostics"].as_array().unwrap();
    assert!(!diagnostics.is_empty());
    for d in diagnostics {
        for key in ["code", "severity", "message"] {
            assert!(d[key].is_string(), "{key} in {d}");
        }
        for end in ["start", "end"] {
            let offset = d[end]["offset"].as_u64().unwrap() as usize;
            let before = &text[..offset];
            let line = before.matches('\n').count() + 1;
            let column = before[before.rfind('\n').map_or(0, |i| i + 1)..].chars().count() + 1;
            assert_eq!(d[end]["line"].as_u64().unwrap() as usize, line, "{d}");
            assert_eq!(d[end]["column"].as_u64().unwrap() as usize, column, "{d}");
        }
    }
    let convoy = diagnostics.iter().find(|d| d["code"] == "unattributed-claim").unwrap();
    let (start, end) = (
        convoy["start"]["offset"].as_u64().unwrap() as usize,
        convoy["end"]["offset"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "The convoy lost four vehicles near Bannu.");
    // "😀 Emoji first. " is 15 characters: the emoji counts as one, not as its 4 bytes or 2 UTF-16 units.
    assert_eq!(
        convoy["start"]["column"], 16,
        "columns count characters, the emoji is one"
    );
    assert_eq!(json["errors"].as_array().unwrap().len(), 0);
}

#[test]
fn unreadable_files_are_reported_and_the_rest_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "docs/bad.md", b"The convoy \xff\xfe lost four vehicles.\n");
    write(dir.path(), "docs/good.md", UNSOURCED);
    let output = brieflint(dir.path(), &["check", "--format", "json", "docs", "missing.md"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("bad.md: not UTF-8"), "{err}");
    assert!(err.contains("missing.md: no such file or folder"), "{err}");
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        json["files"][0]["path"].as_str().unwrap().replace('\\', "/"),
        "docs/good.md"
    );
    assert_eq!(json["errors"].as_array().unwrap().len(), 2);
}

#[test]
fn folders_are_walked_honouring_gitignore_and_skipping_other_files() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), ".gitignore", "drafts/\n");
    write(dir.path(), "drafts/old.md", UNSOURCED);
    write(
        dir.path(),
        "notes/new.txt",
        "The convoy lost four vehicles near Bannu.\n",
    );
    write(
        dir.path(),
        "notes/script.py",
        "print('The convoy lost four vehicles.')\n",
    );
    let output = brieflint(dir.path(), &["check", "--format", "json", "."]);
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let paths: Vec<String> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().replace('\\', "/"))
        .collect();
    assert_eq!(paths, vec!["./notes/new.txt"]);
}

#[test]
fn a_broken_workspace_knowledge_base_is_located_and_checking_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        ".brieflint/actors.toml",
        "[[actors]]\nid = \"x\"\nname = \"X\"\nkind = \"planet\"\n",
    );
    write(dir.path(), "a.md", UNSOURCED);
    let output = brieflint(dir.path(), &["check", "a.md"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("actors.toml: 4:8:"), "{err}");
    assert!(stdout(&output).contains("unattributed-claim"));
}

#[test]
fn a_workspace_knowledge_base_adds_actors() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        ".brieflint/actors.toml",
        "[[actors]]\nid = \"zfront\"\nname = \"Zarghun Front\"\nkind = \"armed-group\"\nacronyms = [\"ZF\"]\n",
    );
    let output = brieflint(dir.path(), &["actors", "ZF"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("**Zarghun Front (ZF)** — armed group"));
}

#[test]
fn actors_lists_and_shows_the_built_in_base() {
    let list = brieflint(&repo(), &["actors"]);
    assert_eq!(list.status.code(), Some(0));
    assert!(
        stdout(&list).lines().any(|l| l.starts_with("ttp ")),
        "{}",
        stdout(&list)
    );
    let one = brieflint(&repo(), &["actors", "TTP"]);
    assert!(stdout(&one).contains("Tehreek-e-Taliban Pakistan (TTP)"));
    assert_eq!(brieflint(&repo(), &["actors", "Nobody At All"]).status.code(), Some(2));
}

#[test]
fn explain_and_rules_print_the_rule_documentation() {
    let output = brieflint(&repo(), &["explain", "unattributed-claim"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.contains("## Example") && text.contains("## Use instead"), "{text}");
    assert_eq!(brieflint(&repo(), &["explain", "no-such-rule"]).status.code(), Some(2));
    let rules = stdout(&brieflint(&repo(), &["rules"]));
    assert!(rules.contains("unattributed-claim") && rules.contains("vague-attribution"));
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

/// `docs/rules/CODE.md`, where editors and SARIF viewers link each diagnostic, is exactly what `brieflint explain
/// CODE` prints, for every rule. `BRIEFLINT_BLESS=1 cargo test --test cli` rewrites the pages after a change.
#[test]
fn each_rule_has_a_documentation_page_equal_to_its_explanation() {
    let docs = repo().join("docs/rules");
    let bless = std::env::var_os("BRIEFLINT_BLESS").is_some();
    for rule in brieflint_core::rules::ALL {
        let code = rule.info().code;
        let explained = stdout(&brieflint(&repo(), &["explain", code]));
        let page = docs.join(format!("{code}.md"));
        if bless {
            write(&docs, &format!("{code}.md"), &explained);
        }
        let written = std::fs::read_to_string(&page).unwrap_or_default();
        assert_eq!(
            written,
            explained,
            "{} is missing or out of date: run BRIEFLINT_BLESS=1 cargo test --test cli",
            page.display()
        );
        assert!(brieflint_core::rules::documentation_url(code).ends_with(&format!("docs/rules/{code}.md")));
    }
}

/// Doctrine: many sentences that prescribe, the rest general description citing no one.
fn doctrine_text() -> String {
    let mut text = String::from("# Intelligence support to planning\n\n");
    for i in 0..12 {
        text.push_str(&format!(
            "The J-2 should synchronize collection plan {i} with the operation. The collection manager tracks \
             requirement {i} across the force. The intelligence cell compares the indicators with the estimate. The \
             cell updates the assessment as the situation develops. Targeting follows the commander's priorities.\n\n"
        ));
    }
    text
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
fn a_declared_genre_wins_over_the_one_read_from_the_text() {
    let dir = tempfile::tempdir().unwrap();
    // Declared a briefing in its front matter: every sentence is checked.
    write(
        dir.path(),
        "declared.md",
        format!("---\ngenre: briefing\n---\n{}", doctrine_text()),
    );
    let text = stdout(&brieflint(dir.path(), &["check", "declared.md"]));
    assert!(
        text.contains("warning[unattributed-claim]") && !text.contains("document-genre"),
        "{text}"
    );
    // Declared a statute by a glob in brieflint.toml: a short text gets the note too.
    write(dir.path(), "brieflint.toml", "[genres]\nstatute = [\"laws/**\"]\n");
    write(dir.path(), "laws/act.md", UNSOURCED);
    let text = stdout(&brieflint(dir.path(), &["check", "laws/act.md"]));
    assert!(text.contains("is declared statute"), "{text}");
    assert!(!text.contains("warning[unattributed-claim]"), "{text}");
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
