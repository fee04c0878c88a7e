//! The other ways shoppers name a catalog's brands: the leading words of
//! multi-word brands ("tommy" -> Tommy Hilfiger), "&" said as "and"/"e"/"n"
//! ("marks and spencer"), and words run together ("tommyhilfiger").

use super::builtin::{Marker, builtin};
use super::lexicon::Lexicon;
use super::token::phrase_words;
use crate::index::Vocabulary;
use crate::model::facet;
use crate::text;
use rustc_hash::{FxHashMap, FxHashSet};

impl Lexicon {
    /// "tommy" -> Tommy Hilfiger, "us polo" -> U.S. Polo Assn. (+ Kids):
    /// leading words of multi-word brands, when nothing else claims them and
    /// the catalog uses the word (almost) only in those brand names.
    pub(super) fn add_brand_prefixes(
        &mut self,
        vocab: &Vocabulary,
        f: u16,
        reserved: &FxHashSet<String>,
    ) {
        let values = vocab.values(facet::BRAND);
        let mut prefixes: FxHashMap<String, (Vec<u32>, u64)> = FxHashMap::default();
        for (i, v) in values.iter().enumerate() {
            let key = text::key(&v.value);
            let ws: Vec<&str> = key.split(' ').collect();
            for n in 1..ws.len().min(3) {
                let p = ws[..n].join(" ");
                let e = prefixes.entry(p).or_default();
                e.0.push(i as u32);
                e.1 += v.count;
            }
        }
        let mut sorted: Vec<(String, (Vec<u32>, u64))> = prefixes.into_iter().collect();
        sorted.sort();
        for (p, (ids, count)) in sorted {
            if reserved.contains(&p) || p.len() < 3 {
                continue;
            }
            let ws: Vec<String> = p.split(' ').map(str::to_string).collect();
            if self.lookup(&ws).is_some() {
                continue;
            }
            if ws.len() == 1 {
                let known = self
                    .words
                    .get(p.as_str())
                    .map(|&id| &self.info[id as usize]);
                if known.is_some_and(|i| {
                    i.builtin || i.stop || i.in_other || i.count > count + count / 4 + 2
                }) {
                    continue;
                }
            }
            self.add_facet(&p, f, ids, false);
        }
    }

    /// Other ways shoppers spell brands: "&" said as "and"/"e"/"n" ("marks
    /// and spencer", "h n m"), and several words run together ("tommyhilfiger").
    pub(super) fn add_brand_spellings(
        &mut self,
        values: &[crate::index::FacetValue],
        keys: &[String],
        f: u16,
        reserved: &FxHashSet<String>,
    ) {
        let ands: Vec<String> = builtin()
            .markers
            .iter()
            .filter(|(p, m)| *m == Marker::And && p.chars().all(char::is_alphabetic))
            .map(|(p, _)| text::key(p))
            .chain(["n".to_string()])
            .collect();
        for (i, (value, key)) in values.iter().zip(keys).enumerate() {
            let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
            if words.len() < 2 {
                continue;
            }
            let mut spellings = Vec::new();
            if let Some(at) = value.value.find('&') {
                // The words before the "&" in the key.
                let before = text::words(&value.value[..at]).len();
                if (1..words.len()).contains(&before) {
                    for and in &ands {
                        let (head, tail) = words.split_at(before);
                        spellings.push(format!("{} {and} {}", head.join(" "), tail.join(" ")));
                    }
                }
            }
            let joined = words.concat();
            if joined.len() >= 5 {
                spellings.push(joined);
            }
            for spelling in spellings {
                if !reserved.contains(&spelling) && self.lookup(&phrase_words(&spelling)).is_none()
                {
                    self.add_facet(&spelling, f, vec![i as u32], false);
                }
            }
        }
        self.add_brand_initials(keys, f, reserved);
    }

    /// Initials shoppers write for a brand of two words ("ck" for Calvin
    /// Klein, and the brands that start with it: Calvin Klein Jeans): only
    /// when no other brand starts with words of the same initials, and the
    /// initials are no word of the catalog or of a language.
    fn add_brand_initials(&mut self, keys: &[String], f: u16, reserved: &FxHashSet<String>) {
        // Initials -> (the two words they stand for, the brands starting so).
        let mut by_initials: FxHashMap<String, (String, Vec<u32>, bool)> = FxHashMap::default();
        for (i, key) in keys.iter().enumerate() {
            let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
            let [first, second, ..] = words.as_slice() else {
                continue;
            };
            let alphabetic = |w: &str| w.len() >= 3 && w.bytes().all(|b| b.is_ascii_lowercase());
            if !alphabetic(first) || !alphabetic(second) {
                continue;
            }
            let initials: String = [first, second]
                .iter()
                .filter_map(|w| w.chars().next())
                .collect();
            let prefix = format!("{first} {second}");
            let entry = by_initials
                .entry(initials)
                .or_insert_with(|| (prefix.clone(), Vec::new(), true));
            if entry.0 == prefix {
                entry.1.push(i as u32);
            } else {
                entry.2 = false;
            }
        }
        for (initials, (_, ids, unique)) in by_initials {
            if unique
                && !reserved.contains(&initials)
                // Word lists hold abbreviations too ("ck" ranks ~18,000):
                // only the everyday words ("up", "me") are words here.
                && crate::language::word_rank(&initials).is_none_or(|rank| rank >= 3_000)
                && self.lookup(&phrase_words(&initials)).is_none()
            {
                self.add_facet(&initials, f, ids, false);
            }
        }
    }
}
