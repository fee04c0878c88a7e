//! Naming a catalog value in the reply's language: when a value is a
//! built-in concept written in another language ("Watch" in a Portuguese
//! reply, "Tênis" in an English one), the reply names the concept in its
//! own language, with the agreement Portuguese needs ("relógios pretos
//! masculinos", "camisetas pretas femininas"). Values in the reply's
//! language, and values no concept knows, stay as the catalog writes them.

use super::{LanguageData, data, every};
use crate::model::Lang;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Grammatical gender, which Portuguese adjectives agree with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Gender {
    /// Masculine (also the default).
    #[default]
    Masculine,
    /// Feminine.
    Feminine,
}

/// A product type named in a language.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeName {
    /// "relógio".
    pub one: String,
    /// "relógios".
    pub many: String,
    /// What adjectives agree with.
    pub gender: Gender,
}

/// The kinds of concept a value may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Type,
    Color,
    Audience,
}

/// Folded name -> (kind, concept id, languages it is a word of).
type Index = FxHashMap<(Kind, String), (&'static str, Vec<Lang>)>;

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: Index = FxHashMap::default();
        let mut put = |kind: Kind, name: &str, id: &'static str, lang: Lang| {
            let entry = index
                .entry((kind, crate::text::key(name)))
                .or_insert((id, Vec::new()));
            if !entry.1.contains(&lang) {
                entry.1.push(lang);
            }
        };
        for (lang, d) in every() {
            for (id, names) in &d.types {
                for n in names {
                    put(Kind::Type, n, id, lang);
                }
            }
            // A colour's own names first: "navy" is navy, though blue
            // counts it among its shades.
            for (id, c) in &d.colors {
                for n in &c.names {
                    put(Kind::Color, n, id, lang);
                }
            }
            for (id, words) in &d.audience_values {
                for w in words {
                    put(Kind::Audience, w, id, lang);
                }
            }
        }
        for (lang, d) in every() {
            for (id, c) in &d.colors {
                for n in &c.members {
                    put(Kind::Color, n, id, lang);
                }
            }
        }
        index
    })
}

/// The concept a catalog value is, when it is written in another language
/// than `lang`.
fn foreign(kind: Kind, value: &str, lang: Lang) -> Option<&'static str> {
    let key = crate::text::key(value);
    let (id, langs) = index()
        .get(&(kind, key.clone()))
        .or_else(|| index().get(&(kind, super::noun::singular(&key).to_string())))?;
    (!langs.contains(&lang)).then_some(*id)
}

fn forms(
    table: fn(&'static LanguageData) -> &'static BTreeMap<String, String>,
    lang: Lang,
    id: &str,
) -> Option<Vec<&'static str>> {
    table(data(lang))
        .get(id)
        .map(|f| f.split(',').map(str::trim).collect())
}

/// The built-in type concept a type value names in any language ("Smart
/// Watches" -> `smartwatch`), when it names one.
pub fn type_concept(value: &str) -> Option<&'static str> {
    let key = crate::text::key(value);
    index()
        .get(&(Kind::Type, key.clone()))
        .or_else(|| index().get(&(Kind::Type, super::noun::singular(&key).to_string())))
        .map(|(id, _)| *id)
}

/// True when type concept `narrow`'s broader concept is `broad`
/// (`smartwatch` and `watch`).
pub fn concept_is_under(narrow: &str, broad: &str) -> bool {
    narrow != broad
        && super::every().any(|(_, d)| d.type_broader.get(narrow).is_some_and(|up| up == broad))
}

/// The name of a type value in `lang`, when the catalog writes it in
/// another language and `lang` has a name for its concept.
pub fn type_name(value: &str, lang: Lang) -> Option<TypeName> {
    let id = foreign(Kind::Type, value, lang)?;
    type_forms(id, lang)
}

/// The phrasebook's name of the type concept `value` already names in
/// `lang`, when `value` is that name with its accents or case lost
/// ("tenis" -> "tênis", "tênis", masculine): a shopper's unaccented word
/// kept as a type the catalog does not have.
pub fn own_type_name(value: &str, lang: Lang) -> Option<TypeName> {
    let id = type_concept(value)?;
    let name = type_forms(id, lang)?;
    let key = crate::text::key(value);
    [&name.one, &name.many]
        .iter()
        .any(|form| crate::text::key(form) == key)
        .then_some(name)
}

