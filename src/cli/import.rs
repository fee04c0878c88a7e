//! `vitrine import`: read a CSV catalog, report bad rows, publish a new
//! index; with `--synonyms FILE`, check the merchant's synonyms against the
//! new catalog and install them beside the index for `serve` and `chat`.

use crate::catalog::{NoticeKind, ReadOptions, parse_map_arg, write_report};
use crate::index::{ImportOptions, ProductIndex, import_with_progress};
use crate::understand::{Lexicon, Synonyms};
use anyhow::Context;
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// How many bad rows, and how many rows kept with a change, are printed on
/// screen (all go to `--report`).
const SHOWN_ERRORS: usize = 10;

/// Arguments of `vitrine import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The CSV file to import.
    pub csv: PathBuf,
    /// The index directory (the new catalog replaces the one there).
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Map a field to a column: `--map title=Product_Name` (column name or 1-based number).
    #[arg(long = "map", value_name = "FIELD=COLUMN")]
    pub map: Vec<String>,
    /// Column delimiter (sniffed among , ; tab | when absent). Use `tab` for tabs.
    #[arg(long)]
    pub delimiter: Option<String>,
    /// File encoding, e.g. `utf-8`, `windows-1252`, `latin1` (detected when absent).
    #[arg(long)]
    pub encoding: Option<String>,
    /// Currency of prices without a symbol or currency column (ISO code, e.g. INR).
    #[arg(long)]
    pub currency: Option<String>,
    /// Validate and report only; do not touch the index.
    #[arg(long)]
    pub dry_run: bool,
    /// Write every bad row (line, id, reason) to this CSV file.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// The merchant's synonyms file (format in README.md): checked against
    /// the new catalog, then installed as `synonyms.txt` in the index
    /// directory, where `serve` (reloading it when it changes) and `chat` read it.
    #[arg(long, value_name = "FILE")]
    pub synonyms: Option<PathBuf>,
}

fn parse_delimiter(d: &str) -> anyhow::Result<u8> {
    match d {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        s if s.len() == 1 && s.is_ascii() => Ok(s.as_bytes()[0]),
        other => anyhow::bail!("--delimiter must be one ASCII character or `tab`, not {other:?}"),
    }
}

