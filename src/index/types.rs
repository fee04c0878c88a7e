//! Product types: what kind of thing a product is ("Sneakers", "Kurta",
//! "Headphones"). Taken from the category path when the catalog has one, and
//! learned from the titles' head nouns as well, so catalogs without a
//! category column still let shoppers ask for "shirts" or "kurtas".
//!
//! Where the head noun sits depends on the catalog's language and style:
//! English store titles end with it ("Puma Men Black Running Shoes"),
//! Portuguese ones start with it ("Tênis Olympikus Corre Masculino"). The
//! position is chosen per catalog from a sample, by which end of the titles
//! is most concentrated on a few recurring words once brands, colours and
//! audiences are set aside.
//!
//! A type is a word a shopper could ask for, never a model code or SKU
//! (letters mixed with digits, digit runs), a size, a colour, a brand
//! word, an audience word or a number, nor a material where titles end
//! with the type. Among a title's first few candidates, one
//! the catalog already uses as a head (in its first rows) or a language
//! file names as a type wins ("Samsung AI Gaming TV" is a TV); a head
//! followed by "de X" that the catalog repeats is kept whole ("Placa de
//! Vídeo", "Caixa de Som"). Depends on the language data and `text` only.

use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::HashMap;
use std::ops::Range;

/// The words of the languages' `[titles]` data, folded, in one set each.
struct TitleVocabulary {
    /// End a title's main noun phrase: what follows describes extras
    /// ("Kurta with Palazzos & Dupatta", "Camiseta com Estampa").
    connectors: FxHashSet<String>,
    /// Audience words, never product types (also category path roots like "Men").
    audience: FxHashSet<String>,
    /// Never a head noun: units, packaging, filler.
    not_types: FxHashSet<String>,
    /// Heads of services and parts for another product ("garantia",
    /// "bateria"), where titles start with the type.
    part_heads: FxHashSet<String>,
    /// Material names ("silk"): at the end of an English title, what a
    /// product is made of, not what it is ("Lip Color 13 Pink Silk").
    materials: FxHashSet<String>,
}

fn title_words() -> &'static TitleVocabulary {
    static WORDS: std::sync::OnceLock<TitleVocabulary> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let set = |list: fn(&'static crate::language::LanguageData) -> &'static Vec<String>| {
            crate::language::every()
                .flat_map(|(_, d)| list(d))
                .map(|w| crate::text::key(w))
                .collect()
        };
        TitleVocabulary {
            connectors: set(|d| &d.titles.connectors),
            audience: set(|d| &d.titles.audience),
            not_types: set(|d| &d.titles.not_types),
            part_heads: set(|d| &d.titles.part_heads),
            materials: crate::language::every()
                .flat_map(|(_, d)| d.materials.values().flatten())
                .map(|w| crate::text::key(w))
                .filter(|k| !k.contains(' ') && !is_type_name(k))
                .collect(),
        }
    })
}

/// True when a type value is a service or part sold for another product
/// ("Garantia", "Placa"): the language files' `[titles] part_heads`.
pub fn is_part_head(value: &str) -> bool {
    title_words().part_heads.contains(&crate::text::key(value))
}

/// Which end of the titles holds the product type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeadPosition {
    /// The last noun ("... Running Shoes").
    Last,
    /// The first noun ("Tênis ...").
    First,
}

/// True when `key` (a [`crate::text::key`]) is an audience word.
pub fn is_audience(key: &str) -> bool {
    title_words().audience.contains(key)
}

/// True when `key` is a word titles use around types that is never one:
/// a unit, packaging, filler or a descriptor ("skinny", "estampado"), the
/// languages' `[titles] not_types`.
pub fn is_not_type(key: &str) -> bool {
    title_words().not_types.contains(key)
}

/// True when `key` could be a product type: a word, not a code, unit (of
/// the languages' `[units]`: "Gal", "Lt"), size, colour or audience (people's or animals': "Cama de Gato" is a
/// bed, for a cat).
fn is_candidate(key: &str) -> bool {
    let learn = super::words::learn_words();
    key.len() >= 2
        && key.chars().any(|c| c.is_alphabetic())
        && !key.bytes().any(|b| b.is_ascii_digit())
        && !title_words().not_types.contains(key)
        && crate::language::units::unit(key).is_none()
        && !is_audience(key)
        && !learn.audience_words.contains_key(key)
        && !learn.animal_words.contains(key)
        && learn.colors.get(key).is_none_or(|c| c.ambiguous)
}

