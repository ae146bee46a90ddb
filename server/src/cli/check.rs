//! `brieflint check`: find the files and their configurations, analyse in parallel, apply a baseline, print,
//! and choose the exit status.

use super::baseline::{self, Baseline};
use super::files::{self, Filter};
use super::output::{self, FileReport, Format};
use super::{exit, InputError};
use crate::workspace::{self, Workspace};
use brieflint_core::limits::{self, MAX_DOCUMENT_BYTES};
use brieflint_core::{analyse_with, DocKind, KnowledgeBase, RuleSettings, Severity};
use rayon::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Which findings make the exit status 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

impl FailOn {
    fn threshold(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}

/// The options of `brieflint check`, parsed by clap straight into this struct.
#[derive(clap::Args)]
pub struct CheckOptions {
    /// Files or folders to check (default: the current folder).
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Extra knowledge-base files to load on top of the built-in one and the workspace's.
    #[arg(long = "actors", value_name = "FILE")]
    pub actor_files: Vec<PathBuf>,
    /// Use this configuration for every file instead of each file's nearest brieflint.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The lowest severity that makes the exit status 1.
    #[arg(long, value_enum, default_value = "warning")]
    pub fail_on: FailOn,
    /// Report only findings not accepted in this baseline file.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,
    /// Write every current finding to this baseline file (and report nothing).
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
}

/// A workspace and its file filter, shared by the files under one configuration.
struct Loaded {
    workspace: Workspace,
    filter: Arc<Filter>,
}

pub fn run(options: &CheckOptions) -> i32 {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let errors = RefCell::new(Vec::<InputError>::new());
    let loaded: RefCell<HashMap<Option<PathBuf>, Arc<Loaded>>> = RefCell::new(HashMap::new());
    let config_key = |dir: &Path| options.config.clone().or_else(|| workspace::find_config(dir));
    let load = |key: &Option<PathBuf>| -> Arc<Loaded> {
        if let Some(found) = loaded.borrow().get(key) {
            return found.clone();
        }
        let (workspace, problems) = workspace::load(key.as_deref(), &cwd, &options.actor_files);
        errors.borrow_mut().extend(problems);
        let base = key.as_deref().and_then(Path::parent).unwrap_or(&cwd).to_path_buf();
        let filter =
            Filter::new(&base, &workspace.config.include, &workspace.config.exclude).unwrap_or_else(|message| {
                errors.borrow_mut().push(InputError {
                    path: key.clone().unwrap_or_default(),
                    message,
                });
                Filter::everything()
            });
        let entry = Arc::new(Loaded {
            workspace,
            filter: Arc::new(filter),
        });
        loaded.borrow_mut().insert(key.clone(), entry.clone());
        entry
    };
    let parent = |file: &Path| file.parent().map(Path::to_path_buf).unwrap_or_else(|| cwd.clone());

    let paths = if options.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        options.paths.clone()
    };
    let (files, walk_errors) = files::collect(&paths, |file| load(&config_key(&parent(file))).filter.clone());
    let jobs: Vec<(PathBuf, DocKind, Arc<Loaded>)> = files
        .into_iter()
        .map(|(path, kind)| (path.clone(), kind, load(&config_key(&parent(&path)))))
        .collect();
    let mut errors = errors.into_inner();
    errors.extend(walk_errors);

    let progress = progress_bar(options.format, jobs.len());
    let results: Vec<Result<FileReport, InputError>> = jobs
        .par_iter()
        .map(|(path, kind, loaded)| {
            let settings = loaded.workspace.config.settings_for(path);
            let report = check_file(path, *kind, &loaded.workspace.kb, &settings);
            progress.inc(1);
            report
        })
        .collect();
    progress.finish_and_clear();
    let mut reports = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(report) => reports.push(report),
            Err(error) => errors.push(error),
        }
    }

    if let Some(path) = &options.write_baseline {
        return write_baseline(path, &reports, &errors);
    }
    if let Some(path) = &options.baseline {
        match Baseline::read(path) {
            Ok(mut accepted) => reports
                .iter_mut()
                .for_each(|report| drop_accepted(report, &mut accepted)),
            Err(message) => errors.push(InputError {
                path: path.clone(),
                message,
            }),
        }
    }
    output::print(options.format, &reports, &errors);
    let threshold = options.fail_on.threshold();
    if !errors.is_empty() {
        exit::ERROR
    } else if reports
        .iter()
        .flat_map(|r| &r.findings)
        .any(|f| f.severity >= threshold)
    {
        exit::FINDINGS
    } else {
        exit::CLEAN
    }
}

