//! The `vitrine` command line: `import`, `stats`, `serve`, `chat`, `gen`.
//!
//! Parse, then resolve: clap structs hold the raw arguments; each command's
//! module validates them and calls library code. `anyhow` lives here only.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Vitrine: a conversational product-search assistant for your catalog.
#[derive(Debug, Parser)]
#[command(name = "vitrine", version, about, long_about = None)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import a CSV catalog into the search index (replacing the current catalog).
    Import(import::ImportArgs),
    /// Show what the index holds: product count and each facet's top values.
    Stats(stats::StatsArgs),
    /// Serve the chat API, the demo store page and the embeddable widget.
    Serve(serve::ServeArgs),
    /// Chat with the catalog in the terminal.
    Chat(chat::ChatArgs),
    /// Write a deterministic synthetic catalog (for benchmarks) to stdout.
    Gen(r#gen::GenArgs),
}

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Import(args) => import::run(args),
        Command::Stats(args) => stats::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Chat(args) => chat::run(args),
        Command::Gen(args) => r#gen::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

mod chat;
mod r#gen;
mod import;
mod serve;
mod stats;
