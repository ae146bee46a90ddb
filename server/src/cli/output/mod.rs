//! Output formats for `brieflint check`.

mod github;
mod human;
mod json;
mod sarif;

use super::InputError;
use brieflint_core::findings::Finding;
use std::path::PathBuf;

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
}

/// Findings to stdout in the chosen format; input errors to stderr (and into JSON and SARIF too).
pub fn print(format: Format, reports: &[FileReport], errors: &[InputError]) {
    for error in errors {
        eprintln!("error: {error}");
    }
    match format {
        Format::Human => human::print(reports),
        Format::Json => json::print(reports, errors),
        Format::Sarif => sarif::print(reports, errors),
        Format::Github => github::print(reports, errors),
    }
}

/// A path as shown to CI tools: forward slashes, no leading "./".
fn display_path(path: &std::path::Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./").map(str::to_string).unwrap_or(text)
}

/// Print a JSON document; a closed pipe ends the output quietly.
fn write_json(json: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stdout().lock(), "{json}");
}
