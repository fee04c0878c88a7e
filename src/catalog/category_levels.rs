//! Category columns that are levels of one path: `primary_category`,
//! `secondary_category`, `tertiary_category` ("Fragrance", "Men",
//! "Cologne"), or `category`, `sub_category`, `type` ("Cleaning &
//! Household", "All Purpose Cleaners", "Dishwash Liquids & Pastes"), read
//! as one path, coarsest first (`Fragrance > Men > Cologne`), as a category
//! column written `A > B > C` is.
//!
//! The header names say which columns may be levels and in which order
//! ([`level_rank`], from the `[category levels]` words of the language
//! files); the first rows decide ([`choose`]): a column is the next level
//! of the one before only when each of its values sits under one value of
//! that column (nearly always) and it has at least twice as many values. A
//! column that is an alternative (a department of "Men", "Women" beside
//! categories found in both) stays what its name made it.
//!
//! Depends on the catalog's language data ([`super::aliases`]) and
//! [`crate::text`] only.

use super::Field;
use super::aliases::{LevelWord, aliases, fold, label_words};
use super::header::{HeaderMapping, Target};
use rustc_hash::{FxHashMap, FxHashSet};

/// The share of rows whose finer value sits under its usual coarser value
/// for the finer column to be a level below the coarser one: a few values
/// filed under several parents ("Value & Gift Sets" under Fragrance,
/// Skincare and Hair) are allowed, an independent column is not.
const NESTED_SHARE: f64 = 0.85;

/// The rank of the level a header names, 0 (a department) to 9 (the
/// product type), when it names a category level at all: `category` 1,
/// `sub_category` 2, `tertiary_category` 3, `category_level_2` 2, `cat3`
/// 3, `type` 9. `None` for a header naming no category.
pub(crate) fn level_rank(header: &str) -> Option<u8> {
    let a = aliases();
    let mut ordinal: Option<u8> = None;
    let mut subs: u8 = 0;
    let mut coarser = false;
    let mut finest = false;
    // The header's words less the level words: with and without filler.
    let mut rest = String::new();
    let mut all = String::new();
    for word in crate::text::words(&label_words(header)) {
        // `cat2`, `categoria1`: a level number written onto the word.
        let digits = word.len() - word.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let (mut word, number) = word.split_at(word.len() - digits);
        if let Ok(n) = number.parse::<u8>() {
            ordinal = Some(n.min(8));
        }
        // `subcategory`, `subsubcategory`.
        while let Some(tail) = word.strip_prefix("sub")
            && tail.len() > 2
        {
            subs += 1;
            word = tail;
        }
        if word.is_empty() {
            continue;
        }
        match a.level_word(word) {
            Some(LevelWord::Ordinal(n)) => ordinal = Some(n),
            Some(LevelWord::Sub) => subs += 1,
            Some(LevelWord::Level) => {}
            Some(LevelWord::Coarser) => coarser = true,
            Some(LevelWord::Finest) => finest = true,
            None => {}
        }
        if !matches!(
            a.level_word(word),
            Some(LevelWord::Coarser | LevelWord::Finest) | None
        ) {
            continue;
        }
        all.push_str(word);
        if !a.is_filler(word) {
            rest.push_str(word);
        }
    }
    let category = |name: &str| {
        name == "cat" || matches!(a.field(name), Some((Field::Category | Field::Type, _)))
    };
    let names_category = category(&rest) || category(&all);
    if !names_category {
        return None;
    }
    let base = match (ordinal, coarser, finest) {
        (Some(n), _, _) => n,
        (None, true, _) => 0,
        (None, false, true) if subs == 0 => 9,
        _ => 1,
    };
    Some(base.saturating_add(subs).min(9))
}

/// The columns that may be levels of one category path, with the level
/// their header names ([`level_rank`]): the category and type columns and
/// the extra columns named like them (`secondary_category`, `type`), none
/// chosen by `--map`; none at all when `--map` names the category or the
/// type, or the file is a platform's export (whose shape says where its
/// category is).
pub(crate) fn candidates(mapping: &HeaderMapping) -> Vec<(usize, u8)> {
    let columns = mapping.columns();
    let chosen = |f: Field| {
        mapping
            .column(f)
            .is_some_and(|i| columns.get(i).is_some_and(|c| c.by_override))
    };
    if mapping.platform().is_some() || chosen(Field::Category) || chosen(Field::Type) {
        return Vec::new();
    }
    columns
        .iter()
        .filter(|c| {
            !c.by_override
                && matches!(
                    c.target,
                    Target::Field(Field::Category | Field::Type)
                        | Target::Fallback(Field::Category)
                        | Target::Extra(_)
                )
        })
        .filter_map(|c| level_rank(&c.header).map(|r| (c.index, r)))
        .collect()
}

