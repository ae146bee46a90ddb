//! What a workspace and a document configure, end to end: `brieflint.toml` (the nearest one or `--config`: rule
//! levels, include and exclude globs, genres), a genre declared in front matter, inline suppressions, and the
//! workspace knowledge base `.brieflint/actors.toml`. A broken file is located and checking goes on.

use serde_json::Value;

mod support;
use support::{brieflint, codes, doctrine_text, stderr, stdout, write};

const UNSOURCED: &str = "# Update\n\nThe convoy lost four vehicles near Bannu.\n";
/// The same sentence alone, without a heading.
const UNSOURCED_LINE: &str = "The convoy lost four vehicles near Bannu.\n";

#[test]
fn the_nearest_configuration_sets_rule_levels() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "team/brieflint.toml",
        "[rules]\nunattributed-claim = \"off\"\nrelative-date = \"error\"\n",
    );
    write(
        dir.path(),
        "team/a.md",
        "The convoy lost four vehicles near Bannu yesterday.\n",
    );
    write(
        dir.path(),
        "other/a.md",
        "The convoy lost four vehicles near Bannu yesterday.\n",
    );
    let team = brieflint(dir.path(), &["check", "--format", "json", "team/a.md"]);
    assert_eq!(codes(&team), vec!["relative-date"]);
    let json: Value = serde_json::from_str(&stdout(&team)).unwrap();
    assert_eq!(json["files"][0]["diagnostics"][0]["severity"], "error");
    let other = brieflint(dir.path(), &["check", "--format", "json", "other/a.md"]);
    assert!(codes(&other).contains(&"unattributed-claim".to_string()));
    let forced = brieflint(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--config",
            "team/brieflint.toml",
            "other/a.md",
        ],
    );
    assert_eq!(codes(&forced), vec!["relative-date"]);
}

#[test]
fn a_bad_configuration_names_file_line_and_allowed_values() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "brieflint.toml", "[rules]\nunattributed-claim = \"loud\"\n");
    write(dir.path(), "a.md", UNSOURCED_LINE);
    let output = brieflint(dir.path(), &["check", "a.md"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("brieflint.toml: 2:22:") && err.contains("`error`, `warning`, `info`, `hint`"),
        "{err}"
    );
    assert!(
        stdout(&output).contains("unattributed-claim"),
        "the file is still checked with the defaults"
    );
}

#[test]
fn include_and_exclude_globs_filter_walked_files() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "brieflint.toml", "[files]\nexclude = [\"drafts/**\"]\n");
    write(dir.path(), "drafts/a.md", UNSOURCED_LINE);
    write(dir.path(), "final/b.md", UNSOURCED_LINE);
    let output = brieflint(dir.path(), &["check", "--format", "json", "."]);
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let paths: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, vec!["./final/b.md"]);
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
fn every_suppression_form_works_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let text = "<!-- brieflint-disable-next-line unattributed-claim -->\nThe convoy lost four vehicles near Bannu.\n\n\
                <!-- brieflint-disable vague-attribution -->\nSources say the post fell.\n<!-- brieflint-enable vague-attribution -->\n\n\
                Officials say the road closed.\n\n<!-- brieflint-disable-next-line relative-date -->\nThe ISPR said the road reopened.\n";
    write(dir.path(), "a.md", text);
    let found = codes(&brieflint(dir.path(), &["check", "--format", "json", "a.md"]));
    assert_eq!(found, vec!["vague-attribution", "unused-suppression"]);
    write(
        dir.path(),
        "b.txt",
        format!("<!-- brieflint-disable-file -->\n{UNSOURCED_LINE}"),
    );
    assert_eq!(brieflint(dir.path(), &["check", "b.txt"]).status.code(), Some(0));
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

/// The VS Code extension's settings schema lists the rule codes (so that the editor completes them), and a JSON
/// manifest cannot ask the registry: this test names any rule the extension lacks or any code it has too many.
#[test]
fn the_vscode_settings_list_exactly_the_registered_rules() {
    let manifest: Value = serde_json::from_str(include_str!("../editors/vscode/package.json")).unwrap();
    let listed = &manifest["contributes"]["configuration"]["properties"]["brieflint.rules"]["propertyNames"]["enum"];
    let mut listed: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|code| code.as_str().unwrap())
        .collect();
    let mut registered: Vec<&str> = brieflint_core::rules::ALL.iter().map(|rule| rule.info().code).collect();
    listed.sort_unstable();
    registered.sort_unstable();
    assert_eq!(listed, registered, "editors/vscode/package.json, brieflint.rules");
}
