//! Reading knowledge-base files: parse, validate, and report problems with file, line and column.

use super::events;
use super::format::{ActorEntry, KnowledgeBaseFile};
use super::{Actor, Origin, Relation};
use crate::util::FastMap;
use memchr::memmem;
use rayon::prelude::*;
use std::ops::Range;

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
///
/// The pieces of a large file are parsed on all cores (the parse is most of a load); ids are then checked and
/// actors numbered in file order, so the first error in the file is the one reported, as in a parse in one go.
pub fn parse(text: &str, origin: Origin) -> Result<Parsed, KbError> {
    let (pieces, headers) = pieces(text);
    let whole = || vec![parse_piece(text, 0..text.len(), &origin, false)];
    let mut parsed_pieces: Vec<Result<Option<ParsedPiece>, KbError>> = if pieces.len() > 1 {
        pieces
            .par_iter()
            .map(|chunk| parse_piece(text, chunk.clone(), &origin, true))
            .collect()
    } else {
        whole()
    };
    if parsed_pieces.iter().any(|piece| matches!(piece, Ok(None))) {
        parsed_pieces = whole();
    }
    let mut parsed = Parsed {
        actors: Vec::with_capacity(headers),
        relations: Vec::with_capacity(headers),
        by_id: FastMap::with_capacity_and_hasher(headers, Default::default()),
    };
    let mut lines_before = 0;
    for piece in parsed_pieces {
        let piece = piece?.expect("a whole file is parsed whatever its strings");
        for entry in piece.entries {
            let PieceEntry {
                mut actor,
                id_key,
                relations,
                id_span: span,
                line,
            } = entry;
            let id = &actor.id;
            if id.is_empty() {
                return Err(error_at(
                    text,
                    &origin,
                    Some(span),
                    "an actor's id must not be empty".into(),
                ));
            }
            if parsed.by_id.insert(id_key, parsed.actors.len()).is_some() {
                return Err(error_at(
                    text,
                    &origin,
                    Some(span),
                    format!("the id `{id}` is used by two actors in this file"),
                ));
            }
            if actor.name.is_empty() {
                return Err(error_at(
                    text,
                    &origin,
                    Some(span),
                    format!("the actor `{id}` has an empty name"),
                ));
            }
            actor.origin = origin.at_line(lines_before + line);
            parsed.actors.push(actor);
            parsed.relations.push(relations);
        }
        lines_before += piece.newlines;
    }
    Ok(parsed)
}

/// A piece's actors, with where each one's id is written (for errors), and how many lines the piece has.
struct ParsedPiece {
    entries: Vec<PieceEntry>,
    newlines: usize,
}

struct PieceEntry {
    /// Its origin is set once the piece's first line is known.
    actor: Actor,
    /// A copy of its id, for the map of ids, made on the piece's core.
    id_key: String,
    relations: Vec<(Relation, Range<usize>)>,
    /// In the whole file.
    id_span: Range<usize>,
    /// 1-based, in the piece.
    line: usize,
}

/// The quotes that open and close multi-line strings.
const MULTI_LINE_QUOTES: [&str; 2] = ["\"\"\"", "'''"];

/// One piece parsed, or `None` where `cut` and it holds the quotes that open a multi-line string: such a string
/// may hold a line that looks like a header, and the file was then cut inside it.
fn parse_piece(text: &str, chunk: Range<usize>, origin: &Origin, cut: bool) -> Result<Option<ParsedPiece>, KbError> {
    let piece = &text[chunk.clone()];
    if cut
        && MULTI_LINE_QUOTES
            .iter()
            .any(|quotes| memmem::find(piece.as_bytes(), quotes.as_bytes()).is_some())
    {
        return Ok(None);
    }
    // The usual shape is read straight from the parser's events; anything else, and any error, by the toml crate's
    // serde path, whose errors are the ones reported.
    let file = match events::actor_entries(piece) {
        Some(actors) => KnowledgeBaseFile { actors },
        None => toml::from_str(piece).map_err(|e| {
            let message = e.message().trim().to_string();
            let span = e.span().map(|s| s.start + chunk.start..s.end + chunk.start);
            error_at(text, origin, span, message)
        })?,
    };
    let mut lines = LineCounter::default();
    let entries = file
        .actors
        .into_iter()
        .map(|entry| {
            let id_span = entry.id.span();
            let line = lines.line_of(piece, id_span.start);
            let id_span = id_span.start + chunk.start..id_span.end + chunk.start;
            let (actor, relations) = into_actor(entry, chunk.start);
            PieceEntry {
                id_key: actor.id.clone(),
                actor,
                relations,
                id_span,
                line,
            }
        })
        .collect();
    let newlines = lines.line_of(piece, piece.len()) - 1;
    Ok(Some(ParsedPiece { entries, newlines }))
}

