//! The built-in vocabulary as the lexicon uses it: the language data files
//! (`src/language/*.toml`, every language merged) turned into function
//! phrases ([`Marker`]s), slot names, stop words and the concepts
//! (colours, audiences, product types, materials) that are mapped onto
//! the catalog's own facet values. Phrases stay as written in the files;
//! the lexicon normalises them with [`crate::text::key`].

use crate::language::{self, LanguageData};
use crate::model::Sort;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// What a function phrase does in a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker {
    /// "not", "without", "sem", "exceto": excludes the following entity.
    Neg,
    /// English "no": negation in English, a contraction ("in the") in Portuguese.
    NoWord,
    /// "but", "mas": negation after "any colour", nothing elsewhere.
    But,
    /// "by", "from", "da": a brand spelt like a common word may follow.
    BrandCue,
    /// "or", "ou", "nor": alternatives.
    Or,
    /// "and", "e", "&".
    And,
    /// "also", "too", "também", "add": values are added, not replacing.
    Also,
    /// "instead of", "em vez de": the following entity is the old value.
    InsteadOf,
    /// "any", "qualquer", "all": with a slot name, clears it.
    Any,
    /// "forget", "remove", "esquece", "sem filtro de": with a slot or value, clears it.
    Forget,
    /// "doesn't matter", "tanto faz": after a slot name, clears it.
    DontCare,
    /// "another", "different", "outra": with a slot name, excludes its
    /// current values.
    Other,
    /// "under", "até", "less than", "<".
    Lt,
    /// "over", "acima de", "at least", ">".
    Gt,
    /// "between", "entre".
    Between,
    /// "around", "cerca de", "~".
    Around,
    /// "from": a lower bound or the start of a range.
    From,
    /// After a number: "or less", "ou menos", "max".
    OrLess,
    /// After a number: "or more", "and up", "+", "ou mais".
    OrMore,
    /// A currency, by its ISO code: "$", "R$", "rupees", "reais".
    Cur(&'static str),
    /// "stars", "estrelas".
    Stars,
    /// "rated", "rating", "nota": a following number is a rating.
    Rated,
    /// "highly rated", "bem avaliado": rating at least 4.
    HighlyRated,
    /// "cheap", "barato", "em conta".
    Cheap,
    /// "cheaper", "mais barato".
    Cheaper,
    /// "more expensive", "better", "mais caro".
    Pricier,
    /// "bigger", "maior": a larger size of the measurement asked for;
    /// "more powerful": a larger power.
    Bigger(super::ops::Measured),
    /// "smaller", "menor": a smaller size of it.
    Smaller(super::ops::Measured),
    /// Sorting phrases.
    Sort(Sort),
    /// "start over", "recomeçar".
    Reset,
    /// "clear": a reset alone, a clearing before a slot.
    ClearWord,
    /// "show more", "next", "ver mais".
    More,
    /// "more like this", "similar", "parecidos".
    Similar,
    /// "number", "#", "item", "option", "opção": a following number selects.
    Pick,
    /// Ordinal words: "second", "segunda".
    Ordinal(u32),
    /// Small cardinal words: "two", "quatro".
    Cardinal(u32),
    /// "thousand", "mil", "k" after a number; "mil", "thousand" alone
    /// are a thousand.
    Thousand,
    /// "hundred" after a number, or alone.
    Hundred,
    /// "hi", "olá".
    Greeting,
    /// "thanks", "obrigado".
    Thanks,
    /// "help", "ajuda".
    Help,
    /// "how much?", "quanto custa?": the price of what was shown.
    PriceAsked,
}

/// A slot that can be named: "brand", "cor", "price".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SlotName {
    /// A facet by its canonical name (`brand`, `color`, ...).
    Facet(&'static str),
    /// The price.
    Price,
}

/// Audiences a value or a shopper's word can mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Audience {
    /// Men.
    Men,
    /// Women.
    Women,
    /// Boys.
    Boys,
    /// Girls.
    Girls,
    /// Children in general.
    Kids,
    /// Unisex (adults).
    Unisex,
}

