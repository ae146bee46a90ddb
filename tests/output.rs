//! What `check` writes: JSON (its documented shape, and positions that agree with the text), SARIF (valid against
//! the official schema, which is read from `../shared/schemas`; the test prints `SKIPPED` where it is absent;
//! fingerprints that survive edits), GitHub workflow annotations, the Markdown job summary, and no progress bar
//! when stderr is not a terminal. The human format's lines are in `cli.rs`.

use serde_json::Value;
use std::path::Path;

mod support;
use support::{brieflint, stderr, stdout, write};

const UNSOURCED: &str = "The convoy lost four vehicles near Bannu.\n";

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
fn sarif_output_is_valid_against_the_official_schema() {
    let schema_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/schemas/sarif-schema-2.1.0.json");
    let Ok(schema_text) = std::fs::read_to_string(&schema_path) else {
        println!(
            "SKIPPED: the SARIF schema is not at {} on this machine",
            schema_path.display()
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "briefs/a.md",
        "# Week\n\nThe convoy lost four vehicles.\n\nSources say the TTP did it yesterday.\n",
    );
    write(dir.path(), "briefs/bad.md", "");
    std::fs::write(dir.path().join("briefs/bad.md"), b"\xff\xfe").unwrap();
    let output = brieflint(dir.path(), &["check", "--format", "sarif", "briefs"]);
    assert_eq!(output.status.code(), Some(2));
    let sarif: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let mut schema: Value = serde_json::from_str(&schema_text).unwrap();
    // The official schema's `language` patterns have a stray `]` that a strict (Unicode-mode) regex engine
    // rejects when it checks the schema itself. brieflint never writes a `language`, so those patterns are
    // corrected; every other rule of the schema applies as published.
    repair_language_patterns(&mut schema);
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let problems: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    let run = &sarif["runs"][0];
    assert_eq!(sarif["version"], "2.1.0");
    assert!(run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["id"] == "unattributed-claim" && r["help"]["text"].as_str().unwrap().contains("## Example")));
    let result = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "unattributed-claim")
        .unwrap();
    assert_eq!(result["level"], "warning");
    assert_eq!(result["locations"][0]["physicalLocation"]["region"]["startLine"], 3);
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "briefs/a.md"
    );
    assert_eq!(
        run["invocations"][0]["toolExecutionNotifications"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn github_format_prints_workflow_annotations() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.md",
        "# Week\n\nThe convoy lost 50% of its vehicles near Bannu.\n",
    );
    let output = brieflint(dir.path(), &["check", "--format", "github", "a.md"]);
    let text = stdout(&output);
    let line = text
        .lines()
        .find(|l| l.contains("title=unattributed-claim"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        line.starts_with("::warning file=a.md,line=3,col=1,endLine=3,endColumn=48,title=unattributed-claim::"),
        "{line}"
    );
    assert!(line.contains("(“50%25”)"), "percent signs are escaped: {line}");
}

#[test]
fn no_progress_bar_when_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..5 {
        write(dir.path(), &format!("f{i}.md"), UNSOURCED);
    }
    let output = brieflint(dir.path(), &["check", "."]);
    assert!(stderr(&output).is_empty(), "stderr: {:?}", stderr(&output));
}

fn repair_language_patterns(schema: &mut Value) {
    const BROKEN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    match schema {
        Value::Object(map) => {
            if map.get("pattern").and_then(Value::as_str) == Some(BROKEN) {
                map.insert("pattern".into(), Value::String("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$".into()));
            }
            map.values_mut().for_each(repair_language_patterns);
        }
        Value::Array(items) => items.iter_mut().for_each(repair_language_patterns),
        _ => {}
    }
}

/// Code scanning matches results across commits by `partialFingerprints`: lines inserted above a finding must
/// leave its fingerprint unchanged, and two identical findings in one file must still differ.
#[test]
fn sarif_fingerprints_survive_lines_inserted_above() {
    let dir = tempfile::tempdir().unwrap();
    let prints = |text: &str| -> Vec<(String, String)> {
        write(dir.path(), "a.md", text);
        let sarif: Value =
            serde_json::from_str(&stdout(&brieflint(dir.path(), &["check", "--format", "sarif", "a.md"]))).unwrap();
        sarif["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let print = r["partialFingerprints"]["brieflint/v1"]
                    .as_str()
                    .expect("a fingerprint");
                (r["ruleId"].as_str().unwrap().to_string(), print.to_string())
            })
            .collect()
    };
    let before = prints(&format!("{UNSOURCED}\n{UNSOURCED}"));
    assert_eq!(before.len(), 2);
    assert_ne!(
        before[0].1, before[1].1,
        "identical findings are told apart by their order"
    );
    let after = prints(&format!(
        "# Week\n\nThe ISPR said the post held.\n\n{UNSOURCED}\n{UNSOURCED}"
    ));
    assert_eq!(after, before);
    let edited = prints(&format!("{UNSOURCED}\nThe convoy lost six vehicles near Bannu.\n"));
    assert_eq!(edited[0], before[0]);
    assert_ne!(edited[1], before[1], "an edited sentence is a new finding");
}

#[test]
fn summary_format_is_markdown_for_a_job_summary() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "briefs/a.md", format!("{UNSOURCED}\n{UNSOURCED}"));
    write(dir.path(), "briefs/clean.md", "The ISPR said the post held.\n");
    let output = brieflint(dir.path(), &["check", "--format", "summary", "briefs"]);
    assert_eq!(output.status.code(), Some(1));
    let summary = stdout(&output);
    assert!(
        summary.starts_with("## brieflint\n\n2 findings in 1 of 2 files checked.\n"),
        "{summary}"
    );
    assert!(summary.contains("| `unattributed-claim` | 2 |"), "{summary}");
    assert!(summary.contains("| `briefs/a.md` | 2 |"), "{summary}");
    assert!(
        summary.contains("### `briefs/a.md`\n\n- line 1, column 1: warning `unattributed-claim` "),
        "{summary}"
    );
    assert!(
        summary.contains("- line 3, column 1: warning `unattributed-claim` "),
        "{summary}"
    );
    assert!(!summary.contains("clean.md"), "{summary}");
}
