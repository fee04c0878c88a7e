//! `vitrine import`.
use clap::Args;
use std::process::ExitCode;

/// Arguments of `vitrine import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The CSV file to import.
    pub csv: std::path::PathBuf,
}

pub fn run(_args: ImportArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("import: being written")
}
