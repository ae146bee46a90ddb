//! `--format sarif`: SARIF 2.1.0, with every rule's description and help, levels, and locations (columns in
//! Unicode code points, as `columnKind` says). GitHub code scanning accepts it.

use super::super::position::LineIndex;
use super::super::InputError;
use super::display_path;
use super::FileReport;
use brieflint_core::{rules, Severity};
use serde_json::{json, Value};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

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
        for finding in &report.findings {
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

pub fn print(reports: &[FileReport], errors: &[InputError]) {
    super::write_json(&serde_json::to_string_pretty(&document(reports, errors)).expect("plain data serialises"));
}
