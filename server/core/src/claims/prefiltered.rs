//! A cue pattern with a plainer one that every match of it contains a match of ("confidence" in "high
//! confidence"): a few literal words, which the regex crate finds by a fast literal search, where a case-
//! insensitive pattern of many alternatives scans every byte with its automaton. Most sentences have none of the
//! words, and the full pattern then does not run.

use regex::{Match, Regex};

pub struct Prefiltered {
    pattern: Regex,
    required: Regex,
}

impl Prefiltered {
    /// `required` must match inside every match of `pattern`, with the same flags for the same words; the test
    /// helper `check` below tries that on generated matches.
    pub fn new(pattern: &str, required: &str) -> Prefiltered {
        Prefiltered {
            pattern: crate::text::pattern::compile(pattern),
            required: crate::text::pattern::compile(required),
        }
    }

    /// The full pattern, for tests of what its matches hold.
    #[cfg(test)]
    pub fn pattern(&self) -> &Regex {
        &self.pattern
    }

    pub fn find<'t>(&self, text: &'t str) -> Option<Match<'t>> {
        self.find_iter(text).next()
    }

    pub fn find_iter<'t>(&self, text: &'t str) -> impl Iterator<Item = Match<'t>> + use<'_, 't> {
        let possible = self.required.is_match(text);
        possible.then(|| self.pattern.find_iter(text)).into_iter().flatten()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::Prefiltered;
    use proptest::prelude::*;

    /// Checks on generated matches of the pattern (without its word boundaries, which the generator cannot make)
    /// that the required pattern matches wherever the full one does.
    pub(crate) fn check(prefiltered: &Prefiltered) {
        let generated = prefiltered.pattern.as_str().replace(r"(?-u:\b)", "");
        let matching = proptest::string::string_regex(&generated).expect("the generator takes the pattern");
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(2000));
        runner
            .run(&matching, |text: String| {
                if prefiltered.pattern.is_match(&text) {
                    prop_assert!(prefiltered.required.is_match(&text), "{text:?}");
                }
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn finds_what_the_pattern_finds_where_the_required_words_are() {
        let likely = Prefiltered::new(r"(?i)\b(?:very|highly)\s+likely\b", "(?i)likely");
        let found: Vec<&str> = likely
            .find_iter("Very likely, highly LIKELY, likelyhood")
            .map(|m| m.as_str())
            .collect();
        assert_eq!(found, vec!["Very likely", "highly LIKELY"]);
        assert!(likely.find("very probable").is_none());
        check(&likely);
    }

    #[test]
    #[should_panic]
    fn the_check_finds_a_required_word_missing_from_a_match() {
        check(&Prefiltered::new(r"(?i)\b(?:very\s+likely|probable)\b", "(?i)likely"));
    }
}
