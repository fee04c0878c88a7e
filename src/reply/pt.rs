//! The Brazilian Portuguese phrasebook.

use super::money::Money;
use super::phrasebook::{
    Phrasebook, any_of, asked_colours, broadest_types, excluded, extras, join_and, join_or,
    join_or_more, lower, one_head, quoted, sentences, types_with_words, without_shades,
};
use crate::language::names::{self, Gender};
use crate::model::{Canned, ConstraintKind, Constraints, Lang, PriceMove, Slot, Sort, Suggestion};

/// Brazilian Portuguese.
pub struct Portuguese;

impl Phrasebook for Portuguese {
    fn lang(&self) -> Lang {
        Lang::Pt
    }

    fn or(&self) -> &'static str {
        "ou"
    }

    fn describe(&self, c: &Constraints, money: &Money) -> String {
        let types = broadest_types(&any_of(c, &Slot::Type));
        // Adjectives agree with the first product type (plural: many products).
        let gender = types
            .first()
            .map(|t| {
                // "Roupas", "Camiseta": feminine.
                let singular = t.to_lowercase();
                let singular = singular.strip_suffix('s').unwrap_or(&singular);
                names::type_gender(t, Lang::Pt).unwrap_or(if singular.ends_with('a') {
                    Gender::Feminine
                } else {
                    Gender::Masculine
                })
            })
            .unwrap_or_default();
        let type_words: Vec<String> = types
            .iter()
            .map(|t| {
                names::type_name(t, Lang::Pt)
                    .or_else(|| names::own_type_name(t, Lang::Pt))
                    .map_or_else(
                        || crate::language::noun::portuguese_plural(t).to_lowercase(),
                        |n| n.many,
                    )
            })
            .collect();
        let (asked, together) = asked_colours(c);
        let colors: Vec<String> = asked
            .iter()
            .map(|v| {
                names::color_family(v, Lang::Pt, gender, true)
                    .map_or_else(|| v.to_lowercase(), str::to_string)
            })
            .collect();
        let colors = if together {
            colors
        } else {
            without_shades(colors)
        };
        let mut parts: Vec<String> = Vec::new();
        let typed = !type_words.is_empty();
        if typed {
            // The shopper's adjectives agree with the types when those are
            // said in the plural ("teclados mecânicos"), not with a type
            // kept as the catalog writes it ("comedouro automático").
            let plural = types
                .iter()
                .zip(&type_words)
                .all(|(t, w)| t.to_lowercase() != *w);
            let words: Vec<String> = super::shown_words(&c.text, Lang::Pt)
                .into_iter()
                .map(|w| match plural {
                    true => crate::language::noun::portuguese_agreeing(&w),
                    false => w,
                })
                .collect();
            let named = types_with_words(&one_head(type_words, true), &words, false);
            parts.push(join_or_more(named, self));
        } else {
            parts.push("produtos".to_string());
        }
        if together {
            parts.push(join_and(&colors, "e"));
        } else if !colors.is_empty() {
            parts.push(join_or_more(colors, self));
        }
        if !typed && !c.text.is_empty() {
            // Only the shopper's words say what the product is.
            let words = super::shown_words(&c.text, Lang::Pt);
            parts.push(format!("com “{}”", words.join(" ")));
        }
        let materials = lower(&any_of(c, &Slot::Material));
        if !materials.is_empty() {
            parts.push(format!("de {}", join_or_more(materials, self)));
        }
        let genders = any_of(c, &Slot::Gender);
        let said: Option<Vec<String>> = genders
            .iter()
            .map(|g| names::audience_name(g, Lang::Pt, gender, true).map(str::to_string))
            .collect();
        match said {
            Some(words) if !words.is_empty() => parts.push(join_or_more(words, self)),
            _ if !genders.is_empty() => parts.push(format!("({})", join_or(&genders, "ou"))),
            _ => {}
        }
        let brands = any_of(c, &Slot::Brand);
        if !brands.is_empty() {
            parts.push(format!("da {}", join_or_more(brands, self)));
        }
        let sizes = any_of(c, &Slot::Size);
        if !sizes.is_empty() {
            parts.push(format!("tamanho {}", join_or_more(sizes, self)));
        }
        for (name, values) in extras(c, Lang::Pt) {
            parts.push(format!("({name}: {})", join_or_more(values.to_vec(), self)));
        }
        if let Some(price) = self.price_range(c.price_min, c.price_max, money) {
            parts.push(price);
        }
        if let Some(r) = c.min_rating {
            parts.push(format!("com nota {r}+"));
        }
        let excluded = excluded(c, Lang::Pt);
        if !excluded.is_empty() {
            parts.push(format!("exceto {}", excluded.join(", ")));
        }
        parts.join(" ")
    }

    fn price_range(&self, min: Option<f64>, max: Option<f64>, money: &Money) -> Option<String> {
        match (min, max) {
            (Some(lo), Some(hi)) => {
                Some(format!("entre {} e {}", money.price(lo), money.price(hi)))
            }
            (Some(lo), None) => Some(format!("a partir de {}", money.price(lo))),
            (None, Some(hi)) => Some(format!("até {}", money.price(hi))),
            (None, None) => None,
        }
    }

    fn counted(&self, total: u64, what: &str) -> String {
        match total {
            1 => format!("1 opção: {what}"),
            n => format!("{} {what}", super::money::format_count(n, Lang::Pt)),
        }
    }

    fn found(&self, counted: &str, from: Option<&str>) -> String {
        match from {
            Some(f) => format!("Encontrei {counted} — a partir de {f}."),
            None => format!("Encontrei {counted}."),
        }
    }

    fn relaxed(&self, asked: &str, dropped: &[String], _total: u64, counted: &str) -> String {
        format!(
            "Não encontrei {asked}. Sem o filtro de {}, encontrei {counted}:",
            dropped.join(" e ")
        )
    }

    fn foreign_currency(&self, catalog: &str, asked: &str) -> String {
        format!("Os preços aqui estão em {catalog}, então não apliquei {asked}.")
    }

    fn unmeasured(&self) -> &'static str {
        "Os títulos não trazem um tamanho que eu possa comparar."
    }

    fn unpriced(&self) -> String {
        "Esta loja não informa preços, então não consigo filtrar nem ordenar por preço.".to_string()
    }

    fn kept(&self, filters: &[String]) -> String {
        match filters {
            [] => String::new(),
            [one] => format!("Mantive o filtro de {one}."),
            many => format!("Mantive os filtros de {}.", join_and(many, "e")),
        }
    }

    fn described(&self, words: &[String]) -> String {
        match words {
            [] => String::new(),
            [one] => format!("{one} aparece na descrição, não no título."),
            many => format!(
                "{} aparecem na descrição, não no título.",
                join_and(many, "e")
            ),
        }
    }

    fn unkept(&self, filters: &[String]) -> String {
        match filters {
            [] => String::new(),
            [one] => format!("Deixei de lado o filtro de {one}: nenhum destes o tem."),
            many => format!(
                "Deixei de lado os filtros de {}: nenhum destes os tem.",
                join_and(many, "e")
            ),
        }
    }

    fn contrasted(&self, pairs: &[(String, String)]) -> String {
        let said: Vec<String> = pairs.iter().map(|(w, _)| format!("“{w}”")).collect();
        let marked: Vec<String> = pairs.iter().map(|(_, m)| format!("“{m}”")).collect();
        format!(
            "Nenhum título diz {}; mostro os que não dizem {}.",
            join_and(&said, "nem"),
            join_and(&marked, "nem")
        )
    }

    fn unlabelled(&self) -> &'static str {
        "A loja não indica para quem são estes produtos."
    }

    fn partly_labelled(&self, n: u64) -> String {
        let (says, them) = if n == 1 {
            ("indica", "é")
        } else {
            ("indicam", "são")
        };
        format!("Só {n} destes {says} para quem {them}; a loja não diz para quem são os outros.")
    }

    fn apart(&self, colours: &[String]) -> String {
        let colours = join_and(colours, "e");
        format!("Nenhum é {colours} ao mesmo tempo; estes são um ou outro.")
    }

    fn partly_described(&self, words: &[String]) -> String {
        match words.is_empty() {
            true => String::new(),
            false => format!("Alguns têm {} só na descrição.", join_and(words, "e")),
        }
    }

    fn still_without(&self, dropped: &[String]) -> String {
        format!("(Ainda sem o filtro de {}.)", dropped.join(" e "))
    }

    fn no_such(&self, asked: &str) -> String {
        format!("Não encontrei {asked} nesta loja.")
    }

    fn others(&self, n: usize) -> String {
        format!("outros {n}")
    }

    fn constraint(&self, kind: &ConstraintKind) -> String {
        match kind {
            ConstraintKind::Facet(Slot::Brand) => "marca".into(),
            ConstraintKind::Facet(Slot::Color) => "cor".into(),
            ConstraintKind::Facet(Slot::Type) => "tipo de produto".into(),
            ConstraintKind::Facet(Slot::Gender) => "público".into(),
            ConstraintKind::Facet(Slot::Size) => "tamanho".into(),
            ConstraintKind::Facet(Slot::Material) => "material".into(),
            ConstraintKind::Facet(Slot::Extra(name)) => names::facet_label(name, Lang::Pt),
            ConstraintKind::Price => "preço".into(),
            ConstraintKind::Rating => "avaliação".into(),
            ConstraintKind::Text => "palavras".into(),
        }
    }

    fn sort_order(&self, sort: Sort) -> Option<&'static str> {
        match sort {
            Sort::Relevance => None,
            Sort::PriceAsc => Some("do mais barato ao mais caro"),
            Sort::PriceDesc => Some("do mais caro ao mais barato"),
            Sort::RatingDesc => Some("os mais bem avaliados primeiro"),
        }
    }

    fn excluded_value(&self, value: &str) -> String {
        format!("não {value}")
    }

    fn kinds_question(&self, within: &str) -> String {
        let many = names::type_name(within, Lang::Pt)
            .or_else(|| names::own_type_name(within, Lang::Pt))
            .map_or_else(
                || crate::language::noun::portuguese_plural(within),
                |n| n.many,
            );
        format!("Que tipo de {}?", many.to_lowercase())
    }

    fn question(&self, slot: &Slot) -> String {
        match slot {
            Slot::Type => "Que tipo de produto?".into(),
            Slot::Brand => "Alguma marca?".into(),
            Slot::Color => "Qual cor?".into(),
            Slot::Gender => "Para quem?".into(),
            Slot::Size => "Qual tamanho?".into(),
            Slot::Material => "Qual material?".into(),
            Slot::Extra(name) => format!("Qual {}?", names::facet_label(name, Lang::Pt)),
        }
    }

    fn invite(&self, kind: Canned, example: &str) -> Option<String> {
        match kind {
            Canned::Greeting => Some(format!(
                "Olá! Diga o que você procura, por exemplo “{example}”."
            )),
            Canned::Help => Some(format!(
                "Diga o produto, a cor, a marca, o público ou o preço (“{example}”). Depois refine: diga uma marca, “mais barato”, “em azul”, “mostrar mais”, “o segundo”, “recomeçar”."
            )),
            Canned::NotUnderstood => Some(format!(
                "Desculpe, não entendi. Tente algo como “{example}” ou peça “ajuda”."
            )),
            _ => None,
        }
    }

    fn canned(&self, kind: Canned) -> &'static str {
        match kind {
            Canned::Greeting => {
                "Olá! Diga o que você procura, por exemplo \"tênis preto masculino até R$ 300\"."
            }
            Canned::Thanks => "Por nada! Quer ver mais alguma coisa?",
            Canned::Help => {
                "Diga o produto, a cor, a marca, o público ou o preço (\"camiseta branca até R$ 80\"). Depois refine: \"só Nike\", \"mais barato\", \"em azul\", \"mostrar mais\", \"o segundo\", \"recomeçar\"."
            }
            Canned::NotUnderstood => {
                "Desculpe, não entendi. Tente algo como \"bolsa preta de couro\" ou peça \"ajuda\"."
            }
            Canned::Reset => "Certo, vamos recomeçar. O que você procura?",
            Canned::NoMore => "Isso é tudo o que encontrei para esta busca.",
            Canned::NothingShown => "Ainda não mostrei produtos. O que você procura?",
            Canned::NoMatch => "Não encontrei nada parecido no catálogo.",
        }
    }

    fn nothing_beyond(&self, moved: PriceMove) -> &'static str {
        match moved {
            PriceMove::Cheaper => "Não há opções mais baratas; estas são as mais em conta.",
            PriceMove::Pricier => "Não há opções mais caras que estas.",
        }
    }

    fn more_options(&self, from: usize, to: usize, total: &str) -> String {
        format!("Mais opções: {from}–{to} de {total}.")
    }

    fn pick_out_of_range(&self, shown: usize) -> String {
        match shown {
            1 => "Mostrei só 1 produto: é o 1.".to_string(),
            _ => format!("Mostrei só {shown} produtos; escolha de 1 a {shown}."),
        }
    }

    fn similar_to(&self, title: &str) -> String {
        format!("Produtos parecidos com \"{title}\":")
    }

    fn suggestion(&self, s: &Suggestion) -> String {
        match s {
            Suggestion::Value(v) => v.clone(),
            Suggestion::ShowMore => "mostrar mais".into(),
            Suggestion::CheapestFirst => "mais barato primeiro".into(),
            Suggestion::StartOver => "recomeçar".into(),
            Suggestion::MoreLikeThis => "parecidos".into(),
        }
    }

    fn chat_banner(&self, products: &str) -> String {
        format!(
            "Vitrine: {products} produtos. Peça algo (\"tênis preto até R$ 300\"); `sair` para terminar."
        )
    }

    fn shown_of(&self, shown: usize, total: &str) -> String {
        format!("({shown} de {total})")
    }

    fn try_label(&self) -> &'static str {
        "Sugestões:"
    }

    fn mentions(&self, has: &[String], has_not: &[String]) -> String {
        let (has, has_not) = (quoted(has), quoted(has_not));
        let says = (!has.is_empty())
            .then(|| format!("O título ou a descrição diz {}.", join_and(&has, "e")));
        let says_not = (!has_not.is_empty()).then(|| {
            format!(
                "O título e a descrição não dizem {}.",
                join_or(&has_not, "ou")
            )
        });
        sentences(says, says_not)
    }
}
