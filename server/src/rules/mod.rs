//! The rules. Each lives in its own module with its code, default severity, explanation (with a bad and a
//! good example) and tests; this registry lists them. A new rule is one new module plus one line in `ALL`.

mod fixes;
pub mod unattributed_claim;
pub mod vague_attribution;

use crate::actors::{KnowledgeBase, Mention};
use crate::claims::Verdict;
use crate::document::Document;
use crate::findings::{Finding, Severity};

/// What a rule is, for `brieflint explain`, `brieflint rules`, hovers and SARIF.
#[derive(Debug)]
pub struct RuleInfo {
    pub code: &'static str,
    pub default_severity: Severity,
    /// One line: what the rule finds.
    pub summary: &'static str,
    /// Markdown with the sections "What it does", "Why is this bad?", "Example" and "Use instead".
    pub explanation: &'static str,
}

/// Everything a rule may look at. Rules read; they never re-analyse.
pub struct Context<'a> {
    pub text: &'a str,
    pub document: &'a Document,
    pub kb: &'a KnowledgeBase,
    /// Actor mentions per block, in the block's plain-text offsets.
    pub mentions: &'a [Vec<Mention>],
    /// One verdict per sentence.
    pub verdicts: &'a [Verdict],
}

pub trait Rule: Sync {
    fn info(&self) -> &'static RuleInfo;
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>);
}

pub static ALL: &[&dyn Rule] = &[
    &unattributed_claim::UnattributedClaim,
    &vague_attribution::VagueAttribution,
];

pub fn by_code(code: &str) -> Option<&'static dyn Rule> {
    ALL.iter().copied().find(|rule| rule.info().code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_documented_with_examples() {
        for rule in ALL {
            let info = rule.info();
            assert!(by_code(info.code).is_some());
            for heading in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## Use instead",
            ] {
                assert!(
                    info.explanation.contains(heading),
                    "{} lacks {heading}",
                    info.code
                );
            }
        }
    }
}
