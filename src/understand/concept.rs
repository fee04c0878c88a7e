//! Mapping built-in concepts onto the catalog's own facet values: which
//! catalog colours are "blue", which gender values are "kids", which type
//! values are "shoes" (by their head noun), singular/plural variants.

use super::builtin::{Audience, builtin};
pub(crate) use crate::language::noun::{plural, singular};

/// The head noun of a type value's key: the first word of a Portuguese
/// compound ("tenis corrida"), the last word otherwise ("running shoes"),
/// an English compound in a Portuguese catalog included ("air fryer").
pub(crate) fn type_head(key: &str, head_first: bool) -> &str {
    let first = key.split(' ').next().unwrap_or(key);
    let heads = &builtin().type_heads_first;
    let english = key.contains(' ') && crate::language::noun::is_english_compound(key);
    if head_first && !english || heads.iter().any(|h| h == singular(first) || h == first) {
        first
    } else {
        key.rsplit(' ').next().unwrap_or(key)
    }
}

/// Variants of a type value's key a shopper may type: the key itself and
/// its head noun in singular and plural ("casual shirt", "casual shirts").
pub(crate) fn type_variants(key: &str, head_first: bool) -> Vec<String> {
    let head = type_head(key, head_first);
    let mut out = vec![key.to_string()];
    let sing = singular(head).to_string();
    for h in [sing.clone(), plural(&sing)] {
        if h != head {
            let variant = if key == head {
                h
            } else if key.starts_with(head) && key.as_bytes().get(head.len()) == Some(&b' ') {
                format!("{h}{}", &key[head.len()..])
            } else if let Some(rest) = key.strip_suffix(head) {
                format!("{rest}{h}")
            } else {
                continue;
            };
            if !out.contains(&variant) {
                out.push(variant);
            }
        }
    }
    // An English compound in a Portuguese catalog is written open or
    // closed ("air fryer", "airfryer"; "smart watch", "smartwatch"):
    // either finds both.
    let english = |w: &str| w.len() >= 3 && crate::language::is_english_loanword(w);
    // Split only into words English uses often: "curtain" is no "cur tain".
    let common = |w: &str| {
        english(w) && crate::language::rank(crate::model::Lang::En, w).is_some_and(|r| r < 40_000)
    };
    let spelt = if head_first { out.clone() } else { Vec::new() };
    for v in spelt {
        if let Some((a, b)) = v.split_once(' ')
            && !b.contains(' ')
            && english(a)
            && english(b)
        {
            let closed = format!("{a}{b}");
            if !out.contains(&closed) {
                out.push(closed);
            }
        } else if !v.contains(' ') {
            let open = v
                .char_indices()
                .skip(1)
                .map(|(at, _)| (&v[..at], &v[at..]))
                .find(|(a, b)| common(a) && common(b));
            if let Some((a, b)) = open {
                let open = format!("{a} {b}");
                if !out.contains(&open) {
                    out.push(open);
                }
            }
        }
    }
    // Portuguese compounds are also said with "de": "tenis de corrida"
    if key.starts_with(head)
        && key.len() > head.len()
        && !key[head.len()..].starts_with(" de ")
        && head != key.rsplit(' ').next().unwrap_or(key)
    {
        let rest = &key[head.len()..];
        for h in [head.to_string(), plural(&sing)] {
            let variant = format!("{h} de{rest}");
            if !out.contains(&variant) {
                out.push(variant);
            }
        }
    }
    out
}

/// True when the catalog type value `key` belongs to the type concept
/// named by `names`: its key or its head noun is one of the names.
pub(crate) fn type_in_concept(key: &str, names: &[String], head_first: bool) -> bool {
    let head = singular(type_head(key, head_first));
    names
        .iter()
        .any(|n| n == key || singular(n) == head && !n.contains(' '))
}

/// True when the catalog colour value `key` belongs to the colour family
/// whose names and members are given: equal to one of them once shade
/// modifiers ("light", "escuro") are removed.
pub(crate) fn color_in_concept(key: &str, names: &[String], members: &[String]) -> bool {
    if names.iter().chain(members).any(|n| n == key) {
        return true;
    }
    let core: Vec<&str> = key
        .split(' ')
        .filter(|w| !builtin().color_modifiers.iter().any(|m| m == w))
        .collect();
    if core.is_empty() || core.len() == key.split(' ').count() {
        return false;
    }
    let core = core.join(" ");
    names.iter().chain(members).any(|n| *n == core)
}

