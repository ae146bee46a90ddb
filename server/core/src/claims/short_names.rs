//! Laws and orders a document names by a short form it defines: "the Intelligence Reform and Terrorism
//! Prevention Act of 2004 (IRTPA)" then "IRTPA requires …". What the document says such a law provides is the
//! law's, as "The Intelligence Reform Act requires …" is.

use regex::Regex;
use std::sync::OnceLock;

/// The short forms the text gives to laws, orders and other instruments it names in full.
pub fn document_short_names(text: &str) -> Vec<String> {
    let mut names: Vec<String> = defined_short_name()
        .captures_iter(text)
        .map(|c| c[1].to_string())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Whether the sentence's subject is one of `names` and its verb says what the instrument provides: "IRTPA
/// requires …", "In addition, FISA also provides …".
pub fn provided_by_short_name(sentence: &str, names: &[String]) -> bool {
    let sentence = sentence.trim_start();
    let main = match sentence.split_once(", ") {
        Some((lead, rest)) if lead.split_whitespace().count() <= 3 => rest,
        _ => sentence,
    };
    let mut words = main.split_whitespace();
    let Some(subject) = words.next() else {
        return false;
    };
    if !names.iter().any(|name| name == subject) {
        return false;
    }
    let verb = words.find(|w| !matches!(*w, "also" | "further" | "thus" | "therefore" | "specifically"));
    verb.is_some_and(crate::claims::sources::is_provision_verb)
}

fn defined_short_name() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r"\b(?:Act|Order|Directive|Law|Resolution|Treaty|Convention|Agreement|Regulation|Statute)(?: of (?:19|20)\d{2})?,? \(([A-Z][A-Z0-9&-]{1,9})\)",
        )
        .unwrap()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_law_named_by_the_short_form_the_document_gave_it_provides() {
        let text = "Congress passed the Intelligence Reform and Terrorism Prevention Act of 2004 (IRTPA). \
                    It also amended the Foreign Intelligence Surveillance Act (FISA).";
        let names = document_short_names(text);
        assert_eq!(names, vec!["FISA".to_string(), "IRTPA".to_string()]);
        assert!(provided_by_short_name("IRTPA requires the DNI to report.", &names));
        assert!(provided_by_short_name(
            "In addition, FISA also provides for warrants.",
            &names
        ));
        assert!(!provided_by_short_name(
            "IRTPA was a response to the 9/11 Commission.",
            &names
        ));
        assert!(!provided_by_short_name("ODNI requires the elements to report.", &names));
    }
}
