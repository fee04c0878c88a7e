//! Product nouns in Portuguese and English from Google's product taxonomy
//! (`words/taxonomy_pt_en.txt`, made by `words/make_taxonomy.py` from the
//! pt-BR and en-US category names Google publishes under the same ids):
//! "mesa de centro" is a coffee table, "pincel" a brush, "cômoda" a dresser.
//! Compiled in and parsed once; [`super::translations`] merges them under
//! the hand-written `[translations]`, which win. Depends on `text` and
//! the language files.

use std::sync::OnceLock;

/// The pairs file, compiled in.
const TEXT: &str = include_str!("words/taxonomy_pt_en.txt");

/// Every pair: a folded Portuguese phrase and its folded English phrases.
pub fn pairs() -> &'static [(String, Vec<String>)] {
    static PAIRS: OnceLock<Vec<(String, Vec<String>)>> = OnceLock::new();
    PAIRS.get_or_init(|| parse(TEXT))
}

/// The Portuguese phrases of more than one word ("mesa de centro"), which
/// a message keeps together as words to search. A phrase saying what a
/// product is for ("ração para gatos") is left to the words that read
/// that (`purpose_links`, `for_words`): kept together it would be searched
/// as one phrase, and miss "Ração Whiskas Gatos".
pub fn phrases() -> impl Iterator<Item = &'static str> {
    static FOR: OnceLock<Vec<String>> = OnceLock::new();
    let links = FOR.get_or_init(|| {
        super::every()
            .flat_map(|(_, d)| d.purpose_links.iter().chain(&d.learning.for_words))
            .map(|w| crate::text::key(w))
            .collect()
    });
    pairs()
        .iter()
        .map(|(portuguese, _)| portuguese.as_str())
        .filter(|p| p.contains(' '))
        .filter(|p| !p.split(' ').any(|w| links.iter().any(|l| l == w)))
}

/// Lines `portuguese = english; english`, `#` comments; a line without
/// `=` or with an empty side is skipped (the file is generated, and its
/// test checks every line parses). A hyphenated word is read both as
/// titles index it ("guardaroupa") and as messages part it ("guarda
/// roupa").
fn parse(text: &str) -> Vec<(String, Vec<String>)> {
    let forms = |phrase: &str| -> Vec<String> {
        let mut out = vec![crate::text::key(phrase)];
        if phrase.contains('-') {
            out.push(crate::text::key(&phrase.replace('-', " ")));
        }
        out.retain(|f| !f.is_empty());
        out.dedup();
        out
    };
    let mut out = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((portuguese, english)) = line.split_once('=') else {
            continue;
        };
        let english: Vec<String> = english.split(';').flat_map(forms).collect();
        if english.is_empty() {
            continue;
        }
        for p in forms(portuguese) {
            out.push((p, english.clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::translations;

    #[test]
    fn every_line_of_the_file_parses() {
        let lines = TEXT
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert!(pairs().len() >= lines);
        assert!(lines > 1000, "{lines} pairs");
    }

    #[test]
    fn parses_phrases_and_their_english() {
        let parsed = parse(concat!(
            "# comment\nmesa de centro = coffee table\nbercos = cribs; bassinets\n",
            "broken\n= x\nguarda-roupa = wardrobe\n",
        ));
        let pair = |p: &str, e: &[&str]| (p.to_string(), e.iter().map(|e| e.to_string()).collect());
        assert_eq!(
            parsed,
            vec![
                pair("mesa de centro", &["coffee table"]),
                pair("bercos", &["cribs", "bassinets"]),
                pair("guardaroupa", &["wardrobe"]),
                pair("guarda roupa", &["wardrobe"]),
            ]
        );
    }

    #[test]
    fn nouns_translate_both_ways_with_their_singulars() {
        let has = |word: &str, other: &str| translations(word).contains(&other.to_string());
        // Phrases, accents folded either way.
        assert!(has("mesa de centro", "coffee table"));
        assert!(has("Mesas de Centro", "coffee tables"));
        assert!(has("coffee table", "mesa de centro"));
        assert!(has("pincel de maquiagem", "makeup brush"));
        // Singulars of the head noun, Portuguese first word, English last.
        assert!(has("cômoda", "dresser"));
        assert!(has("berço", "crib"));
        assert!(has("guarda-roupa", "wardrobe"));
        assert!(has("pincel", "brush"));
        assert!(has("colchão", "mattress"));
        assert!(has("biscoito", "cookie"));
        assert!(has("estantes", "shelving") || has("estante para livros", "bookcase"));
        // No word meets another through the taxonomy's English.
        assert!(!has("crib", "bassinet"));
        assert!(phrases().any(|p| p == "mesa de centro"));
        assert!(!phrases().any(|p| p == "racao para gatos"));
    }

    #[test]
    fn the_hand_written_words_win() {
        // pt.toml: "carne" is beef and meat; the taxonomy's "Carne" is
        // meat too, and adds nothing the hand list did not say.
        let hand_keys: Vec<String> = crate::language::every()
            .flat_map(|(_, d)| d.translations.keys())
            .map(|k| crate::text::key(k))
            .collect();
        let overlapping: Vec<&(String, Vec<String>)> = pairs()
            .iter()
            .filter(|(p, _)| hand_keys.contains(p))
            .collect();
        assert!(
            !overlapping.is_empty(),
            "the test needs a word both lists name"
        );
        for (portuguese, english) in overlapping {
            let hand: Vec<String> = crate::language::every()
                .flat_map(|(_, d)| d.translations.iter())
                .filter(|(k, _)| crate::text::key(k) == *portuguese)
                .flat_map(|(_, v)| v.iter().map(|e| crate::text::key(e)))
                .collect();
            for e in english.iter().filter(|e| !hand.contains(e)) {
                assert!(
                    !translations(portuguese).contains(e),
                    "{portuguese} -> {e}: the taxonomy overrode the hand list"
                );
            }
        }
    }
}
