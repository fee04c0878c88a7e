//! `vitrine insights`: what shoppers asked for and did not find, from the
//! demand logs of one or more replicas, measured against the index being
//! served: unmet demand with the closest supply, words not understood,
//! demand against supply, conversation health. As a terminal table, JSON
//! (the stable shape of `docs/insights.md`) or an HTML page with charts;
//! `--suggest-synonyms FILE` writes the likely meanings of the words not
//! understood as a synonyms file to review.

use crate::engine::Engine;
use crate::insights::time::{now_ms, parse_since};
use crate::insights::words::fill;
use crate::insights::{Stylesheet, render_html, render_table, suggest_synonyms};
use crate::model::Lang;
use crate::server::{InsightsQuery, defaults, insights_report};
use anyhow::Context;
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// How the report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned text for a terminal.
    Table,
    /// The figures as JSON (a stable shape, see docs/insights.md).
    Json,
    /// A standalone HTML page with charts.
    Html,
}

/// A language of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// Brazilian Portuguese.
    Pt,
}

/// Arguments of `vitrine insights`.
#[derive(Debug, Args)]
pub struct InsightsArgs {
    /// Demand log files or directories, e.g. one per replica (default:
    /// the `demand` directory of the index, where `vitrine serve` logs).
    #[arg(value_name = "LOG")]
    pub logs: Vec<PathBuf>,
    /// The index the supply is measured in.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// The period: `24h`, `7d`, `2w`, a date (`2026-01-31`) or `all`.
    #[arg(long, default_value = "30d")]
    pub since: String,
    /// How to write the report.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// The language of the report (default: the catalog's).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Rows per list (combinations, words, values per attribute).
    #[arg(long, default_value_t = defaults::INSIGHTS_TOP)]
    pub top: usize,
    /// Write the report to this file instead of the terminal.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write the likely meanings of the words not understood to this
    /// new synonyms file, for review.
    #[arg(long, value_name = "FILE")]
    pub suggest_synonyms: Option<PathBuf>,
}

/// Runs `vitrine insights`.
pub fn run(args: InsightsArgs) -> anyhow::Result<ExitCode> {
    let now = now_ms();
    let since = parse_since(&args.since, now).map_err(anyhow::Error::msg)?;
    let engine = Engine::open(&args.index)
        .with_context(|| format!("cannot open the index in {}", args.index.display()))?;
    let logs = if args.logs.is_empty() {
        let default = args.index.join(defaults::DEMAND_LOG_DIR);
        if !default.is_dir() {
            anyhow::bail!(
                "no demand log in {}: `vitrine serve` writes one there (or name log files or directories)",
                default.display()
            );
        }
        vec![default]
    } else {
        args.logs.clone()
    };
    let query = InsightsQuery {
        logs,
        since,
        lang: args.lang.map(|l| match l {
            LangArg::En => Lang::En,
            LangArg::Pt => Lang::Pt,
        }),
        top: args.top.max(1),
        now,
    };
    let report = insights_report(&engine, &query).context("cannot read the demand logs")?;
    let text = match args.format {
        Format::Table => render_table(&report),
        Format::Json => {
            let mut json = serde_json::to_string_pretty(&report)?;
            json.push('\n');
            json
        }
        Format::Html => render_html(&report, Stylesheet::Inline, None),
    };
    match &args.output {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
    }
    if let Some(path) = &args.suggest_synonyms {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .with_context(|| {
                format!(
                    "cannot create {} (an existing file is never overwritten)",
                    path.display()
                )
            })?;
        file.write_all(suggest_synonyms(&report, now).as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?;
        let rules = report.gaps.iter().filter(|g| !g.likely.is_empty()).count();
        let words = crate::insights::words::words(report.language);
        eprintln!(
            "{}",
            fill(
                words.suggest_written,
                &[
                    ("n", &rules.to_string()),
                    ("file", &path.display().to_string())
                ]
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}
