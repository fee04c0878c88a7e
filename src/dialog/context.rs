//! A message read in the context of the catalog and the conversation,
//! before it is applied, by counting products (a closure, as relaxation
//! does):
//!
//! - A number said alone is the size the catalog sells the product the
//!   shopper is looking at in ([`measured`]): "tv de 43" and "tv 4k 55"
//!   are 43" and 55" TVs, "tem de 50?" after TVs asks for 50" ones, "473"
//!   after Stanley cups asks for 473 ml, because those are the
//!   measurements the titles give those products in. Read only with a
//!   product type (from the message or the conversation) and only when no
//!   measurement was asked for yet (then [`super::apply`] reads the number
//!   as another amount of it); a number no larger than the list just
//!   shown, and than a page of it, stays a pick from it ("2").
//! - Another product type said while one is being looked at narrows it as
//!   a word of titles when the titles say so ([`narrowed`]): "jackets",
//!   then "bomber" is bomber jackets (22 jackets titled "… Bomber Jacket")
//!   rather than the 10 products typed Bomber; "shoes" after jackets is
//!   shoes, since no jacket's title says "shoes". The word narrows when
//!   the products of the current type that have it in their titles are
//!   at least half as many as the other type's products, or a sixth of
//!   what the shopper is looking at ("bebedouro para gato", then "fonte"
//!   is fountain drinkers, not power supplies).

use super::Session;
use crate::error::Result;
use crate::language::units::Measure;
use crate::model::{Constraints, FacetFilter, Slot};
use crate::understand::{Measured, Op, Understanding};

/// Counts the products of some constraints (titles only).
pub type Count<'a> = dyn FnMut(&Constraints) -> Result<u64> + 'a;

/// Reads the titles of the products last shown.
pub type ShownTitles<'a> = dyn FnMut() -> Result<Vec<String>> + 'a;

