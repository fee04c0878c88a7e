//! A product's colour learned from its title (and from its description
//! where the description labels it: "Cor: Preto", "Colour: Navy") when the
//! catalog has no colour cell. Colour words are the language files' colour
//! concepts (names, members, shade modifiers); agreement forms are one
//! value (preta, pretos -> Preto); several colours are several values
//! (`Rosa/Roxo` -> `Rosa/Roxo`, split by the index like sizes).
//!
//! Conservative by design, since a false colour hides a product from the
//! shopper who filters on its real one: never the title's first word (its
//! head or brand), never a brand word, never after a word that makes it a
//! flavour, a scent or a name ("Sabor Laranja", "Vinho Branco", "Santa
//! Rosa"); a word that also names other things ("rosa", "orange", "cream")
//! counts only at the end of the title or of one of its parts, after a
//! colour label, or beside a certain colour. Depends on the language data
//! (through [`super::words`]) and `text` only.

use super::words::{TextWords, in_any_phrase, learn_words, title_case};
use rustc_hash::{FxHashMap, FxHashSet};

/// The most colours a title names for one product: more is a list of the
/// variants or of compatible parts, not this product's colour.
const MAX_COLORS: usize = 3;

/// The colour of a product with this title and description, when they
/// name one; `skip` tells the keys of words that are never colours here
/// (the product's brand), `sure` the words that are certainly colours
/// here, though they also name other things (the values of the catalog's
/// colour column: "Orange" in a fashion store).
pub fn learn(
    title: &str,
    description: &str,
    skip: &dyn Fn(&str) -> bool,
    sure: &dyn Fn(&str) -> bool,
) -> Option<String> {
    let words = TextWords::new(title);
    if let Some(labelled) = labelled(&words, skip, false) {
        return Some(labelled);
    }
    if let Some(found) = in_title(&words, skip, sure) {
        return Some(found);
    }
    if description.is_empty() {
        return None;
    }
    labelled(&TextWords::new(description), skip, true)
}

/// The colours `title` names when they contradict the colour `cell`: the
/// title names colours and none is of a family the cell names ("Roadster
/// Women Black Textured Flats" whose cell says Red: a third of Myntra's
/// "Red" cells). A shade agrees with its families ("Navy Blue" with Blue,
/// "Maroon" with Red), a multicolour with any colour. `None` when they
/// agree, when the title names no colour, or when the cell or the title's
/// colour is no colour the language files know ("Matte"): only a certain
/// contradiction is corrected.
pub fn contradicted(
    cell: &str,
    title: &str,
    skip: &dyn Fn(&str) -> bool,
    sure: &dyn Fn(&str) -> bool,
) -> Option<String> {
    const MULTI: &str = "multicolor";
    // Named anywhere, even where it reads as no colour ("Blue Saint Men
    // Black & Blue Striped T-shirt", whose brand's words are skipped),
    // but the brand leading the title is no colour: "Red Tape Men Black
    // Leather Derbys" whose cell says Red are black.
    let title_words: Vec<String> = crate::text::words(title)
        .into_iter()
        .skip_while(|w| skip(w))
        .collect();
    if cell.split('/').any(|part| {
        crate::text::words(part)
            .iter()
            .all(|w| title_words.contains(w))
    }) {
        return None;
    }
    let cell_families = families(cell)?;
    let words = TextWords::new(title);
    let named = labelled(&words, skip, false).or_else(|| in_title(&words, skip, sure))?;
    let named_families = families(&named)?;
    let agree = named_families
        .iter()
        .any(|f| *f == MULTI || cell_families.contains(f))
        || cell_families.contains(&MULTI);
    (!agree).then_some(named)
}

/// The fewest first products whose titles name a colour that judge a
/// value of the colour column.
const JUDGED_ROWS: usize = 20;

/// The share of a value's judged rows whose titles contradict it from
/// which the value tells nothing of a product's colour: a default the
/// export writes where it has none. Titles contradict a third of
/// Myntra's "Red" cells, and a few in a hundred of any other value's.
const UNRELIABLE_SHARE: f64 = 0.25;

