//! The lexicon: every phrase the shopper may use, built once per index
//! version from the catalog's vocabulary and the built-in vocabulary, and
//! the longest-match segmentation of a message into spans.
//!
//! Phrases are stored in a word trie (word ids, hash-map edges), so a
//! message is segmented with one hash lookup per word and per trie step.
//! Words unknown to the lexicon go through the [`TypoIndex`]. Built from a
//! catalog's vocabulary in [`catalog`]; the merchant's synonyms are applied
//! to it in [`synonyms`] (the file format itself is
//! [`crate::understand::synonyms`], which knows nothing of the lexicon).
//! Depends on the built-in vocabulary, typo matching, `model` and `text`;
//! knows nothing of sessions, tantivy or HTTP.

mod catalog;
mod synonyms;

use super::builtin::Marker;
use super::span::SlotRef;
use super::token::phrase_words;
use super::typo::{Candidate, TypoIndex};
use crate::model::{Lang, Slot};
use rustc_hash::{FxHashMap, FxHashSet};

/// One meaning of a phrase.
#[derive(Debug, Clone)]
pub(super) enum Meaning {
    /// Catalog values of one facet (indices into the facet's values).
    Facet {
        facet: u16,
        values: Vec<u32>,
        /// The values the phrase names literally (its own spelling), not
        /// through a built-in concept: they rank first.
        literal: Vec<u32>,
        /// Only when typed in capitals: a brand spelt like a common word ("ONLY", "AND").
        caps_only: bool,
    },
    /// A built-in concept of this facet with no value in the catalog.
    Absent {
        facet: u16,
    },
    /// A phrase kept together as words to search ("sem fio").
    Phrase(Box<str>),
    Marker(Marker),
    Slot(SlotRef),
    Stop,
}

/// One catalog facet as the lexicon sees it.
#[derive(Debug)]
pub(crate) struct FacetInfo {
    /// Its slot.
    pub slot: Slot,
    /// Its values as written in the catalog.
    pub values: Vec<String>,
    /// Rank among facets when one phrase names values of several.
    pub(super) rank: u8,
}

#[derive(Debug, Default, Clone)]
pub(super) struct WordInfo {
    pub(super) word: Box<str>,
    /// Number of products using the word (catalog terms).
    pub(super) count: u64,
    pub(super) builtin: bool,
    pub(super) stop: bool,
    pub(super) in_brand: bool,
    pub(super) in_other: bool,
    /// A word of one of the catalog's own facet values ("Gift Card",
    /// "Preto"), not only of a built-in concept reaching them.
    pub(super) literal: bool,
}

/// The message understander for one catalog: built once per index version
/// by [`Lexicon::new`], then shared (`Send + Sync`) by every session.
#[derive(Debug)]
pub struct Lexicon {
    pub(crate) facets: Vec<FacetInfo>,
    pub(super) words: FxHashMap<Box<str>, u32>,
    pub(super) info: Vec<WordInfo>,
    pub(super) edges: FxHashMap<(u32, u32), u32>,
    pub(super) node_entry: Vec<u32>,
    pub(super) entries: Vec<Vec<Meaning>>,
    sizes: FxHashMap<Box<str>, Vec<u32>>,
    /// Size names ("medium", "grande") -> the values of the size they name.
    size_names: FxHashMap<Box<str>, Vec<u32>>,
    size_facet: Option<u16>,
    pub(super) typo: TypoIndex,
    /// The language of the catalog's own words.
    pub(super) catalog_language: Lang,
    /// The catalog's multi-word types start with their head noun
    /// (Portuguese: "Medidor de Ração" is a medidor).
    pub(super) head_first: bool,
    /// What the merchant's synonyms added ([`synonyms`]).
    pub(super) synonyms: synonyms::Applied,
}

/// No entry at a trie node.
pub(super) const NONE: u32 = u32::MAX;

