//! Tests of finding actor mentions, and of the prefix automaton against a plain leftmost-longest search.

use super::part::sorted_with_distinguishing_prefix_lens;
use super::prefix_automaton::PrefixAutomaton;
use crate::actors::KnowledgeBase;
use aho_corasick::AhoCorasickKind;
use std::ops::Range;

fn kb() -> KnowledgeBase {
    KnowledgeBase::from_toml(
        r#"
[[actors]]
id = "ttp"
name = "Tehreek-e-Taliban Pakistan"
kind = "armed-group"
acronyms = ["TTP"]
variants = ["Tehrik-i-Taliban Pakistan"]
[[actors]]
id = "pakistan"
name = "Pakistan"
kind = "state"
[[actors]]
id = "dawn"
name = "Dawn"
kind = "media-outlet"
[[actors]]
id = "fc"
name = "Frontier Corps"
kind = "government-body"
acronyms = ["FC"]
[[actors]]
id = "fcon"
name = "Federal Constabulary"
kind = "government-body"
acronyms = ["FC"]
"#,
    )
    .unwrap()
}

fn found(text: &str) -> Vec<(String, Vec<String>)> {
    let kb = kb();
    kb.find_mentions(text)
        .into_iter()
        .map(|m| {
            (
                text[m.range.clone()].to_string(),
                kb.actors_of(&m).map(|a| a.id.clone()).collect(),
            )
        })
        .collect()
}

#[test]
fn longest_match_wins_and_case_rules_hold() {
    let got = found("TEHRIK-I-TALIBAN PAKISTAN and the TTP-led attack in Pakistan's north; ttp is not it.");
    let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, vec!["TEHRIK-I-TALIBAN PAKISTAN", "TTP", "Pakistan"]);
    assert!(got.iter().take(2).all(|(_, ids)| ids == &["ttp"]));
}

#[test]
fn word_boundaries_and_one_word_names_need_a_capital() {
    assert!(found("Pakistani troops attacked at dawn; FCs and TTPX.").is_empty());
    assert_eq!(found("Dawn reported it.")[0].1, vec!["dawn"]);
}

/// The greedy choice made from every occurrence: at each place from `from` on, the longest accepted one.
fn next_of_all(
    all: &[(Range<usize>, usize)],
    from: usize,
    accept: impl Fn(&Range<usize>) -> bool,
) -> Option<(Range<usize>, usize)> {
    all.iter()
        .filter(|(range, _)| range.start >= from && accept(range))
        .min_by_key(|(range, _)| (range.start, std::cmp::Reverse(range.end)))
        .cloned()
}

/// Every kind of prefix automaton finds, from every place on, the occurrence the greedy choice makes from all
/// occurrences of the whole patterns (`aho_corasick`'s overlapping search).
fn check_against_whole_patterns(
    patterns: std::collections::HashSet<String>,
    haystack: &str,
    refused: u64,
) -> Result<(), proptest::test_runner::TestCaseError> {
    let patterns: Vec<Vec<u8>> = patterns.into_iter().map(String::into_bytes).collect();
    let whole = aho_corasick::AhoCorasick::new(&patterns).unwrap();
    let all: Vec<(Range<usize>, usize)> = whole
        .find_overlapping_iter(haystack)
        .map(|m| (m.range(), m.pattern().as_usize()))
        .collect();
    // Where a word starts, or at a space: the places the matcher asks at (`at_word_boundaries`).
    let at_a_start = |range: &Range<usize>| {
        range.start == 0 || haystack.as_bytes()[range.start - 1] == b' ' || haystack.as_bytes()[range.start] == b' '
    };
    let accept = |range: &Range<usize>| at_a_start(range) && (refused >> ((range.start * 5 + range.end) % 64)) & 1 == 0;
    let kinds = [
        AhoCorasickKind::DFA,
        AhoCorasickKind::ContiguousNFA,
        AhoCorasickKind::NoncontiguousNFA,
    ];
    for (kind, parts) in kinds.into_iter().zip([1, 2, 3]) {
        let automaton = PrefixAutomaton::with_parts(&patterns, Some(kind), parts);
        let mut occurrences = automaton.occurrences(haystack, haystack.as_bytes(), accept);
        for from in 0..=haystack.len() {
            proptest::prop_assert_eq!(
                occurrences.next_from(from),
                next_of_all(&all, from, accept),
                "{:?} from {}",
                kind,
                from
            );
        }
    }
    Ok(())
}

