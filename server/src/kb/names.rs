//! Names as a sanctions list writes them (upper case, acronyms in parentheses, several names joined by ";") in
//! the normal case briefings use: "TEHRIK-E TALIBAN PAKISTAN (TTP)" is "Tehrik-e Taliban Pakistan" with the
//! acronym TTP, "THE ORGANIZATION OF AL-QAIDA IN THE ISLAMIC MAGHREB" is "The Organization of al-Qaida in the
//! Islamic Maghreb".

/// Words written in lower case inside a name: Arabic and Persian particles (al-, bin, ul, ibn, -e-), and the
/// function words of English, French and Spanish names.
const PARTICLES: &[&str] = &[
    "al", "el", "ul", "ud", "ur", "bin", "ibn", "bint", "wa", "wal", "fi", "e", "i", "of", "the", "and", "in", "for",
    "on", "at", "to", "by", "de", "du", "des", "la", "le", "les", "et", "del", "y", "da", "di", "van", "von", "der",
];

/// Written as acronyms wherever they are in a name.
const ACRONYMS: &[&str] = &[
    "DPRK", "KPA", "UAE", "USA", "UN", "LLC", "FZE", "FZC", "FZCO", "JSC", "OJSC", "CJSC", "PJSC", "DRC", "ISIL",
    "ISIS", "IRGC", "SARL", "GMBH", "NV", "BV", "PLC",
];

/// A name as the list writes it, split into its names (";" joins several) and the acronyms in parentheses after
/// them. Other parenthesised text (a note, the name in the original script) is dropped.
pub fn split_listed(listed: &str) -> (Vec<String>, Vec<String>) {
    let mut names = Vec::new();
    let mut acronyms = Vec::new();
    for part in listed.split(';') {
        let (name, found) = without_parentheses(part);
        acronyms.extend(found);
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        let name = name.trim_matches(|c: char| c == ',' || c == '-' || c.is_whitespace());
        if !name.is_empty() {
            names.push(name.to_string());
        }
    }
    (names, acronyms)
}

/// The text without its parenthesised parts, and those that are acronyms.
fn without_parentheses(text: &str) -> (String, Vec<String>) {
    let mut out = String::new();
    let mut acronyms = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find(')') else {
            rest = "";
            break;
        };
        let inside = rest[open + 1..open + close].trim();
        if is_acronym(inside) {
            acronyms.push(inside.to_string());
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    (out, acronyms)
}

/// "TTP", "ISIL-K", "AQAP", "ISIS-WA": capitals (at least two), digits and hyphens, nothing else.
pub fn is_acronym(text: &str) -> bool {
    let capitals = text.chars().filter(char::is_ascii_uppercase).count();
    capitals >= 2
        && text.len() <= 10
        && text
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-' || c == '/')
}

/// A name in normal case: each word capitalised, particles lower case (but the first word), acronyms and Roman
/// numerals in capitals. Words already in mixed case are kept as written ("Siraj Haqqani"; in "Abd Al-Rahman
/// SALIM" only the last word is the list's capitals).
pub fn normal_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for (index, word) in name.split(' ').enumerate() {
        if index > 0 {
            out.push(' ');
        }
        for (part_index, part) in split_keeping(word, '-').into_iter().enumerate() {
            if part == "-" || part.chars().any(char::is_lowercase) {
                out.push_str(part);
            } else {
                out.push_str(&word_case(part, index == 0 && part_index == 0));
            }
        }
    }
    out
}

/// `text` cut at `separator`, the separators kept as parts of their own.
fn split_keeping(text: &str, separator: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (at, c) in text.char_indices() {
        if c == separator {
            parts.push(&text[start..at]);
            parts.push(&text[at..at + c.len_utf8()]);
            start = at + c.len_utf8();
        }
    }
    parts.push(&text[start..]);
    parts
}

/// Company and name abbreviations the list writes in capitals.
const ABBREVIATIONS: &[(&str, &str)] = &[("LTD", "Ltd"), ("JR", "Jr"), ("CO", "Co"), ("PTE", "Pte")];

