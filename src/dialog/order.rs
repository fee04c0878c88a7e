//! The order in which a request's constraints are set aside when nothing
//! matches them all: what was set aside before, the shopper's words, then
//! what was said before this message, then what it said, the weakest kind
//! first; the words naming the product and the product type last.

use super::apply::Changes;
use crate::model::{ConstraintKind, Constraints, Slot};

/// How readily a kind of constraint is set aside, weakest first: words,
/// then the budget, then the attributes; the audience and the product
/// type (which goes last of all) are what a request is about.
fn weakness(kind: &ConstraintKind) -> usize {
    use ConstraintKind::{Facet, Price, Rating, Text};
    match kind {
        Text => 0,
        Price => 1,
        Rating => 2,
        Facet(Slot::Material) => 3,
        Facet(Slot::Size) => 4,
        Facet(Slot::Extra(_)) => 5,
        Facet(Slot::Color) => 6,
        Facet(Slot::Brand) => 7,
        Facet(Slot::Gender) => 8,
        Facet(Slot::Type) => 9,
    }
}

/// The order in which constraints are set aside when nothing matches:
/// those already set aside, then what the shopper said before this message
/// (the newest request wins a conflict), then what this message said, the
/// weakest first within each; the product type last of all. Words of titles
/// come before all of those.
pub fn relaxation_order(
    c: &Constraints,
    changes: &Changes,
    set_aside: &[ConstraintKind],
) -> Vec<ConstraintKind> {
    let present = c.kinds();
    let mut order: Vec<ConstraintKind> = set_aside
        .iter()
        .filter(|k| present.contains(k))
        .cloned()
        .collect();
    // Words go first, said now or before: a stated budget or brand is
    // never set aside to keep a word ("black dial" after "titan", "under
    // 3000": the Titan watches under 3,000 whose titles lack "dial", not
    // any brand's at any price). But words said with the product type name
    // the product ("red necklace set under 500": the necklace sets at any
    // price, not plant container sets; "remote control car", then "red
    // one": the other colours of remote control cars): they go last but
    // the type.
    let named = !c.named.is_empty() && !set_aside.contains(&ConstraintKind::Text);
    if present.contains(&ConstraintKind::Text) && !order.contains(&ConstraintKind::Text) && !named {
        order.push(ConstraintKind::Text);
    }
    let by_weakness = |mut kinds: Vec<ConstraintKind>| {
        kinds.sort_by_key(weakness);
        kinds
    };
    let is_type = |k: &ConstraintKind| *k == ConstraintKind::Facet(Slot::Type);
    let rest = |newer: bool| {
        present
            .iter()
            .filter(|k| !order.contains(k) && !is_type(k))
            .filter(|k| changes.touched.contains(k) == newer)
            .cloned()
            .collect::<Vec<_>>()
    };
    let (older, newer) = (by_weakness(rest(false)), by_weakness(rest(true)));
    order.extend(older.into_iter().filter(|k| *k != ConstraintKind::Text));
    // A brand this message names outweighs words said before it ("scented
    // candle", then "jo malone": Jo Malone's candles, whose titles do not
    // say "scented", not other brands' scented ones); another colour does
    // not ("remote control car", then "red one").
    let brand = ConstraintKind::Facet(Slot::Brand);
    let words_before_brand = named
        && present.contains(&ConstraintKind::Text)
        && !changes.touched.contains(&ConstraintKind::Text)
        && newer.contains(&brand);
    for kind in newer.into_iter().filter(|k| *k != ConstraintKind::Text) {
        if kind == brand && words_before_brand {
            order.push(ConstraintKind::Text);
        }
        order.push(kind);
    }
    if named && present.contains(&ConstraintKind::Text) && !words_before_brand {
        order.push(ConstraintKind::Text);
    }
    if present.iter().any(is_type) && !order.iter().any(is_type) {
        order.push(ConstraintKind::Facet(Slot::Type));
    } else if !present.iter().any(is_type) {
        // Without a product type, the brand is what the request is about
        // ("lego para meninas"): it goes last.
        let brand = ConstraintKind::Facet(Slot::Brand);
        if let Some(at) = order.iter().position(|k| *k == brand)
            && !set_aside.contains(&brand)
        {
            order.remove(at);
            order.push(brand);
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialog::{Session, apply, understood as ops};
    use crate::understand::Op;

    #[test]
    fn relaxation_sets_aside_older_constraints_first() {
        let mut s = Session::default();
        apply(
            &mut s,
            &ops(vec![
                Op::Set(Slot::Type, vec!["Sneakers".into()]),
                Op::Set(Slot::Color, vec!["Black".into()]),
            ]),
            None,
        );
        let (_, ch) = apply(
            &mut s,
            &ops(vec![Op::Set(Slot::Brand, vec!["Puma".into()])]),
            None,
        );
        // The colour was asked before the brand: it is set aside first.
        let order = relaxation_order(&s.constraints, &ch, &[]);
        assert_eq!(order, vec!["color", "brand", "type"]);
        // What is set aside already goes first of all.
        let set_aside = [ConstraintKind::Facet(Slot::Brand)];
        let order = relaxation_order(&s.constraints, &ch, &set_aside);
        assert_eq!(order, vec!["brand", "color", "type"]);
    }

    #[test]
    fn words_are_set_aside_before_a_budget_or_brand_said_earlier() {
        let mut s = Session::default();
        apply(
            &mut s,
            &ops(vec![
                Op::Set(Slot::Type, vec!["Watches".into()]),
                Op::Set(Slot::Brand, vec!["Titan".into()]),
                Op::Price {
                    min: None,
                    max: Some(3000.0),
                },
            ]),
            None,
        );
        let (_, ch) = apply(&mut s, &ops(vec![Op::Text("dial".into())]), None);
        let order = relaxation_order(&s.constraints, &ch, &[]);
        assert_eq!(order, vec!["text", "price", "brand", "type"]);
    }

    #[test]
    fn words_naming_the_product_outlast_its_budget_and_attributes() {
        let mut s = Session::default();
        // "red necklace set under 500": the necklace sets at any price or
        // colour before any "set" under 500.
        let (_, ch) = apply(
            &mut s,
            &ops(vec![
                Op::Set(Slot::Color, vec!["Red".into()]),
                Op::Text("necklace".into()),
                Op::Set(Slot::Type, vec!["Sets".into()]),
                Op::Price {
                    min: None,
                    max: Some(500.0),
                },
            ]),
            None,
        );
        assert_eq!(s.constraints.named, ["necklace"]);
        let order = relaxation_order(&s.constraints, &ch, &[]);
        assert_eq!(order, vec!["price", "color", "text", "type"]);
        // And in the turns after: "red one" after "remote control car".
        let mut s = Session::default();
        apply(
            &mut s,
            &ops(vec![
                Op::Text("remote control".into()),
                Op::Text("car".into()),
            ]),
            None,
        );
        let (_, ch) = apply(
            &mut s,
            &ops(vec![Op::Set(Slot::Color, vec!["Red".into()])]),
            None,
        );
        let order = relaxation_order(&s.constraints, &ch, &[]);
        assert_eq!(order, vec!["color", "text"]);
        // A count or a measure said with the type is an attribute:
        // "geladeira duas portas até 5000" is the fridges under 5000 first.
        let mut s = Session::default();
        let (_, ch) = apply(
            &mut s,
            &ops(vec![
                Op::Set(Slot::Type, vec!["Geladeira".into()]),
                Op::Text("duas portas".into()),
                Op::Price {
                    min: None,
                    max: Some(5000.0),
                },
            ]),
            None,
        );
        assert!(s.constraints.named.is_empty());
        let order = relaxation_order(&s.constraints, &ch, &[]);
        assert_eq!(order, vec!["text", "price", "type"]);
        // So is a material where the catalog has no material column.
        let mut s = Session::default();
        apply(
            &mut s,
            &ops(vec![
                Op::Text("leather".into()),
                Op::Set(Slot::Type, vec!["Bags".into()]),
            ]),
            None,
        );
        assert!(s.constraints.named.is_empty());
    }
}
