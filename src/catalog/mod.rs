//! Reading merchants' CSV catalogs in any real-world shape.
//!
//! Encoding (UTF-8 with or without BOM, Windows-1252/Latin-1, UTF-16; per
//! row when a file mixes them), delimiter sniffing, header auto-mapping
//! (English, Portuguese and product-feed names, from the language data
//! files in `headers/`), value parsing (prices in every local format, sale
//! vs list price, ratings, feed codes for audience and availability), and
//! row validation with line-numbered errors and recovery from stray
//! quotes, and the exports of e-commerce platforms (Shopify, WooCommerce,
//! Nuvemshop, Bling: variant rows, options, unpublished products, HTML
//! descriptions) recognised from their header, and attribute blobs (a
//! specification table in one cell) read for the colour, size, material
//! and brand a row lacks. Yields [`Product`]
//! records, streaming. Depends on nothing else
//! in the crate besides the error type and [`crate::text`].
//!
//! ```no_run
//! use vitrine::catalog::{CatalogReader, ReadOptions};
//! # fn main() -> vitrine::Result<()> {
//! let mut reader = CatalogReader::open("products.csv".as_ref(), &ReadOptions::default())?;
//! print!("{}", reader.mapping());
//! for row in &mut reader {
//!     match row {
//!         Ok(product) => println!("{} {:?}", product.title, product.price),
//!         Err(bad) => eprintln!("skipped {bad}"),
//!     }
//! }
//! for kept in reader.take_notices() {
//!     eprintln!("kept {kept}");
//! }
//! # Ok(())
//! # }
//! ```

mod aliases;
mod category_levels;
mod encoding;
mod feed;
mod first_values;
mod header;
mod header_names;
mod html;
mod notice;
mod platform;
mod price;
mod price_cell;
mod price_note;
mod product;
mod reader;
mod records;
mod recovery;
mod report;
mod row;
mod same_product;
mod sniff;
mod specs;
mod value;

pub use crate::error::{RowError, RowErrorKind};
pub(crate) use aliases::label_words;
pub use header::{ColumnMapping, HeaderMapping, MAX_COLUMNS, Target};
pub use notice::{NoticeKind, RowNotice};
pub use price::ParsedPrice;
pub use price_cell::parse_price;
pub use product::{Audience, Field, Product, Variant};
pub use reader::{CatalogReader, CategoryMerges, ReadOptions, parse_map_arg};
pub use report::{neutralize_cell, write_report};
pub(crate) use specs::spec_values;
pub(crate) use value::is_flag_value;
