//! The command-line adapter: walking files, loading the workspace knowledge base, and printing findings for
//! people and for CI.

pub mod actors;
pub mod baseline;
pub mod check;
pub mod classify;
pub mod diff;
pub mod explain;
pub mod files;
pub mod init;
pub mod kb;
pub mod output;
pub mod position;
pub mod read;
pub mod report;
pub mod workspaces;

pub use crate::workspace::InputError;

/// Exit statuses, as documented in the README.
pub mod exit {
    pub const CLEAN: i32 = 0;
    pub const FINDINGS: i32 = 1;
    pub const ERROR: i32 = 2;
}
