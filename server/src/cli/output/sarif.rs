//! `--format sarif`: SARIF 2.1.0, with every rule's description and help, levels, and locations (columns in
//! Unicode code points, as `columnKind` says). GitHub code scanning accepts it. Each result carries a
//! `partialFingerprints` entry that names the finding without its line, so code scanning follows it across
//! commits that move it.

use super::super::position::LineIndex;
use super::super::InputError;
use super::display_path;
use super::FileReport;
use brieflint_core::{rules, Severity};
use serde_json::{json, Value};
use std::collections::HashMap;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// Versioned, so that a change to what the fingerprint covers starts a new series instead of mismatching.
const FINGERPRINT_KEY: &str = "brieflint/v1";

/// A finding's identity without its position: its rule, its sentence and the words it is about (whitespace
/// folded), and which of the file's identical findings it is. Lines inserted above leave it unchanged; editing
/// the sentence makes a new finding, as with baselines. FNV-1a, so it stays the same across Rust releases.
pub fn fingerprint(code: &str, sentence: &str, text: &str, occurrence: usize) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &byte in bytes {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for part in [code, sentence, text] {
        for word in part.split_whitespace() {
            eat(word.as_bytes());
            eat(b" ");
        }
        eat(&[0]);
    }
    eat(&occurrence.to_le_bytes());
    hash
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

pub fn document(reports: &[FileReport], errors: &[InputError]) -> Value {
    let rule_list: Vec<Value> = rules::ALL
        .iter()
        .map(|rule| {
            let info = rule.info();
            json!({
                "id": info.code,
                "name": info.code,
                "shortDescription": { "text": info.summary },
                "fullDescription": { "text": info.summary },
                "help": { "text": info.explanation, "markdown": info.explanation },
                "helpUri": rules::documentation_url(info.code),
                "defaultConfiguration": { "level": level(info.default_severity) },
            })
        })
        .collect();
    let mut results = Vec::new();
    for report in reports {
        let index = LineIndex::new(&report.text);
        let mut seen = HashMap::<u64, usize>::new();
        for (finding, sentence) in report.findings.iter().zip(&report.sentences) {
            let base = fingerprint(finding.code, sentence, &report.text[finding.range.clone()], 0);
            let occurrence = seen.entry(base).or_default();
            let print = fingerprint(finding.code, sentence, &report.text[finding.range.clone()], *occurrence);
            *occurrence += 1;
            let start = index.position(finding.range.start);
            let end = index.position(finding.range.end);
            let rule_index = rules::ALL
                .iter()
                .position(|r| r.info().code == finding.code)
                .unwrap_or(0);
            results.push(json!({
                "ruleId": finding.code,
                "ruleIndex": rule_index,
                "level": level(finding.severity),
                "message": { "text": finding.message },
                "partialFingerprints": { FINGERPRINT_KEY: format!("{print:016x}") },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": display_path(&report.path) },
                        "region": {
                            "startLine": start.line,
                            "startColumn": start.column,
                            "endLine": end.line,
                            "endColumn": end.column,
                        }
                    }
                }],
            }));
        }
    }
    let notifications: Vec<Value> = errors
        .iter()
        .map(|e| {
            json!({
                "level": "error",
                "message": { "text": e.message },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": display_path(&e.path) } } }],
            })
        })
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "brieflint",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": rules::HOME,
                "rules": rule_list,
            }},
            "columnKind": "unicodeCodePoints",
            "invocations": [{
                "executionSuccessful": errors.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }]
    })
}

pub fn render(reports: &[FileReport], errors: &[InputError]) -> String {
    serde_json::to_string_pretty(&document(reports, errors)).expect("plain data serialises") + "\n"
}
