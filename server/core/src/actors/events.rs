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
        }),
    }
    Some(())
}

fn actors_push(actors: &mut Vec<ActorEntry>, actor: ActorFields) -> Option<()> {
    actors.push(actor.finish()?);
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::format::KnowledgeBaseFile;
    use crate::actors::{KnowledgeBase, BUILTIN_TOML};
    use proptest::prelude::*;
    use std::fmt::Write;

    /// The serde path's entries, as the fast path's are compared with them.
    fn by_serde(text: &str) -> Result<String, String> {
        toml::from_str::<KnowledgeBaseFile>(text)
            .map(|file| format!("{:?}", file.actors))
            .map_err(|e| e.to_string())
    }

    fn by_events(text: &str) -> Option<String> {
        actor_entries(text).map(|actors| format!("{actors:?}"))
    }

    #[test]
    fn the_builtin_base_is_read_as_the_serde_path_reads_it() {
        let fast = by_events(BUILTIN_TOML).expect("the built-in base has the usual shape");
        assert_eq!(Ok(fast), by_serde(BUILTIN_TOML));
    }

    #[test]
    fn every_field_of_every_table_is_read_with_the_spans_serde_gives() {
        let text = concat!(
            "# Leading comment.\n\n",
            "[[actors]] # trailing comment\n",
            "\"id\" = 'lit-id'\n",
            "name = \"Tab\\there \\u00e9 \\\"quoted\\\"\"\n",
            "kind = \"government-body\"\n",
            "acronyms = [\"TH\",\n  'T2', # comment in an array\n]\n",
            "aliases = []\n",
            "variants = [ \"Tab here\" ]\n",
            "description = \"\"\"\nTwo \\\n   lines\"\"\"\n",
            "reviewed = '2026-11-20'\n",
            "sources = ['''https://example.org/a''']\n",
            "[[actors.designations]]\nby = \"UN\"\nlist = \"1267\"\nsince = \"2001\"\n",
            "[[ actors . relations ]]\nto = \"b\"\nkind = \"part-of\"\n",
            "[[actors.designations]]\nby = \"EU\"\n",
            "\n[[actors]]\nid = \"b\"\nname = \"B\"\nkind = \"place\"\n",
        );
        let fast = by_events(text).expect("every feature used is one the fast path reads");
        assert_eq!(Ok(fast), by_serde(text));
        let actors = actor_entries(text).unwrap();
        assert_eq!(
            actors[0].id.span(),
            text.find("'lit-id'").unwrap()..text.find("'lit-id'").unwrap() + 8
        );
        assert_eq!(actors[0].description, "Two lines");
        assert_eq!(actors[0].designations.len(), 2);
        assert_eq!(actors[1].kind, ActorKind::Place);
    }

    #[test]
    fn a_byte_order_mark_and_crlf_line_ends_are_read_as_serde_reads_them() {
        let text =
            "\u{feff}# Base.\r\n[[actors]]\r\nid = \"a\"\r\nname = \"A\"\t\r\nkind = \"place\"\r\n\r\n[[actors]]\r\n\
                    id = \"b\"\r\nname = \"B\"\r\nkind = \"state\"\r\naliases = [\r\n  \"Bee\",\r\n]\r\n";
        let fast = by_events(text).expect("the usual shape");
        assert_eq!(Ok(fast), by_serde(text));
        let kb = KnowledgeBase::from_toml(text).unwrap();
        assert_eq!(kb.by_id("b").unwrap().aliases, ["Bee"]);
    }

    #[test]
    fn deeply_nested_arrays_are_an_error_not_a_stack_overflow() {
        let text = format!(
            "[[actors]]\nid = \"a\"\nname = \"A\"\nkind = \"place\"\naliases = {}",
            "[".repeat(200_000)
        );
        assert_eq!(by_events(&text), None);
        assert_eq!(KnowledgeBase::from_toml(&text).unwrap_err().line, 5);
    }

    #[test]
    fn unusual_but_valid_toml_is_left_to_the_serde_path_and_loads() {
        let cases = [
            // Relations as inline tables.
            "[[actors]]\nid = \"a\"\nname = \"A\"\nkind = \"place\"\nrelations = [{ to = \"a\", kind = \"self\" }]\n",
            // Relations as a key's value.
            "[[actors]]\nid = \"a\"\nname = \"A\"\nkind = \"place\"\nrelations = []\n",
            // An array of tables as one inline array.
            "actors = [{ id = \"a\", name = \"A\", kind = \"place\" }]\n",
            // Designations as inline tables.
            "[[actors]]\nid = \"a\"\nname = \"A\"\nkind = \"place\"\ndesignations = [{ by = \"UN\" }]\n",
        ];
        for text in cases {
            assert_eq!(by_events(text), None, "{text}");
            let kb = KnowledgeBase::from_toml(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(kb.actors().len(), 1);
        }
    }

    /// Each error the serde path reports, with where: the fast path gives up on every one of them, so the
    /// message is the serde path's own.
    #[test]
    fn on_every_error_the_fast_path_gives_up_and_the_error_is_located() {
        let head = "[[actors]]\nid = \"x\"\nname = \"X\"\n";
        let cases: [(&str, String, (usize, usize), &str); 12] = [
            (
                "unknown field",
                format!("{head}kind = \"place\"\ncolour = \"red\"\n"),
                (5, 1),
                "colour",
            ),
            (
                "wrong type",
                format!("{head}kind = \"place\"\naliases = \"A\"\n"),
                (5, 11),
                "sequence",
            ),
            (
                "wrong type in an array",
                format!("{head}kind = \"place\"\naliases = [1]\n"),
                (5, 12),
                "string",
            ),
            (
                "a number for a string",
                "[[actors]]\nid = 7\nname = \"X\"\nkind = \"place\"\n".into(),
                (2, 6),
                "string",
            ),
            (
                "missing name",
                "[[actors]]\nid = \"x\"\nkind = \"place\"\n".into(),
                (1, 1),
                "name",
            ),
            (
                "missing id",
                "[[actors]]\nname = \"X\"\nkind = \"place\"\n".into(),
                (1, 1),
                "id",
            ),
            ("bad kind", format!("{head}kind = \"planet\"\n"), (4, 8), "planet"),
            (
                "duplicate key",
                format!("{head}kind = \"place\"\nname = \"Y\"\n"),
                (5, 1),
                "duplicate key",
            ),
            (
                "invalid syntax",
                format!("{head}kind = \"place\nsources = []\n"),
                (4, 14),
                "invalid basic string",
            ),
            (
                "bad escape",
                format!("{head}kind = \"place\"\ndescription = \"a \\q b\"\n"),
                (5, 19),
                "escaped value",
            ),
            (
                "relation without its target",
                format!("{head}kind = \"place\"\n[[actors.relations]]\nkind = \"x\"\n"),
                (5, 1),
                "to",
            ),
            (
                "a relation before any actor",
                format!("[[actors.relations]]\nto = \"a\"\nkind = \"x\"\n{head}kind = \"place\"\n"),
                (4, 3),
                "duplicate key",
            ),
        ];
        for (what, text, (line, column), said) in cases {
            assert_eq!(by_events(&text), None, "{what}");
            let err = KnowledgeBase::from_toml(&text).unwrap_err();
            assert_eq!((err.line, err.column), (line, column), "{what}: {err}");
            assert!(err.message.contains(said), "{what}: {err}");
        }
    }

    #[test]
    fn a_basic_string_is_taken_as_written_exactly_where_the_decoder_would_give_it_unchanged() {
        let others = [
            'é',
            '\u{80}',
            '\u{7ff}',
            '\u{d7ff}',
            '\u{e000}',
            '\u{feff}',
            '\u{2028}',
            '\u{10ffff}',
        ];
        for c in (0..=0x7f).filter_map(char::from_u32).chain(others) {
            let raw = format!("\"a{c}b\"");
            let mut decoded = String::new();
            let mut error: Option<ParseError> = None;
            let span = toml_parser::Span::new_unchecked(0, raw.len());
            let _ = toml_parser::Raw::new_unchecked(&raw, Some(Encoding::BasicString), span)
                .decode_scalar(&mut decoded, &mut error);
            let unchanged = error.is_none() && decoded == raw[1..raw.len() - 1];
            assert_eq!(plain_basic_string(&raw).is_some(), unchanged, "{c:?}");
        }
        assert_eq!(plain_basic_string("\"a b\""), Some("a b"));
        assert_eq!(plain_basic_string("\"unclosed"), None);
    }

    /// A string as TOML, in one of its four kinds where that kind can hold it.
    fn quoted(text: &str, style: u8) -> String {
        let plain = !text.contains(['\'', '\n', '\t', '\\', '"']);
        match style % 4 {
            1 if plain => format!("'{text}'"),
            2 if plain => format!("'''{text}'''"),
            3 => format!("\"\"\"{}\"\"\"", escaped(text)),
            _ => format!("\"{}\"", escaped(text)),
        }
    }

    fn escaped(text: &str) -> String {
        text.chars().fold(String::new(), |mut out, c| {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                'é' => out.push_str("\\u00E9"),
                c => out.push(c),
            }
            out
        })
    }

    const KINDS: [&str; 8] = [
        "armed-group",
        "state",
        "government-body",
        "person",
        "place",
        "international-organisation",
        "media-outlet",
        "event",
    ];

    /// An actor's lines in the usual shape: its fields (text, and how to quote it) in a given order.
    fn actor_strategy() -> impl Strategy<Value = String> {
        let text = "[a-zA-Z0-9 é\"'\\\\\t-]{0,10}";
        let list = prop::collection::vec((text, any::<u8>()), 0..3);
        (
            (text, any::<u8>(), text, any::<u8>(), 0..KINDS.len()),
            (list.clone(), list.clone(), list, prop::option::of((text, any::<u8>()))),
            prop::collection::vec(((text, any::<u8>()), (text, any::<u8>())), 0..3),
            prop::collection::vec((text, prop::option::of(text)), 0..2),
            any::<u64>(),
        )
            .prop_map(
                |(
                    (id, id_style, name, name_style, kind),
                    (aliases, acronyms, sources, description),
                    relations,
                    designations,
                    layout,
                )| {
                    let list = |items: &[(String, u8)]| {
                        let items: Vec<String> = items.iter().map(|(text, style)| quoted(text, *style)).collect();
                        format!("[{}]", items.join(", "))
                    };
                    let mut fields = vec![
                        format!("id = {}", quoted(&id, id_style)),
                        format!("name = {}", quoted(&name, name_style)),
                        format!("kind = \"{}\"", KINDS[kind]),
                        format!("aliases = {}", list(&aliases)),
                        format!("acronyms = {}", list(&acronyms)),
                        format!("sources = {}", list(&sources)),
                    ];
                    if let Some((description, style)) = description {
                        fields.push(format!("description = {}", quoted(&description, style)));
                    }
                    let rotation = (layout % fields.len() as u64) as usize;
                    fields.rotate_left(rotation);
                    let mut out = String::from("[[actors]]\n");
                    for (i, field) in fields.iter().enumerate() {
                        let _ = writeln!(
                            out,
                            "{field}{}",
                            if layout >> (8 + i) & 1 == 1 { " # note" } else { "" }
                        );
                    }
                    for ((to, to_style), (kind, kind_style)) in relations {
                        let _ = writeln!(
                            out,
                            "[[actors.relations]]\nto = {}\nkind = {}",
                            quoted(&to, to_style),
                            quoted(&kind, kind_style)
                        );
                    }
                    for (by, since) in designations {
                        let _ = writeln!(out, "\n[[actors.designations]]\nby = {}", quoted(&by, 0));
                        if let Some(since) = since {
                            let _ = writeln!(out, "since = {}", quoted(&since, 1));
                        }
                    }
                    out
                },
            )
    }

    /// What the edits of a file insert or put in place of a character.
    const EDITS: [&str; 29] = [
        "\"",
        "'",
        "\\",
        "[",
        "]",
        "[[",
        "]]",
        "=",
        ".",
        ",",
        "\n",
        "#",
        "{",
        "}",
        "x",
        " ",
        "\t",
        "\r",
        "\u{0}",
        "1",
        "id",
        "name",
        "kind",
        "to",
        "actors",
        "relations",
        "\"\"\"",
        "\\u",
        "é",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        /// Files of the usual shape are read by the fast path, to the entries the serde path makes.
        #[test]
        fn the_fast_path_reads_the_usual_shape_as_serde_does(actors in prop::collection::vec(actor_strategy(), 0..6)) {
            let text = actors.concat();
            let fast = by_events(&text);
            prop_assert!(fast.is_some(), "{}", text);
            prop_assert_eq!(Ok(fast.unwrap()), by_serde(&text), "{}", text);
        }

        /// Whatever is changed in such a file, the fast path accepts only what the serde path accepts, with the
        /// same entries.
        #[test]
        fn the_fast_path_accepts_nothing_serde_rejects(
            actors in prop::collection::vec(actor_strategy(), 1..4),
            edits in prop::collection::vec(
                (any::<prop::sample::Index>(), 0..3u8, prop::sample::select(EDITS.to_vec())),
                1..4,
            ),
        ) {
            let mut text = actors.concat();
            for (at, edit, piece) in edits {
                let mut at = at.index(text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                match edit {
                    0 => text.insert_str(at, piece),
                    1 => {
                        let end = (at + piece.len()).min(text.len());
                        let end = (end..=text.len()).find(|&e| text.is_char_boundary(e)).unwrap();
                        text.replace_range(at..end, "");
                    }
                    _ => {
                        let end = (at + 1..=text.len()).find(|&e| text.is_char_boundary(e)).unwrap_or(at);
                        text.replace_range(at..end, piece);
                    }
                }
            }
            if let Some(fast) = by_events(&text) {
                prop_assert_eq!(Ok(fast), by_serde(&text), "{}", text);
            }
        }
    }
}
