//! The catalog's language data: header names per field, the filler and
//! other-topic words of headers, currency names, and the words of a few
//! feed values (gender codes, age groups, availability, yes/no flags,
//! audience names), the words of a price cell's unit-price note and of a
//! cell saying there is no price yet,
//! read from one plain-text file per language (`headers/en.txt`,
//! `headers/pt.txt`, `es`, `fr`, `de`, `it`, compiled in with `include_str!`) and parsed once.
//! The format is documented at the top of `headers/en.txt`: a reviewer adds
//! an alias by editing one line of one file.
//!
//! Depends on [`crate::text`] (the folding every key goes through) and the
//! catalog's [`Field`] and [`Audience`] only.

use super::{Audience, Field};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// Every language file: (language code, text).
const FILES: &[(&str, &str)] = &[
    ("en", include_str!("headers/en.txt")),
    ("pt", include_str!("headers/pt.txt")),
    ("es", include_str!("headers/es.txt")),
    ("fr", include_str!("headers/fr.txt")),
    ("de", include_str!("headers/de.txt")),
    ("it", include_str!("headers/it.txt")),
];

/// A feed's gender code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GenderCode {
    Male,
    Female,
    Unisex,
}

/// A feed's age group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AgeGroup {
    Adult,
    Kids,
    Baby,
}

/// A feed's availability.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Availability {
    InStock,
    OutOfStock,
    /// Preorder or backorder: not in stock, but it can be bought.
    Orderable,
}

/// What a word of a price cell says (`[price notes]`): `£2.58 per kg`,
/// `R$ 9,90 cada`, `Price Coming Soon`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PriceWord {
    /// `per`, `por`: a unit follows (`per kg`, `por metro`).
    Per,
    /// A unit an amount is the price of: `each`, `kg`, `pack`, `cada`.
    Unit,
    /// A word joining the others: `of` (`pack of 6`), `o` (`o kg`).
    Joining,
    /// The whole cell says there is no price yet: `Price Coming Soon`,
    /// `Sob consulta`.
    NoPrice,
}

/// What a header word says about the category level a column holds
/// (`[category levels]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LevelWord {
    /// An ordinal: 1 for `primary`, 2 for `secondary`...
    Ordinal(u8),
    /// `sub`: one level below the word it qualifies.
    Sub,
    /// `level`, `nivel`: says only that a number follows or precedes.
    Level,
    /// A noun of a level coarser than the category (`department`).
    Coarser,
    /// A noun of the finest level (`type`, `tipo`).
    Finest,
}

/// The parsed language data of every file.
#[derive(Debug, Default)]
pub(crate) struct Aliases {
    /// Folded header name -> its field and its rank within the field's line.
    fields: FxHashMap<String, (Field, usize)>,
    filler: FxHashSet<String>,
    other_topic: FxHashSet<String>,
    /// Header words of columns holding what others wrote about a product
    /// (`review_content`, `user_name`, `Comentários`).
    opinions: FxHashSet<String>,
    /// Words leading a column's or an option's name that ask to choose
    /// (`Choose Material`), and words ending it that say it is a name
    /// (`Graphical Appearance Name`): no part of what it is about.
    label_leading: FxHashSet<String>,
    label_trailing: FxHashSet<String>,
    currencies: FxHashMap<String, String>,
    genders: FxHashMap<String, GenderCode>,
    ages: FxHashMap<String, AgeGroup>,
    availability: FxHashMap<String, Availability>,
    /// Folded yes/no value -> true for yes.
    flags: FxHashMap<String, bool>,
    /// Folded price-cell word or phrase -> what it says.
    price_words: FxHashMap<String, PriceWord>,
    /// Folded header word -> what it says of a category level.
    level_words: FxHashMap<String, LevelWord>,
    /// (language, audience key) -> label as written.
    audience: FxHashMap<(String, String), String>,
    /// What could not be parsed (checked empty by a unit test).
    problems: Vec<String>,
}

/// The language data, parsed on first use.
pub(crate) fn aliases() -> &'static Aliases {
    static ALIASES: OnceLock<Aliases> = OnceLock::new();
    ALIASES.get_or_init(|| Aliases::parse(FILES))
}

/// A column's or an option's name without the words around it that say
/// nothing of what it is about (`Choose Ring Size` -> `Ring Size`,
/// `graphical_appearance_name` -> `graphical appearance`), its words
/// separated by spaces; the name's words when nothing else would remain.
pub(crate) fn label_words(name: &str) -> String {
    let a = aliases();
    let words = crate::text::words(&split_camel_case(name));
    let mut rest: &[String] = &words;
    while let [first, tail @ ..] = rest
        && !tail.is_empty()
        && a.label_leading.contains(first)
    {
        rest = tail;
    }
    while let [head @ .., last] = rest
        && !head.is_empty()
        && a.label_trailing.contains(last)
    {
        rest = head;
    }
    rest.join(" ")
}