impl Audience {
    /// The audience a data file's concept id names.
    fn from_id(id: &str) -> Option<Audience> {
        Some(match id {
            "men" => Audience::Men,
            "women" => Audience::Women,
            "boys" => Audience::Boys,
            "girls" => Audience::Girls,
            "kids" => Audience::Kids,
            "unisex" => Audience::Unisex,
            _ => return None,
        })
    }
}

/// The marker a data file's `[markers]` key names.
fn marker(key: &str) -> Option<Marker> {
    use Marker::*;
    Some(match key {
        "not" => Neg,
        "no_word" => NoWord,
        "but" => But,
        "brand_cue" => BrandCue,
        "or" => Or,
        "and" => And,
        "also" => Also,
        "instead_of" => InsteadOf,
        "any" => Any,
        "forget" => Forget,
        "dont_care" => DontCare,
        "other" => Other,
        "under" => Lt,
        "over" => Gt,
        "between" => Between,
        "around" => Around,
        "from" => From,
        "or_less" => OrLess,
        "or_more" => OrMore,
        "thousand" => Thousand,
        "hundred" => Hundred,
        "stars" => Stars,
        "rated" => Rated,
        "highly_rated" => HighlyRated,
        "cheap" => Cheap,
        "cheaper" => Cheaper,
        "pricier" => Pricier,
        "bigger" => Bigger(super::ops::Measured::Size),
        "smaller" => Smaller(super::ops::Measured::Size),
        "more_power" => Bigger(super::ops::Measured::Power),
        "less_power" => Smaller(super::ops::Measured::Power),
        "sort_price_asc" => Sort(crate::model::Sort::PriceAsc),
        "sort_price_desc" => Sort(crate::model::Sort::PriceDesc),
        "sort_rating_desc" => Sort(crate::model::Sort::RatingDesc),
        "sort_relevance" => Sort(crate::model::Sort::Relevance),
        "reset" => Reset,
        "clear" => ClearWord,
        "more" => More,
        "similar" => Similar,
        "pick" => Pick,
        "greeting" => Greeting,
        "thanks" => Thanks,
        "help" => Help,
        "price_asked" => PriceAsked,
        _ => return None,
    })
}

