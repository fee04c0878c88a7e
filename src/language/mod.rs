//! The languages' own data, one file per language (`en.toml`, `pt.toml`,
//! beside this one, compiled in): the words shoppers use for prices,
//! sorting, negation and conversation control, the built-in concepts
//! (colours, product types, materials, audiences) that map onto any
//! catalog's values, the function and stop words, the words product
//! titles are read around, and the evidence of each language, which the
//! one language detector ([`detect`]) weighs for messages and catalogs
//! alike. Adding a synonym is a data change; adding a language is a new
//! file and a [`Lang`]. Depends on `model` and `text` only.

pub mod chat;
pub mod detect;
pub mod names;
pub mod noun;
pub mod origins;
pub mod taxonomy;
mod title_words;
mod translations;
pub mod units;

pub use title_words::{denies_before, is_merchandising, is_quality_word};
pub use translations::{
    hand_translations, implied_by, is_hand_translated, spellings, translations,
};

pub use chat::{
    BudgetWord, age_apart, audience_value, budget_word, contrast, corrects, expand_abbreviations,
    is_ambiguous_colour, letter_abbreviation, names_no_colour, opposite, starts_an_age, strip_ages,
};

use crate::model::Lang;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// One language's data file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageData {
    /// Words left out of the description index.
    #[serde(default)]
    pub function_words: Vec<String>,
    /// Words of a message that carry no constraint.
    #[serde(default)]
    pub stop_words: Vec<String>,
    /// Words naming which dimension a length is ("120 cm wide", "altura
    /// de 2 m"): beside a length they say nothing more of it (a title's
    /// "140x80 cm" is measured in every dimension); elsewhere they are
    /// words like any other ("wide leg", "tall boots").
    #[serde(default)]
    pub dimension_words: Vec<String>,
    /// Words qualifying a colour without changing its family.
    #[serde(default)]
    pub color_modifiers: Vec<String>,
    /// Nouns used only in the plural.
    #[serde(default)]
    pub plural_only: Vec<String>,
    /// Head nouns that start a multi-word product type.
    #[serde(default)]
    pub type_heads_first: Vec<String>,
    /// Phrases naming one attribute though they hold a function word.
    #[serde(default)]
    pub attribute_phrases: Vec<String>,
    /// Words joining a product type to another that qualifies it ("bag
    /// for laptop", "bolsa de notebook"): the type after them qualifies
    /// the one before.
    #[serde(default)]
    pub compound_links: Vec<String>,
    /// Regional spellings of one word: word endings and whole words.
    #[serde(default)]
    pub spellings: Spellings,
    /// Words of product titles in this language -> the same words in
    /// English ("gato" -> "cat", "cats"): a shopper's word in one language
    /// finds a catalog's in the other.
    #[serde(default)]
    pub translations: BTreeMap<String, Vec<String>>,
    /// Country (English key) -> its names and adjectives ([`origins`]).
    #[serde(default)]
    pub origins: BTreeMap<String, Vec<String>>,
    /// A word -> title words that imply it, one way ("wireless" <-
    /// "bluetooth": a Bluetooth headset is wireless, a wireless mouse need
    /// not be Bluetooth).
    #[serde(default)]
    pub implied_by: BTreeMap<String, Vec<String>>,
    /// Phrases that correct what was asked before ("actually", "na
    /// verdade"): a word said with them may replace one of its kind.
    #[serde(default)]
    pub corrections: Vec<String>,
    /// Words saying what or where a product is for ("para o quarto"): an
    /// ordinal's word after them is a noun ("quarto"), no pick.
    #[serde(default)]
    pub purpose_links: Vec<String>,
    /// Function words that are also words of models' names ("pro" is
    /// "para o" in Portuguese chat, and "MacBook Pro"): a name beside a
    /// model number ("macbook pro m3", "iphone 16 pro").
    #[serde(default)]
    pub model_words: Vec<String>,
    /// How ages are said ("5 year old", "10 anos"), if the language has
    /// them in its file.
    #[serde(default)]
    pub ages: Option<Ages>,
    /// Abbreviations written with a slash -> the word they stand for
    /// ("p/" -> "para", "w/o" -> "without").
    #[serde(default)]
    pub abbreviations: BTreeMap<String, String>,
    /// A letter that stands for a word before another ("racao p gato":
    /// "p" -> "para"), though not before a colour or a function word,
    /// where it is a size ("camiseta p preta").
    #[serde(default)]
    pub letter_abbreviations: BTreeMap<String, String>,
    /// Diminutive endings -> what ends the word they make smaller
    /// ("inha" -> "a": "capinha" is a small "capa"; "zinho" -> "":
    /// "fonezinho" is a "fone").
    #[serde(default)]
    pub diminutives: BTreeMap<String, Vec<String>>,
    /// Words that deny a price bound said after them ("nothing above
    /// 2000", "shouldn't cost more than 1500"): the bound is the other one.
    #[serde(default)]
    pub budget_negations: Vec<String>,
    /// Words that may stand between such a denial and its bound ("i don't
    /// want to spend more than").
    #[serde(default)]
    pub budget_fillers: Vec<String>,
    /// Answers ("no", "não") that deny a bound only with fillers between.
    #[serde(default)]
    pub budget_answers: Vec<String>,
    /// A phrase -> the attribute phrase it denies ("com fio" -> "sem fio",
    /// "wired" -> "wireless"): saying it excludes the products that have
    /// the other.
    #[serde(default)]
    pub opposites: BTreeMap<String, String>,
    /// A word -> the word titles mark the other kind with ("seca" ->
    /// "úmida": dry food is any "Ração" not marked "Úmida"). Used only when
    /// no title of what was asked says the word and some say the other.
    #[serde(default)]
    pub contrasts: BTreeMap<String, String>,
    /// Garment sizes by their names ("medium" -> "m", "grande" -> "g"),
    /// understood next to the word "size"/"tamanho" when the catalog lists
    /// that size.
    #[serde(default)]
    pub size_names: BTreeMap<String, Vec<String>>,
    /// Names of a catalog's own columns as shoppers say them ("retailer" ->
    /// "store", "loja"), for the questions and replies about them.
    #[serde(default)]
    pub facet_names: BTreeMap<String, String>,
    /// Units of measure by their symbol ("kg" -> "quilos", "kg"), as
    /// titles and shoppers write them after a number.
    #[serde(default)]
    pub units: BTreeMap<String, Vec<String>>,
    /// Evidence of the language.
    pub detection: Detection,
    /// Words product titles are read around.
    pub titles: Titles,
    /// What the importer learns from titles, categories and descriptions.
    #[serde(default)]
    pub learning: Learning,
    /// Function phrases by what they do (see `understand`'s markers).
    #[serde(default)]
    pub markers: BTreeMap<String, Vec<String>>,
    /// Ordinal words by position.
    #[serde(default)]
    pub ordinals: BTreeMap<u32, Vec<String>>,
    /// Small numbers in words.
    #[serde(default)]
    pub cardinals: BTreeMap<u32, Vec<String>>,
    /// Names of constrainable things: a facet name or `price`.
    #[serde(default)]
    pub slots: BTreeMap<String, Vec<String>>,
    /// Audience concept -> the shopper's words for it.
    #[serde(default)]
    pub audiences: BTreeMap<String, Vec<String>>,
    /// Audience concept -> words of catalog values denoting it.
    #[serde(default)]
    pub audience_values: BTreeMap<String, Vec<String>>,
    /// Product type concept -> its names.
    #[serde(default)]
    pub types: BTreeMap<String, Vec<String>>,
    /// A narrower type concept -> its broader one.
    #[serde(default)]
    pub type_broader: BTreeMap<String, String>,
    /// Material concept -> its names.
    #[serde(default)]
    pub materials: BTreeMap<String, Vec<String>>,
    /// Colour concept -> its names and members.
    #[serde(default)]
    pub colors: BTreeMap<String, ColorConcept>,
    /// Currency (ISO 4217 code) -> how shoppers name it.
    #[serde(default)]
    pub currencies: BTreeMap<String, Vec<String>>,
    /// How replies in this language name the concepts.
    #[serde(default)]
    pub names: Names,
}

