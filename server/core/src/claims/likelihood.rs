//! Estimative language: the standard likelihood terms of US ICD 203 (two rows of equivalent terms) and of the
//! UK PHIA probability yardstick, and the hedges that stand outside them.

use super::prefiltered::Prefiltered;
use std::ops::Range;
use std::sync::OnceLock;

/// Which probability scale a team writes to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scale {
    #[default]
    Icd203,
    Phia,
}

impl Scale {
    pub fn label(self) -> &'static str {
        match self {
            Scale::Icd203 => "ICD 203",
            Scale::Phia => "PHIA yardstick",
        }
    }
}

/// The set of terms a word belongs to; mixing families in one document is what `mixed-likelihood-scale` finds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Family {
    /// ICD 203, first row: almost no chance … almost certainly.
    IcdFirstRow,
    /// ICD 203, second row: remote … nearly certain.
    IcdSecondRow,
    /// PHIA terms that are not ICD 203 terms: remote chance, realistic possibility, highly likely …
    Phia,
    /// Terms both scales use ("likely", "unlikely", "almost certain"): they fit any family.
    Shared,
}

impl Family {
    pub fn label(self) -> &'static str {
        match self {
            Family::IcdFirstRow => "the first row of the ICD 203 table",
            Family::IcdSecondRow => "the second row of the ICD 203 table",
            Family::Phia => "the PHIA yardstick",
            Family::Shared => "both scales",
        }
    }
}

pub struct Term {
    pub text: &'static str,
    pub family: Family,
    /// Probability range in percent on ICD 203, and on PHIA, where the scale has the term.
    pub icd: Option<(u8, u8)>,
    pub phia: Option<(u8, u8)>,
}

/// Longest first, so that "very likely" is found before "likely".
pub static TERMS: &[Term] = &[
    Term {
        text: "roughly even chance",
        family: Family::IcdFirstRow,
        icd: Some((45, 55)),
        phia: None,
    },
    Term {
        text: "roughly even odds",
        family: Family::IcdSecondRow,
        icd: Some((45, 55)),
        phia: None,
    },
    Term {
        text: "realistic possibility",
        family: Family::Phia,
        icd: None,
        phia: Some((40, 50)),
    },
    Term {
        text: "highly improbable",
        family: Family::IcdSecondRow,
        icd: Some((5, 20)),
        phia: None,
    },
    Term {
        text: "highly probable",
        family: Family::IcdSecondRow,
        icd: Some((80, 95)),
        phia: None,
    },
    Term {
        text: "almost no chance",
        family: Family::IcdFirstRow,
        icd: Some((1, 5)),
        phia: None,
    },
    Term {
        text: "almost certainly",
        family: Family::IcdFirstRow,
        icd: Some((95, 99)),
        phia: None,
    },
    Term {
        text: "almost certain",
        family: Family::Shared,
        icd: Some((95, 99)),
        phia: Some((95, 100)),
    },
    Term {
        text: "nearly certain",
        family: Family::IcdSecondRow,
        icd: Some((95, 99)),
        phia: None,
    },
    Term {
        text: "highly unlikely",
        family: Family::Phia,
        icd: None,
        phia: Some((10, 20)),
    },
    Term {
        text: "highly likely",
        family: Family::Phia,
        icd: None,
        phia: Some((80, 90)),
    },
    Term {
        text: "remote chance",
        family: Family::Phia,
        icd: None,
        phia: Some((0, 5)),
    },
    Term {
        text: "very unlikely",
        family: Family::IcdFirstRow,
        icd: Some((5, 20)),
        phia: None,
    },
    Term {
        text: "very likely",
        family: Family::IcdFirstRow,
        icd: Some((80, 95)),
        phia: None,
    },
    Term {
        text: "improbable",
        family: Family::IcdSecondRow,
        icd: Some((20, 45)),
        phia: None,
    },
    Term {
        text: "probable",
        family: Family::IcdSecondRow,
        icd: Some((55, 80)),
        phia: Some((55, 75)),
    },
    // ICD 203 writes the second row's terms as adverbs too: "probably" is "probable".
    Term {
        text: "probably",
        family: Family::IcdSecondRow,
        icd: Some((55, 80)),
        phia: Some((55, 75)),
    },
    Term {
        text: "unlikely",
        family: Family::Shared,
        icd: Some((20, 45)),
        phia: Some((25, 35)),
    },
    Term {
        text: "likely",
        family: Family::Shared,
        icd: Some((55, 80)),
        phia: Some((55, 75)),
    },
    Term {
        text: "remote",
        family: Family::IcdSecondRow,
        icd: Some((1, 5)),
        phia: None,
    },
];

