//! Every word a shopper reads, from one phrasebook per language
//! ([`Phrasebook`]: [`en`], [`pt`]): what was understood, how many products
//! match, what was relaxed, the clarifying question, the suggestions, the
//! terminal chat's labels, and prices and counts in the catalog's currency
//! ([`Money`]). Pure functions over `model` types; knows nothing of
//! tantivy, sessions or HTTP.

mod en;
mod money;
mod phrasebook;
mod pt;

pub use money::{Money, format_count, format_price};
pub use phrasebook::Phrasebook;

use crate::catalog::Product;
use crate::model::{
    Canned, Constraints, Dropped, Lang, Note, PriceMove, Question, Sort, Suggestion,
};

/// The phrasebook of a language.
pub fn book(lang: Lang) -> &'static dyn Phrasebook {
    match lang {
        Lang::En => &en::English,
        Lang::Pt => &pt::Portuguese,
    }
}

/// What a turn says, as `dialog` and `search` decided it.
#[derive(Debug, Clone, Copy)]
pub enum Answer<'a> {
    /// Exact matches of `constraints`.
    Found {
        /// What was asked.
        constraints: &'a Constraints,
        /// Products matching.
        total: u64,
        /// The lowest price among them.
        lowest: Option<f64>,
    },
    /// No exact match: `dropped` were left out and `total` products match `now`.
    Relaxed {
        /// What was asked.
        asked: &'a Constraints,
        /// The constraints left out.
        dropped: &'a [Dropped],
        /// What the products shown match.
        now: &'a Constraints,
        /// Products matching `now`.
        total: u64,
    },
    /// "cheaper" below the cheapest (or "pricier" above the dearest).
    NothingBeyond(PriceMove),
    /// Nothing in the store matches what was asked, however relaxed.
    NoSuch {
        /// What was asked.
        asked: &'a Constraints,
    },
    /// The next page: products `from..=to` of `total`.
    Page {
        /// First position shown (1-based).
        from: usize,
        /// Last position shown.
        to: usize,
        /// Products matching in all.
        total: u64,
    },
    /// A pick beyond the `shown` products.
    PickOutOfRange {
        /// Products shown.
        shown: usize,
    },
    /// Products similar to the one titled `title`.
    Similar {
        /// The product's title.
        title: &'a str,
    },
    /// An answer that does not depend on the results.
    Canned(Canned),
    /// A canned answer that shows what to ask with an example of this
    /// catalog's (greeting, help, not understood).
    Invite(Canned, &'a Constraints),
}

/// The reply to `answer`, with the clarifying question after it.
pub fn say(answer: &Answer<'_>, question: Option<&Question>, money: &Money) -> String {
    let book = book(money.lang);
    let mut text = match *answer {
        Answer::Found {
            constraints,
            total,
            lowest,
        } => found(total, constraints, money, lowest),
        Answer::Relaxed {
            asked,
            dropped,
            now,
            total,
        } if total > 0 => relaxed(asked, dropped, total, now, money),
        Answer::Relaxed { .. } => book.canned(Canned::NoMatch).to_string(),
        Answer::NothingBeyond(moved) => book.nothing_beyond(moved).to_string(),
        Answer::NoSuch { asked } if asked.is_empty() => book.canned(Canned::NoMatch).to_string(),
        Answer::NoSuch { asked } => book.no_such(&describe(asked, money)),
        Answer::Page { from, to, total } => book.more_options(from, to, &money.count(total)),
        Answer::PickOutOfRange { shown: 0 } => book.canned(Canned::NothingShown).to_string(),
        Answer::PickOutOfRange { shown } => book.pick_out_of_range(shown),
        Answer::Similar { title } => book.similar_to(title),
        Answer::Canned(kind) => book.canned(kind).to_string(),
        Answer::Invite(kind, example) => book
            .invite(kind, &describe(example, money))
            .unwrap_or_else(|| book.canned(kind).to_string()),
    };
    if let Some(q) = question {
        text.push(' ');
        text.push_str(&self::question(q, money));
    }
    text
}

