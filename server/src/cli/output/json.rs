//! `--format json`: one JSON object, a stable contract for CI tools.
//!
//! `{"files": [{"path", "diagnostics": [{"code", "severity", "message", "start": {"line", "column", "offset"},
//! "end": {...}}]}], "errors": [{"path", "message"}]}`; lines and columns are 1-based (columns in Unicode
//! characters), offsets are 0-based UTF-8 byte offsets.

use super::super::position::{LineIndex, Position};
use super::super::InputError;
use super::FileReport;
use brieflint_core::Severity;
use serde::Serialize;

#[derive(Serialize)]
struct Output<'a> {
    files: Vec<FileOut<'a>>,
    errors: Vec<ErrorOut>,
}

#[derive(Serialize)]
struct FileOut<'a> {
    path: String,
    diagnostics: Vec<DiagnosticOut<'a>>,
}

#[derive(Serialize)]
struct DiagnosticOut<'a> {
    code: &'static str,
    severity: Severity,
    message: &'a str,
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct ErrorOut {
    path: String,
    message: String,
}

pub fn render(reports: &[FileReport], errors: &[InputError]) -> String {
    let files = reports
        .iter()
        .map(|report| {
            let index = LineIndex::new(&report.text);
            let diagnostics = report
                .findings
                .iter()
                .map(|f| DiagnosticOut {
                    code: f.code,
                    severity: f.severity,
                    message: &f.message,
                    start: index.position(f.range.start),
                    end: index.position(f.range.end),
                })
                .collect();
            FileOut {
                path: report.path.display().to_string(),
                diagnostics,
            }
        })
        .collect();
    let errors = errors
        .iter()
        .map(|e| ErrorOut {
            path: e.path.display().to_string(),
            message: e.message.clone(),
        })
        .collect();
    let output = Output { files, errors };
    serde_json::to_string_pretty(&output).expect("plain data serialises") + "\n"
}
