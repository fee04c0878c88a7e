//! The `vitrine` command line: `import`, `stats`, `serve`, `chat`,
//! `insights`, `gen`.
//!
//! Parse, then resolve: clap structs hold the raw arguments; each command's
//! module validates them and calls library code. `anyhow` lives here only.
//!
//! A closed standard output ends every command quietly, like other Unix
//! tools (`vitrine stats | head -1`): the commands that only write to the
//! terminal get the default `SIGPIPE` action back (Rust ignores it), and
//! `serve`, which must ignore it for its sockets, ends quietly when a
//! write to its standard output fails with a broken pipe.

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
    if !matches!(cli.command, Command::Serve(_)) {
        restore_sigpipe();
    }
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
        // The reader of our output went away: nothing left to say.
        Err(err) if broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {}", one_line(&err));
            ExitCode::FAILURE
        }
    }
}

/// Gives `SIGPIPE` its default action back, so a write to a closed pipe
/// ends the process silently instead of failing (and `println!` panicking).
fn restore_sigpipe() {
    // SAFETY: setting a signal's disposition to SIG_DFL has no
    // preconditions; it runs before any other thread is started.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// True when an error comes from writing to a closed pipe.
fn broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || matches!(
                cause.downcast_ref::<crate::error::Error>(),
                Some(crate::error::Error::Io { source, .. })
                    if source.kind() == std::io::ErrorKind::BrokenPipe
            )
    })
}

/// The error and its causes on one line, each said once: our errors
/// already include the text of the error they wrap, a cause that starts
/// with the path the context ends with (`cannot import a.csv` + `a.csv: No
/// such file`) does not say it again, and a context saying where (`cannot
/// open the index in idx`) gives way to a cause saying the same place and
/// what to do (`no index in idx yet: run ...`).
fn one_line(err: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if let Some((_, place)) = line.rsplit_once(" in ")
            && !place.is_empty()
            && text.contains(&format!(" in {place}"))
        {
            line.clear();
        }
        let text = strip_repeated_path(&line, &text);
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(text);
    }
    line
}

/// `text` less a leading `PATH: ` when `line` already ends with `PATH`.
fn strip_repeated_path<'a>(line: &str, text: &'a str) -> &'a str {
    let starts = std::iter::once(0).chain(line.match_indices(' ').map(|(i, _)| i + 1));
    for start in starts {
        let tail = &line[start..];
        if !tail.is_empty()
            && let Some(rest) = text.strip_prefix(tail).and_then(|r| r.strip_prefix(": "))
        {
            return rest;
        }
    }
    text
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
        let err = Err::<(), _>(crate::error::Error::io("index/.import.lock", io))
            .context("cannot import a.csv")
            .unwrap_err();
        assert_eq!(
            one_line(&err),
            "cannot import a.csv: index/.import.lock: permission denied"
        );
        let io = std::io::Error::from(std::io::ErrorKind::NotFound);
        let err = Err::<(), _>(crate::error::Error::io("my dir/a.csv", io))
            .context("cannot import my dir/a.csv")
            .unwrap_err();
        assert_eq!(
            one_line(&err),
            "cannot import my dir/a.csv: entity not found"
        );
        let missing = crate::error::Error::index("my idx", crate::error::IndexReason::Missing);
        let err = Err::<(), _>(missing)
            .context("cannot open the index in my idx")
            .unwrap_err();
        assert_eq!(
            one_line(&err),
            "no index in my idx yet: run `vitrine import FILE` to build one from your catalog"
        );
    }

    #[test]
    fn a_broken_pipe_anywhere_in_the_chain_is_recognised() {
        let pipe = std::io::Error::from(std::io::ErrorKind::BrokenPipe);
        let err = anyhow::Error::new(crate::error::Error::io("<output>", pipe)).context("chat");
        assert!(super::broken_pipe(&err));
        let other = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert!(!super::broken_pipe(&anyhow::Error::new(other)));
    }
}
