//! The `brieflint` command: `check` for CI and the terminal, `lsp` for editors, and the knowledge-base and
//! rule documentation.

use brieflint::cli::{self, check::CheckOptions, report::ReportOptions};
use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "brieflint",
    version,
    about = "Lint security and policy briefings: sourcing, actors and tradecraft."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check Markdown and text files (folders are walked, honouring .gitignore).
    Check(CheckOptions),
    /// Write a commented default brieflint.toml in the current folder.
    Init,
    /// List the known actors, or show every one that answers to a name or acronym.
    Actors {
        /// An id, name, alias or acronym.
        name: Option<String>,
    },
    /// Import actors from a sanctions list or a spreadsheet, or check knowledge-base files.
    Kb {
        #[command(subcommand)]
        command: cli::kb::KbCommand,
    },
    /// Explain a rule, with a bad and a good example.
    Explain { code: String },
    /// List the rules.
    Rules,
    /// Run the language server over stdin and stdout (for editors).
    Lsp {
        /// Accepted for editors that pass it; stdio is the only transport.
        #[arg(long)]
        stdio: bool,
    },
    /// Write the sourcing report: one self-contained HTML page (or a Markdown table) of how the files are sourced.
    Report(ReportOptions),
    /// Print every sentence of a file with its class and the reason (for tuning).
    #[command(hide = true)]
    Classify { path: PathBuf },
}

fn main() {
    let cli = Cli::parse();
    let status = match cli.command {
        Command::Check(options) => cli::check::run(&options),
        Command::Init => cli::init::run(&std::env::current_dir().unwrap_or_default()),
        Command::Actors { name } => cli::actors::run(name.as_deref()),
        Command::Kb { command } => cli::kb::run(&command),
        Command::Explain { code } => cli::explain::explain(&code),
        Command::Rules => cli::explain::list(),
        Command::Report(options) => cli::report::run(&options),
        Command::Classify { path } => cli::classify::run(&path),
        Command::Lsp { stdio: _ } => brieflint::lsp::run_stdio(),
    };
    std::process::exit(status);
}
