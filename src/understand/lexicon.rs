//! The lexicon: every phrase the shopper may use, built once per index
//! version from the catalog's vocabulary and the built-in vocabulary, and
//! the longest-match segmentation of a message into spans.
//!
//! Phrases are stored in a word trie (word ids, hash-map edges), so a
//! message is segmented with one hash lookup per word and per trie step.
//! Words unknown to the lexicon go through the [`TypoIndex`].

use super::builtin::{Marker, SlotName, builtin};
use super::concept::type_variants;
use super::span::SlotRef;
use super::typo::{Candidate, TypoIndex};
use crate::index::Vocabulary;
use crate::model::{Lang, Slot, facet};
use crate::text;
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
    size_facet: Option<u16>,
    pub(super) typo: TypoIndex,
    /// The language of the catalog's own words.
    pub(super) catalog_language: Lang,
    /// The catalog's multi-word types start with their head noun
    /// (Portuguese: "Medidor de Ração" is a medidor).
    pub(super) head_first: bool,
    /// What the merchant's synonyms added ([`super::synonyms`]).
    pub(super) synonyms: super::synonyms::Applied,
}

/// No entry at a trie node.
pub(super) const NONE: u32 = u32::MAX;

/// The words of a built-in phrase, normalised like messages are.
pub(super) fn phrase_words(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in phrase.split_whitespace() {
        if piece.chars().all(|c| !c.is_alphanumeric()) {
            out.push(piece.to_string());
        } else {
            out.extend(text::words(piece));
        }
    }
    out
}

fn facet_rank(name: &str) -> u8 {
    match name {
        facet::TYPE => 0,
        facet::COLOR => 1,
        facet::GENDER => 2,
        facet::BRAND => 3,
        facet::MATERIAL => 4,
        facet::SIZE => 6,
        _ => 5,
    }
}

impl Lexicon {
    /// Builds the lexicon for a catalog's vocabulary.
    pub fn new(vocab: &Vocabulary) -> Lexicon {
        Lexicon::for_catalog(vocab, Lang::En)
    }

