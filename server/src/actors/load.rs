//! Reading knowledge-base files: parse, validate, and report problems with file, line and column.

use super::format::{ActorEntry, KnowledgeBaseFile};
use super::{Actor, Origin, Relation};
use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

pub use crate::located::{line_column, LocatedError as KbError};

fn error_at(text: &str, origin: &Origin, span: Option<Range<usize>>, message: String) -> KbError {
    let (line, column) = span.map_or((1, 1), |s| line_column(text, s.start));
    KbError {
        path: origin.path().cloned(),
        line,
        column,
        message,
    }
}

/// An actor as parsed, with its relations and where each relation's target is written (for errors).
pub type ParsedActor = (Actor, Vec<(Relation, Range<usize>)>);

/// Parse one knowledge-base file. Relations are checked later, once all files are merged.
pub fn parse(text: &str, origin: Origin) -> Result<Vec<ParsedActor>, KbError> {
    let file: KnowledgeBaseFile = toml::from_str(text).map_err(|e| {
        let message = e.message().trim().to_string();
        error_at(text, &origin, e.span(), message)
    })?;
    let source_text: Option<Arc<str>> = origin.path().map(|_| Arc::from(text));
    let mut seen = HashSet::new();
    let mut actors = Vec::with_capacity(file.actors.len());
    let mut lines = LineCounter::default();
    for entry in file.actors {
        let span = entry.id.span();
        let id = entry.id.get_ref().trim().to_string();
        if id.is_empty() {
            return Err(error_at(
                text,
                &origin,
                Some(span),
                "an actor's id must not be empty".into(),
            ));
        }
        if !seen.insert(id.clone()) {
            return Err(error_at(
                text,
                &origin,
                Some(span),
                format!("the id `{id}` is used by two actors in this file"),
            ));
        }
        if entry.name.trim().is_empty() {
            return Err(error_at(
                text,
                &origin,
                Some(span),
                format!("the actor `{id}` has an empty name"),
            ));
        }
        let line = lines.line_of(text, span.start);
        actors.push(into_actor(entry, id, origin.at_line(line, source_text.clone())));
    }
    Ok(actors)
}

/// Lines of offsets met in increasing order, counted once: a line count from the start of the file for each of
/// 100,000 actors would be quadratic.
#[derive(Default)]
struct LineCounter {
    offset: usize,
    line: usize,
}

impl LineCounter {
    fn line_of(&mut self, text: &str, offset: usize) -> usize {
        if offset < self.offset {
            *self = LineCounter::default();
        }
        self.line += text.as_bytes()[self.offset..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.offset = offset;
        self.line + 1
    }
}

fn into_actor(entry: ActorEntry, id: String, origin: Origin) -> (Actor, Vec<(Relation, Range<usize>)>) {
    let relations = entry
        .relations
        .into_iter()
        .map(|r| {
            let span = r.to.span();
            (
                Relation {
                    to: r.to.into_inner(),
                    kind: r.kind,
                },
                span,
            )
        })
        .collect();
    let clean = |list: Vec<String>| {
        list.into_iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let actor = Actor {
        id,
        name: entry.name.trim().to_string(),
        kind: entry.kind,
        acronyms: clean(entry.acronyms),
        aliases: clean(entry.aliases),
        variants: clean(entry.variants),
        description: entry.description.trim().to_string(),
        relations: Vec::new(),
        designations: entry.designations,
        reviewed: entry.reviewed,
        sources: entry.sources,
        origin,
    };
    (actor, relations)
}

/// Where a relation names an unknown id, the error for it.
pub(crate) fn unknown_relation(text: &str, origin: &Origin, actor: &str, to: &str, span: Range<usize>) -> KbError {
    error_at(
        text,
        origin,
        Some(span),
        format!("the actor `{actor}` has a relation to `{to}`, which is not a known actor id"),
    )
}
