//! Loading the workspace and loading it again when its files or the editor's settings change: the files are
//! read on the blocking pool, their problems published on them, the editor's settings pulled from the client,
//! the files watched, and every open document refreshed by the scheduler.

use super::diagnostics;
use super::panics::{self, lock};
use super::project::Project;
use super::server::Backend;
use super::settings::EditorSettings;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use tower_lsp_server::ls_types::*;

/// Files whose change means reloading the workspace; a `.brieflint` folder made or removed changes which
/// documents are linted.
const WATCHED: &[&str] = &[
    "**/brieflint.toml",
    "**/.brieflint.toml",
    "**/.brieflint",
    "**/.brieflint/*.toml",
];

impl Backend {
    /// Re-read the workspace files, show their problems, and re-check every open document.
    pub(super) async fn reload(&self) {
        self.load_project().await;
        self.publish_problems().await;
        self.scheduler.refresh_all().await;
        let ask_to_pull = {
            let flags = &lock(&self.state).flags;
            flags.pull_diagnostics && flags.diagnostic_refresh
        };
        if ask_to_pull {
            if let Err(error) = self.client.workspace_diagnostic_refresh().await {
                eprintln!("brieflint: workspace/diagnostic/refresh failed: {error}");
            }
        }
    }

    /// Re-read the workspace files on the blocking pool (a large knowledge base takes a while), then swap the
    /// result in: requests meanwhile go on with the previous knowledge base.
    pub(super) async fn load_project(&self) {
        let (root, editor) = {
            let state = lock(&self.state);
            (state.root.clone(), state.editor.clone())
        };
        let loader = self.loader.clone();
        let loaded = tokio::task::spawn_blocking(move || {
            let mut guard = loader.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            let project = guard.get_or_insert_with(|| Project::new(root.clone(), editor.clone()));
            project.root = root;
            project.editor = editor;
            catch_unwind(AssertUnwindSafe(|| {
                let log = project.reload();
                (project.view(), log)
            }))
            .map_err(|payload| panics::message(payload.as_ref()))
        })
        .await;
        match loaded {
            Ok(Ok((view, log))) => {
                lock(&self.state).view = view;
                self.log(log).await;
            }
            Ok(Err(message)) => self.panics.report("loading the workspace", &message),
            Err(e) => self.panics.report("loading the workspace", &e.to_string()),
        }
    }

    async fn log(&self, messages: Vec<String>) {
        for message in messages {
            self.client.log_message(MessageType::INFO, message).await;
        }
    }

    pub(super) async fn publish_problems(&self) {
        let (by_file, stale) = {
            let mut state = lock(&self.state);
            let mut by_file: HashMap<Uri, Vec<Diagnostic>> = HashMap::new();
            for problem in &state.view.problems {
                if let Some(uri) = Uri::from_file_path(&problem.path) {
                    by_file.entry(uri).or_default().push(diagnostics::of_problem(problem));
                } else {
                    eprintln!("brieflint: {}: {}", problem.path.display(), problem.message);
                }
            }
            let now: HashSet<Uri> = by_file.keys().cloned().collect();
            let stale: Vec<Uri> = state.problem_files.difference(&now).cloned().collect();
            state.problem_files = now;
            (by_file, stale)
        };
        for (uri, items) in by_file {
            self.outgoing.publish(uri, items).await;
        }
        for uri in stale {
            self.outgoing.publish(uri, Vec::new()).await;
        }
    }

    /// The `brieflint` section of the client's configuration, when the client can be asked.
    pub(super) async fn pull_configuration(&self) -> Option<Value> {
        if !lock(&self.state).flags.configuration {
            return None;
        }
        let item = ConfigurationItem {
            scope_uri: None,
            section: Some("brieflint".into()),
        };
        match self.client.configuration(vec![item]).await {
            Ok(mut values) if !values.is_empty() => Some(values.swap_remove(0)),
            Ok(_) => None,
            Err(e) => {
                self.client
                    .log_message(MessageType::WARNING, format!("workspace/configuration failed: {e}"))
                    .await;
                None
            }
        }
    }

    /// Take the client's settings; `null` (a client without any) keeps the ones given at initialisation.
    pub(super) async fn set_editor_settings(&self, value: Option<Value>) {
        if value.as_ref().is_none_or(Value::is_null) {
            return;
        }
        match EditorSettings::from_json(value) {
            Ok(settings) => lock(&self.state).editor = settings,
            Err(message) => self.client.log_message(MessageType::WARNING, message).await,
        }
    }

    pub(super) async fn register_watchers(&self) {
        let (dynamic, kb_files) = {
            let state = lock(&self.state);
            (state.flags.dynamic_watchers, state.view.kb_files.clone())
        };
        if !dynamic {
            return;
        }
        let watchers = WATCHED
            .iter()
            .map(|g| g.to_string())
            .chain(kb_files.iter().map(|p| p.display().to_string()))
            .map(|glob| FileSystemWatcher {
                glob_pattern: GlobPattern::String(glob),
                kind: None,
            })
            .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let registration = Registration {
            id: "brieflint-workspace-files".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(options).ok(),
        };
        if let Err(e) = self.client.register_capability(vec![registration]).await {
            self.client
                .log_message(MessageType::WARNING, format!("cannot watch the workspace files: {e}"))
                .await;
        }
    }
}