    /// Builds the lexicon of a catalog written in `lang`: its words speak
    /// for that language when a message shows no other, and its multi-word
    /// types are read the way the language builds them (Portuguese types
    /// start with their head noun).
    pub fn for_catalog(vocab: &Vocabulary, lang: Lang) -> Lexicon {
        let mut lx = Lexicon {
            facets: Vec::new(),
            words: FxHashMap::default(),
            info: Vec::new(),
            edges: FxHashMap::default(),
            node_entry: vec![NONE],
            entries: Vec::new(),
            sizes: FxHashMap::default(),
            size_facet: None,
            typo: TypoIndex::default(),
            catalog_language: lang,
            head_first: lang == Lang::Pt,
            synonyms: Default::default(),
        };
        // built-in function words
        let mut reserved: FxHashSet<String> = FxHashSet::default();
        let b = builtin();
        for w in &b.stop_words {
            let ws = phrase_words(w);
            reserved.insert(ws.join(" "));
            let id = lx.add(&ws, Meaning::Stop);
            let _ = id;
            for w in &ws {
                let id = lx.word_id(w);
                lx.info[id as usize].stop = ws.len() == 1;
            }
        }
        for p in &b.attribute_phrases {
            let ws = phrase_words(p);
            let key: Box<str> = ws.join(" ").into();
            reserved.insert(key.to_string());
            lx.add_builtin(&ws, Meaning::Phrase(key));
        }
        for &(p, m) in &b.markers {
            let ws = phrase_words(p);
            reserved.insert(ws.join(" "));
            lx.add_builtin(&ws, Meaning::Marker(m));
        }
        for &(p, s) in &b.slot_names {
            let ws = phrase_words(p);
            reserved.insert(ws.join(" "));
            let slot = match s {
                SlotName::Facet(f) => SlotRef::Slot(Slot::from_facet(f)),
                SlotName::Price => SlotRef::Price,
            };
            lx.add_builtin(&ws, Meaning::Slot(slot));
        }
        for &(p, _) in &b.audience_words {
            reserved.insert(phrase_words(p).join(" "));
        }
        // every built-in concept word is known, resolved or not, so it is
        // never "corrected" into something else
        for names in b.types.iter().map(|(_, n)| n).chain(&b.materials) {
            for p in names {
                for w in phrase_words(p) {
                    lx.word_id(&w);
                }
            }
        }
        for (names, members) in &b.colors {
            for p in names.iter().chain(members.iter()) {
                for w in phrase_words(p) {
                    lx.word_id(&w);
                }
            }
        }
        for &(p, _) in &b.audience_words {
            for w in phrase_words(p) {
                lx.word_id(&w);
            }
        }

        // catalog terms
        for t in &vocab.terms {
            let key = text::key(&t.value);
            if key.is_empty() || key.contains(' ') {
                continue;
            }
            let id = lx.word_id(&key);
            let info = &mut lx.info[id as usize];
            info.count = info.count.max(t.count);
        }

        // catalog facets
        for (name, values) in &vocab.facets {
            let f = lx.facets.len() as u16;
            let slot = Slot::from_facet(name);
            lx.facets.push(FacetInfo {
                slot: slot.clone(),
                values: values.iter().map(|v| v.value.trim().to_string()).collect(),
                rank: facet_rank(name),
            });
            let keys: Vec<String> = values.iter().map(|v| text::key(&v.value)).collect();
            // "Ar-Condicionado" is also said "ar condicionado", "Placa-Mãe"
            // "placa mae": a value joined by hyphens is reachable by its words.
            if name != facet::SIZE {
                for (i, v) in values.iter().enumerate() {
                    if v.value.contains('-') {
                        let spaced = text::key(&v.value.replace('-', " "));
                        if spaced != keys[i] && !spaced.is_empty() && !reserved.contains(&spaced) {
                            lx.add_facet(&spaced, f, vec![i as u32], false);
                        }
                    }
                }
            }
            match name.as_str() {
                facet::SIZE => {
                    lx.size_facet = Some(f);
                    for (i, k) in keys.iter().enumerate() {
                        if k.is_empty() {
                            continue;
                        }
                        lx.sizes
                            .entry(k.as_str().into())
                            .or_default()
                            .push(i as u32);
                        if k.contains(' ') && !reserved.contains(k) {
                            lx.add_facet(k, f, vec![i as u32], false);
                        }
                    }
                }
                facet::COLOR => {
                    lx.add_literals(&keys, f, &reserved, false);
                    lx.add_colors(&keys, f);
                    // "light", "escuro" qualify a colour the facet handles.
                    for m in &b.color_modifiers {
                        lx.add(std::slice::from_ref(m), Meaning::Stop);
                    }
                }
                facet::GENDER => {
                    lx.add_literals(&keys, f, &reserved, false);
                    lx.add_audiences(&keys, f);
                }
                facet::TYPE => {
                    for (i, k) in keys.iter().enumerate() {
                        for v in type_variants(k, lx.head_first) {
                            if !reserved.contains(&v) {
                                lx.add_facet(&v, f, vec![i as u32], false);
                            }
                        }
                    }
                    lx.add_types(&keys, f, &reserved);
                }
                facet::MATERIAL => {
                    lx.add_literals(&keys, f, &reserved, false);
                    lx.add_materials(&keys, f);
                }
                facet::BRAND => {
                    lx.add_literals(&keys, f, &reserved, true);
                    lx.add_brand_spellings(values, &keys, f, &reserved);
                }
                _ => {
                    let ws = phrase_words(name);
                    if !ws.is_empty() && !reserved.contains(&ws.join(" ")) {
                        lx.add(&ws, Meaning::Slot(SlotRef::Slot(slot.clone())));
                    }
                    let keys: Vec<String> = keys
                        .into_iter()
                        .map(|k| {
                            if k.len() < 3 || k.bytes().all(|b| b.is_ascii_digit() || b == b' ') {
                                String::new()
                            } else {
                                k
                            }
                        })
                        .collect();
                    lx.add_literals(&keys, f, &reserved, false);
                }
            }
        }
        if let Some(b) = lx.facets.iter().position(|fi| fi.slot == Slot::Brand) {
            lx.add_brand_prefixes(vocab, b as u16, &reserved);
        }
        // most relevant facet first in every entry
        let ranks: Vec<u8> = lx.facets.iter().map(|f| f.rank).collect();
        for entry in &mut lx.entries {
            entry.sort_by_key(|m| match m {
                Meaning::Facet { facet, .. } => ranks.get(*facet as usize).copied().unwrap_or(9),
                Meaning::Marker(_) => 10,
                Meaning::Absent { .. } => 9,
                Meaning::Phrase(_) => 9,
                Meaning::Slot(_) => 11,
                Meaning::Stop => 12,
            });
        }
        lx.build_typo_index();
        lx
    }

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
        let brand = self
            .facets
            .get(facet as usize)
            .is_some_and(|f| f.slot == Slot::Brand);
        self.add(
            &ws,
            Meaning::Facet {
                facet,
                values,
                literal,
                caps_only,
            },
        );
        for w in &ws {
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
            // A brand of one or two letters ("W", "HM") is said in capitals.
            let short = brand && k.chars().filter(|c| c.is_alphanumeric()).count() <= 2;
            self.add_facet(k, f, vec![i as u32], short);
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::FacetValue;
    use crate::model::Lang;
    use crate::understand::Op;

    fn vocab(facets: &[(&str, &[&str])], terms: &[&str]) -> Vocabulary {
        let mut v = Vocabulary::default();
        for (name, values) in facets {
            v.facets.insert(
                name.to_string(),
                values
                    .iter()
                    .map(|x| FacetValue {
                        value: x.to_string(),
                        count: 10,
                    })
                    .collect(),
            );
        }
        v.terms = terms
            .iter()
            .map(|t| FacetValue {
                value: t.to_string(),
                count: 5,
            })
            .collect();
        v
    }

    #[test]
    fn lexicon_is_shareable() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Lexicon>();
    }

