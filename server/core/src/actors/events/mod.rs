//! A fast reader for the usual shape of a knowledge-base file: its actors built straight from `toml_parser`'s
//! events, without the document tree the `toml` crate builds and then deserialises (about a third of the parse of
//! a large file: what is left is mostly `toml_parser`'s own lexing and events, and the actors' strings).
//!
//! It reads `[[actors]]`, `[[actors.relations]]` and `[[actors.designations]]` tables whose keys are single
//! known field names, each set once, with string and array-of-strings values. It gives up on anything else
//! (other tables, dotted keys, inline tables, numbers, an unknown or repeated field, a missing one, a bad kind)
//! and on any error TOML reports: the `toml` crate's serde path then reads the text, and says what is wrong with
//! it. So this reader never reports an error, and accepts only files that path accepts, giving the same entries.

use super::format::{ActorEntry, ActorKind, Designation, RelationEntry};
use serde::de::IntoDeserializer;
use serde::Deserialize;
use std::borrow::Cow;
use std::ops::Range;
use toml::Spanned;
use toml_parser::decoder::Encoding;
use toml_parser::parser::{Event, EventKind, RecursionGuard, ValidateWhitespace};
use toml_parser::{ParseError, Source};

/// The actors of a piece of a file, with spans in the piece; `None` when it holds anything this reader leaves to
/// the serde path.
pub(super) fn actor_entries(piece: &str) -> Option<Vec<ActorEntry>> {
    let source = Source::new(piece);
    let tokens = source.lex().into_vec();
    let mut events = Vec::with_capacity(tokens.len());
    let mut error: Option<ParseError> = None;
    // Comments and newlines are checked (control characters, lone carriage returns) as the toml crate does.
    let mut receiver = ValidateWhitespace::new(&mut events, source);
    // The parser descends into nested arrays and inline tables by recursion: deeper than the format's one level
    // is an error here, before it can overflow the stack.
    let mut receiver = RecursionGuard::new(&mut receiver, 1);
    toml_parser::parser::parse_document(&tokens, &mut receiver, &mut error);
    if error.is_some() {
        return None;
    }
    Reader {
        source,
        events: events.iter(),
        strings: Vec::new(),
    }
    .actors()
}

/// Which table the keys that follow belong to.
enum Table {
    /// Before the first header: only the `[[actors]]` tables themselves are read there.
    Root,
    Actor,
    Relation(RelationFields),
    Designation(DesignationFields),
}

#[derive(Default)]
struct ActorFields {
    id: Option<Spanned<String>>,
    name: Option<String>,
    kind: Option<ActorKind>,
    acronyms: Option<Vec<String>>,
    aliases: Option<Vec<String>>,
    variants: Option<Vec<String>>,
    unmatched: Option<Vec<String>>,
    nationality: Option<Vec<String>>,
    description: Option<String>,
    reviewed: Option<String>,
    sources: Option<Vec<String>>,
    relations: Vec<RelationEntry>,
    designations: Vec<Designation>,
}

impl ActorFields {
    /// The entry, where every required field is set.
    fn finish(mut self) -> Option<ActorEntry> {
        self.relations.shrink_to_fit();
        self.designations.shrink_to_fit();
        Some(ActorEntry {
            id: self.id?,
            name: self.name?,
            kind: self.kind?,
            acronyms: self.acronyms.unwrap_or_default(),
            aliases: self.aliases.unwrap_or_default(),
            variants: self.variants.unwrap_or_default(),
            unmatched: self.unmatched.unwrap_or_default(),
            nationality: self.nationality.unwrap_or_default(),
            description: self.description.unwrap_or_default(),
            relations: self.relations,
            designations: self.designations,
            reviewed: self.reviewed,
            sources: self.sources.unwrap_or_default(),
        })
    }
}

#[derive(Default)]
struct RelationFields {
    to: Option<Spanned<String>>,
    kind: Option<String>,
}

#[derive(Default)]
struct DesignationFields {
    by: Option<String>,
    list: Option<String>,
    since: Option<String>,
    reference: Option<String>,
    as_of: Option<String>,
}

struct Reader<'i, 'e> {
    source: Source<'i>,
    events: std::slice::Iter<'e, Event>,
    /// The array of strings being read.
    strings: Vec<String>,
}

