//! Brand cells that name no brand. Scraped and marketplace exports fill
//! the brand column with whatever the page showed there: a colour
//! ("Black", "Multicolor") or a word the product's own title uses to
//! describe it ("Regular", "Slim Fit", after the real brand: "Wrangler
//! Regular Fit Men's Jeans"). Taken as brands, "black bra" reads as the
//! brand Black and brand questions offer "Slim (60), Regular (43)".
//!
//! A brand cell is set aside when it is exactly
//!
//! * a colour of the language files, and the catalog shows it is no
//!   brand: the product's colour when it has none (no cell, none in its
//!   title);
//! * a word or two-word phrase the catalog's titles use as a qualifier:
//!   in most titles that use it it stands after the title's first word,
//!   and either at least [`MIN_USES`] titles use it so (or, for a phrase,
//!   its first word: "Regular" of "Regular Fit"), or it has rows enough
//!   whose titles do not name it.
//!
//! * one of a handful of values that fill the whole column and that no
//!   title names: the store's or its supplier's own names (a Shopify
//!   store's Vendor "Loja", "marketplace", "Nuvem Shop"), not makers.
//!
//! All are judged from the catalog's first rows, and only where the
//! evidence is clear; a real brand that is an ordinary word stays a brand.
//! Where titles name their brands, a value whose own rows' titles name it
//! where they name brands (first, where titles lead with their brand) is
//! a brand ("Blue" of "Tapete Higiênico Blue Premium", "Golden" of "Ração
//! Golden"); a colour is set aside when its rows' titles do not, and
//! either it has rows enough to tell or the column holds several such
//! colours (then even one first met later is set aside, unless its own
//! title names it so). A
//! qualifier is judged only where titles lead with their brand ("Apple
//! iPhone Cover", Google's "Brand + Product Type + Attributes"), and a
//! value whose own rows' titles lead with it is a brand ("Royal",
//! "Apple", however many titles say "for Apple iPhone").
//!
//! Depends on the colour words of [`super::words`], `text` and the
//! vocabulary's value type; never on the builder.

use super::vocabulary::FacetValue;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// Titles that must use a word after their first word for it to be a
/// qualifier rather than a brand.
pub(super) const MIN_USES: u32 = 5;
/// Share of a catalog's branded rows whose title must lead with (or name)
/// the brand for the catalog's titles to lead with (name) brands.
const CATALOG_SHARE: f64 = 0.5;
/// A value whose own rows' titles lead with it this often is a brand.
const OWN_LEAD_SHARE: f64 = 0.2;
/// A value whose own rows' titles name it this often is a brand.
const OWN_NAME_SHARE: f64 = 0.6;
/// Share of the titles using a value that must be its own rows' for it to
/// be their maker's name rather than a qualifier.
const OWN_TITLES_SHARE: f64 = 0.5;
/// Rows a colour value needs to be told no brand on its own evidence.
const MIN_ROWS: u32 = 3;
/// Colour values, none named by its rows' titles, that show a column
/// holding colours.
const MIN_COLOURS: usize = 3;

/// Why a brand cell names no brand.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum NotABrand {
    /// A colour, as the catalog's colours are shown ("Black").
    Colour(String),
    /// A word the titles use to describe products ("Slim Fit").
    Qualifier,
    /// A name of the store or of its supplier, not of a maker: one of the
    /// few values the whole column holds, which no title names (Shopify
    /// Vendors "Loja", "marketplace", "Nuvem Shop").
    Store,
}

/// A brand value's own rows among the catalog's first.
#[derive(Debug, Clone, Copy, Default)]
struct OwnRows {
    rows: u32,
    /// Rows whose title leads with the value.
    leading: u32,
    /// Rows whose title names the value somewhere.
    naming: u32,
}

/// What the catalog's first rows say about its brand cells.
#[derive(Debug, Default)]
pub(super) struct BrandCells {
    /// True when the titles lead with their brand.
    titles_lead: bool,
    /// True when the titles name their brand somewhere.
    titles_name: bool,
    /// True when the column holds several colours its titles do not name.
    colourful: bool,
    /// Folded words and two-word phrases of the titles -> titles leading
    /// with it, titles using it after their first word.
    uses: FxHashMap<String, (u32, u32)>,
    /// Folded brand cell -> its rows.
    own: FxHashMap<String, OwnRows>,
    /// Folded values that name the store, not a brand (see [`store_names`]).
    stores: Vec<String>,
}

