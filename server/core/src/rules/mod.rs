//! The rules. Each lives in its own module with its code, default severity, explanation (with a bad and a
//! good example) and tests; this registry lists them. A new rule is one new module plus one line in `ALL`.

mod fixes;
#[cfg(test)]
mod test_support;

pub mod ambiguous_acronym;
pub mod confidence_and_likelihood;
pub mod document_genre;
pub mod estimative_language;
pub mod inconsistent_actor_name;
pub mod missing_confidence;
pub mod mixed_likelihood_scale;
pub mod relative_date;
pub mod unattributed_claim;
pub mod undefined_acronym;
pub mod unknown_actor;
pub mod unused_suppression;
pub mod vague_attribution;

use crate::actors::{KnowledgeBase, Mention};
use crate::claims::Verdict;
use crate::document::Document;
use crate::findings::{Finding, Fix, Severity};
use crate::model::Analysis;
use crate::text::{capitals, proper_names};

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
    /// All actor mentions in document order, located in the original text.
    pub located: &'a [crate::model::LocatedMention],
    /// One verdict per sentence.
    pub verdicts: &'a [Verdict],
    /// Per block, what its capitals start: all-capital words that could be acronyms, organisations and titled
    /// people, found at the first question (see [`Context::capital_words`]).
    pub capitals: std::cell::OnceCell<Vec<capitals::CapitalWords>>,
    /// Per sentence, which of the rules' patterns its words leave open (from the classifier's look-ups).
    pub rule_cues: &'a [crate::claims::RuleCues],
    pub settings: &'a crate::model::RuleSettings,
}

impl Context<'_> {
    /// The all-capital words of block `block` that could be acronyms ([`crate::text::acronyms::capital_words`]), in the
    /// block's plain-text offsets.
    pub fn capital_words(&self, block: usize) -> &[std::ops::Range<usize>] {
        &self.capitals(block).acronyms
    }

    /// The organisations and titled people that block `block` names, in its plain-text offsets.
    pub fn proper_names(&self, block: usize) -> &proper_names::ProperNames {
        &self.capitals(block).names
    }

    /// What the capitals of block `block` start: found once, for all blocks, in one pass over each for
    /// undefined-acronym and unknown-actor, and not at all when both are off.
    fn capitals(&self, block: usize) -> &capitals::CapitalWords {
        let all = self.capitals.get_or_init(|| {
            let mut starts = Vec::new();
            self.document
                .blocks
                .iter()
                .map(|b| capitals::CapitalWords::of(&b.text, &mut starts))
                .collect()
        });
        &all[block]
    }

    /// A range inside a sentence's plain text, located in the original text.
    pub fn locate_in_sentence(
        &self,
        sentence: &crate::document::Sentence,
        within: &std::ops::Range<usize>,
    ) -> std::ops::Range<usize> {
        let block = &self.document.blocks[sentence.block];
        block.source_range(&(sentence.plain.start + within.start..sentence.plain.start + within.end))
    }

    /// Whether a range inside a sentence's plain text is someone else's quoted words.
    pub fn quoted_in_sentence(&self, sentence: &crate::document::Sentence, within: &std::ops::Range<usize>) -> bool {
        let block = &self.document.blocks[sentence.block];
        block.quotes(&(sentence.plain.start + within.start..sentence.plain.start + within.end))
    }

    /// Whether a mention sits inside someone else's quoted words.
    pub fn quoted(&self, mention: &crate::model::LocatedMention) -> bool {
        self.document.blocks[mention.block].quotes(&mention.plain)
    }
}

/// How much of the document a rule reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Only a block and its own sentences and verdicts: run per chunk, its findings kept while the chunk is
    /// unchanged (see `crate::analysis`).
    Block,
    /// Anything in the document (first uses, spellings across it). A rule that keeps notes is run in two steps,
    /// so that an edit costs little: notes on each chunk, kept with it, then a pass that merges the chunks' notes
    /// in order (`crate::analysis::notes`); `check` is those two steps on one chunk. The others (ambiguous-acronym)
    /// run over the whole assembled document on every edit.
    Document,
}

pub trait Rule: Sync {
    fn info(&self) -> &'static RuleInfo;
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>);
    fn scope(&self) -> Scope {
        Scope::Document
    }
    /// The fixes offered for one of this rule's findings in `text`, analysed as `analysis` with `kb`. Most
    /// rules make them with the finding. A fix that depends on the whole text (a footnote with the first free
    /// label, defined at the end) is made here instead, when an editor asks for it, so that the rule itself can
    /// run per chunk; so is one a document-scoped rule would otherwise make anew for thousands of findings on
    /// every edit.
    fn fixes(&self, text: &str, analysis: &Analysis, kb: &KnowledgeBase, finding: &Finding) -> Vec<Fix> {
        let _ = (text, analysis, kb);
        finding.fixes.clone()
    }
}

pub static ALL: &[&dyn Rule] = &[
    &unattributed_claim::UnattributedClaim,
    &vague_attribution::VagueAttribution,
    &undefined_acronym::UndefinedAcronym,
    &inconsistent_actor_name::InconsistentActorName,
    &ambiguous_acronym::AmbiguousAcronym,
    &unknown_actor::UnknownActor,
    &estimative_language::EstimativeLanguage,
    &mixed_likelihood_scale::MixedLikelihoodScale,
    &confidence_and_likelihood::ConfidenceAndLikelihood,
    &missing_confidence::MissingConfidence,
    &relative_date::RelativeDate,
    &unused_suppression::UnusedSuppression,
    &document_genre::DocumentGenre,
];

pub fn by_code(code: &str) -> Option<&'static dyn Rule> {
    ALL.iter().copied().find(|rule| rule.info().code == code)
}

/// Every fix for `finding` in `text`, analysed as `analysis` with `kb`: those made with it and those its rule
/// makes on request (see [`Rule::fixes`]).
pub fn fixes_of(text: &str, analysis: &Analysis, kb: &KnowledgeBase, finding: &Finding) -> Vec<Fix> {
    match by_code(finding.code) {
        Some(rule) => rule.fixes(text, analysis, kb, finding),
        None => finding.fixes.clone(),
    }
}

/// The project's home, which editors and SARIF viewers link to.
pub const HOME: &str = "https://github.com/brieflint/brieflint";

/// A rule's whole documentation as Markdown: what `brieflint explain CODE` prints and `docs/rules/CODE.md` holds.
pub fn documentation(info: &RuleInfo) -> String {
    format!(
        "# {} ({})\n\n{}\n\n{}\n",
        info.code,
        info.default_severity.as_str(),
        info.summary,
        info.explanation.trim_end()
    )
}

/// Where a rule's documentation page is published (`docs/rules/CODE.md`, kept equal to its explanation by a test).
pub fn documentation_url(code: &str) -> String {
    format!("{HOME}/blob/main/docs/rules/{code}.md")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_documented_with_examples() {
        for rule in ALL {
            let info = rule.info();
            assert!(by_code(info.code).is_some());
            for heading in ["## What it does", "## Why is this bad?", "## Example", "## Use instead"] {
                assert!(info.explanation.contains(heading), "{} lacks {heading}", info.code);
            }
        }
    }
}