fn type_forms(id: &str, lang: Lang) -> Option<TypeName> {
    let f = forms(|d| &d.names.types, lang, id)?;
    let (one, many) = (f.first()?, f.get(1).or(f.first())?);
    Some(TypeName {
        one: one.to_string(),
        many: many.to_string(),
        gender: match f.get(2) {
            Some(&"f") => Gender::Feminine,
            _ => Gender::Masculine,
        },
    })
}

/// A form of four ("m sg, f sg, m pl, f pl") or of one.
fn agreeing(f: &[&'static str], gender: Gender, plural: bool) -> Option<&'static str> {
    if f.len() < 4 {
        return f.first().copied();
    }
    let at = match (gender, plural) {
        (Gender::Masculine, false) => 0,
        (Gender::Feminine, false) => 1,
        (Gender::Masculine, true) => 2,
        (Gender::Feminine, true) => 3,
    };
    f.get(at).copied()
}

/// The name of a colour value in `lang`, agreeing with a noun of `gender`
/// (in the plural when `plural`), when the catalog writes it in another
/// language.
pub fn color_name(value: &str, lang: Lang, gender: Gender, plural: bool) -> Option<&'static str> {
    let id = foreign(Kind::Color, value, lang)?;
    agreeing(&forms(|d| &d.names.colors, lang, id)?, gender, plural)
}

/// The colour family of a catalog value, named in `lang`: by the value's
/// own key, else once its shade words are set aside ("Preto Fosco", "Light
/// Preto" and "Matte Black" are all black). `None` when no family (or no
/// name in `lang`) fits.
pub fn color_family(value: &str, lang: Lang, gender: Gender, plural: bool) -> Option<&'static str> {
    let key = crate::text::key(value);
    let id = match index().get(&(Kind::Color, key.clone())) {
        Some((id, _)) => *id,
        None => {
            let modifiers: Vec<String> = every()
                .flat_map(|(_, d)| d.color_modifiers.iter())
                .map(|m| crate::text::key(m))
                .collect();
            let core: Vec<&str> = key
                .split(' ')
                .filter(|w| !modifiers.iter().any(|m| m == w))
                .collect();
            index()
                .get(&(Kind::Color, core.join(" ")))
                .map(|(id, _)| *id)?
        }
    };
    agreeing(&forms(|d| &d.names.colors, lang, id)?, gender, plural)
}

/// The colour concept a value names, by its key ("Navy Blue" -> navy).
pub fn colour_concept(value: &str) -> Option<&'static str> {
    index()
        .get(&(Kind::Color, crate::text::key(value)))
        .map(|(id, _)| *id)
}

/// The broader colour concepts counting `value` among their shades
/// ("navy" -> blue): a catalog whose colour column says "Blue" may name
/// the shade in its titles.
pub fn colour_families_of_shade(value: &str) -> &'static [&'static str] {
    // Shade key -> the families listing it, built once (this runs in
    // searches with a colour).
    static SHADES: OnceLock<FxHashMap<String, Vec<&'static str>>> = OnceLock::new();
    let shades = SHADES.get_or_init(|| {
        let mut shades: FxHashMap<String, Vec<&'static str>> = FxHashMap::default();
        for (_, d) in every() {
            for (id, c) in &d.colors {
                for m in &c.members {
                    let key = crate::text::key(m);
                    // A shade of its own name ("navy") and one only listed
                    // ("grey melange") alike; a concept's own names are
                    // no shade of it.
                    let named = c.names.iter().any(|n| crate::text::key(n) == key);
                    let families = shades.entry(key).or_default();
                    if !named && !families.contains(&id.as_str()) {
                        families.push(id.as_str());
                    }
                }
            }
        }
        shades
    });
    shades
        .get(&crate::text::key(value))
        .map_or(&[], Vec::as_slice)
}

/// How `lang` says who an audience value is for ("for men", "masculinos",
/// "para meninas"), agreeing with the noun; for any value an audience
/// concept knows, in whatever language the catalog writes it.
pub fn audience_name(
    value: &str,
    lang: Lang,
    gender: Gender,
    plural: bool,
) -> Option<&'static str> {
    let key = crate::text::key(value);
    let (id, _) = index().get(&(Kind::Audience, key))?;
    agreeing(&forms(|d| &d.names.audiences, lang, id)?, gender, plural)
}