/// Rows with a brand cell the first rows need to tell store names.
const STORE_MIN_ROWS: u32 = 20;
/// The most values a column of store names holds (among its commonest).
const STORE_MAX_VALUES: usize = 5;
/// Share of the branded rows those values cover.
const STORE_COVER_SHARE: f64 = 0.95;
/// Share of a store name's rows whose titles may name it.
const STORE_NAMED_SHARE: f64 = 0.05;

/// The values of a brand column that name the store rather than brands:
/// a handful of values (two to five) covering nearly all the first rows,
/// each named by (almost) none of its rows' titles. A real brand column
/// has many values, or titles that name them.
fn store_names(own: &FxHashMap<String, OwnRows>) -> Vec<String> {
    let total: u32 = own.values().map(|o| o.rows).sum();
    if total < STORE_MIN_ROWS {
        return Vec::new();
    }
    let mut values: Vec<(&String, &OwnRows)> = own.iter().collect();
    values.sort_by(|a, b| b.1.rows.cmp(&a.1.rows).then_with(|| a.0.cmp(b.0)));
    // One value alone is kept: an own-label store's Vendor is its brand
    // too ("any from Allbirds?"), and a single value is never asked about.
    if values.len() < 2 {
        return Vec::new();
    }
    let top = &values[..values.len().min(STORE_MAX_VALUES)];
    let covered: u32 = top.iter().map(|(_, o)| o.rows).sum();
    let unnamed = |o: &OwnRows| f64::from(o.naming) <= STORE_NAMED_SHARE * f64::from(o.rows);
    if f64::from(covered) < STORE_COVER_SHARE * f64::from(total)
        || !top.iter().all(|(_, o)| unnamed(o))
    {
        return Vec::new();
    }
    top.iter().map(|(k, _)| (*k).clone()).collect()
}

/// True when the title's words start with the brand's.
fn leads_with(title: &[String], brand: &[String]) -> bool {
    !brand.is_empty() && title.len() >= brand.len() && title[..brand.len()] == *brand
}

/// True when the title's words hold the brand's, in a row.
fn names(title: &[String], brand: &[String]) -> bool {
    !brand.is_empty() && title.windows(brand.len()).any(|w| w == brand)
}

