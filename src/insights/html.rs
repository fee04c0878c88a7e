//! The report as an HTML page with its charts drawn as inline SVG: the
//! share of searches answered exactly, with alternatives or not at all;
//! requests and unmet requests over time; demand against supply for each
//! attribute. No script, no inline style, no external resource: the page
//! keeps to the server's Content-Security-Policy (`vitrine serve` links
//! the stylesheet from `/admin/insights.css`), and the file `vitrine
//! insights --format html` writes carries the same stylesheet inside it.
//! Every text is escaped ([`super::markup`]). Depends on the report's
//! shape and words, the charts and the table's summary lines; computes
//! nothing.

use super::charts::{Layout, facet_svg, timeline_svg};
use super::markup::esc;
use super::shape::{FacetDemand, Report, Timeline};
use super::table::summary_lines;
use super::words::{PERIODS, Words, fill, percent, words};
use crate::reply::Money;
use std::fmt::Write;

/// The stylesheet of the report and the admin page.
pub const STYLESHEET: &str = include_str!("../../static/admin.css");

/// Where the page's stylesheet comes from.
#[derive(Debug, Clone, Copy)]
pub enum Stylesheet<'a> {
    /// Inside the page (a standalone file).
    Inline,
    /// Linked from this URL (served under a CSP without inline styles).
    Link(&'a str),
}

/// The admin page's controls around the report.
#[derive(Debug, Clone, Copy)]
pub struct AdminControls<'a> {
    /// The period shown (`7d`, `all`...).
    pub since: &'a str,
    /// Where the figures are as JSON (same period).
    pub json_href: &'a str,
    /// Where the sign-out form posts.
    pub sign_out_action: &'a str,
}

/// The head of a page: title, charset, stylesheet.
pub fn head(title: &str, lang: crate::model::Lang, stylesheet: Stylesheet<'_>) -> String {
    let html_lang = match lang {
        crate::model::Lang::En => "en",
        crate::model::Lang::Pt => "pt-BR",
    };
    let style = match stylesheet {
        Stylesheet::Inline => format!("<style>\n{STYLESHEET}</style>"),
        Stylesheet::Link(href) => format!("<link rel=\"stylesheet\" href=\"{}\">", esc(href)),
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n<title>{}</title>\n{style}\n</head>\n",
        esc(title)
    )
}

