//! The same word in the other language: the hand-written `[translations]`
//! of each language file, its materials, and the product nouns of Google's
//! product taxonomy ([`super::taxonomy`]), looked up both ways.

use super::every;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// The same word in the other languages' files ("gato" for "cats",
/// "wireless" for "sem fio", "mesa de centro" for "coffee table"), folded:
/// candidates that callers keep where their catalog uses them.
pub fn translations(word: &str) -> Vec<String> {
    tables()
        .all
        .get(&crate::text::key(word))
        .cloned()
        .unwrap_or_default()
}

/// The [`translations`] of the language files alone, without the
/// taxonomy's nouns: for a word the catalog's own titles use, whose
/// taxonomy names are other things there ("coffee" is no "Café
/// furniture"), while the files' words still meet their synonyms
/// ("cachorro" and "cão").
pub fn hand_translations(word: &str) -> Vec<String> {
    tables()
        .hand
        .get(&crate::text::key(word))
        .cloned()
        .unwrap_or_default()
}

/// True when the language files translate `word` (a qualifier, material
/// or everyday noun of titles: "check", "double", "leather"): a word of
/// the product, never a brand's name.
pub fn is_hand_translated(word: &str) -> bool {
    tables().hand.contains_key(&crate::text::key(word))
}

/// The translations: of the language files, and with the taxonomy's.
struct Tables {
    hand: FxHashMap<String, Vec<String>>,
    all: FxHashMap<String, Vec<String>>,
}

/// Every translation both ways, built once.
fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut table: FxHashMap<String, Vec<String>> = Default::default();
        let link = |table: &mut FxHashMap<String, Vec<String>>, a: String, b: String| {
            if a != b {
                table.entry(a.clone()).or_default().push(b.clone());
                table.entry(b).or_default().push(a);
            }
        };
        for (_, d) in every() {
            for (native, english) in &d.translations {
                let native = crate::text::key(native);
                for e in english {
                    link(&mut table, native.clone(), crate::text::key(e));
                }
            }
            // A material is a word of titles where the catalog has no
            // material column: "camiseta de algodão" finds "Cotton".
            for (concept, names) in &d.materials {
                let english = crate::text::key(&concept.replace('_', " "));
                for name in names {
                    link(&mut table, crate::text::key(name), english.clone());
                }
            }
        }
        // Words of one language meeting through their English ("cachorro"
        // and "cães" both "dog") translate each other too.
        let direct = table.clone();
        for (word, others) in table.iter_mut() {
            for other in direct.get(word).into_iter().flatten() {
                for via in direct.get(other).into_iter().flatten() {
                    if via != word {
                        others.push(via.clone());
                    }
                }
            }
        }
        // The taxonomy's nouns, where the hand-written words say nothing of
        // either side: a word the files translate keeps their meaning
        // ("grande" is large, whatever a category calls "grande"), and no
        // word meets another through the taxonomy's English ("crib" and
        // "bassinet" are both "berço", not each other).
        let mut sorted = table.clone();
        for others in sorted.values_mut() {
            others.sort();
            others.dedup();
        }
        let hand_table = sorted;
        let hand: FxHashSet<String> = direct.keys().cloned().collect();
        for (portuguese, english) in super::taxonomy::pairs() {
            if hand.contains(portuguese) {
                continue;
            }
            for e in english.iter().filter(|e| !hand.contains(*e)) {
                link(&mut table, portuguese.clone(), e.clone());
            }
        }
        for others in table.values_mut() {
            others.sort();
            others.dedup();
        }
        Tables {
            hand: hand_table,
            all: table,
        }
    })
}

/// The other regional spellings of `word` (lowercase) in every language
/// file: "analog" for "analogue", "colour" for "color". A candidate may
/// be no word at all ("doour"); callers keep those their catalog has.
pub fn spellings(word: &str) -> Vec<String> {
    let word = word.to_lowercase();
    let mut out: Vec<String> = Vec::new();
    for (_, d) in every() {
        for (a, b) in &d.spellings.words {
            for (from, to) in [(a, b), (b, a)] {
                if *from == word {
                    out.push(to.clone());
                }
            }
        }
        for (a, b) in &d.spellings.endings {
            for (from, to) in [(a, b), (b, a)] {
                // At least three letters stay before the ending.
                if let Some(stem) = word.strip_suffix(from.as_str())
                    && stem.chars().count() >= 3
                {
                    out.push(format!("{stem}{to}"));
                }
            }
        }
    }
    out.retain(|v| *v != word);
    out.sort();
    out.dedup();
    out
}

/// The title words that imply `word` in any language's `[implied_by]`,
/// for the word and for its translations ("sem fio" -> wireless ->
/// "bluetooth").
pub fn implied_by(word: &str) -> Vec<String> {
    static TABLE: OnceLock<rustc_hash::FxHashMap<String, Vec<String>>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table: rustc_hash::FxHashMap<String, Vec<String>> = Default::default();
        for (_, d) in every() {
            for (implied, by) in &d.implied_by {
                table
                    .entry(crate::text::key(implied))
                    .or_default()
                    .extend(by.iter().map(|b| crate::text::key(b)));
            }
        }
        table
    });
    let key = crate::text::key(word);
    let mut out: Vec<String> = std::iter::once(key)
        .chain(translations(word))
        .filter_map(|w| table.get(&w))
        .flatten()
        .cloned()
        .collect();
    out.sort();
    out.dedup();
    out
}
