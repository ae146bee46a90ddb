//! Which of a listed actor's names may be matched in text. A name that could as well be someone else's, or an
//! ordinary word, is kept for the card and never matched: a lone given name ("Yahya"), a name made only of given
//! names ("Abdul Jalil"), a common word or phrase ("The Youth", "The Base"), a very short name.

use std::collections::HashSet;

const COMMON_WORDS: &str = include_str!("common_words.txt");

/// Honorifics and titles written before names ("Dr. Naseer Haqqani", "Mullah ..."): they say nothing of who.
const TITLES: &[&str] = &[
    "dr",
    "haji",
    "hajji",
    "al-haj",
    "alhaj",
    "mullah",
    "mulla",
    "mullah",
    "maulavi",
    "maulvi",
    "mawlawi",
    "mawlavi",
    "qari",
    "sheikh",
    "shaikh",
    "sheik",
    "shaykh",
    "mufti",
    "hafiz",
    "sayed",
    "sayyed",
    "sayyid",
    "syed",
    "mr",
    "mrs",
    "general",
    "gen",
    "colonel",
    "col",
    "commander",
    "emir",
    "amir",
    "imam",
    "ustad",
    "engineer",
    "eng",
    "doctor",
];

/// Short joining words that are part of names but never tell them apart.
const PARTICLES: &[&str] = &[
    "al", "el", "ul", "ud", "ur", "bin", "ibn", "bint", "abu", "abd", "abdul", "e", "i", "wa", "of", "the", "and",
    "in", "de", "du", "la", "le", "des", "fi", "s",
];

/// What decides whether a name is precise enough to match: the list's given names and the common words.
pub struct Precision {
    given_names: HashSet<String>,
    common: HashSet<&'static str>,
}

impl Precision {
    /// With the given names of every person on the list (their first names' words).
    pub fn new<'a>(given_names: impl IntoIterator<Item = &'a str>) -> Precision {
        Precision {
            given_names: given_names.into_iter().flat_map(words).collect(),
            common: COMMON_WORDS
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect(),
        }
    }

    /// Whether a person's name tells them apart: two words or more besides titles and particles, at least one of
    /// them neither a given name of the list nor a common word, eight letters or more, in Latin letters.
    pub fn person_name_matches(&self, name: &str) -> bool {
        let telling = self.telling_words(name);
        telling.len() >= 2
            && telling
                .iter()
                .any(|w| !self.given_names.contains(w) && !self.common.contains(w.as_str()))
            && letters(name) >= 8
            && latin(name)
    }

    /// Whether an organisation's name tells it apart: not made only of common words, and one word only if it is
    /// six letters or more (five-letter words are too often a place's or a common word in another language);
    /// in Latin letters.
    pub fn organisation_name_matches(&self, name: &str) -> bool {
        let telling = self.telling_words(name);
        // Letters and figures in one word ("M23") name one thing.
        if let [word] = telling.as_slice() {
            if word.len() >= 3 && word.chars().any(|c| c.is_ascii_digit()) && word.chars().any(char::is_alphabetic) {
                return true;
            }
        }
        let distinctive = telling.iter().filter(|w| !self.common.contains(w.as_str())).count();
        distinctive >= 1 && (telling.len() >= 2 || letters(name) >= 6) && letters(name) >= 4 && latin(name)
    }

    /// The words of a name besides titles and particles, in lower case.
    fn telling_words(&self, name: &str) -> Vec<String> {
        words(name)
            .filter(|w| !TITLES.contains(&w.as_str()) && !PARTICLES.contains(&w.as_str()))
            .collect()
    }
}

/// A name's words in lower case, split at spaces, hyphens and apostrophes, without dots.
fn words(name: &str) -> impl Iterator<Item = String> + '_ {
    name.split(|c: char| c.is_whitespace() || matches!(c, '-' | '\'' | '’' | ',' | '/'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
}

fn letters(name: &str) -> usize {
    name.chars().filter(|c| c.is_alphabetic()).count()
}

/// Written in Latin letters (the list gives some names in Arabic or Korean script too, which briefings in English
/// do not use).
fn latin(name: &str) -> bool {
    name.chars()
        .all(|c| !c.is_alphabetic() || c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn precision() -> Precision {
        Precision::new(["SIRAJUDDIN", "YAHYA", "ABDUL JALIL", "MOHAMMAD SALIM"])
    }

    #[test]
    fn given_names_alone_or_together_never_match() {
        let p = precision();
        assert!(!p.person_name_matches("Yahya"));
        assert!(!p.person_name_matches("Abdul Jalil"));
        assert!(!p.person_name_matches("Mohammad Salim"));
        assert!(!p.person_name_matches("Qari Sahab"), "one telling word and a title");
        assert!(p.person_name_matches("Siraj Haqqani"));
        assert!(p.person_name_matches("Sirajuddin Jallaloudine Haqqani"));
        assert!(!p.person_name_matches("Dr. Yahya"));
    }

    #[test]
    fn common_words_and_short_names_never_match() {
        let p = precision();
        for common in [
            "The Youth",
            "Youth Wing",
            "\"The Base\"",
            "Islamic Army",
            "Trading Company",
            "MYM",
        ] {
            assert!(!p.organisation_name_matches(common), "{common}");
        }
        for name in [
            "Al-Shabaab",
            "Shabaab",
            "Haqqani Network",
            "Tehrik-e Taliban Pakistan",
            "Wilayat Barqa",
        ] {
            assert!(p.organisation_name_matches(name), "{name}");
        }
    }
}
