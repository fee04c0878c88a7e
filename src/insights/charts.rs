//! The report's charts as inline SVG: the time series of requests and
//! unmet requests, and demand against supply per attribute (paired
//! bars). Each is drawn twice, for a wide screen and for a phone
//! ([`Layout`]); the stylesheet shows one, so text keeps a readable size
//! on both. Shapes carry classes (their colours are in the stylesheet,
//! never inline) and a `<title>` each, which browsers show on hover.
//! Depends on the report's shape, its words and `reply`'s money format;
//! knows nothing of the page the charts are drawn in.

use super::markup::esc;
use super::shape::{FacetDemand, Timeline};
use super::words::{Words, percent};
use crate::reply::Money;
use std::fmt::Write;

/// Which screen a chart is drawn for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A desktop or tablet: labels beside the bars.
    Wide,
    /// A phone: labels above the bars.
    Narrow,
}

impl Layout {
    fn class(self) -> &'static str {
        match self {
            Layout::Wide => "wide",
            Layout::Narrow => "narrow",
        }
    }
}

fn cut(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(chars.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// Requests (light) and unmet requests (dark) per bucket.
pub fn timeline_svg(timeline: &Timeline, words: &Words, money: &Money, layout: Layout) -> String {
    let (width, height, left, right, bottom, ticks) = match layout {
        Layout::Wide => (800.0, 220.0, 48.0, 24.0, 28.0, 8),
        Layout::Narrow => (360.0, 180.0, 30.0, 10.0, 24.0, 3),
    };
    let top = timeline
        .points
        .iter()
        .map(|p| p.requests)
        .max()
        .unwrap_or(0)
        .max(1);
    let n = timeline.points.len().max(1) as f64;
    let step = (width - left - right) / n;
    let bar = (step * 0.8).max(1.0);
    let scale = (height - bottom - 10.0) / top as f64;
    let base = height - bottom;
    let mut out = format!(
        "<svg class=\"chart timeline {}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\">\n",
        layout.class(),
        esc(words.timeline)
    );
    let _ = writeln!(
        out,
        "<line class=\"axis\" x1=\"{left}\" y1=\"{base}\" x2=\"{}\" y2=\"{base}\"></line>\
         <text class=\"tick\" x=\"{}\" y=\"16\" text-anchor=\"end\">{}</text>\
         <text class=\"tick\" x=\"{}\" y=\"{base}\" text-anchor=\"end\">0</text>",
        width - right,
        left - 6.0,
        money.count(top),
        left - 6.0
    );
    let every = (timeline.points.len() / ticks).max(1);
    for (i, p) in timeline.points.iter().enumerate() {
        let x = left + i as f64 * step + (step - bar) / 2.0;
        let h_all = p.requests as f64 * scale;
        let h_unmet = p.unmet as f64 * scale;
        let tip = format!(
            "{}: {} {}, {} {}",
            p.label,
            money.count(p.requests),
            words.legend_requests,
            money.count(p.unmet),
            words.legend_unmet
        );
        let _ = writeln!(
            out,
            "<g><title>{}</title><rect class=\"bar-requests\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{h_all:.1}\"></rect>\
             <rect class=\"bar-unmet\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{h_unmet:.1}\"></rect></g>",
            esc(&tip),
            base - h_all,
            base - h_unmet
        );
        if i % every == 0 {
            let label = p.label.get(5..).unwrap_or(&p.label);
            let _ = writeln!(
                out,
                "<text class=\"tick\" x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                x + bar / 2.0,
                height - 8.0,
                esc(label)
            );
        }
    }
    out.push_str("</svg>\n");
    out
}

/// Paired bars: each value's share of demand and of the catalog.
pub fn facet_svg(facet: &FacetDemand, words: &Words, money: &Money, layout: Layout) -> String {
    const ROWS: usize = 10;
    let values: Vec<_> = facet.values.iter().take(ROWS).collect();
    // Where bars start, the room left after them for a percentage, a row's height.
    let (width, bars_x, room, row_h) = match layout {
        Layout::Wide => (800.0, 220.0, 60.0, 30.0),
        Layout::Narrow => (360.0, 0.0, 44.0, 42.0),
    };
    let height = row_h * values.len().max(1) as f64 + 6.0;
    let top = values
        .iter()
        .flat_map(|v| [v.demand_share, v.supply_share])
        .fold(0.0f64, f64::max)
        .max(0.01);
    let scale = (width - bars_x - room) / top;
    let mut out = format!(
        "<svg class=\"chart supply {}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\">\n",
        layout.class(),
        esc(&facet.label)
    );
    for (i, v) in values.iter().enumerate() {
        let row = i as f64 * row_h + 3.0;
        let (d, s) = (v.demand_share * scale, v.supply_share * scale);
        let tip = format!(
            "{}: {} {} ({}), {} {} ({})",
            v.label,
            money.count(v.requests),
            words.col_requests,
            percent(v.demand_share),
            money.count(v.products),
            words.col_products,
            percent(v.supply_share)
        );
        // The label beside the bars (wide) or above them (narrow).
        let (label, bars_y) = match layout {
            Layout::Wide => (
                format!(
                    "<text class=\"label\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
                    bars_x - 8.0,
                    row + 16.0,
                    esc(&cut(&v.label, 30))
                ),
                row + 1.0,
            ),
            Layout::Narrow => (
                format!(
                    "<text class=\"label\" x=\"0\" y=\"{:.1}\">{}</text>",
                    row + 11.0,
                    esc(&cut(&v.label, 40))
                ),
                row + 15.0,
            ),
        };
        let _ = writeln!(
            out,
            "<g><title>{}</title>{label}\
             <rect class=\"bar-demand\" x=\"{bars_x}\" y=\"{bars_y:.1}\" width=\"{d:.1}\" height=\"11\"></rect>\
             <rect class=\"bar-supply\" x=\"{bars_x}\" y=\"{:.1}\" width=\"{s:.1}\" height=\"11\"></rect>\
             <text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\">{}</text>\
             <text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\">{}</text></g>",
            esc(&tip),
            bars_y + 12.0,
            bars_x + d + 4.0,
            bars_y + 9.0,
            percent(v.demand_share),
            bars_x + s + 4.0,
            bars_y + 21.0,
            percent(v.supply_share)
        );
    }
    out.push_str("</svg>\n");
    out
}
