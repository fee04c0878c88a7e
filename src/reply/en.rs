//! The English phrasebook.

use super::money::Money;
use super::phrasebook::{
    Phrasebook, any_of, asked_colours, broadest_types, excluded, extras, join_and, join_or,
    join_or_more, lower, one_head, quoted, sentences, types_with_words, without_shades,
};
use crate::language::names::{self, Gender};
use crate::model::{Canned, ConstraintKind, Constraints, Lang, PriceMove, Slot, Sort, Suggestion};

/// English.
pub struct English;

impl Phrasebook for English {
    fn lang(&self) -> Lang {
        Lang::En
    }

    fn or(&self) -> &'static str {
        "or"
    }

    fn describe(&self, c: &Constraints, money: &Money) -> String {
        let (asked, together) = asked_colours(c);
        let colors: Vec<String> = asked
            .iter()
            .map(|v| {
                names::color_family(v, Lang::En, Gender::Masculine, true)
                    .map_or_else(|| v.to_lowercase(), str::to_string)
            })
            .collect();
        let colors = if together {
            colors
        } else {
            without_shades(colors)
        };
        // "240 bags for women", though the catalog's type is "Bag" (or "Bolsa").
        let types: Vec<String> = broadest_types(&any_of(c, &Slot::Type))
            .iter()
            .map(|t| {
                names::type_name(t, Lang::En)
                    .map_or_else(|| crate::language::noun::english_plural(t), |n| n.many)
            })
            .collect();
        // The shopper's words in lower case, measurements with their unit.
        let lowered: Vec<String> = c
            .text
            .iter()
            .map(|w| match crate::language::units::is_measurement(w) {
                true => w.clone(),
                false => w.to_lowercase(),
            })
            .collect();
        let words = super::shown_words(&lowered, Lang::En);
        let mut parts: Vec<String> = Vec::new();
        if together {
            parts.push(join_and(&colors, "and"));
        } else if !colors.is_empty() {
            parts.push(join_or_more(colors, self));
        }
        if !types.is_empty() {
            let named = types_with_words(&one_head(lower(&types), false), &words, true);
            parts.push(join_or_more(named, self));
        } else if c.text.is_empty() {
            parts.push("products".to_string());
        } else {
            // Only the shopper's words say what the product is.
            parts.push(format!("products matching “{}”", words.join(" ")));
        }
        let materials = lower(&any_of(c, &Slot::Material));
        if !materials.is_empty() {
            parts.push(format!("in {}", join_or_more(materials, self)));
        }
        let genders = any_of(c, &Slot::Gender);
        let said: Option<Vec<String>> = genders
            .iter()
            .map(|g| {
                names::audience_name(g, Lang::En, Gender::Masculine, true)
                    .map(|a| a.strip_prefix("for ").unwrap_or(a).to_string())
            })
            .collect();
        match said {
            Some(words) if !words.is_empty() => {
                parts.push(format!("for {}", join_or_more(words, self)))
            }
            _ if !genders.is_empty() => {
                parts.push(format!("for {}", join_or(&genders, "or").to_lowercase()))
            }
            _ => {}
        }
        let brands = any_of(c, &Slot::Brand);
        if !brands.is_empty() {
            parts.push(format!("by {}", join_or_more(brands, self)));
        }
        let sizes = any_of(c, &Slot::Size);
        if !sizes.is_empty() {
            parts.push(format!("size {}", join_or_more(sizes, self)));
        }
        for (name, values) in extras(c, Lang::En) {
            parts.push(format!("({name}: {})", join_or_more(values.to_vec(), self)));
        }
        if let Some(price) = self.price_range(c.price_min, c.price_max, money) {
            parts.push(price);
        }
        if let Some(r) = c.min_rating {
            parts.push(format!("rated {r}+"));
        }
        let excluded = excluded(c, Lang::En);
        if !excluded.is_empty() {
            parts.push(format!("excluding {}", excluded.join(", ")));
        }
        parts.join(" ")
    }

    fn price_range(&self, min: Option<f64>, max: Option<f64>, money: &Money) -> Option<String> {
        match (min, max) {
            (Some(lo), Some(hi)) => Some(format!(
                "between {} and {}",
                money.price(lo),
                money.price(hi)
            )),
            (Some(lo), None) => Some(format!("from {}", money.price(lo))),
            (None, Some(hi)) => Some(format!("under {}", money.price(hi))),
            (None, None) => None,
        }
    }

    fn counted(&self, total: u64, what: &str) -> String {
        match total {
            1 => format!("1 match: {what}"),
            n => format!("{} {what}", super::money::format_count(n, Lang::En)),
        }
    }

    fn found(&self, counted: &str, from: Option<&str>) -> String {
        match from {
            Some(f) => format!("Found {counted} — from {f}."),
            None => format!("Found {counted}."),
        }
    }

    fn relaxed(&self, asked: &str, dropped: &[String], total: u64, counted: &str) -> String {
        let verb = if total == 1 { "is" } else { "are" };
        format!(
            "I found no {asked}. Without the {} filter, here {verb} {counted}:",
            dropped.join(" and ")
        )
    }

    fn foreign_currency(&self, catalog: &str, asked: &str) -> String {
        format!("Prices here are in {catalog}, so I didn't apply {asked}.")
    }

    fn unmeasured(&self) -> &'static str {
        "Their titles don't give a size I can compare."
    }

    fn unpriced(&self) -> String {
        "This store doesn't list prices, so I can't filter or sort by price.".to_string()
    }

    fn kept(&self, filters: &[String]) -> String {
        match filters {
            [] => String::new(),
            [one] => format!("I kept your {one} filter."),
            many => format!("I kept your {} filters.", join_and(many, "and")),
        }
    }

    fn described(&self, words: &[String]) -> String {
        match words {
            [] => String::new(),
            [one] => format!("{one} is in their descriptions, not their titles."),
            many => format!(
                "{} are in their descriptions, not their titles.",
                join_and(many, "and")
            ),
        }
    }

    fn unkept(&self, filters: &[String]) -> String {
        match filters {
            [] => String::new(),
            [one] => format!("I left out your {one} filter: none of these has it."),
            many => format!(
                "I left out your {} filters: none of these has them.",
                join_and(many, "and")
            ),
        }
    }

    fn contrasted(&self, pairs: &[(String, String)]) -> String {
        let said: Vec<String> = pairs.iter().map(|(w, _)| format!("“{w}”")).collect();
        let marked: Vec<String> = pairs.iter().map(|(_, m)| format!("“{m}”")).collect();
        format!(
            "No title says {}; these are the ones not marked {}.",
            join_and(&said, "or"),
            join_and(&marked, "or")
        )
    }

    fn unlabelled(&self) -> &'static str {
        "This store doesn't say who these are for."
    }

    fn partly_labelled(&self, n: u64) -> String {
        let says = if n == 1 {
            "says whom it is"
        } else {
            "say whom they are"
        };
        format!("Only {n} of these {says} for; this store doesn't say who the others are for.")
    }

    fn apart(&self, colours: &[String]) -> String {
        let colours = join_and(colours, "and");
        format!("None is {colours} at once; these are one or the other.")
    }

    fn partly_described(&self, words: &[String]) -> String {
        match words.is_empty() {
            true => String::new(),
            false => format!(
                "Some have {} only in their descriptions.",
                join_and(words, "and")
            ),
        }
    }

    fn still_without(&self, dropped: &[String]) -> String {
        format!("(Still without the {} filter.)", dropped.join(" and "))
    }

    fn no_such(&self, asked: &str) -> String {
        format!("I couldn't find {asked} in this store.")
    }

    fn others(&self, n: usize) -> String {
        format!("{n} others")
    }

    fn constraint(&self, kind: &ConstraintKind) -> String {
        match kind {
            ConstraintKind::Facet(Slot::Brand) => "brand".into(),
            ConstraintKind::Facet(Slot::Color) => "colour".into(),
            ConstraintKind::Facet(Slot::Type) => "product type".into(),
            ConstraintKind::Facet(Slot::Gender) => "audience".into(),
            ConstraintKind::Facet(Slot::Size) => "size".into(),
            ConstraintKind::Facet(Slot::Material) => "material".into(),
            ConstraintKind::Facet(Slot::Extra(name)) => names::facet_label(name, Lang::En),
            ConstraintKind::Price => "price".into(),
            ConstraintKind::Rating => "rating".into(),
            ConstraintKind::Text => "keyword".into(),
        }
    }

    fn sort_order(&self, sort: Sort) -> Option<&'static str> {
        match sort {
            Sort::Relevance => None,
            Sort::PriceAsc => Some("cheapest first"),
            Sort::PriceDesc => Some("most expensive first"),
            Sort::RatingDesc => Some("best rated first"),
        }
    }

    fn excluded_value(&self, value: &str) -> String {
        format!("not {value}")
    }

    fn kinds_question(&self, within: &str) -> String {
        let many = names::type_name(within, Lang::En)
            .map_or_else(|| crate::language::noun::english_plural(within), |n| n.many);
        format!("Which kind of {}?", many.to_lowercase())
    }

    fn question(&self, slot: &Slot) -> String {
        match slot {
            Slot::Type => "What kind of product?".into(),
            Slot::Brand => "Which brand?".into(),
            Slot::Color => "Which colour?".into(),
            Slot::Gender => "Who is it for?".into(),
            Slot::Size => "Which size?".into(),
            Slot::Material => "Which material?".into(),
            Slot::Extra(name) => format!("Which {}?", names::facet_label(name, Lang::En)),
        }
    }

    fn invite(&self, kind: Canned, example: &str) -> Option<String> {
        match kind {
            Canned::Greeting => Some(format!(
                "Hi! Tell me what you're looking for, e.g. “{example}”."
            )),
            Canned::Help => Some(format!(
                "Describe what you want: product, colour, brand, who it's for, price (“{example}”). Then refine: name a brand, “cheaper”, “in blue”, “show more”, “the second one”, “start over”."
            )),
            Canned::NotUnderstood => Some(format!(
                "Sorry, I didn't catch that. Try something like “{example}”, or ask for “help”."
            )),
            _ => None,
        }
    }

    fn canned(&self, kind: Canned) -> &'static str {
        match kind {
            Canned::Greeting => {
                "Hi! Tell me what you're looking for, e.g. \"black sneakers for men under $80\"."
            }
            Canned::Thanks => "You're welcome! Anything else I can find for you?",
            Canned::Help => {
                "Describe what you want: product, colour, brand, who it's for, price (\"white t-shirt under $20\"). Then refine: \"only Nike\", \"cheaper\", \"in blue\", \"show more\", \"the second one\", \"start over\"."
            }
            Canned::NotUnderstood => {
                "Sorry, I didn't catch that. Try something like \"black leather bag\", or ask for \"help\"."
            }
            Canned::Reset => "Okay, starting over. What are you looking for?",
            Canned::NoMore => "That's everything I found for this search.",
            Canned::NothingShown => "I haven't shown any products yet. What are you looking for?",
            Canned::NoMatch => "I couldn't find anything like that in the catalog.",
        }
    }

    fn nothing_beyond(&self, moved: PriceMove) -> &'static str {
        match moved {
            PriceMove::Cheaper => "There's nothing cheaper; these are the lowest-priced options.",
            PriceMove::Pricier => "There's nothing pricier than these.",
        }
    }

    fn more_options(&self, from: usize, to: usize, total: &str) -> String {
        format!("More options: {from}–{to} of {total}.")
    }

    fn pick_out_of_range(&self, shown: usize) -> String {
        match shown {
            1 => "I showed 1 product: it is number 1.".to_string(),
            _ => format!("I showed {shown} products; pick one from 1 to {shown}."),
        }
    }

    fn similar_to(&self, title: &str) -> String {
        format!("Products similar to \"{title}\":")
    }

    fn suggestion(&self, s: &Suggestion) -> String {
        match s {
            Suggestion::Value(v) => v.clone(),
            Suggestion::ShowMore => "show more".into(),
            Suggestion::CheapestFirst => "cheapest first".into(),
            Suggestion::StartOver => "start over".into(),
            Suggestion::MoreLikeThis => "more like this".into(),
        }
    }

    fn chat_banner(&self, products: &str) -> String {
        format!(
            "Vitrine: {products} products. Ask for something (\"black sneakers under $80\"); `quit` to leave."
        )
    }

    fn shown_of(&self, shown: usize, total: &str) -> String {
        format!("({shown} of {total} shown)")
    }

    fn try_label(&self) -> &'static str {
        "Try:"
    }

    fn mentions(&self, has: &[String], has_not: &[String]) -> String {
        let (has, has_not) = (quoted(has), quoted(has_not));
        let says = (!has.is_empty())
            .then(|| format!("Its title or description says {}.", join_and(&has, "and")));
        let says_not = (!has_not.is_empty()).then(|| {
            format!(
                "Its title and description do not say {}.",
                join_or(&has_not, "or")
            )
        });
        sentences(says, says_not)
    }
}
