//! The one language detector, for a shopper's message and for a catalog
//! alike: each language's evidence (its own letters, words and signs, from
//! its data file) is weighed word by word. A message without evidence
//! ("Puma", "42") keeps the conversation's language; a catalog is in a
//! language other than English only when that language's evidence clearly
//! outweighs the rest.

use super::every;
use crate::model::Lang;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// One language's evidence, ready to weigh.
struct Signs {
    lang: Lang,
    words: FxHashSet<String>,
    letters: Vec<char>,
    signs: Vec<String>,
}

fn signs() -> &'static [Signs] {
    static SIGNS: OnceLock<Vec<Signs>> = OnceLock::new();
    SIGNS.get_or_init(|| {
        every()
            .map(|(lang, d)| Signs {
                lang,
                words: d
                    .detection
                    .words
                    .iter()
                    .map(|w| crate::text::key(w))
                    .collect(),
                letters: d.detection.letters.chars().collect(),
                signs: d.detection.signs.clone(),
            })
            .collect()
    })
}

/// True when `key` (folded) is one of a language's evidence words that
/// a catalog may spell too, yet a shopper uses as words of that language:
/// its grammar (in its stop words too: "only", "for") and its colour names
/// ("black"). Not its product words ("watch", "jeans"), which a store in
/// another language sells by those names ("Apple Watch").
pub fn evidence_word(key: &str) -> bool {
    static WORDS: OnceLock<FxHashSet<String>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            every()
                .flat_map(|(_, d)| {
                    let own: FxHashSet<String> = d
                        .stop_words
                        .iter()
                        .chain(d.colors.values().flat_map(|c| c.names.iter()))
                        .map(|w| crate::text::key(w))
                        .collect();
                    d.detection
                        .words
                        .iter()
                        .map(|w| crate::text::key(w))
                        .filter(move |w| own.contains(w))
                })
                .collect()
        })
        .contains(key)
}

/// The one language `key` (folded) is a common word of, if only one.
fn only_common_in(key: &str) -> Option<Lang> {
    let mut common = super::common_in(key);
    match (common.next(), common.next()) {
        (Some(lang), None) => Some(lang),
        _ => None,
    }
}

/// The evidence gathered so far, per language.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    scores: Vec<(Lang, u32)>,
    /// The points of `scores` that common words of one language gave (a
    /// term as likely a name: "nvidia", "duplex").
    weak: Vec<(Lang, u32)>,
}

fn add_to(scores: &mut Vec<(Lang, u32)>, lang: Lang, points: u32) {
    match scores.iter_mut().find(|(l, _)| *l == lang) {
        Some((_, score)) => *score += points,
        None => scores.push((lang, points)),
    }
}

impl Evidence {
    fn add(&mut self, lang: Lang, points: u32) {
        add_to(&mut self.scores, lang, points);
    }

    /// Adds the point of a common word of `lang` alone.
    fn add_weak(&mut self, lang: Lang) {
        add_to(&mut self.scores, lang, 1);
        add_to(&mut self.weak, lang, 1);
    }

    /// The points for `lang` from its letters, signs and evidence words,
    /// not from common words it alone has.
    pub fn strong(&self, lang: Lang) -> u32 {
        let weak = self
            .weak
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or(0, |(_, s)| *s);
        self.score(lang).saturating_sub(weak)
    }

    /// Weighs one word: `key` folded (see [`crate::text::key`]), `raw` as
    /// written. A letter only one language writes counts twice; a word of
    /// a language's evidence list (or that word with a plural `s`) once;
    /// otherwise a common word of only one language once. Returns whether
    /// the word was evidence of anything.
    pub fn word(&mut self, key: &str, raw: &str) -> bool {
        let mut laughing = super::laughter(key);
        if let (Some(lang), None) = (laughing.next(), laughing.next()) {
            self.add(lang, 1);
            return true;
        }
        let before = self.total();
        for s in signs() {
            let lettered = raw
                .chars()
                .flat_map(char::to_lowercase)
                .any(|c| s.letters.contains(&c));
            if lettered {
                self.add(s.lang, 2);
            } else if s.words.contains(key)
                || key.strip_suffix('s').is_some_and(|k| s.words.contains(k))
            {
                self.add(s.lang, 1);
            }
        }
        if self.total() == before
            && let Some(lang) = only_common_in(key)
        {
            self.add_weak(lang);
        }
        self.total() > before
    }

    /// Weighs a word that names the store's products in `lang` ("fone",
    /// "lavadora"): as much as a letter only `lang` writes.
    pub fn product_name(&mut self, lang: Lang) {
        self.add(lang, 2);
    }

    /// Weighs only the letters of a word as written ("ç", "ã"): for words
    /// whose meaning is no evidence of the language.
    pub fn letters(&mut self, raw: &str) {
        for s in signs() {
            if raw
                .chars()
                .flat_map(char::to_lowercase)
                .any(|c| s.letters.contains(&c))
            {
                self.add(s.lang, 2);
            }
        }
    }

    /// Weighs a word as evidence of `lang` only: when it is a common word
    /// of that language and of no other.
    pub fn common_in_only(&mut self, key: &str, lang: Lang) {
        if only_common_in(key) == Some(lang) {
            self.add_weak(lang);
        }
    }

    /// True when nothing was weighed yet.
    pub fn is_empty(&self) -> bool {
        self.total() == 0
    }

    fn total(&self) -> u32 {
        self.scores.iter().map(|(_, s)| s).sum()
    }

