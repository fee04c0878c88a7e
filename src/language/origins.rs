//! Where products come from: the countries of the language files'
//! `[origins]` by their names and adjectives in every language ("Chile",
//! "chileno", "chilean"), so that any of them finds a country column's
//! value, or a title or description naming the country another way.

use super::every;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// Every name of every country, folded, and each key's country.
struct Origins {
    names: Vec<Vec<String>>,
    of: FxHashMap<String, usize>,
}

fn origins() -> &'static Origins {
    static ORIGINS: OnceLock<Origins> = OnceLock::new();
    ORIGINS.get_or_init(|| {
        let mut by_country: std::collections::BTreeMap<&str, Vec<String>> = Default::default();
        for (_, d) in every() {
            for (country, names) in &d.origins {
                let all = by_country.entry(country.as_str()).or_default();
                for name in names {
                    let key = crate::text::key(name);
                    if !key.is_empty() && !all.contains(&key) {
                        all.push(key);
                    }
                }
            }
        }
        let names: Vec<Vec<String>> = by_country.into_values().collect();
        let mut of = FxHashMap::default();
        for (i, all) in names.iter().enumerate() {
            for key in all {
                of.insert(key.clone(), i);
            }
        }
        Origins { names, of }
    })
}

/// The other names of the country `word` names (a name or an adjective,
/// in any language: "chileno" -> "chile", "chilena", "chilean", ...),
/// folded; empty when `word` names no country.
pub fn other_names(word: &str) -> Vec<String> {
    let key = crate::text::key(word);
    let o = origins();
    o.of.get(&key)
        .map(|&i| o.names[i].iter().filter(|n| **n != key).cloned().collect())
        .unwrap_or_default()
}

/// The one language whose `[origins]` name a country `key` (folded)
/// ("spanish", "espanhol"); `None` for a name several languages share
/// ("chile", "portugal") or no country's.
pub fn language_of(key: &str) -> Option<crate::model::Lang> {
    static ONE: OnceLock<FxHashMap<String, Option<crate::model::Lang>>> = OnceLock::new();
    let one = ONE.get_or_init(|| {
        let mut one: FxHashMap<String, Option<crate::model::Lang>> = FxHashMap::default();
        for (lang, d) in every() {
            for name in d.origins.values().flatten() {
                one.entry(crate::text::key(name))
                    .and_modify(|l| {
                        if *l != Some(lang) {
                            *l = None
                        }
                    })
                    .or_insert(Some(lang));
            }
        }
        one
    });
    one.get(key).copied().flatten()
}

/// True when `key` (folded) names a country or is its adjective.
pub fn is_origin(key: &str) -> bool {
    origins().of.contains_key(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_country_is_found_by_its_names_and_adjectives_in_both_languages() {
        let chile = other_names("Chilenos");
        for name in ["chile", "chileno", "chilena", "chilean"] {
            assert!(chile.contains(&name.to_string()), "{name}: {chile:?}");
        }
        assert!(other_names("França").contains(&"french".to_string()));
        assert!(other_names("french").contains(&"franca".to_string()));
        assert!(other_names("vinho").is_empty());
        assert!(is_origin("sul africano") && !is_origin("turkey"));
        assert_eq!(language_of("spanish"), Some(crate::model::Lang::En));
        assert_eq!(language_of("espanhol"), Some(crate::model::Lang::Pt));
        assert_eq!(language_of("chile"), None);
        // Every country of one file is in the other.
        for (_, d) in every() {
            for country in d.origins.keys() {
                for (_, other) in every() {
                    assert!(other.origins.contains_key(country), "{country}");
                }
            }
        }
    }
}
