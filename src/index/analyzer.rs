//! The text analyzer shared by indexing and querying: [`crate::text`] words
//! (lowercase, accents folded, `T-shirt` -> `tshirt`) then a Snowball stemmer
//! for the catalog's language, so `tênis`/`tenis` and `shoes`/`shoe` meet.
//!
//! A number with a unit of measure is one token however it is written
//! ("15 kg", "15kg" and "15 quilos" are `15kg`: [`crate::language::units`]).
//!
//! One tokenizer does both, remembering the stems of the words it has seen
//! (catalog text repeats a small vocabulary, and stemming costs more than a
//! lookup) and reusing its tokens' buffers between texts.

use crate::language::is_function_word;
use crate::model::Lang;
use rustc_hash::FxHashMap;
use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};

/// Name under which the analyzer is registered in the index.
pub const ANALYZER: &str = "vitrine";

/// Name of the description analyzer: the same words and stems, without
/// function words (descriptions are long, and are only searched as a
/// fallback where a content word's presence is what counts).
pub const DESCRIPTION_ANALYZER: &str = "vitrine_description";

/// Most stems remembered by one tokenizer before it starts afresh.
const STEM_CACHE_WORDS: usize = 100_000;

/// Splits text into [`crate::text`] words and stems them.
pub struct WordTokenizer {
    stemmer: Option<frostem::Stemmer>,
    /// word -> stem.
    stems: FxHashMap<Box<str>, Box<str>>,
    /// Token buffers, reused; the first `len` are the current text's.
    tokens: Vec<Token>,
    len: usize,
    /// Leave out function words (the description analyzer).
    content_only: bool,
    /// Also index the parts of a code joined by hyphens ([`WordTokenizer::indexing`]).
    split_codes: bool,
}

impl WordTokenizer {
    /// Words only, no stemming.
    pub fn plain() -> Self {
        WordTokenizer::with_stemmer(None)
    }

    /// Words stemmed by the Snowball algorithm of `lang`.
    pub fn stemming(lang: Lang) -> Self {
        let algorithm = match lang {
            Lang::En => frostem::Algorithm::English,
            Lang::Pt => frostem::Algorithm::Portuguese,
        };
        WordTokenizer::with_stemmer(Some(frostem::Stemmer::new(algorithm)))
    }

    fn with_stemmer(stemmer: Option<frostem::Stemmer>) -> Self {
        WordTokenizer {
            stemmer,
            stems: FxHashMap::default(),
            tokens: Vec::new(),
            len: 0,
            content_only: false,
            split_codes: false,
        }
    }

    /// As the index writes its text: a code of letters and digits joined
    /// by hyphens ("i5-1235U", "WH-1000XM5") is one token ("i51235u") and,
    /// at the same position, each of its parts ("i5", "1235u"), so a
    /// shopper's "i5" finds the "Core i5-1235U" notebooks; so is a colour
    /// with its suffix ("Gold-Toned": "gold toned earrings"), and a code
    /// of letters glued to digits ([`crate::text::glued_code`]: "RX580" is
    /// also "rx" and "580", found by "rx 580"). Never for a query, whose
    /// tokens must all match.
    pub fn indexing(mut self) -> Self {
        self.split_codes = true;
        self
    }

    /// Only the content words of a text: function words
    /// ([`is_function_word`]) left out.
    pub fn content_only(mut self) -> Self {
        self.content_only = true;
        self
    }

    /// The current text's next token (a reused buffer), at `offsets` and
    /// `position`, its text empty.
    fn next_token<'t>(
        &mut self,
        tokens: &'t mut Vec<Token>,
        offsets: std::ops::Range<usize>,
        position: usize,
    ) -> &'t mut Token {
        let at = self.len;
        if at == tokens.len() {
            tokens.push(Token::default());
        }
        self.len += 1;
        let token = &mut tokens[at];
        token.offset_from = offsets.start;
        token.offset_to = offsets.end;
        token.position = position;
        token.position_length = 1;
        token.text.clear();
        token
    }

    /// Adds the token of a code's `part` (a key), at the code's `position`.
    fn push_part(
        &mut self,
        tokens: &mut Vec<Token>,
        part: &str,
        offsets: std::ops::Range<usize>,
        position: usize,
    ) {
        let token = self.next_token(tokens, offsets, position);
        self.push_stem(part, &mut token.text);
    }

    /// Appends the stem of `word` to `out`.
    fn push_stem(&mut self, word: &str, out: &mut String) {
        let Some(stemmer) = &self.stemmer else {
            out.push_str(word);
            return;
        };
        if let Some(stem) = self.stems.get(word) {
            out.push_str(stem);
            return;
        }
        let stem = stemmer.stem(word);
        out.push_str(&stem);
        if self.stems.len() >= STEM_CACHE_WORDS {
            self.stems.clear();
        }
        self.stems.insert(word.into(), stem.as_ref().into());
    }
}

