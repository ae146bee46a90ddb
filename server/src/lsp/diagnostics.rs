//! Findings as LSP diagnostics, and workspace-file problems as diagnostics on those files.

use super::positions::Encoding;
use super::project::FileProblem;
use super::snapshot::Snapshot;
use brieflint_core::findings::{Finding, Severity};
use brieflint_core::limits;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;
use tower_lsp_server::ls_types::{
    CodeDescription, Diagnostic, DiagnosticSeverity, NumberOrString, Position, Range, Uri,
};

/// The rule's documentation page, for the editor to link the diagnostic's code to.
pub fn rule_link(code: &str) -> Option<Uri> {
    brieflint_core::rules::documentation_url(code).parse().ok()
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
    if snapshot.too_large() {
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
        .flat()
        .findings
        .iter()
        .map(|f| of_finding(snapshot, f, encoding))
        .collect()
}

#[derive(Serialize)]
pub(super) struct Link {
    href: &'static str,
}

/// Each rule's documentation link, made once.
pub(super) fn link(code: &str) -> Option<Link> {
    static LINKS: OnceLock<HashMap<&'static str, Option<String>>> = OnceLock::new();
    let links = LINKS.get_or_init(|| {
        brieflint_core::rules::ALL
            .iter()
            .map(|rule| {
                let code = rule.info().code;
                (code, rule_link(code).map(|uri| uri.as_str().to_string()))
            })
            .collect()
    });
    let href = links.get(code)?.as_deref()?;
    Some(Link { href })
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

#[cfg(test)]
mod tests {
    use super::super::publish::KeptDiagnostics;
    use super::*;
    use brieflint_core::analysis::{analyse_cached, ChunkCache};
    use brieflint_core::{DocKind, KnowledgeBase};
    use ropey::Rope;

    #[test]
    fn the_published_json_is_what_the_lsp_types_make() {
        let text = "# Über\r\n\nThe TTP 😀 attacked Bannu.\rAl Qaeda met; al-Qaida left.\n\n<!-- brieflint-disable-next-line x -->\nIt is highly likely. A deal is highly probable.\n";
        let knowledge = std::sync::Arc::new(super::super::project::Knowledge::new(KnowledgeBase::builtin()));
        let settings = brieflint_core::RuleSettings::default();
        let analysis = analyse_cached(
            text,
            DocKind::Markdown,
            &knowledge.kb,
            &settings,
            &mut ChunkCache::default(),
        );
        let codes: std::collections::HashSet<_> = analysis.flat().findings.iter().map(|f| f.code).collect();
        assert!(codes.len() >= 4, "{codes:?}");
        let snapshot = Snapshot::new(3, 0, Rope::from_str(text), text.to_string(), analysis, knowledge, true);
        let uri: Uri = "file:///a.md".parse().unwrap();
        let mut kept = KeptDiagnostics::default();
        // Twice in each encoding: made, then from what was kept.
        for encoding in [Encoding::Utf8, Encoding::Utf8, Encoding::Utf16, Encoding::Utf16] {
            let expected = tower_lsp_server::ls_types::PublishDiagnosticsParams {
                uri: uri.clone(),
                diagnostics: of_snapshot(&snapshot, encoding),
                version: Some(3),
            };
            let published = kept.encode(&uri, 3, &snapshot.analysis, encoding).unwrap();
            let published: serde_json::Value = serde_json::from_slice(published.body()).unwrap();
            assert_eq!(published["method"], "textDocument/publishDiagnostics");
            assert_eq!(published["params"], serde_json::to_value(&expected).unwrap());
        }
    }
}