/// The clarifying question with its values: "Which brand? Puma (15), Levis
/// (8)". A colour or audience of a catalog in another language is named in
/// the reply's ("Qual cor? Prata (20)" for "Silver"; tapped or typed back,
/// either name is understood).
pub fn question(q: &Question, money: &Money) -> String {
    use crate::language::names::{Gender, audience_name, color_name};
    let lang = money.lang;
    let named = |v: &str| {
        let name = match q.slot {
            crate::model::Slot::Color => color_name(v, lang, Gender::Masculine, false),
            crate::model::Slot::Gender => audience_name(v, lang, Gender::Masculine, false),
            _ => None,
        };
        let Some(name) = name else {
            return v.to_string();
        };
        let mut chars = name.chars();
        chars.next().map_or_else(String::new, |first| {
            first.to_uppercase().chain(chars).collect()
        })
    };
    // Two values named alike in the reply's language ("Preto" and "Black"
    // of a Brazilian catalog) are one, with both counts.
    let mut named_values: Vec<(String, u64)> = Vec::with_capacity(q.values.len());
    for (v, n) in &q.values {
        let name = named(v);
        match named_values.iter_mut().find(|(shown, _)| *shown == name) {
            Some((_, count)) => *count += *n,
            None => named_values.push((name, *n)),
        }
    }
    let list: Vec<String> = named_values
        .iter()
        .map(|(name, n)| format!("{name} ({})", money.count(*n)))
        .collect();
    let book = book(money.lang);
    let asked = match &q.within {
        Some(within) => book.kinds_question(within),
        None => book.question(&q.slot),
    };
    format!("{asked} {}", list.join(", "))
}

/// The suggestions as the shopper taps them.
pub fn suggestions(lang: Lang, suggestions: &[Suggestion]) -> Vec<String> {
    let book = book(lang);
    suggestions.iter().map(|s| book.suggestion(s)).collect()
}

/// A dropped constraint's values as the shopper would read them: the
/// required ones as written, the excluded ones negated ("not Nike").
pub fn dropped_values(lang: Lang, dropped: &Dropped) -> Vec<String> {
    let book = book(lang);
    let said = |values: &[String]| match &dropped.kind {
        crate::model::ConstraintKind::Facet(slot) => phrasebook::said_values(slot, values, lang),
        _ => values.iter().map(|v| shown_word(v, lang)).collect(),
    };
    let mut values = said(&dropped.any_of);
    values.extend(
        said(&dropped.none_of)
            .iter()
            .map(|v| book.excluded_value(v)),
    );
    values
}

/// A word of the shopper's as a reply writes it: a measurement with its
/// unit ("3,2 L", `55"`), any other word as it is.
pub(crate) fn shown_word(word: &str, lang: Lang) -> String {
    crate::language::units::display(word, lang).unwrap_or_else(|| word.to_string())
}

/// The shopper's words as a reply writes them ([`shown_word`]), a range
/// of one measurement as one ("50" a 55"", not "50" ou mais até 55"").
pub(crate) fn shown_words(words: &[String], lang: Lang) -> Vec<String> {
    use crate::language::units::{Bound, bound_of};
    let to = match lang {
        Lang::Pt => "a",
        Lang::En => "to",
    };
    let exact = |w: &str| shown_word(w.trim_end_matches(['+', '-']), lang);
    let mut merged = vec![false; words.len()];
    let mut out = Vec::with_capacity(words.len());
    for (i, word) in words.iter().enumerate() {
        if merged[i] {
            continue;
        }
        let upper = bound_of(word)
            .filter(|(bound, _, _)| *bound == Bound::AtLeast)
            .and_then(|(_, _, quantity)| {
                (i + 1..words.len()).find(|&j| {
                    !merged[j]
                        && bound_of(&words[j])
                            .is_some_and(|(b, _, q)| b == Bound::AtMost && q == quantity)
                })
            });
        match upper {
            Some(j) => {
                merged[j] = true;
                out.push(format!("{} {to} {}", exact(word), exact(&words[j])));
            }
            None => out.push(shown_word(word, lang)),
        }
    }
    out
}

/// The notice that the products shown may break what is set aside: "(Still
/// without the brand (Adidas) filter.)".
pub fn still_set_aside(dropped: &[Dropped], money: &Money) -> String {
    book(money.lang).still_without(&filter_names(dropped, money))
}

