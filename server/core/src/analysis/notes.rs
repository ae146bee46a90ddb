//! The document rules' notes on one chunk, kept with the chunk, and the step that merges them in document order.
//! An edit then costs those rules one merge over small notes instead of a run over the whole document.

use crate::actors::KnowledgeBase;
use crate::findings::Finding;
use crate::rules::{self, ChunkNotes, Kind, NoteTaker};

/// What one chunk tells each document rule: by the rule's place in [`rules::ALL`], its notes, or `None` for a
/// rule of another kind or one turned off. A disabled rule is never merged, and a chunk's notes are kept only
/// under the settings they were taken with (the cache is made anew when they change).
#[derive(Debug, Default)]
pub(super) struct Notes(Vec<Option<Box<dyn ChunkNotes>>>);

impl Notes {
    /// The notes of the chunk `ctx` holds.
    pub fn of(ctx: &rules::Context) -> Notes {
        let notes = rules::ALL.iter().map(|rule| match rule.kind() {
            Kind::Document(taker) if enabled(ctx, rule.info()) => Some(taker.notes(ctx)),
            _ => None,
        });
        Notes(notes.collect())
    }
}

fn enabled(ctx: &rules::Context, info: &rules::RuleInfo) -> bool {
    ctx.settings.severity(info.code, info.default_severity).is_some()
}

impl PartialEq for Notes {
    fn eq(&self, other: &Notes) -> bool {
        self.0.len() == other.0.len()
            && self.0.iter().zip(&other.0).all(|pair| match pair {
                (Some(a), Some(b)) => a.same_as(b.as_ref()),
                (a, b) => a.is_none() && b.is_none(),
            })
    }
}

/// The findings of `rule`, the document rule at `index` of [`rules::ALL`], merged from the chunks' notes (each
/// with the shift that places its offsets in the document).
pub(super) fn merge(
    index: usize,
    rule: &dyn NoteTaker,
    kb: &KnowledgeBase,
    chunks: &[(isize, &Notes)],
    out: &mut Vec<Finding>,
) {
    let notes: Vec<(isize, &dyn ChunkNotes)> = chunks
        .iter()
        .filter_map(|&(by, notes)| Some((by, notes.0.get(index)?.as_deref()?)))
        .collect();
    rule.merge(kb, &notes, out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::unknown_actor;

    /// A chunk's notes for one rule, by its code.
    fn notes_of<'a>(notes: &'a Notes, code: &str) -> Option<&'a dyn ChunkNotes> {
        let index = rules::ALL.iter().position(|rule| rule.info().code == code)?;
        notes.0[index].as_deref()
    }

    /// Notes cost most of the document rules' time: a rule turned off takes none.
    #[test]
    fn a_disabled_rule_takes_no_notes() {
        let kb = KnowledgeBase::builtin();
        let text = "The Zarghun Liberation Front and the ZQM met. It is likely, and probable, that they will.\n";
        let notes_with = |settings: &crate::model::RuleSettings| {
            let (kind, keep) = (crate::document::DocKind::Markdown, super::super::Keep::Nothing);
            super::super::chunk::analyse(text, String::new(), kind, &kb, settings, keep).notes
        };
        let all_on = notes_with(&crate::model::RuleSettings::default());
        let mut off = crate::model::RuleSettings::default();
        let turned_off = ["unknown-actor", "undefined-acronym", "mixed-likelihood-scale"];
        for code in turned_off {
            off.severities.insert(code.to_string(), None);
        }
        let some_off = notes_with(&off);
        for code in turned_off {
            assert!(notes_of(&all_on, code).is_some(), "{code}");
            assert!(notes_of(&some_off, code).is_none(), "{code}");
        }
        let unknown = notes_of(&all_on, "unknown-actor").unwrap();
        let empty = unknown_actor::Notes::default();
        assert!(!unknown.same_as(&empty), "the chunk names an unknown actor");
        for code in ["inconsistent-actor-name", "ambiguous-acronym"] {
            let (on, still_on) = (notes_of(&all_on, code).unwrap(), notes_of(&some_off, code).unwrap());
            assert!(on.same_as(still_on), "{code}");
        }
        assert_ne!(all_on, some_off);
    }

    /// Only the document rules take notes.
    #[test]
    fn only_document_rules_take_notes() {
        let kb = KnowledgeBase::builtin();
        let notes = super::super::chunk::analyse(
            "The ZQM met.\n",
            String::new(),
            crate::document::DocKind::Markdown,
            &kb,
            &crate::model::RuleSettings::default(),
            super::super::Keep::Nothing,
        )
        .notes;
        for (rule, notes) in rules::ALL.iter().zip(&notes.0) {
            let is_document_rule = matches!(rule.kind(), Kind::Document(_));
            assert_eq!(notes.is_some(), is_document_rule, "{}", rule.info().code);
        }
    }
}