/// True when a word as written is a colour compound ("Off-White",
/// "Gold-Toned", "Peach-Coloured"), never a type.
fn is_colour_compound(surface: &str) -> bool {
    surface.contains('-')
        && surface.split('-').any(|part| {
            super::words::learn_words()
                .colors
                .contains_key(&crate::text::key(part))
        })
}

/// How many times more titles than it heads a word must be used in to be
/// a word of titles, not a type ([`KnownTypes`]).
const WORD_SHARE: usize = 4;
/// The fewest titles using a word for it to be told a word of titles.
const WORD_USES: usize = 8;

/// What a catalog already calls a product type: heads its first rows
/// repeat, the language files' type names, and "head de qualifier"
/// compounds its first rows repeat.
#[derive(Default)]
pub struct KnownTypes {
    heads: FxHashSet<String>,
    compounds: FxHashSet<String>,
    /// Words the sample's titles (ending with their type) mostly use in
    /// their main phrase elsewhere than as its head ("Face" of "Face Mist",
    /// "Vitamin" of "Vitamin C Serum"): a title ending with one ("Face &
    /// Body Lotion") is no product of that type, which would hide it from
    /// its own.
    words: FxHashSet<String>,
    /// Compounds met since the sample, by how many products used them:
    /// the second use makes one known.
    met: FxHashMap<String, u32>,
}

/// True when `key` is a product type name of a language file ("jeans",
/// "tenis"): never skipped as a brand word ("Pepe Jeans Men Slim Jeans").
pub fn is_type_name(key: &str) -> bool {
    static NAMES: std::sync::OnceLock<FxHashSet<String>> = std::sync::OnceLock::new();
    NAMES
        .get_or_init(|| {
            crate::language::every()
                .flat_map(|(_, d)| d.types.values().flatten())
                .map(|n| crate::text::key(n))
                .collect()
        })
        .contains(key)
}

impl KnownTypes {
    /// True when `key` (a word's key) is a head noun the sample's titles
    /// use as a product type.
    pub fn has_head(&self, key: &str) -> bool {
        self.heads.contains(key)
    }

    /// Learns from `titles` (a sample) at `position`; a head or compound
    /// counts when at least three titles use it. `skip` as in [`head_noun`].
    pub fn learn<'a>(
        titles: impl Iterator<Item = &'a str>,
        position: HeadPosition,
        skip: &dyn Fn(&str) -> bool,
    ) -> KnownTypes {
        let mut heads: HashMap<String, usize> = HashMap::new();
        let mut compounds: HashMap<String, usize> = HashMap::new();
        // Titles using each word in their main phrase (where titles end
        // with their type).
        let mut used: HashMap<String, usize> = HashMap::new();
        let mut none = KnownTypes::default();
        for title in titles {
            if let Some(head) = head_noun(title, position, skip, &mut none) {
                *heads.entry(crate::text::key(head.word)).or_default() += 1;
            }
            // Every "X de Y" at the head counts, known or not yet.
            let (words, _, by_symbol) = phrases(title);
            // Used in the title's main phrase: "Kurta with Palazzos" is
            // a set of products, not palazzos named as a kind of kurta.
            let distinct: FxHashSet<&str> = (0..by_symbol).map(|i| words.key(i)).collect();
            for key in distinct
                .into_iter()
                .filter(|_| position == HeadPosition::Last)
            {
                *used.entry(key.to_string()).or_default() += 1;
            }
            if let Some(i) = first_candidate(&words, skip)
                && let Some(c) = compound_at(&words, i)
            {
                *compounds.entry(crate::text::key(&c)).or_default() += 1;
            }
        }
        let words: FxHashSet<String> = heads
            .iter()
            .filter(|&(k, &n)| {
                let uses = used.get(k).copied().unwrap_or(n);
                uses >= WORD_USES && uses >= WORD_SHARE * n && !is_type_name(k)
            })
            .map(|(k, _)| k.clone())
            .collect();
        let mut known = KnownTypes {
            heads: heads
                .into_iter()
                .filter(|(k, n)| *n >= 3 && !words.contains(k))
                .map(|(k, _)| k)
                .collect(),
            words,
            compounds: compounds
                .into_iter()
                .filter(|(_, n)| *n >= 3)
                .map(|(k, _)| k)
                .collect(),
            met: FxHashMap::default(),
        };
        for (_, d) in crate::language::every() {
            for names in d.types.values() {
                for name in names {
                    let key = crate::text::key(name);
                    if key.contains(' ') {
                        known.compounds.insert(key);
                    } else {
                        known.heads.insert(key);
                    }
                }
            }
        }
        known
    }
}

