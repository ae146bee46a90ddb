//! The GitHub Action: `action.yml`, its steps' scripts in `scripts/action/` run as the runner runs them, and the
//! workflows `docs/ci.md` shows, checked by actionlint (from PyPI, `scripts/install-ci-tools`; the test prints
//! `SKIPPED` where it is absent) against the action's own inputs and outputs.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

mod support;
use support::{ci_tool, repo, write};

const UNSOURCED: &str = "The convoy lost four vehicles near Bannu.\n";

/// PATH with the `brieflint` under test first.
fn path_with_brieflint() -> std::ffi::OsString {
    let bin = Path::new(env!("CARGO_BIN_EXE_brieflint"))
        .parent()
        .unwrap()
        .to_path_buf();
    let rest = std::env::var_os("PATH").unwrap_or_default();
    std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(&rest))).unwrap()
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn the_check_step_writes_the_summary_sarif_and_annotations() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "briefings/a.md", format!("{UNSOURCED}\n{UNSOURCED}"));
    write(dir.path(), "other/b.md", UNSOURCED);
    // The runner's files: the summary is appended to, never replaced.
    write(dir.path(), "summary.md", "Earlier step.\n");
    write(dir.path(), "output.txt", "");
    let output = Command::new("bash")
        .arg(repo().join("scripts/action/check"))
        .current_dir(dir.path())
        .env("PATH", path_with_brieflint())
        .env("BRIEFLINT_PATHS", "briefings")
        .env("BRIEFLINT_SARIF", "brieflint.sarif")
        .env("GITHUB_STEP_SUMMARY", dir.path().join("summary.md"))
        .env("GITHUB_OUTPUT", dir.path().join("output.txt"))
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "findings fail the step: {}",
        text(&output)
    );
    let annotations = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        annotations
            .lines()
            .filter(|l| l.starts_with("::warning file=briefings/a.md,"))
            .count(),
        2,
        "{annotations}"
    );
    let summary = std::fs::read_to_string(dir.path().join("summary.md")).unwrap();
    assert!(
        summary.starts_with("Earlier step.\n## brieflint\n\n2 findings in 1 of 1 file checked."),
        "{summary}"
    );
    let sarif: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("brieflint.sarif")).unwrap()).unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 2);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("output.txt")).unwrap(),
        "sarif-file=brieflint.sarif\n"
    );

    // Clean briefings pass; no SARIF asked for, none written; `fail-on` and extra options reach the check.
    write(
        dir.path(),
        "clean/a.md",
        "The ISPR said the convoy was hit yesterday.\n",
    );
    let clean = Command::new("bash")
        .arg(repo().join("scripts/action/check"))
        .current_dir(dir.path())
        .env("PATH", path_with_brieflint())
        .env("BRIEFLINT_PATHS", "clean")
        .env("BRIEFLINT_FAIL_ON", "info")
        .env("BRIEFLINT_ARGS", "--quiet")
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .unwrap();
    assert_eq!(
        clean.status.code(),
        Some(1),
        "an info finding fails at --fail-on info: {}",
        text(&clean)
    );
    assert!(text(&clean).contains("title=relative-date"), "{}", text(&clean));
}

#[test]
fn the_install_step_fails_loudly_without_a_release_or_cargo() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new("bash")
        .arg(repo().join("scripts/action/install"))
        .env("PATH", "/usr/bin:/bin")
        .env("RUNNER_OS", "Plan9")
        .env("RUNNER_ARCH", "X64")
        .env("RUNNER_TEMP", dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output).contains("::error title=brieflint::no release binary"),
        "{}",
        text(&output)
    );
}

/// The YAML blocks of `docs/ci.md` that are whole workflows.
fn documented_workflows() -> Vec<String> {
    let doc = std::fs::read_to_string(repo().join("docs/ci.md")).unwrap();
    doc.split("```yaml\n")
        .skip(1)
        .map(|block| block.split("```").next().unwrap().to_string())
        .filter(|block| block.starts_with("name:"))
        .collect()
}

#[test]
fn the_docs_use_the_action_by_the_real_repository_name() {
    let workflows = documented_workflows();
    assert_eq!(workflows.len(), 2, "annotations and the job summary; SARIF upload");
    for workflow in &workflows {
        assert!(workflow.contains("uses: brieflint/brieflint@v"), "{workflow}");
    }
    assert!(workflows[1].contains("github/codeql-action/upload-sarif@"));
    let doc = std::fs::read_to_string(repo().join("docs/ci.md")).unwrap();
    assert!(!doc.contains("OWNER"), "no placeholder repository");
    assert!(brieflint_core::rules::HOME.ends_with("/brieflint/brieflint"));
}

/// actionlint checks each documented workflow with the action swapped for this checkout (`uses: ./`), so the
/// inputs and outputs the docs use are checked against `action.yml`, which it parses too.
#[test]
fn the_documented_workflows_and_the_action_pass_actionlint() {
    let Some(actionlint) = ci_tool("actionlint") else {
        println!("SKIPPED: actionlint is not installed (scripts/install-ci-tools installs it)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // actionlint checks the workflows of a git repository.
    let init = Command::new("git")
        .args(["init", "-q"])
        .current_dir(dir.path())
        .status()
        .unwrap();
    assert!(init.success());
    std::fs::copy(repo().join("action.yml"), dir.path().join("action.yml")).unwrap();
    for (i, workflow) in documented_workflows().iter().enumerate() {
        let local = workflow.replace("uses: brieflint/brieflint@v0.1.0", "uses: ./");
        assert_ne!(&local, workflow, "the docs use brieflint/brieflint@v0.1.0");
        write(dir.path(), &format!(".github/workflows/doc{i}.yml"), local);
    }
    let output = Command::new(actionlint)
        .arg("-no-color")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output));
}