/// True for a column whose cells are single levels: no path (`A > B`, a
/// JSON list) and no numbers (a category id).
fn single_levels(values: &[&str]) -> bool {
    let numbers = values
        .iter()
        .filter(|v| v.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
        .count();
    numbers * 10 <= values.len()
        && !values.iter().any(|v| {
            v.contains(['>', '»', '›'])
                || v.starts_with('[')
                || v.starts_with('{')
                || v.contains(" / ")
        })
}

/// The category columns that are levels of one path, coarsest first, as
/// the first rows show them: `candidates` are (column, [`level_rank`]),
/// `rows` each sample row's cells of those columns in the same order.
/// Empty when no two columns nest.
pub(crate) fn choose(candidates: &[(usize, u8)], rows: &[Vec<String>]) -> Vec<usize> {
    // Per candidate: its distinct values, and whether its cells are levels.
    let mut usable: Vec<(usize, u8, usize)> = Vec::new();
    for (k, &(_, rank)) in candidates.iter().enumerate() {
        let cells: Vec<&str> = rows
            .iter()
            .filter_map(|r| r.get(k).map(String::as_str))
            .filter(|c| !c.is_empty())
            .collect();
        if cells.len() < 2 || !single_levels(&cells) {
            continue;
        }
        let distinct: FxHashSet<String> = cells.iter().map(|c| fold(c)).collect();
        usable.push((k, rank, distinct.len()));
    }
    // Coarsest first: by the header's rank, then by how few values.
    usable.sort_by_key(|&(k, rank, distinct)| (rank, distinct, candidates[k].0));
    let mut best: Vec<usize> = Vec::new();
    for root in 0..usable.len() {
        let mut chain = vec![root];
        for next in root + 1..usable.len() {
            let last = chain[chain.len() - 1];
            if nested(rows, usable[last], usable[next]) {
                chain.push(next);
            }
        }
        if chain.len() > best.len() {
            best = chain;
        }
    }
    if best.len() < 2 {
        return Vec::new();
    }
    best.into_iter()
        .map(|i| candidates[usable[i].0].0)
        .collect()
}

/// True when the `fine` column's values sit under the `coarse` column's:
/// it has at least twice as many values, and in most rows a fine value is
/// with the coarse value it is most often with.
fn nested(rows: &[Vec<String>], coarse: (usize, u8, usize), fine: (usize, u8, usize)) -> bool {
    let ((c, _, c_distinct), (f, _, f_distinct)) = (coarse, fine);
    if f_distinct < 2 * c_distinct.max(1) {
        return false;
    }
    let mut parents: FxHashMap<String, FxHashMap<String, usize>> = FxHashMap::default();
    let mut both = 0usize;
    for row in rows {
        let (Some(cv), Some(fv)) = (row.get(c), row.get(f)) else {
            continue;
        };
        if cv.is_empty() || fv.is_empty() {
            continue;
        }
        both += 1;
        *parents
            .entry(fold(fv))
            .or_default()
            .entry(fold(cv))
            .or_default() += 1;
    }
    if both < 4 {
        return false;
    }
    let usual: usize = parents
        .values()
        .map(|p| p.values().copied().max().unwrap_or(0))
        .sum();
    usual as f64 >= NESTED_SHARE * both as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_names_rank_levels() {
        for (header, rank) in [
            ("category", Some(1)),
            ("primary_category", Some(1)),
            ("secondary_category", Some(2)),
            ("tertiary_category", Some(3)),
            ("sub_category", Some(2)),
            ("SubCategory", Some(2)),
            ("sub_sub_category", Some(3)),
            ("category_level_2", Some(2)),
            ("Category Level 3", Some(3)),
            ("cat1", Some(1)),
            ("cat_2", Some(2)),
            ("department", Some(0)),
            ("Department Name", Some(0)),
            ("type", Some(9)),
            ("product_type_name", Some(9)),
            ("categoria", Some(1)),
            ("subcategoria", Some(2)),
            ("categoria nivel 3", Some(3)),
            ("departamento", Some(0)),
            ("brand", None),
            ("title", None),
            ("category_id", None),
            ("catalog", None),
        ] {
            assert_eq!(level_rank(header), rank, "{header}");
        }
    }

    fn rows(table: &[&[&str]]) -> Vec<Vec<String>> {
        table
            .iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn nested_columns_are_one_path_and_alternatives_are_not() {
        // primary, secondary, tertiary: each finer value under one coarser.
        let table = rows(&[
            &["Fragrance", "Men", "Cologne"],
            &["Fragrance", "Women", "Perfume"],
            &["Fragrance", "Women", "Body Mist"],
            &["Makeup", "Lip", "Lipstick"],
            &["Makeup", "Lip", "Lip Gloss"],
            &["Makeup", "Eye", "Mascara"],
            &["Makeup", "Eye", "Eyeliner"],
            &["Hair", "Tools", "Hair Dryers"],
            &["Hair", "Tools", "Flat Irons"],
            &["Hair", "Shampoo", "Dry Shampoo"],
            &["Hair", "Shampoo", "Shampoo"],
            &["Makeup", "Eye", "Eyebrow Pencil"],
            &["Fragrance", "Men", "Cologne"],
        ]);
        let candidates = [(15, 1), (16, 2), (17, 3)];
        assert_eq!(choose(&candidates, &table), [15, 16, 17]);
        // Named in another order, the values still say which is coarser.
        let candidates = [(4, 2), (5, 1), (6, 2)];
        let reordered: Vec<Vec<String>> = table
            .iter()
            .map(|r| vec![r[1].clone(), r[0].clone(), r[2].clone()])
            .collect();
        assert_eq!(choose(&candidates, &reordered), [5, 4, 6]);

        // A department found with every category: no path.
        let table = rows(&[
            &["Men", "Shoes"],
            &["Women", "Shoes"],
            &["Men", "Shirts"],
            &["Women", "Shirts"],
            &["Kids", "Shoes"],
            &["Kids", "Shirts"],
            &["Men", "Bags"],
            &["Women", "Bags"],
        ]);
        assert!(choose(&[(0, 0), (1, 1)], &table).is_empty());
        // Paths and ids are no levels.
        let table = rows(&[
            &["Shoes > Sneakers", "Sneakers"],
            &["Shoes > Boots", "Boots"],
            &["Bags > Totes", "Totes"],
            &["Bags > Clutches", "Clutches"],
        ]);
        assert!(choose(&[(0, 1), (1, 9)], &table).is_empty());
    }
}
