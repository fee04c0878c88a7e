//! `vitrine gen`: writes a deterministic synthetic catalog to stdout.
use crate::r#gen::GenOptions;
use crate::model::Lang;
use clap::{Args, ValueEnum};
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `vitrine gen`.
#[derive(Debug, Args)]
pub struct GenArgs {
    /// Number of product rows to write (the header is extra).
    #[arg(long, default_value_t = 1000)]
    pub rows: u64,
    /// Seed: the same arguments always write the same bytes.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// `en`: comma-separated, USD. `pt`: Brazilian spreadsheet style
    /// (BOM, `;`, CRLF, decimal comma, R$).
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
    /// Percentage of rows (0-100) with one deliberate defect: stray spaces,
    /// missing title, unparsable price, duplicate id or wrong column count.
    #[arg(long, default_value_t = 2.0)]
    pub messy_percent: f64,
    /// Do not print the summary line on stderr.
    #[arg(long, short)]
    pub quiet: bool,
}

/// The catalog language, as written on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// Brazilian Portuguese.
    Pt,
}

/// Runs `vitrine gen`.
pub fn run(args: GenArgs) -> anyhow::Result<ExitCode> {
    let opts = GenOptions {
        rows: args.rows,
        seed: args.seed,
        lang: match args.lang {
            LangArg::En => Lang::En,
            LangArg::Pt => Lang::Pt,
        },
        messy_percent: args.messy_percent,
    };
    let started = Instant::now();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let summary = match crate::r#gen::generate(&opts, &mut out) {
        Ok(summary) => summary,
        // `vitrine gen | head` is a normal way to peek at the output.
        Err(crate::error::Error::Io { source, .. })
            if source.kind() == std::io::ErrorKind::BrokenPipe =>
        {
            return Ok(ExitCode::SUCCESS);
        }
        Err(err) => return Err(err.into()),
    };
    let _ = out.flush();
    if !args.quiet {
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "gen: {} rows ({} messy), {} brands, {:.1} MB in {:.2} s ({:.0} rows/s)",
            summary.rows,
            summary.messy.total(),
            summary.brands,
            summary.bytes as f64 / 1e6,
            secs,
            summary.rows as f64 / secs.max(1e-9),
        );
    }
    Ok(ExitCode::SUCCESS)
}
