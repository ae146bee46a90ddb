//! The rules and their registry. Each rule lives in its own module with its code, default severity, kind,
//! explanation (with a bad and a good example) and tests; this file holds the contract every rule honours and
//! the one list that declares them. A new rule is one new module plus one line in `ALL`.

mod fixes;
#[cfg(test)]
pub(crate) mod test_support;

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
use crate::claims::genre::{Genre, Profile};
use crate::claims::Verdict;
use crate::document::Document;
use crate::findings::{Finding, Fix, Severity};
use crate::model::Analysis;
use crate::suppress::Suppression;
use crate::text::{capitals, proper_names};
use std::any::Any;
use std::fmt::Debug;

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
    /// The all-capital words of block `block` that could be acronyms (as `text::acronyms` finds them), in the
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

/// When a rule runs and what it reads: each rule is of one kind, and the analysis runs each kind at its step.
#[derive(Clone, Copy)]
pub enum Kind {
    /// Reads one block and its own sentences and verdicts. Run per chunk; its findings are kept while the chunk is
    /// unchanged (see `crate::analysis`).
    Block(&'static dyn BlockRule),
    /// Reads the whole document (first uses, spellings across it), in two steps so that an edit costs little:
    /// notes on each chunk, kept with it, then a merge of the chunks' notes in document order.
    Document(&'static dyn NoteTaker),
    /// Reads what is known only once every other rule has run and the suppressions are applied: which
    /// suppressions silenced nothing, and the document's genre.
    Assembled(&'static dyn AssembledRule),
}

pub trait Rule: Sync {
    fn info(&self) -> &'static RuleInfo;
    /// The rule's kind, with the rule as that kind's trait: `Kind::Block(self)` and so on.
    fn kind(&'static self) -> Kind;
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

/// A rule that reads one block at a time.
pub trait BlockRule: Rule {
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>);
}

/// A rule that reads the whole document through notes taken on each chunk.
pub trait DocumentRule: Rule {
    /// What one chunk tells the rule, in the chunk's own offsets.
    type Notes: Debug + PartialEq + Send + Sync + 'static;
    /// The notes of the chunk `ctx` holds.
    fn notes(&self, ctx: &Context) -> Self::Notes;
    /// The findings of the chunks' notes, in document order, each with the shift that places its offsets in the
    /// document.
    fn merge(&self, kb: &KnowledgeBase, chunks: &[(isize, &Self::Notes)], out: &mut Vec<Finding>);
}

/// A rule that reports once the document is assembled.
pub trait AssembledRule: Rule {
    fn report(&self, document: &Assembled, out: &mut Vec<Finding>);
}

/// What the assembled document tells the rules that run last.
pub struct Assembled<'a> {
    pub text: &'a str,
    /// The suppression comments, each with the codes it silenced.
    pub suppressions: &'a [Suppression],
    pub genre: Genre,
    /// Whether the genre was declared (configuration or front matter) rather than read from the profile.
    pub genre_declared: bool,
    pub profile: Profile,
}

/// One chunk's notes for one document rule, whatever their type: the chunk keeps them without knowing it.
pub trait ChunkNotes: Any + Debug + Send + Sync {
    fn as_any(&self) -> &dyn Any;
    fn same_as(&self, other: &dyn ChunkNotes) -> bool;
}

impl<T: Any + Debug + PartialEq + Send + Sync> ChunkNotes for T {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn same_as(&self, other: &dyn ChunkNotes) -> bool {
        other.as_any().downcast_ref::<T>() == Some(self)
    }
}

/// A [`DocumentRule`] whose notes' type is hidden, so that the registry holds every rule in one list and a chunk
/// keeps every rule's notes in one vector. Every document rule is one.
pub trait NoteTaker: Sync {
    fn notes(&self, ctx: &Context) -> Box<dyn ChunkNotes>;
    /// `chunks` holds notes this rule took.
    fn merge(&self, kb: &KnowledgeBase, chunks: &[(isize, &dyn ChunkNotes)], out: &mut Vec<Finding>);
}

impl<R: DocumentRule> NoteTaker for R {
    fn notes(&self, ctx: &Context) -> Box<dyn ChunkNotes> {
        Box::new(DocumentRule::notes(self, ctx))
    }

    fn merge(&self, kb: &KnowledgeBase, chunks: &[(isize, &dyn ChunkNotes)], out: &mut Vec<Finding>) {
        let typed: Vec<(isize, &R::Notes)> = chunks
            .iter()
            .map(|&(by, notes)| {
                let notes = notes.as_any().downcast_ref::<R::Notes>();
                (by, notes.expect("a rule is given back its own notes"))
            })
            .collect();
        DocumentRule::merge(self, kb, &typed, out);
    }
}

/// Every rule, declared once: `brieflint rules` lists them in this order, and the analysis runs each at its
/// kind's step.
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

    /// A code names one rule: suppressions, settings and the chunks' notes find a rule by it.
    #[test]
    fn every_code_is_declared_once() {
        let mut codes: Vec<&str> = ALL.iter().map(|rule| rule.info().code).collect();
        codes.sort_unstable();
        let declared = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), declared);
    }

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