/// The standard terms of a scale, in order, for suggestions.
pub fn yardstick(scale: Scale) -> &'static str {
    match scale {
        Scale::Icd203 => "almost no chance (1–5%), very unlikely (5–20%), unlikely (20–45%), roughly even chance (45–55%), likely (55–80%), very likely (80–95%), almost certainly (95–99%)",
        Scale::Phia => "remote chance (≤5%), highly unlikely (10–20%), unlikely (25–35%), realistic possibility (40–50%), likely or probable (55–75%), highly likely (80–90%), almost certain (≥95%)",
    }
}

impl Term {
    /// "likely: 55–80% on ICD 203", or why the term is not on the scale.
    pub fn describe(&self, scale: Scale) -> String {
        let range = match scale {
            Scale::Icd203 => self.icd,
            Scale::Phia => self.phia,
        };
        match range {
            Some((low, high)) => format!("“{}”: {low}–{high}% on the {} scale", self.text, scale.label()),
            None => format!(
                "“{}” is not a term of the {} scale, which uses: {}",
                self.text,
                scale.label(),
                yardstick(scale)
            ),
        }
    }
}

/// The terms, longest first, with words that every term has one of ("very likely", "roughly even chance").
/// Key words of the standard terms (see `super::word_gate`): every term has a word that starts with one.
pub const TERM_WORDS: &[&str] = &[
    "roughly",
    "realistic",
    "highly",
    "almost",
    "nearly",
    "remote",
    "very",
    "improbab",
    "probab",
    "unlikely",
    "likely",
];

/// Key words of the hedges (see `super::word_gate`).
pub const HEDGE_WORDS: &[&str] = &[
    "may",
    "might",
    "could",
    "possibl",
    "perhaps",
    "conceivabl",
    "seems",
    "appears",
];

/// Key words of the confidence statements (see `super::word_gate`).
pub const CONFIDENCE_WORDS: &[&str] = &["confidence"];

fn terms_pattern() -> &'static Prefiltered {
    static PATTERN: OnceLock<Prefiltered> = OnceLock::new();
    PATTERN.get_or_init(|| {
        let alternatives: Vec<String> = TERMS
            .iter()
            .map(|t| regex::escape(t.text).replace(' ', r"\s+"))
            .collect();
        Prefiltered::new(
            &format!(r"(?i)\b(?:{})\b", alternatives.join("|")),
            "(?i)(?:likely|probab|chance|odds|possibility|certain|remote)",
        )
    })
}

/// Every standard likelihood term in `text`, with its range.
pub fn find_terms(text: &str) -> Vec<(Range<usize>, &'static Term)> {
    terms_pattern()
        .find_iter(text)
        .filter_map(|m| {
            let normal = m
                .as_str()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            TERMS.iter().find(|t| t.text == normal).map(|t| (m.range(), t))
        })
        .collect()
}

/// Hedges outside the standard terms. "May" with a capital inside a sentence is the month; "could not" states
/// a past inability; "military might" is a noun.
pub fn find_hedges(text: &str) -> Vec<Range<usize>> {
    hedges_pattern()
        .find_iter(text)
        .filter(|m| {
            let word = m.as_str();
            let before = text[..m.start()].trim_end();
            let after = text[m.end()..].trim_start();
            let sentence_start = before.is_empty() || before.ends_with(['.', '“', '"', '(']);
            let month = word == "May" && !sentence_start;
            let month_at_start = word == "May" && after.starts_with(|c: char| c.is_ascii_digit());
            let past_inability =
                word.eq_ignore_ascii_case("could") && (after.starts_with("not") || after.starts_with("n't"));
            let noun = word.eq_ignore_ascii_case("might")
                && ["military", "economic", "the", "its", "their", "full", "naval"]
                    .iter()
                    .any(|w| before.to_lowercase().ends_with(w));
            !(month || month_at_start || past_inability || noun)
        })
        .map(|m| m.range())
        .collect()
}