/// One word's regional spellings ("analogue" and "analog", "colour" and
/// "color"), as pairs of endings and of whole words; either side of a pair
/// stands for the other.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spellings {
    /// Word endings that differ between spellings (`["ogue", "og"]`).
    #[serde(default)]
    pub endings: Vec<(String, String)>,
    /// Whole words that differ (`["grey", "gray"]`).
    #[serde(default)]
    pub words: Vec<(String, String)>,
}

/// How a language says an age (see [`chat::strip_ages`]).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ages {
    /// Words after the number ("year old", "anos").
    pub phrases: Vec<String>,
    /// Words that link the age to a person before it ("de", "of").
    #[serde(default)]
    pub links: Vec<String>,
    /// True when the phrase is also a word of titles, read as an age only
    /// beside a person ("anos").
    #[serde(default)]
    pub beside_a_person: bool,
    /// The word for kids, left for a child's age said of no child.
    pub kids: String,
}

/// How replies in a language name the built-in concepts (see [`names`]).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Names {
    /// Type concept -> "singular, plural[, gender]".
    #[serde(default)]
    pub types: BTreeMap<String, String>,
    /// Colour concept -> its forms.
    #[serde(default)]
    pub colors: BTreeMap<String, String>,
    /// Audience concept -> its forms.
    #[serde(default)]
    pub audiences: BTreeMap<String, String>,
}

