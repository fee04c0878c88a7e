//! Values that product feeds spread over several columns or write as codes:
//! which of a list price and a sale price the shopper pays, the audience a
//! `gender` and an `age_group` make together, and what `availability` says
//! about the stock. Follows Google's product data specification (`price`
//! is the regular price, `sale_price` the discounted one; `gender`
//! male/female/unisex; `age_group` newborn/infant/toddler/kids/adult;
//! `availability` in_stock/out_of_stock/preorder/backorder).
//!
//! Depends on the catalog's price parser and language data only.

use super::aliases::{AgeGroup, Availability, GenderCode, aliases};
use super::price::DecimalSep;
use super::price_cell::{PriceForm, read_price, without_label};
use super::price_note::says_no_price;
use super::{Audience, Field, NoticeKind, RowErrorKind};

/// The price cells of one row (trimmed; empty when the column is absent).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PriceCells<'a> {
    /// The regular price, or the only price.
    pub(crate) price: &'a str,
    /// A discounted price.
    pub(crate) sale: &'a str,
    /// A price before a discount.
    pub(crate) list: &'a str,
}

/// The prices of one row, resolved.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Prices {
    /// What the shopper pays.
    pub(crate) price: Option<f64>,
    /// The regular price, when higher than `price`.
    pub(crate) list_price: Option<f64>,
    /// The currency a cell named (`R$ 10`, `15.00 USD`).
    pub(crate) currency: Option<&'static str>,
    /// Cells ignored beside a valid price.
    pub(crate) ignored: Vec<NoticeKind>,
    /// What each valid cell proved about the decimal separator.
    pub(crate) evidence: [Option<DecimalSep>; 3],
    /// A cell said the product is sold out (`Esgotado`, `Sold out`).
    pub(crate) sold_out: bool,
}

/// One parsed cell.
struct Cell<'a> {
    field: Field,
    text: &'a str,
    parsed: Option<(f64, Option<&'static str>, Option<DecimalSep>)>,
    form: PriceForm,
}