/// `u` with its lone numbers read as measurements where the catalog sells
/// the type in one at that number; `measurements`: the catalog's.
pub fn measured(
    session: &Session,
    mut u: Understanding,
    measurements: &[Measure],
    count: &mut Count<'_>,
    shown_titles: &mut ShownTitles<'_>,
) -> Result<Understanding> {
    // Most messages have no number to read: nothing is looked up for them.
    let to_read = u.ops.iter().any(|op| match op {
        Op::Number(..) | Op::Bigger(_) | Op::Smaller(_) => true,
        Op::Text(word) => lone_number(word, 5).is_some(),
        _ => false,
    }) || u.ignored.iter().any(|w| lone_number(w, 5).is_some());
    if !to_read {
        return Ok(u);
    }
    let is_measurement = |w: &String| crate::language::units::is_measurement(w);
    // "maior", "bigger": the next size of the one asked for, or beyond the
    // sizes shown when none was (or only a bound).
    let asked = session
        .constraints
        .text
        .iter()
        .rev()
        .find(|w| is_measurement(w));
    let exact = asked.filter(|w| !w.ends_with(['+', '-']));
    // The size asked for, when the comparative measures it ("bigger" after
    // "55 inch"; not "more powerful" after "1 litre").
    let asked_measures = |measured: Measured| {
        exact
            .and_then(|w| crate::language::units::quantity_of(w))
            .is_some_and(|q| measured.measures(q))
    };
    let of_shown = u.ops.iter().any(|op| match op {
        Op::Bigger(m) | Op::Smaller(m) => !asked_measures(*m),
        _ => false,
    });
    if of_shown {
        let titles = shown_titles()?;
        for op in &mut u.ops {
            let (larger, measured) = match op {
                Op::Bigger(m) => (true, *m),
                Op::Smaller(m) => (false, *m),
                _ => continue,
            };
            if asked_measures(measured) {
                continue;
            }
            let beyond = Beyond {
                larger,
                measured,
                titles: &titles,
            };
            if let Some(token) = beyond_shown(session, measurements, &beyond, count)? {
                *op = Op::Text(token);
            }
        }
    }
    let said_type = u.ops.iter().rev().find_map(|op| match op {
        Op::Set(Slot::Type, values) if !values.is_empty() => Some(values.clone()),
        _ => None,
    });
    let Some(types) = said_type.or_else(|| types_of(session)) else {
        return Ok(u);
    };
    if let Some(asked) = exact.and_then(|w| crate::language::units::measure(w)) {
        for op in &mut u.ops {
            let larger = match op {
                Op::Bigger(_) => true,
                Op::Smaller(_) => false,
                _ => continue,
            };
            if let Some(token) = next_size(measurements, &types, &asked, larger, count)? {
                *op = Op::Text(token);
            }
        }
    }
    // "tv 32", then "tv de 43": another amount of the size asked for.
    if let Some(asked) = asked {
        let another = |word: &str, digits| {
            lone_number(word, digits).and_then(|n| crate::language::units::another_amount(asked, n))
        };
        for op in &mut u.ops {
            if let Op::Text(word) = op
                && let Some(token) = another(word, 4)
            {
                *op = Op::Text(token);
            }
        }
        let mut ignored = Vec::with_capacity(u.ignored.len());
        for word in std::mem::take(&mut u.ignored) {
            match another(&word, 5) {
                Some(token) => u.ops.push(Op::Text(token)),
                None => ignored.push(word),
            }
        }
        u.ignored = ignored;
        return Ok(u);
    }
    let measured_already = u
        .ops
        .iter()
        .any(|op| matches!(op, Op::Text(w) if is_measurement(w)));
    if measured_already || measurements.is_empty() {
        return Ok(u);
    }
    let shown = session.shown.len().min(crate::model::DEFAULT_PAGE_SIZE);
    let mut ops = Vec::with_capacity(u.ops.len());
    for op in std::mem::take(&mut u.ops) {
        match op {
            Op::Number(n, _) if n > shown as f64 => {
                match size_of(measurements, &types, n, count)? {
                    Some(token) => ops.push(Op::Text(token)),
                    None => ops.push(op),
                }
            }
            // "tv 32": the number as a word of titles, or the size, when
            // the type's titles have it only as the size ("iphone 15" is
            // the word).
            Op::Text(word) if lone_number(&word, 5).is_some() => {
                let n = lone_number(&word, 5).unwrap_or(0.0);
                let size = match sized(measurements, &types, n, count)? {
                    // The word meets measurements at its number too ("32"
                    // finds 32"): the size when that is all it meets, and
                    // when the products with the word are mostly of that
                    // size. The size counts what measures the same in
                    // other units too: "iphone 16" is the 14 iPhone 16s,
                    // none of them 16 cm, not the phones of 6.3" (16 cm).
                    Some((token, sized)) => {
                        let as_word = count(&of_types(&types, Some(&word)))?;
                        let mut both = of_types(&types, Some(&word));
                        both.text.push(token.clone());
                        let same = 2 * count(&both)? >= as_word;
                        // Nine in ten: "monitor 27" is 27", though three
                        // of the 108 titles write 27'.
                        (10 * sized >= 9 * as_word && same).then_some(token)
                    }
                    None => None,
                };
                ops.push(Op::Text(size.unwrap_or(word)));
            }
            other => ops.push(other),
        }
    }
    let mut ignored = Vec::with_capacity(u.ignored.len());
    for word in std::mem::take(&mut u.ignored) {
        match lone_number(&word, 5) {
            Some(n) if n > shown as f64 => match size_of(measurements, &types, n, count)? {
                Some(token) => ops.push(Op::Text(token)),
                None => ignored.push(word),
            },
            _ => ignored.push(word),
        }
    }
    u.ops = ops;
    u.ignored = ignored;
    Ok(u)
}

/// `word` read as a whole number of at most `digits` digits ("43").
fn lone_number(word: &str, digits: usize) -> Option<f64> {
    (!word.is_empty() && word.len() <= digits && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
}

/// The session's product types, if it has any.
fn types_of(session: &Session) -> Option<Vec<String>> {
    session
        .constraints
        .facet(&Slot::Type)
        .map(|f| f.any_of.clone())
        .filter(|v| !v.is_empty())
}

/// The catalog's measurement token with the number `n` that most products
/// of `types` have in their titles ("55in" for TVs, "473ml" for cups),
/// `None` when none has one.
fn size_of(
    measurements: &[Measure],
    types: &[String],
    n: f64,
    count: &mut Count<'_>,
) -> Result<Option<String>> {
    Ok(sized(measurements, types, n, count)?.map(|(token, _)| token))
}

/// [`size_of`] with the number of products that have it.
fn sized(
    measurements: &[Measure],
    types: &[String],
    n: f64,
    count: &mut Count<'_>,
) -> Result<Option<(String, u64)>> {
    let mut best: Option<(u64, &str)> = None;
    for m in measurements.iter().filter(|m| m.number == n) {
        let found = count(&of_types(types, Some(&m.token)))?;
        if found > 0 && best.is_none_or(|(most, _)| found > most) {
            best = Some((found, &m.token));
        }
    }
    Ok(best.map(|(found, token)| (token.to_string(), found)))
}

/// The nearest size of the quantity of `asked` beyond it (larger or
/// smaller) that products of `types` have in their titles.
fn next_size(
    measurements: &[Measure],
    types: &[String],
    asked: &Measure,
    larger: bool,
    count: &mut Count<'_>,
) -> Result<Option<String>> {
    let mut beyond: Vec<&Measure> = measurements
        .iter()
        .filter(|m| {
            m.quantity == asked.quantity
                && if larger {
                    m.amount > asked.amount
                } else {
                    m.amount < asked.amount
                }
        })
        .collect();
    beyond.sort_by(|a, b| a.amount.total_cmp(&b.amount));
    if !larger {
        beyond.reverse();
    }
    for m in beyond {
        if count(&of_types(types, Some(&m.token)))? > 0 {
            return Ok(Some(m.token.clone()));
        }
    }
    Ok(None)
}

/// How many sizes beyond those shown a comparative tries, nearest first.
const SIZES_TRIED: usize = 48;

/// A comparative said of the products shown.
struct Beyond<'a> {
    /// "bigger" rather than "smaller".
    larger: bool,
    /// What it compares.
    measured: Measured,
    /// The titles of the products shown.
    titles: &'a [String],
}

