//! Which extra columns (those mapped to no field of ours) become facets a
//! shopper is asked about, and why the others are only stored.
//!
//! Every extra column is stored with its products (API clients get it) and
//! searched as text. It is offered as a facet only when its values are a
//! small vocabulary shared by many products ("Pattern": Solid, Printed;
//! "Voltagem": 110V, 220V, Bivolt). Exports also carry columns whose values
//! are no such thing, and a question about them makes no sense ("Which is
//! fk advantage product? FALSE (101), TRUE (70)"): yes/no bookkeeping,
//! dates and timestamps, links and file names, codes, slugs, paths and
//! query strings ([`super::extra_values`]), the product's title written
//! again, values nearly unique per row (identifiers, SKUs, names),
//! sentences, numbers, or too many, too few or too rare values. Each is told from the values themselves, so no
//! header needs to be known; the import reports each such column with its
//! reason ([`StoredColumn`]).
//!
//! Depends on the index's facet counts and vocabulary types, the
//! catalog's yes/no words and `text`; never on tantivy.

use super::extra_values::{
    is_code, is_date, is_flags, is_link, is_number, is_sentence, is_title_copy, parts,
};
use super::facet_counts::{FacetCounts, extra_facet_name};
use super::vocabulary::FacetValue;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Values longer than this (in characters) are never facet values.
const MAX_FACET_VALUE: usize = 60;
/// A facet has at most this many values.
const MAX_FACET_VALUES: usize = 100;

/// Why an extra column is stored but offered to shoppers as no facet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum StoredOnly {
    /// Yes/no values (`TRUE`/`FALSE`, `Y`/`N`, `Sim`/`Não`, `1`/`0`).
    Flags,
    /// Dates or timestamps.
    Dates,
    /// Web addresses or file names.
    Links,
    /// Codes, slugs, paths or query strings (`440114440_PP`, `&v=2447008`).
    Codes,
    /// The product's title written again.
    TitleCopies,
    /// Sentences or long text.
    Text,
    /// About one value per row: an identifier or a name.
    Identifiers {
        /// Distinct values.
        values: u64,
        /// Rows with a value.
        rows: u64,
    },
    /// Mostly numbers.
    Numbers,
    /// Lists of words (`Malaysia, Marinated, Wing`): searched as words,
    /// but their combinations are no vocabulary to ask about.
    Lists,
    /// More distinct values than a question can offer.
    ManyValues {
        /// Distinct values.
        values: u64,
    },
    /// One value only.
    OneValue {
        /// Rows with a value.
        rows: u64,
    },
    /// Too few products have a value.
    Rare {
        /// Rows with a value.
        rows: u64,
    },
    /// Several columns of one namespace (Shopify's metafields, `Color
    /// (product.metafields.shopify.color-pattern)`), none a facet: one line.
    Namespace {
        /// The columns.
        columns: u64,
    },
}

impl fmt::Display for StoredOnly {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoredOnly::Flags => f.write_str("yes/no values"),
            StoredOnly::Dates => f.write_str("dates or times"),
            StoredOnly::Links => f.write_str("web or e-mail addresses, or file names"),
            StoredOnly::Codes => f.write_str("codes, slugs, paths or query strings"),
            StoredOnly::TitleCopies => f.write_str("the product's title again"),
            StoredOnly::Text => f.write_str("sentences or long text"),
            StoredOnly::Identifiers { values, rows } => write!(
                f,
                "about one value per row, an identifier or a name: {values} values in {rows} rows"
            ),
            StoredOnly::Numbers => f.write_str("numbers"),
            StoredOnly::Lists => f.write_str("lists of words, such as tags"),
            StoredOnly::ManyValues { values } => write!(f, "{values} different values"),
            StoredOnly::OneValue { rows: 1 } => f.write_str("one value, in one row"),
            StoredOnly::OneValue { rows } => write!(f, "one value, the same in its {rows} rows"),
            StoredOnly::Rare { rows } => write!(f, "a value in only {rows} rows"),
            StoredOnly::Namespace { columns } => {
                write!(f, "{columns} columns of one namespace, none a facet")
            }
        }
    }
}

