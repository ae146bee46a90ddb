//! The `brieflint` commands end to end: `check` (exit statuses, `--fail-on`, baselines, which files a folder walk
//! checks, `--force-exclude`, standard input, `--fix` and `--diff`, `--statistics`, `--quiet`, `--output-file`),
//! `init`, `explain` and `rules` (with the rule pages in `docs/rules/`), and `actors`.

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

#[test]
fn actors_shows_every_actor_that_shares_an_acronym() {
    let output = brieflint(&repo(), &["actors", "FC"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.contains("**Federal Constabulary (FC)**"), "{text}");
    assert!(text.contains("**Frontier Corps (FC)**"), "{text}");
    let one = stdout(&brieflint(&repo(), &["actors", "Frontier Corps"]));
    assert!(!one.contains("Federal Constabulary (FC)**"), "{one}");
}

/// The acronym's first use is spelled out by `--fix`; the unsourced claim's fixes are templates, never applied.
const FIXABLE: &str =
    "# Update\n\nThe TTP attacked a post near Bannu, the ISPR said.\n\nThe convoy lost four vehicles.\n";
const FIXED: &str =
    "# Update\n\nThe Tehreek-e-Taliban Pakistan (TTP) attacked a post near Bannu, the ISPR said.\n\nThe convoy lost four vehicles.\n";

#[test]
fn force_exclude_applies_the_excludes_to_named_files() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "brieflint.toml", "[files]\nexclude = [\"drafts/**\"]\n");
    write(dir.path(), "drafts/old.md", UNSOURCED);
    write(dir.path(), "new.md", UNSOURCED);
    let named = brieflint(dir.path(), &["check", "drafts/old.md"]);
    assert_eq!(named.status.code(), Some(1), "named files are checked by default");
    let forced = brieflint(dir.path(), &["check", "--force-exclude", "drafts/old.md", "new.md"]);
    assert_eq!(forced.status.code(), Some(1));
    assert!(!stdout(&forced).contains("old.md"), "{}", stdout(&forced));
    assert!(stdout(&forced).contains("new.md:3:1"), "{}", stdout(&forced));
    assert_eq!(
        brieflint(dir.path(), &["check", "--force-exclude", "drafts/old.md"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn a_dash_reads_standard_input_named_by_stdin_filename() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "brieflint.toml",
        "[rules]\nunattributed-claim = \"error\"\n",
    );
    let output = support::brieflint_stdin(
        dir.path(),
        &["check", "--format", "json", "--stdin-filename", "notes/week.txt", "-"],
        UNSOURCED_LINE,
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["files"][0]["path"], "notes/week.txt");
    let diagnostic = &json["files"][0]["diagnostics"][0];
    assert_eq!(diagnostic["code"], "unattributed-claim");
    assert_eq!(diagnostic["severity"], "error", "the name's configuration applies");
    // Excluded by name, the text is not checked; with `--fix` it comes back unchanged for the editor.
    write(dir.path(), "brieflint.toml", "[files]\nexclude = [\"drafts/**\"]\n");
    let args = ["check", "--force-exclude", "--stdin-filename", "drafts/a.md", "-"];
    let excluded = support::brieflint_stdin(dir.path(), &args, UNSOURCED);
    assert_eq!(excluded.status.code(), Some(0), "{}", stdout(&excluded));
    let args = [
        "check",
        "--fix",
        "--force-exclude",
        "--stdin-filename",
        "drafts/a.md",
        "-",
    ];
    assert_eq!(stdout(&support::brieflint_stdin(dir.path(), &args, FIXABLE)), FIXABLE);
}

#[test]
fn fix_on_standard_input_prints_the_fixed_text() {
    let dir = tempfile::tempdir().unwrap();
    let output = support::brieflint_stdin(
        dir.path(),
        &["check", "--fix", "--stdin-filename", "a.md", "-"],
        FIXABLE,
    );
    assert_eq!(stdout(&output), FIXED);
    assert_eq!(output.status.code(), Some(1), "the unsourced claim remains");
}

#[test]
fn fix_applies_only_the_safe_fixes_and_rewrites_the_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", FIXABLE);
    write(dir.path(), "clean.md", SOURCED);
    let output = brieflint(dir.path(), &["check", "--fix", "."]);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.md")).unwrap(),
        FIXED,
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read_to_string(dir.path().join("clean.md")).unwrap(), SOURCED);
    assert!(
        stderr(&output).contains("fixed 1 finding in 1 file"),
        "{}",
        stderr(&output)
    );
    // What remains is reported: the unsourced claim, whose fixes are templates to fill in.
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("a.md:5:1: warning[unattributed-claim]"),
        "{}",
        stdout(&output)
    );
    assert!(!stdout(&output).contains("undefined-acronym"), "{}", stdout(&output));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 2, "no temporary file left: {leftovers:?}");
}

