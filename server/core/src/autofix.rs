//! Every safe fix applied at once, for `brieflint check --fix`: each finding's first safe fix, the ones whose
//! edits overlap an earlier one left for the next pass, and the text analysed again until nothing changes (a
//! bounded number of times, so fixes that undo each other cannot loop).

use crate::findings::{apply, Edit};
use crate::{analyse_with, rules, DocKind, KnowledgeBase, RuleSettings};
use std::ops::Range;

/// Enough for fixes that uncover others; a document that still changes after this many is left as it is then.
const MAX_PASSES: usize = 4;

/// The fixed text and how many fixes made it.
#[derive(Debug, PartialEq, Eq)]
pub struct Fixed {
    pub text: String,
    pub applied: usize,
}

pub fn fix_safe(text: &str, kind: DocKind, kb: &KnowledgeBase, settings: &RuleSettings) -> Fixed {
    let mut current = text.to_string();
    let mut applied = 0;
    for _ in 0..MAX_PASSES {
        let analysis = analyse_with(&current, kind, kb, settings);
        let changes = |edits: &Vec<Edit>| edits.iter().any(|e| current[e.range.clone()] != e.replacement);
        let mut fixes: Vec<Vec<Edit>> = analysis
            .findings
            .iter()
            .filter_map(|finding| {
                let fixes = rules::fixes_of(&current, &analysis, kb, finding);
                fixes.into_iter().find(|fix| fix.safe).map(|fix| fix.edits)
            })
            .filter(changes)
            .collect();
        fixes.sort_by_key(|edits| edits.iter().map(|e| e.range.start).min());
        let mut taken: Vec<Range<usize>> = Vec::new();
        let mut kept: Vec<Edit> = Vec::new();
        for edits in fixes {
            if edits.iter().all(|e| taken.iter().all(|t| !overlap(t, &e.range))) {
                taken.extend(edits.iter().map(|e| e.range.clone()));
                kept.extend(edits);
                applied += 1;
            }
        }
        if kept.is_empty() {
            break;
        }
        current = apply(&current, &kept);
    }
    Fixed { text: current, applied }
}

/// Two edits conflict when their ranges share a byte or both insert at the same place (whose text would come
/// first is not theirs to say).
fn overlap(a: &Range<usize>, b: &Range<usize>) -> bool {
    (a.start < b.end && b.start < a.end) || a.start == b.start
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::kb;

    #[test]
    fn spells_out_an_acronym_at_first_use_and_leaves_templates_alone() {
        let text = "# Update\n\nThe TTP attacked a post near Bannu.\n\nThe convoy lost four vehicles.\n";
        let fixed = fix_safe(text, DocKind::Markdown, kb(), &RuleSettings::default());
        assert_eq!(fixed.applied, 1, "{}", fixed.text);
        assert!(
            fixed.text.contains("The Tehreek-e-Taliban Pakistan (TTP) attacked"),
            "{}",
            fixed.text
        );
        // The unsourced claim's fixes are templates to fill in: never applied unasked.
        assert!(
            fixed.text.ends_with("\n\nThe convoy lost four vehicles.\n"),
            "{}",
            fixed.text
        );
        let again = fix_safe(&fixed.text, DocKind::Markdown, kb(), &RuleSettings::default());
        assert_eq!(again.applied, 0, "a fixed text has nothing left to fix");
    }

    #[test]
    fn overlapping_edits_wait_for_the_next_pass() {
        assert!(overlap(&(0..4), &(3..5)));
        assert!(overlap(&(2..2), &(2..2)));
        assert!(!overlap(&(0..3), &(3..5)));
    }
}
