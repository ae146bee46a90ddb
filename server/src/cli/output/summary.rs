//! `--format summary`: Markdown for a CI job summary (`$GITHUB_STEP_SUMMARY`). GitHub shows at most ten
//! annotations of each level per step, so the summary is where every file's findings are counted and its first
//! ones shown.

use super::super::position::LineIndex;
use super::super::InputError;
use super::display_path;
use super::human::plural;
use super::FileReport;
use std::collections::BTreeMap;
use std::fmt::Write;

/// How many findings of each file are listed; the counts cover them all.
const FIRST_FINDINGS: usize = 10;

pub fn render(reports: &[FileReport], errors: &[InputError]) -> String {
    let mut out = String::from("## brieflint\n\n");
    let total: usize = reports.iter().map(|r| r.findings.len()).sum();
    let files_with: Vec<&FileReport> = reports.iter().filter(|r| !r.findings.is_empty()).collect();
    let _ = writeln!(
        out,
        "{total} finding{} in {} of {} file{} checked.\n",
        plural(total),
        files_with.len(),
        reports.len(),
        plural(reports.len())
    );
    if !errors.is_empty() {
        out.push_str("### Errors\n\n");
        for error in errors {
            let _ = writeln!(out, "- `{}`: {}", display_path(&error.path), cell(&error.message));
        }
        out.push('\n');
    }
    if total == 0 {
        return out;
    }
    let mut by_rule = BTreeMap::<&str, usize>::new();
    for finding in reports.iter().flat_map(|r| &r.findings) {
        *by_rule.entry(finding.code).or_default() += 1;
    }
    out.push_str("| Rule | Findings |\n| --- | ---: |\n");
    for (code, count) in &by_rule {
        let _ = writeln!(out, "| `{code}` | {count} |");
    }
    out.push_str("\n| File | Findings |\n| --- | ---: |\n");
    for report in &files_with {
        let _ = writeln!(out, "| `{}` | {} |", display_path(&report.path), report.findings.len());
    }
    for report in files_with {
        let _ = writeln!(out, "\n### `{}`\n", display_path(&report.path));
        let index = LineIndex::new(&report.text);
        for finding in report.findings.iter().take(FIRST_FINDINGS) {
            let at = index.position(finding.range.start);
            let _ = writeln!(
                out,
                "- line {}, column {}: {} `{}` {}",
                at.line,
                at.column,
                finding.severity.as_str(),
                finding.code,
                cell(&finding.message)
            );
        }
        let more = report.findings.len().saturating_sub(FIRST_FINDINGS);
        if more > 0 {
            let _ = writeln!(out, "- … and {more} more");
        }
    }
    out
}

/// Text on one Markdown line, with nothing that would open a table cell or an HTML tag.
fn cell(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
        .replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use brieflint_core::findings::{Finding, Severity};

    #[test]
    fn counts_every_finding_and_lists_the_first_of_each_file() {
        let text = "a\n".repeat(12);
        let findings: Vec<Finding> = (0..12)
            .map(|line| Finding {
                code: "unattributed-claim",
                severity: Severity::Warning,
                range: line * 2..line * 2 + 1,
                message: format!("claim | {line}"),
                fixes: Vec::new(),
            })
            .collect();
        let report = FileReport {
            path: "./briefs/a.md".into(),
            sentences: vec![String::new(); findings.len()],
            findings,
            text,
        };
        let summary = render(&[report], &[]);
        assert!(summary.contains("12 findings in 1 of 1 file checked."), "{summary}");
        assert!(summary.contains("| `unattributed-claim` | 12 |"), "{summary}");
        assert!(summary.contains("| `briefs/a.md` | 12 |"), "{summary}");
        assert!(
            summary.contains("- line 10, column 1: warning `unattributed-claim` claim \\| 9"),
            "{summary}"
        );
        assert!(
            !summary.contains("line 11,"),
            "only the first ten are listed: {summary}"
        );
        assert!(summary.contains("- … and 2 more"), "{summary}");
    }
}