/// An extra column kept stored only, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredColumn {
    /// The column's header, as written in the file.
    pub header: String,
    /// Why it is no facet.
    #[serde(flatten)]
    pub why: StoredOnly,
}

/// One extra column's values while the index is built.
struct Column {
    header: String,
    /// Short values by spelling, with their keys and counts.
    counts: FacetCounts,
    /// Rows with a value.
    rows: u64,
    /// Rows whose value is too long to be a facet value: sentences, or
    /// links (`long_links`).
    long: u64,
    /// Rows whose long value is a link.
    long_links: u64,
    /// Rows whose long value is a code or a slug.
    long_codes: u64,
    /// Rows whose value is their product's title.
    title_copies: u64,
}

/// Every extra column's values while the index is built.
#[derive(Default)]
pub(super) struct ExtraColumns {
    /// Column header -> its facet name.
    names: FxHashMap<String, String>,
    /// Facet name -> the column.
    columns: FxHashMap<String, Column>,
}

/// What [`ExtraColumns::finish`] decided.
pub(super) struct Judged {
    /// The facets: (facet name, column header, values).
    pub(super) facets: Vec<(String, String, Vec<FacetValue>)>,
    /// The columns kept stored only, by header.
    pub(super) stored_only: Vec<StoredColumn>,
}

impl ExtraColumns {
    /// Counts one product's extra cells (its title beside them), and adds
    /// the `name=key` keys its short values are indexed under to `keys`.
    pub(super) fn add(
        &mut self,
        extra: &BTreeMap<String, String>,
        title: &str,
        keys: &mut Vec<String>,
    ) {
        for (header, value) in extra {
            if !self.names.contains_key(header) {
                self.names.insert(header.clone(), extra_facet_name(header));
            }
            let Some(name) = self.names.get(header) else {
                continue;
            };
            let column = match self.columns.get_mut(name) {
                Some(column) => column,
                None => self.columns.entry(name.clone()).or_insert_with(|| Column {
                    header: header.clone(),
                    counts: FacetCounts::default(),
                    rows: 0,
                    long: 0,
                    long_links: 0,
                    long_codes: 0,
                    title_copies: 0,
                }),
            };
            column.rows += 1;
            if is_title_copy(value, title) {
                column.title_copies += 1;
            }
            if value.chars().count() > MAX_FACET_VALUE {
                column.long += 1;
                if is_link(value) {
                    column.long_links += 1;
                } else if is_code(value) {
                    column.long_codes += 1;
                }
                continue;
            }
            let key = column.counts.key(value, crate::text::key);
            if key.is_empty() {
                continue;
            }
            keys.push(format!("{name}={key}"));
            column.counts.count(value);
        }
    }

    /// The columns that are facets, and the others with their reasons,
    /// for a catalog of `products` products.
    pub(super) fn finish(self, products: u64) -> Judged {
        let mut facets = Vec::new();
        let mut stored_only = Vec::new();
        for (name, column) in self.columns {
            let values = column.counts.into_values(1);
            let shape = Shape {
                rows: column.rows,
                long: column.long - column.long_links - column.long_codes,
                long_links: column.long_links,
                long_codes: column.long_codes,
                title_copies: column.title_copies,
            };
            match judge(&values, &shape, products) {
                None => facets.push((name, column.header, values)),
                Some(why) => stored_only.push(StoredColumn {
                    header: column.header,
                    why,
                }),
            }
        }
        facets.sort_by(|a, b| a.0.cmp(&b.0));
        stored_only.sort_by(|a, b| a.header.cmp(&b.header));
        let stored_only = by_namespace(stored_only);
        Judged {
            facets,
            stored_only,
        }
    }
}