    /// Weighs the signs of a whole text (`R$`).
    pub fn signs(&mut self, raw: &str) {
        for s in signs() {
            if s.signs.iter().any(|sign| raw.contains(sign.as_str())) {
                self.add(s.lang, 1);
            }
        }
    }

    /// Weighs every word and sign of a text.
    pub fn text(&mut self, raw: &str) {
        crate::text::for_each_word(raw, |key, range| {
            self.word(key, raw.get(range).unwrap_or(""));
        });
        self.signs(raw);
    }

    /// The points gathered for `lang`: 1 a word, 2 a letter only it writes.
    pub fn score(&self, lang: Lang) -> u32 {
        self.scores
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or(0, |(_, s)| *s)
    }

    /// The best-supported language, `prior` when none leads.
    pub fn message_language(&self, prior: Lang) -> Lang {
        let mut best = prior;
        for lang in Lang::ALL {
            if self.score(lang) > self.score(best) {
                best = lang;
            }
        }
        best
    }

    /// The best score of a language other than `lang`.
    fn best_other(&self, lang: Lang) -> u32 {
        Lang::ALL
            .iter()
            .filter(|&&l| l != lang)
            .map(|&l| self.score(l))
            .max()
            .unwrap_or(0)
    }

    /// A catalog's language: the one whose evidence is over twice any
    /// other's (and more than a few words), else English.
    pub fn catalog_language(&self) -> Lang {
        let leader = self.message_language(Lang::En);
        let lead = self.score(leader);
        if lead > self.best_other(leader).saturating_mul(2).max(3) {
            leader
        } else {
            Lang::En
        }
    }
}

/// Guesses a catalog's language from sample titles and descriptions.
pub fn catalog_language<'a>(samples: impl Iterator<Item = &'a str>) -> Lang {
    priced_catalog_language(samples, None)
}

/// As [`catalog_language`], for a catalog priced in `currency` (ISO 4217):
/// a language that stores of that currency sell in (its data's
/// `currencies`: Portuguese for BRL) is the catalog's unless another
/// language has over twice its evidence. A Brazilian store's titles are
/// Portuguese full of English terms ("Placa de Vídeo RTX 4060 Gaming OC
/// White"): the currency says which of the two its shoppers speak.
pub fn priced_catalog_language<'a>(
    samples: impl Iterator<Item = &'a str>,
    currency: Option<&str>,
) -> Lang {
    let mut evidence = Evidence::default();
    for sample in samples {
        evidence.text(sample);
    }
    let priced_in = currency.and_then(|code| {
        every()
            .find(|(_, d)| {
                d.detection
                    .currencies
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case(code))
            })
            .map(|(lang, _)| lang)
    });
    if let Some(lang) = priced_in {
        let own = evidence.score(lang);
        if own > 0 && own.saturating_mul(2) >= evidence.best_other(lang) {
            return lang;
        }
    }
    evidence.catalog_language()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(text: &str, prior: Lang) -> Lang {
        let mut e = Evidence::default();
        e.text(text);
        e.message_language(prior)
    }

    #[test]
    fn messages_by_evidence() {
        assert_eq!(
            message("tênis preto masculino até R$ 300", Lang::En),
            Lang::Pt
        );
        assert_eq!(
            message("black sneakers for men under 3000", Lang::Pt),
            Lang::En
        );
        assert_eq!(message("Puma", Lang::Pt), Lang::Pt);
        assert_eq!(message("42", Lang::En), Lang::En);
        assert_eq!(message("quero uma camiseta", Lang::En), Lang::Pt);
        assert_eq!(message("kkkkk", Lang::En), Lang::Pt);
        assert_eq!(message("hahaha", Lang::Pt), Lang::Pt);
        assert_eq!(message("😍", Lang::Pt), Lang::Pt);
    }

    #[test]
    fn catalogs_by_evidence() {
        let pt = [
            "Tênis Olympikus Corre Masculino Preto",
            "Camiseta básica de algodão",
        ];
        assert_eq!(catalog_language(pt.iter().copied()), Lang::Pt);
        let en = [
            "Puma Men Black Running Shoes",
            "Levis Women Blue Slim Fit Jeans",
        ];
        assert_eq!(catalog_language(en.iter().copied()), Lang::En);
    }

    #[test]
    fn a_catalog_priced_in_reais_is_portuguese_unless_clearly_not() {
        let titles = [
            "Placa de Vídeo XFX RX 9060 XT OC Gaming AMD Radeon, 8GB, GDDR6, Triple Fan",
            "Placa de Vídeo ASUS TUF RTX 4060 OC White Gaming, 8GB, GDDR6, RGB, Dual Fan",
            "Placa de Vídeo MSI RTX 5070 Ti Ventus 3X Black, 16GB, Ray Tracing, DLSS",
        ];
        assert_eq!(catalog_language(titles.iter().copied()), Lang::En);
        let priced = |currency| priced_catalog_language(titles.iter().copied(), Some(currency));
        assert_eq!(priced("BRL"), Lang::Pt);
        assert_eq!(priced("USD"), Lang::En);
        // English titles priced in reais stay English.
        let en = [
            "Apple iPhone 15 Pro Max with the Titanium case, Black",
            "Samsung Galaxy S24 Ultra for gaming and the office, Gray",
        ];
        assert_eq!(
            priced_catalog_language(en.iter().copied(), Some("BRL")),
            Lang::En
        );
    }
}
