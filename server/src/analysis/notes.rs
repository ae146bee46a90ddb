//! The document-scoped rules' notes on one chunk, kept with the chunk, and the pass that merges them in
//! document order. An edit then costs those rules one merge over small notes instead of a run over the whole
//! document.

use crate::actors::KnowledgeBase;
use crate::findings::Finding;
use crate::rules::{
    self, ambiguous_acronym, inconsistent_actor_name, mixed_likelihood_scale, undefined_acronym, unknown_actor, Rule,
};

/// What one chunk tells each document-scoped rule that keeps notes.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Notes {
    undefined_acronym: undefined_acronym::Notes,
    ambiguous_acronym: ambiguous_acronym::Notes,
    unknown_actor: unknown_actor::Notes,
    inconsistent_actor_name: inconsistent_actor_name::Notes,
    mixed_likelihood_scale: mixed_likelihood_scale::Notes,
}

impl Notes {
    /// The notes of the chunk `ctx` holds.
    pub fn of(ctx: &rules::Context) -> Notes {
        Notes {
            undefined_acronym: undefined_acronym::notes(ctx),
            ambiguous_acronym: ambiguous_acronym::notes(ctx),
            unknown_actor: unknown_actor::notes(ctx),
            inconsistent_actor_name: inconsistent_actor_name::notes(ctx),
            mixed_likelihood_scale: mixed_likelihood_scale::notes(ctx),
        }
    }
}

/// The findings of `rule` merged from the chunks' notes (each with the shift that places its offsets in the
/// document), or `false` when the rule keeps no notes (unused-suppression, which the suppression pass reports).
pub(super) fn merge(rule: &dyn Rule, kb: &KnowledgeBase, chunks: &[(isize, &Notes)], out: &mut Vec<Finding>) -> bool {
    let code = rule.info().code;
    let each = || chunks.iter().map(|&(by, notes)| (by, notes));
    if code == undefined_acronym::UndefinedAcronym.info().code {
        undefined_acronym::merge(kb, each().map(|(by, n)| (by, &n.undefined_acronym)), out);
    } else if code == ambiguous_acronym::AmbiguousAcronym.info().code {
        ambiguous_acronym::merge(kb, each().map(|(by, n)| (by, &n.ambiguous_acronym)), out);
    } else if code == unknown_actor::UnknownActor.info().code {
        unknown_actor::merge(each().map(|(by, n)| (by, &n.unknown_actor)), out);
    } else if code == inconsistent_actor_name::InconsistentActorName.info().code {
        inconsistent_actor_name::merge(kb, each().map(|(by, n)| (by, &n.inconsistent_actor_name)), out);
    } else if code == mixed_likelihood_scale::MixedLikelihoodScale.info().code {
        mixed_likelihood_scale::merge(each().map(|(by, n)| (by, &n.mixed_likelihood_scale)), out);
    } else {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Scope;

    /// An edit runs the document-scoped rules only through their notes: one without them would find nothing.
    #[test]
    fn every_document_scoped_rule_but_unused_suppression_keeps_notes() {
        let kb = KnowledgeBase::builtin();
        let notes = Notes::default();
        for rule in rules::ALL.iter().filter(|rule| rule.scope() == Scope::Document) {
            let merged = merge(*rule, &kb, &[(0, &notes)], &mut Vec::new());
            let code = rule.info().code;
            assert_eq!(merged, code != rules::unused_suppression::INFO.code, "{code}");
        }
    }
}