/// What shows a text is in a language.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Detection {
    /// Words (folded) that only this language uses, or nearly.
    pub words: Vec<String>,
    /// Letters only this language writes.
    #[serde(default)]
    pub letters: String,
    /// Signs only this language's shoppers write (`R$`).
    #[serde(default)]
    pub signs: Vec<String>,
    /// Currencies (ISO 4217) of stores that sell in this language: a
    /// catalog priced in one is in this language unless another's
    /// evidence clearly outweighs it (titles full of English tech words).
    #[serde(default)]
    pub currencies: Vec<String>,
    /// Syllables whose repetition is laughter in this language.
    #[serde(default)]
    pub laughter: Vec<String>,
}

/// Words of product titles.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Titles {
    /// Words ending a title's main noun phrase.
    pub connectors: Vec<String>,
    /// Audience words, never product types.
    pub audience: Vec<String>,
    /// Words that are never a product type.
    pub not_types: Vec<String>,
    /// Where titles start with the type: words that are what the product
    /// is even when a product type follows them, services and parts for
    /// another product ("Garantia Estendida Microondas", "Bateria
    /// Notebook").
    #[serde(default)]
    pub part_heads: Vec<String>,
    /// Words that say a title lacks what the next word names ("Non Padded
    /// Bra", "Fone sem Fio"): a shopper asking for that word does not
    /// mean those products.
    #[serde(default)]
    pub negators: Vec<String>,
    /// Words that say so after the word they deny ("Sulfate Free",
    /// "Paraben-Free").
    #[serde(default)]
    pub negators_after: Vec<String>,
    /// Words that say a title imitates what the next word names ("Faux
    /// Leather"): not it either, but no claim of lacking it.
    #[serde(default)]
    pub imitations: Vec<String>,
    /// Words of a store's merchandising and calendar categories ("Just
    /// Arrived", "Online Exclusives", "Thursday 19th May"): a category
    /// level made of them, numbers and function words is no product type.
    #[serde(default)]
    pub merchandising: Vec<String>,
}

impl Titles {
    /// The words before a word that say the product is not it: negators
    /// and imitations.
    pub fn denials(&self) -> impl Iterator<Item = &String> {
        self.negators.iter().chain(&self.imitations)
    }

    /// The phrases claiming a product lacks `word`: a negator before it
    /// ("without sulfate", "sem sulfato"), then one after it ("sulfate
    /// free"), also joined by a hyphen ("sulfate-free") for a word of
    /// letters only: "400l-free" reads as the measurement alone.
    pub fn lack_phrases<'a>(&'a self, word: &'a str) -> impl Iterator<Item = String> + 'a {
        let joined = word.chars().all(char::is_alphabetic);
        let before = self.negators.iter().map(move |n| format!("{n} {word}"));
        let after = self.negators_after.iter().flat_map(move |n| {
            std::iter::once(format!("{word} {n}")).chain(joined.then(|| format!("{word}-{n}")))
        });
        before.chain(after)
    }
}

