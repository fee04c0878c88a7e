//! Turning one shopper message into intent operators.
//!
//! The [`Lexicon`] is built once per index version from the catalog's
//! [`Vocabulary`](crate::index::Vocabulary) plus a built-in English/Portuguese
//! vocabulary (colours, audiences, product types, materials, prices, sorting,
//! negation, conversation control), then [`Lexicon::understand`] turns each
//! message into [`Op`]s carrying the catalog's own facet values.
//!
//! The pipeline for one message: [`token`] (words, numbers read from the raw
//! text, symbols) → language detection ([`lang`]) → longest-phrase
//! segmentation with typo correction ([`lexicon`], [`typo`]) → prices and
//! ratings ([`price`]) → everything else ([`intent`]).
//! Knows nothing of sessions, tantivy or HTTP.
//!
//! ```
//! use vitrine::understand::{Lexicon, Op};
//! use vitrine::model::Slot;
//! use vitrine::index::{FacetValue, Vocabulary};
//!
//! let mut vocab = Vocabulary::default();
//! vocab.facets.insert("brand".into(), vec![FacetValue { value: "Puma".into(), count: 3 }]);
//! vocab.facets.insert("color".into(), vec![FacetValue { value: "Black".into(), count: 5 }]);
//! let lexicon = Lexicon::new(&vocab);
//! let u = lexicon.understand("black pumma under 3000", Default::default());
//! assert_eq!(u.ops, vec![
//!     Op::Set(Slot::Color, vec!["Black".into()]),
//!     Op::Set(Slot::Brand, vec!["Puma".into()]),
//!     Op::Price { min: None, max: Some(3000.0) },
//! ]);
//! ```

mod builtin;
mod concept;
mod intent;
mod lang;
mod lexicon;
mod ops;
mod price;
mod token;
mod typo;

pub use crate::model::{Lang, Slot, Sort};
pub(crate) use concept::english_plural_type;
pub use lexicon::Lexicon;
pub use ops::{Op, Understanding};
pub use price::{AROUND, PriceRange, parse_price_expression};
pub use token::parse_number;
