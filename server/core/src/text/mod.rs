//! Text helpers below the classifier and the rules: words and their lower case, fixed word lists, compiled
//! patterns, and the capitals of a text (acronyms, organisations and titled people).

pub mod acronyms;
pub mod capitals;
pub mod lexicon;
pub mod lower_case;
pub mod pattern;
pub mod proper_names;
pub mod words;

/// The char starting at byte `at` (a char start), decoding only outside ASCII: the tokeniser and the sentence
/// splitter walk text byte by byte with it.
pub fn char_at(text: &str, at: usize) -> Option<char> {
    let byte = *text.as_bytes().get(at)?;
    if byte.is_ascii() {
        Some(char::from(byte))
    } else {
        text[at..].chars().next()
    }
}