impl BrandCells {
    /// Learns from the catalog's first rows: (title, brand cell).
    pub(super) fn judge<'a>(rows: impl Iterator<Item = (&'a str, Option<&'a str>)>) -> BrandCells {
        let mut cells = BrandCells::default();
        // Rows with a brand that is no colour: all, leading, naming.
        let (mut branded, mut leading, mut naming) = (0u32, 0u32, 0u32);
        let mut seen: Vec<String> = Vec::new();
        for (title, brand) in rows {
            let words = crate::text::words(title);
            seen.clear();
            for n in 1..=2 {
                for (at, phrase) in words.windows(n).enumerate() {
                    let key = phrase.join(" ");
                    if seen.contains(&key) {
                        continue;
                    }
                    let entry = cells.uses.entry(key.clone()).or_default();
                    if at == 0 {
                        entry.0 += 1;
                    } else {
                        entry.1 += 1;
                    }
                    seen.push(key);
                }
            }
            let Some(brand) = brand.filter(|b| !b.trim().is_empty()) else {
                continue;
            };
            let brand_words = crate::text::words(brand);
            let key = brand_words.join(" ");
            let (leads, named) = (
                leads_with(&words, &brand_words),
                names(&words, &brand_words),
            );
            let own = cells.own.entry(key.clone()).or_default();
            own.rows += 1;
            own.leading += u32::from(leads);
            own.naming += u32::from(named);
            // Colours are left out: they are what is being told apart.
            if colour(&key).is_none() {
                branded += 1;
                leading += u32::from(leads);
                naming += u32::from(named);
            }
        }
        let share = |n: u32| branded > 0 && f64::from(n) >= CATALOG_SHARE * f64::from(branded);
        cells.titles_lead = share(leading);
        cells.titles_name = share(naming);
        let unnamed_colours = cells
            .own
            .iter()
            .filter(|(key, own)| colour(key).is_some() && !cells.named_by_its_rows(own))
            .count();
        cells.colourful = unnamed_colours >= MIN_COLOURS;
        cells.stores = store_names(&cells.own);
        cells
    }

    /// True when a value's own rows show it is a brand: most of its rows'
    /// titles put it where the catalog's titles put their brands (at the
    /// start where they lead with it, anywhere where they name it).
    fn named_by_its_rows(&self, own: &OwnRows) -> bool {
        let named = if self.titles_lead {
            own.leading
        } else if self.titles_name {
            own.naming
        } else {
            return false;
        };
        f64::from(named) >= OWN_NAME_SHARE * f64::from(own.rows)
    }

    /// True when most of a value's rows' titles name it, and those are
    /// most of the titles that use it at all.
    fn names_its_own(&self, key: &str, own: &OwnRows) -> bool {
        let (leading, after) = self.uses.get(key).copied().unwrap_or_default();
        let named = f64::from(own.naming);
        named >= OWN_NAME_SHARE * f64::from(own.rows)
            && named >= OWN_TITLES_SHARE * f64::from(leading + after)
    }

    /// True when this title puts `brand` where the catalog's titles put
    /// their brands.
    fn named_by_title(&self, title: &str, brand: &[String]) -> bool {
        let title = crate::text::words(title);
        if self.titles_lead {
            leads_with(&title, brand)
        } else {
            self.titles_name && names(&title, brand)
        }
    }

    /// Why the brand cell `brand` of the product titled `title` names no
    /// brand; `None` when it is a brand.
    pub(super) fn verdict(&self, brand: &str, title: &str) -> Option<NotABrand> {
        let words = crate::text::words(brand);
        if words.is_empty() {
            return None;
        }
        let key = words.join(" ");
        if self.stores.contains(&key) {
            return Some(NotABrand::Store);
        }
        let own = self.own.get(&key);
        if let Some(shown) = colour(&key) {
            let set_aside = match own {
                Some(own) => {
                    !self.named_by_its_rows(own) && (self.colourful || own.rows >= MIN_ROWS)
                }
                // First met after the first rows: only in a column known
                // to hold colours, and where its title does not name it
                // as brands are named ("Ladyland Dia Beige … Bra" is
                // Ladyland's, in beige).
                None => self.colourful && !self.named_by_title(title, &words),
            };
            return set_aside.then(|| NotABrand::Colour(shown.to_string()));
        }
        if words.len() > 2 || !self.titles_lead {
            return None;
        }
        // Used after the title's first word, and mostly there; in enough
        // titles to tell.
        let used_after = |key: &str| {
            let (leading, after) = self.uses.get(key).copied().unwrap_or_default();
            after > 0 && after > 2 * leading
        };
        let qualifier_in_titles = |key: &str| {
            used_after(key)
                && self
                    .uses
                    .get(key)
                    .is_some_and(|&(_, after)| after >= MIN_USES)
        };
        // The titles' own evidence: the value, or the first word of a
        // phrase the titles use the same way ("Regular" of "Regular Fit").
        let by_titles = qualifier_in_titles(&key)
            || (words.len() == 2 && used_after(&key) && qualifier_in_titles(&words[0]));
        // Its rows' evidence: rows enough whose titles do not name it, where
        // titles name their brands, and titles using it after their first word.
        let by_own_rows = own.is_some_and(|own| {
            self.titles_name && own.rows >= MIN_ROWS && !self.named_by_its_rows(own)
        }) && used_after(&key);
        if !by_titles && !by_own_rows {
            return None;
        }
        // A maker's name its own rows' titles carry, and hardly any other
        // title ("… Medley Genérico" in Medley's rows only), is its brand
        // wherever titles put it; a qualifier is carried by other brands'
        // titles ("Regular Fit" in Wrangler's and Levi's).
        if own.is_some_and(|own| self.names_its_own(&key, own)) {
            return None;
        }
        // Whether the value's rows lead their titles with it: its rows
        // among the first, else this row.
        let own_rows_lead = match own {
            Some(own) => f64::from(own.leading) >= OWN_LEAD_SHARE * f64::from(own.rows),
            None => leads_with(&crate::text::words(title), &words),
        };
        (!own_rows_lead).then_some(NotABrand::Qualifier)
    }
}

/// The colour a folded value is, as shown.
fn colour(key: &str) -> Option<&'static str> {
    super::words::learn_words()
        .colors
        .get(key)
        .map(|c| c.shown.as_str())
}

