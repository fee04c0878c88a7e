//! The brands of a catalog whose export names none (no brand column, or
//! only placeholders such as "Generic"), learned from where its titles put
//! them: product-feed titles lead with the brand ("Roadster Men Black Slim
//! Fit Jeans", Google's "Brand + Product Type + Attributes"), or name it
//! right after the product type where titles start with the type
//! ("Geladeira Electrolux Frost Free 310L").
//!
//! A word is a brand when the catalog's first titles put it in that slot
//! again and again, mostly there when they use it at all, and it is none of
//! the words the importer reads otherwise (a type, colour, audience,
//! number or function word). Right after a type it must also follow
//! several types: a word following one type only is a product line
//! ("Cama Barcelona"). A brand of several words is a word always followed
//! by the same others ("Royal Canin", "U.S. Polo Assn.").
//!
//! Depends on [`super::types`] and [`super::words`] for the words read
//! otherwise; never on the builder.

use super::types::{self, Head, HeadPosition, KnownTypes};
use rustc_hash::{FxHashMap, FxHashSet};

/// Titles a word must lead (or follow a type in) to be a brand.
const MIN_TITLES: usize = 3;
/// How many times [`MIN_TITLES`] a common word of a language must lead to
/// be a brand.
const COMMON_WORD_TITLES: usize = 2;
/// Share of the titles using a word that must have it in the brand slot.
const SLOT_SHARE: f64 = 0.6;
/// Share of a brand's titles in which the next word must be the same for
/// the brand to have several words.
const SAME_NEXT_SHARE: f64 = 0.9;
/// Share of the titles using a word that must have it right after the
/// brand's word before it, for a word other brands' titles use too to be
/// part of the brand's name ("Harry Potter").
const NAME_SHARE: f64 = 0.8;
/// The longest brand, in words.
const MAX_WORDS: usize = 4;
/// Share of a word's brand-slot titles that must go on with a model
/// number for it to be a product line, not a brand ("RTX 4060").
const LINE_SHARE: f64 = 0.6;
/// A word written in lower case in one of this many of the titles using it
/// (or more) is a common word, not a name.
const LOWER_SHARE: usize = 6;

/// Brands learned from titles, by their words' keys.
#[derive(Debug, Default)]
pub(super) struct TitleBrands {
    /// Folded words of each brand ("royal canin") -> the brand as written.
    brands: FxHashMap<String, String>,
    /// Brands named right before the product's reference code, where
    /// titles start with the type ("Sandália Feminina Salto Grosso Beira
    /// Rio 8436235 PRETO 34"): folded words -> as written.
    coded: FxHashMap<String, String>,
    /// Where titles put the brand.
    head: Option<HeadPosition>,
}

/// A title's brand slot: the index of its first word there, given the
/// title's words (`keys`, `ranges`) and its head noun.
fn slot(
    keys: &[String],
    title: &str,
    ranges: &[std::ops::Range<usize>],
    position: HeadPosition,
    head: Option<&Head<'_>>,
) -> Option<usize> {
    let first = keys.first()?;
    match position {
        HeadPosition::First => {
            // The word right after the type, where the type leads the title.
            let head = head?;
            let start = (head.word.as_ptr() as usize).checked_sub(title.as_ptr() as usize)?;
            if ranges.first()?.start != start {
                return None;
            }
            let mut end = start + head.word.len();
            if let Some(compound) = &head.compound
                && title.get(start..)?.starts_with(compound.as_str())
            {
                end = start + compound.len();
            }
            ranges.iter().position(|r| r.start >= end)
        }
        HeadPosition::Last => {
            (head.is_none_or(|h| crate::text::key(h.word) != *first)).then_some(0)
        }
    }
}