/// What a catalog's colour column is worth, judged on its first
/// products: the values its titles contradict too often to be believed
/// where a title says nothing, and the words the column uses as colours
/// (certain colours in titles here, though elsewhere "orange" is a fruit).
#[derive(Debug, Default)]
pub struct ColourCells {
    unreliable: FxHashSet<String>,
    words: FxHashSet<String>,
}

impl ColourCells {
    /// Judges the column on `rows`: (colour cell, title, brand) of the
    /// catalog's first products.
    pub fn judge<'p>(rows: impl Iterator<Item = (&'p str, &'p str, Option<&'p str>)>) -> Self {
        // Cell key -> (rows whose titles name a colour, rows they contradict).
        let mut judged: FxHashMap<String, (usize, usize)> = FxHashMap::default();
        let mut words: FxHashSet<String> = FxHashSet::default();
        let never = |_: &str| false;
        for (cell, title, brand) in rows {
            let cell = cell.trim();
            if cell.is_empty() || families(cell).is_none() {
                continue;
            }
            let brand = brand.map(crate::text::words).unwrap_or_default();
            let skip = |k: &str| brand.iter().any(|b| b == k);
            let words_of_title = TextWords::new(title);
            if labelled(&words_of_title, &skip, false)
                .or_else(|| in_title(&words_of_title, &skip, &never))
                .is_none()
            {
                words.extend(cell.split('/').flat_map(crate::text::words));
                continue;
            }
            let counts = judged.entry(crate::text::key(cell)).or_default();
            counts.0 += 1;
            if contradicted(cell, title, &skip, &never).is_some() {
                counts.1 += 1;
            } else {
                words.extend(cell.split('/').flat_map(crate::text::words));
            }
        }
        let unreliable: FxHashSet<String> = judged
            .into_iter()
            .filter(|(_, (n, against))| {
                *n >= JUDGED_ROWS && *against as f64 >= UNRELIABLE_SHARE * *n as f64
            })
            .map(|(key, _)| key)
            .collect();
        words.retain(|w| !unreliable.contains(w));
        ColourCells { unreliable, words }
    }

    /// True when the column's value `cell` tells nothing of a product's
    /// colour: its titles contradict it too often.
    pub fn unreliable(&self, cell: &str) -> bool {
        !self.unreliable.is_empty() && self.unreliable.contains(&crate::text::key(cell))
    }

    /// True when the column names colours by the word `key`.
    pub fn is_colour_word(&self, key: &str) -> bool {
        self.words.contains(key)
    }
}

/// The colour families of a value and of each of its words, with the
/// broader families of its shades (`Navy Blue` -> navy, blue;
/// `Preto/Vinho` -> black, wine, red), or `None` when a part of it names
/// no known colour.
fn families(value: &str) -> Option<Vec<&'static str>> {
    let w = learn_words();
    let mut out: Vec<&'static str> = Vec::new();
    for part in value.split('/') {
        let key = crate::text::key(part);
        let before = out.len();
        for phrase in std::iter::once(key.as_str()).chain(key.split(' ')) {
            if let Some(c) = w.colors.get(phrase) {
                out.push(c.family.as_str());
            }
            out.extend(crate::language::names::colour_families_of_shade(phrase));
        }
        if out.len() == before {
            return None;
        }
    }
    Some(out)
}