/// A name written in CamelCase with its words apart (`_NomeProduto` ->
/// `_Nome Produto`, `IDProduto` -> `ID Produto`, `articleType` ->
/// `article Type`): a word starts at an upper-case letter after a
/// lower-case one, and at the last capital of a run followed by a
/// lower-case letter. Other text is unchanged.
pub(crate) fn split_camel_case(name: &str) -> std::borrow::Cow<'_, str> {
    let chars: Vec<char> = name.chars().collect();
    let starts_word = |i: usize| {
        let (c, prev) = (chars[i], chars[i - 1]);
        c.is_uppercase()
            && (prev.is_lowercase()
                || (prev.is_uppercase() && chars.get(i + 1).is_some_and(|n| n.is_lowercase())))
    };
    if !(1..chars.len()).any(starts_word) {
        return std::borrow::Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if i > 0 && starts_word(i) {
            out.push(' ');
        }
        out.push(c);
    }
    std::borrow::Cow::Owned(out)
}

/// The folded form of a header name or value word: its words joined
/// (`Product_Name`, `product name` -> `productname`; `Preço` -> `preco`).
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    crate::text::for_each_word(text, |w, _| out.push_str(w));
    out
}

impl Aliases {
    fn parse(files: &[(&str, &str)]) -> Aliases {
        let mut a = Aliases::default();
        for (lang, text) in files {
            let mut section = String::new();
            for (n, raw) in text.lines().enumerate() {
                let line = raw.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let at = || format!("{lang}.txt line {}", n + 1);
                if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                    section = name.trim().to_string();
                    continue;
                }
                let Some((key, words)) = line.split_once(':') else {
                    a.problems.push(format!("{}: no `key: words`", at()));
                    continue;
                };
                let key = key.trim();
                let words = words.split(',').map(str::trim).filter(|w| !w.is_empty());
                if let Err(why) = a.add(lang, &section, key, words) {
                    a.problems.push(format!("{}: {why}", at()));
                }
            }
        }
        a
    }

    fn add<'w>(
        &mut self,
        lang: &str,
        section: &str,
        key: &str,
        words: impl Iterator<Item = &'w str>,
    ) -> Result<(), String> {
        let mut clash = Vec::new();
        let mut insert = |map_clash: Option<String>| {
            if let Some(c) = map_clash {
                clash.push(c);
            }
        };
        match section {
            "fields" => {
                let field = Field::ALL
                    .into_iter()
                    .find(|f| f.name() == key)
                    .ok_or_else(|| format!("unknown field {key:?}"))?;
                for (rank, w) in words.enumerate() {
                    let old = self.fields.insert(fold(w), (field, rank));
                    insert(old.filter(|(f, _)| *f != field).map(|_| w.to_string()));
                }
            }
            "filler" => self.filler.extend(words.map(fold)),
            "other topic" => self.other_topic.extend(words.map(fold)),
            "opinions" => self.opinions.extend(words.map(fold)),
            "label filler" => match key {
                "leading" => self.label_leading.extend(words.map(fold)),
                "trailing" => self.label_trailing.extend(words.map(fold)),
                other => return Err(format!("unknown label filler {other:?}")),
            },
            "currencies" => {
                let code = key.to_ascii_uppercase();
                if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_alphabetic()) {
                    return Err(format!("{key:?} is not an ISO 4217 code"));
                }
                for w in words {
                    let old = self.currencies.insert(fold(w), code.clone());
                    insert(old.filter(|c| *c != code).map(|_| w.to_string()));
                }
            }
            "gender values" => {
                let code = match key {
                    "male" => GenderCode::Male,
                    "female" => GenderCode::Female,
                    "unisex" => GenderCode::Unisex,
                    other => return Err(format!("unknown gender code {other:?}")),
                };
                for w in words {
                    let old = self.genders.insert(fold(w), code);
                    insert(old.filter(|c| *c != code).map(|_| w.to_string()));
                }
            }
            "age groups" => {
                let group = match key {
                    "adult" => AgeGroup::Adult,
                    "kids" => AgeGroup::Kids,
                    "baby" => AgeGroup::Baby,
                    other => return Err(format!("unknown age group {other:?}")),
                };
                for w in words {
                    let old = self.ages.insert(fold(w), group);
                    insert(old.filter(|g| *g != group).map(|_| w.to_string()));
                }
            }
            "availability" => {
                let value = match key {
                    "in stock" => Availability::InStock,
                    "out of stock" => Availability::OutOfStock,
                    "orderable" => Availability::Orderable,
                    other => return Err(format!("unknown availability {other:?}")),
                };
                for w in words {
                    let old = self.availability.insert(fold(w), value);
                    insert(old.filter(|v| *v != value).map(|_| w.to_string()));
                }
            }
            "flag values" => {
                let value = match key {
                    "yes" => true,
                    "no" => false,
                    other => return Err(format!("unknown flag value {other:?}")),
                };
                for w in words {
                    let old = self.flags.insert(fold(w), value);
                    insert(old.filter(|v| *v != value).map(|_| w.to_string()));
                }
            }
            "category levels" => {
                let value = match key {
                    "first" => LevelWord::Ordinal(1),
                    "second" => LevelWord::Ordinal(2),
                    "third" => LevelWord::Ordinal(3),
                    "fourth" => LevelWord::Ordinal(4),
                    "sub" => LevelWord::Sub,
                    "level" => LevelWord::Level,
                    "coarser" => LevelWord::Coarser,
                    "finest" => LevelWord::Finest,
                    other => return Err(format!("unknown category level word {other:?}")),
                };
                for w in words {
                    let old = self.level_words.insert(fold(w), value);
                    insert(old.filter(|v| *v != value).map(|_| w.to_string()));
                }
            }
            "price notes" => {
                let value = match key {
                    "per" => PriceWord::Per,
                    "unit" => PriceWord::Unit,
                    "joining" => PriceWord::Joining,
                    "no price" => PriceWord::NoPrice,
                    other => return Err(format!("unknown price note word {other:?}")),
                };
                for w in words {
                    let old = self.price_words.insert(fold(w), value);
                    insert(old.filter(|v| *v != value).map(|_| w.to_string()));
                }
            }
            "audience" => {
                let known = [
                    Audience::Men,
                    Audience::Women,
                    Audience::Unisex,
                    Audience::Boys,
                    Audience::Girls,
                    Audience::Kids,
                    Audience::Baby,
                ];
                if !known.iter().any(|a| a.key() == key) {
                    return Err(format!("unknown audience {key:?}"));
                }
                let label: Vec<&str> = words.collect();
                let [label] = label.as_slice() else {
                    return Err(format!("audience {key:?} needs exactly one label"));
                };
                self.audience
                    .insert((lang.to_string(), key.to_string()), label.to_string());
            }
            other => return Err(format!("unknown section [{other}]")),
        }
        if clash.is_empty() {
            Ok(())
        } else {
            Err(format!("{} already mean something else", clash.join(", ")))
        }
    }

    /// The field a folded header name is an alias of, and its rank (0 =
    /// the field's most preferred name).
    pub(crate) fn field(&self, folded: &str) -> Option<(Field, usize)> {
        self.fields.get(folded).copied()
    }

    /// True for a folded word that qualifies a header without changing its topic.
    pub(crate) fn is_filler(&self, folded: &str) -> bool {
        self.filler.contains(folded)
    }

    /// True for a folded word that says a header is about something else.
    pub(crate) fn is_other_topic(&self, folded: &str) -> bool {
        self.other_topic.contains(folded)
    }

    /// True for a folded header word of reviews and their authors.
    pub(crate) fn is_opinions(&self, folded: &str) -> bool {
        self.opinions.contains(folded)
    }

    /// The ISO code of a currency name (`reais`, `Rupees`).
    pub(crate) fn currency(&self, text: &str) -> Option<&str> {
        self.currencies.get(&fold(text)).map(String::as_str)
    }

    /// A feed gender code (`male`, `F`, `masculino`).
    pub(crate) fn gender(&self, text: &str) -> Option<GenderCode> {
        self.genders.get(&fold(text)).copied()
    }

    /// A feed age group (`kids`, `toddler`, `adulto`).
    pub(crate) fn age_group(&self, text: &str) -> Option<AgeGroup> {
        self.ages.get(&fold(text)).copied()
    }

    /// A feed availability (`in_stock`, `out of stock`,
    /// `https://schema.org/PreOrder`, `esgotado`).
    pub(crate) fn availability(&self, text: &str) -> Option<Availability> {
        // schema.org values are URLs: their last segment names the value.
        let text = text.trim().trim_end_matches('/');
        let text = text.rsplit('/').next().unwrap_or(text);
        self.availability.get(&fold(text)).copied()
    }

    /// True for a yes/no value (`TRUE`, `n`, `Sim`, `0`).
    pub(crate) fn is_flag(&self, text: &str) -> bool {
        self.flags.contains_key(&fold(text))
    }

    /// What a folded header word says of a category level (`secondary`,
    /// `sub`, `department`, `type`).
    pub(crate) fn level_word(&self, folded: &str) -> Option<LevelWord> {
        self.level_words.get(folded).copied()
    }

    /// What a price cell's word, or the whole cell, says (`per`, `kg`,
    /// `Price Coming Soon`).
    pub(crate) fn price_word(&self, text: &str) -> Option<PriceWord> {
        self.price_words.get(&fold(text)).copied()
    }

    /// A yes/no value: true for yes (`TRUE`, `Sim`, `1`), false for no.
    pub(crate) fn flag(&self, text: &str) -> Option<bool> {
        self.flags.get(&fold(text)).copied()
    }

    /// How a catalog in `language` writes `audience` (English when the
    /// language has no label for it).
    pub(crate) fn audience_label(&self, audience: Audience, language: &str) -> &str {
        let label = |lang: &str| {
            self.audience
                .get(&(lang.to_string(), audience.key().to_string()))
                .map(String::as_str)
        };
        label(language)
            .or_else(|| label("en"))
            .unwrap_or(audience.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_files_parse_without_problems() {
        let a = aliases();
        assert!(a.problems.is_empty(), "{:#?}", a.problems);
        assert!(a.fields.len() > 150, "{} aliases", a.fields.len());
    }

    #[test]
    fn names_fold_and_rank() {
        let a = aliases();
        assert_eq!(fold("Product_Name"), "productname");
        assert_eq!(fold("Preço De"), "precode");
        assert_eq!(a.field("productname"), Some((Field::Title, 2)));
        assert_eq!(a.field("producttype"), Some((Field::Category, 0)));
        assert!(matches!(a.field("googleproductcategory"), Some((Field::Category, r)) if r > 3));
        assert_eq!(a.field("saleprice").map(|f| f.0), Some(Field::SalePrice));
        assert_eq!(a.field("precopor").map(|f| f.0), Some(Field::SalePrice));
        assert_eq!(a.field("mrp").map(|f| f.0), Some(Field::ListPrice));
        assert_eq!(a.field("itemgroupid").map(|f| f.0), Some(Field::GroupId));
        assert_eq!(a.currency("Reais"), Some("BRL"));
        assert_eq!(a.currency("rupees"), Some("INR"));
    }

    #[test]
    fn feed_values() {
        let a = aliases();
        assert_eq!(a.gender("MALE"), Some(GenderCode::Male));
        assert_eq!(a.gender("Feminino"), Some(GenderCode::Female));
        assert_eq!(a.gender("Men"), None, "a written audience, not a code");
        assert_eq!(a.age_group("toddler"), Some(AgeGroup::Baby));
        assert_eq!(a.age_group("Infantil"), Some(AgeGroup::Kids));
        for v in [
            "in_stock",
            "in stock",
            "InStock",
            "https://schema.org/InStock",
            "in-stock",
        ] {
            assert_eq!(a.availability(v), Some(Availability::InStock), "{v}");
        }
        for v in [
            "out_of_stock",
            "out-of-stock",
            "OutOfStock",
            "Esgotado",
            "sold out",
        ] {
            assert_eq!(a.availability(v), Some(Availability::OutOfStock), "{v}");
        }
        assert_eq!(a.availability("preorder"), Some(Availability::Orderable));
        assert_eq!(a.availability("backorder"), Some(Availability::Orderable));
        assert_eq!(a.availability("maybe"), None);
        for v in ["TRUE", "false", "Y", "n", "Sim", "NÃO", "0", "1", "yes"] {
            assert!(a.is_flag(v), "{v}");
        }
        for v in ["Cotton", "2", "maybe", "S/M"] {
            assert!(!a.is_flag(v), "{v}");
        }
    }

    #[test]
    fn audience_labels_per_language() {
        assert_eq!(Audience::Boys.label("en"), "Boys");
        assert_eq!(Audience::Boys.label("pt"), "Menino");
        assert_eq!(Audience::Baby.label("pt"), "Bebê");
        assert_eq!(Audience::Men.label("xx"), "Men");
    }

    #[test]
    fn conflicting_entries_are_problems() {
        let a = Aliases::parse(&[(
            "en",
            "[fields]\ntitle: name\nbrand: name\n[nowhere]\nx: y\n[audience]\nmen: A, B\n",
        )]);
        assert_eq!(a.problems.len(), 3, "{:#?}", a.problems);
    }
}