/// The words the importer learns audiences and colours from, where the
/// catalog has no column for them.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Learning {
    /// Audience concept -> words naming it wherever they stand.
    #[serde(default)]
    pub audience_words: BTreeMap<String, Vec<String>>,
    /// Audience concept -> nouns naming it only after a `for_words` word.
    #[serde(default)]
    pub audience_nouns: BTreeMap<String, Vec<String>>,
    /// Words introducing who a product is for ("for", "para").
    #[serde(default)]
    pub for_words: Vec<String>,
    /// Words that may stand between a `for_words` word and its noun.
    #[serde(default)]
    pub for_fillers: Vec<String>,
    /// Words after which a title names what the product fits or goes
    /// with ("Cable Compatible with Samsung", "Capa para iPhone"): names
    /// there are other makers' products, not the brand.
    #[serde(default)]
    pub fits_words: Vec<String>,
    /// Audience concept -> how a learned audience is written in a catalog
    /// in this language.
    #[serde(default)]
    pub audience_display: BTreeMap<String, String>,
    /// Phrases whose audience words name something else ("Iron Man").
    #[serde(default)]
    pub not_audience: Vec<String>,
    /// Words showing a product is for animals.
    #[serde(default)]
    pub animal_words: Vec<String>,
    /// Animal concept -> its words (folded): a product for one is not for
    /// another ("Ração … Cães" is no cat food).
    #[serde(default)]
    pub animals: BTreeMap<String, Vec<String>>,
    /// Labels introducing a colour ("Cor: Preto").
    #[serde(default)]
    pub color_labels: Vec<String>,
    /// Words before a colour word that make it something else.
    #[serde(default)]
    pub not_color_before: Vec<String>,
    /// Words after a colour word that make it a name ("Black Line").
    #[serde(default)]
    pub not_color_after: Vec<String>,
    /// Words that make a colour later in the same part of a title a
    /// component's ("Switch Gateron Red", "Teclas lineares Vermelho").
    #[serde(default)]
    pub not_color_in_part: Vec<String>,
    /// Words that make the colour word before them certain ("Peach-Coloured",
    /// "Gold-Toned"): the colour of the product, wherever it stands.
    #[serde(default)]
    pub color_suffixes: Vec<String>,
    /// Phrases whose colour words are not colours.
    #[serde(default)]
    pub not_color_phrases: Vec<String>,
    /// Colour words that are colours only at the end of a title or part,
    /// after a label, or beside a certain colour.
    #[serde(default)]
    pub ambiguous_colors: Vec<String>,
}

/// A colour family.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColorConcept {
    /// The names shoppers use.
    pub names: Vec<String>,
    /// Further catalog values of the family.
    #[serde(default)]
    pub members: Vec<String>,
}

/// The data file of each language, as compiled in.
const SOURCES: [(Lang, &str); 2] = [
    (Lang::En, include_str!("en.toml")),
    (Lang::Pt, include_str!("pt.toml")),
];

/// Every language's data, parsed once.
fn all() -> &'static [(Lang, LanguageData)] {
    static DATA: OnceLock<Vec<(Lang, LanguageData)>> = OnceLock::new();
    DATA.get_or_init(|| {
        SOURCES
            .iter()
            .map(|&(lang, text)| {
                // The files are compiled in and parsed by this module's
                // tests: a broken file fails `cargo test`, never a user.
                let data = toml::from_str(text).unwrap_or_else(|e| {
                    panic!("src/language/{}.toml is not valid: {e}", lang.code())
                });
                (lang, data)
            })
            .collect()
    })
}

/// The data of one language.
pub fn data(lang: Lang) -> &'static LanguageData {
    static EMPTY: OnceLock<LanguageData> = OnceLock::new();
    all()
        .iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, d)| d)
        .unwrap_or_else(|| EMPTY.get_or_init(LanguageData::default))
}

/// Every language's data, in [`Lang::ALL`] order.
pub fn every() -> impl Iterator<Item = (Lang, &'static LanguageData)> {
    all().iter().map(|(l, d)| (*l, d))
}

