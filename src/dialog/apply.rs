//! Applying one message's operators to the session, in order.

use super::Session;
use super::numbers::{in_thousands_of, next_above, next_below, read_numbers};
use crate::model::{ConstraintKind, Constraints, FacetFilter, Note, PriceMove, Slot, Sort};
use crate::understand::{Op, Understanding};

/// What the engine should do after the operators were applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Search with the (possibly changed) constraints, first page.
    Search,
    /// Next page of the current results.
    More,
    /// Details of the n-th shown product (1-based).
    Select(usize),
    /// Products similar to the n-th shown product (1-based; `None` = last selected or first).
    Similar(Option<usize>),
    /// The conversation was reset and nothing else was asked.
    Reset,
    /// A greeting.
    Greeting,
    /// Thanks.
    Thanks,
    /// A request for help.
    Help,
    /// "how much?": the price of the product looked at, or of those shown.
    PriceAsked,
    /// Nothing in the message was understood.
    NotUnderstood,
}

/// What changed, for the reply and for relaxation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Changes {
    /// Constraint kinds set or added by this message, in order.
    pub touched: Vec<ConstraintKind>,
    /// The message moved the price relative to the shown products ("cheaper").
    pub moved_price: Option<PriceMove>,
    /// The message reset the conversation.
    pub reset: bool,
    /// Constraints carried over to a new product type.
    pub kept: Vec<ConstraintKind>,
    /// What the reply must add about how the message was taken.
    pub notes: Vec<Note>,
}

/// Values and words compare as [`crate::text::key`]s: "mecânico" is "mecanico".
fn same_key(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b) || crate::text::key(a) == crate::text::key(b)
}

fn push_unique(list: &mut Vec<String>, value: &str) {
    if !list.iter().any(|v| same_key(v, value)) {
        list.push(value.to_string());
    }
}

fn remove_value(list: &mut Vec<String>, value: &str) {
    list.retain(|v| !same_key(v, value));
}

fn touch(changes: &mut Changes, kind: ConstraintKind) {
    changes.touched.retain(|t| *t != kind);
    changes.touched.push(kind);
}

/// A new product type keeps what still applies to the new kind of product
/// (audience, budget, rating, colour, brand, material) and drops what
/// belonged to the old one: its sizes, its words ("running") and the
/// catalog's other facets, unless this same message asked for them. A
/// first type after words that found nothing ("liquidificador", then
/// "tênis de corrida") drops those words too. Returns the kinds carried
/// over from before.
fn on_type_change(
    c: &mut Constraints,
    new_values: &[String],
    touched: &[ConstraintKind],
    words: &[&str],
    found_before: bool,
) -> Vec<ConstraintKind> {
    let old = c
        .facet(&Slot::Type)
        .map(|f| f.any_of.clone())
        .unwrap_or_default();
    let same = new_values
        .iter()
        .all(|v| old.iter().any(|o| o.eq_ignore_ascii_case(v)));
    if old.is_empty() && !found_before {
        c.text
            .retain(|w| words.iter().any(|said| same_key(said, w)));
    }
    if old.is_empty() || same {
        return Vec::new();
    }
    let said = |kind: &ConstraintKind| touched.contains(kind);
    // "cheaper" was about the products shown: another type starts from
    // its own prices.
    if c.price_relative && !said(&ConstraintKind::Price) {
        c.price_min = None;
        c.price_max = None;
        c.price_relative = false;
    }
    c.facets.retain(|slot, _| {
        matches!(
            slot,
            Slot::Type | Slot::Gender | Slot::Color | Slot::Brand | Slot::Material
        ) || said(&ConstraintKind::Facet(slot.clone()))
    });
    // Words are kept only when this message said them.
    c.text
        .retain(|w| words.iter().any(|said| same_key(said, w)));
    c.excluded_text
        .retain(|w| words.iter().any(|said| same_key(said, w)));
    c.kinds()
        .into_iter()
        .filter(|k| *k != ConstraintKind::Facet(Slot::Type) && !said(k))
        .collect()
}

