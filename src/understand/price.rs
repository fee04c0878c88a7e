//! Prices and ratings in a segmented message: "under 3000", "até R$ 300",
//! "between 500 and 1000", "1k-2k", "de 100 a 200", "around $50",
//! "4 stars and up", "rated 4+", "pelo menos 4 estrelas".
//!
//! Rules (documented here because shoppers rely on them):
//! - a bare amount with a currency ("$50", "300 reais") is a budget: a maximum;
//! - "around X" / "cerca de X" / "~X" is X ± 15 %;
//! - a number followed by "stars"/"estrelas", or after "rated", is a rating
//!   (at most 5), never a price;
//! - several bounds in one message make one range.

use super::builtin::Marker;
use super::lexicon::Lexicon;
use super::ops::Op;
use super::span::{Item, SlotRef, Span};
use super::token::Tokens;
use crate::index::Vocabulary;
use crate::model::Lang;

/// Relative width of "around X": X ± 15 %.
pub const AROUND: f64 = 0.15;

/// A price range; `None` bounds are open.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PriceRange {
    /// Lowest acceptable price.
    pub min: Option<f64>,
    /// Highest acceptable price.
    pub max: Option<f64>,
}

/// Parses the price expression in a phrase ("under R$ 1.299,90", "between
/// 1k and 2.5k", "uns 200 reais") with the built-in vocabulary only; `None`
/// when the phrase states no price. Never panics (it is fuzzed).
pub fn parse_price_expression(phrase: &str) -> Option<PriceRange> {
    thread_local! {
        static BARE: Lexicon = Lexicon::new(&Vocabulary::default());
    }
    BARE.with(|lx| {
        lx.understand(phrase, Lang::En)
            .ops
            .iter()
            .find_map(|op| match op {
                Op::Price { min, max } => Some(PriceRange {
                    min: *min,
                    max: *max,
                }),
                _ => None,
            })
    })
}