impl Lexicon {
    pub(super) fn word_id(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.words.get(w) {
            return id;
        }
        let id = self.info.len() as u32;
        self.words.insert(w.into(), id);
        self.info.push(WordInfo {
            word: w.into(),
            ..WordInfo::default()
        });
        id
    }

    /// Adds a phrase with a meaning; returns its entry index.
    pub(super) fn add(&mut self, words: &[String], meaning: Meaning) -> usize {
        let mut node = 0u32;
        for w in words {
            let id = self.word_id(w);
            node = match self.edges.get(&(node, id)) {
                Some(&n) => n,
                None => {
                    let n = self.node_entry.len() as u32;
                    self.node_entry.push(NONE);
                    self.edges.insert((node, id), n);
                    n
                }
            };
        }
        let slot = &mut self.node_entry[node as usize];
        if *slot == NONE {
            *slot = self.entries.len() as u32;
            self.entries.push(Vec::new());
        }
        let e = *slot as usize;
        let entry = &mut self.entries[e];
        match meaning {
            Meaning::Facet {
                facet,
                values,
                literal,
                caps_only,
            } => {
                let existing = entry.iter_mut().find_map(|m| match m {
                    Meaning::Facet {
                        facet: f,
                        values: v,
                        literal: l,
                        caps_only: c,
                    } if *f == facet && *c == caps_only => Some((v, l)),
                    _ => None,
                });
                let tidy = |v: &mut Vec<u32>| {
                    v.sort_unstable();
                    v.dedup();
                };
                match existing {
                    Some((v, l)) => {
                        v.extend(values);
                        l.extend(literal);
                        tidy(v);
                        tidy(l);
                    }
                    None => {
                        let (mut values, mut literal) = (values, literal);
                        tidy(&mut values);
                        tidy(&mut literal);
                        entry.push(Meaning::Facet {
                            facet,
                            values,
                            literal,
                            caps_only,
                        });
                    }
                }
            }
            Meaning::Stop => {
                if !entry.iter().any(|m| matches!(m, Meaning::Stop)) {
                    entry.push(Meaning::Stop);
                }
            }
            other => entry.push(other),
        }
        e
    }

    pub(super) fn add_builtin(&mut self, words: &[String], meaning: Meaning) {
        self.add(words, meaning);
        for w in words {
            let id = self.word_id(w);
            self.info[id as usize].builtin = true;
        }
    }

    /// Registers `key` as naming `values` of a facet literally.
    pub(super) fn add_facet(&mut self, key: &str, facet: u16, values: Vec<u32>, caps_only: bool) {
        let literal = values.clone();
        self.add_facet_meaning(key, facet, values, literal, caps_only);
        for w in key.split(' ').filter(|w| !w.is_empty()) {
            let id = self.word_id(w);
            self.info[id as usize].literal = true;
        }
    }

    /// True when `key` is a word of one of the catalog's own facet values:
    /// a product's name, in the store's language whatever language it
    /// comes from ("gift card", "air fryer" in a Brazilian store), so no
    /// evidence of the shopper's language.
    pub(crate) fn is_value_word(&self, key: &str) -> bool {
        self.words
            .get(key)
            .is_some_and(|&id| self.info[id as usize].literal)
    }

    /// True when `key` alone names a product type of the catalog and is a
    /// common word or a type name of no language other than the catalog's
    /// ("lavadora", "fone" in a Brazilian store; not "mouse" or "tv", nor
    /// "desodorante" in an English store).
    pub(crate) fn names_own_type(&self, key: &str) -> bool {
        let typed = self
            .lookup(&[key.to_string()])
            .and_then(|e| self.entries.get(e))
            .is_some_and(|meanings| {
                meanings.iter().any(|m| {
                    matches!(m, Meaning::Facet { facet, .. }
                        if self.facet(*facet).is_some_and(|f| f.slot == Slot::Type))
                })
            });
        typed
            && crate::language::common_in(key).all(|lang| lang == self.catalog_language)
            && crate::language::type_name_languages(key)
                .iter()
                .all(|lang| *lang == self.catalog_language)
    }

