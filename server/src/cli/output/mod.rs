//! Output formats for `brieflint check`, each rendered to text, and where that text goes (stdout or
//! `--output-file`).

mod github;
mod human;
mod json;
mod sarif;
mod statistics;
mod summary;

pub use human::plural;

use super::InputError;
use brieflint_core::findings::Finding;
use std::io::Write;
use std::path::{Path, PathBuf};

/// One checked file: its text (for positions and excerpts), its findings, and each finding's sentence.
pub struct FileReport {
    pub path: PathBuf,
    pub text: String,
    pub findings: Vec<Finding>,
    pub sentences: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: file:line:column, code, message and the sentence; coloured on a terminal.
    Human,
    /// One JSON object (a stable contract).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands, shown as annotations on pull requests.
    Github,
    /// A Markdown report (counts per file and rule, each file's first findings), for a CI job summary.
    Summary,
}

/// What to print: the findings in `format`, or only the counts per rule.
#[derive(Clone, Copy)]
pub struct Style {
    pub format: Format,
    pub statistics: bool,
    pub quiet: bool,
}

/// The findings as text in the chosen style (JSON and SARIF carry the input errors too).
pub fn render(style: Style, reports: &[FileReport], errors: &[InputError]) -> String {
    if style.statistics {
        return statistics::render(reports);
    }
    match style.format {
        Format::Human => human::render(reports, style.quiet),
        Format::Json => json::render(reports, errors),
        Format::Sarif => sarif::render(reports, errors),
        Format::Github => github::render(reports, errors),
        Format::Summary => summary::render(reports, errors),
    }
}

/// Write rendered output to `file` (atomically, without colour) or to stdout (coloured only on a terminal); a
/// closed pipe (`| head`) ends stdout quietly.
pub fn emit(text: &str, file: Option<&Path>) -> Result<(), String> {
    match file {
        Some(path) => super::init::write_atomically(path, &anstream::adapter::strip_str(text).to_string()),
        None => {
            let _ = anstream::stdout().lock().write_all(text.as_bytes());
            Ok(())
        }
    }
}

/// A path as shown to CI tools: forward slashes, no leading "./".
fn display_path(path: &std::path::Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./").map(str::to_string).unwrap_or(text)
}