/// The brand cells set aside at import, for the merchant.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BrandsSetAside {
    /// Rows whose brand cell was a colour.
    pub colours: u64,
    /// Rows among those given that colour (they had none).
    pub to_colour: u64,
    /// Rows whose brand cell was a word the titles use as a qualifier.
    pub qualifiers: u64,
    /// Rows whose brand cell named the store, not a brand.
    #[serde(default)]
    pub stores: u64,
    /// The values set aside, most rows first.
    pub values: Vec<FacetValue>,
}

impl BrandsSetAside {
    /// Rows whose brand cell was set aside.
    pub fn rows(&self) -> u64 {
        self.colours + self.qualifiers + self.stores
    }
}

/// Counts the brand cells set aside while products are added.
#[derive(Debug, Default)]
pub(super) struct SetAsideCounter {
    counts: BrandsSetAside,
    values: FxHashMap<String, u64>,
}

/// The values a report lists.
const LISTED_VALUES: usize = 12;

impl SetAsideCounter {
    /// Counts one row's brand cell `brand`, set aside for `why`; `to_colour`
    /// when its colour became the product's.
    pub(super) fn count(&mut self, brand: &str, why: &NotABrand, to_colour: bool) {
        match why {
            NotABrand::Colour(_) => {
                self.counts.colours += 1;
                self.counts.to_colour += u64::from(to_colour);
            }
            NotABrand::Qualifier => self.counts.qualifiers += 1,
            NotABrand::Store => self.counts.stores += 1,
        }
        match self.values.get_mut(brand) {
            Some(n) => *n += 1,
            None => {
                self.values.insert(brand.to_string(), 1);
            }
        }
    }

