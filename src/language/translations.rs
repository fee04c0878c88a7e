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
    table()
        .get(&crate::text::key(word))
        .cloned()
        .unwrap_or_default()
}

/// Every translation both ways, built once.
fn table() -> &'static FxHashMap<String, Vec<String>> {
    static TABLE: OnceLock<FxHashMap<String, Vec<String>>> = OnceLock::new();
    TABLE.get_or_init(|| {
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
        table
    })
}
