//! The phrasebook: every sentence and label a shopper reads, one
//! implementation per language ([`super::en`], [`super::pt`]). Adding a
//! language means adding a phrasebook and naming it in [`super::book`].

use super::money::Money;
use crate::model::{Canned, ConstraintKind, Constraints, Lang, PriceMove, Slot, Sort, Suggestion};

/// The words of one language.
pub trait Phrasebook: Sync {
    /// The language of this phrasebook.
    fn lang(&self) -> Lang;

    /// The word between the last two alternatives ("black or white").
    fn or(&self) -> &'static str;

    /// What the shopper asked for, as a noun phrase: "black sneakers for
    /// men by Puma under ₹3,000".
    fn describe(&self, c: &Constraints, money: &Money) -> String;

    /// The price part of a description: "under $30", "entre R$ 100 e R$ 200".
    fn price_range(&self, min: Option<f64>, max: Option<f64>, money: &Money) -> Option<String>;

    /// `total` products described by `what`: "48 black sneakers"; for one
    /// product "1 match: black sneakers", which needs no singular.
    fn counted(&self, total: u64, what: &str) -> String;

    /// "Found 48 black sneakers — from ₹549." (`from`: the lowest price).
    fn found(&self, counted: &str, from: Option<&str>) -> String;

    /// "I found no {asked}. Without the {dropped} filter, here are {counted}:".
    fn relaxed(&self, asked: &str, dropped: &[String], total: u64, counted: &str) -> String;

    /// The products shown may break these set-aside filters: "(Still
    /// without the brand (Puma) filter.)".
    fn still_without(&self, dropped: &[String]) -> String;

    /// A price in another currency was not applied: "Prices here are in
    /// US$, so I didn't apply under R$ 300."
    fn foreign_currency(&self, catalog: &str, asked: &str) -> String;

    /// The store lists no prices: "This store doesn't list prices, so I
    /// can't filter or sort by price."
    fn unpriced(&self) -> String;

    /// "bigger" of products whose titles give no size: "Their titles
    /// don't give a size I can compare."
    fn unmeasured(&self) -> &'static str;

    /// A new product type kept these filters: "I kept your audience
    /// (Women) and price filters."
    fn kept(&self, filters: &[String]) -> String;

    /// The words (quoted) no title has are in the descriptions of the
    /// products shown: "“grande” is in their descriptions, not their titles."
    fn described(&self, words: &[String]) -> String;

    /// The products shown say no audience, so the one asked for was not
    /// applied: "This store doesn't say who these are for."
    fn unlabelled(&self) -> &'static str;
    /// Only `n` of the products shown say the audience asked for, the
    /// others none: "Only 1 of these says whom it is for; this store doesn't
    /// say who the others are for."
    fn partly_labelled(&self, n: u64) -> String;
    /// Words no title says, shown as the products without the other kind's
    /// mark: (the word, the mark).
    fn contrasted(&self, pairs: &[(String, String)]) -> String;

    /// Filters kept from the products before that none of these has, left
    /// out: "None of these has your brand (Samsung) filter."
    fn unkept(&self, filters: &[String]) -> String;

    /// No product has these colours together: "None is black and white
    /// at once; these are one or the other."
    fn apart(&self, colours: &[String]) -> String;

    /// Some products shown have these words in their descriptions only:
    /// "Some have “gamer” only in their descriptions."
    fn partly_described(&self, words: &[String]) -> String;

    /// Nothing in the store matches `asked`: "I couldn't find {asked} in this store."
    fn no_such(&self, asked: &str) -> String;

    /// The count of values a description leaves out: "4 others".
    fn others(&self, n: usize) -> String;

    /// A constraint kind as the shopper would name it ("brand", "preço").
    fn constraint(&self, kind: &ConstraintKind) -> String;

    /// The order of the products, when the shopper asked for one
    /// ("cheapest first").
    fn sort_order(&self, sort: Sort) -> Option<&'static str>;

    /// An excluded value as a dropped constraint lists it ("not Nike").
    fn excluded_value(&self, value: &str) -> String;

    /// The clarifying question about a facet, before its values ("Which brand?").
    fn question(&self, slot: &Slot) -> String;
    /// The question offering the kinds of a type asked for ("Which kind
    /// of shoes?").
    fn kinds_question(&self, within: &str) -> String;

    /// A greeting, help or "not understood" showing `example` (what the
    /// shopper could ask this catalog, described); `None` for the other
    /// canned answers.
    fn invite(&self, kind: Canned, example: &str) -> Option<String>;

    /// Answers that do not depend on the results.
    fn canned(&self, kind: Canned) -> &'static str;

    /// "cheaper"/"pricier" went past the end.
    fn nothing_beyond(&self, moved: PriceMove) -> &'static str;

    /// The next page: "More options: 11–20 of 48."
    fn more_options(&self, from: usize, to: usize, total: &str) -> String;

    /// A pick beyond what was shown: "I showed 8 products; pick one from 1 to 8."
    fn pick_out_of_range(&self, shown: usize) -> String;

    /// The heading of similar products.
    fn similar_to(&self, title: &str) -> String;

