//! `vitrine stats`.
use clap::Args;
use std::process::ExitCode;

/// Arguments of `vitrine stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {}

pub fn run(_args: StatsArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("stats: being written")
}