/// A concept table merged over every language: concept id -> the names of
/// all languages (in [`Lang::ALL`] order).
pub fn concepts(
    table: impl Fn(&'static LanguageData) -> &'static BTreeMap<String, Vec<String>>,
) -> BTreeMap<&'static str, Vec<&'static str>> {
    let mut merged: BTreeMap<&'static str, Vec<&'static str>> = BTreeMap::new();
    for (_, d) in every() {
        for (id, names) in table(d) {
            merged
                .entry(id.as_str())
                .or_default()
                .extend(names.iter().map(String::as_str));
        }
    }
    merged
}

/// The languages whose `[types]` name a product type with `key` (folded):
/// "desodorante" is a Portuguese name, "deodorant" an English one.
pub fn type_name_languages(key: &str) -> &'static [Lang] {
    static TABLE: OnceLock<rustc_hash::FxHashMap<String, Vec<Lang>>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            let mut table: rustc_hash::FxHashMap<String, Vec<Lang>> = Default::default();
            for (lang, d) in every() {
                for name in d.types.values().flatten() {
                    let langs = table.entry(crate::text::key(name)).or_default();
                    if !langs.contains(&lang) {
                        langs.push(lang);
                    }
                }
            }
            table
        })
        .get(key)
        .map_or(&[], Vec::as_slice)
}

/// The word list of each language (`words/*.txt`: its known words, most
/// frequent first), compiled in.
const WORD_LISTS: [(Lang, &str); 2] = [
    (Lang::En, include_str!("words/en.txt")),
    (Lang::Pt, include_str!("words/pt.txt")),
];

/// Words of a list that are its language's common words: the most
/// frequent ones.
const COMMON_WORDS: u32 = 25_000;

/// Each language's known words with their frequency rank (0 = most
/// frequent), hashed once.
fn word_sets() -> &'static [(Lang, rustc_hash::FxHashMap<&'static str, u32>)] {
    static SETS: OnceLock<Vec<(Lang, rustc_hash::FxHashMap<&'static str, u32>)>> = OnceLock::new();
    SETS.get_or_init(|| {
        WORD_LISTS
            .iter()
            .map(|&(lang, text)| {
                let words = text
                    .lines()
                    .filter(|line| !line.is_empty() && !line.starts_with('#'))
                    .zip(0..)
                    .collect();
                (lang, words)
            })
            .collect()
    })
}

/// True when `word` (folded, see [`crate::text::key`]) is a common word of
/// some language: a real word, which typo correction leaves alone.
pub fn is_common_word(word: &str) -> bool {
    common_in(word).next().is_some()
}

/// The rank of `word` (folded) in the word lists, the most frequent of
/// its languages' (0 is the most frequent word); `None` when it is in none.
pub fn word_rank(word: &str) -> Option<u32> {
    word_sets()
        .iter()
        .filter_map(|(_, words)| words.get(word).copied())
        .min()
}

/// True when `key` (folded) names a dimension of a length in some language
/// ("wide", "altura"; see [`LanguageData::dimension_words`]).
pub fn is_dimension_word(key: &str) -> bool {
    static WORDS: OnceLock<rustc_hash::FxHashSet<String>> = OnceLock::new();
    WORDS
        .get_or_init(|| every_folded(|d| &d.dimension_words))
        .contains(key)
}

/// The words of one list of every language's data, folded.
fn every_folded(list: fn(&LanguageData) -> &Vec<String>) -> rustc_hash::FxHashSet<String> {
    every()
        .flat_map(|(_, d)| list(d).iter())
        .map(|w| crate::text::key(w))
        .collect()
}

/// True when `word` (folded) is a word of some language, however rare
/// ("upholstered", "liquidificador"): not gibberish.
pub fn is_known_word(word: &str) -> bool {
    word_sets()
        .iter()
        .any(|(_, words)| words.contains_key(word))
}

/// The languages `word` (folded) is a common word of.
pub fn common_in(word: &str) -> impl Iterator<Item = Lang> + '_ {
    word_sets()
        .iter()
        .filter(move |(_, words)| words.get(word).is_some_and(|&rank| rank < COMMON_WORDS))
        .map(|(lang, _)| *lang)
}

/// Where `word` (folded) stands in `lang`'s word list, most common first
/// (0); `None` when the list lacks it.
pub fn rank(lang: Lang, word: &str) -> Option<u32> {
    word_sets()
        .iter()
        .find(|(l, _)| *l == lang)
        .and_then(|(_, words)| words.get(word).copied())
}

