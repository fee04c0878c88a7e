//! Reading merchants' CSV catalogs in any real-world shape.
//!
//! Encoding (UTF-8 with or without BOM, Windows-1252/Latin-1, UTF-16),
//! delimiter sniffing, header auto-mapping (English and Portuguese names),
//! value parsing (prices in every local format, ratings), and row validation
//! with line-numbered errors. Yields [`Product`] records, streaming.
//! Depends on nothing else in the crate besides the error type and
//! [`crate::text`].
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
//! # Ok(())
//! # }
//! ```

mod encoding;
mod header;
mod price;
mod product;
mod reader;
mod records;
mod report;
mod row_error;
mod sniff;
mod value;

pub use header::{ColumnMapping, HeaderMapping, Target};
pub use price::{ParsedPrice, parse_price};
pub use product::{Field, Product};
pub use reader::{CatalogReader, ReadOptions, parse_map_arg};
pub use report::{neutralize_cell, write_report};
pub use row_error::{RowError, RowErrorKind};
