//! The workspace around the checked files: its knowledge-base file (`.brieflint/actors.toml`), found by walking
//! up from the current directory, and any given with `--actors`.

use super::InputError;
use crate::actors::KnowledgeBase;
use std::path::{Path, PathBuf};

pub const WORKSPACE_KB: &str = ".brieflint/actors.toml";

/// The nearest `.brieflint/actors.toml` in `start` or a folder above it.
pub fn find_workspace_kb(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(WORKSPACE_KB))
        .find(|p| p.is_file())
}

/// The built-in base with the workspace files on top. On any error the error is returned with the built-in
/// base, so that checking goes on.
pub fn load_kb(files: &[PathBuf]) -> (KnowledgeBase, Vec<InputError>) {
    let mut texts = Vec::new();
    let mut errors = Vec::new();
    for path in files {
        match std::fs::read_to_string(path) {
            Ok(text) => texts.push((text, path.clone())),
            Err(e) => errors.push(InputError {
                path: path.clone(),
                message: format!("cannot read knowledge base: {e}"),
            }),
        }
    }
    match KnowledgeBase::builtin_with(&texts) {
        Ok(kb) => (kb, errors),
        Err(e) => {
            let path = e.path.clone().unwrap_or_default();
            let message = format!(
                "{}:{}: {} (using the built-in knowledge base instead)",
                e.line, e.column, e.message
            );
            errors.push(InputError { path, message });
            (KnowledgeBase::builtin(), errors)
        }
    }
}
