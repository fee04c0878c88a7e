//! The word tables the catalog generator draws from: product types,
//! colours, audiences, descriptors, materials, real brands, brand-name
//! syllables and description sentences, each in English and Portuguese.
//!
//! Data only; the sampling lives in the rest of `gen`. One file per kind
//! of table:
//!
//! - `department.rs`: departments, their real brands and brand-name parts;
//! - `audience.rs`: audiences and the audience mixes of types;
//! - `sizes.rs`: sizing kinds and size scales;
//! - `attributes.rs`: colours, descriptors and materials;
//! - `types.rs`: the product types;
//! - `phrases.rs`: description sentences and bad prices.

mod attributes;
mod audience;
mod department;
mod phrases;
mod sizes;
mod types;

pub(super) use attributes::COLOURS;
pub(super) use audience::Audience;
pub(super) use department::{CODAS, Group, ONSETS, VOWELS};
pub(super) use phrases::{
    BAD_PRICES_EN, BAD_PRICES_PT, CLOSE_EN, CLOSE_PT, OPEN_EN, OPEN_PT, middle,
};
pub(super) use sizes::{
    KID_AGES_EN, KID_AGES_PT, KID_SHOES_EN, KID_SHOES_PT, LETTERS_EN, LETTERS_PT, SHOES_EN,
    SHOES_PT, Sizing, WAIST_EN, WAIST_PT,
};
pub(super) use types::{ProductType, TYPES};
