//! What the analysis reports: a finding with its rule code, severity, byte range, message and fixes.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// How serious a finding is; ordered so that `Error` is the greatest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Hint,
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Replace the bytes in `range` with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub replacement: String,
}

/// A named set of edits that resolves a finding; shown by editors as a code action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
    /// Whether `brieflint check --fix` may apply it unasked: it keeps the meaning and needs no one to fill it in
    /// (a canonical spelling, an acronym spelled out at first use). Templates to complete and choices between
    /// readings are offered to editors only.
    pub safe: bool,
}

/// One problem found in a document. `range` is in bytes of the original text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub range: Range<usize>,
    pub message: String,
    /// The fixes made with the finding. A rule whose fixes depend on the whole text makes them only on request:
    /// ask `rules::fixes_of` for all of them.
    pub fixes: Vec<Fix>,
}

/// The text with `edits` applied. Edits must not overlap; they may come in any order.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out = String::with_capacity(text.len() + edits.iter().map(|e| e.replacement.len()).sum::<usize>());
    let mut at = 0;
    for edit in sorted {
        out.push_str(&text[at..edit.range.start.max(at)]);
        out.push_str(&edit.replacement);
        at = at.max(edit.range.end);
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_edits_in_any_order() {
        let edits = [
            Edit {
                range: 4..4,
                replacement: "!".into(),
            },
            Edit {
                range: 0..1,
                replacement: "T".into(),
            },
        ];
        assert_eq!(apply("the end", &edits), "The !end");
    }
}