/// What the reply adds about how the message was taken ("Prices here are
/// in US$…", "I kept your audience (Women) and price filters."), each note
/// a sentence; empty when there is none.
pub fn notes(notes: &[Note], c: &Constraints, money: &Money) -> String {
    let book = book(money.lang);
    let sentences: Vec<String> = notes
        .iter()
        .map(|note| match note {
            Note::ForeignCurrency {
                named,
                catalog,
                min,
                max,
            } => {
                // "$" would be the store's own dollar: US dollars say so.
                let dollar_store = symbol(catalog, money.lang).ends_with('$');
                let named = if named == "USD" && dollar_store {
                    "US$"
                } else {
                    named
                };
                let asked = Money::new(Some(named), money.lang);
                let range = book.price_range(*min, *max, &asked).unwrap_or_default();
                book.foreign_currency(&symbol(catalog, money.lang), &range)
            }
            Note::Unpriced => book.unpriced(),
            Note::Unmeasured => book.unmeasured().to_string(),
            Note::Kept(kinds) => {
                let mut held = c.clone();
                let kept: Vec<Dropped> = kinds
                    .iter()
                    .filter(|k| c.has(k))
                    .map(|k| held.remove(k))
                    .collect();
                book.kept(&filter_names(&kept, money))
            }
            Note::Unlabelled => book.unlabelled().to_string(),
            Note::PartlyLabelled(n) => book.partly_labelled(*n),
            Note::Contrasted(pairs) => book.contrasted(pairs),
            Note::Unkept(dropped) => book.unkept(&filter_names(dropped, money)),
            Note::Apart(colours) => book.apart(&phrasebook::said_values(
                &crate::model::Slot::Color,
                colours,
                money.lang,
            )),
            Note::Described { only, some } => {
                // The shopper's words, quoted ("“grande”").
                let quoted = |words: &[String]| -> Vec<String> {
                    words
                        .iter()
                        .map(|w| format!("“{}”", shown_word(w, money.lang)))
                        .collect()
                };
                let both = [
                    book.described(&quoted(only)),
                    book.partly_described(&quoted(some)),
                ];
                both.into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            }
        })
        .filter(|s| !s.is_empty())
        .collect();
    sentences.join(" ")
}

/// A currency's sign as shoppers read it ("US$", "R$", "₹"), or its code.
fn symbol(code: &str, lang: Lang) -> String {
    format_price(1.0, Some(code), lang)
        .replace('1', "")
        .trim()
        .to_string()
}

/// Each dropped constraint as the shopper would name it, with its values:
/// "brand (Puma)", "price".
fn filter_names(dropped: &[Dropped], money: &Money) -> Vec<String> {
    let book = book(money.lang);
    dropped
        .iter()
        .map(|d| {
            let label = book.constraint(&d.kind);
            let values = dropped_values(money.lang, d);
            if values.is_empty() {
                label
            } else {
                format!("{label} ({})", values.join(", "))
            }
        })
        .collect()
}

/// What the shopper asked for, as a noun phrase: "black or white sneakers
/// for men by Puma under ₹3,000".
pub fn describe(c: &Constraints, money: &Money) -> String {
    book(money.lang).describe(c, money)
}

/// "Found 48 black sneakers for men under ₹3,000 — from ₹549."
pub fn found(total: u64, c: &Constraints, money: &Money, lowest: Option<f64>) -> String {
    let book = book(money.lang);
    let mut counted = book.counted(total, &describe(c, money));
    if let Some(order) = book.sort_order(c.sort).filter(|_| total > 1) {
        counted.push_str(", ");
        counted.push_str(order);
    }
    // The lowest price, unless the list starts with it or the bound says it.
    let from = lowest
        .filter(|_| total > 1 && c.sort == Sort::Relevance && c.price_min.is_none())
        .filter(|&p| c.price_max != Some(p))
        .map(|p| money.price(p));
    book.found(&counted, from.as_deref())
}

/// The notice when constraints were dropped: "I found no …. Without the
/// brand (Puma) filter, here are 12 …:".
pub fn relaxed(
    asked: &Constraints,
    dropped: &[Dropped],
    total: u64,
    now: &Constraints,
    money: &Money,
) -> String {
    let book = book(money.lang);
    let names = filter_names(dropped, money);
    let counted = book.counted(total, &describe(now, money));
    book.relaxed(&describe(asked, money), &names, total, &counted)
}

