//! The `brieflint` command: `check` for CI and the terminal, `lsp` for editors, and the knowledge-base and
//! rule documentation.

use brieflint::cli::{self, check::CheckOptions, check::FailOn, output::Format};
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
    Check {
        /// Files or folders to check (default: the current folder).
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Extra knowledge-base files to load on top of the built-in one and the workspace's.
        #[arg(long = "actors", value_name = "FILE")]
        actor_files: Vec<PathBuf>,
        /// Use this configuration for every file instead of each file's nearest brieflint.toml.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// The lowest severity that makes the exit status 1.
        #[arg(long, value_enum, default_value = "warning")]
        fail_on: FailOn,
        /// Report only findings not accepted in this baseline file.
        #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
        baseline: Option<PathBuf>,
        /// Write every current finding to this baseline file (and report nothing).
        #[arg(long, value_name = "FILE")]
        write_baseline: Option<PathBuf>,
    },
    /// Write a commented default brieflint.toml in the current folder.
    Init,
    /// List the known actors, or show one.
    Actors {
        /// An id, name, alias or acronym.
        name: Option<String>,
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
    /// Print every sentence of a file with its class and the reason (for tuning).
    #[command(hide = true)]
    Classify { path: PathBuf },
}

fn main() {
    let cli = Cli::parse();
    let status = match cli.command {
        Command::Check {
            paths,
            format,
            actor_files,
            config,
            fail_on,
            baseline,
            write_baseline,
        } => cli::check::run(&CheckOptions {
            paths,
            format,
            actor_files,
            config,
            fail_on,
            baseline,
            write_baseline,
        }),
        Command::Init => cli::init::run(&std::env::current_dir().unwrap_or_default()),
        Command::Actors { name } => cli::actors::run(name.as_deref()),
        Command::Explain { code } => cli::explain::explain(&code),
        Command::Rules => cli::explain::list(),
        Command::Classify { path } => cli::classify::run(&path),
        Command::Lsp { stdio: _ } => brieflint::lsp::run_stdio(),
    };
    std::process::exit(status);
}