impl Default for WordTokenizer {
    fn default() -> Self {
        WordTokenizer::plain()
    }
}

/// A copy starts with an empty memory of stems (analysers are copied per
/// query and per indexing thread; copying the memory would cost more than
/// it saves).
impl Clone for WordTokenizer {
    fn clone(&self) -> Self {
        let mut copy = WordTokenizer::with_stemmer(self.stemmer);
        copy.content_only = self.content_only;
        copy.split_codes = self.split_codes;
        copy
    }
}

/// The token stream of [`WordTokenizer`].
pub struct WordTokenStream<'a> {
    tokens: &'a mut [Token],
    next: usize,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream<'a> {
        self.len = 0;
        let mut tokens = std::mem::take(&mut self.tokens);
        // The end of the last measurement read: the words it covers ("kg"
        // of "15 kg", "2l" of "3,2L") are in its token.
        let mut measured = 0;
        // Positions of words; a code's parts share the code's.
        let mut position = 0;
        crate::text::for_each_word(text, |word, range| {
            if range.start < measured || self.content_only && is_function_word(word) {
                return;
            }
            let measurement = word
                .starts_with(|c: char| c.is_ascii_digit())
                .then(|| crate::language::units::measurement_or_range_at(text, range.start))
                .flatten();
            // "140x80 cm": the word as written, and each dimension measured.
            let dimensions = (measurement.is_none()
                && word.starts_with(|c: char| c.is_ascii_digit()))
            .then(|| crate::language::units::dimensions_at(text, range.start))
            .flatten();
            let token = self.next_token(&mut tokens, range.clone(), position);
            let measured_here = measurement.is_some() || dimensions.is_some();
            match measurement {
                Some((canonical, end)) => {
                    token.text.push_str(&canonical);
                    token.offset_to = end;
                    measured = end;
                }
                None => self.push_stem(word, &mut token.text),
            }
            if let Some((sizes, end)) = dimensions {
                for size in sizes {
                    let token = self.next_token(&mut tokens, range.start..end, position);
                    token.text.push_str(&size);
                }
                measured = end;
            }
            let raw = text.get(range.clone()).unwrap_or("");
            if self.split_codes
                && !measured_here
                && raw.contains('-')
                && (word.bytes().any(|b| b.is_ascii_digit())
                    || super::words::is_colour_compound(raw))
            {
                let mut offset = range.start;
                for part in raw.split('-') {
                    let start = offset;
                    offset += part.len() + 1;
                    let key = crate::text::key(part);
                    if key.is_empty() || key == word {
                        continue;
                    }
                    self.push_part(&mut tokens, &key, start..start + part.len(), position);
                    // "RX580-8GD5": "rx580" is "rx 580" too.
                    for run in crate::text::glued_code(&key).unwrap_or_default() {
                        self.push_part(&mut tokens, run, start..start + part.len(), position);
                    }
                }
            } else if self.split_codes
                && !measured_here
                && let Some(runs) = crate::text::glued_code(word)
            {
                // "RX580" is also "RX 580": its runs at its place.
                let mut start = range.start;
                for run in runs {
                    let end = (start + run.len()).min(range.end);
                    self.push_part(&mut tokens, run, start..end, position);
                    start = end;
                }
            }
            position += 1;
        });
        self.tokens = tokens;
        WordTokenStream {
            tokens: &mut self.tokens[..self.len],
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
    TextAnalyzer::from(WordTokenizer::stemming(lang))
}

