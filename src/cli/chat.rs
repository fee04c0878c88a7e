//! `vitrine chat`: the terminal chat on stdin/stdout.

use crate::chat::{ChatOptions, run_chat};
use crate::engine::Engine;
use anyhow::Context;
use clap::Args;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `vitrine chat`.
#[derive(Debug, Args)]
pub struct ChatArgs {
    /// The index directory.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Products shown per answer (1..=100).
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..=100))]
    pub limit: u16,
}

/// Runs `vitrine chat`.
pub fn run(args: ChatArgs) -> anyhow::Result<ExitCode> {
    let engine = Engine::open(&args.index)
        .with_context(|| format!("cannot open the index in {}", args.index.display()))?;
    let stdin = std::io::stdin();
    let options = ChatOptions {
        limit: usize::from(args.limit),
        banner: stdin.is_terminal(),
        ..ChatOptions::default()
    };
    run_chat(&engine, stdin.lock(), std::io::stdout().lock(), &options)?;
    Ok(ExitCode::SUCCESS)
}