/// The gender of a type value in `lang`: its concept's, else `None`.
pub fn type_gender(value: &str, lang: Lang) -> Option<Gender> {
    let key = crate::text::key(value);
    let (id, _) = index()
        .get(&(Kind::Type, key.clone()))
        .or_else(|| index().get(&(Kind::Type, super::noun::singular(&key).to_string())))?;
    let f = forms(|d| &d.names.types, lang, id)?;
    Some(match f.get(2) {
        Some(&"f") => Gender::Feminine,
        _ => Gender::Masculine,
    })
}

/// A catalog column's name as a reply in `lang` says it: the language
/// file's name for it ("retailer" -> "loja"), else the column's own words.
/// A numbered column of a list ("uva1", "grape_2") is named without its
/// number, a column renamed apart from a field's name (`x_color`) without
/// its mark.
pub fn facet_label(name: &str, lang: Lang) -> String {
    let name = name.strip_prefix("x_").unwrap_or(name);
    let words = name.replace('_', " ");
    let unnumbered = words.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
    let words = if unnumbered.is_empty() {
        words.as_str()
    } else {
        unnumbered
    };
    super::data(lang)
        .facet_names
        .get(&crate::text::key(words))
        .cloned()
        .unwrap_or_else(|| words.to_string())
}

/// True when `phrase` names a material of a language's `[materials]`
/// ("leather", "algodão"): what a product is made of, not what it is.
pub fn is_material(phrase: &str) -> bool {
    static NAMES: OnceLock<rustc_hash::FxHashSet<String>> = OnceLock::new();
    NAMES
        .get_or_init(|| {
            every()
                .flat_map(|(_, d)| {
                    d.materials
                        .iter()
                        .flat_map(|(concept, names)| names.iter().chain([concept]))
                })
                .map(|n| crate::text::key(&n.replace('_', " ")))
                .collect()
        })
        .contains(&crate::text::key(phrase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_in_the_reply_language_without_their_numbers() {
        assert_eq!(facet_label("pais", Lang::Pt), "país");
        assert_eq!(facet_label("pais", Lang::En), "country");
        assert_eq!(facet_label("uva1", Lang::Pt), "uva");
        assert_eq!(facet_label("uva1", Lang::En), "grape");
        assert_eq!(facet_label("x_color", Lang::En), "color");
        assert_eq!(facet_label("retailer", Lang::Pt), "loja");
        assert_eq!(facet_label("num_images", Lang::En), "num images");
        assert_eq!(facet_label("2024", Lang::En), "2024");
    }

    #[test]
    fn foreign_values_are_named_in_the_reply_language() {
        let watch = type_name("Watch", Lang::Pt).expect("watch in pt");
        assert_eq!(
            (watch.many.as_str(), watch.gender),
            ("relógios", Gender::Masculine)
        );
        assert_eq!(type_name("Watch", Lang::En), None);
        assert_eq!(
            type_name("Tênis", Lang::En).map(|t| t.many),
            Some("sneakers".into())
        );
        assert_eq!(type_name("Casual Shirt", Lang::Pt), None);
        let tenis = own_type_name("tenis", Lang::Pt).expect("tenis in pt");
        assert_eq!(
            (tenis.many.as_str(), tenis.gender),
            ("tênis", Gender::Masculine)
        );
        assert_eq!(own_type_name("tenis", Lang::En), None);
        assert_eq!(own_type_name("Casual Shirt", Lang::En), None);
        assert_eq!(
            color_name("Black", Lang::Pt, Gender::Feminine, true),
            Some("pretas")
        );
        assert_eq!(color_name("Preto", Lang::Pt, Gender::Feminine, true), None);
        assert_eq!(
            color_name("Preto", Lang::En, Gender::Masculine, true),
            Some("black")
        );
        assert_eq!(
            audience_name("Men", Lang::Pt, Gender::Masculine, true),
            Some("masculinos")
        );
        assert_eq!(
            audience_name("Masculino", Lang::En, Gender::Masculine, true),
            Some("for men")
        );
        assert_eq!(
            audience_name("Girls", Lang::Pt, Gender::Feminine, true),
            Some("para meninas")
        );
    }
}
