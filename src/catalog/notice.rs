//! Rows kept with a change the merchant should know about (re-decoded,
//! NUL bytes removed, a negative stock read as 0, a price cell ignored),
//! reported with the physical line the row starts on and its id, as a bad
//! row is (a [`RowError`](crate::catalog::RowError), which the error module
//! owns). Depends on the catalog's [`Field`] only.

use super::Field;
use std::fmt;

/// A row that was kept, with a change the merchant should know about.
#[derive(Debug, Clone, PartialEq)]
pub struct RowNotice {
    /// The 1-based physical line the record starts on.
    pub line: u64,
    /// The row's id, when it has one.
    pub id: Option<String>,
    /// What was changed.
    pub kind: NoticeKind,
}

/// What was changed in a kept row.
#[derive(Debug, Clone, PartialEq)]
pub enum NoticeKind {
    /// The row is not in the file's encoding and was decoded in another.
    Encoding {
        /// The file's encoding (`UTF-8`, `windows-1252`).
        file: &'static str,
        /// The encoding the row was read in.
        read_as: &'static str,
    },
    /// The row held NUL bytes, which were removed.
    NulRemoved,
    /// The stock was below zero; it is read as 0 (out of stock).
    NegativeStock(i64),
    /// A price cell beside a valid price is not a usable price and was ignored.
    PriceIgnored {
        /// The column's field (`sale_price`, `list_price`, `price`).
        field: Field,
        /// The cell as written (trimmed).
        cell: String,
        /// True when it is below zero, false when it is not a price.
        negative: bool,
    },
    /// A price cell says there is no price yet (`Price Coming Soon`, `Sob
    /// consulta`) or that the product is sold out (`Esgotado`): ignored,
    /// and with no other price the row is kept without one, as with an
    /// empty price cell (found by name, never within a budget).
    NoPriceGiven {
        /// The column's field (`sale_price`, `list_price`, `price`).
        field: Field,
        /// The cell as written (trimmed).
        cell: String,
        /// True when no other cell gives a price: the row has none.
        unpriced: bool,
    },
    /// The price cell gave a range (`$74.99 - $249.99`, the variants'
    /// prices): the price is its lowest amount, the "from" price.
    PriceRange {
        /// The column's field (`sale_price`, `list_price`, `price`).
        field: Field,
        /// The cell as written (trimmed).
        cell: String,
        /// The amount read: the range's lowest.
        low: f64,
        /// The range's highest amount.
        high: f64,
    },
    /// The price is 0 and no other price is given: a free add-on or gift
    /// (Shopify's "FREE Stacking Ring", a ring sizer), not for sale on its
    /// own (Google Merchant Center refuses a price of 0). It is kept,
    /// without a price, so it is found by name but is never the cheapest
    /// product nor within a budget.
    ZeroPrice,
    /// The row's id is an earlier row's of another variant group (two
    /// products sharing a supplier's code as SKU), or of another variant of
    /// its product (110V and 220V given one SKU): it is made unique with
    /// the row's group, or its option values.
    IdMadeUnique {
        /// The id as written.
        shared: String,
        /// The line of the earlier row with that id.
        first: u64,
        /// The id given to the row: `group:id`, or `id:options`.
        id: String,
    },
    /// The row lists an earlier row's product again (the same id, every
    /// other cell the same but the category): that product is in this
    /// row's category too, and the row is no product of its own.
    MergedCategory {
        /// The line of the product's first row.
        first: u64,
        /// This row's category path, now one of the product's.
        category: String,
    },
}

impl fmt::Display for NoticeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoticeKind::Encoding { file, read_as } => {
                write!(f, "not {file} like the rest of the file: read as {read_as}")
            }
            NoticeKind::NulRemoved => f.write_str("NUL bytes removed"),
            NoticeKind::NegativeStock(n) => {
                write!(f, "negative stock {n}: read as 0 (out of stock)")
            }
            NoticeKind::PriceIgnored {
                field,
                cell,
                negative,
            } => {
                let what = if *negative {
                    "is negative"
                } else {
                    "is not a price"
                };
                write!(f, "{} {cell:?} {what}: ignored", field.name())
            }
            NoticeKind::NoPriceGiven {
                field,
                cell,
                unpriced,
            } => {
                let what = if *unpriced {
                    "kept without a price"
                } else {
                    "ignored"
                };
                write!(
                    f,
                    "{} {cell:?} says there is no price: {what}",
                    field.name()
                )
            }
            NoticeKind::PriceRange {
                field, cell, low, ..
            } => {
                write!(
                    f,
                    "{} {cell:?} is a range: read as its lowest, {low}",
                    field.name()
                )
            }
            NoticeKind::ZeroPrice => f.write_str(
                "price 0: not for sale on its own (a free add-on or gift); kept without a price",
            ),
            NoticeKind::MergedCategory { first, category } => write!(
                f,
                "the product of line {first} again, in another category: merged, in {category:?} too"
            ),
            NoticeKind::IdMadeUnique { shared, first, id } => write!(
                f,
                "id {shared:?} is also the id of the row on line {first}: read as {id:?}"
            ),
        }
    }
}

impl fmt::Display for RowNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_name_the_line() {
        let notice = RowNotice {
            line: 4,
            id: None,
            kind: NoticeKind::Encoding {
                file: "UTF-8",
                read_as: "windows-1252",
            },
        };
        assert_eq!(
            notice.to_string(),
            "line 4: not UTF-8 like the rest of the file: read as windows-1252"
        );
        let kind = NoticeKind::PriceIgnored {
            field: Field::SalePrice,
            cell: "abc".into(),
            negative: false,
        };
        assert_eq!(
            kind.to_string(),
            "sale_price \"abc\" is not a price: ignored"
        );
    }
}