#[test]
fn fix_writes_the_canonical_spelling_never_the_documents_first_one() {
    let dir = tempfile::tempdir().unwrap();
    let first = "# Update\n\nThe Tehrik-i-Taliban Pakistan attacked, the ISPR said.\n\n";
    // A later variant becomes the canonical name, not the document's first (non-canonical) spelling.
    write(
        dir.path(),
        "a.md",
        format!("{first}Later the Tehrik-e-Taliban Pakistan withdrew, the ISPR said.\n"),
    );
    let output = brieflint(dir.path(), &["check", "--fix", "a.md"]);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.md")).unwrap(),
        format!("{first}Later the Tehreek-e-Taliban Pakistan withdrew, the ISPR said.\n"),
        "{}",
        stderr(&output)
    );
    // Already canonical, the later mention's only fix is the first spelling: offered to editors, not applied.
    let canonical = format!("{first}Later the Tehreek-e-Taliban Pakistan withdrew, the ISPR said.\n");
    assert!(stdout(&brieflint(dir.path(), &["check", "a.md"])).contains("inconsistent-actor-name"));
    let output = brieflint(dir.path(), &["check", "--fix", "a.md"]);
    assert!(stderr(&output).contains("fixed 0 findings"), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(dir.path().join("a.md")).unwrap(), canonical);
}

#[test]
fn diff_shows_the_fixes_and_leaves_the_file_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", FIXABLE);
    let output = brieflint(dir.path(), &["check", "--diff", "a.md"]);
    assert_eq!(output.status.code(), Some(1), "there is something to fix");
    let diff = stdout(&output);
    assert!(diff.starts_with("--- a/a.md\n+++ b/a.md\n"), "{diff}");
    assert!(
        diff.contains(
            "\n-The TTP attacked a post near Bannu, the ISPR said.\n+The Tehreek-e-Taliban Pakistan (TTP) attacked"
        ),
        "{diff}"
    );
    assert_eq!(std::fs::read_to_string(dir.path().join("a.md")).unwrap(), FIXABLE);
    write(dir.path(), "a.md", FIXED);
    let nothing = brieflint(dir.path(), &["check", "--diff", "a.md"]);
    assert_eq!((nothing.status.code(), stdout(&nothing)), (Some(0), String::new()));
}

#[test]
fn statistics_print_counts_per_rule_instead_of_findings() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", UNSOURCED);
    write(dir.path(), "b.md", FIXABLE);
    let output = brieflint(dir.path(), &["check", "--statistics", "."]);
    assert_eq!(output.status.code(), Some(1));
    let lines: Vec<String> = stdout(&output)
        .lines()
        .map(|l| l.split_whitespace().take(2).collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(
        lines,
        vec!["2 unattributed-claim", "1 undefined-acronym"],
        "{}",
        stdout(&output)
    );
}

#[test]
fn quiet_prints_the_findings_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", UNSOURCED);
    let loud = stdout(&brieflint(dir.path(), &["check", "a.md"]));
    let quiet = brieflint(dir.path(), &["check", "--quiet", "a.md"]);
    assert!(loud.contains("1 finding in 1 of 1 file checked"), "{loud}");
    assert_eq!(quiet.status.code(), Some(1));
    assert_eq!(
        stdout(&quiet),
        loud.lines().take(2).map(|l| format!("{l}\n")).collect::<String>()
    );
}

#[test]
fn output_file_receives_what_stdout_would() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", UNSOURCED);
    let output = brieflint(
        dir.path(),
        &["check", "--format", "json", "--output-file", "out/report.json", "a.md"],
    );
    assert_eq!(
        output.status.code(),
        Some(2),
        "a missing folder is an error, not a lost report"
    );
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let output = brieflint(
        dir.path(),
        &["check", "--format", "json", "--output-file", "out/report.json", "a.md"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    let written = std::fs::read_to_string(dir.path().join("out/report.json")).unwrap();
    assert_eq!(
        written,
        stdout(&brieflint(dir.path(), &["check", "--format", "json", "a.md"]))
    );
}

/// `classify` says which flagged-looking sentences the document as a whole answers, so that "why is this not
/// flagged?" has an answer there too.
#[test]
fn classify_marks_what_the_document_answers() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "wire.md",
        "Interior Minister Ahmed Farouk said the border would reopen.\n\nHe added that guards were deployed.\n\nThe road is closed.\n",
    );
    let output = brieflint(dir.path(), &["classify", "wire.md"]);
    let printed = stdout(&output);
    assert!(output.status.success(), "{printed}");
    let line_of = |words: &str| {
        let at = printed.find(words).unwrap_or_else(|| panic!("{words} in {printed}"));
        printed[..at].trim_end().lines().last().unwrap_or("").to_string()
    };
    assert!(line_of("He added").contains("not reported"), "{printed}");
    assert!(!line_of("The road is closed").contains("not reported"), "{printed}");
}
