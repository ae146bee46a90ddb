//! Tests of the organisation and titled-person searches against the regexes they replace.

use super::*;
use proptest::prelude::*;
use regex::Regex;

/// The regexes these searches replace, as unknown-actor compiled them.
fn organisation_regex() -> &'static Regex {
    static RE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| crate::text::pattern::compile(&format!(
        r"\b(?:[A-Z][\w'’-]+\s+){{1,4}}(?:{})\b(?:\s+(?:of\s+)?[A-Z][\w'’-]+){{0,3}}|\b(?:{})-[a-z]{{1,3}}-[A-Z][\w'’]+",
        KEYWORDS.join("|"),
        HYPHENATED_STARTS.join("|")
    )))
}

fn titled_regex() -> &'static Regex {
    static RE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        let titles: Vec<String> = TITLES.iter().map(|title| regex::escape(title)).collect();
        crate::text::pattern::compile(&format!(r"\b(?:{})\s+(?:[A-Z][\w'’-]+\s?){{1,3}}", titles.join("|")))
    })
}

fn regex_matches(re: &Regex, text: &str) -> Vec<Range<usize>> {
    re.find_iter(text).map(|m| m.range()).collect()
}

fn organisations_of(text: &str) -> Vec<Range<usize>> {
    ProperNames::find(text).organisations
}

fn titled_people_of(text: &str) -> Vec<Range<usize>> {
    ProperNames::find(text).people
}

fn texts(found: &[Range<usize>], text: &str) -> Vec<String> {
    found.iter().map(|r| text[r.clone()].to_string()).collect()
}

#[test]
fn the_oracle_is_the_pattern_unknown_actor_used() {
    // Spelled out once here, so that a change to the word lists cannot quietly change the oracle too.
    let written = r"\b(?:[A-Z][\w'’-]+\s+){1,4}(?:Army|Front|Movement|Party|Ministry|Council|Corps|Forces|Brigade|Group|Network|Organisation|Organization|Agency|Authority|Association|Union|Committee|Commission|Court|Police|Jamaat|Lashkar|Battalion|Regiment|Militia|Alliance|Directorate|Bureau|Tribunal|Shura|Jirga)\b(?:\s+(?:of\s+)?[A-Z][\w'’-]+){0,3}|\b(?:Jamaat|Lashkar|Jaish|Harkat|Ansar)-[a-z]{1,3}-[A-Z][\w'’]+";
    assert_eq!(
        organisation_regex().as_str(),
        crate::text::pattern::compile(written).as_str()
    );
}

#[test]
fn the_ascii_classes_are_the_regex_classes() {
    for c in (0..128u8).map(char::from) {
        let word = regex_syntax::is_word_character(c);
        assert_eq!(NAME.holds(c), word || c == '\'' || c == '-', "{c:?}");
        assert_eq!(NAME_WITHOUT_HYPHEN.holds(c), word || c == '\'', "{c:?}");
        assert_eq!(SPACE.holds(c), c.is_whitespace(), "{c:?}");
        assert_eq!(ASCII_WORD.holds(c), word, "{c:?}");
    }
    assert!(NAME.holds('’') && NAME.holds('é') && !NAME.holds('²') && !NAME.holds('—'));
    assert!(SPACE.holds('\u{a0}') && !SPACE.holds('\u{200b}') && !ASCII_WORD.holds('é'));
}

#[test]
fn no_word_or_title_starts_another() {
    for list in [KEYWORDS, HYPHENATED_STARTS, TITLES] {
        for a in list {
            for b in list {
                assert!(a == b || !b.starts_with(a), "{a} starts {b}");
            }
        }
    }
}

#[test]
fn four_words_before_a_keyword_and_no_more() {
    let text = "One Two Three Four Five Army of Kurram Valley Region Extra.";
    assert_eq!(
        texts(&organisations_of(text), text),
        ["Two Three Four Five Army of Kurram Valley Region"]
    );
    let text = "(Jamaat-ul-Ahrar) and x-Zarghun Brigade";
    assert_eq!(
        texts(&organisations_of(text), text),
        ["Jamaat-ul-Ahrar", "Zarghun Brigade"]
    );
}

#[test]
fn a_title_inside_a_longer_one_still_counts() {
    let text = "xLt. Gen. Zarak Hameed and Lt. Gen. Noor Wali";
    assert_eq!(
        texts(&titled_people_of(text), text),
        ["Gen. Zarak Hameed ", "Lt. Gen. Noor Wali"]
    );
}

/// Pieces of text that exercise every part of the patterns: capitalised words of all shapes, the keywords,
/// the titles, "of", apostrophes, hyphens, non-ASCII letters, marks and numbers, and spaces of all kinds.
const PIECES: &[&str] = &[
    "Zarghun",
    "Kurram",
    "A",
    "Ab",
    "X-Ray",
    "O'Neil",
    "Qa’id",
    "Émile",
    "Zé",
    "Ab_1",
    "B2",
    "Ⅻ",
    "²",
    "e\u{301}",
    "Army",
    "Forces",
    "Police",
    "Organisation",
    "Organization",
    "Jirga",
    "Group",
    "Jamaat",
    "Lashkar",
    "Jaish",
    "Ansar",
    "Harkat",
    "Armyx",
    "of",
    "the",
    "The",
    "ul",
    "e",
    "al",
    "wxyz",
    "-",
    "'",
    "’",
    "_",
    "1",
    "x",
    ".",
    ",",
    "(",
    "“",
    "—",
    "é",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\t",
    "\u{a0}",
    "\u{2003}",
    "\u{200b}",
    "Gen.",
    "Lt. Gen.",
    "Maj. Gen.",
    "Dr.",
    "General",
    "Commander",
    "Maulana",
];

/// Words as names are written: mostly capitalised words and keywords, mostly one space apart, so that
/// runs of up to six words before a keyword are common.
const WORDS: &[&str] = &[
    "Zarghun",
    "Kurram",
    "Ab",
    "X-Ray",
    "O'Neil",
    "Qa’id",
    "Zé",
    "Émile",
    "A",
    "Army",
    "Forces",
    "Front",
    "Police",
    "Jamaat",
    "of",
    "the",
    "The",
    "Jamaat-ul-Ahrar",
    "Lashkar-e-Zé",
    "Commander",
    "Gen.",
    "Lt. Gen.",
    "x-Zarghun",
];
const SEPARATORS: &[&str] = &[
    " ", " ", " ", " ", " ", " ", "  ", "\n", "\u{a0}", ",", ".", "-", "’", "é", "",
];

fn text_of_pieces() -> impl Strategy<Value = String> {
    let loose = proptest::collection::vec(proptest::sample::select(PIECES), 0..40);
    let words = proptest::sample::select(WORDS);
    let separators = proptest::sample::select(SEPARATORS);
    let written = proptest::collection::vec((words, separators), 0..16).prop_map(|pairs| {
        pairs
            .into_iter()
            .flat_map(|(word, separator)| [word, separator])
            .collect()
    });
    prop_oneof![loose, written].prop_map(|pieces: Vec<&str>| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn organisations_are_the_regex_matches(text in text_of_pieces()) {
        prop_assert_eq!(organisations_of(&text), regex_matches(organisation_regex(), &text));
    }

    #[test]
    fn titled_people_are_the_regex_matches(text in text_of_pieces()) {
        prop_assert_eq!(titled_people_of(&text), regex_matches(titled_regex(), &text));
    }
}
