//! `brieflint report`: the sourcing report of files and folders, as one self-contained HTML page or a Markdown
//! table for CI. The files, their configurations and their analysis are `check`'s, so the counts are too.

use super::files;
use super::init::write_atomically;
use super::read::read_text;
use super::workspaces::Workspaces;
use super::{exit, InputError};
use crate::report::{self, DocumentReport, Meta};
use brieflint_core::analyse_with;
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// One self-contained HTML page: an index of the files and each document marked sentence by sentence.
    Html,
    /// A Markdown table, one row per file, for a pull request's comment or `$GITHUB_STEP_SUMMARY`.
    Markdown,
}

#[derive(clap::Args)]
pub struct ReportOptions {
    /// Files or folders to report on (default: the current folder); folders are walked as `check` walks them.
    pub paths: Vec<PathBuf>,
    /// Write the report to this file, replaced atomically; without it, or with `-`, to standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "html")]
    pub format: ReportFormat,
    /// Extra knowledge-base files to load on top of the built-in one and the workspace's.
    #[arg(long = "actors", value_name = "FILE")]
    pub actor_files: Vec<PathBuf>,
    /// Use this configuration for every file instead of each file's nearest brieflint.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// Writes the report; the status is 2 when a path could not be read (the others are still reported) and 0
/// otherwise: findings do not fail a report, `check` is the gate.
pub fn run(options: &ReportOptions) -> i32 {
    let workspaces = Workspaces::new(options.config.as_deref(), &options.actor_files);
    let paths = if options.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        options.paths.clone()
    };
    let (found, mut errors) = files::collect(&paths, |file| workspaces.of_file(file).filter.clone());
    let jobs: Vec<_> = found
        .into_iter()
        .map(|(path, kind)| (workspaces.of_file(&path), path, kind))
        .collect();
    let mut knowledge_bases: Vec<String> = Vec::new();
    for (loaded, _, _) in &jobs {
        let described = report::describe_kb(&loaded.workspace.kb, &loaded.workspace.kb_files);
        if !knowledge_bases.contains(&described) {
            knowledge_bases.push(described);
        }
    }
    errors.splice(0..0, workspaces.into_errors());
    let results: Vec<Result<DocumentReport, InputError>> = jobs
        .par_iter()
        .map(|(loaded, path, kind)| {
            let text = read_text(path)?;
            let workspace = &loaded.workspace;
            let analysis = analyse_with(&text, *kind, &workspace.kb, &workspace.config.settings_for(path));
            Ok(DocumentReport::new(
                path.display().to_string(),
                text.clone(),
                &analysis,
                &workspace.kb,
            ))
        })
        .collect();
    let mut documents = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(document) => documents.push(document),
            Err(error) => errors.push(error),
        }
    }
    for error in &errors {
        eprintln!("error: {error}");
    }
    if documents.is_empty() && !errors.is_empty() {
        return exit::ERROR;
    }
    let text = match options.format {
        ReportFormat::Html => report::html(&documents, &Meta::now(knowledge_bases)),
        ReportFormat::Markdown => report::markdown(&documents),
    };
    if let Err(message) = write(&text, options.output.as_deref()) {
        eprintln!("error: {message}");
        return exit::ERROR;
    }
    if errors.is_empty() {
        exit::CLEAN
    } else {
        exit::ERROR
    }
}

/// To `file` atomically, or to standard output (`-` or none); a closed pipe ends quietly.
fn write(text: &str, file: Option<&Path>) -> Result<(), String> {
    match file.filter(|f| *f != Path::new("-")) {
        Some(path) => write_atomically(path, text),
        None => {
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            Ok(())
        }
    }
}