    /// The counts, with the most common values.
    pub(super) fn finish(self) -> BrandsSetAside {
        let mut values: Vec<FacetValue> = self
            .values
            .into_iter()
            .map(|(value, count)| FacetValue { value, count })
            .collect();
        values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        values.truncate(LISTED_VALUES);
        BrandsSetAside {
            values,
            ..self.counts
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A catalog whose titles lead with their brands, with junk brand
    /// cells: colours and fit words on rows of other brands' products.
    fn catalog() -> Vec<(&'static str, Option<&'static str>)> {
        let mut rows = vec![
            ("Wrangler Regular Fit Men's Jeans", Some("Regular")),
            ("Reckler Slim Fit Men's Jeans", Some("Slim")),
            ("Discountgod Men's Checkered Casual Shirt", Some("Slim")),
            ("Van Heusen Men's Printed Party Shirt", Some("Slim Fit")),
            ("Clovia Women's Full Coverage Bra", Some("Black")),
            ("Grafion Comfort Feel Women's Bra", Some("Pink")),
            ("S4S Stylish Women's Push-up Bra", Some("Orange")),
            ("Apple iPhone 6 Case", Some("Apple")),
            ("Apple AirPort Express Base Station", Some("Apple")),
            ("Royal Men's Kurta and Pyjama Set", Some("Royal")),
            ("Orange Tree Men's Polo", Some("Orange Tree")),
            ("Pazel Slim Fit Men's Jeans", Some("Pazel")),
            ("Police Slim Fit Men's Jeans", Some("Police")),
            ("Powell Slim Fit Men's Jeans", Some("Powell")),
            ("Ben Carter Regular Fit Men's Jeans", Some("Ben Carter")),
            ("Lee Regular Fit Men's Jeans", Some("Lee")),
            ("Levi's Regular Fit Men's Jeans", Some("Levi's")),
            ("Wrangler Slim Fit Men's Jeans", Some("Wrangler")),
        ];
        for title in [
            "Momento Regular Fit Men's Jeans",
            "Case for Apple iPhone 6",
            "Cover for Apple iPhone 5",
            "Tempered Glass for Apple iPhone 6S",
            "Cable for Apple iPad",
            "Charger for Apple MacBook",
            "Royal Blue Women's Kurta",
        ] {
            rows.push((title, None));
        }
        rows
    }

    fn judged() -> BrandCells {
        BrandCells::judge(catalog().into_iter())
    }

    #[test]
    fn colour_cells_are_no_brands() {
        let cells = judged();
        assert!(cells.titles_lead);
        let v = |brand, title| cells.verdict(brand, title);
        assert_eq!(
            v("Black", "Clovia Women's Full Coverage Bra"),
            Some(NotABrand::Colour("Black".into()))
        );
        assert_eq!(
            v("Multicolor", "Peri Peri Women's Push-up Bra"),
            Some(NotABrand::Colour("Multicolor".into()))
        );
        // A colour that names fruit too: its rows name other brands.
        assert_eq!(
            v("Orange", "Vivity Women's Plunge Bra"),
            Some(NotABrand::Colour("Orange".into()))
        );
        // First met later: a title naming it after its brand does not
        // make it one.
        assert_eq!(
            v("Beige", "Ladyland Dia Beige Women's Full Coverage Bra"),
            Some(NotABrand::Colour("Beige".into()))
        );
        // A brand holding a colour word is a brand.
        assert_eq!(v("Orange Tree", "Orange Tree Men's Polo"), None);
        assert_eq!(v("Black & Decker", "Black & Decker Drill"), None);
    }

    #[test]
    fn qualifier_cells_are_no_brands() {
        let cells = judged();
        let v = |brand, title| cells.verdict(brand, title);
        assert_eq!(
            v("Slim", "Discountgod Men's Checkered Casual Shirt"),
            Some(NotABrand::Qualifier)
        );
        assert_eq!(
            v("Regular", "Wrangler Regular Fit Men's Jeans"),
            Some(NotABrand::Qualifier)
        );
        assert_eq!(
            v("Slim Fit", "Van Heusen Men's Printed Party Shirt"),
            Some(NotABrand::Qualifier)
        );
        // Not in the first rows as a brand: this row's title decides.
        assert_eq!(
            v("Regular Fit", "HRX Women's Solid Casual Shirt"),
            Some(NotABrand::Qualifier)
        );
    }

    #[test]
    fn a_qualifier_few_titles_use_is_told_by_its_rows_or_its_first_word() {
        let shirts: Vec<String> = ["Checkered", "Printed", "Striped"]
            .iter()
            .map(|shirt| format!("Highlander Men's {shirt} Casual Shirt"))
            .collect();
        let mut rows: Vec<(&str, Option<&str>)> = catalog()
            .into_iter()
            .chain(shirts.iter().map(|t| (t.as_str(), Some("Trim"))))
            .collect();
        rows.push(("Reckler Trim Fit Men's Jeans", Some("Reckler")));
        rows.push(("Pazel Regular Waist Men's Jeans", Some("Pazel")));
        let cells = BrandCells::judge(rows.into_iter());
        let v = |brand, title| cells.verdict(brand, title);
        // One title uses "Trim" as a qualifier, and three rows of the
        // brand Trim do not name it.
        assert_eq!(
            v("Trim", "Highlander Men's Striped Casual Shirt"),
            Some(NotABrand::Qualifier)
        );
        // One title says "Regular Waist"; "Regular" is a qualifier.
        assert_eq!(
            v("Regular Waist", "Lee Men's Jeans"),
            Some(NotABrand::Qualifier)
        );
        // Used once after a first word, and leading its own row.
        assert_eq!(v("Reckler", "Reckler Trim Fit Men's Jeans"), None);
    }

    #[test]
    fn ordinary_words_that_lead_their_titles_stay_brands() {
        let cells = judged();
        let v = |brand, title| cells.verdict(brand, title);
        // "Apple" is mostly used after the first word ("Case for Apple
        // iPhone"), but its own rows lead with it.
        assert_eq!(v("Apple", "Apple MD199HN/A"), None);
        assert_eq!(v("Royal", "Royal Men's Pathani Suit Set"), None);
        // A word too few titles use is no qualifier.
        assert_eq!(v("Momento", "Momento Regular Fit Men's Jeans"), None);
        assert_eq!(v("Zara", "Basic Tee"), None);
    }

    #[test]
    fn where_titles_name_brands_after_the_type_named_colours_stay_brands() {
        let rows = [
            ("Geladeira Electrolux Frost Free", Some("Electrolux")),
            ("Fogão Brastemp 4 Bocas", Some("Brastemp")),
            ("Ração Golden Cães Adultos", Some("Golden")),
            ("Tapete Higiênico Blue Premium", Some("Blue")),
            ("Tapete Higiênico Blue Citrus", Some("Blue")),
            ("Tapete Higiênico Tico Pads Expet", Some("Blue")),
            ("Camiseta Slim Básica", Some("Slim")),
            ("Camiseta Slim Gola V", None),
            ("Calça Slim Jeans", None),
            ("Bermuda Slim Sarja", None),
            ("Blusa Slim Listrada", None),
            ("Vestido Slim Midi", None),
            ("Tênis Corrida Masculino", Some("Preto")),
            ("Tênis Casual Feminino", Some("Preto")),
            ("Sapatênis Couro", Some("Preto")),
        ];
        let cells = BrandCells::judge(rows.into_iter());
        assert!(!cells.titles_lead && cells.titles_name && !cells.colourful);
        // Its rows' titles name it: a brand, even on a row whose title does not.
        assert_eq!(
            cells.verdict("Blue", "Tapete Higiênico Tico Pads Expet"),
            None
        );
        assert_eq!(cells.verdict("Golden", "Ração Golden Filhotes"), None);
        // Three rows, none naming it.
        assert_eq!(
            cells.verdict("Preto", "Tênis Corrida Masculino"),
            Some(NotABrand::Colour("Preto".into()))
        );
        // Titles do not lead with brands: no qualifier is judged.
        assert_eq!(cells.verdict("Slim", "Camiseta Slim Básica"), None);
        // One colour first met later, in a column not known to hold colours.
        assert_eq!(cells.verdict("Colorful", "Placa de Vídeo RTX 3060"), None);
    }

    #[test]
    fn set_aside_cells_are_counted_for_the_report() {
        let mut counter = SetAsideCounter::default();
        let black = NotABrand::Colour("Black".into());
        counter.count("Black", &black, true);
        counter.count("Black", &black, false);
        counter.count("Slim", &NotABrand::Qualifier, false);
        let counts = counter.finish();
        assert_eq!(
            (counts.colours, counts.to_colour, counts.qualifiers),
            (2, 1, 1)
        );
        assert_eq!(counts.rows(), 3);
        assert_eq!(counts.values[0].value, "Black");
        assert_eq!(counts.values[0].count, 2);
    }

    #[test]
    fn a_handful_of_values_no_title_names_are_the_stores_names() {
        // A dropshipping store's Vendor column: its own names, on every row.
        let titles = [
            "Cinta Modeladora Feminina",
            "Escova Secadora 3 em 1",
            "Tênis Esportivo Masculino",
            "Coleira para Cachorro",
        ];
        let vendors = ["Loja", "marketplace", "Loja", "Nuvem Shop"];
        let rows: Vec<(String, &str)> = (0..24)
            .map(|i| (format!("{} {i}", titles[i % 4]), vendors[i % 4]))
            .collect();
        let cells = BrandCells::judge(rows.iter().map(|(t, b)| (t.as_str(), Some(*b))));
        assert_eq!(
            cells.verdict("Loja", "Cinta Modeladora Feminina"),
            Some(NotABrand::Store)
        );
        assert_eq!(
            cells.verdict("Nuvem Shop", "Coleira para Cachorro"),
            Some(NotABrand::Store)
        );
        // The same few values, named by their titles: brands.
        let rows: Vec<(String, &str)> = (0..24)
            .map(|i| {
                (
                    format!("{} {} {i}", vendors[i % 4], titles[i % 4]),
                    vendors[i % 4],
                )
            })
            .collect();
        let cells = BrandCells::judge(rows.iter().map(|(t, b)| (t.as_str(), Some(*b))));
        assert_eq!(cells.verdict("Loja", "Loja Cinta Modeladora"), None);
        // Many values: a brand column, whatever its titles say.
        let rows: Vec<(String, String)> = (0..24)
            .map(|i| (format!("{} {i}", titles[i % 4]), format!("Maker{}", i % 8)))
            .collect();
        let cells = BrandCells::judge(rows.iter().map(|(t, b)| (t.as_str(), Some(b.as_str()))));
        assert_eq!(cells.verdict("Maker1", "Escova Secadora 3 em 1"), None);
        // One value on every row: an own-label store's brand, kept.
        let cells = BrandCells::judge(rows.iter().map(|(t, _)| (t.as_str(), Some("Allbirds"))));
        assert_eq!(cells.verdict("Allbirds", "Escova Secadora 3 em 1"), None);
    }
}
