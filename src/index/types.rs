//! Product types: what kind of thing a product is ("Sneakers", "Kurta",
//! "Headphones"). Taken from the category path when the catalog has one, and
//! learned from the titles' head nouns as well, so catalogs without a
//! category column still let shoppers ask for "shirts" or "kurtas".
//!
//! Where the head noun sits depends on the catalog's language and style:
//! English store titles end with it ("Puma Men Black Running Shoes"),
//! Portuguese ones start with it ("Tênis Olympikus Corre Masculino"). The
//! position is chosen per catalog from a sample, by which end of the titles
//! is most concentrated on a few recurring words once brands, colours and
//! audiences are set aside.

use rustc_hash::FxHashSet;
use std::collections::HashMap;
use std::ops::Range;

/// The words of the languages' `[titles]` data, folded, in one set each.
struct TitleVocabulary {
    /// End a title's main noun phrase: what follows describes extras
    /// ("Kurta with Palazzos & Dupatta", "Camiseta com Estampa").
    connectors: FxHashSet<String>,
    /// Audience words, never product types (also category path roots like "Men").
    audience: FxHashSet<String>,
    /// Never a head noun: units, packaging, filler.
    not_types: FxHashSet<String>,
}

fn title_words() -> &'static TitleVocabulary {
    static WORDS: std::sync::OnceLock<TitleVocabulary> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let set = |list: fn(&'static crate::language::LanguageData) -> &'static Vec<String>| {
            crate::language::every()
                .flat_map(|(_, d)| list(d))
                .map(|w| crate::text::key(w))
                .collect()
        };
        TitleVocabulary {
            connectors: set(|d| &d.titles.connectors),
            audience: set(|d| &d.titles.audience),
            not_types: set(|d| &d.titles.not_types),
        }
    })
}

/// Which end of the titles holds the product type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeadPosition {
    /// The last noun ("... Running Shoes").
    Last,
    /// The first noun ("Tênis ...").
    First,
}

/// True when `key` (a [`crate::text::key`]) is an audience word.
pub fn is_audience(key: &str) -> bool {
    title_words().audience.contains(key)
}

fn is_candidate(key: &str) -> bool {
    key.len() >= 2
        && key.chars().any(|c| c.is_alphabetic())
        && !key.chars().all(|c| c.is_ascii_digit())
        && !title_words().not_types.contains(key)
        && !is_audience(key)
}

/// A title's words: each word's byte range in the title and in `keys`,
/// where its key (see [`crate::text::for_each_word`]) is written.
struct TitleWords<'t> {
    title: &'t str,
    keys: String,
    words: Vec<(Range<usize>, Range<usize>)>,
}

impl<'t> TitleWords<'t> {
    fn surface(&self, i: usize) -> &'t str {
        let title: &'t str = self.title;
        self.words.get(i).map_or("", |(s, _)| &title[s.clone()])
    }

    fn key(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |(_, k)| &self.keys[k.clone()])
    }
}

/// The title's words, and the lengths of its main phrase: up to the first
/// connector word, and up to the first symbol that separates parts
/// ("Kurta & Dupatta", "Bag (Pack of 2)").
fn phrases(title: &str) -> (TitleWords<'_>, usize, usize) {
    let mut words = TitleWords {
        title,
        keys: String::with_capacity(title.len()),
        words: Vec::with_capacity(12),
    };
    crate::text::for_each_word(title, |key, range| {
        let at = words.keys.len();
        words.keys.push_str(key);
        words.words.push((range, at..words.keys.len()));
    });
    let n = words.words.len();
    let by_connector = (1..n)
        .find(|&i| title_words().connectors.contains(words.key(i)))
        .unwrap_or(n);
    let by_symbol = title
        .find(['&', '+', '|', '(', ','])
        .map_or(n, |at| {
            words
                .words
                .iter()
                .take_while(|(surface, _)| surface.end <= at)
                .count()
        })
        .min(by_connector);
    (words, by_connector, by_symbol)
}

/// The head noun of a title at `position`, as written in the title. `skip`
/// holds keys that are never types here (the catalog's brands, colours).
pub fn head_noun<'t>(
    title: &'t str,
    position: HeadPosition,
    skip: &FxHashSet<String>,
) -> Option<&'t str> {
    let (words, by_connector, by_symbol) = phrases(title);
    let ok = |i: usize| {
        let key = words.key(i);
        is_candidate(key) && !skip.contains(key)
    };
    // A symbol joining attributes ("Black & Grey ...") does not end the phrase.
    let by_symbol = match by_symbol.checked_sub(1) {
        Some(i) if ok(i) => by_symbol,
        _ => by_connector,
    };
    // The narrowest phrase first; "Black & Grey Trolley Bag" falls back to the whole title.
    [by_symbol, by_connector, words.words.len()]
        .into_iter()
        .filter(|&n| n > 0)
        .find_map(|n| match position {
            HeadPosition::Last => (0..n).rev().find(|&i| ok(i)),
            HeadPosition::First => (0..n).find(|&i| ok(i)),
        })
        .map(|i| words.surface(i))
}

