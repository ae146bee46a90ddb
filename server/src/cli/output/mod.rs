//! Output formats for `brieflint check`.

mod human;
mod json;

use super::check::FileReport;
use super::InputError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
}

/// Findings to stdout in the chosen format; input errors to stderr (and in the JSON, too).
pub fn print(format: Format, reports: &[FileReport], errors: &[InputError]) {
    for error in errors {
        eprintln!("error: {error}");
    }
    match format {
        Format::Human => human::print(reports),
        Format::Json => json::print(reports, errors),
    }
}