/// Resolves a row's price cells: the sale price is the price when it is
/// valid, else the regular price, else the list price; the highest other
/// valid price becomes the list price when it is higher. A cell that is
/// not a usable price beside a valid one is ignored (and reported);
/// when no cell is usable the row is bad. A sale price of 0 beside a
/// positive price means "no sale" (exporters write 0 for none). A cell
/// holding a label and no amount (`Total price:`) is empty, and reported;
/// so is a cell saying there is no price yet (`Price Coming Soon`, `Sob
/// consulta`, `Esgotado`): a row with no other price is kept without one.
/// A range (`$74.99 - $249.99`) is its lowest amount, and reported. `column`
/// is the decimal separator the price columns are known to use.
pub(crate) fn resolve_prices(
    cells: PriceCells<'_>,
    column: Option<DecimalSep>,
) -> Result<Prices, RowErrorKind> {
    let order = [
        (Field::SalePrice, cells.sale),
        (Field::Price, cells.price),
        (Field::ListPrice, cells.list),
    ];
    let mut label_only = Vec::new();
    let mut sold_out = false;
    // No allocation for a clean row: this runs on every row.
    let cells = order.map(|(field, text)| {
        if text.is_empty() {
            return None;
        }
        let read = read_price(text, column);
        let bare = without_label(text);
        if read.is_none() && (bare.is_empty() || says_no_price(bare)) {
            label_only.push(if bare.is_empty() {
                NoticeKind::PriceIgnored {
                    field,
                    cell: text.to_string(),
                    negative: false,
                }
            } else {
                sold_out |= aliases().availability(bare) == Some(Availability::OutOfStock);
                NoticeKind::NoPriceGiven {
                    field,
                    cell: text.to_string(),
                    unpriced: false,
                }
            });
            return None;
        }
        Some(Cell {
            field,
            text,
            parsed: read.map(|c| (c.price.amount, c.price.currency, c.evidence)),
            form: read.map_or(PriceForm::Amount, |c| c.form),
        })
    });
    let parsed = || cells.iter().flatten();
    let Some(first) = parsed().next() else {
        // No other cell gives a price: the row is kept without one.
        for notice in &mut label_only {
            if let NoticeKind::NoPriceGiven { unpriced, .. } = notice {
                *unpriced = true;
            }
        }
        return Ok(Prices {
            ignored: label_only,
            sold_out,
            ..Prices::default()
        });
    };
    let usable = |c: &Cell<'_>| c.parsed.is_some_and(|(amount, _, _)| amount >= 0.0);
    let positive_regular =
        parsed().any(|c| c.field != Field::SalePrice && c.parsed.is_some_and(|(a, _, _)| a > 0.0));
    let no_sale = |c: &Cell<'_>| {
        c.field == Field::SalePrice
            && positive_regular
            && c.parsed.is_some_and(|(a, _, _)| a == 0.0)
    };
    let Some(pays) = parsed().find(|c| usable(c) && !no_sale(c)) else {
        // The row's problem: the first bad cell, the plain price first.
        let bad = parsed().find(|c| c.field == Field::Price).unwrap_or(first);
        return Err(match bad.parsed {
            Some(_) => RowErrorKind::NegativePrice,
            None => RowErrorKind::UnparsablePrice(bad.text.to_string()),
        });
    };
    let (amount, currency, _) = pays.parsed.unwrap_or((0.0, None, None));
    let mut prices = Prices {
        price: Some(amount),
        currency,
        ignored: label_only,
        sold_out,
        ..Prices::default()
    };
    if let PriceForm::Range { high } = pays.form {
        prices.ignored.push(NoticeKind::PriceRange {
            field: pays.field,
            cell: pays.text.to_string(),
            low: amount,
            high,
        });
    }
    for (i, c) in parsed().enumerate() {
        match c.parsed {
            Some((a, cur, evidence)) if a >= 0.0 => {
                prices.evidence[i] = evidence;
                if c.field != pays.field && c.field != Field::SalePrice && a > amount {
                    prices.list_price = Some(prices.list_price.map_or(a, |l: f64| l.max(a)));
                }
                prices.currency = prices.currency.or(cur);
            }
            Some(_) => prices.ignored.push(NoticeKind::PriceIgnored {
                field: c.field,
                cell: c.text.to_string(),
                negative: true,
            }),
            None => prices.ignored.push(NoticeKind::PriceIgnored {
                field: c.field,
                cell: c.text.to_string(),
                negative: false,
            }),
        }
    }
    Ok(prices)
}

/// The audience of a feed's gender and age group cells, when they make
/// one. `gender` is a feed code (`male`, `female`, `unisex`) or empty.
pub(crate) fn audience(gender: Option<GenderCode>, age: Option<AgeGroup>) -> Option<Audience> {
    use GenderCode::*;
    Some(match (gender, age) {
        (_, Some(AgeGroup::Baby)) => Audience::Baby,
        (Some(Male), Some(AgeGroup::Kids)) => Audience::Boys,
        (Some(Female), Some(AgeGroup::Kids)) => Audience::Girls,
        (Some(Unisex) | None, Some(AgeGroup::Kids)) => Audience::Kids,
        (Some(Male), _) => Audience::Men,
        (Some(Female), _) => Audience::Women,
        (Some(Unisex), _) => Audience::Unisex,
        (None, _) => return None,
    })
}

/// What a row's gender and age group cells make: the gender as written
/// (the catalog's own audience names win), or an audience from feed codes.
/// Codes count as codes when the file has an age group column (a feed) or
/// when written in lower case as feeds write them (`male`, not `Male`).
pub(crate) fn gender_and_audience(
    gender: &str,
    age: &str,
    feed: bool,
) -> (Option<String>, Option<Audience>) {
    if gender.is_empty() && !feed {
        return (None, None);
    }
    // The common case, a catalog's own audience name: no lookup.
    if !gender.is_empty() && !feed && gender.chars().any(char::is_uppercase) {
        return (Some(gender.to_string()), None);
    }
    let words = aliases();
    let code = (!gender.is_empty()).then(|| words.gender(gender)).flatten();
    if !gender.is_empty() && code.is_none() {
        return (Some(gender.to_string()), None);
    }
    let age = (!age.is_empty()).then(|| words.age_group(age)).flatten();
    match audience(code, age) {
        Some(a) => (Some(a.label("en").to_string()), Some(a)),
        None => (None, None),
    }
}