fn num(spans: &[Span<'_>], i: usize) -> Option<f64> {
    match spans.get(i)?.item {
        Item::Num(v) => Some(v),
        _ => None,
    }
}

fn is_marker(spans: &[Span<'_>], i: usize, m: Marker) -> bool {
    matches!(spans.get(i), Some(Span { item: Item::Marker(x), .. }) if *x == m)
}

/// The currencies written with a dollar sign: where the catalog's is one,
/// a shopper's "$" or "dollars" (`DOLLAR` in the language files) is it.
const DOLLAR_SIGN_CURRENCIES: [&str; 8] = ["USD", "AUD", "CAD", "NZD", "SGD", "HKD", "TWD", "MXN"];

/// The currency a shopper's `named` one is in a store whose prices are in
/// `catalog`: a bare "$" or "dollars" is the store's own dollar, else US
/// dollars.
pub fn resolve_currency<'a>(named: &'a str, catalog: Option<&'a str>) -> &'a str {
    match catalog {
        Some(c) if named == "DOLLAR" && DOLLAR_SIGN_CURRENCIES.contains(&c) => c,
        _ if named == "DOLLAR" => "USD",
        _ => named,
    }
}

/// The currency named at `i`, if any.
fn currency(spans: &[Span<'_>], i: usize) -> Option<&'static str> {
    match spans.get(i)?.item {
        Item::Marker(Marker::Cur(code)) => Some(code),
        _ => None,
    }
}

/// The number at `i`, skipping currencies before it; the value and the
/// index after it (and after a trailing currency).
fn amount(spans: &[Span<'_>], mut i: usize) -> Option<(f64, usize)> {
    while currency(spans, i).is_some() {
        i += 1;
    }
    let v = num(spans, i)?;
    i += 1;
    // "over 55%" is a share (alcohol, a discount), never money.
    if matches!(
        spans.get(i),
        Some(Span {
            item: Item::Sym('%'),
            ..
        })
    ) {
        return None;
    }
    while currency(spans, i).is_some() {
        i += 1;
    }
    Some((v, i))
}

/// True for an amount said in thousands ("1,5 mil", "2 thousand"): a
/// budget, as an amount with its currency is. Sizes and models are said
/// in digits.
fn in_thousands(span: &Span<'_>, amount: f64) -> bool {
    span.end > span.start + 1 && amount >= 1000.0
}

/// True when the span at `i` is a unit's word ("12 mil btus" is a
/// capacity, not a budget).
fn unit_at(spans: &[Span<'_>], tokens: &Tokens, i: usize) -> bool {
    spans.get(i).is_some_and(|s| {
        s.end == s.start + 1 && crate::language::units::unit(tokens.key(s.start)).is_some()
    })
}

/// The lower end of a range whose upper end was said in thousands and the
/// lower one without ("entre 7 e 10 mil" is 7.000 to 10.000): in
/// thousands too, when that keeps it below the upper end.
fn lower_in_thousands(a: f64, a_span: &Span<'_>, b: f64, b_span: &Span<'_>) -> f64 {
    let scaled = a * 1000.0;
    if in_thousands(b_span, b) && !in_thousands(a_span, a) && a < 1000.0 && scaled <= b {
        scaled
    } else {
        a
    }
}

/// A range connector at `i`: "-", "to", "a", "até", and "and"/"e" when allowed.
fn connector(spans: &[Span<'_>], tokens: &Tokens, i: usize, allow_and: bool) -> bool {
    let Some(s) = spans.get(i) else { return false };
    match s.item {
        Item::Sym('-' | '–' | '—') => true,
        Item::Marker(Marker::Lt) => tokens.key(s.start) == "ate" && s.end == s.start + 1,
        Item::Marker(Marker::And) => allow_and,
        _ => {
            s.end == s.start + 1
                && matches!(tokens.key(s.start), "to" | "a" | "till" | "until" | "thru")
        }
    }
}

/// After a number at `i`: "stars", "+ stars", "stars and up"; the index
/// after the rating phrase.
fn stars(spans: &[Span<'_>], mut i: usize) -> Option<usize> {
    if is_marker(spans, i, Marker::OrMore) {
        i += 1;
    }
    if !is_marker(spans, i, Marker::Stars) {
        return None;
    }
    i += 1;
    if is_marker(spans, i, Marker::OrMore) {
        i += 1;
    }
    Some(i)
}

/// Where a denial of the price bound at `i` starts ("nothing above",
/// "i don't want to spend more than"): a negation, then only words that
/// may stand between it and the bound.
fn denied_from(spans: &[Span<'_>], tokens: &Tokens, i: usize) -> Option<usize> {
    use crate::language::BudgetWord;
    let said = |s: &Span<'_>| {
        (s.end == s.start + 1)
            .then(|| crate::language::budget_word(tokens.key(s.start)))
            .flatten()
    };
    for k in (i.saturating_sub(6)..i).rev() {
        let span = &spans[k];
        match said(span) {
            Some(BudgetWord::Negation) => return Some(k),
            // "no, under 2000" answers; "no i won't pay over 2000" denies.
            Some(BudgetWord::Answer) if k + 1 < i => return Some(k),
            Some(BudgetWord::Filler) => continue,
            _ if matches!(span.item, Item::Marker(Marker::Neg)) && said(span).is_none() => {
                return Some(k);
            }
            _ if matches!(span.item, Item::Stop) => continue,
            _ => return None,
        }
    }
    None
}

/// "5 star" where the store's titles say "star" often (appliances' energy
/// ratings, "5 Star Inverter Split AC"; hotels): the titles' words, not a
/// customer rating. Only the singular right after a whole number, nothing
/// after it ("4 stars and up", "4+ stars" rate).
pub(crate) fn titled_stars(
    spans: &[Span<'_>],
    tokens: &Tokens,
    ops: &mut [(usize, Op)],
    titled: &dyn Fn(&str) -> bool,
) {
    if !titled("star") {
        return;
    }
    for (at, op) in ops.iter_mut() {
        let Op::MinRating(n) = *op else { continue };
        let said_star = spans.get(*at + 1).is_some_and(|s| {
            is_marker(spans, *at + 1, Marker::Stars) && tokens.key(s.start) == "star"
        });
        if said_star
            && n.fract() == 0.0
            && matches!(spans[*at].item, Item::Num(_))
            && !is_marker(spans, *at + 2, Marker::OrMore)
        {
            *op = Op::Text(format!("{n} star"));
        }
    }
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Extracts prices and ratings, marking the spans it uses; pushes
/// `(span index, op)` pairs.
pub(crate) fn extract(
    spans: &[Span<'_>],
    tokens: &Tokens,
    used: &mut [bool],
    ops: &mut Vec<(usize, Op)>,
) {
    let mut min: Option<f64> = None;
    let mut max: Option<f64> = None;
    let mut price_at: Option<usize> = None;
    let mut bound = |at: usize, lo: Option<f64>, hi: Option<f64>, price_at: &mut Option<usize>| {
        if lo.is_some() {
            min = lo;
        }
        if hi.is_some() {
            max = hi;
        }
        price_at.get_or_insert(at);
    };
    let mut i = 0;
    while i < spans.len() {
        if used[i] {
            i += 1;
            continue;
        }
        let mut consumed = i + 1;
        match spans[i].item {
            Item::Marker(Marker::HighlyRated) => ops.push((i, Op::MinRating(4.0))),
            Item::Marker(Marker::Between) => {
                if let Some((a, j)) = amount(spans, i + 1)
                    && connector(spans, tokens, j, true)
                    && let Some((b, k)) = amount(spans, j + 1)
                {
                    let a = lower_in_thousands(a, &spans[i + 1], b, &spans[j + 1]);
                    if let Some(end) = stars(spans, k) {
                        if a.max(b) <= 5.0 {
                            ops.push((i, Op::MinRating(a.min(b))));
                        }
                        consumed = end;
                    } else {
                        bound(i, Some(a.min(b)), Some(a.max(b)), &mut price_at);
                        consumed = k;
                    }
                }
            }
            Item::Marker(
                m @ (Marker::Lt
                | Marker::Gt
                | Marker::Around
                | Marker::From
                | Marker::Rated
                | Marker::OrLess
                | Marker::OrMore),
            ) => {
                // "over 1000 and under 3000": "and under" starts a bound
                let m = match m {
                    Marker::OrLess => Marker::Lt,
                    Marker::OrMore => Marker::Gt,
                    m => m,
                };
                // "nothing above 2000", "não pode passar de 4 mil": the
                // other bound, the words denying it taken with it.
                let denied = matches!(m, Marker::Lt | Marker::Gt)
                    .then(|| denied_from(spans, tokens, i))
                    .flatten()
                    .filter(|_| amount(spans, i + 1).is_some());
                let m = match (denied, m) {
                    (Some(_), Marker::Lt) => Marker::Gt,
                    (Some(_), Marker::Gt) => Marker::Lt,
                    (_, m) => m,
                };
                if let Some(k) = denied {
                    for u in used.iter_mut().take(i).skip(k) {
                        *u = true;
                    }
                }
                let mut at = i + 1;
                // "rated above 4", "rated at least 4"
                if m == Marker::Rated
                    && matches!(
                        spans.get(at),
                        Some(Span {
                            item: Item::Marker(Marker::Gt),
                            ..
                        })
                    )
                {
                    at += 1;
                }
                // "até uns 100", "up to about 100": the bound, about it.
                if matches!(m, Marker::Lt | Marker::Gt | Marker::From)
                    && is_marker(spans, at, Marker::Around)
                {
                    at += 1;
                }
                if let Some((a, j)) = amount(spans, at) {
                    if let Some(end) = stars(spans, j) {
                        if a <= 5.0 && m != Marker::Lt {
                            ops.push((i, Op::MinRating(a)));
                        }
                        consumed = end;
                    } else if m == Marker::Rated {
                        if a <= 5.0 {
                            ops.push((i, Op::MinRating(a)));
                        }
                        consumed = if is_marker(spans, j, Marker::OrMore) {
                            j + 1
                        } else {
                            j
                        };
                    } else if m == Marker::From
                        && connector(spans, tokens, j, false)
                        && let Some((b, k)) = amount(spans, j + 1)
                    {
                        bound(i, Some(a.min(b)), Some(a.max(b)), &mut price_at);
                        consumed = k;
                    } else {
                        // "uns 200 no máximo", "about 300 or less": the
                        // bound said after the amount wins over "about".
                        let after =
                            |marker| is_marker(spans, j, marker) && amount(spans, j + 1).is_none();
                        let (under, over) = (
                            after(Marker::Lt) || after(Marker::OrLess),
                            after(Marker::Gt) || after(Marker::OrMore),
                        );
                        consumed = j;
                        match m {
                            Marker::Lt => bound(i, None, Some(a), &mut price_at),
                            Marker::Gt | Marker::From => bound(i, Some(a), None, &mut price_at),
                            _ if under || over => {
                                let (lo, hi) = if under {
                                    (None, Some(a))
                                } else {
                                    (Some(a), None)
                                };
                                bound(i, lo, hi, &mut price_at);
                                consumed = j + 1;
                            }
                            _ => bound(
                                i,
                                Some(round2(a * (1.0 - AROUND))),
                                Some(round2(a * (1.0 + AROUND))),
                                &mut price_at,
                            ),
                        }
                    }
                } else {
                    // "air max": a bound with no amount is left to be read
                    // as a word where titles use it.
                    consumed = match m {
                        Marker::Lt | Marker::Gt => i,
                        _ => i + 1,
                    };
                }
            }
            Item::Num(a) => {
                let after_size = i > 0
                    && matches!(
                        spans[i - 1].item,
                        Item::Slot(SlotRef::Slot(crate::model::Slot::Size), _)
                            | Item::Marker(Marker::Pick)
                            | Item::Sym('#')
                    );
                let cur_before = i > 0 && currency(spans, i - 1).is_some();
                let (_, j) = amount(spans, i).unwrap_or((a, i + 1));
                let cur_after = j > i + 1;
                if let Some(end) = stars(spans, i + 1) {
                    if a <= 5.0 {
                        ops.push((i, Op::MinRating(a)));
                    }
                    consumed = end;
                } else if after_size {
                    consumed = i; // leave it to sizes and selection
                } else if connector(spans, tokens, j, false)
                    && let Some((b, k)) = amount(spans, j + 1)
                    && stars(spans, k).is_none()
                    // "iphone 14 até 5000" is a model and a budget, not a
                    // range from 14: without a currency, a range's ends
                    // are of one order.
                    && (cur_before || cur_after || k > j + 2 || a.min(b) * 20.0 >= a.max(b)
                        || lower_in_thousands(a, &spans[i], b, &spans[j + 1]) != a)
                    // "tv 4k até 3 mil" is a 4K TV up to 3.000: a range
                    // without a currency goes up.
                    && (cur_before || cur_after || a < b)
                {
                    let a = lower_in_thousands(a, &spans[i], b, &spans[j + 1]);
                    bound(i, Some(a.min(b)), Some(a.max(b)), &mut price_at);
                    consumed = k;
                } else if is_marker(spans, j, Marker::OrLess)
                    // "1000 max": an upper bound after its amount
                    || is_marker(spans, j, Marker::Lt) && amount(spans, j + 1).is_none()
                {
                    bound(i, None, Some(a), &mut price_at);
                    consumed = j + 1;
                } else if is_marker(spans, j, Marker::OrMore)
                    || is_marker(spans, j, Marker::Gt) && amount(spans, j + 1).is_none()
                {
                    bound(i, Some(a), None, &mut price_at);
                    consumed = j + 1;
                } else if cur_before
                    || cur_after
                    || in_thousands(&spans[i], a) && !unit_at(spans, tokens, j)
                {
                    bound(i, None, Some(a), &mut price_at);
                    consumed = j;
                } else {
                    consumed = i;
                }
                if consumed > i && cur_before {
                    used[i - 1] = true;
                }
            }
            // "budget 1000", "orçamento de 500", "price: 300": the price
            // named, then its amount.
            Item::Slot(SlotRef::Price, _) => {
                let mut at = i + 1;
                while matches!(
                    spans.get(at).map(|s| s.item),
                    Some(Item::Stop | Item::Sym(':'))
                ) {
                    at += 1;
                }
                match amount(spans, at) {
                    Some((a, j)) if stars(spans, j).is_none() => {
                        bound(i, None, Some(a), &mut price_at);
                        consumed = j;
                    }
                    _ => consumed = i,
                }
            }
            _ => consumed = i,
        }
        for u in used.iter_mut().take(consumed).skip(i) {
            *u = true;
        }
        i = consumed.max(i + 1);
    }
    if let Some(at) = price_at {
        // The currency the shopper named with the amounts, if any.
        let named = (0..spans.len())
            .filter(|&j| used[j])
            .find_map(|j| currency(spans, j));
        if let Some(code) = named {
            ops.push((at, Op::Currency(code.to_string())));
        }
        if let (Some(lo), Some(hi)) = (min, max)
            && lo > hi
        {
            ops.push((
                at,
                Op::Price {
                    min: Some(hi),
                    max: Some(lo),
                },
            ));
        } else {
            ops.push((at, Op::Price { min, max }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Option<(Option<f64>, Option<f64>)> {
        parse_price_expression(text).map(|r| (r.min, r.max))
    }

    #[test]
    fn a_denied_bound_is_the_other_bound() {
        let under = |v: f64| Some((None, Some(v)));
        let over = |v: f64| Some((Some(v), None));
        assert_eq!(p("nothing above 2000"), under(2000.0));
        assert_eq!(p("nothing over 1500"), under(1500.0));
        assert_eq!(p("i don't want to spend more than 1200"), under(1200.0));
        assert_eq!(p("shouldn't cost more than 1500"), under(1500.0));
        assert_eq!(p("not less than 1000"), over(1000.0));
        assert_eq!(p("nothing below 1000"), over(1000.0));
        assert_eq!(p("não pode passar de 4 mil"), under(4000.0));
        assert_eq!(p("não quero gastar mais de 3000"), under(3000.0));
        assert_eq!(p("nada acima de 3000"), under(3000.0));
        // An answer right before a bound is no denial of it.
        assert_eq!(p("no under 1000"), under(1000.0));
        assert_eq!(p("não, até 3000"), under(3000.0));
        assert_eq!(p("nao ate 3000"), under(3000.0));
        assert_eq!(p("not more than 1500"), under(1500.0));
    }

    #[test]
    fn price_forms() {
        assert_eq!(p("under 3000"), Some((None, Some(3000.0))));
        assert_eq!(p("até R$ 1.299,90"), Some((None, Some(1299.9))));
        assert_eq!(p("between 1k and 2.5k"), Some((Some(1000.0), Some(2500.0))));
        assert_eq!(p("de 100 a 200 reais"), Some((Some(100.0), Some(200.0))));
        assert_eq!(p("500-1000"), Some((Some(500.0), Some(1000.0))));
        assert_eq!(p("over $50"), Some((Some(50.0), None)));
        assert_eq!(p("around 100"), Some((Some(85.0), Some(115.0))));
        // The lower end of a range in thousands is in thousands too.
        assert_eq!(p("entre 7 e 10 mil"), Some((Some(7000.0), Some(10000.0))));
        assert_eq!(p("de 2 a 3 mil"), Some((Some(2000.0), Some(3000.0))));
        assert_eq!(
            p("between 500 and 2 thousand"),
            Some((Some(500.0), Some(2000.0)))
        );
        assert_eq!(p("tv 4k até 3 mil"), Some((None, Some(3000.0))));
        // A capacity in thousands is none.
        assert_eq!(p("ar condicionado 12 mil btus"), None);
        // An amount said in thousands is a budget.
        assert_eq!(p("1,5 mil"), Some((None, Some(1500.0))));
        assert_eq!(p("2 thousand"), Some((None, Some(2000.0))));
        // A bound said about an amount is that bound, before or after it.
        assert_eq!(p("uns 200 reais no máximo"), Some((None, Some(200.0))));
        assert_eq!(p("about 300 or less"), Some((None, Some(300.0))));
        assert_eq!(p("up to about 100"), Some((None, Some(100.0))));
        assert_eq!(p("over around 500"), Some((Some(500.0), None)));
        assert_eq!(p("2 mil reais"), Some((None, Some(2000.0))));
        assert_eq!(p("1,299.90 or less"), Some((None, Some(1299.9))));
        assert_eq!(p("budget 1000"), Some((None, Some(1000.0))));
        assert_eq!(p("1000 max"), Some((None, Some(1000.0))));
        assert_eq!(p("500 min"), Some((Some(500.0), None)));
        assert_eq!(p("orçamento de 500"), Some((None, Some(500.0))));
        assert_eq!(p("4 stars and up"), None);
        assert_eq!(p("black shoes"), None);
        // A model number before a budget is no range's low end…
        assert_eq!(p("iphone 14 até 5000"), Some((None, Some(5000.0))));
        // …but ends of one order, or with a currency, are a range.
        assert_eq!(p("300 a 1000"), Some((Some(300.0), Some(1000.0))));
        assert_eq!(p("R$ 10 a R$ 500"), Some((Some(10.0), Some(500.0))));
        assert_eq!(p("10 a 500 reais"), Some((Some(10.0), Some(500.0))));
    }

    #[test]
    fn prices_in_words() {
        assert_eq!(p("até mil"), Some((None, Some(1000.0))));
        assert_eq!(p("abaixo de mil reais"), Some((None, Some(1000.0))));
        assert_eq!(p("até cem reais"), Some((None, Some(100.0))));
        assert_eq!(p("até mil e quinhentos"), Some((None, Some(1500.0))));
        assert_eq!(p("até 2 mil e 500"), Some((None, Some(2500.0))));
        assert_eq!(p("até dois mil"), Some((None, Some(2000.0))));
        assert_eq!(
            p("entre mil e dois mil"),
            Some((Some(1000.0), Some(2000.0)))
        );
        assert_eq!(
            p("entre quinhentos e mil"),
            Some((Some(500.0), Some(1000.0)))
        );
        assert_eq!(p("under a thousand"), Some((None, Some(1000.0))));
        assert_eq!(p("under one thousand"), Some((None, Some(1000.0))));
        assert_eq!(p("under five hundred"), Some((None, Some(500.0))));
        assert_eq!(p("less than a hundred dollars"), Some((None, Some(100.0))));
        // Numbers said in parts are one number.
        assert_eq!(
            p("under one thousand two hundred"),
            Some((None, Some(1200.0)))
        );
        assert_eq!(
            p("under two thousand five hundred"),
            Some((None, Some(2500.0)))
        );
        assert_eq!(p("under fifteen hundred"), Some((None, Some(1500.0))));
        assert_eq!(p("até duzentos e cinquenta"), Some((None, Some(250.0))));
        assert_eq!(p("até cento e cinquenta reais"), Some((None, Some(150.0))));
        // "k" is a thousand only after a number.
        assert_eq!(p("under k"), None);
    }

    #[test]
    fn a_bare_dollar_is_the_stores_own_dollar() {
        assert_eq!(resolve_currency("DOLLAR", Some("AUD")), "AUD");
        assert_eq!(resolve_currency("DOLLAR", Some("USD")), "USD");
        assert_eq!(resolve_currency("DOLLAR", Some("BRL")), "USD");
        assert_eq!(resolve_currency("DOLLAR", None), "USD");
        assert_eq!(resolve_currency("USD", Some("AUD")), "USD");
        assert_eq!(resolve_currency("INR", Some("INR")), "INR");
    }
}