fn hedges_pattern() -> &'static Prefiltered {
    static PATTERN: OnceLock<Prefiltered> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Prefiltered::new(
            r"\b(?:[Mm]ay|[Mm]ight|[Cc]ould|[Pp]ossibly|[Pp]erhaps|[Cc]onceivably|[Pp]ossible|[Ii]t\s+seems|[Ii]t\s+appears|seems\s+to|appears\s+to)\b",
            "(?:[Mm]ay|[Mm]ight|[Cc]ould|ossib|erhaps|onceiv|seems|appears)",
        )
    })
}

/// "high confidence", "moderate confidence", "low confidence" (and "medium"), or the level stated of the
/// judgement: "our confidence in this is low", "confidence in this assessment is moderate". A bare "confidence
/// is high" is left out: it is as often the public's or the markets'.
pub fn find_confidence(text: &str) -> Option<Range<usize>> {
    confidence_pattern().find(text).map(|m| m.range())
}

fn confidence_pattern() -> &'static Prefiltered {
    static PATTERN: OnceLock<Prefiltered> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Prefiltered::new(
            r"(?i)\b(?:high|moderate|medium|low)(?:\s+|-)confidence\b|\bour\s+confidence\s+in\s+(?:this|that|these|it)(?:\s+(?:judge?ments?|assessments?))?\s+is\s+(?:high|moderate|medium|low)\b|\bconfidence\s+in\s+(?:this|that|these|the|our)\s+(?:judge?ments?|assessments?|estimates?)\s+is\s+(?:high|moderate|medium|low)\b",
            "(?i)confidence",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<&'static str> {
        find_terms(text).into_iter().map(|(_, t)| t.text).collect()
    }

    #[test]
    fn longest_terms_win() {
        assert_eq!(
            terms("It is very likely, not almost certain, and highly\nprobable."),
            vec!["very likely", "almost certain", "highly probable"]
        );
        assert!(terms("the likelihood of remoteness").is_empty());
        assert_eq!(
            terms("They will probably move; it is probable."),
            vec!["probably", "probable"]
        );
    }

    #[test]
    fn every_match_has_the_words_looked_for_first() {
        use crate::claims::prefiltered::tests::check;
        check(terms_pattern());
        check(hedges_pattern());
        check(confidence_pattern());
    }

    #[test]
    fn key_words_open_every_match() {
        use crate::claims::word_gate::tests::check_key_words;
        check_key_words(terms_pattern().pattern(), TERM_WORDS);
        check_key_words(hedges_pattern().pattern(), HEDGE_WORDS);
        check_key_words(confidence_pattern().pattern(), CONFIDENCE_WORDS);
    }

    #[test]
    fn hedges_but_not_the_month_or_inability() {
        let text = "In May 2025 the group may attack. May 5 was calm. They could not reach it; it could fall. Military might grew.";
        let found: Vec<&str> = find_hedges(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, vec!["may", "could"]);
        let text = "It seems the truce holds.";
        let found: Vec<&str> = find_hedges(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, vec!["It seems"]);
    }

    #[test]
    fn describes_terms_on_each_scale() {
        let likely = TERMS.iter().find(|t| t.text == "likely").unwrap();
        assert_eq!(likely.describe(Scale::Icd203), "“likely”: 55–80% on the ICD 203 scale");
        assert_eq!(
            likely.describe(Scale::Phia),
            "“likely”: 55–75% on the PHIA yardstick scale"
        );
        let realistic = TERMS.iter().find(|t| t.text == "realistic possibility").unwrap();
        assert!(realistic
            .describe(Scale::Icd203)
            .contains("is not a term of the ICD 203 scale"));
    }

    #[test]
    fn confidence_levels() {
        assert!(find_confidence("We assess with moderate confidence that").is_some());
        assert!(find_confidence("a high-confidence judgement").is_some());
        assert!(find_confidence("confidence is high").is_none());
        assert!(find_confidence("Our confidence in this is low.").is_some());
        assert!(find_confidence("Confidence in this judgement is moderate.").is_some());
        assert!(find_confidence("Confidence in the police is low.").is_none());
    }
}
