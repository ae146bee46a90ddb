//! Output for people: `file:line:column: severity[code] message`, the sentence, and a summary; coloured on a
//! terminal only (anstream strips colour elsewhere and honours NO_COLOR).

use super::super::position::LineIndex;
use super::FileReport;
use anstyle::{AnsiColor, Style};
use brieflint_core::Severity;
use std::fmt::Write;

const EXCERPT_CHARS: usize = 120;

/// The findings, coloured (the caller strips colour where it does not belong); `quiet` leaves out the summary.
pub fn render(reports: &[FileReport], quiet: bool) -> String {
    let mut out = String::new();
    let bold = Style::new().bold();
    let dim = Style::new().dimmed();
    let mut total = 0;
    for report in reports {
        let index = LineIndex::new(&report.text);
        for finding in &report.findings {
            total += 1;
            let at = index.position(finding.range.start);
            let colour = match finding.severity {
                Severity::Error => AnsiColor::Red,
                Severity::Warning => AnsiColor::Yellow,
                Severity::Info => AnsiColor::Blue,
                Severity::Hint => AnsiColor::Cyan,
            };
            let level = Style::new().fg_color(Some(colour.into())).bold();
            let _ = writeln!(
                out,
                "{bold}{}:{}:{}{bold:#}: {level}{}[{}]{level:#} {}",
                report.path.display(),
                at.line,
                at.column,
                finding.severity.as_str(),
                finding.code,
                finding.message
            );
            let _ = writeln!(out, "  {dim}│{dim:#} {}", excerpt(&report.text[finding.range.clone()]));
        }
    }
    if quiet {
        return out;
    }
    let files_with = reports.iter().filter(|r| !r.findings.is_empty()).count();
    let _ = writeln!(
        out,
        "{bold}{total} finding{} in {files_with} of {} file{} checked{bold:#}",
        plural(total),
        reports.len(),
        plural(reports.len())
    );
    out
}

pub fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The sentence on one line, shortened with an ellipsis if long.
fn excerpt(sentence: &str) -> String {
    let flat: String = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= EXCERPT_CHARS {
        flat
    } else {
        format!("{}…", flat.chars().take(EXCERPT_CHARS - 1).collect::<String>())
    }
}
