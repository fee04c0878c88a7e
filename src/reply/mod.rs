//! The words of a reply, in English or Brazilian Portuguese: what was
//! understood, how many products match, what was relaxed, the clarifying
//! question, and prices formatted in the catalog's currency. Pure functions
//! over dialog types; knows nothing of tantivy or HTTP.

mod money;

pub use money::{format_count, format_price};

use crate::dialog::Constraints;
use crate::understand::{Lang, Slot, Sort};

fn join_or(values: &[String], lang: Lang) -> String {
    let or = if lang == Lang::Pt { " ou " } else { " or " };
    match values {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{or}{last}", init.join(", ")),
    }
}

fn lower(values: &[String]) -> Vec<String> {
    values.iter().map(|v| v.to_lowercase()).collect()
}

/// The price part of a description: "under $30", "entre R$ 100 e R$ 200".
pub fn describe_price(c: &Constraints, currency: Option<&str>, lang: Lang) -> Option<String> {
    let p = |v: f64| format_price(v, currency, lang);
    let pt = lang == Lang::Pt;
    match (c.price_min, c.price_max) {
        (Some(lo), Some(hi)) if pt => Some(format!("entre {} e {}", p(lo), p(hi))),
        (Some(lo), Some(hi)) => Some(format!("between {} and {}", p(lo), p(hi))),
        (Some(lo), None) if pt => Some(format!("a partir de {}", p(lo))),
        (Some(lo), None) => Some(format!("from {}", p(lo))),
        (None, Some(hi)) if pt => Some(format!("até {}", p(hi))),
        (None, Some(hi)) => Some(format!("under {}", p(hi))),
        (None, None) => None,
    }
}

/// What the shopper asked for, as a noun phrase: "black or white sneakers for men by Puma under ₹3,000".
pub fn describe(c: &Constraints, currency: Option<&str>, lang: Lang) -> String {
    let pt = lang == Lang::Pt;
    let any = |slot: &Slot| c.facet(slot).map(|f| f.any_of.clone()).unwrap_or_default();
    let none = |slot: &Slot| c.facet(slot).map(|f| f.none_of.clone()).unwrap_or_default();
    let colors = lower(&any(&Slot::Color));
    let mut types = any(&Slot::Type);
    if !pt {
        // "240 bags for women", though the catalog's type is "Bag".
        types = types
            .iter()
            .map(|t| crate::understand::english_plural_type(t))
            .collect();
    }
    let noun = if types.is_empty() {
        (if pt { "produtos" } else { "products" }).to_string()
    } else {
        join_or(&lower(&types), lang)
    };
    let mut parts: Vec<String> = Vec::new();
    if pt {
        parts.push(noun);
        if !colors.is_empty() {
            parts.push(join_or(&colors, lang));
        }
    } else {
        if !colors.is_empty() {
            parts.push(join_or(&colors, lang));
        }
        for w in &c.text {
            parts.push(w.clone());
        }
        parts.push(noun);
    }
    if pt {
        for w in &c.text {
            parts.push(w.clone());
        }
    }
    let materials = lower(&any(&Slot::Material));
    if !materials.is_empty() {
        parts.push(format!(
            "{} {}",
            if pt { "de" } else { "in" },
            join_or(&materials, lang)
        ));
    }
    let genders = any(&Slot::Gender);
    if !genders.is_empty() {
        let g = join_or(&genders, lang);
        parts.push(if pt {
            format!("({g})")
        } else {
            format!("for {}", g.to_lowercase())
        });
    }
    let brands = any(&Slot::Brand);
    if !brands.is_empty() {
        parts.push(format!(
            "{} {}",
            if pt { "da" } else { "by" },
            join_or(&brands, lang)
        ));
    }
    let sizes = any(&Slot::Size);
    if !sizes.is_empty() {
        parts.push(format!(
            "{} {}",
            if pt { "tamanho" } else { "size" },
            join_or(&sizes, lang)
        ));
    }
    for (slot, f) in &c.facets {
        if let Slot::Extra(name) = slot
            && !f.any_of.is_empty()
        {
            parts.push(format!(
                "({}: {})",
                name.replace('_', " "),
                join_or(&f.any_of, lang)
            ));
        }
    }
    if let Some(price) = describe_price(c, currency, lang) {
        parts.push(price);
    }
    if let Some(r) = c.min_rating {
        parts.push(if pt {
            format!("com nota {r}+")
        } else {
            format!("rated {r}+")
        });
    }
    let mut excluded: Vec<String> = Vec::new();
    for slot in c.facets.keys() {
        excluded.extend(none(slot));
    }
    excluded.extend(c.excluded_text.iter().cloned());
    if !excluded.is_empty() {
        let list = excluded.join(", ");
        parts.push(if pt {
            format!("exceto {list}")
        } else {
            format!("excluding {list}")
        });
    }
    parts.join(" ")
}

