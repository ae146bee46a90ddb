//! `--statistics`: how many findings each rule made, most first, instead of the findings themselves.

use super::FileReport;
use brieflint_core::rules;
use std::collections::BTreeMap;
use std::fmt::Write;

pub fn render(reports: &[FileReport]) -> String {
    let mut counts = BTreeMap::<&str, usize>::new();
    for finding in reports.iter().flat_map(|r| &r.findings) {
        *counts.entry(finding.code).or_default() += 1;
    }
    let mut rows: Vec<(&str, usize)> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let width = rows.iter().map(|(code, _)| code.len()).max().unwrap_or(0);
    let mut out = String::new();
    for (code, count) in rows {
        let summary = rules::by_code(code).map_or("", |rule| rule.info().summary);
        let _ = writeln!(out, "{count:>5}  {code:width$}  {summary}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use brieflint_core::findings::{Finding, Severity};

    fn finding(code: &'static str) -> Finding {
        Finding {
            code,
            severity: Severity::Warning,
            range: 0..1,
            message: String::new(),
            fixes: Vec::new(),
        }
    }

    #[test]
    fn counts_each_rule_most_first() {
        let report = |codes: &[&'static str]| FileReport {
            path: "a.md".into(),
            text: "x".into(),
            findings: codes.iter().map(|c| finding(c)).collect(),
            sentences: vec![String::new(); codes.len()],
        };
        let text = render(&[
            report(&["relative-date", "unattributed-claim"]),
            report(&["unattributed-claim"]),
        ]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert!(lines[0].starts_with("    2  unattributed-claim "), "{text}");
        assert!(lines[1].starts_with("    1  relative-date "), "{text}");
    }
}