/// The first type candidate of a title's main phrase.
fn first_candidate(words: &TitleWords<'_>, skip: &dyn Fn(&str) -> bool) -> Option<usize> {
    (0..words.words.len()).find(|&i| {
        let key = words.key(i);
        is_candidate(key) && !skip(key) && !is_colour_compound(words.surface(i))
    })
}

/// "Head de Qualifier" at word `i` ("Placa de Vídeo"), as written.
fn compound_at<'t>(words: &TitleWords<'t>, i: usize) -> Option<String> {
    let link = words.key(i + 1);
    let qualifier = words.key(i + 2);
    let linked = matches!(link, "de" | "do" | "da" | "dos" | "das");
    (linked && is_candidate(qualifier) && !is_colour_compound(words.surface(i + 2))).then(|| {
        format!(
            "{} {} {}",
            words.surface(i),
            words.surface(i + 1),
            words.surface(i + 2)
        )
    })
}

/// An English compound at word `i` of a Portuguese title, as written:
/// two English loanwords in a row ("Air Fryer", "Air Cooler", "Power
/// Bank"), whose head is the second word, as in English. Words both
/// languages use alike ("Mouse Gamer", "Notebook Dell") are not one, nor
/// a type and a brand ("SSD Kingston", "Mouse Logitech").
/// Two English loanwords in a row are a compound the first time they are
/// met: nothing else in a Portuguese title reads that way.
fn loan_compound_at<'t>(
    words: &TitleWords<'t>,
    i: usize,
    skip: &dyn Fn(&str) -> bool,
) -> Option<&'t str> {
    let (first, second) = (words.key(i), words.key(i + 1));
    let loan = |key: &str| crate::language::is_english_loanword(key);
    let ((from, _), (to, _)) = (words.words.get(i)?, words.words.get(i + 1)?);
    (is_candidate(second)
        && !skip(second)
        && !is_colour_compound(words.surface(i + 1))
        && loan(first)
        && loan(second))
    .then(|| &words.title[from.start..to.end])
}

/// A title's words: each word's byte range in the title and in `keys`,
/// where its key (see [`crate::text::for_each_word`]) is written.
struct TitleWords<'t> {
    title: &'t str,
    keys: String,
    words: Vec<(Range<usize>, Range<usize>)>,
}

impl<'t> TitleWords<'t> {
    fn surface(&self, i: usize) -> &'t str {
        let title: &'t str = self.title;
        self.words.get(i).map_or("", |(s, _)| &title[s.clone()])
    }

    fn key(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |(_, k)| &self.keys[k.clone()])
    }
}

/// The title's words, and the lengths of its main phrase: up to the first
/// connector word, and up to the first symbol that separates parts
/// ("Kurta & Dupatta", "Bag (Pack of 2)").
fn phrases(title: &str) -> (TitleWords<'_>, usize, usize) {
    let mut words = TitleWords {
        title,
        keys: String::with_capacity(title.len()),
        words: Vec::with_capacity(12),
    };
    crate::text::for_each_word(title, |key, range| {
        let at = words.keys.len();
        words.keys.push_str(key);
        words.words.push((range, at..words.keys.len()));
    });
    let n = words.words.len();
    let by_connector = (1..n)
        .find(|&i| title_words().connectors.contains(words.key(i)))
        .unwrap_or(n);
    let by_symbol = title
        .find(['&', '+', '|', '(', ','])
        .map_or(n, |at| {
            words
                .words
                .iter()
                .take_while(|(surface, _)| surface.end <= at)
                .count()
        })
        .min(by_connector);
    (words, by_connector, by_symbol)
}

