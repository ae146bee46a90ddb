//! The workspace as the server sees it: `brieflint.toml`, the knowledge-base files and the editor settings,
//! loaded with the same functions as `brieflint check` (`crate::workspace`, `Config::parse`,
//! `KnowledgeBase::with_packs`). A broken file is reported at its line and the last good knowledge base and
//! configuration stay in use.

use super::completion::ActorIndex;
use super::linted::{self, Scope};
use super::settings::EditorSettings;
use crate::workspace;
use brieflint_core::config::Config;
use brieflint_core::{KnowledgeBase, RuleSettings};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower_lsp_server::ls_types::Uri;

/// A problem with a workspace file, shown as a diagnostic on that file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileProblem {
    pub path: PathBuf,
    /// 1-based line and column.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// The knowledge base with its completion index, shared by every request until the next reload.
pub struct Knowledge {
    pub kb: KnowledgeBase,
    pub index: ActorIndex,
}

impl Knowledge {
    pub fn new(kb: KnowledgeBase) -> Knowledge {
        let index = ActorIndex::new(&kb);
        Knowledge { kb, index }
    }
}

/// What requests need from the project: cheap to clone, swapped in whole after a reload.
#[derive(Clone)]
pub struct View {
    pub knowledge: Arc<Knowledge>,
    pub settings: Arc<RuleSettings>,
    pub generation: u64,
    pub problems: Vec<FileProblem>,
    pub kb_files: Vec<PathBuf>,
    pub target_kb_file: Option<PathBuf>,
    /// The genres `[genres]` declares by glob, for the documents' own settings.
    pub genres: brieflint_core::config::GenreGlobs,
    /// Which documents are linted.
    pub scope: Arc<Scope>,
}

impl View {
    /// The rule settings for one document: the workspace's, with the genre `[genres]` declares for its path (as
    /// `brieflint check` applies them).
    pub fn settings_for(&self, uri: &Uri) -> Arc<RuleSettings> {
        let genre = uri.to_file_path().and_then(|path| self.genres.genre_of(&path));
        match genre {
            Some(genre) => Arc::new(RuleSettings {
                genre: Some(genre),
                ..(*self.settings).clone()
            }),
            None => self.settings.clone(),
        }
    }
}

pub struct Project {
    pub root: Option<PathBuf>,
    pub editor: EditorSettings,
    pub config_path: Option<PathBuf>,
    pub kb_files: Vec<PathBuf>,
    pub knowledge: Arc<Knowledge>,
    pub settings: Arc<RuleSettings>,
    /// Bumped on every reload, so analyses made before it are known to be stale.
    pub generation: u64,
    pub problems: Vec<FileProblem>,
    pub scope: Arc<Scope>,
    last_good_config: Config,
    /// The knowledge-base texts the current base was built from: unchanged texts are not rebuilt.
    loaded_texts: Vec<(String, PathBuf)>,
    /// The packs it was built with.
    loaded_packs: Vec<String>,
}

impl Project {
    pub fn new(root: Option<PathBuf>, editor: EditorSettings) -> Project {
        Project {
            root,
            editor,
            config_path: None,
            kb_files: Vec::new(),
            knowledge: Arc::new(Knowledge::new(KnowledgeBase::builtin())),
            settings: Arc::new(RuleSettings::default()),
            generation: 0,
            problems: Vec::new(),
            scope: Arc::new(Scope::default()),
            last_good_config: Config::default(),
            loaded_texts: Vec::new(),
            loaded_packs: Vec::new(),
        }
    }

    pub fn view(&self) -> View {
        View {
            knowledge: self.knowledge.clone(),
            settings: self.settings.clone(),
            generation: self.generation,
            problems: self.problems.clone(),
            kb_files: self.kb_files.clone(),
            target_kb_file: self.target_kb_file(),
            genres: self.last_good_config.genres.clone(),
            scope: self.scope.clone(),
        }
    }

    /// The workspace knowledge base that new entries go to: the first configured file, else `.brieflint/actors.toml`
    /// under the root.
    pub fn target_kb_file(&self) -> Option<PathBuf> {
        self.last_good_config
            .knowledge_base
            .first()
            .cloned()
            .or_else(|| self.root.as_ref().map(|r| r.join(workspace::DEFAULT_KB)))
    }

