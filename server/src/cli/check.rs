//! `brieflint check`: find the files, analyse each, print, and choose the exit status.

use super::output::{self, Format};
use super::{exit, workspace, InputError};
use crate::{analyse, DocKind, Finding, KnowledgeBase};
use std::path::{Path, PathBuf};

pub struct CheckOptions {
    pub paths: Vec<PathBuf>,
    pub format: Format,
    /// Extra knowledge-base files, on top of the workspace's own.
    pub actor_files: Vec<PathBuf>,
}

/// One checked file: its text (for line numbers and excerpts) and findings.
pub struct FileReport {
    pub path: PathBuf,
    pub text: String,
    pub findings: Vec<Finding>,
}

pub fn run(options: &CheckOptions) -> i32 {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let mut kb_files: Vec<PathBuf> = workspace::find_workspace_kb(&cwd).into_iter().collect();
    kb_files.extend(options.actor_files.iter().cloned());
    let (kb, mut errors) = workspace::load_kb(&kb_files);

    let paths = if options.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        options.paths.clone()
    };
    let (files, walk_errors) = collect_files(&paths);
    errors.extend(walk_errors);
    let mut reports = Vec::with_capacity(files.len());
    for (path, kind) in files {
        match check_file(&path, kind, &kb) {
            Ok(report) => reports.push(report),
            Err(error) => errors.push(error),
        }
    }
    output::print(options.format, &reports, &errors);
    if !errors.is_empty() {
        exit::ERROR
    } else if reports.iter().any(|r| !r.findings.is_empty()) {
        exit::FINDINGS
    } else {
        exit::CLEAN
    }
}

pub fn check_file(path: &Path, kind: DocKind, kb: &KnowledgeBase) -> Result<FileReport, InputError> {
    let bytes = std::fs::read(path).map_err(|e| InputError {
        path: path.to_path_buf(),
        message: format!("cannot read: {e}"),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| InputError {
        path: path.to_path_buf(),
        message: format!(
            "not UTF-8 text (invalid byte at offset {}); save it as UTF-8",
            e.utf8_error().valid_up_to()
        ),
    })?;
    let findings = analyse(&text, kind, kb).findings;
    Ok(FileReport {
        path: path.to_path_buf(),
        text,
        findings,
    })
}

/// The supported files named or found under the given paths (folders walked, honouring `.gitignore`), sorted.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<(PathBuf, DocKind)>, Vec<InputError>) {
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
                    if let Some(kind) = DocKind::from_path(entry.path()) {
                        found.push((entry.path().to_path_buf(), kind));
                    }
                }
                Ok(_) => {}
                Err(e) => errors.push(InputError {
                    path: path.clone(),
                    message: e.to_string(),
                }),
            }
        }
        found.sort_by(|a, b| a.0.cmp(&b.0));
        files.extend(found);
    }
    (files, errors)
}