/// Chooses the head position for a catalog from sample titles. `skip` holds
/// the keys of brands, colours and audiences seen in the sample.
pub fn choose_head_position<'a>(
    titles: impl Iterator<Item = &'a str>,
    skip: &FxHashSet<String>,
) -> HeadPosition {
    let mut first: HashMap<String, usize> = HashMap::new();
    let mut last: HashMap<String, usize> = HashMap::new();
    let mut total = 0usize;
    for title in titles {
        total += 1;
        let (words, _, by_symbol) = phrases(title);
        let raw_first = (by_symbol > 0).then(|| words.key(0).to_string());
        let raw_last = by_symbol.checked_sub(1).map(|i| words.key(i).to_string());
        for (raw, counts) in [(raw_first, &mut first), (raw_last, &mut last)] {
            if let Some(k) = raw.filter(|k| is_candidate(k) && !skip.contains(k)) {
                *counts.entry(k).or_default() += 1;
            }
        }
    }
    let concentration = |counts: &HashMap<String, usize>| -> usize {
        let mut v: Vec<usize> = counts.values().copied().collect();
        v.sort_unstable_by(|a, b| b.cmp(a));
        v.iter().take(30).filter(|&&c| c >= 2).sum()
    };
    if total > 0 && concentration(&first) > concentration(&last) {
        HeadPosition::First
    } else {
        HeadPosition::Last
    }
}

/// The components of a category path (`Men > Shoes > Sneakers`), audience
/// roots excluded, and grouping levels ("Bags & Accessories", "Bolsas e
/// Acessórios") excluded when a more specific level follows them.
pub fn category_components(category: &str) -> impl Iterator<Item = &str> {
    let parts: Vec<&str> = category
        .split(['>', '/', '|', '\\'])
        .map(str::trim)
        .filter(|c| !c.is_empty() && !is_audience(&crate::text::key(c)))
        .collect();
    let last = parts.len().saturating_sub(1);
    parts.into_iter().enumerate().filter_map(move |(i, c)| {
        let grouping = c.contains(['&', ',', '+'])
            || crate::text::words(c)
                .iter()
                .any(|w| matches!(w.as_str(), "and" | "e" | "y" | "et"));
        (i == last || !grouping).then_some(c)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none() -> FxHashSet<String> {
        FxHashSet::default()
    }

    #[test]
    fn head_nouns_of_english_titles() {
        let h = |t| head_noun(t, HeadPosition::Last, &none());
        assert_eq!(h("Puma Men Black Running Shoes"), Some("Shoes"));
        assert_eq!(h("Roadster Men Navy Neck T-shirt"), Some("T-shirt"));
        assert_eq!(
            h("EthnoVogue Women Kurta with Palazzos & Dupatta"),
            Some("Kurta")
        );
        assert_eq!(h("Nivea Men Deodorant 150 ml"), Some("Deodorant"));
        assert_eq!(h("Anouk Women Kurta & Dupatta"), Some("Kurta"));
        let colours: FxHashSet<String> = ["black", "grey"].iter().map(|s| s.to_string()).collect();
        assert_eq!(
            head_noun(
                "DKNY Unisex Black & Grey Trolley Bag",
                HeadPosition::Last,
                &colours
            ),
            Some("Bag")
        );
    }

    #[test]
    fn head_nouns_of_portuguese_titles() {
        let h = |t| head_noun(t, HeadPosition::First, &none());
        assert_eq!(h("Tênis Olympikus Corre 3 Masculino Preto"), Some("Tênis"));
        assert_eq!(h("Camiseta Básica com Estampa"), Some("Camiseta"));
    }

    #[test]
    fn position_follows_the_catalog() {
        let skip: FxHashSet<String> = ["puma", "nike", "levis", "black", "blue", "men", "women"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let en = [
            "Puma Men Black Running Shoes",
            "Nike Women Blue Sneakers",
            "Levis Men Blue Jeans",
            "Puma Women Black Jeans",
            "Nike Men Shoes",
        ];
        assert_eq!(
            choose_head_position(en.into_iter(), &skip),
            HeadPosition::Last
        );
        let pt = [
            "Tênis Nike Masculino Preto",
            "Tênis Puma Feminino Branco",
            "Calça Levis Masculina Azul",
            "Tênis Olympikus Corre",
            "Calça Jeans Skinny",
        ];
        assert_eq!(
            choose_head_position(pt.into_iter(), &skip),
            HeadPosition::First
        );
    }

    #[test]
    fn category_paths_drop_audience_roots() {
        let parts: Vec<_> = category_components("Men > Shoes > Sneakers").collect();
        assert_eq!(parts, vec!["Shoes", "Sneakers"]);
        let parts: Vec<_> = category_components("Bolsas e Acessórios > Carteiras").collect();
        assert_eq!(parts, vec!["Carteiras"]);
        let parts: Vec<_> = category_components("Home & Kitchen").collect();
        assert_eq!(parts, vec!["Home & Kitchen"]);
    }
}
