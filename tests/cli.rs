//! The `brieflint` commands end to end: `check` (exit statuses, `--fail-on`, baselines, which files a folder walk
//! checks), `init`, `explain` and `rules` (with the rule pages in `docs/rules/`), and `actors`.

use serde_json::Value;

mod support;
use support::{brieflint, codes, repo, stderr, stdout, write};

const UNSOURCED: &str = "# Update\n\nThe convoy lost four vehicles near Bannu.\n";
/// The same sentence alone, without a heading.
const UNSOURCED_LINE: &str = "The convoy lost four vehicles near Bannu.\n";
const SOURCED: &str = "# Update\n\nThe ISPR said the convoy lost four vehicles near Bannu.\n";

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
fn fail_on_picks_the_severity_that_fails() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "info-only.md",
        "The ISPR said the convoy was hit yesterday.\n",
    );
    assert_eq!(
        codes(&brieflint(dir.path(), &["check", "--format", "json", "info-only.md"])),
        vec!["relative-date"]
    );
    assert_eq!(
        brieflint(dir.path(), &["check", "info-only.md"]).status.code(),
        Some(0),
        "an info finding does not fail by default"
    );
    assert_eq!(
        brieflint(dir.path(), &["check", "--fail-on", "info", "info-only.md"])
            .status
            .code(),
        Some(1)
    );
    write(dir.path(), "warning.md", UNSOURCED_LINE);
    assert_eq!(
        brieflint(dir.path(), &["check", "--fail-on", "error", "warning.md"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(brieflint(dir.path(), &["check", "warning.md"]).status.code(), Some(1));
}

#[test]
fn a_baseline_survives_edits_that_shift_lines() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.md",
        "# Week\n\nThe convoy lost four vehicles near Bannu.\n\nSources say the post fell.\n",
    );
    let written = brieflint(dir.path(), &["check", "--write-baseline", "baseline.json", "a.md"]);
    assert_eq!(written.status.code(), Some(0), "{}", stderr(&written));
    assert!(stderr(&written).contains("wrote a baseline of 2 findings"));
    assert_eq!(
        brieflint(dir.path(), &["check", "--baseline", "baseline.json", "a.md"])
            .status
            .code(),
        Some(0)
    );
    // New lines above shift everything; a new unsourced sentence is the only new finding.
    write(dir.path(), "a.md", "# Week\n\nIntro added later, the ISPR said.\n\nThe   convoy lost four vehicles near Bannu.\n\nSources say the post fell.\n\nA second convoy lost two trucks.\n");
    let after = brieflint(
        dir.path(),
        &["check", "--format", "json", "--baseline", "baseline.json", "a.md"],
    );
    assert_eq!(after.status.code(), Some(1));
    let json: Value = serde_json::from_str(&stdout(&after)).unwrap();
    let diagnostics = json["files"][0]["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["start"]["line"], 9);
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
fn init_writes_a_default_configuration_once() {
    let dir = tempfile::tempdir().unwrap();
    let first = brieflint(dir.path(), &["init"]);
    assert_eq!(first.status.code(), Some(0));
    let written = std::fs::read_to_string(dir.path().join("brieflint.toml")).unwrap();
    assert!(written.contains("[rules]") && written.contains("# unattributed-claim = \"warning\""));
    assert_eq!(brieflint(dir.path(), &["init"]).status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("brieflint.toml")).unwrap(),
        written,
        "never overwritten"
    );
    write(dir.path(), "a.md", UNSOURCED_LINE);
    assert_eq!(
        brieflint(dir.path(), &["check", "a.md"]).status.code(),
        Some(1),
        "the template is a valid configuration"
    );
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
