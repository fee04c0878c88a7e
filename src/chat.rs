//! The terminal chat: the same [`Engine`] as the server, on any reader and
//! writer, so `vitrine chat` is a thin wrapper and tests can drive it.
//!
//! Each line read is one message. The answer is the reply, the products as
//! an aligned table (`#`, id, title, brand, price) and the suggestions. A
//! line `quit`, `exit` or `sair`, or the end of the input, ends the chat.
//! Every word and price is the reply's: in the conversation's language and
//! the catalog's currency. Apart from
//! an optional banner, the only prompt is a plain `> `, so the output of a
//! piped session is easy to read and to test.

use crate::catalog::Product;
use crate::dialog::Session;
use crate::engine::{Engine, Turn};
use crate::error::{Error, Result};
use crate::model::Lang;
use crate::reply;
use std::io::{BufRead, Write};

/// Settings of [`run_chat`].
#[derive(Debug, Clone)]
pub struct ChatOptions {
    /// Products shown per answer (1..=100; default 10).
    pub limit: usize,
    /// Print a one-line greeting with the catalog size first (for terminals).
    pub banner: bool,
    /// Longest title shown in the table, in characters (default 48).
    pub title_width: usize,
}

impl Default for ChatOptions {
    fn default() -> Self {
        ChatOptions {
            limit: 10,
            banner: false,
            title_width: 48,
        }
    }
}

fn io_err(source: std::io::Error) -> Error {
    Error::io("<output>", source)
}

/// Runs a chat over `input` and `output` until `quit`, `exit` or end of input.
///
/// Engine errors on one message are printed and the chat goes on; a failure
/// to read the input or write the output ends it with an error.
pub fn run_chat(
    engine: &Engine,
    input: impl BufRead,
    mut output: impl Write,
    options: &ChatOptions,
) -> Result<()> {
    let mut session = Session::default();
    let info = engine.info();
    let currency = info.currency;
    if options.banner {
        let lang = engine.language();
        let products = reply::Money::new(None, lang).count(info.product_count);
        writeln!(output, "{}", reply::book(lang).chat_banner(&products)).map_err(io_err)?;
    }
    let mut lines = input.lines();
    loop {
        write!(output, "> ").map_err(io_err)?;
        output.flush().map_err(io_err)?;
        let Some(line) = lines.next() else {
            writeln!(output).map_err(io_err)?;
            break;
        };
        let line = line.map_err(|e| Error::io("<input>", e))?;
        let message = line.trim();
        if message.is_empty() {
            continue;
        }
        if matches!(message.to_lowercase().as_str(), "quit" | "exit" | "sair") {
            break;
        }
        match engine.turn(&mut session, message, options.limit) {
            Ok(turn) => write_turn(&mut output, &turn, &currency, options).map_err(io_err)?,
            Err(err) => writeln!(output, "error: {err}").map_err(io_err)?,
        }
    }
    output.flush().map_err(io_err)
}

/// Writes one answer: reply, product table, count and suggestions.
pub fn write_turn(
    out: &mut impl Write,
    turn: &Turn,
    default_currency: &str,
    options: &ChatOptions,
) -> std::io::Result<()> {
    if !turn.reply.is_empty() {
        writeln!(out, "{}", turn.reply)?;
    }
    let book = reply::book(turn.lang);
    if !turn.products.is_empty() {
        writeln!(out)?;
        write!(
            out,
            "{}",
            product_table(
                &turn.products,
                default_currency,
                turn.lang,
                options.title_width
            )
        )?;
        if turn.total > turn.products.len() as u64 {
            let total = reply::format_count(turn.total, turn.lang);
            writeln!(out, "{}", book.shown_of(turn.products.len(), &total))?;
        }
    }
    if !turn.suggestions.is_empty() {
        writeln!(out, "{} {}", book.try_label(), turn.suggestions.join(" · "))?;
    }
    writeln!(out)
}

/// The products as an aligned text table with a header row, prices in the
/// reply's format (`lang`) and each product's currency (else the
/// catalog's; a plain number when there is none).
pub fn product_table(
    products: &[Product],
    default_currency: &str,
    lang: Lang,
    title_width: usize,
) -> String {
    let header = ["#", "id", "title", "brand", "price"];
    let rows: Vec<[String; 5]> = products
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let currency = p.currency.as_deref().or(Some(default_currency));
            [
                (i + 1).to_string(),
                crate::text::cell(&p.id, 16),
                crate::text::cell(&p.title, title_width.max(8)),
                crate::text::cell(p.brand.as_deref().unwrap_or(""), 20),
                p.price
                    .map(|v| reply::format_price(v, currency.filter(|c| !c.is_empty()), lang))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    let mut widths = header.map(|h| h.chars().count());
    for row in &rows {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut table = String::new();
    let mut push_row = |cells: [&str; 5]| {
        let mut line = String::new();
        for (i, (c, w)) in cells.iter().zip(widths).enumerate() {
            let pad = w.saturating_sub(c.chars().count());
            // `#` and price are right-aligned; the rest left-aligned.
            if i == 0 || i == 4 {
                line.push_str(&" ".repeat(pad));
                line.push_str(c);
            } else {
                line.push_str(c);
                line.push_str(&" ".repeat(pad));
            }
            line.push_str("  ");
        }
        table.push_str(line.trim_end());
        table.push('\n');
    };
    push_row(header);
    for row in &rows {
        push_row([&row[0], &row[1], &row[2], &row[3], &row[4]]);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_follow_the_conversation_and_the_catalog() {
        let product = |price: f64, currency: Option<&str>| Product {
            id: "A".into(),
            title: "Thing".into(),
            price: Some(price),
            currency: currency.map(str::to_string),
            ..Product::default()
        };
        let row = |p: Product, catalog: &str, lang: Lang| {
            product_table(&[p], catalog, lang, 20)
                .lines()
                .nth(1)
                .unwrap_or_default()
                .rsplit("  ")
                .next()
                .unwrap_or_default()
                .to_string()
        };
        // No currency anywhere: a plain number, never a "$" the catalog did not give.
        assert_eq!(row(product(1899.0, None), "", Lang::En), "1,899");
        assert_eq!(row(product(1899.0, None), "INR", Lang::En), "₹1,899");
        assert_eq!(
            row(product(1299.9, Some("BRL")), "", Lang::Pt),
            "R$ 1.299,90"
        );
        assert_eq!(row(product(37.9, None), "", Lang::Pt), "37,90");
    }

    #[test]
    fn table_is_aligned_and_truncated() {
        let products = vec![
            Product {
                id: "A1".into(),
                title: "Black running sneakers with a very long name indeed".into(),
                brand: Some("Puma".into()),
                price: Some(79.9),
                ..Product::default()
            },
            Product {
                id: "B22".into(),
                title: "Cap\x1b[31m".into(),
                price: Some(5.0),
                ..Product::default()
            },
        ];
        let table = product_table(&products, "USD", Lang::En, 20);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines[0], "#  id   title                 brand   price");
        // The reply's money format: cents only when there are some.
        assert_eq!(lines[1], "1  A1   Black running sneak…  Puma   $79.90");
        assert_eq!(lines[2], "2  B22  Cap [31m                         $5");
    }
}
