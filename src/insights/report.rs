//! The insights report: the figures `vitrine insights` prints and the admin
//! page draws, computed from the turns of the logs ([`super::read`]) and
//! measured against the live catalog through a counting closure
//! ([`Probe`]), so supply is exact for any combination. Its JSON is a
//! stable shape (`docs/insights.md`); its labels are in the report's
//! language ([`super::words`]), prices in the catalog's currency
//! ([`Money`]).
//!
//! Computed from *requests* (`request.rs`); demand against supply
//! and the vocabulary gaps are computed by [`super::demand`] and
//! [`super::gaps`], which know nothing of the report beyond its shape
//! ([`super::shape`]) and the catalog's supply ([`super::supply`]).

use super::demand::{demand_vs_supply, price_bands};
use super::event::{Answered, Asked, TurnEvent};
use super::gaps::vocabulary_gaps;
use super::read::LogSet;
use super::request::{Request, requests};
use super::shape::share;
use super::time::{DAY_MS, HOUR_MS, iso_date, iso_datetime, iso_hour};
use super::words::{Words, fill, words};
use crate::error::Result;
use crate::model::{ConstraintKind, Constraints, Lang, Slot};
use crate::reply::{Money, book, describe};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Alternatives listed per unmet combination.
const CLOSEST: usize = 4;

/// The version of the report's JSON shape.
pub const REPORT_VERSION: u32 = 1;

/// How to build a report.
#[derive(Debug, Clone, Copy)]
pub struct ReportOptions {
    /// The language of the labels.
    pub lang: Lang,
    /// Rows per list (unmet combinations, gaps, values per facet).
    pub top: usize,
    /// Start of the period (Unix ms); `None`: everything logged.
    pub since: Option<u64>,
    /// Now (Unix ms): the end of the period.
    pub now: u64,
}

pub use super::supply::{Catalog, Measure, Probe};

pub use super::shape::{
    CatalogSummary, Closest, Evidence, FacetDemand, Gap, Health, Likely, LogSummary, Period, Point,
    Report, Timeline, Unmet, ValueDemand,
};

/// Computes the report of `set` against `catalog`.
pub fn build(
    set: &LogSet,
    catalog: &Catalog,
    probe: Probe<'_>,
    options: &ReportOptions,
) -> Result<Report> {
    let words = words(options.lang);
    let money = Money::new(catalog.currency.as_deref(), options.lang);
    let requests = requests(&set.events);
    let unmet = unmet_demand(&requests, probe, options.top, &money, words)?;
    let gaps = vocabulary_gaps(&set.events, catalog, options.top, options.lang);
    let mut demand = demand_vs_supply(&requests, catalog, options.top, options.lang);
    if let Some(prices) = price_bands(&requests, catalog, probe, &money, words)? {
        demand.push(prices);
    }
    Ok(Report {
        version: REPORT_VERSION,
        generated_at: iso_datetime(options.now),
        language: options.lang,
        period: Period {
            since: options.since.map(iso_datetime),
            until: iso_datetime(options.now),
            first_turn: set.events.first().map(|e| iso_datetime(e.at)),
            last_turn: set.events.last().map(|e| iso_datetime(e.at)),
        },
        catalog: CatalogSummary {
            products: catalog.products,
            currency: catalog.currency.clone(),
            index_version: catalog.version,
        },
        log: LogSummary {
            files: set.files.len(),
            turns: set.events.len() as u64,
            skipped_lines: set.skipped,
            torn_lines: set.torn,
            dropped_turns: set.dropped,
            turns_before: set.before,
        },
        health: health(&set.events),
        unmet,
        gaps,
        demand,
        timeline: timeline(&set.events, &requests, options),
    })
}

