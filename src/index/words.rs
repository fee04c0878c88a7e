//! The language files' words the importer learns attributes with, folded
//! ([`crate::text::key`]) and gathered over every language once: colour
//! phrases with the value each is shown as, audience words and nouns, the
//! contexts that make them something else. A catalog in one language often
//! carries words of another ("Clean White" in a Brazilian feed), so every
//! language's words count; only the shown forms follow the catalog's
//! language. Depends on `language`, `model` and `text` only.

use crate::language::{self, LanguageData};
use crate::model::Lang;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// Who a product is for, as learned from its title or category path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Audience {
    /// Adult men.
    Men,
    /// Adult women.
    Women,
    /// Boys.
    Boys,
    /// Girls.
    Girls,
    /// Children.
    Kids,
    /// Babies.
    Baby,
    /// Anyone.
    Unisex,
}

impl Audience {
    /// Every audience, in bit order.
    pub const ALL: [Audience; 7] = [
        Audience::Men,
        Audience::Women,
        Audience::Boys,
        Audience::Girls,
        Audience::Kids,
        Audience::Baby,
        Audience::Unisex,
    ];

    /// The concept id used in the language files.
    pub fn id(self) -> &'static str {
        match self {
            Audience::Men => "men",
            Audience::Women => "women",
            Audience::Boys => "boys",
            Audience::Girls => "girls",
            Audience::Kids => "kids",
            Audience::Baby => "baby",
            Audience::Unisex => "unisex",
        }
    }

    fn from_id(id: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.id() == id)
    }

    /// How a learned audience is written in a catalog in `lang` (from the
    /// language file's `audience_display`; English when it has none).
    pub fn display(self, lang: Lang) -> &'static str {
        let shown = |lang: Lang| {
            language::data(lang)
                .learning
                .audience_display
                .get(self.id())
                .map(String::as_str)
        };
        shown(lang).or_else(|| shown(Lang::En)).unwrap_or(self.id())
    }
}

/// How a colour phrase found in a title is stored.
#[derive(Debug, Clone)]
pub struct ColorWord {
    /// The value shown ("Preto" for preta, pretos, pretas).
    pub shown: String,
    /// True when the phrase also names other things ("rosa", "orange").
    pub ambiguous: bool,
    /// The colour concept it names (or, for a member, belongs to): "black"
    /// for preto and black alike.
    pub family: String,
}

/// Every language's learning words, folded.
pub struct LearnWords {
    /// Colour phrase (folded words joined by spaces) -> its value.
    pub colors: FxHashMap<String, ColorWord>,
    /// The most words a colour phrase has.
    pub color_phrase_words: usize,
    /// Shade modifiers ("claro", "light"), kept with the colour they follow or lead.
    pub color_modifiers: FxHashSet<String>,
    /// Labels introducing a colour, as word sequences.
    pub color_labels: Vec<Vec<String>>,
    /// Words before a colour that make it something else.
    pub not_color_before: FxHashSet<String>,
    /// Words after a colour that make it a name ("Black Line").
    pub not_color_after: FxHashSet<String>,
    /// Words making a colour later in their part of a title a component's.
    pub not_color_in_part: FxHashSet<String>,
    /// Words that make the colour before them certain ("Peach-Coloured").
    pub color_suffixes: FxHashSet<String>,
    /// Phrases whose colour words are not colours.
    pub not_color_phrases: Vec<Vec<String>>,
    /// Words naming an audience wherever they stand.
    pub audience_words: FxHashMap<String, Audience>,
    /// Nouns naming an audience after a "for" word.
    pub audience_nouns: FxHashMap<String, Audience>,
    /// The most words an audience noun has.
    pub audience_noun_words: usize,
    /// Words introducing who a product is for.
    pub for_words: FxHashSet<String>,
    /// Words between a "for" word and its noun.
    pub for_fillers: FxHashSet<String>,
    /// Words after which a title names what the product fits.
    pub fits_words: FxHashSet<String>,
    /// Phrases whose audience words name something else.
    pub not_audience: Vec<Vec<String>>,
    /// Words showing a product is for animals.
    pub animal_words: FxHashSet<String>,
}

fn words_of(text: &str) -> Vec<String> {
    crate::text::words(text)
}

