//! What the segmentation of a message yields: spans of tokens, each with one
//! meaning ([`Item`]), which `price` and `intent` turn into operators.

use super::builtin::Marker;
use crate::model::Slot;

/// A slot a shopper can name, or the price.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum SlotRef {
    /// A facet slot.
    Slot(Slot),
    /// The price range.
    Price,
}

/// What a span of the message is.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Item<'a> {
    /// Values of one facet.
    /// Values of one facet; `literal` are those named by their own
    /// spelling (ranked first), the others reached through a concept.
    Facet {
        facet: u16,
        values: &'a [u32],
        literal: &'a [u32],
    },
    /// A built-in concept of a facet the catalog has, with no value in
    /// this catalog ("red" where nothing is red): asked for all the same.
    Absent { facet: u16 },
    /// A function phrase.
    Marker(Marker),
    /// A slot name, with the marker the same word means elsewhere ("budget").
    Slot(&'a SlotRef, Option<Marker>),
    /// A number.
    Num(f64),
    /// An ordinal ("2nd", "segundo").
    Ordinal(u32),
    /// A meaningful symbol not otherwise known (`-`).
    Sym(char),
    /// A catalog word kept as free text.
    Term(&'a str),
    /// A product type naming what another type is for or made of ("laptop"
    /// in "laptop bag", "notebook" in "bolsa para notebook"): its words are
    /// asked for as text.
    Qualifier,
    /// A stop word.
    Stop,
    /// A word neither known nor correctable.
    Unknown,
}

/// A run of tokens with one meaning.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Span<'a> {
    /// Its meaning.
    pub item: Item<'a>,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
}
