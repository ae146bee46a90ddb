//! The command-line adapter: walking files, loading the workspace knowledge base, and printing findings for
//! people and for CI.

pub mod actors;
pub mod check;
pub mod classify;
pub mod explain;
pub mod output;
pub mod position;
pub mod workspace;

use std::fmt;
use std::path::PathBuf;

/// A problem with the input (a file that cannot be read, a broken knowledge base): reported, never fatal to the
/// other files, and it makes the exit status 2.
#[derive(Clone, Debug)]
pub struct InputError {
    pub path: PathBuf,
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

/// Exit statuses, as documented in the README.
pub mod exit {
    pub const CLEAN: i32 = 0;
    pub const FINDINGS: i32 = 1;
    pub const ERROR: i32 = 2;
}
