//! The `brieflint` command and language server: thin adapters over the analysis core ([`brieflint_core`]), so an
//! editor and CI always agree. `cli` runs `brieflint check` and the other commands; `lsp` serves editors;
//! `workspace` finds and reads the configuration and knowledge-base files both use, and `scope` says which files
//! they lint; `report` makes the sourcing report both `brieflint report` and the editors show.

pub mod cli;
pub mod kb;
pub mod lsp;
pub mod report;
pub mod scope;
pub mod workspace;
