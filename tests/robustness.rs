//! The `check` command on bad input: a non-UTF-8 file, an empty file, a huge file, a folder that links back to
//! itself, a link to nothing, a file gone before it is read. Each gets a clear message, every other file is
//! still checked, and the exit status is 2 where an input error occurred.

use serde_json::Value;
use std::path::Path;

mod support;
use support::{brieflint, stderr, stdout, write};

const UNSOURCED: &str = "# Update\n\nThe convoy lost four vehicles near Bannu.\n";

/// `check --format json` in `dir`: the exit status, the checked paths (with `/`), and stderr.
fn check_json(dir: &Path, args: &[&str]) -> (Option<i32>, Vec<String>, String) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let output = brieflint(dir, &all);
    let json: Value = serde_json::from_str(&stdout(&output)).expect("stdout is one JSON object");
    let checked = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().replace('\\', "/"))
        .collect();
    (output.status.code(), checked, stderr(&output))
}

#[test]
fn a_file_that_is_not_utf8_is_named_and_the_rest_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "docs/latin1.txt",
        b"Caf\xe9 owners said the market closed.\n",
    );
    write(dir.path(), "docs/good.md", UNSOURCED);
    let (status, checked, err) = check_json(dir.path(), &["docs"]);
    assert_eq!(status, Some(2));
    assert_eq!(checked, vec!["docs/good.md"]);
    assert!(
        err.contains("latin1.txt: not UTF-8 text (invalid byte at offset 3)"),
        "{err}"
    );
}

#[test]
fn an_empty_file_is_checked_clean() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.md", "");
    write(dir.path(), "blank.txt", "\n\n   \r\n");
    let (status, checked, err) = check_json(dir.path(), &["empty.md", "blank.txt"]);
    assert_eq!(status, Some(0), "{err}");
    assert_eq!(checked, vec!["empty.md", "blank.txt"]);
}

#[test]
fn a_file_too_large_to_be_a_briefing_is_refused_unread_and_the_rest_checked() {
    let dir = tempfile::tempdir().unwrap();
    let paragraph = "The convoy lost four vehicles near Bannu, officials said.\n\n";
    let huge = paragraph.repeat(50 * 1024 * 1024 / paragraph.len() + 1);
    write(dir.path(), "dump.md", &huge);
    write(dir.path(), "good.md", UNSOURCED);
    let (status, checked, err) = check_json(dir.path(), &["."]);
    assert_eq!(status, Some(2));
    assert_eq!(checked, vec!["./good.md"]);
    assert!(err.contains("dump.md: too large to be a briefing"), "{err}");
    assert!(err.contains("50.0 MB"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_folder_that_links_back_to_itself_is_reported_once_and_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "briefs/a.md", UNSOURCED);
    write(dir.path(), "briefs/sub/b.md", UNSOURCED);
    std::os::unix::fs::symlink("..", dir.path().join("briefs/sub/back")).unwrap();
    let (status, checked, err) = check_json(dir.path(), &["briefs"]);
    assert_eq!(status, Some(2));
    assert_eq!(checked, vec!["briefs/a.md", "briefs/sub/b.md"]);
    assert!(
        err.contains("briefs/sub/back: skipped a folder that links back to itself"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[cfg(unix)]
#[test]
fn a_link_to_nothing_is_named_in_a_walk_and_when_given() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "briefs/good.md", UNSOURCED);
    std::os::unix::fs::symlink("moved-away.md", dir.path().join("briefs/gone.md")).unwrap();
    let (status, checked, err) = check_json(dir.path(), &["briefs"]);
    assert_eq!(status, Some(2));
    assert_eq!(checked, vec!["briefs/good.md"]);
    assert!(
        err.contains("briefs/gone.md: cannot be read: a link to nothing"),
        "{err}"
    );

    let (status, checked, err) = check_json(dir.path(), &["briefs/gone.md", "briefs/good.md"]);
    assert_eq!(status, Some(2));
    assert_eq!(checked, vec!["briefs/good.md"]);
    assert!(err.contains("briefs/gone.md: no such file or folder"), "{err}");
}

#[test]
fn a_file_removed_between_finding_and_reading_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vanished.md");
    write(dir.path(), "vanished.md", UNSOURCED);
    std::fs::remove_file(&path).unwrap();
    let kb = brieflint_core::KnowledgeBase::builtin();
    let settings = brieflint_core::RuleSettings::default();
    let Err(error) = brieflint::cli::check::check_file(&path, brieflint_core::DocKind::Markdown, &kb, &settings) else {
        panic!("a missing file cannot be checked");
    };
    assert_eq!(error.path, path);
    assert!(error.message.starts_with("cannot read:"), "{}", error.message);
}

#[cfg(unix)]
#[test]
fn a_named_path_that_is_neither_file_nor_folder_is_refused_without_reading() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.md");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available; skipped");
        return;
    }
    write(dir.path(), "good.md", UNSOURCED);
    let (status, checked, err) = check_json(dir.path(), &["pipe.md", "good.md"]);
    assert_eq!(status, Some(2));
    assert_eq!(checked, vec!["good.md"]);
    assert!(err.contains("pipe.md: not a regular file or folder"), "{err}");
}

/// The benchmark generators (`server/benches/support/`), checked here so that a change to them cannot quietly
/// make the benchmarks measure nothing: the knowledge base loads, and the corpus has claims of every kind and
/// names the base's actors.
#[path = "../server/benches/support/mod.rs"]
mod generators;

#[test]
fn the_benchmark_corpus_and_knowledge_base_are_realistic() {
    let kb = brieflint_core::KnowledgeBase::from_toml(&generators::generated_kb(2_000, 1))
        .expect("the generated base loads");
    assert_eq!(kb.actors().len(), 2_000);
    assert!(kb.actors().iter().any(|a| !a.relations.is_empty()));
    let cast = generators::names_of(&kb);
    for style in [generators::CorpusStyle::Markdown, generators::CorpusStyle::PlainText] {
        let text = generators::corpus(32 * 1024, style, &cast, 3);
        assert!(text.len() >= 32 * 1024);
        let kind = match style {
            generators::CorpusStyle::Markdown => brieflint_core::DocKind::Markdown,
            generators::CorpusStyle::PlainText => brieflint_core::DocKind::PlainText,
        };
        let analysis = brieflint_core::analyse(&text, kind, &kb);
        let codes: std::collections::HashSet<&str> = analysis.findings.iter().map(|f| f.code).collect();
        for code in ["unattributed-claim", "vague-attribution"] {
            assert!(codes.contains(code), "{style:?}: no {code} in {codes:?}");
        }
        assert!(analysis.mentions().len() > 100, "{style:?}: few actors found");
        assert!(analysis.document.sentences.len() > 200, "{style:?}");
    }
}
