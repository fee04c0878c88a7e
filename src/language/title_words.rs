//! What the language files say of title words beyond their meaning: the
//! qualities of a product (never a brand), the denials written after a
//! word ("Sulfate Free"), and a store's promotion and calendar categories.

use super::{every, is_function_word, is_hand_translated};
use std::sync::OnceLock;

/// True when the language files read `word` as a quality of a product: a
/// word they translate ([`super::is_hand_translated`]), a title word implying
/// another ("bluetooth": wireless) or a colour's modifier ("dark").
pub fn is_quality_word(word: &str) -> bool {
    let key = crate::text::key(word);
    is_hand_translated(&key)
        || every().any(|(_, d)| {
            d.color_modifiers.contains(&key) || d.implied_by.values().any(|by| by.contains(&key))
        })
}

/// True when `text` (a category level) names a promotion or a date in
/// some language's `[titles] merchandising` words ("Just Arrived",
/// "Specialbuys", "Sunday 22nd May", "Ofertas da Semana"): every word is
/// one of them, a number or a function word, one at least theirs.
pub fn is_merchandising(text: &str) -> bool {
    static WORDS: OnceLock<rustc_hash::FxHashSet<String>> = OnceLock::new();
    let set = WORDS.get_or_init(|| {
        every()
            .flat_map(|(_, d)| d.titles.merchandising.iter().map(|w| crate::text::key(w)))
            .collect()
    });
    let words = crate::text::words(text);
    let theirs = |w: &String| set.contains(w);
    words.iter().any(theirs)
        && words.iter().all(|w| {
            theirs(w) || is_function_word(w) || w.chars().next().is_some_and(|c| c.is_ascii_digit())
        })
}

/// True when `word` says, in some language, that a product lacks what the
/// word before it names ("free" of "Sulfate Free"; `[titles]
/// negators_after`).
pub fn denies_before(word: &str) -> bool {
    let key = crate::text::key(word);
    every().any(|(_, d)| d.titles.negators_after.contains(&key))
}
