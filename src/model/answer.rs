//! What `dialog` decides a turn says, for `reply` to put into words: the
//! canned answers, price moves, dropped constraints, the clarifying
//! question and the suggestions offered.

use super::kind::ConstraintKind;
use super::slot::Slot;

/// Answers that do not depend on the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Canned {
    /// "Hi!"
    Greeting,
    /// "You're welcome."
    Thanks,
    /// What the assistant understands.
    Help,
    /// Nothing understood.
    NotUnderstood,
    /// After "start over".
    Reset,
    /// "show more" past the last page.
    NoMore,
    /// "the second one" before any results.
    NothingShown,
    /// Nothing matches even after relaxing.
    NoMatch,
}

/// A relative price move ("cheaper", "more expensive").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriceMove {
    /// "cheaper".
    Cheaper,
    /// "more expensive".
    Pricier,
}

/// A constraint dropped to find alternatives, with the values it held.
#[derive(Debug, Clone, PartialEq)]
pub struct Dropped {
    /// What was dropped.
    pub kind: ConstraintKind,
    /// The values that were required (facet values, words).
    pub any_of: Vec<String>,
    /// The values that were excluded.
    pub none_of: Vec<String>,
}

/// The clarifying question: a facet and its most common values among the results.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// The facet asked about.
    pub slot: Slot,
    /// Its top values with their product counts.
    pub values: Vec<(String, u64)>,
    /// The type asked for whose kinds these values are ("Shoes" when
    /// offering "Sneakers" and "Sandals").
    pub within: Option<String>,
}

/// A short reply offered to the shopper (a chip in the widget).
#[derive(Debug, Clone, PartialEq)]
pub enum Suggestion {
    /// A catalog value, offered as written.
    Value(String),
    /// The next page.
    ShowMore,
    /// Sort by price, cheapest first.
    CheapestFirst,
    /// Start a new search.
    StartOver,
    /// Products like the one shown.
    MoreLikeThis,
}

/// Something the reply must add about how the message was taken.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// A price named in another currency than the catalog's, not applied:
    /// amounts cannot be compared across currencies.
    ForeignCurrency {
        /// The currency the shopper named (ISO 4217).
        named: String,
        /// The catalog's currency.
        catalog: String,
        /// The range asked for, in `named`.
        min: Option<f64>,
        /// The range asked for, in `named`.
        max: Option<f64>,
    },
    /// The store lists no prices: what the message said of prices was not
    /// applied.
    Unpriced,
    /// "bigger" of products whose titles give no size to compare.
    Unmeasured,
    /// A new product type kept these constraints from the old one.
    Kept(Vec<ConstraintKind>),
    /// Attributes kept from another product type that none of the new
    /// one has, left out: "None of these is by Samsung."
    Unkept(Vec<Dropped>),
    /// The products shown are labelled with no audience: the one asked
    /// for was not applied ("This store doesn't say who these are for.").
    Unlabelled,
    /// Few products say the audience asked for, in a kind of product the
    /// store mostly leaves unlabelled: the others are shown too, after
    /// them ("Only 1 of these says whom it is for; this store doesn't say
    /// who the others are for."). The number that say it.
    PartlyLabelled(u64),
    /// No product has these colours together: the products shown have
    /// either ("None has black and white together.").
    Apart(Vec<String>),
    /// Words no title says, read by their contrast: the products shown lack
    /// the other kind's mark ("No title says “dry”: these are not marked
    /// “wet”."), each as (the word said, the mark).
    Contrasted(Vec<(String, String)>),
    /// Products found by words of their descriptions, which the reply
    /// says: `only` in no title shown, `some` in some titles only.
    Described {
        /// Words no title shown has.
        only: Vec<String>,
        /// Words some titles shown have, and the others' descriptions.
        some: Vec<String>,
    },
}
