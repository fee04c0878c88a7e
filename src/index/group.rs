//! Variant grouping at import: the key under which the rows of one product
//! model (the same shoe in eight sizes, a shirt in four colours) are
//! grouped, so a page shows each model once (see [`super::VariantGroups`]).
//!
//! A row's key is its feed's `item_group_id` when it has one. Otherwise it
//! is the brand plus the title with the product's own colour and size words
//! taken out, with the audience, category path and material beside them:
//! rows of one brand whose titles and attributes differ only in their size
//! or colour are one model. Conservative by design, since two models merged
//! hide one of them: no brand, or a title that keeps fewer than two words
//! of its own once the brand, colour and size are out ("Camiseta Azul"),
//! gives no key; a number the size cell does not give stays ("Wave Rider
//! 27"), unless a size label introduces it ("Tamanho 42"). Such a row also
//! has a variant signature (its colour, size and the words taken out): rows
//! of one key that do not all differ in it are not variants of one model
//! but products a generic title does not tell apart ("Men Black Solid
//! Casual Shirt" three times at three prices), and are not grouped (see
//! [`super::VariantGroups`]). A feed's own groups are taken as they are.
//!
//! Depends on `catalog` (the product), `language` (size labels), `text`,
//! the colour words of [`super::words`] and how a cell lists several
//! values ([`super::facet_counts::split_sizes`]); nothing above `index`.

use super::facet_counts::split_sizes;
use super::words::learn_words;
use crate::catalog::Product;
use crate::text::for_each_word;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// Separates the parts of a key (never inside a folded word).
const SEP: char = '\u{1F}';

/// Words naming a size in a title ("size", "tamanho", "tam"), from the
/// language files' `[slots] size`; the word after one is a size.
fn size_labels() -> &'static FxHashSet<String> {
    static LABELS: OnceLock<FxHashSet<String>> = OnceLock::new();
    LABELS.get_or_init(|| {
        crate::language::every()
            .filter_map(|(_, d)| d.slots.get("size"))
            .flatten()
            .map(|w| crate::text::key(w))
            .filter(|k| !k.is_empty() && !k.contains(' '))
            .collect()
    })
}

fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// Where a product belongs among variants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupKey {
    /// The key its model's rows share.
    pub group: String,
    /// What tells it from the other rows of its group (colour, size, the
    /// words taken out of its title), when the group comes from titles;
    /// `None` for a feed's own group.
    pub variant: Option<String>,
}

/// The variant group key of a product (`None`: a model of its own).
pub fn group_key(p: &Product) -> Option<GroupKey> {
    if let Some(id) = present(&p.group_id) {
        let mut group = String::with_capacity(id.len() + 2);
        group.push('g');
        group.push(SEP);
        group.push_str(id);
        return Some(GroupKey {
            group,
            variant: None,
        });
    }
    title_key(p)
}

/// The key of a product without a group id: brand, audience, category,
/// material and the title's own words.
fn title_key(p: &Product) -> Option<GroupKey> {
    let brand = present(&p.brand)?;
    let brand_words = crate::text::words(brand);
    // The product's own colour and size words, and its colours' families
    // (a "Preto" cell takes "Preta" out of the title too).
    let mut own: Vec<String> = Vec::new();
    let mut families: Vec<&'static str> = Vec::new();
    let colors = &learn_words().colors;
    for value in present(&p.color).into_iter().flat_map(split_sizes) {
        let key = crate::text::key(value);
        families.extend(colors.get(&key).map(|c| c.family.as_str()));
        for w in key.split(' ').filter(|w| !w.is_empty()) {
            families.extend(colors.get(w).map(|c| c.family.as_str()));
            own.push(w.to_string());
        }
    }
    for value in present(&p.size).into_iter().flat_map(split_sizes) {
        for_each_word(value, |w, _| own.push(w.to_string()));
    }
    let labels = size_labels();
    let mut variant = String::new();
    for cell in [present(&p.color), present(&p.size)] {
        variant.push_str(&crate::text::key(cell.unwrap_or_default()));
        variant.push(SEP);
    }
    let mut title = String::with_capacity(p.title.len());
    let (mut distinct, mut lettered) = (0usize, false);
    let mut after_label = false;
    for_each_word(&p.title, |w, _| {
        let sized = std::mem::replace(&mut after_label, false);
        let colour_of_its_own = || {
            colors
                .get(w)
                .is_some_and(|c| families.contains(&c.family.as_str()))
        };
        if labels.contains(w) {
            after_label = true;
        } else if !(sized || colour_of_its_own() || own.iter().any(|o| o == w)) {
            if !brand_words.iter().any(|b| b == w) {
                distinct += 1;
                lettered |= w.bytes().any(|b| !b.is_ascii_digit());
            }
            if !title.is_empty() {
                title.push(' ');
            }
            title.push_str(w);
            return;
        }
        // Taken out of the title: part of what tells the variant apart.
        variant.push(' ');
        variant.push_str(w);
    });
    if distinct < 2 || !lettered {
        return None;
    }
    let mut group = String::with_capacity(title.len() + 64);
    group.push('t');
    for part in [
        Some(brand),
        present(&p.gender),
        present(&p.category),
        present(&p.material),
    ] {
        group.push(SEP);
        if let Some(part) = part {
            group.push_str(&crate::text::key(part));
        }
    }
    group.push(SEP);
    group.push_str(&title);
    Some(GroupKey {
        group,
        variant: Some(variant),
    })
}

