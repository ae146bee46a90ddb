//! The knowledge-base commands' work: importing actors from a sanctions list or a spreadsheet, and checking
//! knowledge-base files (for `brieflint kb check` and the language server alike).

pub mod check;
pub mod import_csv;
pub mod import_un;
mod listed;
mod names;
mod precision;
mod summary;
pub mod write;

use std::fmt;

/// Input that cannot be imported, at a 1-based line and column of it.
#[derive(Debug)]
pub struct ImportError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl ImportError {
    pub fn at(line: usize, column: usize, message: String) -> ImportError {
        ImportError { line, column, message }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// `YYYY-MM-DD`.
pub fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}