/// Columns of one namespace grouped together: at least this many.
const NAMESPACE_COLUMNS: usize = 3;

/// The namespace a header names in parentheses, up to its last dot:
/// `product.metafields.shopify` of `Color (product.metafields.shopify.color-pattern)`.
fn namespace(header: &str) -> Option<&str> {
    let inner = header.trim_end().strip_suffix(')')?;
    let inner = &inner[inner.rfind('(')? + 1..];
    let (space, name) = inner.rsplit_once('.')?;
    let plain = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
    };
    (plain(space) && plain(name)).then_some(space)
}

/// The stored-only columns with those of one namespace (three or more)
/// summed up in one entry: its headers' names, then the namespace.
fn by_namespace(columns: Vec<StoredColumn>) -> Vec<StoredColumn> {
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for c in &columns {
        if let Some(space) = namespace(&c.header) {
            *counts.entry(space).or_default() += 1;
        }
    }
    let grouped: Vec<String> = counts
        .into_iter()
        .filter(|&(_, n)| n >= NAMESPACE_COLUMNS)
        .map(|(space, _)| space.to_string())
        .collect();
    if grouped.is_empty() {
        return columns;
    }
    let mut out = Vec::with_capacity(columns.len());
    let mut groups: Vec<(String, Vec<String>)> =
        grouped.into_iter().map(|g| (g, Vec::new())).collect();
    for c in columns {
        let group =
            namespace(&c.header).and_then(|space| groups.iter_mut().find(|(g, _)| g == space));
        match group {
            Some((_, names)) => {
                let name = c.header[..c.header.rfind('(').unwrap_or(c.header.len())].trim();
                names.push(name.to_string());
            }
            None => out.push(c),
        }
    }
    for (space, names) in groups {
        out.push(StoredColumn {
            header: format!("{} ({space}.*)", names.join(", ")),
            why: StoredOnly::Namespace {
                columns: names.len() as u64,
            },
        });
    }
    out.sort_by(|a, b| a.header.cmp(&b.header));
    out
}

/// What a column's long values were.
struct Shape {
    /// Rows with a value.
    rows: u64,
    /// Rows with a long value that is no link.
    long: u64,
    /// Rows with a long link.
    long_links: u64,
    /// Rows with a long code or slug.
    long_codes: u64,
    /// Rows whose value is their product's title.
    title_copies: u64,
}