/// Where a title's reference code is: its first word after the type with
/// three digits or more ("8436235", "DHQ02" is not, "43759258" is), when
/// the word before it has none ("18.000 BTUs" is a capacity).
fn code_at(keys: &[String]) -> Option<usize> {
    let digits = |k: &String| k.bytes().filter(u8::is_ascii_digit).count();
    let at = keys.iter().skip(2).position(|k| digits(k) >= 3)? + 2;
    (digits(&keys[at - 1]) == 0).then_some(at)
}

/// True when the words after `at` are a model number: three digits or
/// more, alone ("RTX 4060", "RX 580", "GT 730"), with no unit after them
/// ("Midea 12000 BTUs" is a capacity, "TV LG 43" a size).
fn model_number_after(keys: &[String], at: usize) -> bool {
    let Some(next) = keys.get(at + 1) else {
        return false;
    };
    next.len() >= 3
        && next.bytes().all(|b| b.is_ascii_digit())
        && keys
            .get(at + 2)
            .is_none_or(|unit| crate::language::units::unit(unit).is_none())
}

/// A title's words: folded keys and byte ranges.
fn title_words(title: &str) -> (Vec<String>, Vec<std::ops::Range<usize>>) {
    let mut keys = Vec::new();
    let mut ranges = Vec::new();
    crate::text::for_each_word(title, |key, range| {
        keys.push(key.to_string());
        ranges.push(range);
    });
    (keys, ranges)
}

/// Whether a folded title word can be (part of) a brand.
fn can_be_brand(key: &str, skip: &dyn Fn(&str) -> bool) -> bool {
    key.chars().count() >= 2
        && !key.bytes().any(|b| b.is_ascii_digit())
        && !types::is_type_name(key)
        && !types::is_not_type(key)
        && !types::is_audience(key)
        && !skip(key)
        && !crate::language::is_function_word(key)
        && !super::words::learn_words().colors.contains_key(key)
        && !super::words::learn_words().for_words.contains(key)
        // "Vinho Tinto Chileno": where the product comes from.
        && !crate::language::origins::is_origin(key)
        // "Check Double Duvet Set", "Fone de Ouvido Bluetooth": qualities.
        && !crate::language::is_quality_word(key)
}

