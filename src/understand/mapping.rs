//! Registering the built-in concepts in a catalog's lexicon: for each
//! colour, audience, product type and material name, the catalog values
//! it reaches (see [`super::concept`] for the matching rules). Brands'
//! other names are in [`super::brands`].

use super::builtin::{Audience, builtin};
use super::concept::{
    audience_also, audience_targets, color_in_concept, plural, singular, type_head,
    type_in_concept, value_audience,
};
use super::lexicon::{Lexicon, Meaning};
use super::token::phrase_words;
use rustc_hash::{FxHashMap, FxHashSet};

/// The most products a type learned from titles may have and still be
/// read as a word where the titles use the word more often.
const FEW_TO_BE_A_TYPE: u64 = 3;

/// A type whose word the titles use this many times as often as it has
/// products is the word, however many: "mini" in 396 titles, the type of
/// 12 ("Mini Game"); "tv" is in 4.4 times as many titles as TVs, "air" in
/// 4.4 times as many as the 42 products typed Air, and stay types.
const TITLES_PER_PRODUCT_OF_A_WORD: u64 = 20;
/// Titles per product of a brand that make its name a word of titles: the
/// generic name many makers' titles carry ("Paracetamol": 14 products of
/// that brand cell, in 182 titles).
const BRAND_TITLES_PER_PRODUCT_OF_A_WORD: u64 = 10;

/// True when `in_titles` titles are far more than a value's `products`:
/// three times as many (and two) for a value of a few products,
/// `per_product` times as many for any.
fn far_more(in_titles: u64, products: u64, per_product: u64) -> bool {
    products <= FEW_TO_BE_A_TYPE && in_titles >= 3 * products.max(1) + 2
        || in_titles >= per_product * products
}

impl Lexicon {
    /// True when the titles use `word` more often than as the type of the
    /// few `products` it was learned from, or far more often than as the
    /// type of many: the word, not that type ("RGB" in 800 titles, the
    /// type of three kits; "OLED" in a hundred, the head of one "Gear OLED"
    /// bundle's type; "mini" in 396, the type of 12).
    pub(super) fn mostly_a_word(&self, word: &str, products: u64) -> bool {
        let in_titles = self
            .words
            .get(word)
            .map_or(0, |&id| self.info[id as usize].count);
        !word.contains(' ') && far_more(in_titles, products, TITLES_PER_PRODUCT_OF_A_WORD)
    }

    /// True when other brands' titles use the words of the brand `key`
    /// (each of three letters or more; `elsewhere` counts them) far more
    /// often than the brand has `products`: three times as often for a
    /// brand of a few products, ten times for any.
    pub(super) fn brand_mostly_a_word(
        key: &str,
        products: u64,
        elsewhere: &dyn Fn(&str) -> u64,
    ) -> bool {
        let in_titles = key
            .split(' ')
            .filter(|w| w.chars().count() >= 3)
            .map(elsewhere)
            .min()
            .unwrap_or(0);
        products > 0 && far_more(in_titles, products, BRAND_TITLES_PER_PRODUCT_OF_A_WORD)
    }

    /// Marks the words of `key` as words of the catalog's values (for
    /// the message's language, see [`Lexicon::is_value_word`]).
    pub(super) fn mark_literal(&mut self, key: &str) {
        for w in key.split(' ').filter(|w| !w.is_empty()) {
            let id = self.word_id(w);
            self.info[id as usize].literal = true;
        }
    }