/// "Found 48 black sneakers for men under ₹3,000 — from ₹549."
pub fn found(
    total: u64,
    c: &Constraints,
    currency: Option<&str>,
    lowest: Option<f64>,
    lang: Lang,
) -> String {
    let counted = counted(total, &describe(c, currency, lang), lang);
    let from = lowest
        .filter(|_| total > 1 && c.sort != Sort::PriceDesc)
        .map(|p| format_price(p, currency, lang));
    match (lang, from) {
        (Lang::Pt, Some(f)) => format!("Encontrei {counted} — a partir de {f}."),
        (Lang::Pt, None) => format!("Encontrei {counted}."),
        (Lang::En, Some(f)) => format!("Found {counted} — from {f}."),
        (Lang::En, None) => format!("Found {counted}."),
    }
}

/// `total` products described by `what`: "48 black sneakers", and for one
/// product "1 match: black sneakers" ("1 opção: …"), which needs no singular.
fn counted(total: u64, what: &str, lang: Lang) -> String {
    match (total, lang) {
        (1, Lang::Pt) => format!("1 opção: {what}"),
        (1, Lang::En) => format!("1 match: {what}"),
        (n, _) => format!("{} {what}", format_count(n, lang)),
    }
}

/// The notice when constraints were dropped: "No exact match for …; without the brand (Puma) I found 12 …".
pub fn relaxed(
    asked: &Constraints,
    dropped: &[(String, Vec<String>)],
    total: u64,
    now: &Constraints,
    currency: Option<&str>,
    lang: Lang,
) -> String {
    let asked_text = describe(asked, currency, lang);
    let names: Vec<String> = dropped
        .iter()
        .map(|(what, values)| {
            let label = constraint_label(what, lang);
            if values.is_empty() {
                label
            } else {
                format!("{label} ({})", values.join(", "))
            }
        })
        .collect();
    let counted = counted(total, &describe(now, currency, lang), lang);
    if lang == Lang::Pt {
        format!(
            "Não encontrei {asked_text}. Sem o filtro de {}, encontrei {counted}:",
            names.join(" e ")
        )
    } else {
        let verb = if total == 1 { "is" } else { "are" };
        format!(
            "I found no {asked_text}. Without the {} filter, here {verb} {counted}:",
            names.join(" and ")
        )
    }
}

/// A constraint kind as the shopper would name it.
pub fn constraint_label(what: &str, lang: Lang) -> String {
    let pt = lang == Lang::Pt;
    match what {
        "brand" => if pt { "marca" } else { "brand" }.into(),
        "color" => if pt { "cor" } else { "colour" }.into(),
        "type" => if pt {
            "tipo de produto"
        } else {
            "product type"
        }
        .into(),
        "gender" => if pt { "público" } else { "audience" }.into(),
        "size" => if pt { "tamanho" } else { "size" }.into(),
        "material" => "material".into(),
        "price" => if pt { "preço" } else { "price" }.into(),
        "rating" => if pt { "avaliação" } else { "rating" }.into(),
        "text" => if pt { "palavras" } else { "keyword" }.into(),
        other => other.replace('_', " "),
    }
}

/// The clarifying question: "Which brand? Puma (15), Levis (8), Geox (4)".
pub fn question(facet: &str, values: &[(String, u64)], lang: Lang) -> String {
    let list: Vec<String> = values
        .iter()
        .map(|(v, n)| format!("{v} ({})", format_count(*n, lang)))
        .collect();
    let pt = lang == Lang::Pt;
    let q = match facet {
        "type" => if pt {
            "Que tipo de produto?"
        } else {
            "What kind of product?"
        }
        .to_string(),
        "brand" => if pt { "Alguma marca?" } else { "Which brand?" }.to_string(),
        "color" => if pt { "Qual cor?" } else { "Which colour?" }.to_string(),
        "gender" => if pt { "Para quem?" } else { "Who is it for?" }.to_string(),
        "size" => if pt { "Qual tamanho?" } else { "Which size?" }.to_string(),
        "material" => if pt {
            "Qual material?"
        } else {
            "Which material?"
        }
        .to_string(),
        other => format!("{}?", other.replace('_', " ")),
    };
    format!("{q} {}", list.join(", "))
}

