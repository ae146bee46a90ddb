//! The workspace around a checked file or an editor's folder: its `brieflint.toml` and its knowledge-base
//! files. Shared by the CLI and the language server, so both read the same configuration the same way.

use brieflint_core::config::{self, Config};
use brieflint_core::KnowledgeBase;
use std::fmt;
use std::path::{Path, PathBuf};

/// The workspace knowledge base, when the configuration names none.
pub const DEFAULT_KB: &str = ".brieflint/actors.toml";

/// A problem with an input file: reported, never fatal to the rest.
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

/// The nearest configuration file in `start` or a folder above it.
pub fn find_config(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .flat_map(|dir| config::FILE_NAMES.iter().map(move |name| dir.join(name)))
        .find(|p| p.is_file())
}

/// The nearest `.brieflint/actors.toml` in `start` or a folder above it.
pub fn find_default_kb(start: &Path) -> Option<PathBuf> {
    start.ancestors().map(|dir| dir.join(DEFAULT_KB)).find(|p| p.is_file())
}

/// A configuration and the knowledge base it names, ready to analyse with.
pub struct Workspace {
    pub config: Config,
    pub kb: KnowledgeBase,
    /// The knowledge-base files loaded on top of the built-in one.
    pub kb_files: Vec<PathBuf>,
}

/// Read a configuration file; on error the defaults are used and the error returned beside them.
pub fn load_config(path: Option<&Path>) -> (Config, Option<InputError>) {
    let Some(path) = path else {
        return (Config::default(), None);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            return (
                Config::default(),
                Some(InputError {
                    path: path.to_path_buf(),
                    message: format!("cannot read configuration: {e}"),
                }),
            )
        }
    };
    match Config::parse(&text, Some(path)) {
        Ok(config) => (config, None),
        Err(e) => (
            Config::default(),
            Some(InputError {
                path: path.to_path_buf(),
                message: format!("{}:{}: {} (using the defaults instead)", e.line, e.column, e.message),
            }),
        ),
    }
}

/// The built-in knowledge base and `packs` with `files` on top; on error, the built-in base and packs alone and
/// the error.
pub fn load_kb(files: &[PathBuf], packs: &[String]) -> (KnowledgeBase, Vec<InputError>) {
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
    match KnowledgeBase::with_packs(packs, &texts) {
        Ok(kb) => (kb, errors),
        Err(e) => {
            let path = e.path.clone().unwrap_or_default();
            let message = format!(
                "{}:{}: {} (using the built-in knowledge base instead)",
                e.line, e.column, e.message
            );
            errors.push(InputError { path, message });
            let fallback = KnowledgeBase::with_packs(packs, &[]).unwrap_or_else(|_| KnowledgeBase::builtin());
            (fallback, errors)
        }
    }
}

/// Load the workspace for a configuration file (or none, found from `start`), plus extra knowledge-base files.
pub fn load(config_path: Option<&Path>, start: &Path, extra_kb: &[PathBuf]) -> (Workspace, Vec<InputError>) {
    let (config, config_error) = load_config(config_path);
    let mut errors: Vec<InputError> = config_error.into_iter().collect();
    let mut kb_files = if config.knowledge_base.is_empty() {
        let from = config_path.and_then(Path::parent).unwrap_or(start);
        find_default_kb(from).into_iter().collect()
    } else {
        config.knowledge_base.clone()
    };
    kb_files.extend(extra_kb.iter().cloned());
    let (kb, kb_errors) = load_kb(&kb_files, &config.packs());
    errors.extend(kb_errors);
    (Workspace { config, kb, kb_files }, errors)
}