/// Sets a field not set before; `None` (give up) where it was.
fn set_once<T>(field: &mut Option<T>, value: T) -> Option<()> {
    match field {
        Some(_) => None,
        None => {
            *field = Some(value);
            Some(())
        }
    }
}

impl<'i, 'e> Reader<'i, 'e> {
    fn actors(mut self) -> Option<Vec<ActorEntry>> {
        let mut actors = Vec::new();
        let mut actor: Option<ActorFields> = None;
        let mut table = Table::Root;
        while let Some(event) = self.next_event() {
            match event.kind() {
                EventKind::ArrayTableOpen => {
                    let path = self.header()?;
                    let current = actor.as_mut();
                    close_sub_table(std::mem::replace(&mut table, Table::Root), current)?;
                    table = match path.as_slice() {
                        [first] if first == "actors" => {
                            if let Some(done) = actor.take() {
                                actors_push(&mut actors, done)?;
                            }
                            actor = Some(ActorFields::default());
                            Table::Actor
                        }
                        [first, sub] if first == "actors" => match sub.as_ref() {
                            "relations" => Table::Relation(RelationFields::default()),
                            "designations" => Table::Designation(DesignationFields::default()),
                            _ => return None,
                        },
                        _ => return None,
                    };
                }
                EventKind::SimpleKey => {
                    let key = self.key(event)?;
                    match &mut table {
                        Table::Root => return None,
                        Table::Actor => self.actor_field(actor.as_mut()?, &key)?,
                        Table::Relation(relation) => match key.as_ref() {
                            "to" => set_once(&mut relation.to, self.spanned_string()?)?,
                            "kind" => set_once(&mut relation.kind, self.string()?)?,
                            _ => return None,
                        },
                        Table::Designation(designation) => match key.as_ref() {
                            "by" => set_once(&mut designation.by, self.string()?)?,
                            "list" => set_once(&mut designation.list, self.string()?)?,
                            "since" => set_once(&mut designation.since, self.string()?)?,
                            "reference" => set_once(&mut designation.reference, self.string()?)?,
                            "as_of" => set_once(&mut designation.as_of, self.string()?)?,
                            _ => return None,
                        },
                    }
                }
                _ => return None,
            }
        }
        close_sub_table(table, actor.as_mut())?;
        if let Some(done) = actor {
            actors_push(&mut actors, done)?;
        }
        Some(actors)
    }

    fn actor_field(&mut self, actor: &mut ActorFields, key: &str) -> Option<()> {
        match key {
            "id" => set_once(&mut actor.id, self.spanned_string()?),
            "name" => set_once(&mut actor.name, self.string()?),
            "kind" => {
                let kind = self.string()?;
                let kind = ActorKind::deserialize(kind.as_str().into_deserializer())
                    .map_err(|_: serde::de::value::Error| ())
                    .ok()?;
                set_once(&mut actor.kind, kind)
            }
            "acronyms" => set_once(&mut actor.acronyms, self.strings()?),
            "aliases" => set_once(&mut actor.aliases, self.strings()?),
            "variants" => set_once(&mut actor.variants, self.strings()?),
            "unmatched" => set_once(&mut actor.unmatched, self.strings()?),
            "nationality" => set_once(&mut actor.nationality, self.strings()?),
            "description" => set_once(&mut actor.description, self.string()?),
            "reviewed" => set_once(&mut actor.reviewed, self.string()?),
            "sources" => set_once(&mut actor.sources, self.strings()?),
            // Relations and designations are read from their own tables only; anything else is unknown.
            _ => None,
        }
    }

