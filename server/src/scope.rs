//! Which files brieflint lints: the `[files]` include and exclude globs of `brieflint.toml`, and whether a file
//! lies in a brieflint workspace at all. Shared by `brieflint check` and the language server, so that an editor
//! never lints a file CI skips.

use brieflint_core::config::{self, Config};
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::path::{Path, PathBuf};

/// Include and exclude globs, relative to a base folder (the configuration's).
pub struct Filter {
    base: PathBuf,
    include: Option<GlobSet>,
    exclude: GlobSet,
}

impl Filter {
    pub fn new(base: &Path, include: &[String], exclude: &[String]) -> Result<Filter, String> {
        let build = |globs: &[String]| -> Result<GlobSet, String> {
            let mut builder = GlobSetBuilder::new();
            for glob in globs {
                builder.add(Glob::new(glob).map_err(|e| format!("bad glob `{glob}`: {e}"))?);
            }
            builder.build().map_err(|e| e.to_string())
        };
        let include = if include.is_empty() {
            None
        } else {
            Some(build(include)?)
        };
        Ok(Filter {
            base: base.to_path_buf(),
            include,
            exclude: build(exclude)?,
        })
    }

    /// The filter of a loaded configuration, relative to its folder (as `brieflint check` builds it).
    pub fn of(config: &Config) -> Result<Filter, String> {
        let base = config.path.as_deref().and_then(Path::parent).unwrap_or(Path::new(""));
        Filter::new(base, &config.include, &config.exclude)
    }

    pub fn everything() -> Filter {
        Filter {
            base: PathBuf::new(),
            include: None,
            exclude: GlobSet::empty(),
        }
    }

    pub fn admits(&self, path: &Path) -> bool {
        let relative = config::relative_to(&self.base, path);
        !self.exclude.is_match(&relative) && self.include.as_ref().is_none_or(|set| set.is_match(&relative))
    }
}

/// The folder that marks a brieflint workspace besides a configuration file.
pub const MARKER_FOLDER: &str = ".brieflint";

/// Whether `path` (a file or folder) lies in a brieflint workspace: it, or a folder above it, holds
/// `brieflint.toml`, `.brieflint.toml` or a `.brieflint/` folder.
pub fn in_workspace(path: &Path) -> bool {
    path.ancestors()
        .any(|dir| dir.join(MARKER_FOLDER).is_dir() || config::FILE_NAMES.iter().any(|name| dir.join(name).is_file()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn include_and_exclude_are_relative_to_the_base() {
        let filter = Filter::new(Path::new("/w"), &["briefs/**".into()], &["briefs/drafts/**".into()]).unwrap();
        assert!(filter.admits(Path::new("/w/briefs/a.md")));
        assert!(!filter.admits(Path::new("/w/briefs/drafts/a.md")));
        assert!(!filter.admits(Path::new("/w/notes/a.md")));
        assert!(Filter::new(Path::new("/w"), &[], &["[".into()]).is_err());
    }

    #[test]
    fn a_configuration_s_filter_is_relative_to_its_folder() {
        let config = Config::parse(
            "[files]\nexclude = [\"drafts/**\"]\n",
            Some(Path::new("/w/team/brieflint.toml")),
        );
        let filter = Filter::of(&config.unwrap()).unwrap();
        assert!(!filter.admits(Path::new("/w/team/drafts/a.md")));
        assert!(filter.admits(Path::new("/w/drafts/a.md")));
    }

    #[test]
    fn a_workspace_is_marked_by_a_configuration_or_a_brieflint_folder() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("notes/a.md");
        assert!(!in_workspace(&file));
        std::fs::create_dir_all(dir.path().join(".brieflint")).unwrap();
        assert!(in_workspace(&file));
        std::fs::remove_dir(dir.path().join(".brieflint")).unwrap();
        std::fs::create_dir_all(dir.path().join("notes")).unwrap();
        std::fs::write(dir.path().join("notes/brieflint.toml"), "").unwrap();
        assert!(in_workspace(&file));
        assert!(!in_workspace(&dir.path().join("other/a.md")));
    }
}