    fn add_facet_meaning(
        &mut self,
        key: &str,
        facet: u16,
        values: Vec<u32>,
        literal: Vec<u32>,
        caps_only: bool,
    ) {
        let ws: Vec<String> = key.split(' ').map(str::to_string).collect();
        if ws.iter().any(String::is_empty) || values.is_empty() {
            return;
        }
        self.add(
            &ws,
            Meaning::Facet {
                facet,
                values,
                literal,
                caps_only,
            },
        );
        self.mark_facet_words(&ws, facet);
    }

    /// Notes that `words` name values of `facet`, as a brand's words or
    /// another facet's: typo matching tells them apart ([`Candidate`]'s
    /// `brand_only`).
    pub(super) fn mark_facet_words(&mut self, words: &[String], facet: u16) {
        let brand = self
            .facets
            .get(facet as usize)
            .is_some_and(|f| f.slot == Slot::Brand);
        for w in words {
            let id = self.word_id(w);
            let info = &mut self.info[id as usize];
            if brand {
                info.in_brand = true;
            } else {
                info.in_other = true;
            }
        }
    }

    pub(super) fn add_concept(&mut self, phrase: &str, facet: u16, values: Vec<u32>) {
        let key = phrase_words(phrase).join(" ");
        if key.is_empty() {
            return;
        }
        if values.is_empty() {
            let words: Vec<String> = key.split(' ').map(str::to_string).collect();
            self.add(&words, Meaning::Absent { facet });
        } else {
            // Reached through the concept: literal only where the values'
            // own phrases say so.
            self.add_facet_meaning(&key, facet, values, Vec::new(), false);
        }
        for w in key.split(' ') {
            let id = self.word_id(w);
            self.info[id as usize].builtin = true;
        }
    }

    /// Registers each value under its own key. Brands spelt like a function
    /// word only match when typed in capitals; other facets skip such values.
    pub(super) fn add_literals(
        &mut self,
        keys: &[String],
        f: u16,
        reserved: &FxHashSet<String>,
        brand: bool,
    ) {
        // Brands by key, to find a brand's sub-brands: "Logitech G" and
        // "Logitech" are one maker's, and a shopper saying "logitech" means
        // both ("Calvin Klein" and "Calvin Klein Jeans").
        let mut sorted: Vec<(&str, u32)> = Vec::new();
        if brand {
            sorted = keys
                .iter()
                .enumerate()
                .map(|(i, k)| (k.as_str(), i as u32))
                .collect();
            sorted.sort_unstable();
        }
        for (i, k) in keys.iter().enumerate() {
            if k.is_empty() {
                continue;
            }
            if reserved.contains(k) {
                if brand {
                    self.add_facet(k, f, vec![i as u32], true);
                }
                continue;
            }
            // A brand of one or two letters that is also a common word, a
            // unit or a function word ("W", "Mi") is said in capitals; one
            // that is none ("lg", "hp") is the brand however written.
            let short = brand
                && k.chars().filter(|c| c.is_alphanumeric()).count() <= 2
                && spelt_like_a_word(k);
            let prefix = format!("{k} ");
            let from = sorted.partition_point(|(key, _)| *key < prefix.as_str());
            let subs: Vec<u32> = sorted[from..]
                .iter()
                .take_while(|(key, _)| key.starts_with(&prefix))
                .map(|&(_, j)| j)
                .collect();
            if subs.is_empty() {
                self.add_facet(k, f, vec![i as u32], short);
            } else {
                let mut values = vec![i as u32];
                values.extend(subs);
                self.add_facet_meaning(k, f, values, vec![i as u32], short);
                for w in k.split(' ').filter(|w| !w.is_empty()) {
                    let id = self.word_id(w);
                    self.info[id as usize].literal = true;
                }
            }
        }
    }

