//! Where a catalog's titles put a product's colour, learned from its first
//! titles, so that a colour word that elsewhere names other things
//! ("orange", "gold", "khaki", "rust") is read as the colour where the
//! titles use it in the colour's place: "Roadster Men Orange Solid
//! T-shirt" is orange when this catalog's titles say "Men Black Solid …",
//! "Men Navy Blue Printed …". A catalog with a colour column learns the
//! same from its cells ([`super::color::ColourCells`]); this is for the
//! catalogs whose colours live in titles only.
//!
//! A word is a colour's place by the words around it: one that a certain
//! colour ("black", "preto") follows in at least [`SLOT_SHARE`] of the
//! titles that have it before another word ("Men" in Myntra's "Brand Men
//! Colour Type" titles), or one that follows a certain colour that often
//! ("Solid", "Printed"). An ambiguous colour word is a colour here when
//! most of its uses sit in such a place. Depends on [`super::color`] and
//! [`super::words`].

use super::words::TextWords;
use rustc_hash::{FxHashMap, FxHashSet};

/// The share of a word's uses (before or after another word) that must
/// touch a certain colour for the word to mark the colour's place.
const SLOT_SHARE: f64 = 0.3;
/// The fewest certain colours a word must touch to mark the place.
const SLOT_MIN: usize = 5;
/// The share of an ambiguous word's uses that must be in the colour's
/// place, and the fewest uses judged.
const WORD_SHARE: f64 = 0.6;
const WORD_MIN: usize = 3;

/// The ambiguous colour words a catalog's titles use as colours.
#[derive(Debug, Default)]
pub struct ColourSlots {
    words: FxHashSet<String>,
}

/// The words before and after one use of a word.
type Around<'k> = (Option<&'k str>, Option<&'k str>);

/// Uses of one word: how often, and how often next to a certain colour.
#[derive(Default)]
struct Uses {
    all: usize,
    by_colour: usize,
}

impl ColourSlots {
    /// Learns from `titles` (with the keys of each one's brand words, which
    /// are never colours).
    pub fn judge<'t>(titles: impl Iterator<Item = (&'t str, Vec<String>)>) -> Self {
        let titles: Vec<(TextWords<'t>, Vec<String>)> = titles
            .map(|(title, brand)| (TextWords::new(title), brand))
            .collect();
        // Word -> uses before a word / after a word.
        let mut before: FxHashMap<&str, Uses> = FxHashMap::default();
        let mut after: FxHashMap<&str, Uses> = FxHashMap::default();
        // Ambiguous colour word -> (prev, next) of each use.
        let mut ambiguous: FxHashMap<&str, Vec<Around<'_>>> = FxHashMap::default();
        for (words, brand) in &titles {
            let keys: Vec<&str> = words.keys.iter().map(String::as_str).collect();
            let colours = colours_of(&keys, brand);
            for (i, key) in keys.iter().enumerate() {
                let certain_at = |j: usize| colours.iter().any(|c| c.0 == j && !c.2);
                if i + 1 < keys.len() {
                    let u = before.entry(key).or_default();
                    u.all += 1;
                    u.by_colour += usize::from(certain_at(i + 1));
                }
                if i > 0 {
                    let u = after.entry(key).or_default();
                    u.all += 1;
                    // The word right after a colour phrase.
                    u.by_colour += usize::from(colours.iter().any(|c| !c.2 && c.0 + c.1 == i));
                }
            }
            for &(at, n, is_ambiguous) in &colours {
                if is_ambiguous && n == 1 {
                    let prev = at.checked_sub(1).map(|j| keys[j]);
                    let next = keys.get(at + n).copied();
                    ambiguous.entry(keys[at]).or_default().push((prev, next));
                }
            }
        }
        let is_colour = |k: &str| super::words::learn_words().colors.contains_key(k);
        let marks = |table: &FxHashMap<&str, Uses>, k: Option<&str>| {
            k.filter(|k| !is_colour(k))
                .and_then(|k| table.get(k))
                .is_some_and(|u| {
                    u.by_colour >= SLOT_MIN && u.by_colour as f64 >= SLOT_SHARE * u.all as f64
                })
        };
        let words = ambiguous
            .into_iter()
            .filter(|(_, uses)| {
                let placed = uses
                    .iter()
                    .filter(|(prev, next)| marks(&before, *prev) || marks(&after, *next))
                    .count();
                uses.len() >= WORD_MIN && placed as f64 >= WORD_SHARE * uses.len() as f64
            })
            .map(|(k, _)| k.to_string())
            .collect();
        ColourSlots { words }
    }

    /// True when this catalog's titles use the ambiguous colour word `key`
    /// as a colour.
    pub fn is_colour_word(&self, key: &str) -> bool {
        self.words.contains(key)
    }
}

/// The colour phrases of a title past its first word, not brand words:
/// (position, words, ambiguous).
fn colours_of(keys: &[&str], brand: &[String]) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut i = 1;
    while i < keys.len() {
        match super::color::colour_at(keys, i) {
            Some((_, n, ambiguous)) if !brand.iter().any(|b| b == keys[i]) => {
                out.push((i, n, ambiguous));
                i += n;
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judge(titles: &[&str]) -> ColourSlots {
        ColourSlots::judge(titles.iter().map(|t| (*t, Vec::new())))
    }

    #[test]
    fn an_ambiguous_colour_in_the_colours_place_is_a_colour() {
        let mut titles = vec![
            "Roadster Men Black Solid T-shirt",
            "HRX Men Navy Blue Printed T-shirt",
            "Puma Men White Solid Sneakers",
            "Nike Men Grey Running Shoes",
            "Roadster Men Red Checked Shirt",
            "Mast Men Green Solid Shirt",
            "Roadster Men Orange Solid T-shirt",
            "HRX Men Orange Printed T-shirt",
            "Puma Men Orange Sneakers",
            "Pepe Jeans Boys Khaki Chinos",
        ];
        let slots = judge(&titles);
        assert!(slots.is_colour_word("orange"));
        // Too few uses to judge.
        assert!(!slots.is_colour_word("khaki"));
        // Elsewhere, "orange" names a flavour: not in the colour's place.
        titles.extend([
            "Suco Sabor Orange Natural",
            "Juice Orange Natural 1L",
            "Bolo Orange Caseiro",
            "Chá Orange Verde",
        ]);
        assert!(!judge(&titles).is_colour_word("orange"));
    }

    #[test]
    fn without_certain_colours_in_the_titles_nothing_is_learned() {
        let slots = judge(&[
            "Suco Laranja 1L",
            "Geleia de Laranja",
            "Bolo Laranja Caseiro",
            "Chá Laranja e Canela",
        ]);
        assert!(!slots.is_colour_word("laranja"));
    }
}