    #[test]
    fn concepts_map_only_onto_existing_values() {
        let lx = Lexicon::new(&vocab(&[("color", &["Preto", "Azul Claro"])], &[]));
        let u = lx.understand("black or light blue or red", Lang::En);
        // Nothing is red in this catalog: "red" stays asked for (it matches
        // nothing), so an answer can say so instead of ignoring it.
        assert_eq!(
            u.ops,
            vec![Op::Set(
                Slot::Color,
                vec!["Preto".into(), "Azul Claro".into(), "red".into()]
            )]
        );
    }

    #[test]
    fn a_kind_of_bag_does_not_bring_the_other_bags_but_bags_bring_it() {
        let types: &[&str] = &["Bags", "Handbags", "Laptop Bags", "Travel Bags"];
        let lx = Lexicon::new(&vocab(&[("type", types)], &[]));
        let types_of = |message: &str| match lx.understand(message, Lang::En).ops.as_slice() {
            [Op::Set(Slot::Type, values)] => {
                let mut values = values.clone();
                values.sort();
                values
            }
            other => panic!("{message}: {other:?}"),
        };
        assert_eq!(types_of("handbags"), vec!["Handbags".to_string()]);
        assert_eq!(types_of("purse"), vec!["Handbags".to_string()]);
        // Handbags are bags: "bags" reaches them (they rank after the
        // values named literally).
        assert_eq!(
            types_of("bags"),
            vec![
                "Bags".to_string(),
                "Handbags".into(),
                "Laptop Bags".into(),
                "Travel Bags".into()
            ]
        );
        assert_eq!(types_of("bolsas"), types_of("bags"));
        // A store without handbags: "handbags" means its bags, not nothing.
        let lx = Lexicon::new(&vocab(&[("type", &["Bag", "Sling Bag", "Wallet"])], &[]));
        match lx.understand("handbags", Lang::En).ops.as_slice() {
            [Op::Set(Slot::Type, values)] => {
                assert_eq!(values, &vec!["Bag".to_string(), "Sling Bag".into()]);
            }
            other => panic!("handbags: {other:?}"),
        }
    }

    #[test]
    fn unresolved_concepts_fall_back_to_catalog_text() {
        let lx = Lexicon::new(&vocab(&[], &["red", "hoodie"]));
        let u = lx.understand("red hoodie", Lang::En);
        assert_eq!(
            u.ops,
            vec![Op::Text("red".into()), Op::Text("hoodie".into())]
        );
    }

    #[test]
    fn brands_spelt_like_function_words_need_capitals() {
        let lx = Lexicon::new(&vocab(&[("brand", &["AND", "Next"])], &[]));
        // This catalog has no product types: "dresses" must be in the title.
        assert_eq!(
            lx.understand("AND dresses", Lang::En).ops,
            vec![
                Op::Set(Slot::Brand, vec!["AND".into()]),
                Op::Text("dresses".into())
            ]
        );
        assert_eq!(lx.understand("next", Lang::En).ops, vec![Op::More]);
        // Not the brand AND; colours this catalog cannot filter on are words.
        assert_eq!(
            lx.understand("black and white", Lang::En).ops,
            vec![Op::Text("black".into()), Op::Text("white".into())]
        );
    }
}