/// Checks the synonyms against the new index and installs a copy of the
/// file beside it (written aside, then renamed over the old copy).
fn install_synonyms(
    path: &Path,
    synonyms: &Synonyms,
    index: &Path,
    dry_run: bool,
) -> anyhow::Result<()> {
    for e in &synonyms.errors {
        println!("  synonyms: skipped {e}");
    }
    if dry_run {
        println!(
            "  synonyms: {} rules read (checked against the catalog when it is imported)",
            synonyms.rules.len()
        );
        return Ok(());
    }
    let product_index = ProductIndex::open(index)?;
    let lexicon = Lexicon::new(product_index.vocabulary()).with_synonyms(synonyms);
    for issue in lexicon.synonym_issues() {
        println!("  synonyms: not applied, {issue}");
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let target = index.join(crate::server::defaults::SYNONYMS_FILE);
    let tmp = index.join(format!(".synonyms.{}", std::process::id()));
    std::fs::write(&tmp, bytes)
        .and_then(|()| std::fs::rename(&tmp, &target))
        .with_context(|| format!("cannot install {}", target.display()))?;
    println!(
        "  synonyms: {} rules applied, installed as {}",
        lexicon.synonym_rules(),
        target.display()
    );
    Ok(())
}

/// Runs the import.
pub fn run(args: ImportArgs) -> anyhow::Result<ExitCode> {
    let synonyms = match &args.synonyms {
        Some(path) => Some(
            Synonyms::read(path)
                .with_context(|| format!("cannot read the synonyms in {}", path.display()))?,
        ),
        None => None,
    };
    let map = args
        .map
        .iter()
        .map(|m| parse_map_arg(m))
        .collect::<Result<Vec<_>, _>>()?;
    let opts = ImportOptions {
        read: ReadOptions {
            map,
            delimiter: args.delimiter.as_deref().map(parse_delimiter).transpose()?,
            encoding: args.encoding.clone(),
            default_currency: args.currency.as_ref().map(|c| c.to_uppercase()),
        },
        dry_run: args.dry_run,
    };
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    if std::io::stderr().is_terminal() && std::io::stdout().is_terminal() {
        bar.set_style(
            ProgressStyle::with_template(
                "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
    } else {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    let mut on_progress = |done: u64, total: u64| {
        bar.set_length(total);
        bar.set_position(done);
    };
    let summary = import_with_progress(&args.csv, &args.index, &opts, &mut on_progress)
        .with_context(|| format!("cannot import {}", args.csv.display()))?;
    bar.finish_and_clear();
    println!("{}", args.csv.display());
    println!(
        "  encoding {}, delimiter {:?}",
        summary.encoding, summary.delimiter
    );
    println!("  columns:");
    for line in summary.mapping.lines() {
        println!("    {line}");
    }
    for e in summary.errors.iter().take(SHOWN_ERRORS) {
        println!("  skipped {e}");
    }
    let more = if args.report.is_some() {
        " (see the report)"
    } else {
        " (use --report FILE to list them all)"
    };
    if summary.errors.len() > SHOWN_ERRORS {
        println!(
            "  … and {} more bad rows{more}",
            summary.errors.len() - SHOWN_ERRORS,
        );
    }
    for n in summary.notices.iter().take(SHOWN_ERRORS) {
        println!("  kept {n}");
    }
    if summary.notices.len() > SHOWN_ERRORS {
        println!(
            "  … and {} more rows kept with a change{more}",
            summary.notices.len() - SHOWN_ERRORS,
        );
    }
    if let Some(first) = summary.merged.first() {
        let products: std::collections::BTreeSet<&str> = summary
            .merged
            .iter()
            .filter_map(|n| n.id.as_deref())
            .collect();
        let example = match &first.kind {
            NoticeKind::MergedCategory { first: line, .. } => {
                format!(" (line {} into line {line})", first.line)
            }
            _ => String::new(),
        };
        println!(
            "  merged {} rows listing a product of an earlier row again under another category{example}: {} products are in each of their categories",
            summary.merged.len(),
            products.len()
        );
    }
    if let Some(line) = unpriced_line(&summary.unpriced) {
        println!("  {line}");
    }
    if let Some(report) = &args.report {
        let kept: Vec<_> = summary
            .notices
            .iter()
            .chain(&summary.merged)
            .cloned()
            .collect();
        write_report(report, &summary.errors, &kept)?;
        println!(
            "  report: {} ({} rows)",
            report.display(),
            summary.errors.len() + kept.len()
        );
    }
    let changed = if summary.notices.is_empty() {
        String::new()
    } else {
        let rows: std::collections::BTreeSet<u64> =
            summary.notices.iter().map(|n| n.line).collect();
        format!(" ({} of them with a change)", rows.len())
    };
    let merged = match summary.merged.len() {
        0 => String::new(),
        n => format!(", {n} merged"),
    };
    println!(
        "  {} rows read, {} indexed{changed}{merged}, {} skipped in {:.2}s ({:.0} rows/s)",
        summary.rows_read,
        summary.indexed,
        summary.errors.len(),
        summary.elapsed.as_secs_f64(),
        summary.rows_per_second()
    );
    if !summary.facets.is_empty() {
        // The catalog's own facets first; a wide catalog's many extra
        // facets are counted, not listed.
        const SHOWN_FACETS: usize = 12;
        let mut facets: Vec<&(String, usize)> = summary.facets.iter().collect();
        facets.sort_by_key(|(name, _)| !crate::index::FACET_FIELDS.contains(&name.as_str()));
        let mut shown: Vec<String> = facets
            .iter()
            .take(SHOWN_FACETS)
            .map(|(name, n)| format!("{n} {}", plural(name)))
            .collect();
        if facets.len() > SHOWN_FACETS {
            shown.push(format!("and {} more", facets.len() - SHOWN_FACETS));
        }
        println!("  facets: {}", shown.join(", "));
    }
    if summary.titles_completed > 0 {
        println!(
            "  titles: {} completed with their short description (the titles name product lines, the descriptions what each product is)",
            summary.titles_completed
        );
    }
    if let Some(brands) = &summary.brands_set_aside {
        println!("  {}", brands_set_aside_line(brands));
    }
    for column in &summary.stored_only {
        println!(
            "  stored only, not a facet: {} ({})",
            column.header, column.why
        );
    }
    println!(
        "  currency: {}",
        summary
            .currency
            .as_deref()
            .unwrap_or("unknown (use --currency)")
    );
    match summary.generation {
        Some(generation) => println!(
            "  index {} generation {generation}, {:.1} MB ({:.0} bytes/product)",
            args.index.display(),
            summary.index_bytes as f64 / 1e6,
            summary.index_bytes as f64 / summary.indexed.max(1) as f64
        ),
        None => println!("  dry run: the index was not changed"),
    }
    if let (Some(path), Some(synonyms)) = (&args.synonyms, &synonyms) {
        install_synonyms(path, synonyms, &args.index, args.dry_run)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The report line of the products kept without a price, naming the
/// categories none of whose products has one (`3503 products without a
/// price, all in category "Recipes"...`); none when every product has one.
fn unpriced_line(u: &crate::index::UnpricedProducts) -> Option<String> {
    if u.products == 0 {
        return None;
    }
    let mut line = format!(
        "{} products without a price (kept: found by name, never within a budget)",
        u.products
    );
    if u.whole_categories.is_empty() {
        return Some(line);
    }
    let names: Vec<String> = match u.whole_categories.as_slice() {
        [(name, _)] => vec![format!("{name:?}")],
        several => several
            .iter()
            .map(|(name, n)| format!("{name:?} ({n})"))
            .collect(),
    };
    let category = if names.len() == 1 {
        "category"
    } else {
        "categories"
    };
    let within = u.in_whole_categories();
    let share = if within == u.products {
        "all".to_string()
    } else {
        format!("{within} of them")
    };
    line.push_str(&format!(
        "; {share} in {category} {}, where no product has a price",
        names.join(", ")
    ));
    Some(line)
}

/// The report line of the brand cells set aside: how many rows, why, and
/// the most common values.
fn brands_set_aside_line(b: &crate::index::BrandsSetAside) -> String {
    let mut why = Vec::new();
    if b.colours > 0 {
        why.push(format!(
            "{} a colour ({} given it as their colour)",
            b.colours, b.to_colour
        ));
    }
    if b.qualifiers > 0 {
        why.push(format!(
            "{} a word the titles use to describe products",
            b.qualifiers
        ));
    }
    if b.stores > 0 {
        why.push(format!("{} the store's own name", b.stores));
    }
    let values: Vec<String> = b
        .values
        .iter()
        .map(|v| format!("{} ({})", v.value, v.count))
        .collect();
    format!(
        "brand cells set aside, not brands: {} rows ({}); commonest: {}",
        b.rows(),
        why.join("; "),
        values.join(", ")
    )
}

fn plural(facet: &str) -> String {
    match facet {
        "brand" => "brands".into(),
        "color" => "colors".into(),
        "type" => "product types".into(),
        "gender" => "genders".into(),
        "size" => "sizes".into(),
        "material" => "materials".into(),
        other => format!("{} values", other.replace('_', " ")),
    }
}
