//! An error in a file the user wrote (knowledge base, configuration), with the file, line and column.

use std::fmt;
use std::path::PathBuf;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocatedError {
    pub path: Option<PathBuf>,
    /// 1-based line and column (in characters).
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl LocatedError {
    pub fn at(text: &str, path: Option<PathBuf>, offset: Option<usize>, message: String) -> LocatedError {
        let (line, column) = offset.map_or((1, 1), |o| line_column(text, o));
        LocatedError {
            path,
            line,
            column,
            message,
        }
    }
}

impl fmt::Display for LocatedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self
            .path
            .as_ref()
            .map_or_else(|| "<input>".to_string(), |p| p.display().to_string());
        write!(f, "{path}:{}:{}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for LocatedError {}

/// 1-based line and character column of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}
