//! `vitrine stats`: what the index holds, so a merchant sees what the bot
//! understands: per attribute, the share of products that have it and
//! where it came from (a column, or learned from titles and categories),
//! then each facet's most common values. Prices are written by the reply's
//! money formatter, in the catalog's own currency.

use crate::index::ProductIndex;
use crate::model::Lang;
use crate::reply::Money;
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
    let money = Money::new(m.currency.as_deref(), Lang::En);
    if let Some((lo, hi)) = v.price_range {
        println!("prices {} to {}", money.price(lo), money.price(hi));
    }
    if !m.attributes.is_empty() {
        println!("what shoppers can filter on (share of products, source):");
        let products = index.product_count();
        for a in &m.attributes {
            println!(
                "  {:<9} {:>6.1}%  {:>9} products  {}",
                a.attribute,
                100.0 * a.share(products),
                money.count(a.covered()),
                a.source()
            );
            if a.corrected > 0 {
                println!(
                    "  {:<9} {:>9} products' column value contradicted by their title: the title's used",
                    "",
                    money.count(a.corrected)
                );
            }
            if a.set_aside > 0 {
                let why = if a.attribute == "brand" {
                    "a colour, a word their titles use to describe products or the store's own name, not a brand"
                } else {
                    "a value their titles often contradict, and their own names none"
                };
                println!(
                    "  {:<9} {:>9} products' column value set aside: {why}",
                    "",
                    money.count(a.set_aside)
                );
            }
        }
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
