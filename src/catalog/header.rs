//! Header auto-mapping: which column is the title, the price, the colour...
//! from English and Portuguese header names, insensitive to case, spaces,
//! underscores and accents (`Product_Name`, `ProductName`, `nome`,
//! `Preço (R$)`), with `--map FIELD=COLUMN` overrides.
//!
//! Matching goes in rounds over all columns, so an exact synonym anywhere in
//! the header beats a partial match anywhere else:
//! 1. the whole header is a synonym (`Product_ID`, `descrição`);
//! 2. it is one once filler words and currencies are dropped (`Sale Price
//!    (INR)`, `Nome do Produto`);
//! 3. one of its words names exactly one field (`Average Rating`,
//!    `Brand Name`), unless a word says it is about something else
//!    (`Rating Count`, `Num_Images`, `Category ID`).
//!
//! Within a round the leftmost column wins; a field is never given two
//! columns. Columns left over become `Product::extra` entries under their
//! header as written; unnamed columns are ignored.

use super::Field;
use super::price::currency_in_header;
use crate::text;
use crate::{Error, Result};
use std::fmt;

/// Header synonyms per field, as compact keys (folded, no spaces).
const SYNONYMS: &[(Field, &[&str])] = &[
    (
        Field::Id,
        &[
            "id",
            "productid",
            "itemid",
            "sku",
            "codigo",
            "code",
            "productcode",
            "ref",
            "referencia",
            "reference",
            "uniqid",
        ],
    ),
    (
        Field::Title,
        &[
            "title",
            "name",
            "productname",
            "producttitle",
            "itemname",
            "product",
            "nome",
            "nomedoproduto",
            "produto",
            "titulo",
        ],
    ),
    (
        Field::Description,
        &[
            "description",
            "productdescription",
            "desc",
            "descricao",
            "details",
            "detalhes",
        ],
    ),
    (
        Field::Brand,
        &[
            "brand",
            "productbrand",
            "marca",
            "fabricante",
            "manufacturer",
        ],
    ),
    (
        Field::Category,
        &[
            "category",
            "categories",
            "categoria",
            "departamento",
            "department",
            "producttype",
            "tipo",
            "type",
        ],
    ),
    (
        Field::Price,
        &["price", "preco", "valor", "mrp", "productprice"],
    ),
    (Field::Currency, &["currency", "currencycode", "moeda"]),
    (
        Field::Color,
        &[
            "color",
            "colour",
            "primarycolor",
            "primarycolour",
            "basecolor",
            "basecolour",
            "cor",
        ],
    ),
    (
        Field::Size,
        &["size", "sizes", "tamanho", "tamanhos", "numeracao"],
    ),
    (
        Field::Gender,
        &["gender", "genero", "sexo", "sex", "publico", "audience"],
    ),
    (
        Field::Material,
        &["material", "materials", "fabric", "tecido"],
    ),
    (
        Field::Rating,
        &[
            "rating",
            "avaliacao",
            "nota",
            "stars",
            "estrelas",
            "averagerating",
            "productrating",
        ],
    ),
    (
        Field::Stock,
        &[
            "stock",
            "estoque",
            "quantidade",
            "inventory",
            "quantity",
            "qty",
            "qtd",
        ],
    ),
    (
        Field::Url,
        &["url", "link", "producturl", "productlink", "permalink"],
    ),
    (
        Field::ImageUrl,
        &[
            "image",
            "imageurl",
            "imagelink",
            "imagem",
            "foto",
            "photo",
            "picture",
            "img",
        ],
    ),
];

/// Words that qualify a header without changing what it is about.
const FILLER: &[&str] = &[
    "product",
    "item",
    "produto",
    "do",
    "da",
    "de",
    "of",
    "the",
    "primary",
    "main",
    "principal",
    "sale",
    "selling",
    "regular",
    "list",
    "retail",
    "final",
    "current",
    "unit",
    "atual",
    "venda",
    "average",
    "avg",
    "media",
    "short",
    "long",
    "full",
    "in",
];

/// Words that say a header is about something else than the field it names
/// (`Rating Count`, `Num_Images`, `Category ID`, `Brand URL`).
const OTHER_TOPIC: &[&str] = &[
    "count", "counts", "num", "number", "numero", "total", "id", "code", "codigo", "url", "link",
    "date", "data",
];

/// One round of header matching: the field a header's words name, if any.
type MatchRound = fn(&[String]) -> Option<Field>;

/// Where one column goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A canonical product field.
    Field(Field),
    /// An entry of `Product::extra`, under this key.
    Extra(String),
    /// Nowhere: the column has no name.
    Ignored,
}

