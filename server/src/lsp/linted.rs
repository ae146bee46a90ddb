//! Whether an open document is linted: the `[files]` include and exclude of its nearest `brieflint.toml`, applied
//! with the same filter as `brieflint check`, and the editor's `brieflint.enable`.
//!
//! A document that is not linted is served as if it were empty: no diagnostics, hovers, completions or code
//! actions. An editor opens many Markdown files that are not briefings (READMEs, notes), and a file the team
//! excluded is one it does not want checked; brieflint stays quiet in both rather than half-serving them.

use super::settings::Enable;
use crate::scope::{self, Filter};
use crate::workspace;
use brieflint_core::config::Config;
use brieflint_core::document::front_matter;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower_lsp_server::ls_types::Uri;

/// What the file system says of one document; it can change only with the workspace files, so it is found once
/// per workspace generation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placement {
    /// The nearest configuration's `[files]` admits it.
    pub admitted: bool,
    /// It lies under a folder with `brieflint.toml` or `.brieflint/`.
    pub in_workspace: bool,
}

/// The loaded workspace's say on which files are linted.
pub struct Scope {
    pub enable: Enable,
    pub root: Option<PathBuf>,
    /// The configuration the project loaded, and its filter (from the last good version of it).
    pub config_path: Option<PathBuf>,
    pub filter: Arc<Filter>,
}

impl Default for Scope {
    fn default() -> Scope {
        Scope {
            enable: Enable::default(),
            root: None,
            config_path: None,
            filter: Arc::new(Filter::everything()),
        }
    }
}

impl Scope {
    /// Where the document lies. A document without a file (an unsaved one) is judged by the workspace folder.
    pub fn place(&self, uri: &Uri) -> Placement {
        match uri.to_file_path() {
            Some(path) => Placement {
                admitted: self.admits(&path),
                in_workspace: scope::in_workspace(&path),
            },
            None => Placement {
                admitted: true,
                in_workspace: self.root.as_deref().is_some_and(scope::in_workspace),
            },
        }
    }

    /// As `brieflint check`: the filter of the file's nearest configuration, relative to that configuration's
    /// folder; everything when it has none or it cannot be read.
    fn admits(&self, path: &Path) -> bool {
        let nearest = path.parent().and_then(workspace::find_config);
        if nearest == self.config_path {
            return self.filter.admits(path);
        }
        let (config, _) = workspace::load_config(nearest.as_deref());
        filter_of(&config).admits(path)
    }

    /// Whether a document so placed, with this text, is linted.
    pub fn lints(&self, placement: Placement, text: &str) -> bool {
        placement.admitted
            && match self.enable {
                Enable::Never => false,
                Enable::Always => true,
                Enable::Auto => placement.in_workspace || front_matter::opts_in(text),
            }
    }
}

/// A configuration's filter; with a bad glob, everything (as `brieflint check`, which reports the glob).
pub fn filter_of(config: &Config) -> Filter {
    Filter::of(config).unwrap_or_else(|_| Filter::everything())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scope(enable: Enable) -> Scope {
        Scope {
            enable,
            ..Scope::default()
        }
    }

    #[test]
    fn each_setting_lints_what_it_says() {
        let outside = Placement {
            admitted: true,
            in_workspace: false,
        };
        let inside = Placement {
            admitted: true,
            in_workspace: true,
        };
        let excluded = Placement {
            admitted: false,
            in_workspace: true,
        };
        let opted_in = "---\nbrieflint: true\n---\n";
        assert!(!scope(Enable::Auto).lints(outside, "# Notes\n"));
        assert!(scope(Enable::Auto).lints(outside, opted_in));
        assert!(scope(Enable::Auto).lints(inside, "# Notes\n"));
        assert!(scope(Enable::Always).lints(outside, "# Notes\n"));
        assert!(!scope(Enable::Never).lints(inside, opted_in));
        for enable in [Enable::Auto, Enable::Always] {
            assert!(!scope(enable).lints(excluded, opted_in));
        }
    }

    #[test]
    fn a_file_is_judged_by_its_nearest_configuration() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("team/drafts")).unwrap();
        std::fs::write(dir.path().join("brieflint.toml"), "").unwrap();
        std::fs::write(
            dir.path().join("team/brieflint.toml"),
            "[files]\nexclude = [\"drafts/**\"]\n",
        )
        .unwrap();
        let uri = |p: &str| Uri::from_file_path(dir.path().join(p)).unwrap();
        let root_config = workspace::find_config(dir.path());
        let scope = Scope {
            config_path: root_config,
            ..Scope::default()
        };
        assert!(!scope.place(&uri("team/drafts/a.md")).admitted);
        assert!(scope.place(&uri("team/a.md")).admitted);
        assert!(scope.place(&uri("drafts/a.md")).admitted);
        assert!(scope.place(&uri("drafts/a.md")).in_workspace);
    }
}
