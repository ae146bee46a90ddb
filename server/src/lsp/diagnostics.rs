//! Findings as LSP diagnostics, and workspace-file problems as diagnostics on those files.

use super::documents::Snapshot;
use super::positions::Encoding;
use super::project::FileProblem;
use crate::findings::{Finding, Severity};
use crate::limits::{self, MAX_DOCUMENT_BYTES};
use tower_lsp_server::ls_types::{
    CodeDescription, Diagnostic, DiagnosticSeverity, NumberOrString, Position, Range, Uri,
};

/// The rule's documentation page, for the editor to link the diagnostic's code to.
pub fn rule_link(code: &str) -> Option<Uri> {
    crate::rules::documentation_url(code).parse().ok()
}

pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

pub fn of_finding(snapshot: &Snapshot, finding: &Finding, encoding: Encoding) -> Diagnostic {
    Diagnostic {
        range: snapshot.range(&finding.range, encoding),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.code.to_string())),
        code_description: rule_link(finding.code).map(|href| CodeDescription { href }),
        source: Some("brieflint".into()),
        message: finding.message.clone(),
        ..Default::default()
    }
}

pub fn of_snapshot(snapshot: &Snapshot, encoding: Encoding) -> Vec<Diagnostic> {
    if snapshot.text.len() > MAX_DOCUMENT_BYTES {
        return vec![Diagnostic {
            range: Range::default(),
            severity: Some(DiagnosticSeverity::WARNING),
            source: Some("brieflint".into()),
            message: limits::too_large(snapshot.text.len()),
            ..Default::default()
        }];
    }
    snapshot
        .analysis
        .findings
        .iter()
        .map(|f| of_finding(snapshot, f, encoding))
        .collect()
}

/// A problem in a configuration or knowledge-base file, at its line (the column is counted in characters, which
/// is exact for the ASCII that TOML keys are written in).
pub fn of_problem(problem: &FileProblem) -> Diagnostic {
    let at = Position::new(
        problem.line.saturating_sub(1) as u32,
        problem.column.saturating_sub(1) as u32,
    );
    let end = Position::new(at.line + 1, 0);
    Diagnostic {
        range: Range::new(at, end),
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some("brieflint".into()),
        message: problem.message.clone(),
        ..Default::default()
    }
}