    /// The next event that is not white space, a comment or a line end (the parser has checked where those are).
    fn next_event(&mut self) -> Option<&'e Event> {
        self.events.find(|event| {
            !matches!(
                event.kind(),
                EventKind::Whitespace | EventKind::Comment | EventKind::Newline
            )
        })
    }

    /// The keys of a header, once its `[[` is read.
    fn header(&mut self) -> Option<Vec<Cow<'i, str>>> {
        let mut path = Vec::with_capacity(2);
        loop {
            let event = self.next_event()?;
            match event.kind() {
                EventKind::SimpleKey => path.push(self.decoded_key(event)?),
                EventKind::KeySep => {}
                EventKind::ArrayTableClose => return Some(path),
                _ => return None,
            }
        }
    }

    /// A key of a key/value pair, up to its `=`; `None` for a dotted key.
    fn key(&mut self, event: &Event) -> Option<Cow<'i, str>> {
        let key = self.decoded_key(event)?;
        match self.next_event()?.kind() {
            EventKind::KeyValSep => Some(key),
            _ => None,
        }
    }

    fn decoded_key(&self, event: &Event) -> Option<Cow<'i, str>> {
        let raw = self.source.get(event)?;
        if event.encoding().is_none() {
            // A bare key, taken as written: the keys read are all valid bare keys, which decode to themselves,
            // and any other is unknown, so the text is left to the serde path whether it is valid or not.
            return Some(Cow::Borrowed(raw.as_str()));
        }
        let mut key = Cow::Borrowed("");
        let mut error: Option<ParseError> = None;
        raw.decode_key(&mut key, &mut error);
        error.is_none().then_some(key)
    }

    fn spanned_string(&mut self) -> Option<Spanned<String>> {
        let event = self.next_event()?;
        let text = self.decoded_string(event)?;
        Some(Spanned::new(span(event), text))
    }

    fn string(&mut self) -> Option<String> {
        let event = self.next_event()?;
        self.decoded_string(event)
    }

    /// An array of strings, in a list of its length (as serde makes it: lists of one or two are the most common,
    /// and a list grown by pushing holds four).
    fn strings(&mut self) -> Option<Vec<String>> {
        if self.next_event()?.kind() != EventKind::ArrayOpen {
            return None;
        }
        self.strings.clear();
        loop {
            let event = self.next_event()?;
            match event.kind() {
                EventKind::Scalar => {
                    let string = self.decoded_string(event)?;
                    self.strings.push(string);
                }
                EventKind::ValueSep => {}
                EventKind::ArrayClose => return Some(self.strings.drain(..).collect()),
                _ => return None,
            }
        }
    }

    /// A quoted string's text; `None` for any other value (numbers, booleans, dates, arrays, tables).
    fn decoded_string(&self, event: &Event) -> Option<String> {
        if event.kind() != EventKind::Scalar || event.encoding().is_none() {
            return None;
        }
        let raw = self.source.get(event)?;
        if event.encoding() == Some(Encoding::BasicString) {
            if let Some(text) = plain_basic_string(raw.as_str()) {
                return Some(text.to_string());
            }
        }
        let mut text = String::new();
        let mut error: Option<ParseError> = None;
        let _ = raw.decode_scalar(&mut text, &mut error);
        error.is_none().then_some(text)
    }
}

/// The text of a one-line basic string (`"..."`) with no escape in it and only the characters TOML allows there
/// as they are (tab, space to `~` but `"` and `\`, and every non-ASCII character): the text between its quotes.
/// Most strings are such; the decoder, which tests each byte against the grammar's ranges, took several times as
/// long on them. A test checks this against the decoder for every ASCII character.
fn plain_basic_string(raw: &str) -> Option<&str> {
    let text = raw.strip_prefix('"')?.strip_suffix('"')?;
    let plain = |b: &u8| matches!(b, b'\t' | b' '..=b'~' | 0x80..) && !matches!(b, b'"' | b'\\');
    text.as_bytes().iter().all(plain).then_some(text)
}

fn span(event: &Event) -> Range<usize> {
    event.span().start()..event.span().end()
}

/// Adds a finished relation or designation to its actor; `None` where there is no actor (a sub-table before any
/// actor makes `actors` a table, not an array of them) or a required field is missing.
fn close_sub_table(table: Table, actor: Option<&mut ActorFields>) -> Option<()> {
    match table {
        Table::Root | Table::Actor => {}
        Table::Relation(relation) => actor?.relations.push(RelationEntry {
            to: relation.to?,
            kind: relation.kind?,
        }),
        Table::Designation(designation) => actor?.designations.push(Designation {
            by: designation.by?,
            list: designation.list,
            since: designation.since,
            reference: designation.reference,
            as_of: designation.as_of,
        }),
    }
    Some(())
}

fn actors_push(actors: &mut Vec<ActorEntry>, actor: ActorFields) -> Option<()> {
    actors.push(actor.finish()?);
    Some(())
}

#[cfg(test)]
mod tests;