impl TitleBrands {
    /// Learns the brands of `sample` (the catalog's first products) when
    /// it names almost none: nothing otherwise, since a catalog's own
    /// brand cells tell its brands better than any guess. `head` is where
    /// its titles put the type, `skip` the words that are never types (its
    /// colours, audiences and brands), `not_brand` those of them that are
    /// no brand either (a brand a few rows' cells name is still learned
    /// for the others), `known` its known types.
    pub(super) fn learn(
        sample: &[crate::catalog::Product],
        head: HeadPosition,
        skip: &dyn Fn(&str) -> bool,
        not_brand: &dyn Fn(&str) -> bool,
        known: &mut KnownTypes,
    ) -> TitleBrands {
        let brandless: Vec<&str> = sample
            .iter()
            .filter(|p| p.brand.as_deref().is_none_or(|b| b.trim().is_empty()))
            .map(|p| p.title.as_str())
            .collect();
        if brandless.len() < 20 || (brandless.len() as f64) < 0.8 * sample.len() as f64 {
            return TitleBrands::default();
        }
        // A title counts once: the sizes and colours of one model (a
        // variant group's rows, titled alike) are not several titles
        // putting its first word in the brand slot ("Chaz Kangeroo Hoodie").
        let mut once: FxHashSet<&str> = FxHashSet::default();
        let brandless: Vec<&str> = brandless
            .into_iter()
            .filter(|t| once.insert(t.trim()))
            .collect();
        // Per candidate first word: titles with it in the slot, titles
        // using it at all, the types it follows, and the words after it.
        let mut in_slot: FxHashMap<String, usize> = FxHashMap::default();
        let mut used: FxHashMap<String, usize> = FxHashMap::default();
        // Per word: the titles using it only after a word introducing what
        // the product fits ("Cable Compatible with Samsung").
        let mut fitted: FxHashMap<String, usize> = FxHashMap::default();
        let mut after_types: FxHashMap<String, FxHashSet<String>> = FxHashMap::default();
        // Per candidate: its titles going on with a model number.
        let mut numbered: FxHashMap<String, usize> = FxHashMap::default();
        let mut spans: FxHashMap<String, Vec<(Vec<String>, String)>> = FxHashMap::default();
        // Per word: the candidates whose titles use it.
        let mut users: FxHashMap<String, FxHashSet<String>> = FxHashMap::default();
        // Per two words in a row: the titles with them so.
        let mut pairs: FxHashMap<(String, String), usize> = FxHashMap::default();
        // Per word: the titles writing it in lower case after their first
        // word, where the title capitalises others (a common word, not a name).
        let mut lower: FxHashMap<String, usize> = FxHashMap::default();
        // Per last word before a reference code: the titles with it there,
        // their types (first words), and their words up to the code.
        let mut coded_slot: FxHashMap<String, usize> = FxHashMap::default();
        let mut coded_numbered: FxHashMap<String, usize> = FxHashMap::default();
        let mut coded_types: FxHashMap<String, FxHashSet<String>> = FxHashMap::default();
        let mut coded_titles: FxHashMap<String, Vec<(Vec<String>, String)>> = FxHashMap::default();
        for title in brandless {
            let (keys, ranges) = title_words(title);
            if title.chars().any(char::is_uppercase) {
                let mut seen: FxHashSet<&String> = FxHashSet::default();
                for (key, range) in keys.iter().zip(&ranges).skip(1) {
                    let written = title.get(range.clone()).unwrap_or("");
                    if !written.chars().any(char::is_uppercase) && seen.insert(key) {
                        *lower.entry(key.clone()).or_default() += 1;
                    }
                }
            }
            let distinct: FxHashSet<&String> = keys.iter().collect();
            for key in distinct {
                *used.entry(key.clone()).or_default() += 1;
            }
            // Words only after "compatible with", "para": other makers'.
            let fits = &super::words::learn_words().fits_words;
            if let Some(from) = keys.iter().skip(1).position(|k| fits.contains(k)) {
                let own: FxHashSet<&String> = keys[..=from].iter().collect();
                let theirs: FxHashSet<&String> = keys[from + 1..]
                    .iter()
                    .filter(|k| !own.contains(k))
                    .collect();
                for key in theirs {
                    *fitted.entry(key.clone()).or_default() += 1;
                }
            }
            let in_row: FxHashSet<(&String, &String)> =
                keys.windows(2).map(|w| (&w[0], &w[1])).collect();
            for (a, b) in in_row {
                *pairs.entry((a.clone(), b.clone())).or_default() += 1;
            }
            if head == HeadPosition::First
                && let Some(code) = code_at(&keys)
                && can_be_brand(&keys[code - 1], not_brand)
            {
                let last = &keys[code - 1];
                *coded_slot.entry(last.clone()).or_default() += 1;
                if model_number_after(&keys, code - 1) && keys[code].len() <= 4 {
                    *coded_numbered.entry(last.clone()).or_default() += 1;
                }
                coded_types
                    .entry(last.clone())
                    .or_default()
                    .insert(keys[0].clone());
                let from = code.saturating_sub(MAX_WORDS).max(1);
                coded_titles.entry(last.clone()).or_default().push((
                    keys[from..code].to_vec(),
                    title
                        .get(ranges[from].start..ranges[code - 1].end)
                        .unwrap_or("")
                        .to_string(),
                ));
            }
            let found = types::head_noun(title, head, skip, known);
            let Some(at) = slot(&keys, title, &ranges, head, found.as_ref()) else {
                continue;
            };
            let first = &keys[at];
            if !can_be_brand(first, not_brand) {
                continue;
            }
            *in_slot.entry(first.clone()).or_default() += 1;
            if model_number_after(&keys, at) {
                *numbered.entry(first.clone()).or_default() += 1;
            }
            for key in &keys {
                users.entry(key.clone()).or_default().insert(first.clone());
            }
            if at > 0 {
                after_types
                    .entry(first.clone())
                    .or_default()
                    .insert(keys[..at].join(" "));
            }
            // The words that may continue the brand, and how it is written.
            let end = (at + MAX_WORDS).min(keys.len());
            let following: Vec<String> = keys[at..end]
                .iter()
                .take_while(|k| can_be_brand(k, not_brand))
                .cloned()
                .collect();
            let Some(written) = following
                .len()
                .checked_sub(1)
                .and_then(|last| title.get(ranges[at].start..ranges[at + last].end))
            else {
                continue;
            };
            let written = written.to_string();
            spans
                .entry(first.clone())
                .or_default()
                .push((following, written));
        }
        // A store of one kind ("Tênis Asics ...", "Tênis Mizuno ..." in a
        // shoe shop): no word follows several types, so a name there is
        // told by being no common word, or written as one.
        let mut prefixes: FxHashMap<&String, usize> = FxHashMap::default();
        for types in after_types.values() {
            for t in types {
                *prefixes.entry(t).or_default() += 1;
            }
        }
        let one_kind = prefixes
            .values()
            .max()
            .is_some_and(|&most| most * 10 >= after_types.len() * 9)
            && after_types.len() >= 10;
        let mut brands = FxHashMap::default();
        for (first, count) in in_slot {
            let uses = used.get(&first).copied().unwrap_or(count);
            // A maker other products are made to fit is named after their
            // "compatible with" as often as it leads its own titles.
            let own_uses = uses.saturating_sub(fitted.get(&first).copied().unwrap_or(0));
            // A word the titles also write in lower case, as a descriptor
            // ("Luna skinny RW" beside "Skinny Ankle Denim"), is no name.
            let common = lower.get(&first).is_some_and(|&n| n * LOWER_SHARE >= uses);
            // A common word of a language ("Linear", "Script", "Extra")
            // leads a few titles as their pattern or style; a brand named
            // so leads more ("Crane", "Avenue").
            // Written in capitals, it is a name ("LACK", "ALEX" lines); so
            // is one always followed by the same word ("Harry Potter").
            let name = spans.get(&first).is_some_and(|titles| {
                let capitals = titles.iter().all(|(_, written)| {
                    let word = written.split_whitespace().next().unwrap_or("");
                    let mut letters = word.chars().filter(|c| c.is_alphabetic());
                    letters.clone().count() > 1 && letters.all(char::is_uppercase)
                });
                let next = titles.first().and_then(|(words, _)| words.get(1));
                let same_next =
                    next.is_some() && titles.iter().all(|(words, _)| words.get(1) == next);
                capitals || same_next
            });
            let after_several = after_types.get(&first).is_none_or(|t| {
                t.len() >= 2 || (one_kind && (name || !crate::language::is_common_word(&first)))
            });
            let min_titles = match crate::language::is_common_word(&first) && !name {
                true => MIN_TITLES * COMMON_WORD_TITLES,
                false => MIN_TITLES,
            };
            // A word titles go on with a model number after is a product
            // line ("Placa de Vídeo RTX 4060 ... MSI"), its maker elsewhere.
            let line = numbered
                .get(&first)
                .is_some_and(|&n| n as f64 >= LINE_SHARE * count as f64);
            if count < min_titles
                || (count as f64) < SLOT_SHARE * own_uses as f64
                || !after_several
                || common
                || line
            {
                continue;
            }
            let Some(titles) = spans.get(&first) else {
                continue;
            };
            // A word the titles of other candidates use too is the
            // product's ("Pottery Barn Velvet Throw"), not the brand's;
            // unless nearly everywhere it is used, it follows the same word
            // ("LEGO Harry Potter": a name, "Harry Potter").
            let own = |before: &str, word: &str| {
                users.get(word).is_none_or(|u| u.len() == 1)
                    || pairs
                        .get(&(before.to_string(), word.to_string()))
                        .is_some_and(|&n| {
                            n as f64 >= NAME_SHARE * used.get(word).copied().unwrap_or(n) as f64
                        })
            };
            let words = brand_words(titles, &own);
            let Some((following, written)) = titles
                .iter()
                .find(|(following, _)| following.len() >= words)
            else {
                continue;
            };
            let key = following[..words].join(" ");
            let written = written_words(written, words);
            brands.insert(key, written);
        }
        let mut coded = FxHashMap::default();
        for (last, count) in coded_slot {
            let uses = used.get(&last).copied().unwrap_or(count);
            let several = coded_types.get(&last).is_some_and(|t| t.len() >= 2);
            let common = lower.get(&last).is_some_and(|&n| n * LOWER_SHARE >= uses);
            // "Placa de Vídeo RTX 4060": a model number, no reference code.
            let line = coded_numbered
                .get(&last)
                .is_some_and(|&n| n as f64 >= LINE_SHARE * count as f64);
            if line
                || count < MIN_TITLES
                || (count as f64) < SLOT_SHARE * uses as f64
                || !several
                || common
                || brands.contains_key(&last)
            {
                continue;
            }
            let Some(titles) = coded_titles.get(&last) else {
                continue;
            };
            let words = words_before(titles, not_brand);
            let Some((keys, written)) = titles.iter().find(|(k, _)| k.len() >= words) else {
                continue;
            };
            let key = keys[keys.len() - words..].join(" ");
            coded.insert(key, last_words(written, words));
        }
        TitleBrands {
            brands,
            coded,
            head: Some(head),
        }
    }