fn health(events: &[TurnEvent]) -> Health {
    let count = |answer| events.iter().filter(|e| e.answer == answer).count() as u64;
    let (exact, relaxed, empty) = (
        count(Answered::Exact),
        count(Answered::Relaxed),
        count(Answered::Empty),
    );
    let (details, chat) = (count(Answered::Details), count(Answered::Chat));
    let searches = exact + relaxed + empty;
    let mut per_session: HashMap<&str, u64> = HashMap::new();
    let mut languages: BTreeMap<String, u64> = BTreeMap::new();
    for e in events {
        *per_session.entry(e.session.as_str()).or_default() += 1;
        *languages.entry(e.lang.code().to_string()).or_default() += 1;
    }
    let mut lengths: Vec<u64> = per_session.into_values().collect();
    lengths.sort_unstable();
    let median = match lengths.len() {
        0 => 0.0,
        n if n % 2 == 1 => lengths[n / 2] as f64,
        n => (lengths[n / 2 - 1] + lengths[n / 2]) as f64 / 2.0,
    };
    Health {
        turns: events.len() as u64,
        conversations: lengths.len() as u64,
        searches,
        exact,
        relaxed,
        empty,
        details,
        chat,
        exact_share: share(exact, searches),
        relaxed_share: share(relaxed, searches),
        empty_share: share(empty, searches),
        languages,
        median_turns_per_conversation: median,
    }
}

/// One unmet combination being gathered.
struct Gathered<'a> {
    asked: &'a Asked,
    requests: u64,
    sessions: HashSet<&'a str>,
    first: u64,
    last: u64,
}

