//! Reading knowledge-base files: parse, validate, and report problems with file, line and column.

use super::format::{ActorEntry, KnowledgeBaseFile};
use super::{Actor, FastMap, Origin, Relation};
use aho_corasick::AhoCorasick;
use std::ops::Range;
use std::sync::LazyLock;

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

/// A file's actors as parsed, and each one's relations with where each relation's target is written (for
/// errors), by the actor's place in the file.
pub struct Parsed {
    pub actors: Vec<Actor>,
    pub relations: Vec<Vec<(Relation, Range<usize>)>>,
    /// Each actor's place by its id.
    pub by_id: FastMap<String, usize>,
}

/// Parse one knowledge-base file. Relations are checked later, once all files are merged.
pub fn parse(text: &str, origin: Origin) -> Result<Parsed, KbError> {
    let (pieces, headers) = pieces(text);
    let mut parsed = Parsed {
        actors: Vec::with_capacity(headers),
        relations: Vec::with_capacity(headers),
        by_id: FastMap::with_capacity_and_hasher(headers, Default::default()),
    };
    let mut lines = LineCounter::default();
    for chunk in pieces {
        let file: KnowledgeBaseFile = toml::from_str(&text[chunk.clone()]).map_err(|e| {
            let message = e.message().trim().to_string();
            let span = e.span().map(|s| s.start + chunk.start..s.end + chunk.start);
            error_at(text, &origin, span, message)
        })?;
        for entry in file.actors {
            let id_span = entry.id.span();
            let span = id_span.start + chunk.start..id_span.end + chunk.start;
            let id = trimmed(entry.id.get_ref().clone());
            if id.is_empty() {
                return Err(error_at(
                    text,
                    &origin,
                    Some(span),
                    "an actor's id must not be empty".into(),
                ));
            }
            if parsed.by_id.insert(id.clone(), parsed.actors.len()).is_some() {
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
            let (actor, relations) = into_actor(entry, id, origin.at_line(line), chunk.start);
            parsed.actors.push(actor);
            parsed.relations.push(relations);
        }
    }
    Ok(parsed)
}

/// The file cut into pieces of whole `[[actors]]` tables, each parsed on its own. The toml crate holds a whole
/// document in memory before deserializing it, about 18 times the size of the text: for 100,000 actors that was
/// 500 MB, and faulting it in took most of the load. Pieces of some kilobytes stay in the cache instead.
///
/// A piece starts at a line that holds `[[actors]]` alone from its first column, trailing spaces allowed (every
/// entry a new table of the same array, so the pieces parse to the same actors as the whole), never at the first
/// one (whatever comes before it parses with it, as in the whole file). Only a multi-line string could hold such
/// a line without it being a header, so a file with one is parsed whole.
///
/// The pieces, and how many `[[actors]]` headers there are (about as many as actors).
fn pieces(text: &str) -> (Vec<Range<usize>>, usize) {
    const PIECE_BYTES: usize = 16 * 1024;
    const HEADER: &str = "[[actors]]";
    // One pass over the text for both the headers and the quotes that open multi-line strings.
    static MARKERS: LazyLock<AhoCorasick> =
        LazyLock::new(|| AhoCorasick::new([HEADER, "\"\"\"", "'''"]).expect("three plain strings always build"));
    let is_header_line = |at: usize| {
        let line_start = at == 0 || text.as_bytes()[at - 1] == b'\n';
        let rest = &text[at + HEADER.len()..];
        let line_end = rest.find('\n').unwrap_or(rest.len());
        line_start && rest[..line_end].trim_end().is_empty()
    };
    let mut headers = Vec::new();
    for found in MARKERS.find_iter(text) {
        if found.pattern().as_usize() > 0 {
            return (std::iter::once(0..text.len()).collect(), 0);
        }
        if is_header_line(found.start()) {
            headers.push(found.start());
        }
    }
    let mut pieces = Vec::new();
    let mut start = 0;
    for &at in headers.iter().skip(1) {
        if at - start >= PIECE_BYTES {
            pieces.push(start..at);
            start = at;
        }
    }
    pieces.push(start..text.len());
    (pieces, headers.len())
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

/// An entry as an actor; `offset` is where the entry's piece of the file starts, for the relations' spans.
fn into_actor(entry: ActorEntry, id: String, origin: Origin, offset: usize) -> (Actor, Vec<(Relation, Range<usize>)>) {
    let relations = entry
        .relations
        .into_iter()
        .map(|r| {
            let span = r.to.span();
            let span = span.start + offset..span.end + offset;
            (
                Relation {
                    to: r.to.into_inner(),
                    kind: r.kind,
                },
                span,
            )
        })
        .collect();
    let clean = |list: Vec<String>| list.into_iter().map(trimmed).filter(|s| !s.is_empty()).collect();
    let actor = Actor {
        id,
        name: trimmed(entry.name),
        kind: entry.kind,
        acronyms: clean(entry.acronyms),
        aliases: clean(entry.aliases),
        variants: clean(entry.variants),
        description: trimmed(entry.description),
        relations: Vec::new(),
        designations: entry.designations,
        reviewed: entry.reviewed,
        sources: entry.sources,
        origin,
    };
    (actor, relations)
}

/// The string without surrounding white space, kept where it has none (nearly always).
fn trimmed(text: String) -> String {
    if text.trim().len() == text.len() {
        text
    } else {
        text.trim().to_string()
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::KnowledgeBase;
    use std::fmt::Write;
    use std::path::Path;

    /// Enough actors for several pieces, each relating to the one before.
    fn many_actors(count: usize) -> String {
        let mut text = String::from("# A comment before the first table.\n\n");
        for i in 0..count {
            let _ = write!(
                text,
                "[[actors]]\nid = \"a{i}\"\nname = \"Actor {i}\"\nkind = \"place\"\ndescription = \"Entry {i}.\"\n"
            );
            if i > 0 {
                let _ = write!(text, "[[actors.relations]]\nto = \"a{}\"\nkind = \"part-of\"\n", i - 1);
            }
            text.push('\n');
        }
        text
    }

    #[test]
    fn a_file_in_many_pieces_loads_every_actor_with_its_line_and_relations() {
        let text = many_actors(1000);
        assert!(pieces(&text).0.len() > 3, "the test needs several pieces");
        let kb = KnowledgeBase::load([super::super::KbSource::file(&text, Path::new("kb.toml"))]).unwrap();
        assert_eq!(kb.actors().len(), 1000);
        let last = kb.by_id("a999").unwrap();
        let line = text[..text.find("id = \"a999\"").unwrap()].lines().count() + 1;
        assert_eq!(
            last.origin,
            Origin::File {
                path: "kb.toml".into(),
                line
            }
        );
        assert_eq!(last.relations[0].to, "a998");
        assert_eq!(last.description, "Entry 999.");
    }

    #[test]
    fn errors_late_in_a_file_in_pieces_are_located_in_the_whole_file() {
        let text = many_actors(1000);
        let lines = text.lines().count();
        let bad_kind = format!("{text}[[actors]]\nid = \"x\"\nname = \"X\"\nkind = \"planet\"\n");
        let err = KnowledgeBase::from_toml(&bad_kind).unwrap_err();
        assert_eq!((err.line, err.column), (lines + 4, 8));
        let bad_relation = format!("{text}[[actors]]\nid = \"x\"\nname = \"X\"\nkind = \"place\"\n[[actors.relations]]\nto = \"nobody\"\nkind = \"part-of\"\n");
        let err = KnowledgeBase::from_toml(&bad_relation).unwrap_err();
        assert_eq!((err.line, err.column), (lines + 6, 6));
        let duplicate = format!("{text}[[actors]]\nid = \"a3\"\nname = \"X\"\nkind = \"place\"\n");
        assert_eq!(KnowledgeBase::from_toml(&duplicate).unwrap_err().line, lines + 2);
    }

    #[test]
    fn a_header_line_inside_a_multi_line_string_is_text() {
        let padding = "x".repeat(20_000);
        let text = format!("[[actors]]\nid = \"a\"\nname = \"A\"\nkind = \"place\"\ndescription = \"\"\"{padding}\n[[actors]]\nid = \"b\"\"\"\"\n");
        let kb = KnowledgeBase::from_toml(&text).unwrap();
        assert_eq!(kb.actors().len(), 1);
        assert!(kb.actors()[0].description.ends_with("[[actors]]\nid = \"b\""));
    }

    #[test]
    fn a_header_with_a_comment_or_indent_is_read_but_not_cut_at() {
        let text = many_actors(300).replace("[[actors]]\nid = \"a200\"", "  [[actors]] # two hundred\nid = \"a200\"");
        let kb = KnowledgeBase::from_toml(&text).unwrap();
        assert_eq!(kb.actors().len(), 300);
        assert_eq!(kb.by_id("a201").unwrap().relations[0].to, "a200");
    }
}
