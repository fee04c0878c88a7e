//! Category paths in the shapes real feeds write them: `A > B > C`,
//! `A >> B >> C`, `A / B / C`, `A|B|C`, a JSON array wrapping the path
//! (`["Clothing >> Women's Clothing >> Tops"]`), paths cut short with
//! `...`, the product's own name as the last level, and slugs
//! (`mens-watches`, `skin-care`). Each level becomes a product type in
//! words a shopper types ("Skin Care"), its audience words set aside as
//! the product's audience (`Men's Clothing` is clothing, for men).
//! Depends on the language data (through [`super::words`]) and `text` only.

use super::audience::{self, AudienceEvidence};
use super::words::{TextWords, learn_words, title_case};

/// One level of a category path, read once per distinct path.
#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    /// The level as a product type, audience words removed ("Clothing"
    /// for "Women's Clothing"); empty when nothing else is left ("Men").
    pub kind: String,
    /// The level as read (slugs in words), to compare with the title.
    pub text: String,
    /// The audiences the level names.
    pub audience: AudienceEvidence,
    /// A grouping level ("Bags & Accessories"): a type only when last.
    pub grouping: bool,
}

/// The levels of a category cell.
pub fn levels(category: &str) -> Vec<Level> {
    let path = unwrap_json(category.trim());
    let parts: Vec<&str> = path
        .split(['>', '|', '\\', '/', '›', '»'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let last = parts.len().saturating_sub(1);
    let mut out = Vec::with_capacity(parts.len());
    for (i, part) in parts.into_iter().enumerate() {
        // A level cut short ("Western Wear >> Shirts, Tops & Tun...") is dropped.
        if i == last && (part.ends_with("...") || part.ends_with('…')) {
            continue;
        }
        let text = clean(part);
        if text.is_empty() {
            continue;
        }
        // A level above the last is a label ("Baby Care > Diapers"); the
        // last may be the product's own name, read as a title is.
        let audience = if i < last {
            audience::scan_level(&text)
        } else {
            audience::scan(&text)
        };
        // "Just Arrived", "Thursday 19th May": a promotion, no type.
        let kind = match crate::language::is_merchandising(&text) {
            true => String::new(),
            false => without_audience_words(&text),
        };
        let grouping = crate::language::noun::names_several(&text);
        out.push(Level {
            kind,
            text,
            audience,
            grouping,
        });
    }
    out
}

/// The path inside a JSON array of strings (`["A >> B"]`), or the cell.
fn unwrap_json(cell: &str) -> String {
    if cell.starts_with('[') {
        if let Ok(paths) = serde_json::from_str::<Vec<String>>(cell)
            && let Some(first) = paths.into_iter().find(|p| !p.trim().is_empty())
        {
            return first;
        }
        return cell
            .trim_start_matches('[')
            .trim_end_matches(']')
            .trim()
            .trim_matches(['"', '\''])
            .to_string();
    }
    cell.to_string()
}

/// A level without stray quotes or brackets, a slug in words
/// (`mobile-accessories` -> `Mobile Accessories`).
fn clean(part: &str) -> String {
    let part = part.trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '&' | '+'));
    let slug = !part.is_empty()
        && !part.contains(char::is_whitespace)
        && part.contains(['-', '_'])
        && part
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_'));
    if slug {
        title_case(&part.replace(['-', '_'], " "))
    } else {
        part.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// The level's words without its audience words (and the "for" words and
/// function words left around them): "Women's Clothing" -> "Clothing".
fn without_audience_words(text: &str) -> String {
    let w = learn_words();
    let words = TextWords::new(text);
    let kept: Vec<usize> = (0..words.keys.len())
        .filter(|&i| !w.audience_words.contains_key(&words.keys[i]))
        .collect();
    if kept.len() == words.keys.len() {
        return text.to_string();
    }
    let meaningful = kept.iter().any(|&i| {
        let k = &words.keys[i];
        !w.for_words.contains(k) && !crate::language::is_function_word(k)
    });
    if !meaningful {
        return String::new();
    }
    let (Some(&first), Some(&last)) = (kept.first(), kept.last()) else {
        return String::new();
    };
    // The surface from the first kept word to the last, when contiguous;
    // otherwise the kept words joined.
    if last - first + 1 == kept.len() {
        text[words.ranges[first].start..words.ranges[last].end].to_string()
    } else {
        kept.iter()
            .map(|&i| &text[words.ranges[i].clone()])
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// True when `level` is the product's own name rather than a category:
/// it starts with the whole title or with the brand ("Kenneth Cole Wrist
/// Watches"), or most of its words (three or more) are the title's.
pub fn is_own_name(level: &str, title_keys: &[&str], brand_keys: &[&str]) -> bool {
    let words = crate::text::words(level);
    let starts_with = |prefix: &[&str]| {
        !prefix.is_empty()
            && prefix.len() <= words.len()
            && prefix.iter().zip(&words).all(|(p, w)| p == w)
    };
    if title_keys.len() >= 2 && starts_with(title_keys) || starts_with(brand_keys) {
        return true;
    }
    if words.len() < 3 {
        return false;
    }
    let shared = words
        .iter()
        .filter(|w| title_keys.contains(&w.as_str()))
        .count();
    shared * 5 >= words.len() * 3
}

/// The product types of a path's levels for a product titled `title`, of
/// the brand with `brand_keys`: each level's type, the last level dropped
/// when it is the product's name (never when products of several titles
/// share the path: `shared`), grouping levels only when last.
pub fn types_of<'l>(
    levels: &'l [Level],
    title: &str,
    brand_keys: &[&str],
    shared: bool,
) -> Vec<&'l str> {
    let mut end = levels.len();
    // Only a last level of two words or more can be a name: the title's
    // words are read for those alone.
    if end > 1
        && !shared
        && let Some(last) = levels.last()
        && last.text.contains(' ')
    {
        let title_words = crate::text::words(title);
        let title_keys: Vec<&str> = title_words.iter().map(String::as_str).collect();
        if is_own_name(&last.text, &title_keys, brand_keys) {
            end -= 1;
        }
    }
    let mut out: Vec<&str> = Vec::new();
    for (i, level) in levels[..end].iter().enumerate() {
        if level.kind.is_empty()
            || level.grouping && i + 1 < end
            || is_brand_level(levels, i, brand_keys)
        {
            continue;
        }
        let key = crate::text::key(&level.kind);
        if !out.iter().any(|o| crate::text::key(o) == key) {
            out.push(&level.kind);
        }
    }
    out
}

/// The longest brand a level alone can be, in words.
const MAX_ALONE_WORDS: usize = 3;

/// How many first words of level `i` can name a brand: all but the level
/// above's name when it ends with it, else all when they are few.
pub fn brand_words(levels: &[Level], i: usize) -> Option<usize> {
    let keys = crate::text::words(&levels[i].text);
    let above = crate::text::words(&levels[i.checked_sub(1)?].text);
    if keys.len() > above.len() && keys.ends_with(&above) {
        return Some(keys.len() - above.len());
    }
    (!keys.is_empty() && keys.len() <= MAX_ALONE_WORDS).then_some(keys.len())
}

/// True when level `i` of `levels` is the brand with `brand_keys`: its
/// words are the brand's, alone or followed by the level above's name.
pub fn is_brand_level(levels: &[Level], i: usize, brand_keys: &[&str]) -> bool {
    if brand_keys.is_empty() || i == 0 {
        return false;
    }
    let keys = crate::text::words(&levels[i].text);
    brand_words(levels, i).is_some_and(|n| n == brand_keys.len())
        && keys.iter().zip(brand_keys).all(|(k, b)| k == b)
}

/// The audiences a path's levels name (the last one too, even when it is
/// the product's name: "Alisha Solid Women's Cycling Shorts").
pub fn audience_of(levels: &[Level]) -> AudienceEvidence {
    levels
        .iter()
        .fold(AudienceEvidence::default(), |e, l| e.merge(l.audience))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::words::Audience;

    fn types(category: &str, title: &str) -> Vec<String> {
        let levels = levels(category);
        types_of(&levels, title, &[], false)
            .into_iter()
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn every_shape_of_path() {
        assert_eq!(types("Men > Shoes > Sneakers", ""), ["Shoes", "Sneakers"]);
        assert_eq!(
            types("Home >> Kitchen >> Mugs", ""),
            ["Home", "Kitchen", "Mugs"]
        );
        assert_eq!(
            types("Beauty / Skin Care / Serums", ""),
            ["Beauty", "Skin Care", "Serums"]
        );
        assert_eq!(
            types("Electronics|Audio|Headphones", ""),
            ["Electronics", "Audio", "Headphones"]
        );
        assert_eq!(
            types(
                r#"["Clothing >> Women's Clothing >> Western Wear >> Tops"]"#,
                ""
            ),
            ["Clothing", "Western Wear", "Tops"]
        );
        assert_eq!(
            types("Clothing >> Women's Clothing >> Shirts, Tops & Tun...", ""),
            ["Clothing"]
        );
        assert_eq!(types("mens-watches", ""), ["Watches"]);
        assert_eq!(types("skin-care", ""), ["Skin Care"]);
        assert_eq!(types("mobile-accessories", ""), ["Mobile Accessories"]);
        assert_eq!(
            types(
                "Clothing >> Women's Clothing >> Alisha Solid Women's Cycling Shorts",
                "Alisha Solid Women's Cycling Shorts"
            ),
            ["Clothing"]
        );
        assert_eq!(types("Bolsas e Acessórios > Carteiras", ""), ["Carteiras"]);
        assert_eq!(
            types(
                "Footwear >> Women's Footwear >> Ballerinas >> dilli bazaaar Bellies, Corporate Casuals, Casuals",
                "dilli bazaaar Bellies"
            ),
            ["Footwear", "Ballerinas"]
        );
        assert_eq!(types("Home & Kitchen", ""), ["Home & Kitchen"]);
        assert_eq!(types(r#"Tops > Shirts"]"#, ""), ["Tops", "Shirts"]);
    }

    #[test]
    fn audience_levels_count_as_audience() {
        let of = |c: &str| audience_of(&levels(c)).resolve();
        assert_eq!(
            of("Clothing >> Women's Clothing >> Tops"),
            Some(Audience::Women)
        );
        assert_eq!(of("mens-watches"), Some(Audience::Men));
        assert_eq!(of("Men > Shoes"), Some(Audience::Men));
        assert_eq!(of("skin-care"), None);
        // A level above the last is a label: its nouns name people.
        assert_eq!(of("Baby Care > Diapers & Wipes"), Some(Audience::Baby));
        assert_eq!(
            of("Toys & Games > Baby & Toddler Toys > Push & Pull Toys"),
            Some(Audience::Baby)
        );
        // Not a character, nor the last level (a product's name there).
        assert_eq!(of("Toys > Iron Man > Figures"), None);
        assert_eq!(of("Toys > Baby Shark Plush"), None);
    }
}