    /// True when no brand was learned.
    pub(super) fn is_empty(&self) -> bool {
        self.brands.is_empty() && self.coded.is_empty()
    }

    /// The learned brand `title` names in its brand slot (given its head
    /// noun), or right after the audience, colour and function words a
    /// title puts there ("Tênis Masculino Skechers Go Run"), as written in
    /// the catalog, with the byte range of its words in the title.
    pub(super) fn find(
        &self,
        title: &str,
        head: Option<&Head<'_>>,
    ) -> Option<(String, std::ops::Range<usize>)> {
        let position = self.head?;
        if self.is_empty() {
            return None;
        }
        let (keys, ranges) = title_words(title);
        let at_word = |at: usize| {
            (1..=MAX_WORDS.min(keys.len().saturating_sub(at)))
                .rev()
                .find_map(|n| {
                    let brand = self.brands.get(&keys[at..at + n].join(" "))?;
                    Some((brand.clone(), ranges[at].start..ranges[at + n - 1].end))
                })
        };
        let in_slot = slot(&keys, title, &ranges, position, head).and_then(|at| {
            let mut word = at;
            loop {
                if let Some(found) = at_word(word) {
                    return Some(found);
                }
                // Only past words that are no one's name.
                if word >= at + 2 || can_be_brand(keys.get(word)?, &|_| false) {
                    return None;
                }
                word += 1;
            }
        });
        in_slot.or_else(|| {
            let code = code_at(&keys)?;
            (1..=MAX_WORDS.min(code - 1)).rev().find_map(|n| {
                let brand = self.coded.get(&keys[code - n..code].join(" "))?;
                Some((brand.clone(), ranges[code - n].start..ranges[code - 1].end))
            })
        })
    }

