//! The text analyzer shared by indexing and querying: [`crate::text`] words
//! (lowercase, accents folded, `T-shirt` -> `tshirt`) then a Snowball stemmer
//! for the catalog's language, so `tênis`/`tenis` and `shoes`/`shoe` meet.

use crate::understand::Lang;
use tantivy::tokenizer::{Language, Stemmer, TextAnalyzer, Token, TokenStream, Tokenizer};

/// Name under which the analyzer is registered in the index.
pub const ANALYZER: &str = "vitrine";

/// Splits text into [`crate::text`] words.
#[derive(Clone, Default)]
pub struct WordTokenizer {
    tokens: Vec<Token>,
}

/// The token stream of [`WordTokenizer`].
pub struct WordTokenStream<'a> {
    tokens: &'a mut [Token],
    next: usize,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream<'a> {
        self.tokens.clear();
        let tokens = &mut self.tokens;
        crate::text::for_each_word(text, |word, range| {
            let position = tokens.len();
            tokens.push(Token {
                offset_from: range.start,
                offset_to: range.end,
                position,
                text: word.to_string(),
                position_length: 1,
            });
        });
        WordTokenStream {
            tokens: &mut self.tokens,
            next: 0,
        }
    }
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

/// The analyzer for a catalog in `lang`.
pub fn analyzer(lang: Lang) -> TextAnalyzer {
    let language = match lang {
        Lang::En => Language::English,
        Lang::Pt => Language::Portuguese,
    };
    TextAnalyzer::builder(WordTokenizer::default())
        .filter(Stemmer::new(language))
        .build()
}

/// The analysed tokens of `text`.
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// Guesses a catalog's language from sample titles and descriptions:
/// Portuguese when its function words and accents clearly outnumber English ones.
pub fn detect_catalog_language<'a>(samples: impl Iterator<Item = &'a str>) -> Lang {
    const PT: &[&str] = &[
        "de",
        "da",
        "do",
        "com",
        "para",
        "em",
        "e",
        "masculino",
        "feminino",
        "infantil",
        "sem",
        "tenis",
        "camiseta",
        "calca",
        "bolsa",
        "cor",
        "tamanho",
        "preto",
        "branco",
        "azul",
        "uma",
        "um",
        "os",
        "as",
        "das",
        "dos",
        "confortavel",
        "ideal",
    ];
    const EN: &[&str] = &[
        "the", "and", "with", "for", "of", "men", "women", "kids", "in", "a", "an", "to", "this",
        "is", "black", "white", "blue", "shoes", "shirt", "your",
    ];
    let (mut pt, mut en) = (0usize, 0usize);
    for sample in samples {
        pt += sample
            .chars()
            .filter(|c| {
                matches!(
                    c,
                    'ã' | 'õ' | 'ç' | 'ê' | 'é' | 'á' | 'ó' | 'í' | 'ú' | 'â' | 'ô'
                )
            })
            .count();
        crate::text::for_each_word(sample, |w, _| {
            if PT.contains(&w) {
                pt += 1;
            } else if EN.contains(&w) {
                en += 1;
            }
        });
    }
    if pt > en.saturating_mul(2).max(3) {
        Lang::Pt
    } else {
        Lang::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_and_folds() {
        let mut en = analyzer(Lang::En);
        assert_eq!(tokens(&mut en, "Running Shoes"), vec!["run", "shoe"]);
        assert_eq!(tokens(&mut en, "T-Shirts"), vec!["tshirt"]);
        let mut pt = analyzer(Lang::Pt);
        assert_eq!(tokens(&mut pt, "Tênis"), tokens(&mut pt, "tenis"));
        assert_eq!(tokens(&mut pt, "camisetas"), tokens(&mut pt, "Camiseta"));
    }

    #[test]
    fn detects_portuguese_catalogs() {
        let pt = [
            "Tênis Olympikus Corre Masculino Preto",
            "Camiseta básica de algodão",
        ];
        assert_eq!(detect_catalog_language(pt.iter().copied()), Lang::Pt);
        let en = [
            "Puma Men Black Running Shoes",
            "Levis Women Blue Slim Fit Jeans",
        ];
        assert_eq!(detect_catalog_language(en.iter().copied()), Lang::En);
    }
}