proptest::proptest! {
    /// Patterns and text over three letters share many prefixes and contain one another, the hard cases; a
    /// pseudo-random half of the places is not accepted, as word boundaries refuse some.
    #[test]
    fn the_prefix_automaton_finds_what_the_whole_patterns_find(
        patterns in proptest::collection::hash_set("[abc]{1,6}", 1..30),
        haystack in "[abc ]{0,80}",
        refused in 0u64..u64::MAX,
    ) {
        check_against_whole_patterns(patterns, &haystack, refused)?;
    }

    /// The same with patterns longer than the prefix a leftmost search keeps at least
    /// (`LEFTMOST_MIN_PREFIX`), most of them sharing it, and text made of it: the rest decides.
    #[test]
    fn patterns_cut_for_a_leftmost_search_are_found_whole(
        patterns in proptest::collection::hash_set("(abcabcab)?[abc]{1,5}", 1..20),
        haystack in "(abcabcab|[abc]| ){0,30}",
        refused in 0u64..u64::MAX,
    ) {
        check_against_whole_patterns(patterns, &haystack, refused)?;
    }

    /// The mentions are those the greedy choice makes from every occurrence of every name and acronym, names
    /// in any case and acronyms as written: what the matcher found when it listed them all.
    #[test]
    fn mentions_are_the_greedy_choice_from_all_occurrences(
        names in proptest::collection::vec("(Ab|ab|Ba|b-a|A)( (Ab|ba|a)){0,2}", 1..8),
        acronyms in proptest::collection::vec("(AB|A|BA|ABA)", 0..4),
        text in "(Ab|AB|ab|BA|b-a|a|A|ba|BAB|ABA| |, |-|é){0,30}",
    ) {
        let mut toml = String::new();
        for (i, name) in names.iter().enumerate() {
            let acronym = acronyms.get(i).map_or(String::new(), |a| format!("acronyms = [\"{a}\"]\n"));
            toml += &format!("[[actors]]\nid = \"a{i}\"\nname = \"{name}\"\nkind = \"place\"\n{acronym}");
        }
        let kb = KnowledgeBase::from_toml(&toml).unwrap();
        // Each kind of automaton, searched leftmost-longest (a DFA of few patterns) or at word starts.
        let kinds = [AhoCorasickKind::DFA, AhoCorasickKind::ContiguousNFA, AhoCorasickKind::NoncontiguousNFA];
        let matchers = kinds.map(|kind| super::Matcher::with_kind(kb.actors(), Some(kind)));
        let matcher = &matchers[0];
        let is_acronym = |surface: &super::Surface| surface.actors[0].1 == crate::actors::NameForm::Acronym;
        let lower = text.to_ascii_lowercase();
        let mut all: Vec<(Range<usize>, usize)> = Vec::new();
        for (number, surface) in matcher.surfaces().iter().enumerate() {
            let (haystack, pattern) = if is_acronym(surface) {
                (text.as_str(), surface.text.clone())
            } else {
                (lower.as_str(), surface.text.to_ascii_lowercase())
            };
            let mut at = 0;
            while let Some(found) = haystack[at..].find(&pattern) {
                let start = at + found;
                all.push((start..start + pattern.len(), number));
                at = start + haystack[start..].chars().next().map_or(1, char::len_utf8);
            }
        }
        let accept = |&(ref range, number): &(Range<usize>, usize)| {
            super::at_word_boundaries(&text, range)
                && (is_acronym(&matcher.surfaces()[number]) || super::capitalised_if_one_word(&text[range.clone()]))
        };
        all.retain(|candidate| accept(candidate));
        all.sort_by_key(|(range, number)| (range.start, std::cmp::Reverse(range.end), is_acronym(&matcher.surfaces()[*number])));
        let mut expected: Vec<(Range<usize>, usize)> = Vec::new();
        for candidate in all {
            if expected.last().is_none_or(|(last, _)| candidate.0.start >= last.end) {
                expected.push(candidate);
            }
        }
        for (matcher, kind) in matchers.iter().zip(kinds) {
            let got: Vec<(Range<usize>, usize)> = matcher.find(&text).into_iter().map(|m| (m.range, m.surface)).collect();
            proptest::prop_assert_eq!(&got, &expected, "{:?}", kind);
        }
    }
}