/// One colour phrase found at word `at`: its shown value, word count and
/// whether it is ambiguous.
pub(super) fn colour_at(keys: &[&str], at: usize) -> Option<(String, usize, bool)> {
    let w = learn_words();
    // "Peach-Coloured" is one word, `peachcoloured`: a colour and its suffix.
    let word = keys.get(at)?;
    if let Some(colour) = w.color_suffixes.iter().find_map(|suffix| {
        word.strip_suffix(suffix.as_str())
            .and_then(|colour| w.colors.get(colour))
    }) {
        return Some((colour.shown.clone(), 1, false));
    }
    // "Cinza-Claro" is one word too, `cinzaclaro`: a colour and its shade.
    if let Some((colour, shade)) = w.color_modifiers.iter().find_map(|m| {
        let colour = word
            .strip_suffix(m.as_str())
            .and_then(|c| w.colors.get(c))?;
        Some((colour, m))
    }) {
        return Some((format!("{} {}", colour.shown, title_case(shade)), 1, false));
    }
    let longest = w.color_phrase_words.min(keys.len() - at);
    let (n, word) = (1..=longest)
        .rev()
        .find_map(|n| w.colors.get(&keys[at..at + n].join(" ")).map(|c| (n, c)))?;
    let mut shown = word.shown.clone();
    let mut ambiguous = word.ambiguous;
    let mut used = n;
    // A shade modifier before or after stays with the colour ("Cinza Claro", "Light Blue").
    if let Some(m) = keys.get(at + n).filter(|m| w.color_modifiers.contains(**m)) {
        shown = format!("{shown} {}", title_case(m));
        used += 1;
        ambiguous = false;
    }
    if at > 0 && w.color_modifiers.contains(keys[at - 1]) && !shown.contains(' ') {
        shown = format!("{} {shown}", title_case(keys[at - 1]));
    }
    // "Peach-Coloured", "Gold-Toned": named as the product's colour.
    if keys
        .get(at + used)
        .is_some_and(|k| w.color_suffixes.contains(*k))
    {
        used += 1;
        ambiguous = false;
    }
    Some((shown, used, ambiguous))
}

/// The colours right after a colour label ("Cor: Preto", "Colour - Navy
/// Blue", "Cor de Rosa", "Cores: Preto e Branco"). In a description
/// (`strict`) the label must be followed by `:`, `-` or `=`, so running
/// text ("realce das cores vermelhas") is not read as a label.
fn labelled(words: &TextWords<'_>, skip: &dyn Fn(&str) -> bool, strict: bool) -> Option<String> {
    let w = learn_words();
    let keys = words.slices();
    let mut i = 0;
    while i < keys.len() {
        let Some(label) = w
            .color_labels
            .iter()
            .filter(|l| super::words::starts_with_phrase(&keys, i, l))
            .map(Vec::len)
            .max()
        else {
            i += 1;
            continue;
        };
        let mut at = i + label;
        if strict && !words.gap_after(at - 1).contains([':', '-', '=']) {
            i = at;
            continue;
        }
        // "Cor de Rosa": a linking word may follow the label.
        if keys
            .get(at)
            .is_some_and(|k| w.not_color_before.contains(*k))
            && colour_at(&keys, at + 1).is_some()
        {
            at += 1;
        }
        // Colours joined by "e", "and", "/" or ",".
        let mut found: Vec<String> = Vec::new();
        while let Some((shown, n, _)) = colour_at(&keys, at).filter(|_| !skip(keys[at])) {
            if !found.contains(&shown) {
                found.push(shown);
            }
            at += n;
            if keys
                .get(at)
                .is_some_and(|k| matches!(*k, "e" | "and" | "ou" | "or"))
            {
                at += 1;
            }
        }
        if !found.is_empty() {
            return join(found);
        }
        i = at.max(i + 1);
    }
    None
}

/// True when only brand words, shade modifiers, colours, codes, units and
/// sizes stand between word `at` and the end of its part.
fn ends_its_part(
    words: &TextWords<'_>,
    keys: &[&str],
    at: usize,
    skip: &dyn Fn(&str) -> bool,
) -> bool {
    let w = learn_words();
    let mut i = at;
    loop {
        if words.part_ends_after(i) {
            return true;
        }
        i += 1;
        let Some(k) = keys.get(i) else {
            return true;
        };
        let filler = skip(k)
            || w.color_modifiers.contains(*k)
            || w.colors.contains_key(*k)
            || k.bytes().any(|b| b.is_ascii_digit())
            || k.len() <= 2;
        if !filler {
            return false;
        }
    }
}