/// The stock an `availability` cell implies: 0 when out of stock, a count
/// when the cell is one, else nothing (in stock or orderable, count unknown).
pub(crate) fn availability_stock(cell: &str) -> Option<i64> {
    if cell.is_empty() {
        return None;
    }
    match aliases().availability(cell) {
        Some(Availability::OutOfStock) => Some(0),
        Some(Availability::InStock | Availability::Orderable) => None,
        None => cell.trim().parse::<i64>().ok().map(|n| n.max(0)),
    }
}

/// The stock an out-of-stock flag (`out_of_stock`, `sold_out`,
/// `esgotado`) gives: yes (1, true) is out of stock, 0; no leaves it
/// unknown, as `in_stock` does. A cell written as an availability ("Sold
/// out", "In stock") is read as one.
pub(crate) fn sold_out_stock(cell: &str) -> Option<i64> {
    match aliases().flag(cell) {
        Some(true) => Some(0),
        Some(false) => None,
        None => availability_stock(cell).filter(|&n| n == 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prices(price: &str, sale: &str, list: &str) -> Result<Prices, RowErrorKind> {
        resolve_prices(PriceCells { price, sale, list }, None)
    }

    fn pair(p: Result<Prices, RowErrorKind>) -> (Option<f64>, Option<f64>) {
        p.map(|p| (p.price, p.list_price)).unwrap_or((None, None))
    }

    #[test]
    fn the_sale_price_is_the_price_and_the_regular_one_the_list_price() {
        assert_eq!(pair(prices("100", "80", "")), (Some(80.0), Some(100.0)));
        assert_eq!(pair(prices("15.00 USD", "", "")), (Some(15.0), None));
        assert_eq!(pair(prices("", "80", "")), (Some(80.0), None));
        // mrp / compare_at beside the selling price.
        assert_eq!(pair(prices("799", "", "999")), (Some(799.0), Some(999.0)));
        // retail_price + discounted_price (Flipkart).
        assert_eq!(pair(prices("", "499", "999")), (Some(499.0), Some(999.0)));
        // A "sale" above the regular price: the shopper pays it, no list price.
        assert_eq!(pair(prices("80", "100", "")), (Some(100.0), None));
        // A sale price of 0 beside a regular price means no sale.
        assert_eq!(pair(prices("100", "0", "")), (Some(100.0), None));
        assert_eq!(pair(prices("0", "", "")), (Some(0.0), None));
        assert_eq!(pair(prices("", "", "")), (None, None));
    }

    #[test]
    fn a_bad_price_beside_a_good_one_is_ignored_and_reported() {
        let p = prices("100", "abc", "").unwrap_or_default();
        assert_eq!((p.price, p.list_price), (Some(100.0), None));
        assert_eq!(
            p.ignored,
            [NoticeKind::PriceIgnored {
                field: Field::SalePrice,
                cell: "abc".into(),
                negative: false
            }]
        );
        let p = prices("-5", "80", "").unwrap_or_default();
        assert_eq!(p.price, Some(80.0));
        assert_eq!(p.ignored.len(), 1);
        assert_eq!(
            prices("abc", "xyz", ""),
            Err(RowErrorKind::UnparsablePrice("abc".into()))
        );
        assert_eq!(prices("-3", "", ""), Err(RowErrorKind::NegativePrice));
        assert_eq!(prices("R$ 10", "", "").map(|p| p.currency), Ok(Some("BRL")));
    }

    #[test]
    fn a_range_is_the_from_price_and_reported() {
        let p = prices("$74.99 - $249.99", "", "").unwrap_or_default();
        assert_eq!((p.price, p.list_price), (Some(74.99), None));
        assert_eq!(p.currency, Some("USD"));
        assert_eq!(
            p.ignored,
            [NoticeKind::PriceRange {
                field: Field::Price,
                cell: "$74.99 - $249.99".into(),
                low: 74.99,
                high: 249.99
            }]
        );
        assert_eq!(
            p.ignored[0].to_string(),
            "price \"$74.99 - $249.99\" is a range: read as its lowest, 74.99"
        );
        // A list price column is kept as it is.
        let p = prices("R$ 1.299,90 - R$ 1.599,90", "", "R$ 1.999,90").unwrap_or_default();
        assert_eq!((p.price, p.list_price), (Some(1299.9), Some(1999.9)));
        // A repeated or labelled amount needs no notice.
        let p = prices("$6.94 $ 6 . 94", "", "").unwrap_or_default();
        assert_eq!((p.price, p.ignored.len()), (Some(6.94), 0));
        let p = prices("Total price: $12.99", "", "").unwrap_or_default();
        assert_eq!((p.price, p.ignored.len()), (Some(12.99), 0));
    }

    #[test]
    fn a_label_without_an_amount_is_an_empty_cell() {
        let p = prices("Total price:", "", "");
        let p = p.unwrap_or_else(|e| panic!("kept without a price: {e:?}"));
        assert_eq!(p.price, None);
        assert_eq!(
            p.ignored,
            [NoticeKind::PriceIgnored {
                field: Field::Price,
                cell: "Total price:".into(),
                negative: false
            }]
        );
        // Beside a valid price, it is ignored the same way.
        let p = prices("Preço:", "R$ 10", "").unwrap_or_default();
        assert_eq!((p.price, p.ignored.len()), (Some(10.0), 1));
        // Words after the label are still no price.
        assert_eq!(
            prices("Price: call us", "", ""),
            Err(RowErrorKind::UnparsablePrice("Price: call us".into()))
        );
    }

    #[test]
    fn audiences_from_feed_codes() {
        use AgeGroup::*;
        use GenderCode::*;
        assert_eq!(audience(Some(Male), Some(Kids)), Some(Audience::Boys));
        assert_eq!(audience(Some(Female), Some(Kids)), Some(Audience::Girls));
        assert_eq!(audience(None, Some(Kids)), Some(Audience::Kids));
        assert_eq!(audience(Some(Unisex), Some(Kids)), Some(Audience::Kids));
        assert_eq!(audience(Some(Male), Some(Baby)), Some(Audience::Baby));
        assert_eq!(audience(Some(Male), Some(Adult)), Some(Audience::Men));
        assert_eq!(audience(Some(Female), None), Some(Audience::Women));
        assert_eq!(audience(None, Some(Adult)), None);
    }

    #[test]
    fn written_genders_win_and_feed_codes_make_audiences() {
        let g = |gender, age, feed| gender_and_audience(gender, age, feed);
        assert_eq!(g("Men", "", false), (Some("Men".into()), None));
        assert_eq!(
            g("Unisex Kids", "kids", true),
            (Some("Unisex Kids".into()), None)
        );
        assert_eq!(g("Male", "", false), (Some("Male".into()), None));
        assert_eq!(
            g("male", "", false),
            (Some("Men".into()), Some(Audience::Men))
        );
        assert_eq!(
            g("Male", "Kids", true),
            (Some("Boys".into()), Some(Audience::Boys))
        );
        assert_eq!(
            g("", "toddler", true),
            (Some("Baby".into()), Some(Audience::Baby))
        );
        assert_eq!(g("", "adult", true), (None, None));
        assert_eq!(g("", "", true), (None, None));
    }

    #[test]
    fn availability_sets_the_stock_only_when_out() {
        assert_eq!(availability_stock("out_of_stock"), Some(0));
        assert_eq!(availability_stock("out-of-stock"), Some(0));
        assert_eq!(availability_stock("in stock"), None);
        assert_eq!(availability_stock("preorder"), None);
        assert_eq!(availability_stock("12"), Some(12));
        assert_eq!(availability_stock("whatever"), None);
    }

    #[test]
    fn an_out_of_stock_flag_is_the_inverse_of_in_stock() {
        for yes in ["1", "TRUE", "yes", "Sim", "sold out"] {
            assert_eq!(sold_out_stock(yes), Some(0), "{yes}");
        }
        for no in ["0", "false", "N", "não", "in stock", "", "12"] {
            assert_eq!(sold_out_stock(no), None, "{no}");
        }
    }
}