/// The head noun of a title at `position`, as written in the title, with
/// the "head de qualifier" compound it starts when that is known: from the
/// catalog's first rows, a language file, or an earlier product. `skip` tells keys that are never
/// types here (the catalog's brands and colours, the product's brand);
/// `known` the catalog's known types, preferred among the first three
/// candidates.
pub fn head_noun<'t>(
    title: &'t str,
    position: HeadPosition,
    skip: &dyn Fn(&str) -> bool,
    known: &mut KnownTypes,
) -> Option<Head<'t>> {
    let (words, by_connector, by_symbol) = phrases(title);
    // Where titles end with the type, a material there says what the
    // product is made of ("Lip Color 13 Pink Silk").
    let material =
        |key: &str| position == HeadPosition::Last && title_words().materials.contains(key);
    // A colour after a separator names the variant ("A56 5G (256GB) -
    // Rosa + Galaxy Fit3"), not the product.
    let variant_colour = |i: usize| {
        let start = words.words.get(i).map_or(0, |(surface, _)| surface.start);
        title[..start]
            .trim_end()
            .ends_with(['-', '+', '|', '/', ',', '(', '–'])
            && super::words::learn_words()
                .colors
                .contains_key(words.key(i))
    };
    // A model code in capitals ("Analogue Watch NPGWG", "Sunglasses
    // COULOUR-POP-BRN-GRY"): four letters or more and no vowel, or three
    // parts joined by hyphens; not an acronym of three letters or fewer
    // ("SSD", "HD", "TV"), nor one the catalog or a language file knows
    // as a type.
    let code = |i: usize| {
        let (surface, key) = (words.surface(i), words.key(i));
        let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2
            && !surface.chars().any(char::is_lowercase)
            && (letters >= 4 && !key.contains(['a', 'e', 'i', 'o', 'u', 'y'])
                || surface.matches('-').count() >= 2)
            && !known.heads.contains(key)
    };
    // A rating's acronym before its figure ("SPF 50+", "PA++++"): no
    // type, unless a language file names it one ("TV 55").
    let rating = |i: usize| {
        let (surface, key) = (words.surface(i), words.key(i));
        let end = words.words.get(i).map_or(0, |(s, _)| s.end);
        position == HeadPosition::Last
            && (2..=3).contains(&surface.chars().count())
            && surface.chars().all(|c| c.is_ascii_uppercase())
            && {
                // A figure, not a measurement ("SSD 512GB").
                let after = title[end..].trim_start();
                let figure = after
                    .find(|c: char| !(c.is_ascii_digit() || c == '+'))
                    .unwrap_or(after.len());
                figure > 0 && !after[figure..].starts_with(char::is_alphabetic)
            }
            && !is_type_name(key)
    };
    let ok = |i: usize| {
        let key = words.key(i);
        is_candidate(key)
            && !known.words.contains(key)
            && !rating(i)
            && !crate::language::is_function_word(key)
            && !skip(key)
            && !material(key)
            && !is_colour_compound(words.surface(i))
            && !variant_colour(i)
            && !code(i)
    };
    // A symbol joining attributes ("Black & Grey ...") does not end the phrase.
    let by_symbol = match by_symbol.checked_sub(1) {
        Some(i) if ok(i) => by_symbol,
        _ => by_connector,
    };
    // The narrowest phrase first; "Black & Grey Trolley Bag" falls back to the whole title.
    let phrases: Vec<Vec<usize>> = [by_symbol, by_connector, words.words.len()]
        .into_iter()
        .filter(|&n| n > 0)
        .map(|n| match position {
            HeadPosition::Last => (0..n).rev().filter(|&i| ok(i)).take(3).collect(),
            HeadPosition::First => (0..n).filter(|&i| ok(i)).take(3).collect(),
        })
        .filter(|found: &Vec<usize>| !found.is_empty())
        .collect();
    let named = |found: &Vec<usize>| found.iter().any(|&i| is_type_name(words.key(i)));
    // A connector inside a description ("Analogue and Digital Watch"): the
    // wider phrase's head is a type name, the narrow one's is not.
    let candidates = match phrases.first() {
        Some(narrow) if !named(narrow) => phrases
            .iter()
            .skip(1)
            .find(|wider| {
                let head = wider.first().copied();
                head.is_some_and(|h| is_type_name(words.key(h)) && !narrow.contains(&h))
            })
            .unwrap_or(narrow),
        Some(narrow) => narrow,
        None => return None,
    };
    let is_known = |i: usize| known.heads.contains(words.key(i));
    // In English a noun right before another names what that one is for
    // ("Phone Holder", "Lamp Shade"): a modifier, not the head, known or not.
    let modifier =
        |i: usize| position == HeadPosition::Last && i + 1 < words.words.len() && ok(i + 1);
    // A service or part leading a Portuguese title is the product, whatever
    // product type it is for ("Garantia Estendida Microondas").
    let part = candidates.first().copied().filter(|&i| {
        position == HeadPosition::First && title_words().part_heads.contains(words.key(i))
    });
    // A known type further on wins over the words before it ("Samsung AI
    // Gaming TV"); in a Portuguese title only over English words and
    // acronyms ("Smart TV", "AI Gaming TV"): a Portuguese noun before it is
    // what the product is ("Reservatório D'água Refrigerador", "Logotipo
    // Refrigerador").
    let passable = |i: usize| {
        let surface = words.surface(i);
        position == HeadPosition::Last
            || crate::language::is_english_loanword(words.key(i))
            || surface.chars().count() > 1 && !surface.chars().any(char::is_lowercase)
    };
    let known_further = candidates
        .iter()
        .position(|&i| is_known(i) && !modifier(i))
        .filter(|&at| candidates[..at].iter().all(|&i| passable(i)))
        .map(|at| candidates[at]);
    // Where titles start with the type, two or three words a language file
    // names as one type ("Ar Condicionado Split", also written
    // "Ar-Condicionado"; "Lava e Seca LG") are that type, though the first
    // is no candidate alone.
    if position == HeadPosition::First && part.is_none() {
        let first = candidates.first().copied().unwrap_or(0);
        for at in 0..=first.min(2) {
            for n in [3, 2] {
                if at + n > words.words.len() {
                    continue;
                }
                let phrase = (at..at + n)
                    .map(|i| words.key(i))
                    .collect::<Vec<_>>()
                    .join(" ");
                // Three words only when joined ("Lava e Seca"): a type
                // "X de Y" keeps its head and compound below.
                let joined = n == 2 || matches!(words.key(at + 1), "e" | "and");
                if joined && known.compounds.contains(&phrase) {
                    let (start, end) = (&words.words[at].0, &words.words[at + n - 1].0);
                    return Some(Head {
                        word: &title[start.start..end.end],
                        compound: None,
                    });
                }
            }
        }
    }
    let i = part
        .or(known_further)
        .or_else(|| candidates.first().copied())?;
    let mut head = Head {
        word: words.surface(i),
        compound: None,
    };
    if position == HeadPosition::First {
        // "Placa Mãe MSI …" where the catalog's titles write the type
        // "Placa-Mãe": that type too, or the shopper asking for it misses
        // the rows that write it apart.
        let hyphenated = (i + 1 < words.words.len())
            .then(|| format!("{}{}", words.key(i), words.key(i + 1)))
            .filter(|joined| known.heads.contains(joined));
        if hyphenated.is_some() {
            head.compound = Some(format!("{}-{}", words.surface(i), words.surface(i + 1)));
        } else if let Some(compound) = compound_at(&words, i) {
            let key = crate::text::key(&compound);
            if known.compounds.contains(&key) || known.met.contains_key(&key) {
                head.compound = Some(compound);
            }
            if known.met.len() >= 100_000 {
                known.met.clear();
            }
            *known.met.entry(key).or_default() += 1;
        } else if let Some(english) = loan_compound_at(&words, i, skip) {
            // A Portuguese title naming an English compound: the compound
            // is the type, its head word alone is none ("Gift Card" and no
            // "Card", "Star Wars" and no "Wars").
            head.word = english;
        }
    } else if let Some(compound) = compound_at(&words, i).filter(|c| {
        known.compounds.contains(&crate::text::key(c)) && is_type_name(&crate::text::key(c))
    }) {
        // "… Sexy Amber Eau de Parfum 100ml": a "head de qualifier" a
        // language file names as one type, where titles end with the type.
        head.compound = Some(compound);
    } else if i > 0 {
        // An English head with the word before it a language file names
        // as one type ("Hooded Sweatshirt" a hoodie, "Shoulder Bag" a
        // handbag): the compound too, so the narrower kind finds it.
        let key = format!("{} {}", words.key(i - 1), words.key(i));
        if known.compounds.contains(&key) {
            let (start, end) = (&words.words[i - 1].0, &words.words[i].0);
            head.compound = Some(title[start.start..end.end].to_string());
        }
    }
    Some(head)
}

