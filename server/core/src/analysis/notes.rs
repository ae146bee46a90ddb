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
    /// The notes of the enabled rules only: a disabled rule is never merged, and a chunk's notes are kept only
    /// under the settings they were taken with (the cache is made anew when they change).
    pub fn of(ctx: &rules::Context) -> Notes {
        fn of_enabled<T: Default>(ctx: &rules::Context, rule: &dyn Rule, notes: fn(&rules::Context) -> T) -> T {
            let info = rule.info();
            match ctx.settings.severity(info.code, info.default_severity) {
                Some(_) => notes(ctx),
                None => T::default(),
            }
        }
        Notes {
            undefined_acronym: of_enabled(ctx, &undefined_acronym::UndefinedAcronym, undefined_acronym::notes),
            ambiguous_acronym: of_enabled(ctx, &ambiguous_acronym::AmbiguousAcronym, ambiguous_acronym::notes),
            unknown_actor: of_enabled(ctx, &unknown_actor::UnknownActor, unknown_actor::notes),
            inconsistent_actor_name: of_enabled(
                ctx,
                &inconsistent_actor_name::InconsistentActorName,
                inconsistent_actor_name::notes,
            ),
            mixed_likelihood_scale: of_enabled(
                ctx,
                &mixed_likelihood_scale::MixedLikelihoodScale,
                mixed_likelihood_scale::notes,
            ),
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
            let reported_by_the_assembly = [rules::unused_suppression::INFO.code, rules::document_genre::INFO.code];
            assert_eq!(merged, !reported_by_the_assembly.contains(&code), "{code}");
        }
    }

    /// Notes cost most of the document-scoped rules' time: a rule turned off takes none.
    #[test]
    fn a_disabled_rule_takes_no_notes() {
        let kb = KnowledgeBase::builtin();
        let text = "The Zarghun Liberation Front and the ZQM met. It is likely, and probable, that they will.\n";
        let notes_with = |settings: &crate::model::RuleSettings| {
            let (kind, keep) = (crate::DocKind::Markdown, super::super::Keep::Nothing);
            super::super::chunk::analyse(text, String::new(), kind, &kb, settings, keep).notes
        };
        let all_on = notes_with(&crate::RuleSettings::default());
        let mut off = crate::RuleSettings::default();
        for code in ["unknown-actor", "undefined-acronym", "mixed-likelihood-scale"] {
            off.severities.insert(code.to_string(), None);
        }
        let some_off = notes_with(&off);
        assert_ne!(all_on.unknown_actor, Default::default());
        assert_ne!(all_on.undefined_acronym, Default::default());
        assert_eq!(some_off.unknown_actor, Default::default());
        assert_eq!(some_off.undefined_acronym, Default::default());
        assert_eq!(some_off.mixed_likelihood_scale, Default::default());
        assert_eq!(some_off.inconsistent_actor_name, all_on.inconsistent_actor_name);
        assert_eq!(some_off.ambiguous_acronym, all_on.ambiguous_acronym);
    }
}