/// The file cut into pieces of whole `[[actors]]` tables, each parsed on its own. The toml crate holds a whole
/// document in memory before deserializing it, about 18 times the size of the text: for 100,000 actors that was
/// 500 MB, and faulting it in took most of the load. Pieces of some kilobytes stay in the cache instead, and are
/// parsed on all cores.
///
/// A piece starts at a line that holds `[[actors]]` alone from its first column, trailing spaces allowed (every
/// entry a new table of the same array, so the pieces parse to the same actors as the whole), never at the first
/// one (whatever comes before it parses with it, as in the whole file). Only a multi-line string could hold such
/// a line without it being a header; a piece that opens one is found as it is parsed (`parse_piece`), and the
/// file is then parsed whole.
///
/// The pieces, and how many `[[actors]]` headers there are (about as many as actors).
fn pieces(text: &str) -> (Vec<Range<usize>>, usize) {
    const PIECE_BYTES: usize = 16 * 1024;
    const HEADER: &str = "[[actors]]";
    let is_header_line = |at: &usize| {
        let line_start = *at == 0 || text.as_bytes()[at - 1] == b'\n';
        let rest = &text[at + HEADER.len()..];
        let line_end = rest.find('\n').unwrap_or(rest.len());
        line_start && rest[..line_end].trim_end().is_empty()
    };
    let headers: Vec<usize> = memmem::find_iter(text.as_bytes(), HEADER)
        .filter(is_header_line)
        .collect();
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

/// An entry as an actor, its origin still to be set; `offset` is where the entry's piece of the file starts, for
/// the relations' spans.
fn into_actor(entry: ActorEntry, offset: usize) -> (Actor, Vec<(Relation, Range<usize>)>) {
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
        id: trimmed(entry.id.into_inner()),
        name: trimmed(entry.name),
        kind: entry.kind,
        acronyms: clean(entry.acronyms),
        aliases: clean(entry.aliases),
        variants: clean(entry.variants),
        unmatched: clean(entry.unmatched),
        nationality: clean(entry.nationality),
        description: trimmed(entry.description),
        relations: Vec::new(),
        designations: entry.designations,
        reviewed: entry.reviewed,
        sources: entry.sources,
        origin: Origin::Inline,
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

/// An actor's relations as parsed, by the actor's place in the base, with the source they were read from.
pub(crate) type PendingRelations = (usize, Vec<(Relation, Range<usize>)>, usize);

/// An actor's relations, each checked to name a known id; the first that does not is the error.
pub(crate) fn resolve(
    sources: &[super::KbSource],
    actors: &[Actor],
    by_id: &FastMap<String, usize>,
    (index, relations, source_index): PendingRelations,
) -> Result<(usize, Vec<Relation>), KbError> {
    let source = &sources[source_index];
    let relations = relations
        .into_iter()
        .map(|(relation, span)| match by_id.contains_key(&relation.to) {
            true => Ok(relation),
            false => Err(unknown_relation(
                source.text,
                &source.origin,
                &actors[index].id,
                &relation.to,
                span,
            )),
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok((index, relations))
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
    fn of_errors_in_several_pieces_parsed_apart_the_first_in_the_file_is_reported() {
        let text = many_actors(1000).replace("kind = \"place\"", "kind = \"planet\"");
        assert!(pieces(&text).0.len() > 3, "the test needs several pieces");
        let err = KnowledgeBase::from_toml(&text).unwrap_err();
        let first = text[..text.find("planet").unwrap()].lines().count();
        assert_eq!(err.line, first);
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
