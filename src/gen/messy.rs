//! Messy rows: gives a row one deliberate defect (stray spaces, a missing
//! title, an unparsable price, a duplicate id or a wrong column count) and
//! counts it in [`MessyCounts`].

use super::MessyCounts;
use super::rng::Rng;
use super::row::{Columns, Row, Style};
use super::tables;
use super::values::push_id;

/// Gives row `i` one defect, counted in `counts`.
pub(super) fn mess_up(
    row: &mut Row,
    i: u64,
    style: &Style,
    rng: &mut Rng,
    counts: &mut MessyCounts,
) -> Columns {
    let mut kind = rng.below(5);
    if kind == 3 && i == 0 {
        kind = 0; // no earlier id to duplicate
    }
    match kind {
        0 => {
            counts.stray_spaces += 1;
            if let Some(space) = row.title.find(' ') {
                row.title.insert(space, ' ');
            }
            row.title.insert_str(0, "  ");
            row.title.push(' ');
            row.brand.insert(0, ' ');
            row.color.push_str("  ");
        }
        1 => {
            counts.missing_title += 1;
            row.title.clear();
        }
        2 => {
            counts.bad_price += 1;
            row.price.clear();
            let bad = if style.pt {
                tables::BAD_PRICES_PT
            } else {
                tables::BAD_PRICES_EN
            };
            row.price.push_str(rng.pick(bad));
        }
        3 => {
            counts.duplicate_id += 1;
            let back = 1 + rng.below(i.min(1000) as usize) as u64;
            row.id.clear();
            push_id(&mut row.id, i - back);
        }
        _ => {
            counts.wrong_columns += 1;
            return match rng.below(3) {
                0 => Columns::OneExtra,
                n => Columns::Missing(n),
            };
        }
    }
    Columns::Exact
}