    /// The learned brands of several words, folded ("royal canin").
    pub(super) fn multi_word_keys(&self) -> impl Iterator<Item = &str> {
        self.brands
            .keys()
            .chain(self.coded.keys())
            .filter(|k| k.contains(' '))
            .map(String::as_str)
    }

    /// The words of every learned brand, folded.
    pub(super) fn words(&self) -> impl Iterator<Item = &str> {
        self.brands
            .keys()
            .chain(self.coded.keys())
            .flat_map(|k| k.split(' '))
    }
}

/// How many words a brand has: its first word, and each next word every
/// title of it (but a few) goes on with, and that is the brand's own
/// (`own`, given the word before it).
fn brand_words(titles: &[(Vec<String>, String)], own: &dyn Fn(&str, &str) -> bool) -> usize {
    let mut words = 1;
    while words < MAX_WORDS {
        let mut next: FxHashMap<&str, usize> = FxHashMap::default();
        for (following, _) in titles {
            if let Some(k) = following.get(words) {
                *next.entry(k.as_str()).or_default() += 1;
            }
        }
        let Some((&word, &count)) = next.iter().max_by_key(|(_, n)| **n) else {
            break;
        };
        let before = titles
            .iter()
            .find(|(following, _)| following.get(words).is_some_and(|k| k == word))
            .map_or("", |(following, _)| following[words - 1].as_str());
        if (count as f64) < SAME_NEXT_SHARE * titles.len() as f64 || !own(before, word) {
            break;
        }
        words += 1;
    }
    words
}