/// A title's head noun, and the "head de qualifier" compound it starts
/// when the catalog repeats that compound.
#[derive(Debug, Clone, PartialEq)]
pub struct Head<'t> {
    /// The head noun as written ("Placa").
    pub word: &'t str,
    /// The compound as written ("Placa de Vídeo").
    pub compound: Option<String>,
}

/// Chooses the head position for a catalog from sample titles. `skip` holds
/// the keys of brands, colours and audiences seen in the sample.
pub fn choose_head_position<'a>(
    titles: impl Iterator<Item = &'a str>,
    skip: &dyn Fn(&str) -> bool,
) -> HeadPosition {
    let mut first: HashMap<String, usize> = HashMap::new();
    let mut last: HashMap<String, usize> = HashMap::new();
    let mut total = 0usize;
    for title in titles {
        total += 1;
        let (words, _, by_symbol) = phrases(title);
        let raw_first = (by_symbol > 0).then(|| words.key(0).to_string());
        // The last word that may be a type: trailing colours and audiences
        // are variants ("… T-Shirt – Black", "… Masculino Preto").
        let raw_last = (0..by_symbol)
            .rev()
            .find(|&i| is_candidate(words.key(i)) && !skip(words.key(i)))
            .map(|i| words.key(i).to_string());
        for (raw, counts) in [(raw_first, &mut first), (raw_last, &mut last)] {
            if let Some(k) = raw.filter(|k| is_candidate(k) && !skip(k)) {
                *counts.entry(k).or_default() += 1;
            }
        }
    }
    // Repeated words at either end: a product type's names (of the
    // language files) count three times, since a catalog without a brand
    // column repeats its brands at the start of English titles as much as
    // a Portuguese one repeats its types there.
    let concentration = |counts: &HashMap<String, usize>| -> usize {
        let mut v: Vec<usize> = counts
            .iter()
            .map(|(k, &n)| if is_type_name(k) { 3 * n } else { n })
            .collect();
        v.sort_unstable_by(|a, b| b.cmp(a));
        v.iter().take(30).filter(|&&c| c >= 2).sum()
    };
    if total > 0 && concentration(&first) > concentration(&last) {
        HeadPosition::First
    } else {
        HeadPosition::Last
    }
}