/// One column of the file and where its values go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMapping {
    /// 0-based position in the header.
    pub index: usize,
    /// The header as written, trimmed.
    pub header: String,
    /// Where the column's values go.
    pub target: Target,
    /// True when `--map` chose it.
    pub by_override: bool,
    /// True when the column had no value in the first rows read at open.
    pub empty_in_sample: bool,
}

/// Which column went where, as decided when the catalog was opened.
/// `Display` prints a table for the CLI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderMapping {
    columns: Vec<ColumnMapping>,
    fields: [Option<usize>; Field::ALL.len()],
    currency: Option<&'static str>,
}

impl HeaderMapping {
    /// Maps `headers` (as read, any case and accents) to fields, applying
    /// `overrides` first. A column given as `""` in an override leaves that
    /// field unmapped. Errors when an override names no column.
    pub fn new(headers: &[String], overrides: &[(Field, String)]) -> Result<HeaderMapping> {
        let mut fields: [Option<usize>; Field::ALL.len()] = [None; Field::ALL.len()];
        let mut taken = vec![false; headers.len()];
        let mut disabled = [false; Field::ALL.len()];
        let mut overridden = vec![false; headers.len()];
        let mut seen_override = [false; Field::ALL.len()];

        for (field, column) in overrides {
            let f = *field as usize;
            if seen_override[f] {
                return Err(Error::Config(format!(
                    "--map gives the field {} more than once",
                    field.name()
                )));
            }
            seen_override[f] = true;
            let column = column.trim();
            if column.is_empty() {
                disabled[f] = true;
                continue;
            }
            let index = find_column(headers, column).ok_or_else(|| {
                Error::Config(format!(
                    "--map {}={column}: no such column; the columns are {}",
                    field.name(),
                    list_columns(headers)
                ))
            })?;
            fields[f] = Some(index);
            taken[index] = true;
            overridden[index] = true;
        }

        let keys: Vec<Vec<String>> = headers.iter().map(|h| text::words(h)).collect();
        let rounds: [MatchRound; 3] = [exact_match, filler_match, word_match];
        for round in rounds {
            for (index, words) in keys.iter().enumerate() {
                if taken[index] {
                    continue;
                }
                if let Some(field) = round(words) {
                    let f = field as usize;
                    if fields[f].is_none() && !disabled[f] {
                        fields[f] = Some(index);
                        taken[index] = true;
                    }
                }
            }
        }

        let mut columns: Vec<ColumnMapping> = Vec::with_capacity(headers.len());
        for (index, header) in headers.iter().enumerate() {
            let header = header.trim().to_string();
            let target = if let Some(f) = fields.iter().position(|&c| c == Some(index)) {
                Target::Field(Field::ALL[f])
            } else if header.is_empty() {
                Target::Ignored
            } else {
                let clash = columns
                    .iter()
                    .any(|c| c.header == header || c.target == Target::Extra(header.clone()));
                if clash {
                    Target::Extra(format!("{header} (column {})", index + 1))
                } else {
                    Target::Extra(header.clone())
                }
            };
            columns.push(ColumnMapping {
                index,
                header,
                target,
                by_override: overridden[index],
                empty_in_sample: false,
            });
        }
        let currency = fields[Field::Price as usize].and_then(|i| currency_in_header(&headers[i]));
        Ok(HeaderMapping {
            columns,
            fields,
            currency,
        })
    }

    /// Every column, in file order.
    pub fn columns(&self) -> &[ColumnMapping] {
        &self.columns
    }

    /// The 0-based column mapped to `field`, if any.
    pub fn column(&self, field: Field) -> Option<usize> {
        self.fields[field as usize]
    }

    /// The currency the price column's header names (`Price (INR)`).
    pub fn header_currency(&self) -> Option<&'static str> {
        self.currency
    }

    /// Marks which columns had no value in the rows read at open.
    pub(crate) fn set_empty_in_sample(&mut self, non_empty: &[bool]) {
        for c in &mut self.columns {
            c.empty_in_sample = !non_empty.get(c.index).copied().unwrap_or(false);
        }
    }
}

