//! One CSV row: the cells of a product, the per-language CSV dialect
//! ([`Style`]: delimiter, line end, header) and writing a row as one line,
//! quoting cells only where RFC 4180 requires it.

use crate::model::Lang;

/// Language-dependent formatting.
pub(super) struct Style {
    pub(super) pt: bool,
    delimiter: char,
    pub(super) eol: &'static str,
    pub(super) header: &'static str,
}

impl Style {
    pub(super) fn for_lang(lang: Lang) -> Self {
        match lang {
            Lang::En => Style {
                pt: false,
                delimiter: ',',
                eol: "\n",
                header: "id,title,description,brand,category,price,currency,color,size,gender,material,rating,stock,url,image_url",
            },
            Lang::Pt => Style {
                pt: true,
                delimiter: ';',
                eol: "\r\n",
                header: "código;nome;descrição;marca;categoria;preço;cor;tamanho;gênero;material;avaliação;estoque;link;imagem",
            },
        }
    }
}

/// How many columns a row is written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Columns {
    Exact,
    Missing(usize),
    OneExtra,
}

/// The cells of one row, reused from row to row to avoid allocation.
#[derive(Debug, Default)]
pub(super) struct Row {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) description: String,
    pub(super) brand: String,
    pub(super) category: String,
    pub(super) price: String,
    currency: String,
    pub(super) color: String,
    pub(super) size: String,
    pub(super) gender: String,
    pub(super) material: String,
    pub(super) rating: String,
    pub(super) stock: String,
    pub(super) url: String,
    pub(super) image_url: String,
}

impl Row {
    pub(super) fn clear(&mut self) {
        for cell in self.cells_mut() {
            cell.clear();
        }
    }

    fn cells_mut(&mut self) -> [&mut String; 15] {
        [
            &mut self.id,
            &mut self.title,
            &mut self.description,
            &mut self.brand,
            &mut self.category,
            &mut self.price,
            &mut self.currency,
            &mut self.color,
            &mut self.size,
            &mut self.gender,
            &mut self.material,
            &mut self.rating,
            &mut self.stock,
            &mut self.url,
            &mut self.image_url,
        ]
    }

    /// Appends the row as one CSV line (with its line end) to `line`.
    pub(super) fn write(&self, line: &mut String, style: &Style, columns: Columns) {
        let en: [&str; 15] = [
            &self.id,
            &self.title,
            &self.description,
            &self.brand,
            &self.category,
            &self.price,
            "USD",
            &self.color,
            &self.size,
            &self.gender,
            &self.material,
            &self.rating,
            &self.stock,
            &self.url,
            &self.image_url,
        ];
        let pt: [&str; 14] = [
            &self.id,
            &self.title,
            &self.description,
            &self.brand,
            &self.category,
            &self.price,
            &self.color,
            &self.size,
            &self.gender,
            &self.material,
            &self.rating,
            &self.stock,
            &self.url,
            &self.image_url,
        ];
        let cells: &[&str] = if style.pt { &pt } else { &en };
        let cells = match columns {
            Columns::Missing(n) => &cells[..cells.len() - n],
            _ => cells,
        };
        for (k, cell) in cells.iter().enumerate() {
            if k > 0 {
                line.push(style.delimiter);
            }
            push_cell(line, cell, style.delimiter);
        }
        if columns == Columns::OneExtra {
            line.push(style.delimiter);
            line.push_str("extra");
        }
        line.push_str(style.eol);
    }
}

/// Appends one CSV cell, quoted only when it must be (RFC 4180).
fn push_cell(line: &mut String, cell: &str, delimiter: char) {
    let needs_quotes = cell
        .chars()
        .any(|c| c == delimiter || c == '"' || c == '\n' || c == '\r');
    if needs_quotes {
        line.push('"');
        for c in cell.chars() {
            if c == '"' {
                line.push('"');
            }
            line.push(c);
        }
        line.push('"');
    } else {
        line.push_str(cell);
    }
}
