//! The report as text for a terminal: aligned columns, counts and prices
//! in the report's language and the catalog's currency.

use super::shape::Report;
use super::words::{Words, fill, percent, words};
use crate::reply::Money;
use std::fmt::Write;

use crate::text::cell;

/// Rows as aligned columns; `right` says which columns align right.
fn columns(rows: &[Vec<String>], right: &[bool]) -> String {
    let mut widths = vec![0usize; rows.first().map_or(0, Vec::len)];
    for row in rows {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut out = String::new();
    for row in rows {
        let mut line = String::from("  ");
        for (i, (c, w)) in row.iter().zip(&widths).enumerate() {
            let pad = " ".repeat(w.saturating_sub(c.chars().count()));
            if right.get(i).copied().unwrap_or(false) {
                line.push_str(&pad);
                line.push_str(c);
            } else {
                line.push_str(c);
                line.push_str(&pad);
            }
            line.push_str("  ");
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The summary lines every format starts with.
pub fn summary_lines(report: &Report, words: &Words, money: &Money) -> Vec<String> {
    let day = |iso: &str| iso.get(..10).unwrap_or(iso).to_string();
    let period = &report.period;
    let mut lines = Vec::new();
    if report.health.turns == 0 {
        lines.push(words.no_turns.to_string());
    } else {
        let from = day(period
            .since
            .as_deref()
            .or(period.first_turn.as_deref())
            .unwrap_or(""));
        let to = match (&period.since, &period.last_turn) {
            (None, Some(last)) => day(last),
            _ => day(&period.until),
        };
        lines.push(fill(
            words.summary,
            &[
                ("turns", &money.count(report.health.turns)),
                ("conversations", &money.count(report.health.conversations)),
                ("from", &from),
                ("to", &to),
            ],
        ));
    }
    lines.push(fill(
        words.sources,
        &[
            ("turns", &money.count(report.log.turns)),
            ("files", &money.count(report.log.files as u64)),
        ],
    ));
    if report.log.skipped_lines > 0 {
        lines.push(fill(
            words.skipped,
            &[
                ("skipped", &money.count(report.log.skipped_lines)),
                ("torn", &money.count(report.log.torn_lines)),
            ],
        ));
    }
    if report.log.dropped_turns > 0 {
        lines.push(fill(
            words.dropped,
            &[("dropped", &money.count(report.log.dropped_turns))],
        ));
    }
    lines
}

/// The report as a terminal table.
pub fn render_table(report: &Report) -> String {
    let words = words(report.language);
    let money = Money::new(report.catalog.currency.as_deref(), report.language);
    let mut out = String::new();
    let _ = writeln!(out, "{}", words.title);
    for line in summary_lines(report, words, &money) {
        let _ = writeln!(out, "{line}");
    }

    let _ = writeln!(out, "\n{}", words.unmet);
    if report.unmet.is_empty() {
        let _ = writeln!(out, "  {}", words.unmet_none);
    } else {
        let mut rows = vec![vec![
            words.col_asked.to_string(),
            words.col_shoppers.to_string(),
            words.col_now.to_string(),
            words.col_what.to_string(),
            words.col_closest.to_string(),
        ]];
        for u in &report.unmet {
            let closest: Vec<&str> = u.closest.iter().map(|c| c.label.as_str()).collect();
            let closest = if closest.is_empty() {
                words.nothing_close.to_string()
            } else {
                closest.join(" · ")
            };
            rows.push(vec![
                money.count(u.requests),
                money.count(u.conversations),
                money.count(u.matching_now),
                cell(&u.label, 48),
                closest,
            ]);
        }
        out.push_str(&columns(&rows, &[true, true, true, false, false]));
    }

    let _ = writeln!(out, "\n{}", words.gaps);
    if report.gaps.is_empty() {
        let _ = writeln!(out, "  {}", words.gaps_none);
    } else {
        let mut rows = vec![vec![
            words.col_times.to_string(),
            words.col_word.to_string(),
            words.col_likely.to_string(),
        ]];
        for g in &report.gaps {
            let likely: Vec<&str> = g.likely.iter().map(|l| l.label.as_str()).collect();
            rows.push(vec![
                money.count(g.turns),
                cell(&g.word, 32),
                if likely.is_empty() {
                    "—".into()
                } else {
                    likely.join(" · ")
                },
            ]);
        }
        out.push_str(&columns(&rows, &[true, false, false]));
    }

    let _ = writeln!(out, "\n{}", words.supply);
    for facet in &report.demand {
        let _ = writeln!(
            out,
            "  {} ({}: {})",
            facet.label,
            words.col_requests,
            money.count(facet.requests)
        );
        let mut rows = vec![vec![
            String::new(),
            words.col_requests.to_string(),
            words.col_demand.to_string(),
            words.col_products.to_string(),
            words.col_supply.to_string(),
        ]];
        for v in facet.values.iter().take(10) {
            rows.push(vec![
                cell(&v.label, 32),
                money.count(v.requests),
                percent(v.demand_share),
                money.count(v.products),
                percent(v.supply_share),
            ]);
        }
        let table = columns(&rows, &[false, true, true, true, true]);
        for line in table.lines() {
            let _ = writeln!(out, "  {line}");
        }
    }

    let h = &report.health;
    let _ = writeln!(out, "\n{}", words.health);
    if h.searches > 0 {
        let _ = writeln!(
            out,
            "  {} {} · {} {} · {} {} ({})",
            percent(h.exact_share),
            words.exact,
            percent(h.relaxed_share),
            words.relaxed,
            percent(h.empty_share),
            words.empty,
            fill(words.of_searches, &[("n", &money.count(h.searches))])
        );
    }
    let _ = writeln!(
        out,
        "  {} {} · {} {}",
        money.count(h.details),
        words.details,
        money.count(h.chat),
        words.chat
    );
    if !h.languages.is_empty() {
        let langs: Vec<String> = h
            .languages
            .iter()
            .map(|(code, n)| {
                let name = words.language_of_code(code);
                format!(
                    "{name} {}",
                    percent(n.to_owned() as f64 / h.turns.max(1) as f64)
                )
            })
            .collect();
        let _ = writeln!(out, "  {}: {}", words.languages, langs.join(", "));
    }
    if h.conversations > 0 {
        let median = if h.median_turns_per_conversation.fract() == 0.0 {
            format!("{}", h.median_turns_per_conversation)
        } else {
            format!("{:.1}", h.median_turns_per_conversation)
        };
        let _ = writeln!(out, "  {}", fill(words.median_turns, &[("n", &median)]));
    }
    out
}
