//! Labelled sentence files (`LABEL<TAB>TEXT`, one sentence a line) assembled into Markdown documents.
//!
//! A blank line ends a paragraph; `//` starts a comment. The lines of a paragraph are joined with spaces into one
//! Markdown paragraph, except after a line that closes no sentence (a title, a date line), which keeps its line
//! break as it had in the text it stands for; `- ` lines are list items and `## ` lines headings. Labels: none, attributed, vague,
//! unattributed.

use super::scores::parse_label;
use brieflint_core::claims::ClaimClass;

pub struct Labelled {
    pub file: String,
    pub line: usize,
    pub label: ClaimClass,
    /// Byte range of the sentence in the assembled document.
    pub start: usize,
    pub end: usize,
}

/// Assemble a corpus file into one Markdown document, remembering where each labelled sentence went.
pub fn assemble(file: &str, source: &str) -> (String, Vec<Labelled>) {
    let mut doc = String::new();
    let mut labelled = Vec::new();
    let mut in_paragraph = false;
    for (number, line) in source.lines().enumerate() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        if line.trim().is_empty() {
            if in_paragraph {
                doc.push_str("\n\n");
                in_paragraph = false;
            }
            continue;
        }
        let (label, text) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("{file}:{}: no tab in {line:?}", number + 1));
        let text = text.trim();
        let block_line = text.starts_with("- ") || text.starts_with("## ");
        // A line that did not close a sentence ("Deteriorated Situation", "7 December 2026") stood on a line of
        // its own in the text it stands for: it keeps its line break.
        let open_line = !doc
            .trim_end()
            .ends_with(['.', '!', '?', ':', ';', '"', '”', '’', ')', ']']);
        if in_paragraph {
            doc.push_str(if block_line || open_line { "\n" } else { " " });
        }
        if text.starts_with("## ") && in_paragraph {
            doc.push('\n');
        }
        let prefix = if text.starts_with("- ") {
            2
        } else if text.starts_with("## ") {
            3
        } else {
            0
        };
        let start = doc.len() + prefix;
        doc.push_str(text);
        labelled.push(Labelled {
            file: file.to_string(),
            line: number + 1,
            label: parse_label(label.trim()),
            start,
            end: doc.len(),
        });
        in_paragraph = true;
        if text.starts_with("## ") {
            doc.push_str("\n\n");
            in_paragraph = false;
        }
    }
    (doc, labelled)
}