/// The colours a title names outside a label.
fn in_title(
    words: &TextWords<'_>,
    skip: &dyn Fn(&str) -> bool,
    sure: &dyn Fn(&str) -> bool,
) -> Option<String> {
    let w = learn_words();
    let keys = words.slices();
    // (shown, position, ambiguous)
    let mut found: Vec<(String, usize, bool)> = Vec::new();
    // Never the first word, nor a phrase starting there ("Navy Blue Shirt").
    let mut i = colour_at(&keys, 0).map_or(1, |(_, n, _)| n.max(1));
    while i < keys.len() {
        let Some((shown, n, ambiguous)) = colour_at(&keys, i) else {
            i += 1;
            continue;
        };
        // The part of the title the colour is in ("Switch Gateron Red").
        let part_start = (0..i)
            .rev()
            .find(|&j| words.part_ends_after(j))
            .map_or(0, |j| j + 1);
        let blocked = skip(keys[i])
            || w.not_color_before.contains(keys[i - 1]) && !words.part_ends_after(i - 1)
            || keys[part_start..i]
                .iter()
                .any(|k| w.not_color_in_part.contains(*k))
            || keys
                .get(i + n)
                .is_some_and(|k| w.not_color_after.contains(*k))
            || in_any_phrase(&keys, i, &w.not_color_phrases);
        if !blocked {
            found.push((shown, i, ambiguous && !sure(keys[i])));
        }
        i += n;
    }
    let certain: Vec<usize> = found.iter().filter(|f| !f.2).map(|f| f.1).collect();
    // (shown, family): one value per colour family, the last one named
    // ("Gamer Black, RGB, Preto": the title's closing colour, Preto).
    let mut out: Vec<(String, &str)> = Vec::new();
    for (shown, at, ambiguous) in found {
        let beside_certain = certain.iter().any(|&c| c != at && c.abs_diff(at) <= 2);
        if ambiguous && !beside_certain && !ends_its_part(words, &keys, at, skip) {
            continue;
        }
        let family = w.colors.get(keys[at]).map_or("", |c| c.family.as_str());
        out.retain(|(s, f)| *s != shown && (family.is_empty() || *f != family));
        out.push((shown, family));
    }
    join(out.into_iter().map(|(shown, _)| shown).collect())
}