    /// A suggestion as the shopper taps it (and as the lexicon reads it back).
    fn suggestion(&self, s: &Suggestion) -> String;

    /// The terminal chat's first line.
    fn chat_banner(&self, products: &str) -> String;

    /// The terminal chat's count under a table: "(10 of 48 shown)".
    fn shown_of(&self, shown: usize, total: &str) -> String;

    /// The terminal chat's label before the suggestions ("Try:").
    fn try_label(&self) -> &'static str;

    /// What a product's own text says of the words asked of it ("is the
    /// first one cotton?"): those it `has`, and those it has not.
    fn mentions(&self, has: &[String], has_not: &[String]) -> String;
}

/// Each word in typographic quotes ("“cotton”").
pub(crate) fn quoted(words: &[String]) -> Vec<String> {
    words
        .iter()
        .map(|w| format!("\u{201c}{w}\u{201d}"))
        .collect()
}

/// The sentences given, in order, one space apart.
pub(crate) fn sentences(first: Option<String>, second: Option<String>) -> String {
    first
        .into_iter()
        .chain(second)
        .collect::<Vec<_>>()
        .join(" ")
}

/// `values` joined with commas and the language's "or" before the last.
pub(crate) fn join_or(values: &[String], or: &str) -> String {
    match values {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {or} {last}", init.join(", ")),
    }
}

/// At most this many values are listed in a description; the rest are
/// counted ("black, navy, blue or 4 others").
pub(crate) const LISTED: usize = 3;

/// `values` without repeats, in order.
pub(crate) fn distinct(values: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(values.len());
    for v in values {
        if !out.iter().any(|o| o == &v) {
            out.push(v);
        }
    }
    out
}

/// `values` without repeats joined with the language's "or", the first
/// [`LISTED`] of them named and the others counted.
pub(crate) fn join_or_more(values: Vec<String>, book: &dyn Phrasebook) -> String {
    let mut values = distinct(values);
    if values.len() > LISTED + 1 {
        let others = values.len() - LISTED;
        values.truncate(LISTED);
        values.push(book.others(others));
    }
    join_or(&values, book.or())
}

/// Type names too many to list that are all kinds of one noun ("building
/// sets, comforter sets, train sets or 5 others" for "lego set"), as that
/// noun alone ("sets"): the shopper's word, not a list of the catalog's
/// kinds. `head_first`: the noun leads the names (Portuguese), else ends
/// them. Other lists are kept.
pub(crate) fn one_head(names: Vec<String>, head_first: bool) -> Vec<String> {
    if names.len() <= LISTED + 1 {
        return names;
    }
    let head = |name: &str| {
        let mut words = name.split_whitespace();
        let head = if head_first {
            words.next()
        } else {
            words.next_back()
        };
        head.map(str::to_string)
    };
    let Some(first) = names.first().and_then(|n| head(n)) else {
        return names;
    };
    let one = crate::language::noun::singular(&crate::text::key(&first)).to_string();
    let shared = names.iter().all(|n| {
        head(n).is_some_and(|h| crate::language::noun::singular(&crate::text::key(&h)) == one)
    });
    if shared { vec![first] } else { names }
}

/// `values` joined with commas and `and` before the last.
pub(crate) fn join_and(values: &[String], and: &str) -> String {
    join_or(values, and)
}

