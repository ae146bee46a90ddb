//! `unused-suppression`: a suppression comment that silences nothing. Reported once the document is
//! assembled and the suppressions applied (`suppress.rs`), so that it sees what every other rule found.

use super::{Assembled, AssembledRule, Kind, Rule, RuleInfo};
use crate::findings::{Edit, Finding, Fix, Severity};
use crate::suppress::Suppression;

pub struct UnusedSuppression;

pub static INFO: RuleInfo = RuleInfo {
    code: "unused-suppression",
    default_severity: Severity::Info,
    summary: "A brieflint-disable comment that silences nothing.",
    explanation: r#"## What it does
Points out a `<!-- brieflint-disable... -->` comment, or a rule code in one, that silenced no finding: the
sentence was fixed or rewritten, or the code is misspelled.

## Why is this bad?
Stale suppressions pile up and later hide real problems that appear in the same place.

## Example
```markdown
<!-- brieflint-disable-next-line unattributed-claim -->
The ISPR said the convoy lost four vehicles.
```

## Use instead
```markdown
The ISPR said the convoy lost four vehicles.
```
"#,
};

impl Rule for UnusedSuppression {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn kind(&'static self) -> Kind {
        Kind::Assembled(self)
    }
}

impl AssembledRule for UnusedSuppression {
    /// One finding per suppression comment with unused codes.
    fn report(&self, document: &Assembled, out: &mut Vec<Finding>) {
        out.extend(unused(document.text, document.suppressions));
    }
}

fn unused<'a>(text: &'a str, suppressions: &'a [Suppression]) -> impl Iterator<Item = Finding> + 'a {
    suppressions.iter().filter_map(|s| {
        let unused = s.unused_codes();
        if unused.is_empty() {
            return None;
        }
        let known = |c: &&str| *c == "every rule" || super::by_code(c).is_some();
        let (known_codes, unknown): (Vec<&str>, Vec<&str>) = unused.into_iter().partition(known);
        let mut parts = Vec::new();
        if !known_codes.is_empty() {
            parts.push(format!("silences nothing for {}", known_codes.join(", ")));
        }
        if !unknown.is_empty() {
            parts.push(format!("names unknown rules {}", unknown.join(", ")));
        }
        // Remove the whole comment line when it holds nothing else.
        let line_start = text[..s.comment.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[s.comment.end..]
            .find('\n')
            .map_or(text.len(), |i| s.comment.end + i + 1);
        let alone =
            text[line_start..s.comment.start].trim().is_empty() && text[s.comment.end..line_end].trim().is_empty();
        let remove = if alone { line_start..line_end } else { s.comment.clone() };
        Some(Finding {
            code: INFO.code,
            severity: INFO.default_severity,
            range: s.comment.clone(),
            message: format!("This suppression {}; remove it.", parts.join(" and ")),
            fixes: vec![Fix {
                title: "Remove the suppression".into(),
                edits: vec![Edit {
                    range: remove,
                    replacement: String::new(),
                }],
                safe: false,
            }],
        })
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{apply_first_fix, findings_of};

    #[test]
    fn reports_stale_and_misspelled_suppressions() {
        let text =
            "<!-- brieflint-disable-next-line unattributed-claim -->\nThe ISPR said the convoy lost four vehicles.\n";
        let found = findings_of(text, "unused-suppression");
        assert_eq!(found.len(), 1);
        assert!(found[0].1.contains("silences nothing for unattributed-claim"));
        let typo = "<!-- brieflint-disable-next-line unatributed-claim -->\nThe convoy lost four vehicles.\n";
        assert!(findings_of(typo, "unused-suppression")[0]
            .1
            .contains("unknown rules unatributed-claim"));
        assert_eq!(
            apply_first_fix(text, "unused-suppression"),
            "The ISPR said the convoy lost four vehicles.\n"
        );
    }

    #[test]
    fn a_used_suppression_silences_its_finding_and_is_not_reported() {
        let text = "<!-- brieflint-disable-next-line unattributed-claim -->\nThe convoy lost four vehicles.\n";
        let codes = crate::rules::test_support::codes_in(text);
        assert!(
            !codes.contains(&"unattributed-claim") && !codes.contains(&"unused-suppression"),
            "{codes:?}"
        );
    }
}