/// [`apply`] in a store that lists no prices: what the message says of
/// prices (a budget, "cheaper", an order by price) is left out, and a note
/// says the store lists none.
pub fn apply_unpriced(session: &mut Session, u: &Understanding) -> (Action, Changes) {
    let of_price = |op: &Op| {
        matches!(
            op,
            Op::Price { .. }
                | Op::Currency(_)
                | Op::Cheap
                | Op::Cheaper
                | Op::Pricier
                | Op::Sort(Sort::PriceAsc | Sort::PriceDesc)
        )
    };
    if !u.ops.iter().any(of_price) {
        return apply(session, u, None);
    }
    let mut without = u.clone();
    without.ops.retain(|op| !of_price(op));
    let (mut action, mut changes) = apply(session, &without, None);
    // "cheaper" alone: the same results again, with the note.
    if action == Action::NotUnderstood && session.turns > 1 {
        action = Action::Search;
    }
    changes.notes.push(Note::Unpriced);
    (action, changes)
}

/// Applies `u` to the session and says what to do next. `currency` is the
/// catalog's (ISO 4217), when known: a price named in another one is not
/// applied, and a note says so.
pub fn apply(
    session: &mut Session,
    u: &Understanding,
    currency: Option<&str>,
) -> (Action, Changes) {
    session.asked = None;
    let resolved = read_numbers(u, &session.constraints, session.shown.len());
    let u = resolved.as_ref().unwrap_or(u);
    // A message about one of the products shown ("is the first one
    // cotton?", "quanto custa a terceira?") asks of that product: what it
    // says is no refinement of the search.
    let about_one = u
        .ops
        .iter()
        .any(|op| matches!(op, Op::Select(_)))
        .then(|| session.constraints.clone());
    session.lang = u.lang;
    session.turns = session.turns.saturating_add(1);
    let mut changes = Changes::default();
    let mut action: Option<Action> = None;
    let mut searched = false;
    let mut cleared: Vec<ConstraintKind> = Vec::new();
    let mut foreign: Option<(&str, &str)> = None;
    // The last answer showed products (words alone may have named them).
    let found_before = !session.shown.is_empty();
    let c = &mut session.constraints;
    let message_words: Vec<&str> = u
        .ops
        .iter()
        .filter_map(|op| match op {
            Op::Text(w) | Op::ExcludeText(w) => Some(w.as_str()),
            _ => None,
        })
        .collect();
    // Words that found nothing are not kept when the shopper tries others
    // ("cat litter", then "dog food for puppies"; "liquidificador", then
    // "tênis de corrida" goes through the type change).
    if !found_before && !message_words.is_empty() {
        c.text
            .retain(|w| message_words.iter().any(|said| same_key(said, w)));
    }
    // A measurement said now replaces one of the same quantity said before
    // ("55 polegadas", then "na verdade 50 polegadas"; "ssd 500gb", then
    // "1tb"); two in one message ("16gb 512gb") are both asked for.
    let quantities_said: Vec<&str> = message_words
        .iter()
        .filter_map(|w| crate::language::units::quantity_of(w))
        .collect();
    // But a device holds data sizes far apart at once (memory and storage:
    // "notebook 16gb", then "512gb").
    let apart = |w: &str| {
        let data = crate::language::units::data_size;
        data(w).is_some_and(|old| {
            message_words
                .iter()
                .filter_map(|said| data(said))
                .all(|new| old.max(new) >= DATA_SIZES_APART * old.min(new))
        })
    };
    c.text.retain(|w| {
        crate::language::units::quantity_of(w).is_none_or(|q| !quantities_said.contains(&q))
            || apart(w)
    });
    // So does a model code of the same shape ("notebook i5", then "na
    // verdade i7"; "galaxy s23", then "s24"; "iphone 14", then "15").
    let shapes_said: Vec<CodeShape<'_>> =
        message_words.iter().filter_map(|w| code_shape(w)).collect();
    c.text
        .retain(|w| code_shape(w).is_none_or(|shape| !shapes_said.contains(&shape)));
    for op in &u.ops {
        match op {
            Op::Set(slot, values) => {
                if *slot == Slot::Type {
                    changes.kept =
                        on_type_change(c, values, &changes.touched, &message_words, found_before);
                    if !changes.kept.is_empty() {
                        changes.notes.push(Note::Kept(changes.kept.clone()));
                    }
                }
                let f = c.facets.entry(slot.clone()).or_default();
                f.any_of = values.clone();
                f.and_of.clear();
                for v in values {
                    remove_value(&mut f.none_of, v);
                }
                touch(&mut changes, ConstraintKind::Facet(slot.clone()));
                searched = true;
            }
            Op::SetTogether(slot, groups) => {
                let f = c.facets.entry(slot.clone()).or_default();
                let mut groups = groups.iter().filter(|g| !g.is_empty()).cloned();
                f.any_of = groups.next().unwrap_or_default();
                f.and_of = groups.collect();
                for v in f.any_of.iter().chain(f.and_of.iter().flatten()) {
                    remove_value(&mut f.none_of, v);
                }
                touch(&mut changes, ConstraintKind::Facet(slot.clone()));
                searched = true;
            }
            Op::Add(slot, values) => {
                let f = c.facets.entry(slot.clone()).or_default();
                // Alternatives: no longer two colours together.
                f.and_of.clear();
                for v in values {
                    push_unique(&mut f.any_of, v);
                    remove_value(&mut f.none_of, v);
                }
                touch(&mut changes, ConstraintKind::Facet(slot.clone()));
                searched = true;
            }
            Op::Exclude(slot, values) => {
                let f = c.facets.entry(slot.clone()).or_default();
                for v in values {
                    push_unique(&mut f.none_of, v);
                    remove_value(&mut f.any_of, v);
                    for group in &mut f.and_of {
                        remove_value(group, v);
                    }
                }
                f.and_of.retain(|g| !g.is_empty());
                if f.any_of.is_empty() && !f.and_of.is_empty() {
                    f.any_of = f.and_of.remove(0);
                }
                touch(&mut changes, ConstraintKind::Facet(slot.clone()));
                searched = true;
            }
            Op::Clear(slot) => {
                c.facets.remove(slot);
                cleared.push(ConstraintKind::Facet(slot.clone()));
                searched = true;
            }
            Op::Other(slot) => {
                // "another colour": anything but the ones asked for so far.
                let f = c.facets.entry(slot.clone()).or_default();
                let together = std::mem::take(&mut f.and_of).into_iter().flatten();
                for v in std::mem::take(&mut f.any_of).into_iter().chain(together) {
                    push_unique(&mut f.none_of, &v);
                }
                if f.is_empty() {
                    c.facets.remove(slot);
                }
                cleared.push(ConstraintKind::Facet(slot.clone()));
                touch(&mut changes, ConstraintKind::Facet(slot.clone()));
                searched = true;
            }
            Op::Currency(named) => {
                let named = crate::understand::resolve_currency(named, currency);
                foreign = currency.filter(|c| *c != named).map(|c| (named, c));
            }
            Op::Price { min, max } if foreign.is_some() => {
                if let Some((named, catalog)) = foreign {
                    changes.notes.push(Note::ForeignCurrency {
                        named: named.to_string(),
                        catalog: catalog.to_string(),
                        min: *min,
                        max: *max,
                    });
                }
                searched = true;
            }
            Op::Price { min, max } => {
                // "notebook até 5 mil", then "pode ir até 6": in the
                // thousands the shopper spoke in.
                let same_type = !u.ops.iter().any(|op| matches!(op, Op::Set(Slot::Type, _)));
                let before = c.price_max.or(c.price_min).filter(|_| same_type);
                let (min, max) = (
                    &min.map(|v| in_thousands_of(v, before)),
                    &max.map(|v| in_thousands_of(v, before)),
                );
                c.price_relative = false;
                if min.is_some() && max.is_some() {
                    c.price_min = *min;
                    c.price_max = *max;
                } else if let Some(min) = min {
                    // "abaixo de 1500", then "na verdade acima de 1500": a
                    // floor at or over the cap replaces it, as a cap at or
                    // under the floor replaces the floor (it was "between
                    // R$ 1,500 and R$ 1,500").
                    c.price_min = Some(*min);
                    if c.price_max.is_some_and(|m| m <= *min) {
                        c.price_max = None;
                    }
                } else if let Some(max) = max {
                    c.price_max = Some(*max);
                    if c.price_min.is_some_and(|m| m >= *max) {
                        c.price_min = None;
                    }
                }
                touch(&mut changes, ConstraintKind::Price);
                searched = true;
            }
            Op::ClearPrice => {
                c.price_min = None;
                c.price_max = None;
                c.price_relative = false;
                cleared.push(ConstraintKind::Price);
                searched = true;
            }
            Op::Cheap => {
                c.sort = Sort::PriceAsc;
                searched = true;
            }
            // Read in context before ([`super::context::measured`]) into
            // a size; left when neither a size asked nor the titles shown
            // give one: the same products, and a note saying so.
            Op::Bigger(_) | Op::Smaller(_) => {
                if session.turns > 0 && !session.shown.is_empty() {
                    changes.notes.push(Note::Unmeasured);
                    searched = true;
                }
            }
            Op::Cheaper | Op::Pricier => {
                let up = matches!(op, Op::Pricier);
                match session.shown_prices {
                    Some((lo, _)) if !up => {
                        c.price_max = Some(next_below(lo));
                        c.price_min = c.price_min.filter(|m| *m < lo);
                        c.price_relative = true;
                        // Above a budget nothing was under: the cheapest
                        // first, the nearest to what was asked.
                        if session.set_aside.contains(&ConstraintKind::Price) {
                            c.sort = Sort::PriceAsc;
                        }
                    }
                    Some((_, hi)) => {
                        c.price_min = Some(next_above(hi));
                        c.price_max = c.price_max.filter(|m| *m > hi);
                        c.price_relative = true;
                    }
                    None => c.sort = if up { Sort::PriceDesc } else { Sort::PriceAsc },
                }
                changes.moved_price = Some(if up {
                    PriceMove::Pricier
                } else {
                    PriceMove::Cheaper
                });
                touch(&mut changes, ConstraintKind::Price);
                searched = true;
            }
            Op::MinRating(r) => {
                c.min_rating = Some(*r);
                touch(&mut changes, ConstraintKind::Rating);
                searched = true;
            }
            Op::Sort(sort) => {
                c.sort = *sort;
                searched = true;
            }
            Op::Text(word) => {
                push_unique(&mut c.text, word);
                remove_value(&mut c.excluded_text, word);
                touch(&mut changes, ConstraintKind::Text);
                searched = true;
            }
            Op::DropText(word) => {
                remove_value(&mut c.text, word);
                remove_value(&mut c.contrasted, word);
                touch(&mut changes, ConstraintKind::Text);
            }
            Op::ExcludeText(word) => {
                push_unique(&mut c.excluded_text, word);
                remove_value(&mut c.text, word);
                remove_value(&mut c.contrasted, word);
                touch(&mut changes, ConstraintKind::Text);
                searched = true;
            }
            Op::Reset => {
                *c = Constraints::default();
                session.similar_to = None;
                session.similar_words.clear();
                session.set_aside.clear();
                session.shown.clear();
                session.shown_prices = None;
                changes = Changes {
                    reset: true,
                    ..Changes::default()
                };
                searched = false;
                action = Some(Action::Reset);
            }
            Op::More => action = action.or(Some(Action::More)),
            Op::Select(n) => action = Some(Action::Select(*n)),
            // Read before (`read_numbers`).
            Op::Number(..) => {}
            Op::Similar(n) => action = Some(Action::Similar(*n)),
            Op::Greeting => action = action.or(Some(Action::Greeting)),
            Op::Thanks => action = action.or(Some(Action::Thanks)),
            Op::Help => action = Some(action.unwrap_or(Action::Help)),
            Op::PriceAsked => action = action.or(Some(Action::PriceAsked)),
            Op::AskSlot(slot) => {
                session.asked = Some(slot.clone());
                searched = true;
            }
        }
    }
    if let (Some(Action::Select(_)), Some(before)) = (&action, about_one) {
        *c = before;
        changes = Changes::default();
    }
    c.facets.retain(|_, f: &mut FacetFilter| !f.is_empty());
    // Words said with the product type name the product ("necklace set"),
    // and so do words asked for without any type ("remote control car"):
    // see `order::relaxation_order`.
    let typed = c.facet(&Slot::Type).is_some_and(|f| !f.any_of.is_empty());
    if changes.touched.contains(&ConstraintKind::Text)
        && (changes.touched.contains(&ConstraintKind::Facet(Slot::Type)) || !typed)
    {
        // A count, a measure or a material is an attribute ("geladeira duas
        // portas", "processador ryzen 7", "leather bag"), not the
        // product's name.
        for word in &message_words {
            if c.text.iter().any(|w| w == word)
                && !crate::language::units::counts(word)
                && !crate::language::names::is_material(word)
            {
                push_unique(&mut c.named, word);
            }
        }
    }
    let text = &c.text;
    c.named.retain(|w| text.contains(w));
    // A constraint said again, or dropped for good, is no longer set aside.
    let c = &session.constraints;
    session
        .set_aside
        .retain(|k| c.has(k) && !changes.touched.contains(k) && !cleared.contains(k));
    let action = match action {
        Some(Action::Select(n)) => Action::Select(n),
        Some(Action::Similar(n)) => Action::Similar(n),
        _ if searched => Action::Search,
        Some(a) => a,
        None => Action::NotUnderstood,
    };
    if matches!(action, Action::Search) {
        session.page = 0;
        session.similar_to = None;
        session.similar_words.clear();
    }
    (action, changes)
}