/// The types of a list that no other type of it names a kind of: "Brinquedo"
/// and "Brinquedo de Pelúcia" (or "Shoes" and "Running Shoes") say "Brinquedo"
/// (or "Shoes"), the broader one holding the narrower.
pub(crate) fn broadest_types(types: &[String]) -> Vec<String> {
    if types.len() < 2 {
        return types.to_vec();
    }
    // Word by word in the singular: "Capas do Queimador" is a kind of "Capa".
    let keys: Vec<String> = types
        .iter()
        .map(|t| {
            crate::text::words(t)
                .iter()
                .map(|w| crate::language::noun::singular(w))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let concepts: Vec<Option<&str>> = types
        .iter()
        .map(|t| crate::language::names::type_concept(t))
        .collect();
    let narrower = |k: &str| {
        keys.iter().any(|o| {
            o.len() < k.len()
                && ((k.starts_with(o.as_str()) && k.as_bytes().get(o.len()) == Some(&b' '))
                    || (k.ends_with(o.as_str())
                        && k.as_bytes().get(k.len() - o.len() - 1) == Some(&b' ')))
        })
    };
    let kind_of_another = |c: Option<&str>| {
        c.is_some_and(|c| {
            concepts
                .iter()
                .flatten()
                .any(|o| crate::language::names::concept_is_under(c, o))
        })
    };
    // One name for a compound written open and closed ("Air Fryer",
    // "AirFryer").
    let mut closed_seen: Vec<String> = Vec::new();
    types
        .iter()
        .zip(&keys)
        .zip(&concepts)
        .filter(|((_, k), c)| !narrower(k) && !kind_of_another(**c))
        .filter(|((_, k), _)| {
            let closed = k.replace(' ', "");
            let new = !closed_seen.contains(&closed);
            closed_seen.push(closed);
            new
        })
        .map(|((t, _), _)| t.clone())
        .collect()
}

/// Each product type named with the shopper's `words` it does not hold
/// already, the words before the type (English) or after it (Portuguese):
/// "running" with "shoes" and "running shoes" says "running shoes" once.
pub(crate) fn types_with_words(types: &[String], words: &[String], before: bool) -> Vec<String> {
    let types = &distinct(types.to_vec());
    // Words none of the types hold are said once, for the whole list
    // ("cotton kurtas, kurtis or kurti's").
    let held_by_none = words.iter().all(|w| {
        types
            .iter()
            .all(|t| !crate::text::words(t).contains(&crate::text::key(w)))
    });
    if held_by_none && types.len() > 1 && !words.is_empty() {
        let mut out = types.to_vec();
        let joined = words.join(" ");
        if before {
            if let Some(first) = out.first_mut() {
                *first = format!("{joined} {first}");
            }
        } else if let Some(last) = out.last_mut() {
            *last = format!("{last} {joined}");
        }
        return out;
    }
    types
        .iter()
        .map(|t| {
            let held = crate::text::words(t);
            let missing: Vec<&str> = words
                .iter()
                .filter(|w| !held.contains(&crate::text::key(w)))
                .map(String::as_str)
                .collect();
            match (missing.is_empty(), before) {
                (true, _) => t.clone(),
                (false, true) => format!("{} {t}", missing.join(" ")),
                (false, false) => format!("{t} {}", missing.join(" ")),
            }
        })
        .collect()
}

/// `values` in lowercase.
pub(crate) fn lower(values: &[String]) -> Vec<String> {
    values.iter().map(|v| v.to_lowercase()).collect()
}

/// The values a constraint requires, by slot (empty when none).
/// The colours asked for, and whether together (a two-tone product,
/// "black and white": the first said of each) or as alternatives.
pub(crate) fn asked_colours(c: &Constraints) -> (Vec<String>, bool) {
    match c.facet(&Slot::Color) {
        Some(f) if !f.and_of.is_empty() => (f.said_together().into_iter().cloned().collect(), true),
        _ => (any_of(c, &Slot::Color), false),
    }
}

pub(crate) fn any_of(c: &Constraints, slot: &Slot) -> Vec<String> {
    c.facet(slot).map(|f| f.any_of.clone()).unwrap_or_default()
}

/// Every excluded value and word, in slot order then words.
/// A facet's values as a reply names them, each once: colours by their
/// family ("Black", "Matte Black" and "Preto Fosco" are all "black"; a
/// colour asked for reaches the catalog's every shade of it, which the
/// shopper never named), other values as written.
pub(crate) fn said_values(slot: &Slot, values: &[String], lang: crate::model::Lang) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in values {
        let named = match slot {
            Slot::Color => crate::language::names::color_family(
                v,
                lang,
                crate::language::names::Gender::Masculine,
                false,
            )
            .map_or_else(|| v.clone(), str::to_string),
            _ => v.clone(),
        };
        if !out.contains(&named) {
            out.push(named);
        }
    }
    match slot {
        Slot::Color => without_shades(out),
        _ => out,
    }
}

/// Colour names without the shades of a colour named before them: "gold"
/// says "yellow gold" and "rose gold" too, "blue" says "navy blue".
pub(crate) fn without_shades(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    for name in names {
        let shade = out.iter().any(|o| {
            name.strip_suffix(o.as_str())
                .is_some_and(|m| m.ends_with(' '))
        });
        if !shade {
            out.push(name);
        }
    }
    out
}

pub(crate) fn excluded(c: &Constraints, lang: crate::model::Lang) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (slot, f) in &c.facets {
        for named in said_values(slot, &f.none_of, lang) {
            if !out.contains(&named) {
                out.push(named);
            }
        }
    }
    out.extend(c.excluded_text.iter().map(|w| super::shown_word(w, lang)));
    out
}

/// Extra facets' required values: `(facet name with spaces, values)`.
pub(crate) fn extras(c: &Constraints, lang: crate::model::Lang) -> Vec<(String, &[String])> {
    c.facets
        .iter()
        .filter_map(|(slot, f)| match slot {
            Slot::Extra(name) if !f.any_of.is_empty() => Some((
                crate::language::names::facet_label(name, lang),
                f.any_of.as_slice(),
            )),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn many_kinds_of_one_noun_are_said_by_the_noun() {
        let sets = names(&[
            "building sets",
            "comforter sets",
            "train sets",
            "tea sets",
            "craft set",
        ]);
        assert_eq!(one_head(sets, false), ["sets"]);
        let pt = names(&[
            "camisetas básicas",
            "camisetas polo",
            "camiseta regata",
            "camisetas longline",
            "camisetas oversized",
        ]);
        assert_eq!(one_head(pt, true), ["camisetas"]);
        // Few enough to list, or kinds of several nouns: listed.
        let few = names(&["building sets", "train sets"]);
        assert_eq!(one_head(few.clone(), false), few);
        let mixed = names(&["sets", "kits", "dolls", "games", "puzzles"]);
        assert_eq!(one_head(mixed.clone(), false), mixed);
    }
}
