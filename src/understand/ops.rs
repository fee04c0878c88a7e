//! The intent operators one message is turned into (ShopTalk-style), which
//! `dialog` applies to the session's constraints in order.

use serde::{Deserialize, Serialize};

/// The shopper's language, detected per message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Brazilian Portuguese.
    Pt,
}

impl Lang {
    /// `en` or `pt`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Pt => "pt",
        }
    }
}

/// A constrainable attribute: a facet of the catalog.
///
/// Values in operators are always the catalog's own facet values as written
/// in the [`Vocabulary`](crate::index::Vocabulary) (e.g. `Puma`, ` Black`
/// trimmed to `Black`), so `search` can filter on them exactly.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Slot {
    /// Product type (category path component or title head noun).
    Type,
    /// Brand.
    Brand,
    /// Colour.
    Color,
    /// Audience.
    Gender,
    /// Size.
    Size,
    /// Material.
    Material,
    /// Any other low-cardinality column, by its facet name.
    Extra(String),
}

impl Slot {
    /// The facet name in the vocabulary and the index.
    pub fn facet(&self) -> &str {
        use crate::index::facet;
        match self {
            Slot::Type => facet::TYPE,
            Slot::Brand => facet::BRAND,
            Slot::Color => facet::COLOR,
            Slot::Gender => facet::GENDER,
            Slot::Size => facet::SIZE,
            Slot::Material => facet::MATERIAL,
            Slot::Extra(name) => name,
        }
    }

    /// The slot for a facet name.
    pub fn from_facet(name: &str) -> Slot {
        use crate::index::facet;
        match name {
            facet::TYPE => Slot::Type,
            facet::BRAND => Slot::Brand,
            facet::COLOR => Slot::Color,
            facet::GENDER => Slot::Gender,
            facet::SIZE => Slot::Size,
            facet::MATERIAL => Slot::Material,
            other => Slot::Extra(other.to_string()),
        }
    }
}

/// Result ordering the shopper can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Best text match first (BM25 with field boosts).
    #[default]
    Relevance,
    /// Cheapest first.
    PriceAsc,
    /// Most expensive first.
    PriceDesc,
    /// Best rated first.
    RatingDesc,
}

/// One intent operator extracted from a message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// The slot takes exactly these values (replacing earlier ones): "in blue", "Puma or Nike".
    Set(Slot, Vec<String>),
    /// These values are added as alternatives to the slot: "also red", "or Nike too".
    Add(Slot, Vec<String>),
    /// These values are excluded: "not Nike", "anything but black", "sem couro".
    Exclude(Slot, Vec<String>),
    /// The slot is cleared: "any brand", "qualquer cor".
    Clear(Slot),
    /// A price range; `None` bounds are open. "under 3000" = `max: Some(3000)`.
    Price {
        /// Lowest acceptable price.
        min: Option<f64>,
        /// Highest acceptable price.
        max: Option<f64>,
    },
    /// "any price": drop the price range.
    ClearPrice,
    /// "cheap", "barato" without a number: the lower part of the current results.
    Cheap,
    /// "cheaper", "mais barato": below the cheapest price just shown.
    Cheaper,
    /// "more expensive", "better", "mais caro": above the prices just shown.
    Pricier,
    /// Minimum rating: "4 stars and up", "bem avaliado".
    MinRating(f64),
    /// Result ordering.
    Sort(Sort),
    /// A word that must appear in the product text: "running", "hooded", "wireless".
    Text(String),
    /// A word that must not appear: "no leather" when leather is not a material value.
    ExcludeText(String),
    /// "start over", "recomeçar", "new search".
    Reset,
    /// "show more", "mais": next page.
    More,
    /// "the second one", "#2": details of a shown product (1-based).
    Select(usize),
    /// "more like this", "parecidos com o 2": products similar to a shown one (1-based; `None` = the one last selected or the first shown).
    Similar(Option<usize>),
    /// "hi", "olá".
    Greeting,
    /// "thanks", "obrigado".
    Thanks,
    /// "help", "ajuda", "what can you do".
    Help,
}

/// What one message means.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Understanding {
    /// The message's language.
    pub lang: Lang,
    /// Operators in message order.
    pub ops: Vec<Op>,
    /// Words that were neither understood nor kept as search text (stop words, fillers).
    pub ignored: Vec<String>,
}