/// "bigger" (`larger`) or "smaller" said of the products shown when no
/// size was asked: at least the next size beyond the largest shown (at
/// most the next below the smallest) that what the shopper is looking at
/// comes in, in the quantity most of the shown titles measure ("80 cm
/// (32 inches)": 40" or more); that size itself when none is beyond;
/// `None` when no shown title measures anything.
fn beyond_shown(
    session: &Session,
    measurements: &[Measure],
    beyond: &Beyond<'_>,
    count: &mut Count<'_>,
) -> Result<Option<String>> {
    use crate::language::units::{Bound, bounded, measure, measurements_in};
    let larger = beyond.larger;
    let shown: Vec<Vec<Measure>> = (beyond.titles.iter())
        .map(|t| {
            measurements_in(t)
                .iter()
                .filter_map(|m| measure(m))
                .filter(|m| beyond.measured.measures(m.quantity))
                .collect()
        })
        .collect();
    // The quantity the most titles measure (each title once), the first
    // seen on a tie.
    let quantities = tally(shown.iter().flat_map(|title| {
        let mut quantities: Vec<&str> = Vec::with_capacity(title.len());
        for m in title {
            if !quantities.contains(&m.quantity) {
                quantities.push(m.quantity);
            }
        }
        quantities
    }));
    let Some(quantity) = quantities
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map(|(q, _)| *q)
    else {
        return Ok(None);
    };
    // Sizes in the unit the titles shown write most ("inches" over "cm"
    // when they write both, the customary first on a tie).
    let units = tally(
        (shown.iter().flatten())
            .filter(|m| m.quantity == quantity)
            .map(|m| m.unit),
    );
    let unit = units
        .iter()
        .min_by_key(|(u, n)| (std::cmp::Reverse(*n), crate::language::units::unit_rank(u)))
        .map(|(u, _)| *u);
    let of_quantity = shown
        .iter()
        .flatten()
        .filter(|m| m.quantity == quantity && Some(m.unit) == unit);
    let reference = if larger {
        of_quantity.max_by(|a, b| a.amount.total_cmp(&b.amount))
    } else {
        of_quantity.min_by(|a, b| a.amount.total_cmp(&b.amount))
    };
    let Some(reference) = reference else {
        return Ok(None);
    };
    let bound = if larger {
        Bound::AtLeast
    } else {
        Bound::AtMost
    };
    let beyond: Vec<&Measure> = measurements
        .iter()
        .filter(|m| {
            m.quantity == quantity
                && if larger {
                    m.amount > reference.amount * (1.0 + 1e-3)
                } else {
                    m.amount < reference.amount * (1.0 - 1e-3)
                }
        })
        .collect();
    // The nearest size beyond that what the shopper is looking at comes
    // in, in the unit the titles shown use first ("40 inches" after "80 cm
    // (32 inches)", not "3 ft"); the size shown itself when there is none.
    let mut beyond = beyond;
    beyond.sort_by(|a, b| {
        let order = a.amount.total_cmp(&b.amount);
        let nearest = if larger { order } else { order.reverse() };
        (a.unit != reference.unit)
            .cmp(&(b.unit != reference.unit))
            .then(nearest)
    });
    // What the shopper is looking at, but for the size said before, which
    // this one replaces.
    let mut looking_at = session.applied();
    looking_at
        .text
        .retain(|w| crate::language::units::quantity_of(w) != Some(quantity));
    for m in beyond.into_iter().take(SIZES_TRIED) {
        let mut with_size = looking_at.clone();
        with_size.text.push(m.token.clone());
        if count(&with_size)? > 0 {
            return Ok(Some(bounded(&m.token, bound)));
        }
    }
    Ok(Some(bounded(&reference.token, bound)))
}