    pub(super) fn add_colors(&mut self, keys: &[String], f: u16) {
        for (names, members) in &builtin().colors {
            let names_k: Vec<String> = names.iter().map(|p| phrase_words(p).join(" ")).collect();
            let members_k: Vec<String> =
                members.iter().map(|p| phrase_words(p).join(" ")).collect();
            let values: Vec<u32> = (0..keys.len() as u32)
                .filter(|&i| color_in_concept(&keys[i as usize], &names_k, &members_k))
                .collect();
            for n in names.iter() {
                let words = phrase_words(n);
                if values.is_empty() && words.len() > 1 {
                    // A colour of two words the catalog has no value for
                    // ("rose gold" where titles say "Rose Gold" but the
                    // colours learned are "Rose" and "Gold"): both words
                    // asked of the titles, not either colour.
                    let key: Box<str> = words.join(" ").into();
                    self.add(&words, Meaning::Phrase(key));
                } else {
                    self.add_concept(n, f, values.clone());
                }
            }
            // A shade named by a word that is no colour ("baby pink",
            // "bottle green", "sky blue") is its family, not that word's
            // other meaning (kids, a bottle), where the catalog has no
            // value of it and the family has values.
            for m in members.iter() {
                let words = phrase_words(m);
                let first_is_colour = words.first().is_some_and(|w| {
                    builtin().colors.iter().any(|(ns, ms)| {
                        ns.iter()
                            .chain(ms.iter())
                            .any(|c| phrase_words(c) == [w.clone()])
                    }) || builtin().color_modifiers.contains(w)
                });
                let key = words.join(" ");
                if words.len() > 1 && !first_is_colour && !values.is_empty() && !keys.contains(&key)
                {
                    self.add_concept(m, f, values.clone());
                }
            }
        }
    }

    pub(super) fn add_audiences(&mut self, keys: &[String], f: u16) {
        let audiences: Vec<Option<Audience>> = keys.iter().map(|k| value_audience(k)).collect();
        let with = |targets: &[Audience]| -> Vec<u32> {
            (0..keys.len() as u32)
                .filter(|&i| audiences[i as usize].is_some_and(|a| targets.contains(&a)))
                .collect()
        };
        for &(p, a) in &builtin().audience_words {
            let (primary, fallback) = audience_targets(a);
            let mut values = with(primary);
            if values.is_empty() {
                values = with(fallback);
            } else {
                // Its own values first: they rank first, and name it.
                values.extend(with(audience_also(a)));
            }
            self.add_concept(p, f, values);
        }
    }

