//! The intent operators one message is turned into (ShopTalk-style), which
//! `dialog` applies to the session's constraints in order.

use crate::model::{Lang, Slot, Sort};
use serde::{Deserialize, Serialize};

/// One intent operator extracted from a message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// The slot takes exactly these values (replacing earlier ones): "in blue", "Puma or Nike".
    Set(Slot, Vec<String>),
    /// The slot takes one value of each list together: the colours of a
    /// two-tone product ("black and white sneakers", "preta e vermelha").
    SetTogether(Slot, Vec<Vec<String>>),
    /// These values are added as alternatives to the slot: "also red", "or Nike too".
    Add(Slot, Vec<String>),
    /// These values are excluded: "not Nike", "anything but black", "sem couro".
    Exclude(Slot, Vec<String>),
    /// The slot is cleared: "any brand", "qualquer cor".
    Clear(Slot),
    /// The slot's current values are excluded: "another colour", "outra marca".
    Other(Slot),
    /// A price range; `None` bounds are open. "under 3000" = `max: Some(3000)`.
    Price {
        /// Lowest acceptable price.
        min: Option<f64>,
        /// Highest acceptable price.
        max: Option<f64>,
    },
    /// "any price": drop the price range.
    ClearPrice,
    /// The currency the shopper named with a price ("R$ 300" -> `BRL`).
    Currency(String),
    /// "cheap", "barato" without a number: the lower part of the current results.
    Cheap,
    /// "cheaper", "mais barato": below the cheapest price just shown.
    Cheaper,
    /// "more expensive", "better", "mais caro": above the prices just shown.
    Pricier,
    /// "bigger", "maior": the next larger size of the measurement asked for
    /// that the catalog sells the type in, or beyond those shown (read in
    /// context by the dialog); "more powerful": of the power.
    Bigger(Measured),
    /// "smaller", "menor": the next smaller one.
    Smaller(Measured),
    /// Minimum rating: "4 stars and up", "bem avaliado".
    MinRating(f64),
    /// Result ordering.
    Sort(Sort),
    /// A word that must appear in the product text: "running", "hooded", "wireless".
    Text(String),
    /// A word that must not appear: "no leather" when leather is not a material value.
    ExcludeText(String),
    /// A word asked before, no longer required: the word said now is
    /// another of its kind ("gato", then "na verdade pra cachorro").
    DropText(String),
    /// "start over", "recomeçar", "new search".
    Reset,
    /// "show more", "mais": next page.
    More,
    /// "the second one", "#2": details of a shown product (1-based).
    Select(usize),
    /// A number said alone ("27", "450"): another amount of the
    /// measurement asked for before ("monitor 24 polegadas", then "27"),
    /// else the catalog's word it is (a model number, "501"), else an item
    /// of the list ("2"); the dialog reads it in context.
    Number(f64, Option<String>),
    /// "more like this", "parecidos com o 2": products similar to a shown one (1-based; `None` = the one last selected or the first shown).
    Similar(Option<usize>),
    /// "hi", "olá".
    Greeting,
    /// "thanks", "obrigado".
    Thanks,
    /// "help", "ajuda", "what can you do".
    Help,
    /// "how much?", "quanto custa?" with nothing else asked: the price of
    /// the product looked at, else the list shown again with its prices.
    PriceAsked,
    /// "which brands?", "quais cores?", "marca?": a slot named with none
    /// of its values: the values the results have, with their counts.
    AskSlot(Slot),
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
    /// Content words the catalog's vocabulary does not know: asked for as
    /// search text all the same (descriptions may have them), and reported.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unknown: Vec<String>,
}

/// What a comparative of size ("bigger", "more powerful") measures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Measured {
    /// Whatever the products are measured by ("bigger": inches of TVs,
    /// litres of fridges).
    #[default]
    Size,
    /// Power: watts, or the BTUs of an air conditioner ("mais potente").
    Power,
}

impl Measured {
    /// True when a quantity (by its first unit, see
    /// `language::units::quantity_of`) measures this.
    pub fn measures(self, quantity: &str) -> bool {
        match self {
            Measured::Size => true,
            Measured::Power => matches!(quantity, "kw" | "btu"),
        }
    }
}