    /// Re-read the configuration and knowledge-base files. Returns messages worth logging.
    pub fn reload(&mut self) -> Vec<String> {
        let mut log = Vec::new();
        self.problems.clear();
        self.config_path = self.root.as_deref().and_then(workspace::find_config);
        if let Some(path) = self.config_path.clone() {
            match std::fs::read_to_string(&path) {
                Ok(text) => match Config::parse(&text, Some(&path)) {
                    Ok(config) => self.last_good_config = config,
                    Err(e) => self.problems.push(FileProblem {
                        path: path.clone(),
                        line: e.line,
                        column: e.column,
                        message: format!("{} (the last good configuration stays in use)", e.message),
                    }),
                },
                Err(e) => log.push(format!("cannot read {}: {e}", path.display())),
            }
        } else {
            self.last_good_config = Config::default();
        }

        let mut kb_files = if self.last_good_config.knowledge_base.is_empty() {
            let from = self
                .config_path
                .as_deref()
                .and_then(Path::parent)
                .or(self.root.as_deref());
            from.and_then(workspace::find_default_kb).into_iter().collect()
        } else {
            self.last_good_config.knowledge_base.clone()
        };
        let base = self.root.clone().unwrap_or_default();
        kb_files.extend(self.editor.knowledge_base_files().iter().map(|p| base.join(p)));
        self.kb_files = kb_files;
        self.load_knowledge(&mut log);

        let (settings, unknown) = self.editor.apply(&self.last_good_config.settings);
        if !unknown.is_empty() {
            log.push(format!(
                "editor settings ignored for unknown rules or bad levels: {}",
                unknown.join(", ")
            ));
        }
        self.settings = Arc::new(settings);
        self.scope = Arc::new(Scope {
            enable: self.editor.enable,
            root: self.root.clone(),
            config_path: self.config_path.clone(),
            filter: Arc::new(linted::filter_of(&self.last_good_config)),
        });
        self.generation += 1;
        log
    }

    fn load_knowledge(&mut self, log: &mut Vec<String>) {
        let mut texts = Vec::new();
        for path in &self.kb_files {
            match std::fs::read_to_string(path) {
                Ok(text) => texts.push((text, path.clone())),
                Err(e) => self.problems.push(FileProblem {
                    path: path.clone(),
                    line: 1,
                    column: 1,
                    message: format!("cannot read knowledge base: {e}"),
                }),
            }
        }
        let packs = self.last_good_config.packs();
        if texts == self.loaded_texts && packs == self.loaded_packs && self.generation > 0 {
            return;
        }
        match KnowledgeBase::with_packs(&packs, &texts) {
            Ok(kb) => {
                log.push(format!(
                    "knowledge base: {} actors ({} workspace files)",
                    kb.actors().len(),
                    texts.len()
                ));
                self.knowledge = Arc::new(Knowledge::new(kb));
                self.loaded_texts = texts;
                self.loaded_packs = packs;
            }
            Err(e) => self.problems.push(FileProblem {
                path: e.path.clone().unwrap_or_default(),
                line: e.line,
                column: e.column,
                message: format!("{} (the last good knowledge base stays in use)", e.message),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str =
        "[[actors]]\nid = \"zlf\"\nname = \"Zarghun Liberation Front\"\nkind = \"armed-group\"\nacronyms = [\"ZLF\"]\n";

    #[test]
    fn a_broken_file_keeps_the_last_good_knowledge_base() {
        let dir = tempfile::tempdir().unwrap();
        let kb_path = dir.path().join(workspace::DEFAULT_KB);
        std::fs::create_dir_all(kb_path.parent().unwrap()).unwrap();
        std::fs::write(&kb_path, GOOD).unwrap();
        let mut project = Project::new(Some(dir.path().to_path_buf()), EditorSettings::default());
        project.reload();
        assert!(project.problems.is_empty(), "{:?}", project.problems);
        assert!(project.knowledge.kb.by_id("zlf").is_some());

        std::fs::write(&kb_path, "[[actors]]\nid = \"x\"\nname = \"X\nkind = \"place\"\n").unwrap();
        project.reload();
        assert_eq!(project.problems.len(), 1);
        assert_eq!(
            (project.problems[0].path.clone(), project.problems[0].line),
            (kb_path, 3)
        );
        assert!(project.knowledge.kb.by_id("zlf").is_some());
        assert_eq!(project.generation, 2);
    }

    #[test]
    fn a_broken_configuration_is_located() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("brieflint.toml"), "[rules]\nno-such-rule = \"off\"\n").unwrap();
        let mut project = Project::new(Some(dir.path().to_path_buf()), EditorSettings::default());
        project.reload();
        assert_eq!(project.problems[0].line, 2);
        assert!(project.problems[0].message.contains("no-such-rule"));
    }
}
