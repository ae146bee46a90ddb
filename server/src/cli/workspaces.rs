//! The workspace each file belongs to (its nearest `brieflint.toml`, or `--config` for all), loaded once per
//! configuration and shared by its files, with the configuration's file filter. `check` and `report` both find
//! their files' settings here, so a report counts exactly what `check` reports.

use super::files::Filter;
use super::InputError;
use crate::workspace::{self, Workspace};
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A workspace and its file filter, shared by the files under one configuration.
pub struct Loaded {
    pub workspace: Workspace,
    pub filter: Arc<Filter>,
}

/// The workspaces met so far, by configuration file, and the problems met loading them.
pub struct Workspaces<'a> {
    cwd: PathBuf,
    config: Option<&'a Path>,
    actor_files: &'a [PathBuf],
    loaded: RefCell<HashMap<Option<PathBuf>, Arc<Loaded>>>,
    errors: RefCell<Vec<InputError>>,
}

impl<'a> Workspaces<'a> {
    /// `config` replaces every file's nearest configuration; `actor_files` are loaded on top of each workspace's.
    pub fn new(config: Option<&'a Path>, actor_files: &'a [PathBuf]) -> Workspaces<'a> {
        Workspaces {
            cwd: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
            config,
            actor_files,
            loaded: RefCell::new(HashMap::new()),
            errors: RefCell::new(Vec::new()),
        }
    }

    pub fn cwd(&self) -> &Path {
        &self.cwd
    }

    /// The workspace of the file at `file` (which need not exist: standard input's name).
    pub fn of_file(&self, file: &Path) -> Arc<Loaded> {
        let dir = file.parent().map(Path::to_path_buf).unwrap_or_else(|| self.cwd.clone());
        let key = self
            .config
            .map(Path::to_path_buf)
            .or_else(|| workspace::find_config(&dir));
        if let Some(found) = self.loaded.borrow().get(&key) {
            return found.clone();
        }
        let (workspace, problems) = workspace::load(key.as_deref(), &self.cwd, self.actor_files);
        self.errors.borrow_mut().extend(problems);
        let base = key.as_deref().and_then(Path::parent).unwrap_or(&self.cwd).to_path_buf();
        let filter =
            Filter::new(&base, &workspace.config.include, &workspace.config.exclude).unwrap_or_else(|message| {
                self.errors.borrow_mut().push(InputError {
                    path: key.clone().unwrap_or_default(),
                    message,
                });
                Filter::everything()
            });
        let entry = Arc::new(Loaded {
            workspace,
            filter: Arc::new(filter),
        });
        self.loaded.borrow_mut().insert(key, entry.clone());
        entry
    }

    /// The problems met loading the workspaces so far.
    pub fn into_errors(self) -> Vec<InputError> {
        self.errors.into_inner()
    }
}
