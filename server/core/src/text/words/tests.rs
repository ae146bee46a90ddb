//! Tests of the tokeniser and of telling verbs from other words.

use super::*;
use crate::text::lower_case::Lowered;

fn with_tokens<R>(text: &str, read: impl FnOnce(&[Token]) -> R) -> R {
    read(&Lowered::of(text).tokens(text))
}

#[test]
fn tokens_keep_inner_marks() {
    let words: Vec<String> = with_tokens("Pakistan's TTP-led, 6,000 U.S. troops “left”.", |t| {
        t.iter().map(|t| t.text.to_string()).collect()
    });
    assert_eq!(
        words,
        vec![
            "Pakistan's",
            "TTP-led",
            ",",
            "6,000",
            "U.S",
            ".",
            "troops",
            "“",
            "left",
            "”",
            "."
        ]
    );
}

#[test]
fn tokens_outside_ascii_and_at_the_edges() {
    let text = "Ürümqi’s 1,5a a,5 x- É.";
    let lowered = Lowered::of(text);
    let t = lowered.tokens(text);
    let words: Vec<(&str, &str, bool)> = t.iter().map(|t| (t.text, t.lower(), t.word)).collect();
    assert_eq!(
        words,
        vec![
            ("Ürümqi’s", "ürümqi’s", true),
            ("1,5a", "1,5a", true),
            ("a", "a", true),
            (",", ",", false),
            ("5", "5", true),
            ("x", "x", true),
            ("-", "-", false),
            ("É", "é", true),
            (".", ".", false),
        ]
    );
    assert_eq!(t[0].range(), 0.."Ürümqi’s".len());
}

#[test]
fn a_part_of_lowered_texts_gives_the_tokens_of_its_text_alone() {
    let text = "The ISPR’s Ürümqi office said 6,000 U.S. troops LEFT \u{212A}ILLED.";
    let mut lowered = Lowered::default();
    lowered.push("Ärger. ");
    let start = lowered.len();
    lowered.push(text);
    lowered.lower_tokens_outside_ascii(text, start);
    let mut parts = Vec::new();
    tokens_into(text, lowered.part(start..start + text.len()), &mut parts);
    assert_eq!(parts, Lowered::of(text).tokens(text));
    assert_eq!(parts[1].lower(), "ispr’s");
    assert_eq!(parts[2].lower(), "ürümqi");
    assert_eq!(parts.last().map(|t| t.lower()), Some("."));
    assert_eq!(parts[parts.len() - 2].lower(), "killed");
}

proptest::proptest! {
    #[test]
    fn every_token_holds_its_text_in_lower_case(
        before in r"[ aZ9É\u{212A}]{0,6}",
        text in r"[ aZ9_,.'’‑\-É\u{212A}ß\t\u{a0}٣ΣΌ]{0,24}",
    ) {
        let alone = Lowered::of(&text);
        let plain = alone.tokens(&text);
        for token in &plain {
            proptest::prop_assert_eq!(token.text, &text[token.range()]);
            proptest::prop_assert_eq!(token.lower(), token.text.to_lowercase());
        }
        // The same tokens from a part of longer lowered texts.
        let mut lowered = Lowered::default();
        lowered.push(&before);
        lowered.lower_tokens_outside_ascii(&before, 0);
        let start = lowered.len();
        lowered.push(&text);
        lowered.lower_tokens_outside_ascii(&text, start);
        let mut parts = Vec::new();
        tokens_into(&text, lowered.part(start..start + text.len()), &mut parts);
        proptest::prop_assert_eq!(&parts, &plain);
    }
}

/// The tokens by the rule in [`tokens_into`]'s doc, char by char: (text, start, is a word).
fn tokens_by_the_rule(text: &str) -> Vec<(&str, usize, bool)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&(start, c)) = chars.get(i) {
        i += 1;
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            loop {
                match (chars.get(i), chars.get(i + 1)) {
                    (Some(&(_, next)), _) if next.is_alphanumeric() => i += 1,
                    (Some(&(_, mark)), Some(&(_, after)))
                        if matches!(mark, '\'' | '’' | '-' | '.' | '‑') && after.is_alphanumeric()
                            || mark == ',' && chars[i - 1].1.is_ascii_digit() && after.is_ascii_digit() =>
                    {
                        i += 2
                    }
                    _ => break,
                }
            }
        }
        let end = chars.get(i).map_or(text.len(), |&(at, _)| at);
        out.push((&text[start..end], start, c.is_alphanumeric()));
    }
    out
}

proptest::proptest! {
    #[test]
    fn tokens_follow_the_rule(text in r"[ aZ9_,.'’‑\-É\u{212A}ß\t\u{a0}٣Σ…(\[]{0,24}") {
        let lowered = Lowered::of(&text);
        let tokens: Vec<(&str, usize, bool)> =
            lowered.tokens(&text).iter().map(|t| (t.text, t.range().start, t.word)).collect();
        proptest::prop_assert_eq!(tokens, tokens_by_the_rule(&text));
    }
}

#[test]
fn verbs_are_recognised_and_the_month_is_not_a_modal() {
    assert!(with_tokens("Five personnel injured in May", has_verb));
    assert!(!with_tokens("Casualties by district in May 2025", has_verb));
    assert!(!with_tokens("Armed groups in the merged districts", has_verb));
    assert!(with_tokens("The group controls the valley", has_verb));
    assert!(with_tokens("Militants may attack", has_verb));
}

#[test]
fn unmistakable_verbs_are_auxiliaries_and_past_forms() {
    let unmistakable = |text: &str| with_tokens(text, |t| (0..t.len()).any(|i| is_unmistakable_verb_at(t, i)));
    assert!(unmistakable("Explosives came from Afghanistan"));
    assert!(unmistakable("Mobile data remains suspended"));
    assert!(unmistakable("The TTP will strike"));
    assert!(!unmistakable("A TTP claim of an attack in Punjab"));
    assert!(!unmistakable("Security forces"));
}

#[test]
fn a_word_after_an_article_or_a_number_is_a_noun() {
    assert!(!with_tokens("Bajaur: 14 attacks", has_verb));
    assert!(!with_tokens("The ambush near Bannu", has_verb));
    assert!(with_tokens("Militants ambush convoys near Bannu", has_verb));
    assert!(with_tokens("This marks a shift", has_verb));
}

#[test]
fn a_participle_that_mostly_describes_is_a_verb_before_its_object() {
    let verb_at = |text: &str, word: &str| {
        with_tokens(text, |t| {
            let i = t.iter().position(|t| t.text == word).unwrap();
            is_verb_at(t, i)
        })
    };
    assert!(verb_at(
        "The State Department designated the cartel a terrorist group.",
        "designated"
    ));
    assert!(!verb_at("The designated terrorist group denied it.", "designated"));
}

#[test]
fn a_note_number_run_into_its_first_word_is_a_token_of_its_own() {
    let split = |text: &str| -> Vec<(String, std::ops::Range<usize>)> {
        with_tokens(text, |t| {
            t.iter().take(2).map(|t| (t.lower().to_string(), t.range())).collect()
        })
    };
    assert_eq!(
        split("5According to officials, it moved."),
        vec![("5".to_string(), 0..1), ("according".to_string(), 1..10)]
    );
    // A model name, a unit or a code is one word.
    assert_eq!(split("3D printing grew.")[0].0, "3d");
    assert_eq!(split("5G masts burned.")[0].0, "5g");
    assert_eq!(split("12CBP, U.S. Border Patrol.")[0].0, "12cbp");
}