/// Registers the analyzers the schema names, for a catalog in `lang`.
pub fn register(index: &tantivy::Index, lang: Lang) {
    let tokenizers = index.tokenizers();
    tokenizers.register(
        ANALYZER,
        TextAnalyzer::from(WordTokenizer::stemming(lang).indexing()),
    );
    tokenizers.register(
        DESCRIPTION_ANALYZER,
        TextAnalyzer::from(WordTokenizer::stemming(lang).content_only().indexing()),
    );
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
    fn a_measurement_is_one_token_however_it_is_written() {
        let mut pt = analyzer(Lang::Pt);
        assert_eq!(
            tokens(&mut pt, "Ração Golden 15 kg Adulto"),
            tokens(&mut pt, "ração golden 15kg adulto")
        );
        assert_eq!(tokens(&mut pt, "Air Fryer 3,2L Preta")[2], "3.2l");
        assert_eq!(tokens(&mut pt, "TV 55\" 4K"), vec!["tv", "55in", "4k"]);
        assert_eq!(tokens(&mut pt, "Smart TV 55 Polegadas")[2], "55in");
        assert_eq!(tokens(&mut pt, "12.000 BTUs"), vec!["12000btu"]);
        let mut en = analyzer(Lang::En);
        // Dimensions: the word as written and each measured.
        assert_eq!(
            tokens(&mut en, "Desk, 140x80 cm, white"),
            vec!["desk", "140x80", "140cm", "80cm", "white"]
        );
        assert_eq!(
            tokens(&mut en, "Bench 120 x 40 x 38 cm"),
            vec!["bench", "120", "120cm", "40cm", "38cm"]
        );
        assert_eq!(
            tokens(&mut en, "Mattress 160x200"),
            vec!["mattress", "160x200"]
        );
        assert_eq!(
            tokens(&mut en, "Size 42 Black"),
            vec!["size", "42", "black"]
        );
    }

    #[test]
    fn remembered_stems_and_reused_tokens_give_the_same_output() {
        let mut en = analyzer(Lang::En);
        let long = tokens(&mut en, "Running shoes for running men");
        assert_eq!(long, vec!["run", "shoe", "for", "run", "men"]);
        // Fewer words than the previous text: no stale token left behind.
        assert_eq!(tokens(&mut en, "Shoes"), vec!["shoe"]);
        assert_eq!(tokens(&mut en, ""), Vec::<String>::new());
        assert_eq!(tokens(&mut en, "Running shoes for running men"), long);
        // A copy (fresh memory) agrees with the original.
        let mut copy = en.clone();
        assert_eq!(tokens(&mut copy, "running SHOES"), vec!["run", "shoe"]);
        let mut plain = TextAnalyzer::from(WordTokenizer::plain());
        assert_eq!(
            tokens(&mut plain, "Running Shoes"),
            vec!["running", "shoes"]
        );
    }

    #[test]
    fn descriptions_keep_content_words_only() {
        let mut desc = TextAnalyzer::from(WordTokenizer::stemming(Lang::En).content_only());
        assert_eq!(
            tokens(
                &mut desc,
                "The shoes are made for running, and running is fun"
            ),
            vec!["shoe", "made", "run", "run", "fun"]
        );
        // Only function words: nothing; a fresh text after a longer one.
        assert_eq!(tokens(&mut desc, "for the and"), Vec::<String>::new());
        assert_eq!(tokens(&mut desc, "Shoes"), vec!["shoe"]);
        let mut pt = TextAnalyzer::from(WordTokenizer::stemming(Lang::Pt).content_only());
        assert_eq!(
            tokens(&mut pt, "Tênis de corrida com amortecimento e leve"),
            tokens(&mut analyzer(Lang::Pt), "tênis corrida amortecimento leve")
        );
        // The copy an indexing thread gets keeps the behaviour.
        let mut copy = desc.clone();
        assert_eq!(tokens(&mut copy, "a bag for the trip"), vec!["bag", "trip"]);
    }

    #[test]
    fn the_index_writes_a_hyphenated_code_and_its_parts_at_one_place() {
        let mut index = TextAnalyzer::from(WordTokenizer::stemming(Lang::Pt).indexing());
        let mut seen = Vec::new();
        {
            let mut stream = index.token_stream("Notebook Core i5-1235U 8GB");
            while stream.advance() {
                let t = stream.token();
                seen.push((t.text.clone(), t.position));
            }
        }
        let seen: Vec<(&str, usize)> = seen.iter().map(|(t, p)| (t.as_str(), *p)).collect();
        assert_eq!(
            seen,
            [
                ("notebook", 0),
                ("cor", 1),
                ("i51235u", 2),
                ("i5", 2),
                ("1235u", 2),
                ("8gb", 3)
            ]
        );
        // A word without digits stays one ("T-Shirt"); a query never splits.
        assert_eq!(tokens(&mut index, "T-Shirt"), vec!["tshirt"]);
        // A colour with its suffix is split too.
        let mut english = TextAnalyzer::from(WordTokenizer::stemming(Lang::En).indexing());
        assert_eq!(
            tokens(&mut english, "Gold-Toned Earrings"),
            vec!["goldton", "gold", "tone", "earring"]
        );
        assert_eq!(tokens(&mut analyzer(Lang::Pt), "i5-1235U"), vec!["i51235u"]);
        // A code of letters glued to digits, too; not a short one.
        assert_eq!(
            tokens(&mut index, "Radeon RX580 S23"),
            vec!["radeon", "rx580", "rx", "580", "s23"]
        );
        // The copy an indexing thread gets splits too.
        let mut copy = index.clone();
        assert_eq!(
            tokens(&mut copy, "WH-1000XM5"),
            vec!["wh1000xm5", "wh", "1000xm5"]
        );
        // A glued code as a part of a hyphenated one.
        assert_eq!(
            tokens(&mut copy, "RX580-8GD5"),
            vec!["rx5808gd5", "rx580", "rx", "580", "8gd5"]
        );
    }
}
