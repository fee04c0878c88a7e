//! Product descriptions: an opening, one or two department sentences and a
//! closing, picked from the templates in `tables` and filled in with the
//! product's brand, type, colour, material, descriptor and audience.

use super::rng::Rng;
use super::tables::{self, ProductType, Sizing};

/// The words a description template can use.
pub(super) struct Slots<'a> {
    pub(super) brand: &'a str,
    pub(super) ty: &'a str,
    pub(super) pair: bool,
    pub(super) colour: &'a str,
    pub(super) material: &'a str,
    pub(super) descriptor: &'a str,
    pub(super) audience: &'a str,
}

/// Composes an opening, one or two department sentences and a closing:
/// 150–400 characters.
pub(super) fn describe(
    buf: &mut String,
    ty: &ProductType,
    words: &Slots<'_>,
    pt: bool,
    rng: &mut Rng,
) {
    let (open, close) = if pt {
        (tables::OPEN_PT, tables::CLOSE_PT)
    } else {
        (tables::OPEN_EN, tables::CLOSE_EN)
    };
    let middle = tables::middle(ty.group, pt);
    render(buf, rng.pick(open), words);
    let first = rng.below(middle.len());
    buf.push(' ');
    render(buf, middle[first], words);
    if buf.chars().count() < 110 || rng.chance(0.5) {
        let second = (first + 1 + rng.below(middle.len() - 1)) % middle.len();
        buf.push(' ');
        render(buf, middle[second], words);
    }
    // The last closing sentence is about sizes.
    let close = if ty.sizing == Sizing::Unsized {
        &close[..close.len() - 1]
    } else {
        close
    };
    buf.push(' ');
    buf.push_str(rng.pick(close));
    if buf.chars().count() < 150 {
        buf.push(' ');
        buf.push_str(if pt {
            "Aproveite o frete grátis nas compras acima de R$ 199."
        } else {
            "Free shipping on orders over $35."
        });
    }
}

/// Expands `{b}`, `{t}`, `{c}`, `{m}`, `{d}`, `{a}` in a template.
fn render(buf: &mut String, template: &str, words: &Slots<'_>) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        buf.push_str(&rest[..open]);
        let key = rest[open + 1..].chars().next().unwrap_or('}');
        match key {
            'b' => buf.push_str(words.brand),
            't' => {
                if words.pair {
                    buf.push_str("pair of ");
                }
                push_lower(buf, words.ty)
            }
            'c' => push_lower(buf, words.colour),
            'm' => push_lower(buf, words.material),
            'd' => push_lower(buf, words.descriptor),
            'a' => buf.push_str(words.audience),
            _ => {}
        }
        rest = rest[open + 1..]
            .split_once('}')
            .map_or("", |(_, after)| after);
    }
    buf.push_str(rest);
}

/// Lower-cases words, except acronyms such as `USB-C`, `RGB`, `EVA`.
fn push_lower(buf: &mut String, s: &str) {
    for (k, word) in s.split(' ').enumerate() {
        if k > 0 {
            buf.push(' ');
        }
        let acronym = word.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !word.chars().any(char::is_lowercase);
        if acronym {
            buf.push_str(word);
        } else {
            buf.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
}