fn unmet_demand(
    requests: &[Request<'_>],
    probe: Probe<'_>,
    top: usize,
    money: &Money,
    words: &Words,
) -> Result<Vec<Unmet>> {
    let mut by_key: HashMap<&str, Gathered<'_>> = HashMap::new();
    for r in requests.iter().filter(|r| r.event.exact == 0) {
        let g = by_key.entry(r.key.as_str()).or_insert_with(|| Gathered {
            asked: &r.event.asked,
            requests: 0,
            sessions: HashSet::new(),
            first: r.event.at,
            last: r.event.at,
        });
        g.requests += 1;
        g.sessions.insert(r.event.session.as_str());
        g.first = g.first.min(r.event.at);
        g.last = g.last.max(r.event.at);
    }
    let mut gathered: Vec<(&str, Gathered<'_>)> = by_key.into_iter().collect();
    gathered.sort_by(|(ka, a), (kb, b)| {
        b.requests
            .cmp(&a.requests)
            .then(b.sessions.len().cmp(&a.sessions.len()))
            .then(ka.cmp(kb))
    });
    gathered
        .into_iter()
        .take(top)
        .map(|(_, g)| {
            let constraints = g.asked.constraints();
            let now = probe(&constraints)?;
            let kinds = constraints.kinds();
            let mut closest = Vec::new();
            for kind in &kinds {
                let mut without = constraints.clone();
                leave_out(&mut without, kind);
                let m = probe(&without)?;
                let count = m.count.saturating_sub(now.count);
                if count > 0 {
                    let label = closest_label(kind, count, &constraints, &m, money, words);
                    closest.push(Closest {
                        relax: vec![kind.clone()],
                        count,
                        lowest_price: m.lowest,
                        highest_price: m.highest,
                        label,
                    });
                }
            }
            // Nothing with one left out: what two left out find.
            if closest.is_empty() {
                for (i, a) in kinds.iter().enumerate() {
                    for b in &kinds[i + 1..] {
                        let mut without = constraints.clone();
                        leave_out(&mut without, a);
                        leave_out(&mut without, b);
                        if without.is_empty() {
                            continue;
                        }
                        let m = probe(&without)?;
                        let count = m.count.saturating_sub(now.count);
                        if count > 0 {
                            let what = describe(&without, money);
                            let label =
                                fill(words.rest, &[("n", &money.count(count)), ("what", &what)]);
                            closest.push(Closest {
                                relax: vec![a.clone(), b.clone()],
                                count,
                                lowest_price: m.lowest,
                                highest_price: m.highest,
                                label,
                            });
                        }
                    }
                }
            }
            // What keeps the product type first: it is what was shopped for.
            let drops_type = |c: &Closest| {
                c.relax.len() > 1 && c.relax.contains(&ConstraintKind::Facet(Slot::Type))
            };
            closest.sort_by(|a, b| {
                drops_type(a)
                    .cmp(&drops_type(b))
                    .then(b.count.cmp(&a.count))
                    .then(a.relax.cmp(&b.relax))
            });
            closest.truncate(CLOSEST);
            Ok(Unmet {
                asked: g.asked.clone(),
                label: describe(&constraints, money),
                requests: g.requests,
                conversations: g.sessions.len() as u64,
                first_asked: iso_datetime(g.first),
                last_asked: iso_datetime(g.last),
                matching_now: now.count,
                closest,
            })
        })
        .collect()
}

/// Removes one kind of constraint.
pub(super) fn leave_out(c: &mut Constraints, kind: &ConstraintKind) {
    match kind {
        ConstraintKind::Facet(slot) => {
            c.facets.remove(slot);
        }
        ConstraintKind::Price => {
            c.price_min = None;
            c.price_max = None;
        }
        ConstraintKind::Rating => c.min_rating = None,
        ConstraintKind::Text => {
            c.text.clear();
            c.excluded_text.clear();
        }
    }
}

/// "4 in other colours", "12 above ₹1,000 (from ₹1,199)".
fn closest_label(
    kind: &ConstraintKind,
    count: u64,
    asked: &Constraints,
    m: &Measure,
    money: &Money,
    words: &Words,
) -> String {
    let n = money.count(count);
    let n = n.as_str();
    match kind {
        ConstraintKind::Facet(slot) => {
            let template = match slot {
                Slot::Type => words.other_type,
                Slot::Brand => words.other_brand,
                Slot::Color => words.other_color,
                Slot::Gender => words.other_gender,
                Slot::Size => words.other_size,
                Slot::Material => words.other_material,
                Slot::Extra(_) => words.other_extra,
            };
            let facet = book(money.lang).constraint(kind);
            fill(template, &[("n", n), ("facet", &facet)])
        }
        ConstraintKind::Price => {
            let (label, at) = match (asked.price_min, asked.price_max) {
                (None, Some(max)) => (
                    fill(words.above, &[("n", n), ("price", &money.price(max))]),
                    m.lowest,
                ),
                (Some(min), None) => (
                    fill(words.below, &[("n", n), ("price", &money.price(min))]),
                    m.highest,
                ),
                (min, max) => {
                    let range = book(money.lang)
                        .price_range(min, max, money)
                        .unwrap_or_default();
                    (fill(words.outside, &[("n", n), ("range", &range)]), None)
                }
            };
            match at {
                Some(p) => format!(
                    "{label} ({})",
                    fill(words.from_price, &[("price", &money.price(p))])
                ),
                None => label,
            }
        }
        ConstraintKind::Rating => fill(words.rated_lower, &[("n", n)]),
        ConstraintKind::Text => {
            let list: Vec<String> = asked.text.clone();
            fill(words.without_words, &[("n", n), ("words", &list.join(" "))])
        }
    }
}

fn timeline(events: &[TurnEvent], requests: &[Request<'_>], options: &ReportOptions) -> Timeline {
    let (Some(first), Some(last)) = (events.first(), events.last()) else {
        return Timeline {
            bucket: "day".into(),
            points: Vec::new(),
        };
    };
    let start = options.since.unwrap_or(first.at).min(first.at);
    let end = last.at.max(options.since.map_or(last.at, |_| options.now));
    let span = end.saturating_sub(start);
    let (name, size) = if span <= 2 * DAY_MS {
        ("hour", HOUR_MS)
    } else if span <= 400 * DAY_MS {
        ("day", DAY_MS)
    } else {
        ("week", 7 * DAY_MS)
    };
    let from = start / size * size;
    let buckets = ((end / size * size - from) / size + 1) as usize;
    let mut points: Vec<Point> = (0..buckets)
        .map(|i| {
            let at = from + i as u64 * size;
            Point {
                start: iso_datetime(at),
                label: if size == HOUR_MS {
                    iso_hour(at)
                } else {
                    iso_date(at)
                },
                turns: 0,
                requests: 0,
                unmet: 0,
            }
        })
        .collect();
    let slot = |at: u64| ((at.max(from) - from) / size) as usize;
    for e in events {
        if let Some(p) = points.get_mut(slot(e.at)) {
            p.turns += 1;
        }
    }
    for r in requests {
        if let Some(p) = points.get_mut(slot(r.event.at)) {
            p.requests += 1;
            p.unmet += u64::from(r.event.exact == 0);
        }
    }
    Timeline {
        bucket: name.into(),
        points,
    }
}