impl fmt::Display for HeaderMapping {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = |c: &ColumnMapping| {
            if c.header.is_empty() {
                let empty = if c.empty_in_sample { ", empty" } else { "" };
                format!("(unnamed column {}{empty})", c.index + 1)
            } else {
                c.header.clone()
            }
        };
        let width = self
            .columns
            .iter()
            .map(|c| label(c).chars().count())
            .max()
            .unwrap_or(0);
        for c in &self.columns {
            let l = label(c);
            let pad = width - l.chars().count();
            write!(f, "{l}{:pad$} -> ", "")?;
            match &c.target {
                Target::Field(field) => {
                    f.write_str(field.name())?;
                    if *field == Field::Price
                        && let Some(cur) = self.currency
                    {
                        write!(f, " (currency {cur})")?;
                    }
                }
                Target::Extra(key) if *key == c.header => f.write_str("extra")?,
                Target::Extra(key) => write!(f, "extra \"{key}\"")?,
                Target::Ignored => f.write_str("ignored")?,
            }
            if c.by_override {
                f.write_str(" (--map)")?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

/// Finds the column `--map` names: by header (exact, then case-insensitive,
/// then by folded key), else by 1-based position.
fn find_column(headers: &[String], column: &str) -> Option<usize> {
    headers
        .iter()
        .position(|h| h.trim() == column)
        .or_else(|| {
            headers
                .iter()
                .position(|h| h.trim().to_lowercase() == column.to_lowercase())
        })
        .or_else(|| {
            let key = text::key(column);
            (!key.is_empty())
                .then(|| headers.iter().position(|h| text::key(h) == key))
                .flatten()
        })
        .or_else(|| {
            column
                .parse::<usize>()
                .ok()
                .filter(|&n| (1..=headers.len()).contains(&n))
                .map(|n| n - 1)
        })
}

/// `"a", "b", "c"` for error messages.
fn list_columns(headers: &[String]) -> String {
    headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            if h.trim().is_empty() {
                format!("(unnamed {})", i + 1)
            } else {
                format!("{:?}", h.trim())
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The field whose synonyms include this compact key.
fn synonym(compact: &str) -> Option<Field> {
    SYNONYMS
        .iter()
        .find(|(_, names)| names.contains(&compact))
        .map(|&(field, _)| field)
}

/// The field a `--map` field name means: its own name (`image_url`) or a
/// header synonym (`colour`, `preço`).
pub(crate) fn field_named(name: &str) -> Option<Field> {
    Field::from_name(name).or_else(|| exact_match(&text::words(name)))
}

/// Round 1: the whole header is a synonym.
fn exact_match(words: &[String]) -> Option<Field> {
    synonym(&words.concat())
}

/// Words without filler and currency codes.
fn significant(words: &[String]) -> Vec<&str> {
    words
        .iter()
        .map(String::as_str)
        .filter(|w| !FILLER.contains(w) && super::price::currency_token(w).is_none())
        .collect()
}

/// Round 2: a synonym once filler words and currencies are dropped.
fn filler_match(words: &[String]) -> Option<Field> {
    let rest = significant(words);
    if rest.is_empty() {
        return None;
    }
    synonym(&rest.concat())
}

/// Round 3: exactly one field is named by one of the words, and no word
/// says the column is about something else.
fn word_match(words: &[String]) -> Option<Field> {
    let rest = significant(words);
    if rest.iter().any(|w| OTHER_TOPIC.contains(w)) {
        return None;
    }
    let mut found: Vec<Field> = rest.iter().filter_map(|w| synonym(w)).collect();
    found.sort();
    found.dedup();
    // `Brand Name`, `Color Name`: the name of something else.
    if found.len() > 1 {
        found.retain(|&f| f != Field::Title);
    }
    match found.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auto(header: &str) -> Option<Field> {
        let m = HeaderMapping::new(&[header.to_string()], &[]).ok()?;
        m.columns()[0].target.clone().field()
    }

    impl Target {
        fn field(self) -> Option<Field> {
            match self {
                Target::Field(f) => Some(f),
                _ => None,
            }
        }
    }

    #[test]
    fn header_table() {
        use Field::*;
        let cases: &[(&str, Option<Field>)] = &[
            ("Product_ID", Some(Id)),
            ("id", Some(Id)),
            ("ID", Some(Id)),
            ("sku", Some(Id)),
            ("SKU", Some(Id)),
            ("código", Some(Id)),
            ("codigo", Some(Id)),
            ("Product_Name", Some(Title)),
            ("ProductName", Some(Title)),
            ("name", Some(Title)),
            ("Title", Some(Title)),
            ("nome", Some(Title)),
            ("Nome do Produto", Some(Title)),
            ("produto", Some(Title)),
            ("product", Some(Title)),
            ("Item Name", Some(Title)),
            ("Description", Some(Description)),
            ("descrição", Some(Description)),
            ("Short Description", Some(Description)),
            ("Product_Brand", Some(Brand)),
            ("brand", Some(Brand)),
            ("Brand Name", Some(Brand)),
            ("marca", Some(Brand)),
            ("fabricante", Some(Brand)),
            ("category", Some(Category)),
            ("categoria", Some(Category)),
            ("departamento", Some(Category)),
            ("product_type", Some(Category)),
            ("tipo", Some(Category)),
            ("product_category_tree", Some(Category)),
            ("Price", Some(Price)),
            ("Price (INR)", Some(Price)),
            ("price_usd", Some(Price)),
            ("preço", Some(Price)),
            ("Preço (R$)", Some(Price)),
            ("preco", Some(Price)),
            ("valor", Some(Price)),
            ("Sale Price", Some(Price)),
            ("preço de venda", Some(Price)),
            ("currency", Some(Currency)),
            ("moeda", Some(Currency)),
            ("Primary_Color", Some(Color)),
            ("PrimaryColor", Some(Color)),
            ("colour", Some(Color)),
            ("color", Some(Color)),
            ("cor", Some(Color)),
            ("Cor Principal", Some(Color)),
            ("baseColour", Some(Color)),
            ("size", Some(Size)),
            ("tamanho", Some(Size)),
            ("numeração", Some(Size)),
            ("gender", Some(Gender)),
            ("gênero", Some(Gender)),
            ("genero", Some(Gender)),
            ("sexo", Some(Gender)),
            ("público", Some(Gender)),
            ("material", Some(Material)),
            ("rating", Some(Rating)),
            ("avaliação", Some(Rating)),
            ("nota", Some(Rating)),
            ("stars", Some(Rating)),
            ("Average Rating", Some(Rating)),
            ("stock", Some(Stock)),
            ("estoque", Some(Stock)),
            ("quantidade", Some(Stock)),
            ("inventory", Some(Stock)),
            ("url", Some(Url)),
            ("link", Some(Url)),
            ("Product URL", Some(Url)),
            ("image", Some(ImageUrl)),
            ("image_url", Some(ImageUrl)),
            ("imagem", Some(ImageUrl)),
            ("foto", Some(ImageUrl)),
            ("Num_Images", None),
            ("Rating Count", None),
            ("Category ID", None),
            ("Brand URL", None),
            ("Weight", None),
            ("", None),
        ];
        for (header, want) in cases {
            assert_eq!(auto(header), *want, "{header:?}");
        }
    }

    fn headers(hs: &[&str]) -> Vec<String> {
        hs.iter().map(|h| h.to_string()).collect()
    }

    #[test]
    fn exact_synonyms_beat_partial_matches_and_fields_are_not_shared() -> Result<()> {
        let m = HeaderMapping::new(
            &headers(&["Short Description", "Name", "Description", "Title", "Notes"]),
            &[],
        )?;
        assert_eq!(m.column(Field::Description), Some(2));
        assert_eq!(m.column(Field::Title), Some(1));
        let targets: Vec<_> = m.columns().iter().map(|c| c.target.clone()).collect();
        assert_eq!(
            targets,
            vec![
                Target::Extra("Short Description".into()),
                Target::Field(Field::Title),
                Target::Field(Field::Description),
                Target::Extra("Title".into()),
                Target::Extra("Notes".into()),
            ]
        );
        Ok(())
    }

    #[test]
    fn overrides_win_and_name_columns_by_header_or_position() -> Result<()> {
        let hs = headers(&["Product_Name", "Label", "Cost", "Notes", "Notes"]);
        let m = HeaderMapping::new(
            &hs,
            &[
                (Field::Title, "label".into()),
                (Field::Price, "3".into()),
                (Field::Brand, "".into()),
            ],
        )?;
        assert_eq!(m.column(Field::Title), Some(1));
        assert_eq!(m.column(Field::Price), Some(2));
        assert_eq!(m.column(Field::Brand), None);
        assert_eq!(m.columns()[0].target, Target::Extra("Product_Name".into()));
        assert_eq!(
            m.columns()[4].target,
            Target::Extra("Notes (column 5)".into())
        );
        assert!(m.columns()[1].by_override);

        let err = HeaderMapping::new(&hs, &[(Field::Title, "Nope".into())]);
        assert!(matches!(err, Err(Error::Config(m)) if m.contains("Nope")));
        let err = HeaderMapping::new(&hs, &[(Field::Title, "9".into())]);
        assert!(err.is_err());
        let twice = [(Field::Title, "1".into()), (Field::Title, "2".into())];
        assert!(HeaderMapping::new(&hs, &twice).is_err());
        Ok(())
    }

    #[test]
    fn mapping_prints_a_table() -> Result<()> {
        let mut m = HeaderMapping::new(
            &headers(&["Product_Name", "Price (INR)", "Num_Images", ""]),
            &[],
        )?;
        m.set_empty_in_sample(&[true, true, true, false]);
        assert_eq!(
            m.to_string(),
            "Product_Name              -> title\n\
             Price (INR)               -> price (currency INR)\n\
             Num_Images                -> extra\n\
             (unnamed column 4, empty) -> ignored\n"
        );
        Ok(())
    }
}
