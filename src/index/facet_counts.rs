//! Facet values and their counts while an index is built: the key a value
//! is indexed and filtered under ([`facet_key`]), the cells that list
//! several values ([`split_sizes`]), the facet name of an extra column
//! ([`extra_facet_name`]), and each facet's values counted by spelling and
//! shown in their most common one. Depends on the index's schema and
//! vocabulary types, `language` (singular nouns) and `text`; never on
//! tantivy's writer.

use super::schema::FACET_FIELDS;
use super::vocabulary::FacetValue;
use rustc_hash::FxHashMap;
use tantivy::tokenizer::TextAnalyzer;

/// Counts of one facet's values by spelling: surface -> (key, products).
/// Catalogs repeat a few thousand spellings over millions of rows, so each
/// spelling's key is computed once.
#[derive(Default)]
pub(super) struct FacetCounts {
    surfaces: FxHashMap<String, (String, u64)>,
}

impl FacetCounts {
    /// The key of `surface`, computed by `key_of` the first time it is seen.
    pub(super) fn key(&mut self, surface: &str, key_of: impl FnOnce(&str) -> String) -> &str {
        if !self.surfaces.contains_key(surface) {
            let key = key_of(surface);
            self.surfaces.insert(surface.to_string(), (key, 0));
        }
        self.surfaces
            .get(surface)
            .map_or("", |(key, _)| key.as_str())
    }

    /// Counts one product with this spelling (seen by [`FacetCounts::key`]).
    pub(super) fn count(&mut self, surface: &str) {
        if let Some((_, n)) = self.surfaces.get_mut(surface) {
            *n += 1;
        }
    }

    /// Each key's products and most common spelling.
    pub(super) fn spellings(&self) -> FxHashMap<&str, (u64, &str)> {
        // key -> (products, best spelling, its products)
        let mut by_key: FxHashMap<&str, (u64, &str, u64)> = FxHashMap::default();
        for (surface, (key, n)) in &self.surfaces {
            if key.is_empty() {
                continue;
            }
            let entry = by_key.entry(key.as_str()).or_insert((0, surface, 0));
            entry.0 += n;
            // A capitalised spelling is shown before a lowercase one ("Watch",
            // not "watch", however the titles mostly write it), then the
            // most common.
            let capital = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
            let better = (capital(surface), *n, std::cmp::Reverse(surface.as_str()))
                > (capital(entry.1), entry.2, std::cmp::Reverse(entry.1));
            if better {
                entry.1 = surface;
                entry.2 = *n;
            }
        }
        by_key
            .into_iter()
            .map(|(key, (count, best, _))| (key, (count, best)))
            .collect()
    }

    /// Distinct values (by key) counted at least `min_count` times, most
    /// frequent first; each shown in its most common spelling.
    pub(super) fn into_values(self, min_count: u64) -> Vec<FacetValue> {
        let mut out: Vec<FacetValue> = self
            .spellings()
            .into_values()
            .filter(|(count, _)| *count >= min_count)
            .map(|(count, value)| FacetValue {
                value: value.to_string(),
                count,
            })
            .collect();
        out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        out
    }
}

/// The key a facet value is indexed and filtered under. A type's words are
/// singular, so "Curtain" and "Curtains" are one type (a stemmer would
/// also make "Câmera" and "Cama" one); other facets are [`crate::text::key`]s.
pub fn facet_key(facet: &str, value: &str, _analyzer: &mut TextAnalyzer) -> String {
    if facet == super::facet::TYPE {
        let mut out = String::with_capacity(value.len());
        crate::text::for_each_word(value, |w, _| {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(crate::language::noun::singular(w));
        });
        out
    } else {
        crate::text::key(value)
    }
}

/// The facet name of an extra column header (`Num_Images` -> `num_images`).
pub fn extra_facet_name(header: &str) -> String {
    // Without the words that say nothing of what the column is about
    // (`Choose Initial`, `graphical_appearance_name`): the name is the
    // label a shopper is asked about.
    let name = crate::text::key(&crate::catalog::label_words(header)).replace(' ', "_");
    if FACET_FIELDS.contains(&name.as_str()) || name.is_empty() {
        format!("x_{name}")
    } else {
        name
    }
}

/// Splits a size cell listing several sizes ("S/M/L", "38, 39, 40"), or a
/// colour cell listing several colours ("Rosa/Roxo").
pub fn split_sizes(size: &str) -> impl Iterator<Item = &str> {
    size.split(['/', ',', ';', '|'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}
