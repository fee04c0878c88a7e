//! `vitrine chat`: the terminal chat on stdin/stdout, with the merchant's
//! synonyms. Its turns are not logged for insights: a merchant trying the
//! catalog is not a shopper.

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
    /// The merchant's synonyms file. Default: the `synonyms.txt` that
    /// `vitrine import --synonyms` installs in the index directory, if any.
    #[arg(long, value_name = "FILE")]
    pub synonyms: Option<PathBuf>,
}

/// Runs `vitrine chat`.
pub fn run(args: ChatArgs) -> anyhow::Result<ExitCode> {
    let synonyms = super::serve::synonyms_file(args.synonyms.as_deref(), &args.index)?;
    let engine = Engine::open(&args.index)
        .with_context(|| format!("cannot open the index in {}", args.index.display()))?
        .with_synonyms(&synonyms)
        .with_context(|| format!("cannot read the synonyms in {}", synonyms.display()))?;
    for issue in engine.synonym_issues() {
        eprintln!("synonyms: {issue}");
    }
    let stdin = std::io::stdin();
    let options = ChatOptions {
        limit: usize::from(args.limit),
        banner: stdin.is_terminal(),
        ..ChatOptions::default()
    };
    run_chat(&engine, stdin.lock(), std::io::stdout().lock(), &options)?;
    Ok(ExitCode::SUCCESS)
}
