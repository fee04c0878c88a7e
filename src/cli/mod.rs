//! The `vitrine` command line: `import`, `stats`, `serve`, `chat`,
//! `insights`, `gen`.
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
    /// What shoppers asked for and did not find: unmet demand, words not
    /// understood, demand against supply, conversation health.
    Insights(insights::InsightsArgs),
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
        Command::Insights(args) => insights::run(args),
        Command::Gen(args) => r#gen::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {}", one_line(&err));
            ExitCode::FAILURE
        }
    }
}

/// The error and its causes on one line, each said once: our errors
/// already include the text of the error they wrap.
fn one_line(err: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}

mod chat;
mod r#gen;
mod import;
mod insights;
mod serve;
mod stats;

#[cfg(test)]
mod tests {
    use super::one_line;
    use anyhow::Context;

    #[test]
    fn an_error_chain_says_each_cause_once() {
        let io = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let err = Err::<(), _>(crate::Error::io("index/.import.lock", io))
            .context("cannot import a.csv")
            .unwrap_err();
        assert_eq!(
            one_line(&err),
            "cannot import a.csv: index/.import.lock: permission denied"
        );
    }
}
