//! What titles say where a column says nothing, or says less: a brand
//! in the titles of brandless products, a shade its family's colour value
//! hides, colours named together, a material the column does not list.
//! Queries [`super::query`] adds to a facet filter's alternatives.

use super::words::{
    any_of, exclusion, facet_value_query, negated_in_title, titled_phrase, word_query,
};
use crate::index::{HeadPosition, ProductIndex};
use crate::model::{Slot, facet};
use tantivy::Term;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;

/// The products without a brand whose title names `brand` ("Air Fryer
/// Electrolux ..." where the export's brand cell said "Generic"); `None`
/// when every product has a brand.
pub(super) fn brandless_titled(index: &ProductIndex, brand: &str) -> Option<Box<dyn Query>> {
    let f = index.fields();
    if !index.has_brandless() {
        return None;
    }
    let marker = Term::from_field_text(f.no_brand, crate::index::NO_BRAND);
    let title = word_query(index, brand, &[(f.title, 1.0)])?;
    Some(Box::new(BooleanQuery::new(vec![
        (
            Occur::Must,
            Box::new(TermQuery::new(marker, IndexRecordOption::Basic)),
        ),
        (Occur::Must, title),
    ])))
}

/// The products whose colour is a broader family of the shade `value`
/// and whose title names the shade: "Navy" asked where the colour column
/// says "Blue" for the 1,306 titles reading "Navy Blue". `None` when
/// `value` is no shade of another colour, the catalog has no value of its
/// families, or `with` (the other colours asked) holds one: "blue" asks
/// for "Blue" and "Navy", and a blue product naming navy is blue already.
pub(super) fn titled_shade(
    index: &ProductIndex,
    value: &str,
    with: &[String],
) -> Option<Box<dyn Query>> {
    let broader: Vec<Box<dyn Query>> = shade_families(index, value, with)?
        .iter()
        .map(|v| facet_value_query(index, &Slot::Color, v))
        .collect();
    // "off white" is also the titles' "Off-White", one word there.
    let fields = [(index.fields().title, 1.0)];
    let spellings: Vec<Box<dyn Query>> = [value.to_string(), value.replace(' ', "")]
        .iter()
        .take(if value.contains(' ') { 2 } else { 1 })
        .filter_map(|v| word_query(index, v, &fields))
        .collect();
    if spellings.is_empty() {
        return None;
    }
    Some(Box::new(BooleanQuery::new(vec![
        (Occur::Must, any_of(broader)),
        (Occur::Must, any_of(spellings)),
    ])))
}

/// The products the material column says nothing of whose title names
/// one of the materials `values`, not to deny it ("Faux Leather" is no
/// leather): "Leather Projection Bracelet" in a store whose material
/// column lists its metals only.
pub(super) fn untold_material(index: &ProductIndex, values: &[String]) -> Option<Box<dyn Query>> {
    let title = index.fields().title;
    let named: Vec<Box<dyn Query>> = values
        .iter()
        .filter_map(|v| {
            let named = word_query(index, v, &[(title, 1.0)])?;
            Some(match negated_in_title(index, v) {
                Some(negated) => Box::new(BooleanQuery::new(vec![
                    (Occur::Must, named),
                    (Occur::MustNot, exclusion(negated)),
                ])) as Box<dyn Query>,
                None => named,
            })
        })
        .collect();
    if named.is_empty() {
        return None;
    }
    let told: Vec<Box<dyn Query>> = index
        .vocabulary()
        .values(facet::MATERIAL)
        .iter()
        .map(|v| facet_value_query(index, &Slot::Material, &v.value))
        .collect();
    Some(Box::new(BooleanQuery::new(vec![
        (Occur::Must, any_of(named)),
        (Occur::MustNot, exclusion(any_of(told))),
    ])))
}