/// The 64-bit FNV-1a hash of a group key, stored in the `group` column:
/// stable across builds and platforms (the hash is only ever compared
/// within one generation, but a stable one keeps generations comparable).
/// Two keys sharing a hash would merge two groups; at a million groups the
/// chance of any such pair is about 3 in 100 million.
pub fn group_hash(key: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in key.as_bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    fn product(title: &str, brand: &str, color: &str, size: &str) -> Product {
        let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
        Product {
            id: title.to_string(),
            title: title.to_string(),
            brand: some(brand),
            color: some(color),
            size: some(size),
            ..Product::default()
        }
    }

    fn key(title: &str, brand: &str, color: &str, size: &str) -> Option<String> {
        group_key(&product(title, brand, color, size)).map(|k| k.group)
    }

    fn variant(title: &str, brand: &str, color: &str, size: &str) -> Option<String> {
        group_key(&product(title, brand, color, size)).and_then(|k| k.variant)
    }

    #[test]
    fn sizes_and_colours_of_one_model_share_a_key() {
        let a = key("Tênis Corre 3 42 Azul", "Olympikus", "Azul", "42");
        assert!(a.is_some());
        assert_eq!(a, key("Tênis Corre 3 40 Preto", "Olympikus", "Preto", "40"));
        // Agreement forms and separators: "Preta" under a "Preto" cell.
        assert_eq!(
            a,
            key("Tênis Corre 3 - Preta, 38", "Olympikus", "Preto", "38")
        );
        // Two colours in the cell and the title.
        assert_eq!(
            a,
            key("Tênis Corre 3 Rosa/Roxo", "Olympikus", "Rosa/Roxo", "41")
        );
        // The title need not name them at all.
        assert_eq!(a, key("Tênis Corre 3", "Olympikus", "Branco", "44"));
        // A size a label introduces, without a size cell.
        assert_eq!(a, key("Tênis Corre 3 Tamanho 39", "Olympikus", "", ""));
    }

    #[test]
    fn different_models_never_share_a_key() {
        let a = key("Tênis Corre 3 42 Azul", "Olympikus", "Azul", "42");
        // Another model number, brand, or a number the size cell does not give.
        assert_ne!(a, key("Tênis Corre 2 42 Azul", "Olympikus", "Azul", "42"));
        assert_ne!(a, key("Tênis Corre 3 42 Azul", "Fila", "Azul", "42"));
        assert_ne!(a, key("Tênis Corre 3 42 Azul", "Olympikus", "Azul", "41"));
        // A colour that is not the product's stays in the title.
        assert_ne!(a, key("Tênis Corre 3 Azul", "Olympikus", "Preto", "42"));
        // Another audience or category.
        let mut women = product("Tênis Corre 3 42 Azul", "Olympikus", "Azul", "42");
        women.gender = Some("Feminino".into());
        assert_ne!(a, group_key(&women).map(|k| k.group));
        let mut kids = product("Tênis Corre 3 42 Azul", "Olympikus", "Azul", "42");
        kids.category = Some("Infantil > Tênis".into());
        assert_ne!(a, group_key(&kids).map(|k| k.group));
    }

    #[test]
    fn variants_of_a_title_group_are_told_apart_by_what_was_taken_out() {
        let v = variant("Tênis Corre 3 42 Azul", "Olympikus", "Azul", "42");
        assert_eq!(v.as_deref(), Some("azul\u{1F}42\u{1F} 42 azul"));
        assert_ne!(
            v,
            variant("Tênis Corre 3 40 Azul", "Olympikus", "Azul", "40")
        );
        // A size only the title gives.
        assert_ne!(
            variant("Anel Galaxy Ring Tamanho 07", "Samsung", "", ""),
            variant("Anel Galaxy Ring Tamanho 08", "Samsung", "", "")
        );
        // Nothing tells these apart: the same signature.
        assert_eq!(
            variant("Men Black Solid Casual Shirt", "Acme", "Black", ""),
            variant("Men Black Solid Casual Shirt", "Acme", "Black", "")
        );
    }

    #[test]
    fn unsure_rows_get_no_key() {
        // No brand; only the type left; only numbers left.
        assert_eq!(key("Tênis Corre 3 42 Azul", "", "Azul", "42"), None);
        assert_eq!(key("Camiseta Azul", "Hering", "Azul", "M"), None);
        assert_eq!(key("Camiseta Hering Azul", "Hering", "Azul", "M"), None);
        assert_eq!(key("Azul 42", "Hering", "Azul", "42"), None);
        assert_eq!(key("Hering 42 Azul", "Hering", "Azul", "42"), None);
    }

    #[test]
    fn feed_groups_win_and_hashes_are_stable() {
        let mut p = product("Anything", "", "", "");
        p.group_id = Some(" SH-RUN ".into());
        let key = group_key(&p).expect("a feed group");
        assert_eq!(key.group, "g\u{1F}SH-RUN");
        assert_eq!(key.variant, None);
        p.group_id = Some("  ".into());
        assert_eq!(group_key(&p), None);
        // FNV-1a test vectors.
        assert_eq!(group_hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(group_hash("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(group_hash("foobar"), 0x8594_4171_f739_67e8);
    }
}