#[test]
fn patterns_are_cut_where_they_part_from_all_others() {
    let patterns: Vec<Vec<u8>> = ["karam", "karam militants", "karzai", "mr kar", "k"]
        .iter()
        .map(|p| p.as_bytes().to_vec())
        .collect();
    assert_eq!(sorted_with_distinguishing_prefix_lens(&patterns).1, vec![5, 6, 4, 1, 1]);
}

#[test]
fn surfaces_are_numbered_in_the_order_of_the_base() {
    let kb = kb();
    let texts: Vec<&str> = kb.matcher().surfaces().iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Tehreek-e-Taliban Pakistan",
            "Tehrik-i-Taliban Pakistan",
            "TTP",
            "Pakistan",
            "Dawn",
            "Frontier Corps",
            "FC",
            "Federal Constabulary"
        ]
    );
}

#[test]
fn a_large_base_keyed_on_all_cores_gets_the_same_surfaces() {
    let count = super::PARALLEL_FROM_ACTORS + 100;
    let mut text = String::new();
    for i in 0..count {
        // Every third actor has the name of the one before in capitals (one surface for both); every acronym
        // is shared by seven actors.
        let name = if i > 0 && i % 3 == 0 {
            format!("ACTOR {}", i - 1)
        } else {
            format!("Actor {i}")
        };
        text += &format!(
            "[[actors]]\nid = \"a{i}\"\nname = \"{name}\"\nkind = \"place\"\nacronyms = [\"A{}\"]\n",
            i % 7
        );
    }
    let kb = KnowledgeBase::from_toml(&text).unwrap();
    let surfaces = kb.matcher().surfaces();
    let distinct_names = count - (count - 1) / 3;
    assert_eq!(surfaces.len(), distinct_names + 7);
    assert_eq!(
        (
            surfaces[0].text.as_str(),
            surfaces[1].text.as_str(),
            surfaces[2].text.as_str()
        ),
        ("Actor 0", "A0", "Actor 1")
    );
    let shared = &surfaces[1].actors;
    assert_eq!(shared.len(), count.div_ceil(7));
    assert!(shared.windows(2).all(|pair| pair[0].0 + 7 == pair[1].0));
    let found = kb.find_mentions("ACTOR 5 met actor 7.");
    let ids: Vec<Vec<&str>> = found
        .iter()
        .map(|m| kb.actors_of(m).map(|a| a.id.as_str()).collect())
        .collect();
    assert_eq!(ids, [vec!["a5", "a6"], vec!["a7"]]);
}

#[test]
fn blocks_searched_with_one_buffer_find_what_each_finds_alone() {
    let kb = kb();
    // A long text before shorter ones: what is left of its lower case in the buffer must not count.
    let texts = [
        "The Tehrik-i-Taliban Pakistan and the TTP spoke at dawn in Pakistan.",
        "Dawn reported it.",
        "",
        "tehreek-e-taliban pakistan, FC",
    ];
    let each: Vec<Vec<super::Mention>> = texts.iter().map(|t| kb.find_mentions(t)).collect();
    assert_eq!(kb.find_mentions_in_each(texts), each);
    assert!(each.iter().filter(|m| !m.is_empty()).count() == 3);
}

#[test]
fn a_shared_acronym_names_every_actor_that_has_it() {
    assert_eq!(found("The FC post.")[0].1, vec!["fc", "fcon"]);
}