fn word_case(word: &str, first: bool) -> String {
    // Up to an apostrophe: "ISIL’S" is the acronym's possessive.
    let stem = word.split(['\'', '’']).next().unwrap_or(word);
    let stem_letters: String = stem.chars().filter(|c| c.is_alphabetic()).collect();
    let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
    if let Some((_, written)) = ABBREVIATIONS.iter().find(|(caps, _)| *caps == letters) {
        return word.replace(letters.as_str(), written);
    }
    if ACRONYMS.contains(&stem_letters.as_str()) || is_roman_numeral(&letters) || !has_vowel(&letters) {
        return word.to_string();
    }
    let lower = word.to_lowercase();
    if !first && PARTICLES.contains(&lower.as_str()) {
        return lower;
    }
    // The first letter up, the rest down: after an apostrophe too ("QA'IDA" is "Qa'ida").
    let mut chars = lower.chars();
    let mut out = String::with_capacity(word.len());
    for c in chars.by_ref() {
        if c.is_alphabetic() {
            out.extend(c.to_uppercase());
            break;
        }
        out.push(c);
    }
    out.extend(chars);
    out
}

fn has_vowel(letters: &str) -> bool {
    letters.is_empty()
        || letters
            .chars()
            .any(|c| "AEIOUYaeiouyÀÁÂÃÄÅÈÉÊËÌÍÎÏÒÓÔÕÖÙÚÛÜ".contains(c))
}

/// II to XXXIX, written as numerals are (a lone letter is a word: "I" in "Tehrik-I-Taliban"; "VIV" is a name).
fn is_roman_numeral(letters: &str) -> bool {
    let tens = letters.len() - letters.trim_start_matches('X').len();
    let units = &letters[tens..];
    letters.len() >= 2
        && tens <= 3
        && matches!(
            units,
            "" | "I" | "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_get_normal_case_with_particles_and_acronyms() {
        assert_eq!(
            split_listed("TEHRIK-E TALIBAN PAKISTAN (TTP)"),
            (vec!["TEHRIK-E TALIBAN PAKISTAN".to_string()], vec!["TTP".to_string()])
        );
        assert_eq!(normal_case("TEHRIK-E TALIBAN PAKISTAN"), "Tehrik-e Taliban Pakistan");
        assert_eq!(normal_case("AL-QAIDA"), "Al-Qaida");
        assert_eq!(
            normal_case("THE ORGANIZATION OF AL-QAIDA IN THE ISLAMIC MAGHREB"),
            "The Organization of al-Qaida in the Islamic Maghreb"
        );
        assert_eq!(normal_case("KHALIL UR RAHMAN HAQQANI"), "Khalil ur Rahman Haqqani");
        assert_eq!(normal_case("OSAMA BIN LADEN"), "Osama bin Laden");
        assert_eq!(normal_case("TANZIM QA'IDAT AL-JIHAD"), "Tanzim Qa'idat al-Jihad");
        assert_eq!(
            normal_case("KOREA MINING DEVELOPMENT CORPORATION II"),
            "Korea Mining Development Corporation II"
        );
        assert_eq!(normal_case("DPRK TRADING LLC"), "DPRK Trading LLC");
        assert_eq!(normal_case("Siraj Haqqani"), "Siraj Haqqani", "mixed case is kept");
        assert_eq!(
            normal_case("Abd Al-Rahman SALIM AL-MILAD"),
            "Abd Al-Rahman Salim al-Milad"
        );
        assert_eq!(normal_case("IYAD AG GHALI"), "Iyad Ag Ghali");
        assert_eq!(normal_case("VIV ANSANM"), "Viv Ansanm");
        assert_eq!(
            normal_case("Al-ARABI TRADING COMPANY, LTD"),
            "Al-Arabi Trading Company, Ltd"
        );
        assert_eq!(normal_case("KO CH'O'L-CHAE"), "Ko Ch'o'l-Chae");
    }

    #[test]
    fn several_names_and_notes_are_split_off() {
        let (names, acronyms) =
            split_listed("COMPAGNIE AERIENNE DES GRANDS LACS (CAGL) ; GREAT LAKES BUSINESS COMPANY (GLBC)");
        assert_eq!(
            names,
            ["COMPAGNIE AERIENNE DES GRANDS LACS", "GREAT LAKES BUSINESS COMPANY"]
        );
        assert_eq!(acronyms, ["CAGL", "GLBC"]);
        let (names, acronyms) = split_listed("Ezatullah Haqqani (previously listed as)");
        assert_eq!(names, ["Ezatullah Haqqani"]);
        assert!(acronyms.is_empty());
        assert_eq!(split_listed("Haji Gulab Gul (حاجی گلاب گل ),").0, ["Haji Gulab Gul"]);
    }
}
