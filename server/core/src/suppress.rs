//! Inline suppressions, in Markdown and plain text alike:
//! `<!-- brieflint-disable-next-line CODE -->` (the next non-blank line), `<!-- brieflint-disable CODE -->` …
//! `<!-- brieflint-enable CODE -->` (a region; without an enable, to the end), and
//! `<!-- brieflint-disable-file CODE -->`. Without CODE they apply to every rule; several codes may be given,
//! separated by spaces or commas. A suppression that silences nothing is reported as `unused-suppression`.

use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

#[derive(Clone, Debug, PartialEq, Eq)]
enum Scope {
    /// Findings starting in this byte range.
    Range(Range<usize>),
    File,
}

#[derive(Clone, Debug)]
pub struct Suppression {
    /// The comment itself.
    pub comment: Range<usize>,
    /// Empty means every rule.
    pub codes: Vec<String>,
    scope: Scope,
    /// Per code (or one entry for "every rule"): whether it silenced anything.
    used: Vec<bool>,
}

impl Suppression {
    fn covers(&self, code: &str, start: usize) -> Option<usize> {
        let in_scope = match &self.scope {
            Scope::File => true,
            Scope::Range(range) => range.contains(&start),
        };
        if !in_scope {
            return None;
        }
        if self.codes.is_empty() {
            return Some(0);
        }
        self.codes.iter().position(|c| c == code)
    }

    /// The codes that silenced nothing ("every rule" when the comment names none).
    pub fn unused_codes(&self) -> Vec<&str> {
        if self.codes.is_empty() {
            return if self.used[0] { Vec::new() } else { vec!["every rule"] };
        }
        self.codes
            .iter()
            .zip(&self.used)
            .filter(|(_, used)| !**used)
            .map(|(c, _)| c.as_str())
            .collect()
    }
}

fn comment_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        crate::text::pattern::compile(
            r"<!--\s*brieflint-(disable-next-line|disable-file|disable|enable)\b([\w\s,-]*?)\s*-->",
        )
    })
}

/// Every suppression comment in the text, with the scope it covers.
pub fn parse(text: &str) -> Vec<Suppression> {
    let mut found = Vec::new();
    let mut open: Vec<usize> = Vec::new(); // indices of regions without an enable yet
    for caps in comment_regex().captures_iter(text) {
        let comment = caps.get(0).expect("whole match").range();
        let codes: Vec<String> = caps[2]
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect();
        match &caps[1] {
            "enable" => {
                open.retain(|&i| {
                    let region: &Suppression = &found[i];
                    let closes = codes.is_empty()
                        || (!region.codes.is_empty() && region.codes.iter().all(|c| codes.contains(c)));
                    if closes {
                        if let Scope::Range(range) = &mut found[i].scope {
                            range.end = comment.start;
                        }
                    }
                    !closes
                });
                continue;
            }
            kind => {
                let scope = match kind {
                    "disable-file" => Scope::File,
                    "disable" => Scope::Range(comment.end..text.len()),
                    _ => Scope::Range(next_non_blank_line(text, comment.end)),
                };
                let used = vec![false; codes.len().max(1)];
                if kind == "disable" {
                    open.push(found.len());
                }
                found.push(Suppression {
                    comment,
                    codes,
                    scope,
                    used,
                });
            }
        }
    }
    found
}

/// The byte range of the first non-blank line after the line holding `offset`.
fn next_non_blank_line(text: &str, offset: usize) -> Range<usize> {
    let mut start = text[offset..].find('\n').map_or(text.len(), |i| offset + i + 1);
    while start < text.len() {
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i + 1);
        if !text[start..end].trim().is_empty() {
            return start..end;
        }
        start = end;
    }
    start..start
}

/// Whether a finding of `code` starting at `start` is silenced, recording the use in every suppression that
/// covers it.
pub fn silences(suppressions: &mut [Suppression], code: &str, start: usize) -> bool {
    let mut silenced = false;
    for suppression in suppressions {
        if let Some(slot) = suppression.covers(code, start) {
            suppression.used[slot] = true;
            silenced = true;
        }
    }
    silenced
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::{Finding, Severity};

    fn finding(code: &'static str, text: &str, at: &str) -> Finding {
        let start = text.find(at).unwrap();
        Finding {
            code,
            severity: Severity::Warning,
            range: start..start + at.len(),
            message: String::new(),
            fixes: vec![],
        }
    }

    /// The codes of the findings no suppression silences, and each suppression's unused codes, as the analysis
    /// applies them (`analysis::assemble`).
    fn kept(text: &str, findings: Vec<Finding>) -> (Vec<&'static str>, Vec<Vec<String>>) {
        let mut suppressions = parse(text);
        let kept: Vec<Finding> = findings
            .into_iter()
            .filter(|f| !silences(&mut suppressions, f.code, f.range.start))
            .collect();
        let unused = suppressions
            .iter()
            .map(|s| s.unused_codes().into_iter().map(str::to_string).collect())
            .collect();
        (kept.into_iter().map(|f| f.code).collect(), unused)
    }

    #[test]
    fn next_line_silences_only_the_next_non_blank_line() {
        let text = "<!-- brieflint-disable-next-line a -->\n\nOne.\nTwo.\n";
        let (codes, unused) = kept(text, vec![finding("a", text, "One."), finding("a", text, "Two.")]);
        assert_eq!(codes, vec!["a"]);
        assert_eq!(unused, vec![Vec::<String>::new()]);
    }

    #[test]
    fn regions_end_at_enable_and_name_their_codes() {
        let text = "<!-- brieflint-disable a, b -->\nOne.\n<!-- brieflint-enable a b -->\nTwo.\n";
        let (codes, unused) = kept(text, vec![finding("a", text, "One."), finding("a", text, "Two.")]);
        assert_eq!(codes, vec!["a"]);
        assert_eq!(unused, vec![vec!["b".to_string()]]);
    }

    #[test]
    fn file_wide_and_every_rule() {
        let text = "Intro.\n<!-- brieflint-disable-file -->\nOne.\n";
        let (codes, _) = kept(text, vec![finding("a", text, "Intro."), finding("b", text, "One.")]);
        assert!(codes.is_empty());
    }

    #[test]
    fn an_unused_suppression_is_reported() {
        let text = "<!-- brieflint-disable-next-line -->\nOne.\n";
        let (_, unused) = kept(text, vec![]);
        assert_eq!(unused, vec![vec!["every rule".to_string()]]);
    }
}