    /// `counts`: the products of each value, by position in `keys`;
    /// `grouping`: whether each value names several kinds ("T-shirts &
    /// Polos").
    pub(super) fn add_types(
        &mut self,
        keys: &[String],
        counts: &[u64],
        grouping: &[bool],
        f: u16,
        reserved: &FxHashSet<String>,
    ) {
        // a head noun names every value it heads: "chinos" -> Chinos, Casual Chinos
        let mut heads: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        for (i, k) in keys.iter().enumerate() {
            if k.contains(' ') {
                heads
                    .entry(singular(type_head(k, self.head_first)).to_string())
                    .or_default()
                    .push(i as u32);
            }
        }
        let mut heads: Vec<(String, Vec<u32>)> = heads.into_iter().collect();
        heads.sort();
        let grouped = |i: &u32| grouping.get(*i as usize).copied().unwrap_or(false);
        for (head, mut values) in heads {
            for (i, k) in keys.iter().enumerate() {
                if singular(k) == head {
                    values.push(i as u32);
                }
            }
            // A value naming several kinds is reached by its head only
            // where no value names that kind alone: "polo" is the Polos,
            // not every "T-shirts & Polos".
            if values.iter().any(|i| !grouped(i)) {
                values.retain(|i| !grouped(i));
            }
            let products = values
                .iter()
                .map(|&v| counts.get(v as usize).copied().unwrap_or(0))
                .sum();
            if self.mostly_a_word(&head, products) {
                self.mark_literal(&head);
                continue;
            }
            for variant in [head.clone(), plural(&head)] {
                if !reserved.contains(&variant) && variant.len() >= 3 {
                    self.add_facet(&variant, f, values.clone(), false);
                }
            }
        }
        let types = &builtin().types;
        let own = &crate::language::data(self.catalog_language).types;
        let values: Vec<Vec<u32>> = types
            .iter()
            .map(|(id, names)| {
                let names_k: Vec<String> =
                    names.iter().map(|p| phrase_words(p).join(" ")).collect();
                let own_k: Vec<String> = own
                    .get(*id)
                    .into_iter()
                    .flatten()
                    .map(|p| phrase_words(p).join(" "))
                    .collect();
                // A value named only in another language than the
                // catalog's joins the concept when a few products use it:
                // one "Cat Trainer" spray in a Portuguese store is no pair
                // of trainers.
                let of_concept: Vec<u32> = (0..keys.len() as u32)
                    .filter(|&i| {
                        let key = &keys[i as usize];
                        type_in_concept(key, &names_k, self.head_first)
                            && (type_in_concept(key, &own_k, self.head_first)
                                || counts.get(i as usize).is_some_and(|&n| n >= 3))
                    })
                    .collect();
                // A value naming several kinds joins the concept only where
                // none names it alone: "polo" is the Polos, not every
                // "T-shirts & Polos".
                if of_concept.iter().any(|i| !grouped(i)) {
                    of_concept.into_iter().filter(|i| !grouped(i)).collect()
                } else {
                    of_concept
                }
            })
            .collect();
        let position = |id: &str| types.iter().position(|(other, _)| *other == id);
        for ((id, names), own) in types.iter().zip(&values) {
            // A broader concept reaches its narrower ones' values too
            // ("bags" finds handbags, "pants" trousers).
            let mut reach = own.clone();
            for (narrow, broad) in &builtin().type_broader {
                if broad == id
                    && let Some(narrower) = position(narrow).and_then(|at| values.get(at))
                {
                    reach.extend(narrower.iter().filter(|v| !own.contains(v)));
                }
            }
            // A narrower concept the catalog lacks means its broader one.
            if reach.is_empty()
                && let Some((_, broad)) = builtin().type_broader.iter().find(|(n, _)| n == id)
                && let Some(broader) = position(broad).and_then(|at| values.get(at))
            {
                reach = broader.clone();
            }
            // A concept the catalog has no type of, named in its titles in
            // its language ("Cushions Cover" in a store that types it
            // "Cover", "Deodorant Spray" typed "Spray"): its names in other
            // languages ask for those words, so "capa de almofada" finds
            // the covers as "cushion cover" does.
            let own_names = crate::language::data(self.catalog_language).types.get(*id);
            let titled = reach
                .is_empty()
                .then(|| self.titled_name(own_names.into_iter().flatten()))
                .flatten();
            let own_keys: Vec<String> = own_names
                .into_iter()
                .flatten()
                .map(|n| phrase_words(n).join(" "))
                .collect();
            for n in names.iter() {
                // A compound the catalog lacks ("kurta set") whose words
                // name a type it has ("Kurta") is read word by word: that
                // type, and the other words in titles ("Kurta ... Set").
                if reach.is_empty()
                    && n.contains(' ')
                    && phrase_words(n).iter().any(|w| {
                        let w = singular(w);
                        keys.iter().any(|k| singular(k) == w)
                    })
                {
                    continue;
                }
                let ws = phrase_words(n);
                let key = ws.join(" ");
                match &titled {
                    Some(titled) if !own_keys.contains(&key) && !reserved.contains(&key) => {
                        self.add(&ws, Meaning::Phrase(titled.as_str().into()));
                    }
                    _ => self.add_concept(n, f, reach.clone()),
                }
            }
        }
    }

    /// The name among `names` (of the catalog's language) that the titles
    /// use, every word of it, the most used first: a compound once, a lone
    /// word (which may be an attribute's too) in a few titles.
    fn titled_name<'n>(&self, names: impl Iterator<Item = &'n String>) -> Option<String> {
        names
            .map(|n| phrase_words(n).join(" "))
            .filter_map(|k| {
                let least = k
                    .split(' ')
                    .map(|w| self.content_count(w).max(self.content_count(&plural(w))))
                    .min()?;
                let enough = if k.contains(' ') { 1 } else { 3 };
                (least >= enough).then_some((least, k))
            })
            .max()
            .map(|(_, k)| k)
    }

    /// The built-in materials the catalog's material values name; those
    /// it names none of are absent only when `absent` (most products name
    /// their material), else left to be words.
    pub(super) fn add_materials(&mut self, keys: &[String], f: u16, absent: bool) {
        for names in &builtin().materials {
            let names_k: Vec<String> = names.iter().map(|p| phrase_words(p).join(" ")).collect();
            let values: Vec<u32> = (0..keys.len() as u32)
                .filter(|&i| {
                    let k = &keys[i as usize];
                    names_k.iter().any(|n| n == k || singular(n) == singular(k))
                })
                .collect();
            if values.is_empty() && !absent {
                continue;
            }
            for n in names.iter() {
                self.add_concept(n, f, values.clone());
            }
        }
    }
}
