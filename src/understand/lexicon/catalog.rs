//! Building the lexicon of one catalog ([`Lexicon::for_catalog`]): the
//! built-in vocabulary of its language first (function words, phrases,
//! markers, slot names), then every value of every facet of the catalog's
//! vocabulary with the built-in concepts that reach it (colour families,
//! audiences, product types and their variants), then the catalog's own
//! words. Depends on the built-in vocabulary, concepts, the vocabulary type
//! of `index` (data only), `model` and `text`.

use super::{FacetInfo, Lexicon, Meaning, NONE};
use crate::index::Vocabulary;
use crate::model::{Lang, Slot, facet};
use crate::text;
use crate::understand::builtin::{SlotName, builtin};
use crate::understand::concept::type_variants;
use crate::understand::span::SlotRef;
use crate::understand::token::phrase_words;
use crate::understand::typo::TypoIndex;
use rustc_hash::{FxHashMap, FxHashSet};

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
            size_names: FxHashMap::default(),
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
        // The taxonomy's Portuguese product nouns are phrases for a store in
        // another language ("mesa de centro" is no "mesa" with "centro"
        // there); a Portuguese store's own types and words read them
        // ("escova de dente elétrica": the toothbrushes, electric).
        let taxonomy: FxHashSet<&str> = if lang == Lang::Pt {
            crate::language::taxonomy::phrases().collect()
        } else {
            FxHashSet::default()
        };
        // A product type of the catalog is read as its type, not as words
        // ("protetor solar" in a store that sells sunscreen).
        let types: FxHashSet<String> = vocab
            .values(facet::TYPE)
            .iter()
            .map(|v| text::key(&v.value))
            .collect();
        for p in &b.attribute_phrases {
            let ws = phrase_words(p);
            let key = ws.join(" ");
            if taxonomy.contains(key.as_str()) || types.contains(&key) {
                continue;
            }
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
                        // A size named by a word more titles use than
                        // products have the size ("Twin" of two crawled
                        // specifications, "twin" in eight titles of twin
                        // bedding) is that word: the size would hide the
                        // others. Said next to "size", it is the size.
                        let products = values.get(i).map_or(0, |v| v.count);
                        if k.len() >= 3
                            && k.bytes().all(|b| b.is_ascii_alphabetic())
                            && lx.content_count(k) > products
                        {
                            // Still the size next to "size" ("size medium").
                            lx.size_names
                                .entry(k.as_str().into())
                                .or_default()
                                .push(i as u32);
                            continue;
                        }
                        lx.sizes
                            .entry(k.as_str().into())
                            .or_default()
                            .push(i as u32);
                        // "1 litre" is the size "100cl" too, where the
                        // catalog has it in no unit of its own.
                        for other in crate::language::units::other_units(k) {
                            if !keys.contains(&other) {
                                lx.sizes.entry(other.into()).or_default().push(i as u32);
                            }
                        }
                        if k.contains(' ') && !reserved.contains(k) {
                            lx.add_facet(k, f, vec![i as u32], false);
                        }
                    }
                    // Sizes by name, for the sizes the catalog lists: one
                    // word ("medium") next to "size" only, a phrase
                    // ("extra large") anywhere.
                    for (_, d) in crate::language::every() {
                        for (size, names) in &d.size_names {
                            let Some(values) = lx.sizes.get(text::key(size).as_str()).cloned()
                            else {
                                continue;
                            };
                            for name in names {
                                let key = text::key(name);
                                if key.contains(' ') {
                                    if !reserved.contains(&key) {
                                        lx.add_facet(&key, f, values.clone(), false);
                                    }
                                } else if !key.is_empty() {
                                    lx.size_names.insert(key.into(), values.clone());
                                }
                            }
                        }
                    }
                }
                facet::COLOR => {
                    lx.add_literals(&keys, f, &reserved, false);
                    // "Off White" is also written "offwhite", "off-white".
                    for (i, k) in keys.iter().enumerate() {
                        let compact = k.replace(' ', "");
                        if compact != *k && !reserved.contains(&compact) && !keys.contains(&compact)
                        {
                            lx.add_facet(&compact, f, vec![i as u32], false);
                        }
                    }
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
                        // A word the titles use more often than as the type
                        // of the few products it was learned from is the
                        // word, not that type: "Porte Pequeno" in hundreds
                        // of titles, "Pequeno Príncipe" a type once; "RGB"
                        // in 800 titles, the type of three kits; "OLED" in
                        // a hundred, one "Gear OLED" bundle's.
                        let products = values.get(i).map_or(0, |v| v.count);
                        let mostly_a_word = |word: &str| lx.mostly_a_word(word, products);
                        if mostly_a_word(k) {
                            lx.mark_literal(k);
                            continue;
                        }
                        let variants: Vec<String> = type_variants(k, lx.head_first)
                            .into_iter()
                            .filter(|v| !reserved.contains(v) && (v == k || !mostly_a_word(v)))
                            .collect();
                        for v in variants {
                            lx.add_facet(&v, f, vec![i as u32], false);
                        }
                    }
                    let counts: Vec<u64> = values.iter().map(|v| v.count).collect();
                    // "T-shirts & Polos", "Bags, Wallets": several kinds.
                    let grouping: Vec<bool> = values
                        .iter()
                        .map(|v| crate::language::noun::names_several(&v.value))
                        .collect();
                    lx.add_types(&keys, &counts, &grouping, f, &reserved);
                }
                facet::MATERIAL => {
                    lx.add_literals(&keys, f, &reserved, false);
                    // Where most products name no material, a material none
                    // names is a word of titles and descriptions ("fleece
                    // jacket"), not a material the store lacks.
                    let named: u64 = values.iter().map(|v| v.count).sum();
                    let most = named.saturating_mul(2) >= vocab.product_count;
                    lx.add_materials(&keys, f, most);
                }
                facet::BRAND => {
                    // A brand cell whose name far more titles of other
                    // brands use than it has products is a word of those
                    // titles, not the brand of a few: the generic drug a
                    // pharmacy's scrape put in its brand column
                    // ("Dipirona": 2 products; "dipirona" in 98 titles of
                    // other makers). Titles of brandless products naming
                    // it are its ("Generic" cells of Electrolux fryers).
                    let elsewhere: rustc_hash::FxHashMap<&str, u64> = vocab
                        .other_brands_titles
                        .iter()
                        .map(|t| (t.value.as_str(), t.count))
                        .collect();
                    let elsewhere = |w: &str| elsewhere.get(w).copied().unwrap_or(0);
                    let keys: Vec<String> = keys
                        .iter()
                        .zip(values)
                        .map(
                            |(k, v)| match Lexicon::brand_mostly_a_word(k, v.count, &elsewhere) {
                                true => {
                                    lx.mark_literal(k);
                                    String::new()
                                }
                                false => k.clone(),
                            },
                        )
                        .collect();
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
                    // A value of alternatives ("Suave/Doce", "Meio
                    // Seco/Demi-Sec") is reached by each of them.
                    for (i, v) in values.iter().enumerate() {
                        let parts: Vec<String> = v
                            .value
                            .split('/')
                            .map(crate::text::key)
                            .filter(|p| p.len() >= 3 && p.bytes().any(|b| b.is_ascii_alphabetic()))
                            .collect();
                        if parts.len() < 2 || keys.get(i).is_none_or(String::is_empty) {
                            continue;
                        }
                        for part in parts {
                            if !reserved.contains(&part) && !keys.contains(&part) {
                                lx.add_facet(&part, f, vec![i as u32], false);
                            }
                        }
                    }
                    // A country column's "Chile" is also "chileno", "chilean".
                    for (i, k) in keys.iter().enumerate() {
                        for name in crate::language::origins::other_names(k) {
                            if !reserved.contains(&name) && !keys.contains(&name) {
                                lx.add_facet(&name, f, vec![i as u32], false);
                            }
                        }
                    }
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
    fn a_brand_family_by_its_initials() {
        let brands: &[&str] = &[
            "Calvin Klein",
            "Calvin Klein Jeans",
            "Tommy Hilfiger",
            "Ted Hampton",
            "Under Pressure",
        ];
        let lx = Lexicon::new(&vocab(&[("brand", brands), ("type", &["Jeans"])], &[]));
        let brand_of = |m: &str| match lx.understand(m, Lang::En).ops.first() {
            Some(Op::Set(Slot::Brand, values)) => values.clone(),
            other => panic!("{m}: {other:?}"),
        };
        let mut ck = brand_of("ck jeans");
        ck.sort();
        assert_eq!(ck, vec!["Calvin Klein", "Calvin Klein Jeans"]);
        // Two brands start with "t h": no initials; "up" is a word.
        for m in ["th", "up"] {
            assert!(
                !lx.understand(m, Lang::En)
                    .ops
                    .iter()
                    .any(|op| matches!(op, Op::Set(Slot::Brand, _))),
                "{m}"
            );
        }
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