/// Data sizes this many times apart are two parts of a device (memory
/// and storage), not one size said again.
const DATA_SIZES_APART: f64 = 8.0;

/// The shape of a model code: its letters before the first digit, how
/// many digits follow, and the letters after them ("i5" and "i7" are
/// ("i", 1, ""), "1235u" ("", 4, "u")). `None` for a phrase, a word
/// without digits, or a measurement (see `units::quantity_of`).
type CodeShape<'w> = (&'w str, usize, &'w str);

fn code_shape(word: &str) -> Option<CodeShape<'_>> {
    if word.contains(' ') || crate::language::units::is_measurement(word) {
        return None;
    }
    let first = word.find(|c: char| c.is_ascii_digit())?;
    let (letters, rest) = word.split_at(first);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = &rest[digits..];
    suffix
        .bytes()
        .all(|b| b.is_ascii_alphabetic())
        .then_some((letters, digits, suffix))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialog::understood as ops;

    fn apply_(s: &mut Session, u: &Understanding) -> (Action, Changes) {
        apply(s, u, None)
    }

    #[test]
    fn another_value_excludes_the_ones_asked_for() {
        let mut s = Session::default();
        let two = vec!["Black".to_string(), "Navy".to_string()];
        apply_(&mut s, &ops(vec![Op::Set(Slot::Color, two)]));
        apply_(&mut s, &ops(vec![Op::Other(Slot::Color)]));
        let f = &s.constraints.facets[&Slot::Color];
        assert!(f.any_of.is_empty());
        assert_eq!(f.none_of, vec!["Black", "Navy"]);
        // Nothing asked yet: nothing to exclude.
        apply_(&mut s, &ops(vec![Op::Other(Slot::Brand)]));
        assert!(!s.constraints.facets.contains_key(&Slot::Brand));
    }

    #[test]
    fn slots_replace_add_exclude_and_clear() {
        let mut s = Session::default();
        let (a, _) = apply_(&mut s, &ops(vec![Op::Set(Slot::Color, vec!["Red".into()])]));
        assert_eq!(a, Action::Search);
        apply_(
            &mut s,
            &ops(vec![Op::Set(Slot::Color, vec!["Blue".into()])]),
        );
        assert_eq!(s.constraints.facets[&Slot::Color].any_of, vec!["Blue"]);
        apply_(
            &mut s,
            &ops(vec![Op::Add(Slot::Color, vec!["White".into()])]),
        );
        assert_eq!(
            s.constraints.facets[&Slot::Color].any_of,
            vec!["Blue", "White"]
        );
        apply_(
            &mut s,
            &ops(vec![Op::Exclude(Slot::Brand, vec!["Nike".into()])]),
        );
        assert_eq!(s.constraints.facets[&Slot::Brand].none_of, vec!["Nike"]);
        apply_(&mut s, &ops(vec![Op::Clear(Slot::Brand)]));
        assert!(!s.constraints.facets.contains_key(&Slot::Brand));
        let (a, ch) = apply_(&mut s, &ops(vec![Op::Reset]));
        assert_eq!(a, Action::Reset);
        assert!(ch.reset && s.constraints.is_empty());
    }

    #[test]
    fn cheaper_after_a_budget_nothing_met_shows_the_cheapest_first() {
        // "wall clock under 500": none, the budget set aside; "cheaper".
        let mut s = Session {
            shown_prices: Some((836.0, 1799.0)),
            set_aside: vec![ConstraintKind::Price],
            ..Session::default()
        };
        apply_(&mut s, &ops(vec![Op::Cheaper]));
        assert_eq!(s.constraints.price_max, Some(835.0));
        assert_eq!(s.constraints.sort, Sort::PriceAsc);
    }

    #[test]
    fn cheaper_moves_below_what_was_shown() {
        let mut s = Session {
            shown_prices: Some((549.0, 2999.0)),
            ..Session::default()
        };
        apply_(
            &mut s,
            &ops(vec![Op::Price {
                min: None,
                max: Some(3000.0),
            }]),
        );
        apply_(&mut s, &ops(vec![Op::Cheaper]));
        assert_eq!(s.constraints.price_max, Some(548.0));
        s.shown_prices = Some((100.0, 548.0));
        apply_(&mut s, &ops(vec![Op::Pricier]));
        assert_eq!(s.constraints.price_min, Some(549.0));
        assert_eq!(s.constraints.price_max, None);
    }

    #[test]
    fn a_bound_meeting_the_other_one_replaces_it() {
        let mut s = Session::default();
        let price = |min, max| ops(vec![Op::Price { min, max }]);
        apply_(&mut s, &price(Some(1500.0), None));
        apply_(&mut s, &price(None, Some(1500.0)));
        assert_eq!(
            (s.constraints.price_min, s.constraints.price_max),
            (None, Some(1500.0))
        );
        apply_(&mut s, &price(Some(1500.0), None));
        assert_eq!(
            (s.constraints.price_min, s.constraints.price_max),
            (Some(1500.0), None)
        );
        // A cap over the floor is a range.
        apply_(&mut s, &price(None, Some(3000.0)));
        assert_eq!(
            (s.constraints.price_min, s.constraints.price_max),
            (Some(1500.0), Some(3000.0))
        );
    }

    #[test]
    fn a_new_type_keeps_what_still_applies_and_drops_what_belonged_to_the_old_one() {
        let mut s = Session::default();
        apply_(
            &mut s,
            &ops(vec![
                Op::Set(Slot::Type, vec!["Sneakers".into()]),
                Op::Set(Slot::Size, vec!["10".into()]),
                Op::Text("running".into()),
                Op::Set(Slot::Color, vec!["Black".into()]),
            ]),
        );
        apply_(
            &mut s,
            &ops(vec![
                Op::Set(Slot::Gender, vec!["Men".into()]),
                Op::Set(Slot::Color, vec!["Blue".into()]),
                Op::Set(Slot::Type, vec!["Jackets".into()]),
            ]),
        );
        let c = &s.constraints;
        assert!(c.text.is_empty() && !c.facets.contains_key(&Slot::Size));
        // What the same message asked for stays, whatever its order.
        assert_eq!(c.facets[&Slot::Color].any_of, vec!["Blue"]);
        assert_eq!(c.facets[&Slot::Gender].any_of, vec!["Men"]);
        apply_(
            &mut s,
            &ops(vec![Op::Price {
                min: None,
                max: Some(80.0),
            }]),
        );
        let (_, changes) = apply_(
            &mut s,
            &ops(vec![Op::Set(Slot::Type, vec!["Boots".into()])]),
        );
        // Audience, colour and budget apply to boots too, and the reply
        // can say they were kept.
        assert_eq!(s.constraints.facets[&Slot::Color].any_of, vec!["Blue"]);
        assert_eq!(s.constraints.facets[&Slot::Gender].any_of, vec!["Men"]);
        assert_eq!(s.constraints.price_max, Some(80.0));
        assert_eq!(changes.kept, vec!["color", "gender", "price"]);
        // An old word goes with its type even when the new message has words too.
        apply_(&mut s, &ops(vec![Op::Text("hooded".into())]));
        apply_(
            &mut s,
            &ops(vec![
                Op::Text("running".into()),
                Op::Set(Slot::Type, vec!["Shoes".into()]),
            ]),
        );
        assert_eq!(s.constraints.text, vec!["running"]);
    }
}