/// The whole page.
pub fn render_html(
    report: &Report,
    stylesheet: Stylesheet<'_>,
    admin: Option<AdminControls<'_>>,
) -> String {
    let words = words(report.language);
    let money = Money::new(report.catalog.currency.as_deref(), report.language);
    let mut out = head(words.title, report.language, stylesheet);
    out.push_str("<body class=\"insights\">\n<header>\n");
    let _ = writeln!(out, "<h1>{}</h1>", esc(words.title));
    if let Some(admin) = admin {
        out.push_str(&controls(words, admin));
    }
    out.push_str("</header>\n<main>\n<section class=\"summary\">\n");
    for line in summary_lines(report, words, &money) {
        let _ = writeln!(out, "<p>{}</p>", esc(&line));
    }
    out.push_str("</section>\n");
    out.push_str(&health_section(report, words, &money));
    out.push_str(&timeline_section(&report.timeline, words, &money));
    out.push_str(&unmet_section(report, words, &money));
    out.push_str(&gaps_section(report, words, &money));
    out.push_str(&supply_section(report, words, &money));
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn controls(words: &Words, admin: AdminControls<'_>) -> String {
    let mut out =
        String::from("<nav class=\"controls\">\n<form method=\"get\" class=\"period\">\n");
    let _ = writeln!(
        out,
        "<label for=\"since\">{}</label>\n<select id=\"since\" name=\"since\">",
        esc(words.period)
    );
    for (value, label) in PERIODS.iter().zip(words.periods) {
        let selected = if *value == admin.since {
            " selected"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<option value=\"{value}\"{selected}>{}</option>",
            esc(label)
        );
    }
    let _ = writeln!(
        out,
        "</select>\n<input type=\"hidden\" name=\"lang\" value=\"{}\">\n<button type=\"submit\">{}</button>\n</form>",
        words.lang.code(),
        esc(words.show)
    );
    let _ = writeln!(
        out,
        "<a class=\"json\" href=\"{}\">{}</a>",
        esc(admin.json_href),
        esc(words.download_json)
    );
    let _ = writeln!(
        out,
        "<form method=\"post\" action=\"{}\" class=\"sign-out\"><button type=\"submit\">{}</button></form>\n</nav>",
        esc(admin.sign_out_action),
        esc(words.sign_out)
    );
    out
}

fn health_section(report: &Report, words: &Words, money: &Money) -> String {
    let h = &report.health;
    let mut out = format!("<section id=\"health\">\n<h2>{}</h2>\n", esc(words.health));
    if h.searches > 0 {
        let parts = [
            ("exact", h.exact_share, words.exact),
            ("relaxed", h.relaxed_share, words.relaxed),
            ("empty", h.empty_share, words.empty),
        ];
        let _ = writeln!(
            out,
            "<svg class=\"chart health-bar\" viewBox=\"0 0 800 40\" role=\"img\" aria-label=\"{}\">",
            esc(words.health)
        );
        let mut x = 0.0;
        for (class, share, label) in parts {
            let w = share * 800.0;
            if w > 0.0 {
                let _ = writeln!(
                    out,
                    "<rect class=\"part-{class}\" x=\"{x:.1}\" y=\"0\" width=\"{w:.1}\" height=\"40\"><title>{} {}</title></rect>",
                    percent(share),
                    esc(label)
                );
            }
            x += w;
        }
        out.push_str("</svg>\n<ul class=\"legend\">\n");
        for (class, share, label) in parts {
            let _ = writeln!(
                out,
                "<li><span class=\"swatch part-{class}\"></span>{} {}</li>",
                percent(share),
                esc(label)
            );
        }
        let _ = writeln!(
            out,
            "<li>{}</li>\n</ul>",
            esc(&fill(words.of_searches, &[("n", &money.count(h.searches))]))
        );
    }
    let mut facts = vec![
        format!("{} {}", money.count(h.details), words.details),
        format!("{} {}", money.count(h.chat), words.chat),
    ];
    if h.conversations > 0 {
        let median = format!(
            "{}",
            (h.median_turns_per_conversation * 10.0).round() / 10.0
        );
        facts.push(fill(words.median_turns, &[("n", &median)]));
    }
    let langs: Vec<String> = h
        .languages
        .iter()
        .map(|(code, n)| {
            let name = words.language_of_code(code);
            format!("{name} {}", money.count(*n))
        })
        .collect();
    if !langs.is_empty() {
        facts.push(format!("{}: {}", words.languages, langs.join(", ")));
    }
    out.push_str("<ul class=\"facts\">\n");
    for f in facts {
        let _ = writeln!(out, "<li>{}</li>", esc(&f));
    }
    out.push_str("</ul>\n</section>\n");
    out
}

fn timeline_section(timeline: &Timeline, words: &Words, money: &Money) -> String {
    let mut out = format!(
        "<section id=\"timeline\">\n<h2>{}</h2>\n",
        esc(words.timeline)
    );
    if timeline.points.is_empty() {
        let _ = writeln!(out, "<p>{}</p>\n</section>", esc(words.no_turns));
        return out;
    }
    for layout in [Layout::Wide, Layout::Narrow] {
        out.push_str(&timeline_svg(timeline, words, money, layout));
    }
    let _ = writeln!(
        out,
        "<ul class=\"legend\">\n<li><span class=\"swatch bar-requests\"></span>{}</li>\n<li><span class=\"swatch bar-unmet\"></span>{}</li>\n</ul>\n</section>",
        esc(words.legend_requests),
        esc(words.legend_unmet)
    );
    out
}

fn unmet_section(report: &Report, words: &Words, money: &Money) -> String {
    let mut out = format!(
        "<section id=\"unmet\">\n<h2>{}</h2>\n<p class=\"note\">{}</p>\n",
        esc(words.unmet),
        esc(words.unmet_note)
    );
    if report.unmet.is_empty() {
        let _ = writeln!(out, "<p>{}</p>\n</section>", esc(words.unmet_none));
        return out;
    }
    let _ = writeln!(
        out,
        "<div class=\"table-wrap\"><table>\n<thead><tr><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        esc(words.col_asked),
        esc(words.col_shoppers),
        esc(words.col_now),
        esc(words.col_what),
        esc(words.col_closest)
    );
    for u in &report.unmet {
        let closest = if u.closest.is_empty() {
            esc(words.nothing_close)
        } else {
            u.closest
                .iter()
                .map(|c| esc(&c.label))
                .collect::<Vec<_>>()
                .join("<br>")
        };
        let _ = writeln!(
            out,
            "<tr><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td>{closest}</td></tr>",
            money.count(u.requests),
            money.count(u.conversations),
            money.count(u.matching_now),
            esc(&u.label)
        );
    }
    out.push_str("</tbody>\n</table></div>\n</section>\n");
    out
}

fn gaps_section(report: &Report, words: &Words, money: &Money) -> String {
    let mut out = format!(
        "<section id=\"gaps\">\n<h2>{}</h2>\n<p class=\"note\">{}</p>\n",
        esc(words.gaps),
        esc(words.gaps_note)
    );
    if report.gaps.is_empty() {
        let _ = writeln!(out, "<p>{}</p>\n</section>", esc(words.gaps_none));
        return out;
    }
    let _ = writeln!(
        out,
        "<div class=\"table-wrap\"><table>\n<thead><tr><th class=\"num\">{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        esc(words.col_times),
        esc(words.col_word),
        esc(words.col_likely)
    );
    for g in &report.gaps {
        let likely = if g.likely.is_empty() {
            "—".to_string()
        } else {
            g.likely
                .iter()
                .map(|l| esc(&l.label))
                .collect::<Vec<_>>()
                .join("<br>")
        };
        let _ = writeln!(
            out,
            "<tr><td class=\"num\">{}</td><td><strong>{}</strong></td><td>{likely}</td></tr>",
            money.count(g.turns),
            esc(&g.word)
        );
    }
    out.push_str("</tbody>\n</table></div>\n</section>\n");
    out
}

fn supply_section(report: &Report, words: &Words, money: &Money) -> String {
    let mut out = format!(
        "<section id=\"supply\">\n<h2>{}</h2>\n<p class=\"note\">{}</p>\n<ul class=\"legend\">\n\
         <li><span class=\"swatch bar-demand\"></span>{}</li>\n<li><span class=\"swatch bar-supply\"></span>{}</li>\n</ul>\n",
        esc(words.supply),
        esc(words.supply_note),
        esc(words.col_demand),
        esc(words.col_supply)
    );
    for facet in &report.demand {
        out.push_str(&facet_chart(facet, words, money));
    }
    out.push_str("</section>\n");
    out
}

/// One attribute's chart, drawn for both layouts.
fn facet_chart(facet: &FacetDemand, words: &Words, money: &Money) -> String {
    let mut out = format!(
        "<figure class=\"facet\" data-facet=\"{}\">\n<figcaption>{} <span class=\"count\">({}: {})</span></figcaption>\n",
        esc(&facet.facet),
        esc(&facet.label),
        esc(words.col_requests),
        money.count(facet.requests)
    );
    for layout in [Layout::Wide, Layout::Narrow] {
        out.push_str(&facet_svg(facet, words, money, layout));
    }
    out.push_str("</figure>\n");
    out
}

/// The admin page's sign-in form; `wrong` adds the wrong-token notice.
pub fn render_login(
    lang: crate::model::Lang,
    action: &str,
    stylesheet: &str,
    wrong: bool,
) -> String {
    let words = words(lang);
    let mut out = head(words.login_title, lang, Stylesheet::Link(stylesheet));
    out.push_str("<body class=\"insights login\">\n<main>\n");
    let _ = writeln!(out, "<h1>{}</h1>", esc(words.login_title));
    if wrong {
        let _ = writeln!(
            out,
            "<p class=\"error\" role=\"alert\">{}</p>",
            esc(words.login_wrong)
        );
    }
    let _ = writeln!(
        out,
        "<form method=\"post\" action=\"{}\">\n<label for=\"token\">{}</label>\n\
         <input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"current-password\" required autofocus>\n\
         <button type=\"submit\">{}</button>\n</form>\n</main>\n</body>\n</html>",
        esc(action),
        esc(words.login_token),
        esc(words.login_button)
    );
    out
}
