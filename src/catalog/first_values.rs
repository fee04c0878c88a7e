//! Columns judged by their values in the first rows (the sample): which
//! one is the id, whether the category is a coarser level than the type,
//! and whether a column named the description holds labels instead.

use super::Field;
use super::header::{HeaderMapping, Target};

/// What the first rows hold in a column that may be the id.
#[derive(Debug, Default)]
pub(super) struct IdValues {
    pub(super) column: usize,
    /// Rows read.
    pub(super) rows: usize,
    /// Its distinct non-empty values.
    pub(super) values: rustc_hash::FxHashSet<String>,
    /// Rows with a value.
    pub(super) filled: usize,
}

impl IdValues {
    /// Every row has a value, and no two the same.
    fn unique(&self) -> bool {
        self.rows >= 2 && self.filled == self.rows && self.values.len() == self.filled
    }

    /// Some value is in several rows.
    fn repeats(&self) -> bool {
        self.values.len() < self.filled
    }
}

/// True when the `category` column is a coarser level than the `kind`
/// (type) column in the first rows: at most half as many values (`moda`,
/// `zapatos` over `Vestido`, `Falda`, `Botín`...). A department or
/// collection column about as varied as the types is no parent of them.
pub(super) fn is_parent_level(values: &[IdValues], category: usize, kind: usize) -> bool {
    let distinct = |c: usize| {
        values
            .iter()
            .find(|v| v.column == c)
            .map(|v| v.values.len())
    };
    match (distinct(category), distinct(kind)) {
        (Some(c), Some(k)) => c * 2 <= k,
        _ => true,
    }
}

/// The columns whose first values may decide the id: the one mapped to it
/// by its name (not by `--map`), and the others whose header names an
/// identifier ([`super::header_names::names_identifier`]).
pub(super) fn id_candidates(mapping: &HeaderMapping) -> Vec<usize> {
    mapping
        .columns()
        .iter()
        .filter(|c| match &c.target {
            Target::Field(Field::Id) => !c.by_override,
            Target::Extra(_) => super::header_names::names_identifier(&c.header),
            _ => false,
        })
        .map(|c| c.index)
        .collect()
}

/// The column the id should be, when the first rows say so: the leftmost
/// candidate with a unique value in every row, where the id column's values
/// repeat (a style shared by its colours: H&M's `product_code` beside the
/// article's `article_id`) or where no column is named the id.
pub(super) fn unique_id_column(mapping: &HeaderMapping, ids: &[IdValues]) -> Option<usize> {
    let current = mapping.column(Field::Id);
    if let Some(c) = current {
        match ids.iter().find(|v| v.column == c) {
            Some(v) if v.repeats() => {}
            _ => return None,
        }
    }
    ids.iter()
        .filter(|v| Some(v.column) != current)
        .find(|v| v.unique() && (current.is_some() || v.rows >= 5))
        .map(|v| v.column)
}

/// The fewest rows with a value that can show a column's values repeat.
const LABELS_MIN_ROWS: usize = 20;
/// The most distinct values of a column of labels in the sample.
const LABELS_MAX_VALUES: usize = 40;
/// The most words of a label ("Meio Seco", "Suave/Doce", "Extra Brut").
const LABEL_MAX_WORDS: usize = 4;

/// True when `column`'s values in the first rows are a few short labels,
/// each on several rows (a wine shop's `descricao` of Seco, Meio Seco,
/// Suave/Doce): an attribute to ask about, whatever its header says, not
/// the prose a description is.
pub(super) fn holds_labels(values: &[IdValues], column: usize) -> bool {
    let Some(v) = values.iter().find(|v| v.column == column) else {
        return false;
    };
    let distinct = v.values.len();
    v.filled >= LABELS_MIN_ROWS
        && (2..=LABELS_MAX_VALUES).contains(&distinct)
        && distinct * 4 <= v.filled
        && v.values.iter().all(|label| {
            label.split_whitespace().count() <= LABEL_MAX_WORDS && label.chars().count() <= 40
        })
}

/// The kinds of listing e-commerce platforms export in a column named
/// the type: WooCommerce's (simple, grouped, external, variable, variation;
/// github.com/woocommerce/woocommerce/wiki/Product-CSV-Import-Schema) and
/// Magento's (simple, configurable, grouped, virtual, bundle,
/// downloadable). Not what the product is.
const LISTING_KINDS: [&str; 9] = [
    "simple",
    "grouped",
    "external",
    "variable",
    "variation",
    "configurable",
    "virtual",
    "bundle",
    "downloadable",
];

/// True when every value of `column` in the first rows is a platform's
/// kind of listing ([`LISTING_KINDS`]): a WooCommerce `Type` of
/// simple/grouped in an export the platform shapes do not recognise.
pub(super) fn holds_listing_kinds(values: &[IdValues], column: usize) -> bool {
    values.iter().find(|v| v.column == column).is_some_and(|v| {
        !v.values.is_empty()
            && v.values
                .iter()
                .all(|k| LISTING_KINDS.contains(&crate::text::key(k).as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(cells: &[&str]) -> IdValues {
        IdValues {
            column: 3,
            rows: cells.len(),
            values: cells
                .iter()
                .filter(|c| !c.is_empty())
                .map(|c| c.to_string())
                .collect(),
            filled: cells.iter().filter(|c| !c.is_empty()).count(),
        }
    }

    #[test]
    fn a_few_short_repeated_values_are_labels_not_prose() {
        let styles: Vec<&str> = ["Seco", "Meio Seco", "Suave/Doce", "Brut", ""]
            .into_iter()
            .cycle()
            .take(60)
            .collect();
        assert!(holds_labels(&[column(&styles)], 3));
        // Prose: each row its own.
        let prose: Vec<String> = (0..60)
            .map(|i| format!("A full-bodied wine number {i} with notes of plum"))
            .collect();
        let prose: Vec<&str> = prose.iter().map(String::as_str).collect();
        assert!(!holds_labels(&[column(&prose)], 3));
        // One repeated filler is no attribute.
        assert!(!holds_labels(&[column(&["Sem descrição"; 60])], 3));
        // Too few rows to tell.
        assert!(!holds_labels(&[column(&styles[..12])], 3));
        // Short but sentences: repeated blurbs of many words.
        let blurbs: Vec<&str> = [
            "Great for everyday cooking and baking",
            "Soft and warm for the whole family",
        ]
        .into_iter()
        .cycle()
        .take(40)
        .collect();
        assert!(!holds_labels(&[column(&blurbs)], 3));
    }

    #[test]
    fn a_platforms_kinds_of_listing_are_no_product_types() {
        assert!(holds_listing_kinds(
            &[column(&["simple", "grouped", "Simple", ""])],
            3
        ));
        assert!(!holds_listing_kinds(&[column(&["simple", "Sneakers"])], 3));
        assert!(!holds_listing_kinds(&[column(&["", ""])], 3));
    }
}