fn join(found: Vec<String>) -> Option<String> {
    (!found.is_empty() && found.len() <= MAX_COLORS).then(|| found.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn colour(title: &str) -> Option<String> {
        learn(title, "", &|_| false, &|_| false)
    }

    #[test]
    fn a_colour_cell_its_title_contradicts_is_the_titles_colour() {
        let c = |cell: &str, title: &str| contradicted(cell, title, &|_| false, &|_| false);
        // Myntra rows whose cell says Red.
        assert_eq!(
            c("Red", "Roadster Women Black Textured Open Toe Flats").as_deref(),
            Some("Black")
        );
        assert_eq!(
            c("Red", "Gini and Jony Boys Black & Grey Embroidered Shorts").as_deref(),
            Some("Black/Grey")
        );
        // Agreement: the same colour, a shade of it, one of several, a
        // multicolour, another language's name.
        assert_eq!(c("Red", "Soie Women Red Solid Bra"), None);
        assert_eq!(c("Blue", "Kazo Women Navy Blue Regular Fit Shirt"), None);
        assert_eq!(c("Navy Blue", "Kazo Women Blue Shirt"), None);
        assert_eq!(c("Red", "Da Intimo Red & Black Striped Bra"), None);
        assert_eq!(c("Red", "Anouk Women Multicoloured Printed Kurta"), None);
        assert_eq!(
            c("Blue", "Blue Saint Men Black & Blue Striped T-shirt"),
            None
        );
        assert_eq!(c("Preto", "Mochila Escolar Black Edition"), None);
        assert_eq!(c("White", "Roadster Men Offwhite Solid Shirt"), None);
        // A brand leading the title names no colour of the product.
        let red_tape = |w: &str| matches!(w, "red" | "tape");
        assert_eq!(
            contradicted(
                "Red",
                "Red Tape Men Black Leather Derbys",
                &red_tape,
                &|_| false
            )
            .as_deref(),
            Some("Black")
        );
        assert_eq!(
            contradicted("Red", "Red Tape Men Red Sneakers", &red_tape, &|_| false),
            None
        );
        let blue_saint = |w: &str| matches!(w, "blue" | "saint");
        assert_eq!(
            contradicted(
                "Blue",
                "Blue Saint Men Black & Blue Striped T-shirt",
                &blue_saint,
                &|_| false
            ),
            None
        );
        // No colour in the title, or a cell no language file knows.
        assert_eq!(c("Red", "PARFAIT Plus Size Solid Bra"), None);
        // A colour word made certain by its suffix, though it also names a
        // fruit or a food.
        assert_eq!(
            c("Red", "AURELIA Women Peach-Coloured A-Line Dress").as_deref(),
            Some("Peach")
        );
        assert_eq!(
            c("Red", "Ahalyaa Women Cream-Coloured Printed Straight Kurta").as_deref(),
            Some("Cream")
        );
        assert_eq!(
            c("Red", "Metro Women Gold-Toned Textured Heels").as_deref(),
            Some("Gold")
        );
        assert_eq!(
            c("Peach", "AURELIA Women Peach-Coloured A-Line Dress"),
            None
        );
        assert_eq!(c("Matte", "Lakme Lipstick Black Case"), None);
    }

    #[test]
    fn a_compound_colour_joined_by_a_hyphen_is_one_colour() {
        let c = |t| colour(t);
        let navy = c("Camisa Polo Aramis Reta Bordado Azul-Marinho");
        assert_eq!(navy.as_deref(), Some("Azul Marinho"));
        assert_eq!(
            c("Camisa Polo Yachtsman Reta Color Block Azul-Marinho/Cinza").as_deref(),
            Some("Azul Marinho/Cinza")
        );
        assert_eq!(c("Vestido Midi Verde-Água").as_deref(), Some("Verde Água"));
        assert_eq!(c("Calça Sarja Cinza-Claro").as_deref(), Some("Cinza Claro"));
    }

    #[test]
    fn a_column_value_its_titles_often_contradict_is_unreliable() {
        // A store whose export writes "Red" where it knows no colour: 30
        // of its 100 "Red" rows are titled another colour; "Blue" is
        // contradicted by 2 of 60 titles, "Orange" by none.
        let mut rows: Vec<(String, String)> = Vec::new();
        for i in 0..70 {
            rows.push(("Red".into(), format!("Brand{i} Women Red Solid Top")));
        }
        for i in 0..30 {
            rows.push(("Red".into(), format!("Brand{i} Women Black Solid Top")));
        }
        for i in 0..58 {
            rows.push(("Blue".into(), format!("Brand{i} Men Blue Jeans")));
        }
        for i in 0..2 {
            rows.push(("Blue".into(), format!("Brand{i} Men Grey Jeans")));
        }
        for i in 0..5 {
            rows.push(("Orange".into(), format!("Brand{i} Women Solid Top Orange")));
        }
        let cells = ColourCells::judge(
            rows.iter()
                .map(|(cell, title)| (cell.as_str(), title.as_str(), None)),
        );
        assert!(cells.unreliable("Red") && cells.unreliable("red"));
        assert!(!cells.unreliable("Blue") && !cells.unreliable("Orange"));
        // The column's colour words, not the unreliable value's.
        assert!(cells.is_colour_word("orange") && cells.is_colour_word("blue"));
        assert!(!cells.is_colour_word("red"));
        // Too few rows judge nothing.
        let few = ColourCells::judge(
            rows[70..80]
                .iter()
                .map(|(cell, title)| (cell.as_str(), title.as_str(), None)),
        );
        assert!(!few.unreliable("Red"));
        // "Orange" mid-title is a fruit elsewhere, this column's colour here.
        let title = "Kazo Women Orange Solid A-Line Top";
        assert_eq!(colour(title), None);
        let sure = |k: &str| cells.is_colour_word(k);
        assert_eq!(
            learn(title, "", &|_| false, &sure).as_deref(),
            Some("Orange")
        );
    }

    #[test]
    fn a_component_colour_is_not_the_products() {
        let c = |t| colour(t);
        assert_eq!(
            c("Teclado Mecânico Gamer Husky HailStorm, 65%, RGB, Switch Gateron Red, ABNT2, Preto")
                .as_deref(),
            Some("Preto")
        );
        assert_eq!(
            c("Teclado Gamer Corsair K70 Core RGB, Teclas lineares Vermelho, USB 3.0, Preto")
                .as_deref(),
            Some("Preto")
        );
        assert_eq!(
            c("Teclado Mecanico Redragon Gamer Flamengo, TKL, ABNT2, USB, Preto e Vermelho")
                .as_deref(),
            Some("Preto/Vermelho")
        );
    }

    #[test]
    fn colours_of_real_titles() {
        let c = |t| colour(t);
        assert_eq!(c("Tênis Wave Rider 27 42 Azul").as_deref(), Some("Azul"));
        assert_eq!(c("Camiseta Básica - Preta").as_deref(), Some("Preto"));
        assert_eq!(c("Mochila Escolar Rosa/Roxo").as_deref(), Some("Rosa/Roxo"));
        assert_eq!(c("Navy Blue Solid Shirt").as_deref(), None, "first word");
        assert_eq!(
            c("Roadster Men Navy Blue Solid Shirt").as_deref(),
            Some("Navy Blue")
        );
        assert_eq!(
            c("Teclado Sem Fio Logitech MX Keys Mini, Bluetooth, Cinza Claro - 920-010506")
                .as_deref(),
            Some("Cinza Claro")
        );
        let brand = |k: &str| matches!(k, "fabrica" | "pet");
        assert_eq!(
            learn(
                "Brinquedo Pelúcia Coelho Pernudo Rosa Fabrica Pet - Único",
                "",
                &brand,
                &|_| false
            )
            .as_deref(),
            Some("Rosa")
        );
        assert_eq!(
            c("Brinquedo Pelúcia Coelho Pernudo Rosa Sorridente").as_deref(),
            None
        );
        assert_eq!(
            c("Conjunto De Panelas 6 Peças Cor Verde Linha Ceramic").as_deref(),
            Some("Verde")
        );
        assert_eq!(c("Caneca Cor de Rosa").as_deref(), Some("Rosa"));
        assert_eq!(
            c("Gabinete Gamer, Branco e Cinza - BG-050").as_deref(),
            Some("Branco/Cinza")
        );
        // One value per colour family: the title's closing colour.
        assert_eq!(
            c("Water Cooler Rise Mode Gamer Black, RGB, 240mm, Preto - RM-WCB").as_deref(),
            Some("Preto")
        );
    }

    #[test]
    fn words_that_are_not_colours_here() {
        for title in [
            "Suco Sabor Laranja 1L",
            "Vinho Branco Seco 750 ml",
            "Óleo de Rosa Mosqueta 20 ml",
            "Shampoo Rosas e Camomila para Cabelos",
            "Nivea Cream Moisturiser 200 ml",
            "Geladeira Frost Free Inox 480L",
            "Ração Golden para Cães Adultos Frango e Arroz",
            "Coffee Mug with Lid",
            "Ração Discos Black Line Poytara",
            "Cookie Natal Cães Adultos Peru e Frutas Vermelhas - 250 g",
            "Ração Biofresh Gatos Sênior Peixe Branco",
        ] {
            assert_eq!(colour(title), None, "{title}");
        }
        let brand = |k: &str| k == "orange";
        assert_eq!(
            learn("Power Bank Orange 10000 mAh", "", &brand, &|_| false),
            None
        );
    }

    #[test]
    fn descriptions_count_only_where_they_label_the_colour() {
        assert_eq!(
            learn(
                "Camiseta Dry Fit",
                "Tecido leve. Cor: Preto. Tamanhos P a GG.",
                &|_| false,
                &|_| false
            )
            .as_deref(),
            Some("Preto")
        );
        assert_eq!(
            learn(
                "Camiseta Dry Fit",
                "Ideal para dias de sol e céu azul.",
                &|_| false,
                &|_| false
            ),
            None
        );
    }
}