/// The details of the product at `position` of the last page: "#2:
/// title — brand, price (colour, size, ★ 4.5). The start of its
/// description…", and whether its text says the words `asked` of it
/// ("is the first one cotton?").
pub fn details(position: usize, product: &Product, money: &Money, asked: &[String]) -> String {
    let mut text = format!("#{position}: {}", product.title);
    if let Some(brand) = &product.brand {
        text.push_str(&format!(" — {brand}"));
    }
    if let Some(price) = product.price {
        let currency = product.currency.as_deref().or(money.currency);
        let money = Money::new(currency, money.lang);
        text.push_str(&format!(", {}", money.price(price)));
    }
    let mut facts: Vec<String> = [
        &product.color,
        &product.size,
        &product.material,
        &product.gender,
    ]
    .into_iter()
    .flatten()
    .cloned()
    .collect();
    if let Some(r) = product.rating {
        facts.push(format!("★ {r:.1}"));
    }
    if !facts.is_empty() {
        text.push_str(&format!(" ({})", facts.join(", ")));
    }
    text.push('.');
    if !product.description.is_empty() {
        const SHORT: usize = 240;
        let short: String = product.description.chars().take(SHORT).collect();
        text.push(' ');
        text.push_str(short.trim());
        if product.description.chars().count() > SHORT {
            text.push('…');
        }
    }
    if !asked.is_empty() {
        let (has, has_not): (Vec<String>, Vec<String>) =
            asked.iter().cloned().partition(|w| says(product, w));
        if !text.ends_with(['.', '!', '?', '…']) {
            text.push('.');
        }
        text.push(' ');
        text.push_str(&book(money.lang).mentions(&has, &has_not));
    }
    text
}

