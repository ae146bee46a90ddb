//! `brieflint kb`: import actors from a sanctions list or a spreadsheet, and check knowledge-base files.

use super::check::FailOn;
use super::exit;
use crate::kb::{check, import_csv, import_un, write};
use crate::workspace;
use std::path::{Path, PathBuf};

/// The sources `kb import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFormat {
    /// The UN Security Council Consolidated List, in the UN's XML format.
    UnSc,
    /// A spreadsheet saved as CSV (columns: id, name, kind, acronyms, variants, description, relations, source,
    /// reviewed).
    Csv,
}

#[derive(clap::Subcommand)]
pub enum KbCommand {
    /// Read actors from a list or spreadsheet and write them as a knowledge-base file (nothing is written if the
    /// input is broken).
    Import {
        #[arg(value_enum)]
        format: ImportFormat,
        file: PathBuf,
        /// Where to write the TOML (standard output without it).
        #[arg(short, long, value_name = "FILE.toml")]
        output: Option<PathBuf>,
    },
    /// Check knowledge-base files (the workspace's without FILE): duplicate ids and names, unknown relations,
    /// shared acronyms, empty descriptions, reviews older than a year.
    Check {
        files: Vec<PathBuf>,
        /// The lowest severity that makes the exit status 1.
        #[arg(long, value_enum, default_value = "warning")]
        fail_on: FailOn,
    },
}

pub fn run(command: &KbCommand) -> i32 {
    match command {
        KbCommand::Import { format, file, output } => import(*format, file, output.as_deref()),
        KbCommand::Check { files, fail_on } => run_check(files, *fail_on),
    }
}

fn import(format: ImportFormat, file: &Path, output: Option<&Path>) -> i32 {
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("error: {}: cannot read: {e}", file.display());
            return exit::ERROR;
        }
    };
    let imported = match format {
        ImportFormat::UnSc => import_un::import(&text).map(|list| {
            let header = un_header(&list, file);
            eprintln!(
                "{} individuals and {} entities of the list of {}: {} actors",
                list.individuals,
                list.entities,
                list.date,
                list.actors.len()
            );
            (header, list.actors)
        }),
        ImportFormat::Csv => import_csv::import(&text).map(|actors| {
            let header = format!("Imported by `brieflint kb import csv` from {}.", file_name(file));
            (header, actors)
        }),
    };
    let (header, actors) = match imported {
        Ok(done) => done,
        Err(e) => {
            eprintln!("error: {}:{e} (nothing was written)", file.display());
            return exit::ERROR;
        }
    };
    match write::to_toml(&header, &actors).and_then(|text| write::emit(&text, output)) {
        Ok(()) => {
            if let Some(path) = output {
                eprintln!("wrote {}", path.display());
            }
            exit::CLEAN
        }
        Err(e) => {
            eprintln!("error: {e}");
            exit::ERROR
        }
    }
}

fn file_name(file: &Path) -> String {
    file.file_name()
        .map_or_else(|| file.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// The pack's header: what it is, as of when, and the one command that makes it again.
pub fn un_header(list: &import_un::Imported, file: &Path) -> String {
    format!(
        "The UN Security Council Consolidated List of {date}: {individuals} individuals and {entities} entities.\n\
         Generated; do not edit by hand. Regenerate with:\n  \
         brieflint kb import un-sc {name} -o seeds/packs/un-sc.toml\n\
         Names the list gives only in low quality, lone given names and common words are in `unmatched`:\n\
         shown on the card, never matched in text.",
        date = list.date,
        individuals = list.individuals,
        entities = list.entities,
        name = file_name(file),
    )
}

fn run_check(files: &[PathBuf], fail_on: FailOn) -> i32 {
    let cwd = std::env::current_dir().unwrap_or_default();
    let config_path = workspace::find_config(&cwd);
    let (workspace, _) = workspace::load(config_path.as_deref(), &cwd, &[]);
    let files: Vec<PathBuf> = if files.is_empty() {
        workspace.kb_files.clone()
    } else {
        files.to_vec()
    };
    if files.is_empty() {
        eprintln!("error: no knowledge-base file to check: name one, or add `knowledge-base` to brieflint.toml");
        return exit::ERROR;
    }
    let mut texts = Vec::new();
    let mut unreadable = false;
    for path in &files {
        match std::fs::read_to_string(path) {
            Ok(text) => texts.push((path.clone(), text)),
            Err(e) => {
                eprintln!("error: {}: cannot read: {e}", path.display());
                unreadable = true;
            }
        }
    }
    let base = match brieflint_core::KnowledgeBase::with_packs(&workspace.config.packs(), &[]) {
        Ok(base) => base,
        Err(e) => {
            eprintln!("error: {e}");
            return exit::ERROR;
        }
    };
    let problems = check::check(&texts, &base, &check::today());
    for p in &problems {
        println!(
            "{}:{}:{}: {}[{}] {}",
            p.path.display(),
            p.line,
            p.column,
            p.severity.as_str(),
            p.code,
            p.message
        );
    }
    let actors: usize = texts
        .iter()
        .filter_map(|(path, text)| brieflint_core::actors::check_format(text, path).ok())
        .sum();
    eprintln!("{} files, {actors} actors, {} problems", texts.len(), problems.len());
    if unreadable {
        exit::ERROR
    } else if problems.iter().any(|p| p.severity >= fail_on.threshold()) {
        exit::FINDINGS
    } else {
        exit::CLEAN
    }
}