/// True when `title` names its category's type ("Echo Dot Smart Speaker"
/// in `Audio > Speakers`) by another word than its `head`: the head is
/// then a model's name ("Dot"), not a narrower type. A type name of the
/// language files is always a type, and so is a head the catalog's titles
/// repeat (`known`) written right after the category's word: "Yoga Mat"
/// in `Fitness > Yoga` is a kind of the category, a mat. A category of
/// several kinds ("All Exercise & Fitness") names no type of its own.
pub fn names_category_type(
    title: &str,
    head: &str,
    types: &[String],
    at: HeadPosition,
    known: &KnownTypes,
) -> bool {
    use crate::language::noun::singular;
    let Some(last) = types.last() else {
        return false;
    };
    let head_key = crate::text::key(head);
    if is_type_name(&head_key) || crate::language::noun::names_several(last) {
        return false;
    }
    let words = crate::text::words(last);
    let Some(word) = (match at {
        HeadPosition::Last => words.last(),
        HeadPosition::First => words.first(),
    }) else {
        return false;
    };
    let category = singular(word);
    let head_singular = singular(&head_key);
    if category == head_singular {
        return false;
    }
    let title_words = crate::text::words(title);
    let narrows = at == HeadPosition::Last
        && known.heads.contains(&head_key)
        && title_words
            .windows(2)
            .any(|w| singular(&w[0]) == category && singular(&w[1]) == head_singular);
    !narrows && title_words.iter().any(|w| singular(w) == category)
}

#[cfg(test)]
mod tests;
