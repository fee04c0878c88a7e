//! Columns that say whom products are for without being named so: H&M's
//! `index_group_name` (Ladieswear, Menswear, Baby/Children, Divided),
//! `index_name`, `section_name` (Womens Lingerie, Men Underwear, Kids
//! Girl). No header says "gender"; their values do. A column is one when,
//! in the catalog's first products, it is filled in most rows, holds a
//! small vocabulary of short labels (a department or section, not a
//! sentence or a name), and its labels name an audience in a third of its
//! rows or more ([`super::audience::scan_label`]). A product whose gender
//! cell is empty takes the audience its labels name together ("Baby/
//! Children", "Kids Girl": girls), stored as the catalog's gender, as if
//! the catalog had the column; labels that name none ("Divided", "Sport")
//! leave it to the title. Depends on the audience words
//! ([`super::audience`], [`super::words`]) and the catalog's `Product`.

use super::audience::{AudienceEvidence, scan_label};
use crate::catalog::Product;
use crate::model::Lang;
use rustc_hash::FxHashMap;

/// The most distinct labels an audience column has in the sample, and
/// the most per row (a vocabulary shared by many products).
const MAX_LABELS: usize = 200;
/// The most words of a label.
const MAX_LABEL_WORDS: usize = 5;

/// The extra columns that name audiences, with what each label names.
#[derive(Debug, Default)]
pub(super) struct AudienceColumns {
    /// Column keys (headers), in the product's extra map.
    columns: Vec<String>,
    /// Label -> the audiences it names (read once per label).
    labels: FxHashMap<String, AudienceEvidence>,
}

/// What the sample holds in one extra column.
#[derive(Default)]
struct Tally<'a> {
    rows: usize,
    named: usize,
    labels: FxHashMap<&'a str, AudienceEvidence>,
    long: bool,
}

impl AudienceColumns {
    /// Judges the extra columns of `sample` (the catalog's first products).
    pub(super) fn judge(sample: &[Product]) -> AudienceColumns {
        let mut tallies: FxHashMap<&str, Tally<'_>> = FxHashMap::default();
        for p in sample {
            for (key, value) in &p.extra {
                let t = tallies.entry(key.as_str()).or_default();
                if t.long || t.labels.len() > MAX_LABELS {
                    continue;
                }
                t.rows += 1;
                let evidence = *t
                    .labels
                    .entry(value.as_str())
                    .or_insert_with(|| scan_label(value));
                if evidence.resolve().is_some() {
                    t.named += 1;
                }
                if value.split_whitespace().count() > MAX_LABEL_WORDS {
                    t.long = true;
                }
            }
        }
        let mut out = AudienceColumns::default();
        let mut keys: Vec<(&str, Tally<'_>)> = tallies.into_iter().collect();
        keys.sort_unstable_by_key(|(k, _)| *k);
        for (key, t) in keys {
            let shared = t.labels.len() <= MAX_LABELS && t.labels.len() * 4 <= t.rows;
            let naming = t.labels.values().filter(|e| e.resolve().is_some()).count();
            let is_audience = !t.long
                && shared
                && t.rows * 2 >= sample.len()
                && t.named * 3 >= t.rows
                && naming >= 2;
            if is_audience {
                out.columns.push(key.to_string());
                out.labels.extend(
                    t.labels
                        .into_iter()
                        .map(|(label, e)| (label.to_string(), e)),
                );
            }
        }
        out
    }

    /// The audience columns' headers.
    #[cfg(test)]
    fn columns(&self) -> &[String] {
        &self.columns
    }

    /// The audience `p`'s labels name together, written in `lang`, when
    /// its gender cell is empty.
    pub(super) fn audience_of(&self, p: &Product, lang: Lang) -> Option<&'static str> {
        if self.columns.is_empty() || p.gender.as_deref().is_some_and(|g| !g.trim().is_empty()) {
            return None;
        }
        let mut evidence = AudienceEvidence::default();
        for key in &self.columns {
            let Some(label) = p.extra.get(key) else {
                continue;
            };
            let e = match self.labels.get(label.as_str()) {
                Some(e) => *e,
                None => scan_label(label),
            };
            evidence = evidence.merge(e);
        }
        evidence.resolve().map(|a| a.display(lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn product(i: usize, group: &str, section: &str, desc: &str) -> Product {
        let mut p = Product {
            id: i.to_string(),
            title: format!("Style {i}"),
            ..Product::default()
        };
        p.extra.insert("index_group_name".into(), group.into());
        p.extra.insert("section_name".into(), section.into());
        p.extra.insert("detail_desc".into(), desc.into());
        p.extra.insert("colour".into(), format!("Colour {i}"));
        p
    }

    fn sample() -> Vec<Product> {
        let groups = [
            ("Ladieswear", "Womens Everyday Collection"),
            ("Menswear", "Men Underwear"),
            ("Baby/Children", "Kids Girl"),
            ("Divided", "Divided Collection"),
            ("Sport", "Ladies H&M Sport"),
        ];
        (0..40)
            .map(|i| {
                let (g, s) = groups[i % groups.len()];
                product(
                    i,
                    g,
                    s,
                    &format!("A soft garment for women and men, number {i}."),
                )
            })
            .collect()
    }

    #[test]
    fn label_columns_give_the_audience() {
        let sample = sample();
        let columns = AudienceColumns::judge(&sample);
        assert_eq!(columns.columns(), ["index_group_name", "section_name"]);
        let of = |i: usize| columns.audience_of(&sample[i], Lang::En);
        assert_eq!(of(0), Some("Women"));
        assert_eq!(of(1), Some("Men"));
        assert_eq!(of(2), Some("Girls"));
        assert_eq!(of(3), None, "Divided names no one");
        assert_eq!(of(4), Some("Women"));
        assert_eq!(columns.audience_of(&sample[0], Lang::Pt), Some("Feminino"));
        // A gender cell wins.
        let mut own = sample[1].clone();
        own.gender = Some("Unisex".into());
        assert_eq!(columns.audience_of(&own, Lang::En), None);
    }

    #[test]
    fn sentences_names_and_columns_naming_no_one_are_not_audience_columns() {
        let mut sample = sample();
        for p in &mut sample {
            p.extra.remove("index_group_name");
            p.extra.remove("section_name");
        }
        assert!(AudienceColumns::judge(&sample).columns().is_empty());
    }
}
