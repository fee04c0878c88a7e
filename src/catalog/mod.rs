//! Reading merchants' CSV catalogs in any real-world shape.
//!
//! Encoding (UTF-8 with or without BOM, Windows-1252/Latin-1), delimiter
//! sniffing, header auto-mapping (English and Portuguese names), value
//! parsing (prices in every local format, ratings), and row validation with
//! line-numbered errors. Yields [`Product`] records. Depends on nothing else
//! in the crate besides the error type.

mod product;

pub use product::{Field, Product};