/// True when `product`'s own text (title, description, attributes) says
/// `words`: each word as a word of it, its singular at a word's start or
/// inside a compound ("pockets" in "5-pocket"), an amount with its unit
/// however spaced ("150kg" in "Até 150 Kg"), or all of them written
/// together ("wifi 6" in "Wi-Fi 6").
fn says(product: &Product, words: &str) -> bool {
    let values = [
        &product.color,
        &product.material,
        &product.size,
        &product.gender,
    ];
    let text = std::iter::once(product.title.as_str())
        .chain(std::iter::once(product.description.as_str()))
        .chain(values.into_iter().flatten().map(String::as_str))
        .chain(product.extra.values().map(String::as_str))
        .map(crate::text::key)
        .collect::<Vec<_>>()
        .join(" ");
    let asked = crate::text::key(words);
    let squash = |s: &str| s.replace(' ', "");
    let squashed = squash(&text);
    let own = crate::text::words(&text);
    asked.split(' ').all(|w| {
        let stem = match w.strip_suffix('s') {
            Some(stem) if stem.len() >= 4 => stem,
            _ => w,
        };
        w.bytes().any(|b| b.is_ascii_digit()) && squashed.contains(w)
            || own.iter().any(|o| {
                o == w
                    || stem.len() >= 4 && o.starts_with(stem)
                    || stem.len() >= 5 && o.contains(stem)
            })
    }) || asked.contains(' ') && squashed.contains(&squash(&asked))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ConstraintKind, FacetFilter, Slot};

    fn c() -> Constraints {
        let mut c = Constraints::default();
        let set = |v: &[&str]| FacetFilter {
            any_of: v.iter().map(|s| s.to_string()).collect(),
            none_of: vec![],
            and_of: vec![],
        };
        c.facets.insert(Slot::Type, set(&["Sneakers"]));
        c.facets.insert(Slot::Color, set(&["Black"]));
        c.facets.insert(Slot::Gender, set(&["Men"]));
        c.price_max = Some(3000.0);
        c
    }

    #[test]
    fn values_named_alike_in_the_replys_language_are_one() {
        let q = Question {
            slot: Slot::Color,
            values: vec![
                ("Branco".into(), 11),
                ("Preto".into(), 9),
                ("Black".into(), 2),
            ],
            within: None,
        };
        let money = Money::new(Some("BRL"), Lang::Pt);
        assert_eq!(question(&q, &money), "Qual cor? Branco (11), Preto (11)");
    }

    #[test]
    fn a_products_text_says_the_words_asked_in_its_own_forms() {
        let p = Product {
            title: "Cadeira Gamer Reclinável, Até 150 Kg, Wi-Fi 6".into(),
            description: "Grey 5-pocket low-rise jeans.".into(),
            ..Product::default()
        };
        for said in ["150kg", "pockets", "wifi 6", "reclinavel", "cadeira"] {
            assert!(says(&p, said), "{said}");
        }
        for unsaid in ["waterproof", "200kg", "cotton"] {
            assert!(!says(&p, unsaid), "{unsaid}");
        }
    }

    #[test]
    fn summarises_in_english_and_portuguese() {
        assert_eq!(
            found(48, &c(), &Money::new(Some("INR"), Lang::En), Some(549.0)),
            "Found 48 black sneakers for men under ₹3,000 — from ₹549."
        );
        assert_eq!(
            found(3, &c(), &Money::new(Some("BRL"), Lang::Pt), Some(149.9)),
            // English catalog values in a Portuguese reply: named in Portuguese.
            "Encontrei 3 tênis pretos masculinos até R$ 3.000 — a partir de R$ 149,90."
        );
        // Portuguese catalog values in an English reply: named in English.
        let mut pt = c();
        pt.facets.insert(
            Slot::Gender,
            FacetFilter {
                any_of: vec!["Masculino".into(), "Unissex".into()],
                none_of: vec![],
                and_of: vec![],
            },
        );
        assert_eq!(
            found(592, &pt, &Money::new(Some("BRL"), Lang::En), None),
            "Found 592 black sneakers for men or unisex under R$ 3.000."
        );
    }

    #[test]
    fn english_names_singular_catalog_types_in_the_plural() {
        let mut bags = c();
        bags.facets.insert(
            Slot::Type,
            FacetFilter {
                any_of: vec!["Bag".into(), "Backpack".into()],
                none_of: vec![],
                and_of: vec![],
            },
        );
        assert_eq!(
            describe(&bags, &Money::new(Some("USD"), Lang::En)),
            "black bags or backpacks for men under $3,000"
        );
        // In Portuguese, the concept a value is gets its Portuguese name.
        let pt = describe(&bags, &Money::new(Some("BRL"), Lang::Pt));
        assert!(pt.starts_with("bolsas ou mochilas pretas"), "{pt}");
    }

    #[test]
    fn a_type_and_its_kinds_are_named_once_by_the_broadest() {
        let mut bags = c();
        bags.facets.insert(
            Slot::Type,
            FacetFilter {
                any_of: vec!["Bag".into(), "Laptop Bag".into()],
                none_of: vec![],
                and_of: vec![],
            },
        );
        assert_eq!(
            describe(&bags, &Money::new(Some("USD"), Lang::En)),
            "black bags for men under $3,000"
        );
        let mut toys = Constraints::default();
        toys.facets.insert(
            Slot::Type,
            FacetFilter {
                any_of: vec!["Brinquedo".into(), "Brinquedo de Pelúcia".into()],
                none_of: vec![],
                and_of: vec![],
            },
        );
        assert_eq!(
            describe(&toys, &Money::new(Some("BRL"), Lang::Pt)),
            "brinquedos"
        );
    }

    #[test]
    fn a_relaxed_answer_agrees_with_its_count() {
        let mut now = c();
        now.price_max = None;
        let dropped = [Dropped {
            kind: ConstraintKind::Price,
            any_of: vec![],
            none_of: vec![],
        }];
        assert_eq!(
            relaxed(&c(), &dropped, 1, &now, &Money::new(Some("USD"), Lang::En)),
            "I found no black sneakers for men under $3,000. Without the price filter, \
             here is 1 match: black sneakers for men:"
        );
        assert_eq!(
            relaxed(&c(), &dropped, 2, &now, &Money::new(Some("USD"), Lang::En)),
            "I found no black sneakers for men under $3,000. Without the price filter, \
             here are 2 black sneakers for men:"
        );
        assert!(
            relaxed(&c(), &dropped, 1, &now, &Money::new(Some("BRL"), Lang::Pt))
                .ends_with("Sem o filtro de preço, encontrei 1 opção: tênis pretos masculinos:")
        );
    }
}
