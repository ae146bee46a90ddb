//! Tests of the fast reader against the `toml` crate's serde path: the same actors, or a give-up, for every file.

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
        "unmatched = [\"Tab\"]\n",
        "nationality = [\"Somewhere\"]\n",
        "description = \"\"\"\nTwo \\\n   lines\"\"\"\n",
        "reviewed = '2026-11-20'\n",
        "sources = ['''https://example.org/a''']\n",
        "[[actors.designations]]\nby = \"UN\"\nlist = \"1267\"\nsince = \"2001\"\n",
        "[[ actors . relations ]]\nto = \"b\"\nkind = \"part-of\"\n",
        "[[actors.designations]]\nby = \"EU\"\nreference = \"QDe.1\"\nas_of = \"2025-11-20\"\n",
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

const KINDS: [&str; 9] = [
    "armed-group",
    "state",
    "government-body",
    "person",
    "place",
    "international-organisation",
    "media-outlet",
    "event",
    "organisation",
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