/// The value a colour name is shown as: the first name of its concept
/// (in its file's order) that is a form of it (preto, preta, pretos ->
/// preto; azul, azuis -> azul), in title case.
fn shown_color(name: &str, names: &[String]) -> String {
    let folded = crate::text::key(name);
    let form_of = |n: &String| {
        let n = crate::text::key(n);
        let common = n
            .bytes()
            .zip(folded.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        let needed = n.len().max(folded.len()).saturating_sub(2).max(3);
        !n.contains(' ') && !folded.contains(' ') && common >= needed
    };
    let base = names
        .iter()
        .find(|n| form_of(n))
        .map_or(name, String::as_str);
    title_case(base)
}

/// Each word with its first letter in upper case.
pub fn title_case(text: &str) -> String {
    text.split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn build() -> LearnWords {
    let mut colors: FxHashMap<String, ColorWord> = FxHashMap::default();
    let ambiguous: FxHashSet<String> = language::every()
        .flat_map(|(_, d)| &d.learning.ambiguous_colors)
        .map(|w| crate::text::key(w))
        .collect();
    // Names first, so a word that is a name of one concept and a member
    // of another ("navy") is shown as its own concept's name.
    let mut add = |word: &str, shown: String, family: &str| {
        let key = crate::text::key(word);
        if key.is_empty() {
            return;
        }
        let accented = !shown.is_ascii();
        match colors.get_mut(&key) {
            // Of two spellings of one key, the accented one is shown.
            Some(existing) if accented && existing.shown.is_ascii() => {
                if crate::text::key(&existing.shown) == crate::text::key(&shown) {
                    existing.shown = shown;
                }
            }
            Some(_) => {}
            None => {
                let ambiguous = ambiguous.contains(&key);
                colors.insert(
                    key,
                    ColorWord {
                        shown,
                        ambiguous,
                        family: family.to_string(),
                    },
                );
            }
        }
    };
    for (_, d) in language::every() {
        for (family, concept) in &d.colors {
            for name in &concept.names {
                add(name, shown_color(name, &concept.names), family);
            }
        }
    }
    // Spellings of one shade with and without a space ("Off White",
    // "Offwhite", "off-white") are one value, shown as the first listed.
    // (Spellings of one key, accents aside, are told apart by `add`.)
    let mut spelt: FxHashMap<String, (String, String)> = FxHashMap::default();
    for (_, d) in language::every() {
        for (family, concept) in &d.colors {
            for member in &concept.members {
                let key = crate::text::key(member);
                let (first_key, first_shown) = spelt
                    .entry(key.replace(' ', ""))
                    .or_insert_with(|| (key.clone(), title_case(member)));
                let shown = if *first_key == key {
                    title_case(member)
                } else {
                    first_shown.clone()
                };
                add(member, shown, family);
            }
        }
    }
    // A shade of two words joined by a hyphen in titles ("Azul-Marinho",
    // "Verde-Água": Portuguese writes compound colours so) is one word,
    // "azulmarinho": the same colour.
    let joined: Vec<(String, ColorWord)> = colors
        .iter()
        .filter(|(key, _)| key.contains(' '))
        .map(|(key, word)| (key.replace(' ', ""), word.clone()))
        .collect();
    for (key, word) in joined {
        colors.entry(key).or_insert(word);
    }
    let color_phrase_words = colors
        .keys()
        .map(|k| k.split(' ').count())
        .max()
        .unwrap_or(1);
    let set = |list: fn(&'static LanguageData) -> &'static Vec<String>| -> FxHashSet<String> {
        language::every()
            .flat_map(|(_, d)| list(d))
            .map(|w| crate::text::key(w))
            .filter(|w| !w.is_empty())
            .collect()
    };
    let phrases = |list: fn(&'static LanguageData) -> &'static Vec<String>| -> Vec<Vec<String>> {
        language::every()
            .flat_map(|(_, d)| list(d))
            .map(|p| words_of(p))
            .filter(|p| !p.is_empty())
            .collect()
    };
    let audience_map = |table: fn(
        &'static LanguageData,
    )
        -> &'static std::collections::BTreeMap<String, Vec<String>>| {
        let mut out: FxHashMap<String, Audience> = FxHashMap::default();
        for (_, d) in language::every() {
            for (id, words) in table(d) {
                let Some(audience) = Audience::from_id(id) else {
                    continue;
                };
                for w in words {
                    out.insert(crate::text::key(w), audience);
                }
            }
        }
        out
    };
    let audience_nouns = audience_map(|d| &d.learning.audience_nouns);
    LearnWords {
        colors,
        color_phrase_words,
        color_modifiers: set(|d| &d.color_modifiers),
        color_labels: phrases(|d| &d.learning.color_labels),
        not_color_before: set(|d| &d.learning.not_color_before),
        not_color_in_part: set(|d| &d.learning.not_color_in_part),
        color_suffixes: set(|d| &d.learning.color_suffixes),
        not_color_after: set(|d| &d.learning.not_color_after),
        not_color_phrases: phrases(|d| &d.learning.not_color_phrases),
        audience_words: audience_map(|d| &d.learning.audience_words),
        audience_noun_words: audience_nouns
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1),
        audience_nouns,
        for_words: set(|d| &d.learning.for_words),
        for_fillers: set(|d| &d.learning.for_fillers),
        fits_words: set(|d| &d.learning.fits_words),
        not_audience: phrases(|d| &d.learning.not_audience),
        animal_words: set(|d| &d.learning.animal_words),
    }
}

/// The learning words, built once.
pub fn learn_words() -> &'static LearnWords {
    static WORDS: OnceLock<LearnWords> = OnceLock::new();
    WORDS.get_or_init(build)
}

/// True when `words[at..]` starts with `phrase`.
/// True for a colour written with its suffix as one hyphenated word
/// ("Gold-Toned", "Peach-Coloured"), whose parts the index also writes.
pub fn is_colour_compound(raw: &str) -> bool {
    let w = learn_words();
    let mut parts = raw.split('-');
    let (Some(colour), Some(suffix), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    w.colors.contains_key(crate::text::key(colour).as_str())
        && w.color_suffixes.contains(crate::text::key(suffix).as_str())
}

pub fn starts_with_phrase(words: &[&str], at: usize, phrase: &[String]) -> bool {
    phrase.len() <= words.len().saturating_sub(at)
        && phrase.iter().zip(&words[at..]).all(|(p, w)| p == w)
}

/// True when one of `phrases` covers the word at `at` in `words`.
pub fn in_any_phrase(words: &[&str], at: usize, phrases: &[Vec<String>]) -> bool {
    phrases.iter().any(|p| {
        (0..p.len()).any(|offset| {
            at.checked_sub(offset)
                .is_some_and(|start| starts_with_phrase(words, start, p))
        })
    })
}

/// A text's folded words and where each stands in the text.
pub struct TextWords<'t> {
    /// The text.
    pub text: &'t str,
    /// Each word's key ([`crate::text::for_each_word`]).
    pub keys: Vec<String>,
    /// Each word's byte range in `text`.
    pub ranges: Vec<std::ops::Range<usize>>,
}

impl<'t> TextWords<'t> {
    /// Splits `text` into words.
    pub fn new(text: &'t str) -> TextWords<'t> {
        let mut keys = Vec::new();
        let mut ranges = Vec::new();
        crate::text::for_each_word(text, |w, r| {
            keys.push(w.to_string());
            ranges.push(r);
        });
        TextWords { text, keys, ranges }
    }

    /// The keys as string slices.
    pub fn slices(&self) -> Vec<&str> {
        self.keys.iter().map(String::as_str).collect()
    }

    /// The text between word `i` and the next word (or the end).
    pub fn gap_after(&self, i: usize) -> &'t str {
        let Some(end) = self.ranges.get(i).map(|r| r.end) else {
            return "";
        };
        let next = self.ranges.get(i + 1).map_or(self.text.len(), |r| r.start);
        self.text.get(end..next).unwrap_or("")
    }

    /// True when a part of the text ends after word `i`: at the end of the
    /// text, or at a separating sign (`,` `;` `|` `/` ` - ` `(` `:`).
    pub fn part_ends_after(&self, i: usize) -> bool {
        let Some(end) = self.ranges.get(i).map(|r| r.end) else {
            return true;
        };
        let next = self.ranges.get(i + 1).map_or(self.text.len(), |r| r.start);
        let gap = self.text.get(end..next).unwrap_or("");
        next == self.text.len()
            || gap.contains([
                ',', ';', '|', '/', '(', ')', '[', ']', ':', '–', '—', '+', '&', '\n',
            ])
            || gap.contains('-') && gap.len() > 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_a_shade_with_and_without_a_space_are_one_value() {
        let w = learn_words();
        assert_eq!(w.colors["offwhite"].shown, w.colors["off white"].shown);
    }

    #[test]
    fn colour_forms_share_one_shown_value() {
        let w = learn_words();
        for form in ["preto", "preta", "pretos", "pretas"] {
            assert_eq!(w.colors[form].shown, "Preto", "{form}");
        }
        assert_eq!(w.colors["azuis"].shown, "Azul");
        assert_eq!(w.colors["navy"].shown, "Navy");
        assert_eq!(w.colors["lilas"].shown, "Lilás");
        assert!(w.colors["rosa"].ambiguous && !w.colors["preto"].ambiguous);
        assert_eq!(w.colors["azul marinho"].shown, "Azul Marinho");
        assert_eq!(w.colors["black"].family, w.colors["pretas"].family);
    }

    #[test]
    fn audiences_are_shown_in_the_catalog_language() {
        assert_eq!(Audience::Women.display(Lang::Pt), "Feminino");
        assert_eq!(Audience::Baby.display(Lang::Pt), "Bebê");
        assert_eq!(Audience::Boys.display(Lang::En), "Boys");
        assert_eq!(learn_words().audience_words["masculina"], Audience::Men);
        assert_eq!(learn_words().audience_nouns["meninas"], Audience::Girls);
    }
}
