//! Finding the files to check: named files as given, folders walked (honouring `.gitignore`, following links
//! once: a loop is reported, not followed), filtered by the configuration's include and exclude globs.

use super::InputError;
use crate::DocKind;
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

    fn admits(&self, path: &Path) -> bool {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let base = std::path::absolute(&self.base).unwrap_or_else(|_| self.base.clone());
        let relative = absolute.strip_prefix(&base).unwrap_or(path);
        !self.exclude.is_match(relative) && self.include.as_ref().is_none_or(|set| set.is_match(relative))
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
        if path.is_file() {
            match DocKind::from_path(path) {
                Some(kind) => files.push((path.clone(), kind)),
                None => errors.push(InputError {
                    path: path.clone(),
                    message: "not a Markdown (.md, .markdown) or text (.txt) file".into(),
                }),
            }
            continue;
        }
        if !path.is_dir() {
            errors.push(InputError {
                path: path.clone(),
                message: "no such file or folder".into(),
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
                Err(e) => errors.push(InputError {
                    path: path.clone(),
                    message: plain_walk_error(&e),
                }),
            }
        }
        found.sort_by(|a, b| a.0.cmp(&b.0));
        files.extend(found);
    }
    (files, errors)
}

fn plain_walk_error(error: &ignore::Error) -> String {
    let text = error.to_string();
    if text.contains("loop") {
        format!("skipped a folder that links back to itself: {text}")
    } else {
        text
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