/// The audience a catalog gender value denotes, from its words
/// ("Unisex Kids" -> kids, "Masculino Infantil" -> boys).
pub(crate) fn value_audience(key: &str) -> Option<Audience> {
    let has = |a: Audience| {
        key.split(' ').any(|w| {
            builtin()
                .audience_value_words
                .iter()
                .any(|(v, b)| v == w && *b == a)
        })
    };
    let kid = has(Audience::Kids);
    Some(if has(Audience::Boys) || kid && has(Audience::Men) {
        Audience::Boys
    } else if has(Audience::Girls) || kid && has(Audience::Women) {
        Audience::Girls
    } else if kid {
        Audience::Kids
    } else if has(Audience::Men) && !has(Audience::Women) {
        Audience::Men
    } else if has(Audience::Women) && !has(Audience::Men) {
        Audience::Women
    } else if has(Audience::Unisex) || has(Audience::Men) && has(Audience::Women) {
        Audience::Unisex
    } else {
        return None;
    })
}

/// The catalog audiences a shopper's audience word covers, in order of
/// preference: kids covers boys and girls; boys and girls fall back to
/// kids when the catalog has no value for them.
pub(crate) fn audience_targets(asked: Audience) -> (&'static [Audience], &'static [Audience]) {
    use Audience::*;
    match asked {
        Men => (&[Men], &[]),
        Women => (&[Women], &[]),
        Boys => (&[Boys], &[Kids]),
        Girls => (&[Girls], &[Kids]),
        Kids => (&[Kids, Boys, Girls], &[]),
        Unisex => (&[Unisex], &[]),
    }
}

/// The audiences whose products are also for `asked`, after its own: a
/// unisex backpack is a backpack for men and for women ("gender: unisex"
/// in Google's product data specification means "for both"), a "Unisex
/// Kids" T-shirt a T-shirt for boys and for girls.
pub(crate) fn audience_also(asked: Audience) -> &'static [Audience] {
    use Audience::*;
    match asked {
        Men | Women => &[Unisex],
        Boys | Girls => &[Kids],
        Kids | Unisex => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn type_heads_and_variants() {
        assert_eq!(type_head("running shoes", false), "shoes");
        assert_eq!(type_head("tenis corrida", false), "tenis");
        assert_eq!(type_head("medidor de racao", true), "medidor");
        assert_eq!(type_head("medidor de racao", false), "racao");
        assert_eq!(type_head("calca jeans", false), "calca");
        assert_eq!(
            type_variants("curtains", false),
            s(&["curtains", "curtain"])
        );
        assert_eq!(
            type_variants("casual shirt", false),
            s(&["casual shirt", "casual shirts"])
        );
        assert!(type_in_concept(
            "running shoes",
            &s(&["shoe", "shoes"]),
            false
        ));
        assert!(!type_in_concept("tshirt", &s(&["shirt", "shirts"]), false));
        // An English compound in a Portuguese catalog: head last, said in
        // the English plural, written open or closed.
        assert_eq!(type_head("air fryer", true), "fryer");
        assert_eq!(type_head("notebook gamer", true), "notebook");
        let air = type_variants("air fryer", true);
        for v in ["air fryers", "airfryer"] {
            assert!(air.contains(&v.to_string()), "{air:?}");
        }
        assert!(type_variants("airfryer", true).contains(&"air fryer".to_string()));
        assert!(type_in_concept(
            "calca jeans",
            &s(&["jeans", "calca jeans"]),
            false
        ));
    }

    #[test]
    fn colours_and_audiences() {
        let blue = s(&["blue", "azul"]);
        assert!(color_in_concept("light blue", &blue, &[]));
        assert!(color_in_concept("azul claro", &blue, &[]));
        assert!(!color_in_concept("navy blue", &blue, &[]));
        assert_eq!(value_audience("unisex kids"), Some(Audience::Kids));
        assert_eq!(value_audience("men"), Some(Audience::Men));
        assert_eq!(value_audience("masculino infantil"), Some(Audience::Boys));
        assert_eq!(value_audience("unisex"), Some(Audience::Unisex));
    }
}