    pub(super) fn lookup(&self, words: &[String]) -> Option<usize> {
        let mut node = 0u32;
        for w in words {
            let id = *self.words.get(w.as_str())?;
            node = *self.edges.get(&(node, id))?;
        }
        let e = *self.node_entry.get(node as usize)?;
        (e != NONE).then_some(e as usize)
    }

    pub(super) fn build_typo_index(&mut self) {
        // words that lead somewhere: part of a phrase, or a catalog term
        let mut useful = vec![false; self.info.len()];
        for &(_, id) in self.edges.keys() {
            if let Some(u) = useful.get_mut(id as usize) {
                *u = true;
            }
        }
        let info = &self.info;
        let typo = TypoIndex::new(info.iter().enumerate().filter_map(|(id, w)| {
            let keep = !w.stop && (useful[id] || w.count > 0);
            keep.then_some(Candidate {
                word: &w.word,
                id: id as u32,
                count: w.count,
                builtin: w.builtin,
                brand_only: w.in_brand && !w.in_other && !w.builtin && w.count == 0,
            })
        }));
        self.typo = typo;
    }

    /// The language of the catalog's words.
    pub fn catalog_language(&self) -> Lang {
        self.catalog_language
    }

    /// Catalog values of a size key ("42", "m", "xl").
    pub(crate) fn size_values(&self, key: &str) -> Option<(u16, &[u32])> {
        let f = self.size_facet?;
        self.sizes.get(key).map(|v| (f, v.as_slice()))
    }

    /// Catalog values of a size name ("medium" -> "M").
    pub(crate) fn size_name_values(&self, key: &str) -> Option<(u16, &[u32])> {
        let f = self.size_facet?;
        self.size_names.get(key).map(|v| (f, v.as_slice()))
    }

    /// The facet at index `f`.
    pub(crate) fn facet(&self, f: u16) -> Option<&FacetInfo> {
        self.facets.get(f as usize)
    }

    /// True when `key` is a catalog term (for free text).
    pub(crate) fn term(&self, key: &str) -> Option<&str> {
        let id = *self.words.get(key)?;
        let info = self.info.get(id as usize)?;
        (info.count > 0 && !info.stop).then_some(&*info.word)
    }

    /// How many titles use `key`, a word that is no stop word (0 for a stop
    /// word): what the rewriting passes weigh a word of a message by.
    pub(in crate::understand) fn content_count(&self, key: &str) -> u64 {
        self.words
            .get(key)
            .and_then(|&id| self.info.get(id as usize))
            .filter(|i| !i.stop)
            .map_or(0, |i| i.count)
    }

    /// Number of products whose titles use the word `key` (0 when none).
    pub(crate) fn term_count(&self, key: &str) -> u64 {
        self.words
            .get(key)
            .and_then(|&id| self.info.get(id as usize))
            .map_or(0, |info| info.count)
    }

    /// True when `key` is a word of the catalog's titles, function words
    /// included ("pro" of "iPhone 15 Pro", which is "para o" too).
    pub(crate) fn in_titles(&self, key: &str) -> bool {
        self.words
            .get(key)
            .and_then(|&id| self.info.get(id as usize))
            .is_some_and(|info| info.count > 0)
    }
}

/// Rank in a language's word list under which a short brand ("W") reads
/// as the word, not the brand, unless written in capitals.
const COMMON_SHORT_WORD: u32 = 3_000;

/// True when a brand's short key is spelt like something else a shopper
/// writes: a common word of some language, a unit of measure, a function
/// word or a number.
fn spelt_like_a_word(key: &str) -> bool {
    key.bytes().all(|b| b.is_ascii_digit())
        || crate::language::units::unit(key).is_some()
        || crate::language::is_function_word(key)
        || crate::model::Lang::ALL
            .into_iter()
            .any(|lang| crate::language::rank(lang, key).is_some_and(|r| r < COMMON_SHORT_WORD))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_is_shareable() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Lexicon>();
    }
}