/// How many times each item comes, in the order first seen.
fn tally<'a>(items: impl Iterator<Item = &'a str>) -> Vec<(&'a str, usize)> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for item in items {
        match counts.iter_mut().find(|(seen, _)| *seen == item) {
            Some((_, n)) => *n += 1,
            None => counts.push((item, 1)),
        }
    }
    counts
}

/// `u` with a one-word type that narrows the session's type asked as that
/// word of titles, when the type is all the message says besides words of
/// titles ("bomber"; "tanque de tinta" after printers): a message that
/// says more ("black tops for men under 60") is a new search.
pub fn narrowed(
    session: &Session,
    mut u: Understanding,
    count: &mut Count<'_>,
) -> Result<Understanding> {
    let types = u
        .ops
        .iter()
        .filter(|op| matches!(op, Op::Set(Slot::Type, _)))
        .count();
    if types != 1
        || u.ops
            .iter()
            .any(|op| !matches!(op, Op::Set(Slot::Type, _) | Op::Text(_)))
    {
        return Ok(u);
    }
    let Some(current) = types_of(session) else {
        return Ok(u);
    };
    // The words said with the type go with it: "tanque de tinta" narrows
    // printers whose titles say both; "cushion covers" after bedsheets
    // (sets "with pillow covers") is cushion covers.
    let words: Vec<String> = u
        .ops
        .iter()
        .filter_map(|op| match op {
            Op::Text(w) => Some(w.clone()),
            _ => None,
        })
        .collect();
    for op in &mut u.ops {
        let Op::Set(Slot::Type, other) = op else {
            continue;
        };
        // The type named by its own word first ("fonte": Fonte, then
        // "Placa da fonte").
        let Some(value) = other.first() else {
            continue;
        };
        let word = crate::text::key(value);
        if other.iter().any(|v| current.contains(v)) || word.is_empty() || word.contains(' ') {
            continue;
        }
        // Half as many will do: "ipad", then "air" is the iPad Airs (30),
        // not the 42 products typed Air. So will a sixth of what the
        // shopper is looking at: "bebedouro para gato", then "fonte" is
        // the fountain drinkers, not the 138 power supplies.
        let mut said = of_types(&current, Some(&word));
        said.text.extend(words.iter().cloned());
        if count(&said)? == 0 {
            continue;
        }
        let within = count(&of_types(&current, Some(&word)))?;
        let narrows = within * 2 >= count(&of_types(other, None))? || {
            let now = session.applied();
            let mut with_word = now.clone();
            with_word.text.push(word.clone());
            count(&with_word)? * 6 >= count(&now)?
        };
        if narrows {
            *op = Op::Text(word);
        }
    }
    Ok(u)
}

