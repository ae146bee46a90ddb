//! Input brieflint must survive.
//!
//! The `check` command on bad input: a file that is not UTF-8, an empty file, a huge file, a folder that links back
//! to itself, a link to nothing, a file gone before it is read, a path that is neither file nor folder, a missing
//! path. Each gets a clear message, every other file is still checked, and the exit status is 2 where an input
//! error occurred.
//!
//! The analysis on random text (a property test, on the pieces of `support/random_text.rs`): its ranges stay
//! inside the text on character boundaries, and its sentences are in order and apart.

use brieflint_core::{analyse, DocKind, KnowledgeBase};
use proptest::prelude::*;
use serde_json::Value;
use std::ops::Range;
use std::path::Path;
use std::sync::LazyLock;

mod support;
use support::random_text::text;
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

static KB: LazyLock<KnowledgeBase> = LazyLock::new(KnowledgeBase::builtin);

fn inside(text: &str, range: &Range<usize>) -> bool {
    range.start <= range.end
        && range.end <= text.len()
        && text.is_char_boundary(range.start)
        && text.is_char_boundary(range.end)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn analysis_ranges_are_inside_the_text_and_sentences_in_order(text in text()) {
        for kind in [DocKind::Markdown, DocKind::PlainText] {
            let analysis = analyse(&text, kind, &KB);
            for finding in &analysis.findings {
                prop_assert!(inside(&text, &finding.range), "{:?} {:?}", kind, finding.range);
            }
            for pair in analysis.findings.windows(2) {
                prop_assert!(pair[0].range.start <= pair[1].range.start);
            }
            for sentence in &analysis.document.sentences {
                prop_assert!(inside(&text, &sentence.range), "{:?} {:?}", kind, sentence.range);
                let block = &analysis.document.blocks[sentence.block].text;
                prop_assert!(inside(block, &sentence.plain), "{:?} {:?}", kind, sentence.plain);
                prop_assert!(!sentence.plain.is_empty());
            }
            for pair in analysis.document.sentences.windows(2) {
                prop_assert!(pair[0].range.end <= pair[1].range.start, "{:?}: {:?} then {:?}", kind, pair[0].range, pair[1].range);
                prop_assert!(pair[0].block <= pair[1].block);
            }
            for mention in analysis.mentions() {
                prop_assert!(inside(&text, &mention.range), "{:?} {:?}", kind, mention.range);
            }
            prop_assert_eq!(analysis.verdicts.len(), analysis.document.sentences.len());
        }
    }
}