/// A progress bar on a terminal, for people only: hidden for machine-readable formats and when stderr is not
/// a terminal.
fn progress_bar(format: Format, files: usize) -> indicatif::ProgressBar {
    if format != Format::Human || !std::io::stderr().is_terminal() || files < 2 {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(files as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} files") {
        bar.set_style(style);
    }
    bar
}

fn drop_accepted(report: &mut FileReport, accepted: &mut Baseline) {
    let mut kept_findings = Vec::new();
    let mut kept_sentences = Vec::new();
    for (finding, sentence) in report.findings.drain(..).zip(report.sentences.drain(..)) {
        if !accepted.absorbs(&baseline::entry(finding.code, &report.path, &sentence)) {
            kept_findings.push(finding);
            kept_sentences.push(sentence);
        }
    }
    report.findings = kept_findings;
    report.sentences = kept_sentences;
}

fn write_baseline(path: &Path, reports: &[FileReport], errors: &[InputError]) -> i32 {
    for error in errors {
        eprintln!("error: {error}");
    }
    let entries: Vec<baseline::Entry> = reports
        .iter()
        .flat_map(|r| {
            r.findings
                .iter()
                .zip(&r.sentences)
                .map(|(f, s)| baseline::entry(f.code, &r.path, s))
        })
        .collect();
    let count = entries.len();
    match baseline::write(path, entries) {
        Ok(()) => {
            eprintln!("wrote a baseline of {count} findings to {}", path.display());
            if errors.is_empty() {
                exit::CLEAN
            } else {
                exit::ERROR
            }
        }
        Err(message) => {
            eprintln!("error: {message}");
            exit::ERROR
        }
    }
}

/// A file's bytes, unless it cannot be read or is larger than [`MAX_DOCUMENT_BYTES`].
fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let cannot_read = |e: std::io::Error| format!("cannot read: {e}");
    let file = std::fs::File::open(path).map_err(cannot_read)?;
    let size = file.metadata().map_err(cannot_read)?.len();
    let too_large = |size: u64| limits::too_large(size as usize);
    if size > MAX_DOCUMENT_BYTES as u64 {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // The file may grow after its size was read: never read past the limit.
    file.take(MAX_DOCUMENT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

pub fn check_file(
    path: &Path,
    kind: DocKind,
    kb: &KnowledgeBase,
    settings: &RuleSettings,
) -> Result<FileReport, InputError> {
    let bytes = read_limited(path).map_err(|message| InputError {
        path: path.to_path_buf(),
        message,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| InputError {
        path: path.to_path_buf(),
        message: format!(
            "not UTF-8 text (invalid byte at offset {}); save it as UTF-8",
            e.utf8_error().valid_up_to()
        ),
    })?;
    let analysis = analyse_with(&text, kind, kb, settings);
    let sentences = analysis
        .findings
        .iter()
        .map(|f| {
            let sentences = &analysis.document.sentences;
            let index = sentences.partition_point(|s| s.range.end <= f.range.start);
            let range = sentences
                .get(index)
                .filter(|s| s.range.start <= f.range.start)
                .map_or(f.range.clone(), |s| s.range.clone());
            text[range].to_string()
        })
        .collect();
    Ok(FileReport {
        path: path.to_path_buf(),
        findings: analysis.findings,
        sentences,
        text,
    })
}
