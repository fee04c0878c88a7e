//! `vitrine stats`: what the index holds, so a merchant sees what the bot understands.

use crate::index::ProductIndex;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `vitrine stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// The index directory.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// How many top values to show per facet.
    #[arg(long, default_value_t = 8)]
    pub top: usize,
}

/// Prints the stats.
pub fn run(args: StatsArgs) -> anyhow::Result<ExitCode> {
    let index = ProductIndex::open(&args.index)?;
    let m = index.manifest();
    let v = index.vocabulary();
    println!(
        "{} products (generation {}, from {})",
        index.product_count(),
        index.version(),
        m.catalog_file
    );
    println!(
        "language {}, currency {}",
        m.language.code(),
        m.currency.as_deref().unwrap_or("unknown")
    );
    if let Some((lo, hi)) = v.price_range {
        println!("prices {lo} to {hi}");
    }
    for (facet, values) in &v.facets {
        let top: Vec<String> = values
            .iter()
            .take(args.top)
            .map(|f| format!("{} ({})", f.value, f.count))
            .collect();
        println!("{facet}: {} values — {}", values.len(), top.join(", "));
    }
    Ok(ExitCode::SUCCESS)
}
