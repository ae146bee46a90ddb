//! Fixes shared by the sourcing rules: attribute a sentence, or cite it with a footnote. Both are made when an
//! editor asks for them (`Rule::fixes`): the footnote's label and place depend on the whole text.

use crate::document::{DocKind, Document, Sentence};
use crate::findings::{Edit, Finding, Fix};

/// The sentence a sourcing finding covers: its range is the sentence's.
pub fn sentence_of<'d>(document: &'d Document, finding: &Finding) -> Option<&'d Sentence> {
    let (_, sentence) = document.sentence_at(finding.range.start)?;
    (sentence.range == finding.range).then_some(sentence)
}

/// Words that open a sentence without being a name, lower-cased after an inserted "According to …, ".
const COMMON_OPENERS: &[&str] = &[
    "The", "A", "An", "This", "That", "These", "Those", "There", "It", "Its", "Some", "Many", "In", "On",
];

/// "According to …, " before the sentence, for the writer to complete.
pub fn attribution_template(text: &str, sentence: &Sentence) -> Fix {
    let start = sentence.range.start;
    let first_word: String = text[start..sentence.range.end]
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let mut edits = vec![Edit {
        range: start..start,
        replacement: "According to …, ".to_string(),
    }];
    if COMMON_OPENERS.contains(&first_word.as_str()) {
        edits.push(Edit {
            range: start..start + first_word.len(),
            replacement: first_word.to_lowercase(),
        });
    }
    Fix {
        title: "Attribute it: insert “According to …, ”".to_string(),
        edits,
        safe: false,
    }
}

/// A footnote reference after the sentence, with the first label the text does not use, and a stub definition
/// at the end of the document (Markdown); or a parenthetical source to fill in (plain text).
pub fn citation_stub(text: &str, document: &Document, sentence: &Sentence) -> Fix {
    let end = sentence.range.end;
    match document.kind {
        DocKind::Markdown => {
            let label = next_footnote_label(text);
            let separator = if text.ends_with("\n\n") {
                ""
            } else if text.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            Fix {
                title: format!("Cite it: add footnote [^{label}]"),
                edits: vec![
                    Edit {
                        range: end..end,
                        replacement: format!("[^{label}]"),
                    },
                    Edit {
                        range: text.len()..text.len(),
                        replacement: format!("{separator}[^{label}]: Source: …\n"),
                    },
                ],
                safe: false,
            }
        }
        DocKind::PlainText => {
            let before_stop = text[..end].trim_end_matches(['.', '!']).len();
            Fix {
                title: "Cite it: add “(Source, date)”".to_string(),
                edits: vec![Edit {
                    range: before_stop..before_stop,
                    replacement: " (Source, date)".to_string(),
                }],
                safe: false,
            }
        }
    }
}

/// The first numeric footnote label not used in the text, in one pass over it.
fn next_footnote_label(text: &str) -> usize {
    let used: std::collections::HashSet<usize> = text
        .match_indices("[^")
        .filter_map(|(i, _)| text[i + 2..].split(']').next()?.parse().ok())
        .collect();
    (1..).find(|n| !used.contains(n)).unwrap_or(1)
}
