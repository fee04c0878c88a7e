//! Cell values: the `SKU…` id, store prices (`49.99`, `R$ 1.299,90`),
//! ratings, stock counts and sizes (letters, waist, shoe and kids' sizes),
//! formatted for the output language.

use super::rng::Rng;
use super::tables::{self, Audience, Sizing};
use std::fmt::Write as _;

pub(super) fn push_id(buf: &mut String, i: u64) {
    let _ = write!(buf, "SKU{:08}", i + 1);
}

/// Formats a store price: `49.99` (USD) or `R$ 1.299,90` (BRL, 5 BRL per USD).
pub(super) fn push_price(buf: &mut String, usd: f64, pt: bool, rng: &mut Rng) {
    let roll = rng.below(20);
    let cents: u64 = if pt {
        let brl = usd * 5.0;
        let whole = if brl > 200.0 {
            (brl / 10.0).round() * 10.0 - 1.0
        } else {
            brl.floor()
        } as u64;
        whole * 100
            + match roll {
                0..=9 => 90,
                10..=16 => 99,
                _ => 0,
            }
    } else {
        let whole = if usd > 100.0 {
            (usd / 5.0).round() * 5.0 - 1.0
        } else {
            usd.floor()
        } as u64;
        whole * 100
            + match roll {
                0..=13 => 99,
                14..=15 => 49,
                _ => 0,
            }
    };
    let cents = cents.max(99);
    let (whole, frac) = (cents / 100, cents % 100);
    if pt {
        buf.push_str("R$ ");
        let digits = whole.to_string();
        for (k, ch) in digits.chars().enumerate() {
            if k > 0 && (digits.len() - k) % 3 == 0 {
                buf.push('.');
            }
            buf.push(ch);
        }
        let _ = write!(buf, ",{frac:02}");
    } else {
        let _ = write!(buf, "{whole}.{frac:02}");
    }
}

/// Ratings: mostly 3.8–4.8, a few low ones, about 5% unrated.
pub(super) fn push_rating(buf: &mut String, pt: bool, rng: &mut Rng) {
    let roll = rng.f64();
    if roll < 0.05 {
        return;
    }
    let r = if roll < 0.09 {
        1.0 + 2.5 * rng.f64()
    } else {
        (4.25 + 0.3 * rng.normal()).clamp(2.5, 5.0)
    };
    let tenths = (r * 10.0).round() as u32;
    let sep = if pt { ',' } else { '.' };
    let _ = write!(buf, "{}{sep}{}", tenths / 10, tenths % 10);
}

/// Units in stock: about 9% sold out, otherwise mostly small numbers.
pub(super) fn stock(rng: &mut Rng) -> u32 {
    if rng.chance(0.09) {
        0
    } else {
        let u = rng.f64();
        1 + (u * u * 250.0) as u32
    }
}

pub(super) fn size(
    sizing: Sizing,
    audience: Option<Audience>,
    pt: bool,
    rng: &mut Rng,
) -> Option<&'static str> {
    let kid = audience.is_some_and(Audience::is_kid);
    let women = audience == Some(Audience::Women);
    let table: &[&str] = match (sizing, kid, pt) {
        (Sizing::Unsized, ..) => return None,
        (Sizing::OneSize, _, false) => return Some("One Size"),
        (Sizing::OneSize, _, true) => return Some("Tamanho Único"),
        (Sizing::Letters | Sizing::Waist, true, false) => tables::KID_AGES_EN,
        (Sizing::Letters | Sizing::Waist, true, true) => tables::KID_AGES_PT,
        (Sizing::Letters, false, false) => tables::LETTERS_EN,
        (Sizing::Letters, false, true) => tables::LETTERS_PT,
        (Sizing::Waist, false, false) => tables::WAIST_EN,
        (Sizing::Waist, false, true) => tables::WAIST_PT,
        (Sizing::Shoes, true, false) => tables::KID_SHOES_EN,
        (Sizing::Shoes, true, true) => tables::KID_SHOES_PT,
        (Sizing::Shoes, false, false) if women => &tables::SHOES_EN[..5],
        (Sizing::Shoes, false, false) => &tables::SHOES_EN[1..],
        (Sizing::Shoes, false, true) if women => &tables::SHOES_PT[..7],
        (Sizing::Shoes, false, true) => &tables::SHOES_PT[4..],
    };
    Some(rng.pick(table))
}