/// Why a column of these short `values` (distinct, with counts) is no
/// facet of a catalog of `products` products; `None` when it is one.
fn judge(values: &[FacetValue], shape: &Shape, products: u64) -> Option<StoredOnly> {
    let rows = shape.rows;
    let short_rows: u64 = values.iter().map(|v| v.count).sum();
    let rows_where = |test: fn(&str) -> bool| -> u64 {
        values
            .iter()
            .filter(|v| test(&v.value))
            .map(|v| v.count)
            .sum()
    };
    // Most rows: nine in ten (half, for text). Unique codes are identifiers.
    let most = |n: u64| n * 10 >= rows * 9;
    if rows == 0 {
        return Some(StoredOnly::Rare { rows });
    }
    // 0 and 1 are flags only where no other number is: "0" of a count
    // column (purchases: 0, 50, 100...) says no, but counts.
    let counts = values
        .iter()
        .any(|v| is_number(&v.value) && !is_flags(&v.value));
    if !counts && most(rows_where(is_flags)) {
        return Some(StoredOnly::Flags);
    }
    if most(rows_where(is_date)) {
        return Some(StoredOnly::Dates);
    }
    if most(rows_where(is_link) + shape.long_links) {
        return Some(StoredOnly::Links);
    }
    if (rows_where(is_sentence) + shape.long) * 2 >= rows {
        return Some(StoredOnly::Text);
    }
    if shape.title_copies * 2 >= rows {
        return Some(StoredOnly::TitleCopies);
    }
    let distinct = values.len() as u64;
    // Tags: lists whose words come back in one and a half lists each, on
    // average ("Casual, Party, Festive" beside "Formal" is a vocabulary of
    // occasions, asked about).
    let listed = |v: &str| v.contains(", ") && parts(v).count() >= 2;
    if rows_where(listed) * 2 >= rows {
        let words: rustc_hash::FxHashSet<String> = values
            .iter()
            .flat_map(|v| parts(&v.value).map(crate::text::key))
            .collect();
        let uses: usize = values.iter().map(|v| parts(&v.value).count()).sum();
        if 2 * uses >= 3 * words.len() {
            return Some(StoredOnly::Lists);
        }
    }
    if short_rows >= 2 && distinct * 10 >= short_rows * 9 {
        return Some(StoredOnly::Identifiers {
            values: distinct,
            rows: short_rows,
        });
    }
    if most(rows_where(is_code) + shape.long_codes) {
        return Some(StoredOnly::Codes);
    }
    let numeric = values.iter().filter(|v| is_number(&v.value)).count();
    if numeric * 2 >= values.len() && !values.is_empty() {
        return Some(StoredOnly::Numbers);
    }
    if values.len() > MAX_FACET_VALUES {
        return Some(StoredOnly::ManyValues { values: distinct });
    }
    if values.len() < 2 {
        return Some(StoredOnly::OneValue { rows: short_rows });
    }
    if short_rows * 20 < products {
        return Some(StoredOnly::Rare { rows: short_rows });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_of_one_namespace_are_one_entry() {
        let column = |header: &str, why: StoredOnly| StoredColumn {
            header: header.into(),
            why,
        };
        let columns = vec![
            column(
                "Activity (product.metafields.shopify.activity)",
                StoredOnly::OneValue { rows: 5 },
            ),
            column(
                "Cup size (product.metafields.shopify.cup-size)",
                StoredOnly::OneValue { rows: 3 },
            ),
            column(
                "Fabric (product.metafields.shopify.fabric)",
                StoredOnly::Rare { rows: 8 },
            ),
            column("Tags", StoredOnly::ManyValues { values: 125 }),
            column("Price (BRL)", StoredOnly::Numbers),
        ];
        let grouped = by_namespace(columns);
        let headers: Vec<String> = grouped
            .iter()
            .map(|c| format!("{} ({})", c.header, c.why))
            .collect();
        assert_eq!(
            headers,
            [
                "Activity, Cup size, Fabric (product.metafields.shopify.*) \
                 (3 columns of one namespace, none a facet)",
                "Price (BRL) (numbers)",
                "Tags (125 different values)",
            ]
        );
    }

    /// The reason for a column of these cells, in a catalog of `products`.
    fn why(cells: &[&str], products: u64) -> Option<StoredOnly> {
        let mut columns = ExtraColumns::default();
        let mut keys = Vec::new();
        for cell in cells {
            let extra = BTreeMap::from([("Column".to_string(), cell.to_string())]);
            columns.add(&extra, "", &mut keys);
        }
        let judged = columns.finish(products);
        match judged.stored_only.as_slice() {
            [] => {
                assert_eq!(judged.facets.len(), 1);
                None
            }
            [one] => Some(one.why.clone()),
            more => panic!("one column, {} judged", more.len()),
        }
    }

    /// `n` copies of each of `values`.
    fn repeat<'a>(values: &[&'a str], n: usize) -> Vec<&'a str> {
        values
            .iter()
            .flat_map(|v| std::iter::repeat_n(*v, n))
            .collect()
    }

    #[test]
    fn attribute_vocabularies_are_facets() {
        let cells = repeat(&["Solid", "Printed", "Striped", "Checkered"], 5);
        assert_eq!(why(&cells, 20), None);
        let cells = repeat(&["110V", "220V", "Bivolt"], 4);
        assert_eq!(why(&cells, 12), None);
        let cells = repeat(&["Full Sleeve", "Half Sleeve", "Sleeveless"], 3);
        assert_eq!(why(&cells, 10), None);
        let cells = repeat(&["Casual, Party, Festive", "Formal"], 3);
        assert_eq!(why(&cells, 6), None);
        let cells = repeat(&["Cotton", "Polyester", "Cotton Blend", "Viscose"], 2);
        assert_eq!(why(&cells, 8), None);
    }

    #[test]
    fn lists_of_tags_are_no_facet() {
        let cells = [
            "Malaysia, Marinated, Wing",
            "Boneless Breast, Malaysia, Marinated",
            "Malaysia, Marinated, Whole",
            "Marinated, New Zealand, Shoulder",
            "Drumstick, Malaysia, Marinated",
            "America, Snack",
            "Marinated, New Zealand, Rack",
            "Malaysia, Wing",
        ];
        let cells = repeat(&cells, 3);
        assert_eq!(why(&cells, 24), Some(StoredOnly::Lists));
    }

    #[test]
    fn yes_no_columns_are_flags() {
        let cells = repeat(&["TRUE", "FALSE"], 10);
        assert_eq!(why(&cells, 20), Some(StoredOnly::Flags));
        let cells = repeat(&["Y", "N"], 10);
        assert_eq!(why(&cells, 20), Some(StoredOnly::Flags));
        let cells = repeat(&["Sim", "Não"], 10);
        assert_eq!(why(&cells, 20), Some(StoredOnly::Flags));
        let cells = repeat(&["Yes", "No", "Yes, No"], 3);
        assert_eq!(why(&cells, 9), Some(StoredOnly::Flags));
        let cells = repeat(&["1", "0"], 3);
        assert_eq!(why(&cells, 9), Some(StoredOnly::Flags));
    }

    #[test]
    fn dates_and_timestamps() {
        let cells = repeat(
            &[
                "2016-03-25 22:59:23 +0000",
                "2016-04-30 03:22:56 +0000",
                "2015-12-04 07:25:36 +0000",
            ],
            4,
        );
        assert_eq!(why(&cells, 12), Some(StoredOnly::Dates));
        let cells = repeat(&["31/01/2023", "01/02/2023", "2023-02-01T10:00:00Z"], 4);
        assert_eq!(why(&cells, 12), Some(StoredOnly::Dates));
        assert!(!is_date("1.299.000"));
        assert!(!is_date("32/34"));
        assert!(!is_date("2016-13-45"));
        assert!(!is_date("Size 10/12/14"));
    }

    #[test]
    fn links_and_file_names() {
        let cells = repeat(
            &[
                "https://example.com/downloads/album.zip",
                "http://img5a.flixcart.com/image/ring.jpeg",
            ],
            3,
        );
        assert_eq!(why(&cells, 6), Some(StoredOnly::Links));
        let long = format!(
            "[\"http://img5a.flixcart.com/image/{}.jpeg\"]",
            "x".repeat(80)
        );
        let cells = repeat(&[long.as_str()], 4);
        assert_eq!(why(&cells, 4), Some(StoredOnly::Links));
        let cells = repeat(&["logo.png", "banner.PNG", "manual.pdf"], 3);
        assert_eq!(why(&cells, 9), Some(StoredOnly::Links));
        let cells = repeat(&["admin@hmoonhydro.com", "sales@example.com.au"], 3);
        assert_eq!(why(&cells, 6), Some(StoredOnly::Links));
        assert!(!is_link("Mr. Smith"));
        assert!(!is_link("2.5"));
        assert!(!is_link("@ home"));
        assert!(!is_link("B&W @ 50%"));
    }

    #[test]
    fn sentences_and_long_text() {
        let cells = repeat(
            &["This is a simple product.", "This is a variable product."],
            5,
        );
        assert_eq!(why(&cells, 10), Some(StoredOnly::Text));
        let long = "Soft cotton jersey with a relaxed fit, ribbed cuffs and a kangaroo pocket";
        let cells = repeat(&[long, "Warm"], 3);
        assert_eq!(why(&cells, 6), Some(StoredOnly::Text));
        assert!(!is_sentence("14.7 x 11.1 x 10.2 inches 4.06 pounds"));
    }

    #[test]
    fn identifiers_are_about_one_value_per_row() {
        let skus: Vec<String> = (0..23).map(|i| format!("woo-item-{i}")).collect();
        let cells: Vec<&str> = skus.iter().map(String::as_str).collect();
        assert_eq!(
            why(&cells, 23),
            Some(StoredOnly::Identifiers {
                values: 23,
                rows: 23
            })
        );
        // Two products, a name each: nothing for a question to share.
        assert_eq!(
            why(&["Album", "Single"], 23),
            Some(StoredOnly::Identifiers { values: 2, rows: 2 })
        );
    }

    #[test]
    fn numbers_counts_and_coverage() {
        let cells = repeat(&["3.2", "5.6", "1", "Heavy"], 3);
        assert_eq!(why(&cells, 12), Some(StoredOnly::Numbers));
        // Percentages are numbers; a count column mostly 0 is no flag.
        let cells = repeat(&["12%", "35%", "-5 %", "50%"], 3);
        assert_eq!(why(&cells, 12), Some(StoredOnly::Numbers));
        let mut cells = repeat(&["0"], 95);
        cells.extend(["50", "100", "200", "50", "800"]);
        assert_eq!(why(&cells, 100), Some(StoredOnly::Numbers));
        let many: Vec<String> = (0..300).map(|i| format!("Shade {}", i / 2)).collect();
        let cells: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(
            why(&cells, 300),
            Some(StoredOnly::ManyValues { values: 150 })
        );
        let cells = repeat(&["Cotton"], 10);
        assert_eq!(why(&cells, 10), Some(StoredOnly::OneValue { rows: 10 }));
        assert_eq!(
            StoredOnly::OneValue { rows: 1 }.to_string(),
            "one value, in one row"
        );
        let cells = repeat(&["Cotton", "Wool"], 2);
        assert_eq!(why(&cells, 1000), Some(StoredOnly::Rare { rows: 4 }));
    }

    #[test]
    fn codes_slugs_and_title_copies_are_no_facets() {
        // Four SKUs per product share these: few values, yet no vocabulary.
        let cells = repeat(&["&v=2447008", "&v=2449498", "&v=2451752"], 4);
        assert_eq!(why(&cells, 12), Some(StoredOnly::Codes));
        let long = "images-leadPOC-440114340-vestido-texturizado-midi-sem-mangas-branco";
        let cells = repeat(&[long, "images-leadPOC-3601-blusa"], 4);
        assert_eq!(why(&cells, 8), Some(StoredOnly::Codes));
        let mut columns = ExtraColumns::default();
        let mut keys = Vec::new();
        for title in repeat(&["Vestido Midi Ombro", "Blusa Loose Bordado"], 4) {
            let extra = BTreeMap::from([("_TituloSite".to_string(), title.to_string())]);
            columns.add(&extra, title, &mut keys);
        }
        let judged = columns.finish(8);
        assert_eq!(judged.stored_only[0].why, StoredOnly::TitleCopies);
    }

    #[test]
    fn reasons_read_as_report_lines() {
        let column = StoredColumn {
            header: "SKU".into(),
            why: StoredOnly::Identifiers {
                values: 23,
                rows: 23,
            },
        };
        assert_eq!(
            column.why.to_string(),
            "about one value per row, an identifier or a name: 23 values in 23 rows"
        );
        let json = serde_json::to_string(&column).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"header":"SKU","reason":"identifiers","values":23,"rows":23}"#
        );
        let back: StoredColumn = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, column);
    }
}
