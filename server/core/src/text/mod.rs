//! Text helpers below the classifier and the rules: words and their lower case, fixed word lists, compiled
//! patterns, and the capitals of a text (acronyms, organisations and titled people).

pub mod acronyms;
pub mod capitals;
pub mod lexicon;
pub mod lower_case;
pub mod pattern;
pub mod proper_names;
pub mod words;