/// The products without a colour whose title names the colour the shopper
/// said (the first of `values`), where colours are told of fewer than half
/// the products: titles' colours are learned with care (an ambiguous word
/// such as "gold" only at a title's end), so a jeweller's "9ct Gold Curb
/// Chain" has none, and is gold.
pub(super) fn untold_colour(index: &ProductIndex, values: &[String]) -> Option<Box<dyn Query>> {
    let said = values.first()?;
    let vocabulary = index.vocabulary();
    let colours = vocabulary.values(facet::COLOR);
    let told: u64 = colours.iter().map(|v| v.count).sum();
    if told.saturating_mul(2) >= vocabulary.product_count {
        return None;
    }
    let named = word_query(index, said, &[(index.fields().title, 1.0)])?;
    let told: Vec<Box<dyn Query>> = colours
        .iter()
        .map(|v| facet_value_query(index, &Slot::Color, &v.value))
        .collect();
    Some(Box::new(BooleanQuery::new(vec![
        (Occur::Must, named),
        (Occur::MustNot, exclusion(any_of(told))),
    ])))
}

/// The products whose title names one of the colours `values`, but not
/// only in their brand's name ("Red Tape Men Black Shoes" is not red).
pub(super) fn titled_colours<'v>(
    index: &'v ProductIndex,
    values: &'v [String],
) -> impl Iterator<Item = Box<dyn Query>> + 'v {
    let title = index.fields().title;
    values.iter().filter_map(move |v| {
        let named = word_query(index, v, &[(title, 1.0)])?;
        let colour = crate::text::key(v);
        let brands: Vec<Box<dyn Query>> = index
            .vocabulary()
            .values(facet::BRAND)
            .iter()
            .filter(|b| crate::text::words(&b.value).contains(&colour))
            .map(|b| facet_value_query(index, &Slot::Brand, &b.value))
            .collect();
        Some(match brands.is_empty() {
            true => named,
            false => Box::new(BooleanQuery::new(vec![
                (Occur::Must, named),
                (Occur::MustNot, any_of(brands)),
            ])) as Box<dyn Query>,
        })
    })
}

/// The catalog's colour values of the families `value` is a shade of,
/// when the titles are to be read for it ([`ProductIndex::shade_families`])
/// and `with` holds none of them (see [`titled_shade`]).
pub(super) fn shade_families<'i>(
    index: &'i ProductIndex,
    value: &str,
    with: &[String],
) -> Option<&'i [String]> {
    index
        .shade_families(value)
        .filter(|broader| !broader.iter().any(|b| with.contains(b)))
}

/// The products of the head of the product type `value` whose title names
/// the type's other words: "Men's adidas Running Ultraboost Shoes", typed
/// "Shoes" because a model name stands between, is a "Running Shoes";
/// "Calça Wide Leg Jeans Feminina", typed "Calça", a "Calça Jeans". `None`
/// for a type of one word.
pub(super) fn titled_modifiers(index: &ProductIndex, value: &str) -> Option<Box<dyn Query>> {
    let key = index.facet_key(facet::TYPE, value);
    let stems: Vec<&str> = key.split(' ').collect();
    let words = crate::text::words(value);
    if stems.len() < 2 || stems.len() != words.len() {
        return None;
    }
    let (head, modifiers) = match index.manifest().title_head {
        HeadPosition::First => (stems[0], &words[1..]),
        HeadPosition::Last => (stems[stems.len() - 1], &words[..words.len() - 1]),
    };
    let f = index.fields();
    let typed = TermQuery::new(
        Term::from_field_text(f.type_key, head),
        IndexRecordOption::Basic,
    );
    let mut all: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, Box::new(typed))];
    let mut analyzer = index.analyzer();
    for word in modifiers
        .iter()
        .filter(|w| !crate::language::is_function_word(w))
    {
        all.push((Occur::Must, titled_phrase(index, &mut analyzer, word)?));
    }
    (all.len() > 1).then(|| Box::new(BooleanQuery::new(all)) as Box<dyn Query>)
}
