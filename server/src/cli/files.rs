//! Finding the files to check: named files as given, folders walked (honouring `.gitignore`, following links
//! once: a loop is reported, not followed), filtered by the configuration's include and exclude globs.

use super::InputError;
use brieflint_core::DocKind;
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

    pub fn everything() -> Filter {
        Filter {
            base: PathBuf::new(),
            include: None,
            exclude: GlobSet::empty(),
        }
    }

    pub fn admits(&self, path: &Path) -> bool {
        let relative = brieflint_core::config::relative_to(&self.base, path);
        !self.exclude.is_match(&relative) && self.include.as_ref().is_none_or(|set| set.is_match(&relative))
    }
}

/// The supported files named or found under `paths`, in a stable order, and the problems met on the way.
pub fn collect(
    paths: &[PathBuf],
    filter_for: impl Fn(&Path) -> std::sync::Arc<Filter>,
) -> (Vec<(PathBuf, DocKind)>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let metadata = match std::fs::metadata(path) {
            Ok(metadata) => metadata,
            Err(e) => {
                let message = if e.kind() == std::io::ErrorKind::NotFound {
                    "no such file or folder".to_string()
                } else {
                    format!("cannot read: {e}")
                };
                errors.push(InputError {
                    path: path.clone(),
                    message,
                });
                continue;
            }
        };
        if metadata.is_file() {
            match DocKind::from_path(path) {
                Some(kind) => files.push((path.clone(), kind)),
                None => errors.push(InputError {
                    path: path.clone(),
                    message: "not a Markdown (.md, .markdown) or text (.txt) file".into(),
                }),
            }
            continue;
        }
        if !metadata.is_dir() {
            // A pipe or device named `.md` would block or never end: never read it.
            errors.push(InputError {
                path: path.clone(),
                message: "not a regular file or folder".into(),
            });
            continue;
        }
        let mut found = Vec::new();
        for entry in ignore::WalkBuilder::new(path)
            .require_git(false)
            .follow_links(true)
            .build()
        {
            match entry {
                Ok(entry) if entry.file_type().is_some_and(|t| t.is_file()) => {
                    let file = entry.path();
                    if let Some(kind) = DocKind::from_path(file) {
                        if filter_for(file).admits(file) {
                            found.push((file.to_path_buf(), kind));
                        }
                    }
                }
                Ok(_) => {}
                Err(e) => errors.push(walk_problem(path, &e)),
            }
        }
        found.sort_by(|a, b| a.0.cmp(&b.0));
        files.extend(found);
    }
    (files, errors)
}

/// A problem met while walking `root`, named by the path it concerns, in plain words.
fn walk_problem(root: &Path, error: &ignore::Error) -> InputError {
    match error {
        ignore::Error::WithDepth { err, .. } => walk_problem(root, err),
        ignore::Error::Loop { ancestor, child } => InputError {
            path: child.clone(),
            message: format!(
                "skipped a folder that links back to itself (it points to {})",
                ancestor.display()
            ),
        },
        ignore::Error::WithPath { path, err } => {
            let not_found = err.io_error().is_some_and(|e| e.kind() == std::io::ErrorKind::NotFound);
            InputError {
                path: path.clone(),
                message: if not_found {
                    "cannot be read: a link to nothing, or removed while the folder was walked".into()
                } else {
                    err.to_string()
                },
            }
        }
        other => InputError {
            path: root.to_path_buf(),
            message: other.to_string(),
        },
    }
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
}