/// True when `word` (folded) is an English word as Portuguese text uses
/// it, a loanword ("air", "fryer", "cooler", "smart"): English's word list
/// ranks it at least twice as common as Portuguese's does, or Portuguese's
/// lacks it. Words both languages use alike ("notebook", "tv", "gamer")
/// are not.
pub fn is_english_loanword(word: &str) -> bool {
    match (rank(Lang::En, word), rank(Lang::Pt, word)) {
        (Some(en), Some(pt)) => pt >= en.saturating_mul(2),
        (Some(_), None) => true,
        _ => false,
    }
}

/// The languages whose laughter `word` (folded) is ("kkkk", "hahaha",
/// "rsrs"): a word made only of one laughing syllable, repeated.
pub fn laughter(word: &str) -> impl Iterator<Item = Lang> + '_ {
    every().filter_map(move |(lang, d)| {
        let laughs = d.detection.laughter.iter().any(|syllable| {
            !syllable.is_empty()
                && word.len() >= 3
                && word.len() >= 2 * syllable.len()
                && word.len().is_multiple_of(syllable.len())
                && word
                    .as_bytes()
                    .chunks(syllable.len())
                    .all(|c| c == syllable.as_bytes())
        });
        laughs.then_some(lang)
    })
}

/// True when `word` (folded) is a function word of any language.
pub fn is_function_word(word: &str) -> bool {
    static WORDS: OnceLock<rustc_hash::FxHashSet<String>> = OnceLock::new();
    WORDS
        .get_or_init(|| every_folded(|d| &d.function_words))
        .contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translations_go_both_ways() {
        assert!(translations("cats").contains(&"gato".to_string()));
        assert!(translations("gato").contains(&"cat".to_string()));
        assert!(translations("wireless").contains(&"sem fio".to_string()));
        assert!(translations("Mecânico").contains(&"mechanical".to_string()));
        assert!(translations("qwerty").is_empty());
        assert!(translations("algodão").contains(&"cotton".to_string()));
        assert!(translations("cotton").contains(&"algodao".to_string()));
        // Through their English: "cachorro" finds "Cães".
        assert!(translations("cachorro").contains(&"caes".to_string()));
        assert!(translations("cão").contains(&"cachorro".to_string()));
    }

    #[test]
    fn regional_spellings_go_both_ways() {
        assert!(spellings("analog").contains(&"analogue".to_string()));
        assert!(spellings("Analogue").contains(&"analog".to_string()));
        assert!(spellings("colour").contains(&"color".to_string()));
        assert!(spellings("gray").contains(&"grey".to_string()));
        assert!(spellings("jewelry").contains(&"jewellery".to_string()));
        assert!(!spellings("analog").contains(&"analog".to_string()));
        // Too short a stem is no word's spelling.
        assert!(spellings("tour").is_empty());
    }

    #[test]
    fn every_language_file_parses_and_has_its_evidence() {
        for (lang, text) in SOURCES {
            let parsed: Result<LanguageData, _> = toml::from_str(text);
            let data = parsed.unwrap_or_else(|e| panic!("{}.toml: {e}", lang.code()));
            assert!(!data.detection.words.is_empty(), "{}", lang.code());
            assert!(!data.markers.is_empty(), "{}", lang.code());
        }
        assert_eq!(every().count(), Lang::ALL.len());
    }

    #[test]
    fn concepts_merge_the_languages() {
        let types = concepts(|d| &d.types);
        let sneaker = &types["sneaker"];
        assert!(sneaker.contains(&"sneakers") && sneaker.contains(&"tênis"));
        assert!(is_function_word("the") && is_function_word("para"));
        assert!(!is_function_word("shoe"));
    }

    #[test]
    fn common_words_and_laughter() {
        for word in ["either", "policy", "wire", "dresser", "sapato", "social"] {
            assert!(is_common_word(word), "{word}");
        }
        for typo in ["snekers", "blak", "pumma", "camisseta"] {
            assert!(!is_common_word(typo), "{typo}");
        }
        assert_eq!(laughter("kkkkk").collect::<Vec<_>>(), vec![Lang::Pt]);
        assert_eq!(laughter("rsrs").collect::<Vec<_>>(), vec![Lang::Pt]);
        assert_eq!(laughter("hahaha").count(), 2);
        assert_eq!(laughter("kit").count(), 0);
        assert_eq!(laughter("ha").count(), 0);
    }
}