/// Products of `types`, with `word` in their titles when given.
fn of_types(types: &[String], word: Option<&str>) -> Constraints {
    let mut constraints = Constraints::default();
    constraints.facets.insert(
        Slot::Type,
        FacetFilter {
            any_of: types.to_vec(),
            ..FacetFilter::default()
        },
    );
    constraints.text = word.map(str::to_string).into_iter().collect();
    constraints
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::units::measure;
    use crate::model::Lang;

    fn looking_at(types: &[&str], shown: usize) -> Session {
        let mut s = Session::default();
        s.constraints.facets.insert(
            Slot::Type,
            FacetFilter {
                any_of: types.iter().map(|t| t.to_string()).collect(),
                ..FacetFilter::default()
            },
        );
        s.shown = (0..shown).map(|i| i.to_string()).collect();
        s
    }

    fn said(ops: Vec<Op>) -> Understanding {
        Understanding {
            lang: Lang::Pt,
            ops,
            ignored: Vec::new(),
            unknown: Vec::new(),
        }
    }

    /// Counts as a catalog of 7 TVs of 50", 3 cups of 50 ml, 22 jackets
    /// titled bomber and 10 products typed Bomber would.
    fn catalog(c: &Constraints) -> Result<u64> {
        let types = c
            .facet(&Slot::Type)
            .map(|f| f.any_of.clone())
            .unwrap_or_default();
        let is = |t: &str| types.iter().any(|x| x == t);
        Ok(match c.text.first().map(String::as_str) {
            Some("50in") if is("TV") => 7,
            Some("50") if is("TV") => 1,
            Some("15") if is("Iphone") => 30,
            Some("15w") if is("Iphone") => 2,
            Some("50ml") if is("Copo") => 3,
            Some("bomber") if is("Jacket") => 22,
            None if is("Bomber") => 10,
            _ => 0,
        })
    }

    #[test]
    fn a_lone_number_is_the_size_the_type_is_sold_in() {
        let sizes: Vec<Measure> = ["50in", "50ml", "43in", "15w"]
            .iter()
            .filter_map(|t| measure(t))
            .collect();
        let read = |session: &Session, ops: Vec<Op>| {
            measured(session, said(ops), &sizes, &mut catalog, &mut || {
                Ok(Vec::new())
            })
            .expect("read")
            .ops
        };
        // After TVs, 50 is 50"; after cups, 50 ml; said with the type too.
        assert_eq!(
            read(&looking_at(&["TV"], 10), vec![Op::Number(50.0, None)]),
            [Op::Text("50in".into())]
        );
        assert_eq!(
            read(&looking_at(&["Copo"], 10), vec![Op::Number(50.0, None)]),
            [Op::Text("50ml".into())]
        );
        // Read as a word of titles ("tv 50"), the size when more titles
        // have it than the word.
        assert_eq!(
            read(&looking_at(&["TV"], 10), vec![Op::Text("50".into())]),
            [Op::Text("50in".into())]
        );
        let fifteen = vec![Op::Text("15".into())];
        assert_eq!(read(&looking_at(&["Iphone"], 10), fifteen.clone()), fifteen);
        let tv = Op::Set(Slot::Type, vec!["TV".into()]);
        let mut u = said(vec![tv.clone()]);
        u.ignored = vec!["de".into(), "50".into()];
        let u = measured(&Session::default(), u, &sizes, &mut catalog, &mut || {
            Ok(Vec::new())
        })
        .expect("read");
        assert_eq!(u.ops, [tv.clone(), Op::Text("50in".into())]);
        assert_eq!(u.ignored, ["de"]);
        // An item of the page shown, a size no TV has, no type, or a
        // measurement already asked: left to the dialog.
        let two = vec![Op::Number(2.0, None)];
        assert_eq!(read(&looking_at(&["TV"], 10), two.clone()), two);
        let n43 = vec![Op::Number(43.0, None)];
        assert_eq!(read(&looking_at(&["Copo"], 10), n43.clone()), n43);
        let n50 = vec![Op::Number(50.0, None)];
        assert_eq!(read(&Session::default(), n50.clone()), n50);
        let mut measuring = looking_at(&["TV"], 10);
        measuring.constraints.text = vec!["55in".into()];
        assert_eq!(read(&measuring, n50.clone()), n50);
        // With a size asked, a number said with the type is another one.
        let mut u = said(vec![tv.clone()]);
        u.ignored = vec!["de".into(), "43".into()];
        let u =
            measured(&measuring, u, &sizes, &mut catalog, &mut || Ok(Vec::new())).expect("read");
        assert_eq!(u.ops, [tv, Op::Text("43in".into())]);
        assert_eq!(u.ignored, ["de"]);
    }

    #[test]
    fn another_type_the_titles_give_the_current_one_narrows_it() {
        let read = |session: &Session, ops: Vec<Op>| {
            narrowed(session, said(ops), &mut catalog)
                .expect("read")
                .ops
        };
        let jackets = looking_at(&["Jacket"], 10);
        assert_eq!(
            read(&jackets, vec![Op::Set(Slot::Type, vec!["Bomber".into()])]),
            [Op::Text("bomber".into())]
        );
        let shoes = vec![Op::Set(Slot::Type, vec!["Shoes".into()])];
        assert_eq!(read(&jackets, shoes.clone()), shoes);
        // Said first, a type is the type; said with more, a new search.
        let bomber = vec![Op::Set(Slot::Type, vec!["Bomber".into()])];
        assert_eq!(read(&Session::default(), bomber.clone()), bomber);
        let black_bomber = vec![
            Op::Set(Slot::Color, vec!["Black".into()]),
            Op::Set(Slot::Type, vec!["Bomber".into()]),
        ];
        assert_eq!(read(&jackets, black_bomber.clone()), black_bomber);
    }
}