/// How many words a brand named before the code has: its last word, and
/// each word before it that every title of it (but a few) has there and
/// that can be a brand's ("Beira Rio", "Via Marte").
fn words_before(titles: &[(Vec<String>, String)], not_brand: &dyn Fn(&str) -> bool) -> usize {
    let mut words = 1;
    while words < MAX_WORDS {
        let mut before: FxHashMap<&str, usize> = FxHashMap::default();
        for (keys, _) in titles {
            if let Some(k) = keys.len().checked_sub(words + 1).map(|i| &keys[i]) {
                *before.entry(k.as_str()).or_default() += 1;
            }
        }
        let Some((&word, &count)) = before.iter().max_by_key(|(w, n)| (**n, *w)) else {
            break;
        };
        if (count as f64) < SAME_NEXT_SHARE * titles.len() as f64 || !can_be_brand(word, not_brand)
        {
            break;
        }
        words += 1;
    }
    words
}

/// The last `words` words of `written` (a title's span), as written.
fn last_words(written: &str, words: usize) -> String {
    let mut starts = Vec::new();
    crate::text::for_each_word(written, |_, range| starts.push(range.start));
    let start = starts
        .len()
        .checked_sub(words)
        .and_then(|i| starts.get(i))
        .copied()
        .unwrap_or(0);
    written[start..].to_string()
}

/// The first `words` words of `written` (a title's span), as written.
fn written_words(written: &str, words: usize) -> String {
    let mut end = 0;
    let mut seen = 0;
    crate::text::for_each_word(written, |_, range| {
        if seen < words {
            end = range.end;
        }
        seen += 1;
    });
    written[..end].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(title: &str) -> Vec<String> {
        title_words(title).0
    }

    /// A chip line goes on with a model number ("Placa de Vídeo RTX 4060
    /// ... MSI"); a maker with a capacity or a size does not.
    #[test]
    fn model_numbers_follow_product_lines_not_makers() {
        let after = |title: &str, word: &str| {
            let keys = keys(title);
            let at = keys.iter().position(|k| k == word).expect("the word");
            model_number_after(&keys, at)
        };
        assert!(after("Placa de Vídeo RTX 4060 Gaming OC MSI", "rtx"));
        assert!(after("Placa de Vídeo RX 580 8GB PowerColor", "rx"));
        assert!(after("Placa de Vídeo GT 730", "gt"));
        assert!(!after("Ar Condicionado Midea 12000 BTUs Inverter", "midea"));
        assert!(!after("Smart TV LG 43 Polegadas 4K", "lg"));
        assert!(!after(
            "Placa de Vídeo Gigabyte GeForce RTX 4060",
            "gigabyte"
        ));
    }
}
