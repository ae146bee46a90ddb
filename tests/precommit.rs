//! The pre-commit hook (`.pre-commit-hooks.yaml`) run by pre-commit itself, through `pre-commit try-repo`, on a
//! scratch repository: committing a `.py` file passes without checking it, a briefing is checked, and the
//! configuration's excludes apply to the files pre-commit names. pre-commit comes from PyPI
//! (`scripts/install-ci-tools`, which `scripts/test` runs); where it cannot be found the test prints `SKIPPED`.

use std::path::Path;
use std::process::{Command, Output};

mod support;
use support::{ci_tool, repo, write};

fn git(dir: &Path, args: &[&str]) {
    let output = Command::new("git")
        .args([
            "-c",
            "user.name=test",
            "-c",
            "user.email=test@example.org",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn the_hook_checks_briefings_only_and_honours_excludes() {
    let Some(pre_commit) = ci_tool("pre-commit") else {
        println!("SKIPPED: pre-commit is not installed (scripts/install-ci-tools installs it)");
        return;
    };
    // The hook's repository: its definition alone, committed, as pre-commit clones it.
    let hooks = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo().join(".pre-commit-hooks.yaml"),
        hooks.path().join(".pre-commit-hooks.yaml"),
    )
    .unwrap();
    git(hooks.path(), &["init", "-q"]);
    git(hooks.path(), &["add", "."]);
    git(hooks.path(), &["commit", "-qm", "hooks"]);

    let work = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    git(work.path(), &["init", "-q"]);
    // `language: system` runs the `brieflint` on PATH: the one under test.
    let bin = Path::new(env!("CARGO_BIN_EXE_brieflint")).parent().unwrap();
    let path = std::env::join_paths(
        std::iter::once(bin.to_path_buf()).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .unwrap();
    let try_repo = || -> Output {
        Command::new(&pre_commit)
            .args(["try-repo", hooks.path().to_str().unwrap(), "brieflint"])
            .current_dir(work.path())
            .env("PATH", &path)
            .env("PRE_COMMIT_HOME", cache.path())
            .env("NO_COLOR", "1")
            .output()
            .expect("pre-commit runs")
    };
    let text = |o: &Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    };

    // Source code that reads like an unsourced claim: not the hook's business.
    write(
        work.path(),
        "tool.py",
        "print('The convoy lost four vehicles near Bannu.')\n",
    );
    git(work.path(), &["add", "tool.py"]);
    let python = try_repo();
    assert!(python.status.success(), "{}", text(&python));
    assert!(text(&python).contains("(no files to check)"), "{}", text(&python));
    git(work.path(), &["commit", "-qm", "tool"]);

    // A briefing in a folder the configuration excludes, named by pre-commit all the same: skipped.
    write(work.path(), "brieflint.toml", "[files]\nexclude = [\"drafts/**\"]\n");
    write(
        work.path(),
        "drafts/old.md",
        "The convoy lost four vehicles near Bannu.\n",
    );
    git(work.path(), &["add", "brieflint.toml", "drafts/old.md"]);
    let excluded = try_repo();
    assert!(excluded.status.success(), "{}", text(&excluded));
    git(work.path(), &["commit", "-qm", "drafts"]);

    // A briefing (Markdown and plain text): checked, and its finding stops the commit.
    write(
        work.path(),
        "brief.md",
        "# Week\n\nThe convoy lost four vehicles near Bannu.\n",
    );
    write(work.path(), "notes.txt", "The ISPR said the post held.\n");
    git(work.path(), &["add", "brief.md", "notes.txt"]);
    let briefing = try_repo();
    assert!(!briefing.status.success(), "{}", text(&briefing));
    assert!(
        text(&briefing).contains("brief.md:3:1: warning[unattributed-claim]"),
        "{}",
        text(&briefing)
    );
    assert!(text(&briefing).contains("2 files checked"), "{}", text(&briefing));
}