/// Every language's built-in vocabulary, merged.
#[derive(Debug)]
pub(crate) struct Builtin {
    /// Function phrases.
    pub markers: Vec<(&'static str, Marker)>,
    /// Slot names: "any brand", "qualquer cor", "forget the price".
    pub slot_names: Vec<(&'static str, SlotName)>,
    /// Words that carry no constraint.
    pub stop_words: Vec<&'static str>,
    /// Phrases kept together as words to search ("sem fio", and the
    /// phrases of `[translations]`: "manga longa").
    pub attribute_phrases: Vec<&'static str>,
    /// Colour concepts: (names, further members of the family).
    pub colors: Vec<(Vec<&'static str>, Vec<&'static str>)>,
    /// Words qualifying a colour without changing its family (folded).
    pub color_modifiers: Vec<String>,
    /// The shopper's words for audiences.
    pub audience_words: Vec<(&'static str, Audience)>,
    /// Words of catalog gender values, by the audience they denote (folded).
    pub audience_value_words: Vec<(String, Audience)>,
    /// Product type concepts: (id, names).
    pub types: Vec<(&'static str, Vec<&'static str>)>,
    /// (narrower type concept, broader one), by id.
    pub type_broader: Vec<(&'static str, &'static str)>,
    /// Head nouns that start a multi-word type value (folded).
    pub type_heads_first: Vec<String>,
    /// Material concepts: names.
    pub materials: Vec<Vec<&'static str>>,
}

fn folded<'a>(lists: impl Iterator<Item = &'a Vec<String>>) -> Vec<String> {
    lists.flatten().map(|w| crate::text::key(w)).collect()
}

impl Builtin {
    fn load() -> Builtin {
        let all = || language::every().map(|(_, d)| d);
        let mut markers = Vec::new();
        let mut slot_names = Vec::new();
        let mut audience_words = Vec::new();
        let mut audience_value_words = Vec::new();
        let mut colors: BTreeMap<&'static str, (Vec<&'static str>, Vec<&'static str>)> =
            BTreeMap::new();
        let mut type_broader = Vec::new();
        for d in all() {
            for (key, phrases) in &d.markers {
                if let Some(m) = marker(key) {
                    markers.extend(phrases.iter().map(|p| (p.as_str(), m)));
                }
            }
            for (code, phrases) in &d.currencies {
                markers.extend(
                    phrases
                        .iter()
                        .map(|p| (p.as_str(), Marker::Cur(code.as_str()))),
                );
            }
            for (n, phrases) in &d.ordinals {
                markers.extend(phrases.iter().map(|p| (p.as_str(), Marker::Ordinal(*n))));
            }
            for (n, phrases) in &d.cardinals {
                markers.extend(phrases.iter().map(|p| (p.as_str(), Marker::Cardinal(*n))));
            }
            for (slot, phrases) in &d.slots {
                let name = match slot.as_str() {
                    "price" => SlotName::Price,
                    facet => SlotName::Facet(facet),
                };
                slot_names.extend(phrases.iter().map(|p| (p.as_str(), name)));
            }
            for (id, words) in &d.audiences {
                if let Some(a) = Audience::from_id(id) {
                    audience_words.extend(words.iter().map(|w| (w.as_str(), a)));
                }
            }
            for (id, words) in &d.audience_values {
                if let Some(a) = Audience::from_id(id) {
                    audience_value_words.extend(words.iter().map(|w| (crate::text::key(w), a)));
                }
            }
            for (id, concept) in &d.colors {
                let entry = colors.entry(id.as_str()).or_default();
                entry.0.extend(concept.names.iter().map(String::as_str));
                entry.1.extend(concept.members.iter().map(String::as_str));
            }
            type_broader.extend(d.type_broader.iter().map(|(a, b)| (a.as_str(), b.as_str())));
        }
        let list = |f: fn(&'static LanguageData) -> &'static Vec<String>| -> Vec<&'static str> {
            all().flat_map(f).map(String::as_str).collect()
        };
        Builtin {
            markers,
            slot_names,
            stop_words: list(|d| &d.stop_words),
            // A phrase a language's file translates is one too ("manga
            // longa": its words apart would be searched apart).
            attribute_phrases: list(|d| &d.attribute_phrases)
                .into_iter()
                .chain(all().flat_map(|d| d.opposites.keys()).map(String::as_str))
                .chain(
                    all()
                        .flat_map(|d| d.translations.keys())
                        .filter(|k| k.contains(' '))
                        .map(String::as_str),
                )
                // and a product noun of the taxonomy's ("mesa de centro"
                // is no "mesa" with a "centro").
                .chain(language::taxonomy::phrases())
                .collect(),
            colors: colors.into_values().collect(),
            color_modifiers: folded(all().map(|d| &d.color_modifiers)),
            audience_words,
            audience_value_words,
            types: language::concepts(|d| &d.types).into_iter().collect(),
            type_broader,
            type_heads_first: folded(all().map(|d| &d.type_heads_first)),
            materials: language::concepts(|d| &d.materials).into_values().collect(),
        }
    }
}

/// The built-in vocabulary, loaded once.
pub(crate) fn builtin() -> &'static Builtin {
    static BUILTIN: OnceLock<Builtin> = OnceLock::new();
    BUILTIN.get_or_init(Builtin::load)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_of_the_data_files_is_understood() {
        for (lang, d) in language::every() {
            for key in d.markers.keys() {
                assert!(marker(key).is_some(), "{}.toml: marker {key}", lang.code());
            }
            for id in d.audiences.keys().chain(d.audience_values.keys()) {
                assert!(
                    Audience::from_id(id).is_some(),
                    "{}.toml: audience {id}",
                    lang.code()
                );
            }
            let types = language::concepts(|d| &d.types);
            for (narrow, broad) in &d.type_broader {
                assert!(types.contains_key(narrow.as_str()), "{narrow}");
                assert!(types.contains_key(broad.as_str()), "{broad}");
            }
        }
        let b = builtin();
        assert!(
            b.markers
                .iter()
                .any(|(p, m)| *p == "até" && *m == Marker::Lt)
        );
        assert!(
            b.markers
                .iter()
                .any(|(p, m)| *p == "second" && *m == Marker::Ordinal(2))
        );
    }
}
