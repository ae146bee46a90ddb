//! `brieflint check`: find the files (or read standard input) and their configurations, analyse in parallel,
//! apply the safe fixes or a baseline, print, and choose the exit status.

use super::baseline::{self, Baseline};
use super::files;
use super::init::write_atomically;
use super::output::{self, FileReport, Format};
use super::read::{read_stdin, read_text};
use super::workspaces::{Loaded, Workspaces};
use super::{exit, InputError};
use brieflint_core::autofix::fix_safe;
use brieflint_core::{analyse_with, DocKind, KnowledgeBase, RuleSettings, Severity};
use rayon::prelude::*;
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
    pub fn threshold(self) -> Severity {
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
    /// Files or folders to check (default: the current folder); `-` reads standard input.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Apply the configuration's excludes to files named on the command line too (as pre-commit names them).
    #[arg(long)]
    pub force_exclude: bool,
    /// The name of the text read from standard input (`-`): it picks the kind, the configuration and the name
    /// shown in the findings.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
    /// Apply the safe fixes (canonical spellings, acronyms spelled out at first use), rewriting each changed
    /// file atomically, then report what remains. With standard input, print the fixed text instead.
    #[arg(long, conflicts_with_all = ["diff", "baseline", "write_baseline"])]
    pub fix: bool,
    /// Print the safe fixes as a unified diff and change nothing; the exit status is 1 if there are any.
    #[arg(long, conflicts_with_all = ["baseline", "write_baseline"])]
    pub diff: bool,
    /// Print how many findings each rule made instead of the findings.
    #[arg(long)]
    pub statistics: bool,
    /// Print the findings and nothing else (no summary line, progress bar or count of fixes).
    #[arg(long, short)]
    pub quiet: bool,
    /// Write the output to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output_file: Option<PathBuf>,
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

pub fn run(options: &CheckOptions) -> i32 {
    let workspaces = Workspaces::new(options.config.as_deref(), &options.actor_files);
    let load = |file: &Path| workspaces.of_file(file);

    let stdin_marker = Path::new("-");
    let reads_stdin = options.paths.iter().any(|p| p == stdin_marker)
        || (options.paths.is_empty() && options.stdin_filename.is_some());
    let paths: Vec<PathBuf> = if options.paths.is_empty() && !reads_stdin {
        vec![PathBuf::from(".")]
    } else {
        options.paths.iter().filter(|p| *p != stdin_marker).cloned().collect()
    };
    // A named file the excludes cover is dropped before the walk; folders are filtered as they are walked.
    let excluded = |file: &Path| options.force_exclude && !load(file).filter.admits(file);
    let paths: Vec<PathBuf> = paths.into_iter().filter(|p| !(p.is_file() && excluded(p))).collect();
    let (files, walk_errors) = files::collect(&paths, |file| load(file).filter.clone());
    let mut jobs: Vec<Job> = files
        .into_iter()
        .map(|(path, kind)| Job {
            loaded: load(&path),
            path,
            kind,
            stdin: None,
        })
        .collect();
    let mut stdin_excluded = None;
    let mut stdin_error = None;
    if reads_stdin {
        let name = options
            .stdin_filename
            .clone()
            .unwrap_or_else(|| stdin_marker.to_path_buf());
        match read_stdin() {
            Err(message) => stdin_error = Some(InputError { path: name, message }),
            Ok(text) if options.stdin_filename.as_deref().is_some_and(&excluded) => stdin_excluded = Some(text),
            Ok(text) => jobs.push(Job {
                loaded: load(&name),
                kind: DocKind::from_path(&name).unwrap_or(DocKind::Markdown),
                path: name,
                stdin: Some(text),
            }),
        }
    }
    let mut errors = workspaces.into_errors();
    errors.extend(stdin_error);
    errors.extend(walk_errors);

    let mode = if options.fix {
        Mode::Fix
    } else if options.diff {
        Mode::Diff
    } else {
        Mode::Check
    };
    let progress = progress_bar(options, jobs.len());
    let results: Vec<Result<Checked, InputError>> = jobs
        .par_iter()
        .map(|job| {
            let checked = check_job(job, mode);
            progress.inc(1);
            checked
        })
        .collect();
    progress.finish_and_clear();
    let mut reports = Vec::with_capacity(results.len());
    let mut diffs = String::new();
    let (mut fixes, mut fixed_files) = (0, 0);
    let mut stdin_fixed = stdin_excluded;
    for result in results {
        match result {
            Ok(checked) => {
                diffs.push_str(&checked.diff);
                fixes += checked.fixes;
                fixed_files += usize::from(checked.fixes > 0);
                if checked.from_stdin && mode == Mode::Fix {
                    stdin_fixed = Some(checked.report.text.clone());
                }
                reports.push(checked.report);
            }
            Err(error) => errors.push(error),
        }
    }

    if mode == Mode::Diff {
        return finish_diff(&diffs, &errors, options.output_file.as_deref());
    }
    if mode == Mode::Fix && !options.quiet {
        eprintln!(
            "fixed {fixes} finding{} in {fixed_files} file{}",
            super::output::plural(fixes),
            super::output::plural(fixed_files)
        );
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
    for error in &errors {
        eprintln!("error: {error}");
    }
    // Fixing standard input prints the fixed text (an editor's or a script's new buffer), not the findings.
    let written = match (reads_stdin && mode == Mode::Fix, stdin_fixed) {
        (true, Some(text)) => output::emit(&text, options.output_file.as_deref()),
        (true, None) => Ok(()),
        (false, _) => {
            let style = output::Style {
                format: options.format,
                statistics: options.statistics,
                quiet: options.quiet,
            };
            output::emit(
                &output::render(style, &reports, &errors),
                options.output_file.as_deref(),
            )
        }
    };
    if let Err(message) = written {
        eprintln!("error: {message}");
        return exit::ERROR;
    }
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

/// What `check` does to each file besides reporting.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Check,
    Fix,
    Diff,
}

/// One file (or standard input's text) to check, with the workspace it belongs to.
struct Job {
    path: PathBuf,
    kind: DocKind,
    loaded: Arc<Loaded>,
    stdin: Option<String>,
}

/// A job's report, with the fixes applied to it and, for `--diff`, the diff that shows them.
struct Checked {
    report: FileReport,
    fixes: usize,
    diff: String,
    from_stdin: bool,
}

fn check_job(job: &Job, mode: Mode) -> Result<Checked, InputError> {
    let text = match &job.stdin {
        Some(text) => text.clone(),
        None => read_text(&job.path)?,
    };
    let kb = &job.loaded.workspace.kb;
    let settings = job.loaded.workspace.config.settings_for(&job.path);
    let (text, fixes, diff) = match mode {
        Mode::Check => (text, 0, String::new()),
        Mode::Fix | Mode::Diff => {
            let fixed = fix_safe(&text, job.kind, kb, &settings);
            if mode == Mode::Diff {
                let diff = super::diff::unified(&job.path, &text, &fixed.text);
                (text, fixed.applied, diff)
            } else {
                if fixed.text != text && job.stdin.is_none() {
                    write_atomically(&job.path, &fixed.text).map_err(|message| InputError {
                        path: job.path.clone(),
                        message,
                    })?;
                }
                (fixed.text, fixed.applied, String::new())
            }
        }
    };
    Ok(Checked {
        report: report(&job.path, text, job.kind, kb, &settings),
        fixes,
        diff,
        from_stdin: job.stdin.is_some(),
    })
}

/// `--diff`'s output and status: 1 when there is something to fix, 2 on an input error.
fn finish_diff(diffs: &str, errors: &[InputError], output_file: Option<&Path>) -> i32 {
    for error in errors {
        eprintln!("error: {error}");
    }
    if let Err(message) = output::emit(diffs, output_file) {
        eprintln!("error: {message}");
        return exit::ERROR;
    }
    if !errors.is_empty() {
        exit::ERROR
    } else if diffs.is_empty() {
        exit::CLEAN
    } else {
        exit::FINDINGS
    }
}

/// A progress bar on a terminal, for people only: hidden for machine-readable formats, with `--quiet` and
/// when stderr is not a terminal.
fn progress_bar(options: &CheckOptions, files: usize) -> indicatif::ProgressBar {
    if options.format != Format::Human || options.quiet || !std::io::stderr().is_terminal() || files < 2 {
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

pub fn check_file(
    path: &Path,
    kind: DocKind,
    kb: &KnowledgeBase,
    settings: &RuleSettings,
) -> Result<FileReport, InputError> {
    Ok(report(path, read_text(path)?, kind, kb, settings))
}

/// The findings in `text`, named `path`, each with its sentence.
fn report(path: &Path, text: String, kind: DocKind, kb: &KnowledgeBase, settings: &RuleSettings) -> FileReport {
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
    FileReport {
        path: path.to_path_buf(),
        findings: analysis.findings,
        sentences,
        text,
    }
}