/// Canned replies.
pub fn canned(kind: Canned, lang: Lang) -> String {
    let pt = lang == Lang::Pt;
    match kind {
        Canned::Greeting if pt => "Olá! Diga o que você procura, por exemplo \"tênis preto masculino até R$ 300\".",
        Canned::Greeting => "Hi! Tell me what you're looking for, e.g. \"black sneakers for men under $80\".",
        Canned::Thanks if pt => "Por nada! Quer ver mais alguma coisa?",
        Canned::Thanks => "You're welcome! Anything else I can find for you?",
        Canned::Help if pt => "Diga o produto, a cor, a marca, o público ou o preço (\"camiseta branca até R$ 80\"). Depois refine: \"só Nike\", \"mais barato\", \"em azul\", \"mostrar mais\", \"o segundo\", \"recomeçar\".",
        Canned::Help => "Describe what you want: product, colour, brand, who it's for, price (\"white t-shirt under $20\"). Then refine: \"only Nike\", \"cheaper\", \"in blue\", \"show more\", \"the second one\", \"start over\".",
        Canned::NotUnderstood if pt => "Desculpe, não entendi. Tente algo como \"bolsa preta de couro\" ou peça \"ajuda\".",
        Canned::NotUnderstood => "Sorry, I didn't catch that. Try something like \"black leather bag\", or ask for \"help\".",
        Canned::Reset if pt => "Certo, vamos recomeçar. O que você procura?",
        Canned::Reset => "Okay, starting over. What are you looking for?",
        Canned::NoMore if pt => "Isso é tudo o que encontrei para esta busca.",
        Canned::NoMore => "That's everything I found for this search.",
        Canned::NothingShown if pt => "Ainda não mostrei produtos. O que você procura?",
        Canned::NothingShown => "I haven't shown any products yet. What are you looking for?",
        Canned::NoMatch if pt => "Não encontrei nada parecido no catálogo.",
        Canned::NoMatch => "I couldn't find anything like that in the catalog.",
    }
    .to_string()
}

/// Replies that do not depend on the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Canned {
    /// "Hi!"
    Greeting,
    /// "You're welcome."
    Thanks,
    /// What the assistant understands.
    Help,
    /// Nothing understood.
    NotUnderstood,
    /// After "start over".
    Reset,
    /// "show more" past the last page.
    NoMore,
    /// "the second one" before any results.
    NothingShown,
    /// Nothing matches even after relaxing.
    NoMatch,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialog::FacetFilter;

    fn c() -> Constraints {
        let mut c = Constraints::default();
        let set = |v: &[&str]| FacetFilter {
            any_of: v.iter().map(|s| s.to_string()).collect(),
            none_of: vec![],
        };
        c.facets.insert(Slot::Type, set(&["Sneakers"]));
        c.facets.insert(Slot::Color, set(&["Black"]));
        c.facets.insert(Slot::Gender, set(&["Men"]));
        c.price_max = Some(3000.0);
        c
    }

    #[test]
    fn summarises_in_english_and_portuguese() {
        assert_eq!(
            found(48, &c(), Some("INR"), Some(549.0), Lang::En),
            "Found 48 black sneakers for men under ₹3,000 — from ₹549."
        );
        assert_eq!(
            found(3, &c(), Some("BRL"), Some(149.9), Lang::Pt),
            "Encontrei 3 sneakers black (Men) até R$ 3.000 — a partir de R$ 149,90."
        );
    }

    #[test]
    fn english_names_singular_catalog_types_in_the_plural() {
        let mut bags = c();
        bags.facets.insert(
            Slot::Type,
            FacetFilter {
                any_of: vec!["Bag".into(), "Laptop Bag".into()],
                none_of: vec![],
            },
        );
        assert_eq!(
            describe(&bags, Some("USD"), Lang::En),
            "black bags or laptop bags for men under $3,000"
        );
        assert!(describe(&bags, Some("BRL"), Lang::Pt).starts_with("bag ou laptop bag"));
    }

    #[test]
    fn a_relaxed_answer_agrees_with_its_count() {
        let mut now = c();
        now.price_max = None;
        let dropped = [("price".to_string(), vec![])];
        assert_eq!(
            relaxed(&c(), &dropped, 1, &now, Some("USD"), Lang::En),
            "I found no black sneakers for men under $3,000. Without the price filter, \
             here is 1 match: black sneakers for men:"
        );
        assert_eq!(
            relaxed(&c(), &dropped, 2, &now, Some("USD"), Lang::En),
            "I found no black sneakers for men under $3,000. Without the price filter, \
             here are 2 black sneakers for men:"
        );
        assert!(
            relaxed(&c(), &dropped, 1, &now, Some("BRL"), Lang::Pt)
                .ends_with("Sem o filtro de preço, encontrei 1 opção: sneakers black (Men):")
        );
    }
}
