//! What the handlers and the scheduler share under one lock: the open documents, the loaded workspace and what
//! the client can do. The lock is never held across an `.await`.

use super::capabilities::ClientFlags;
use super::documents::OpenDocument;
use super::positions::Encoding;
use super::project::{Project, View};
use super::settings::EditorSettings;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use tower_lsp_server::ls_types::Uri;

pub struct State {
    pub encoding: Encoding,
    pub documents: HashMap<Uri, OpenDocument>,
    /// Open knowledge-base files (`kb_files.rs`): checked, not analysed.
    pub kb_documents: HashMap<Uri, OpenDocument>,
    /// The loaded workspace as requests see it.
    pub view: View,
    pub editor: EditorSettings,
    pub root: Option<PathBuf>,
    pub flags: ClientFlags,
    /// Workspace files that currently carry problem diagnostics.
    pub problem_files: HashSet<Uri>,
}

impl State {
    /// Before `initialize`: no documents, and the built-in knowledge base with default settings.
    pub fn new() -> State {
        State {
            encoding: Encoding::Utf16,
            documents: HashMap::new(),
            kb_documents: HashMap::new(),
            view: Project::new(None, EditorSettings::default()).view(),
            editor: EditorSettings::default(),
            root: None,
            flags: ClientFlags::default(),
            problem_files: HashSet::new(),
        }
    }
}
