//! What one product's cells leave unsaid, learned while an index is built:
//! its product types (from its category path, then its title's head noun),
//! and, where its cells are empty, its audience and colour (from its title,
//! category path, labelled description and specification blob); brand cells that name no
//! brand are set aside ([`super::brand_cells`]). A [`Learner`] holds what the
//! catalog's first products teach: its language, where its titles put the
//! product type, which words are brands or colours rather than types.
//! Depends on the learning modules of the index ([`super::category`],
//! [`super::types`], [`super::audience`], [`super::color`]), `language`,
//! `text` and the catalog's `Product`; never on tantivy or on the builder
//! that stores what it learns.

use super::brand_cells::{BrandCells, NotABrand};
use super::category::{self, Level};
use super::category_brands::CategoryBrands;
use super::types::{self, HeadPosition, KnownTypes};
use crate::catalog::{Field, Product};
use crate::language::noun::{kinds_named, names_several};
use crate::model::Lang;
use rustc_hash::{FxHashMap, FxHashSet};

/// What the catalog's first products taught, and the category paths read
/// so far.
pub(super) struct Learner {
    /// The catalog's language.
    pub(super) lang: Lang,
    /// Where titles put the product type.
    pub(super) head: HeadPosition,
    /// Brand, colour and audience words of the sample: not types.
    skip_for_types: FxHashSet<String>,
    /// The sample's brands of more than one word, by key ("pepe jeans").
    brands: FxHashSet<String>,
    known_types: KnownTypes,
    /// Brands learned from titles, when the catalog names almost none.
    title_brands: super::title_brands::TitleBrands,
    /// Category path -> its levels (see [`category::levels`]).
    categories: FxHashMap<String, Vec<Level>>,
    /// What the colour column is worth (see [`super::color::ColourCells`]).
    colour_cells: super::color::ColourCells,
    /// The ambiguous colour words the titles use as colours (see
    /// [`super::colour_slots`]).
    colour_slots: super::colour_slots::ColourSlots,
    /// Which brand cells name no brand (see [`super::brand_cells`]).
    brand_cells: BrandCells,
    /// Whether the category paths name brands (see [`super::category_brands`]).
    category_brands: CategoryBrands,
    /// The keys (singular) of the kinds of product the sample's category
    /// levels and titles name ("chocolate", "coffee", "cream"): a colour
    /// word that names other things is no colour in a store selling them
    /// ("Fruit N Nut Chocolate", "Dark Chocolate 75%").
    kind_words: FxHashSet<String>,
    /// The category paths of the sample that products of several titles
    /// share: their last level names a category, never one product.
    shared_paths: FxHashSet<String>,
    /// Whether the products' page addresses name their colours (see
    /// [`slug_colour`]).
    slug_colours: bool,
}

impl Learner {
    /// Learns the language and the title style from `sample` (the first
    /// products of the catalog).
    pub(super) fn from_sample(sample: &[Product]) -> Learner {
        let lang = crate::language::detect::priced_catalog_language(
            sample
                .iter()
                .flat_map(|p| [p.title.as_str(), p.description.as_str()]),
            sample_currency(sample),
        );
        let mut skip_for_types: FxHashSet<String> = FxHashSet::default();
        let brand_cells = BrandCells::judge(
            sample
                .iter()
                .map(|p| (p.title.as_str(), p.brand.as_deref())),
        );
        // The brand cells that name a brand.
        let brand_of = |p: &Product| -> Option<String> {
            let brand = p.brand.as_deref()?;
            brand_cells
                .verdict(brand, &p.title)
                .is_none()
                .then(|| brand.to_string())
        };
        let sample_brands: Vec<Option<String>> = sample.iter().map(brand_of).collect();
        let category_brands =
            CategoryBrands::judge(sample.iter().zip(&sample_brands).filter_map(|(p, brand)| {
                let category = p.category.as_deref()?;
                Some((
                    category::levels(category),
                    p.title.as_str(),
                    brand.as_deref(),
                ))
            }));
        let brands: FxHashSet<String> = sample_brands
            .iter()
            .flatten()
            .map(|b| crate::text::key(b))
            .filter(|k| k.contains(' '))
            .collect();
        for (p, brand) in sample.iter().zip(&sample_brands) {
            for v in [brand, &p.color, &p.gender].into_iter().flatten() {
                skip_for_types.insert(crate::text::key(v));
                for w in crate::text::words(v) {
                    skip_for_types.insert(w);
                }
            }
        }
        let skip = |k: &str| skip_for_types.contains(k) && !types::is_type_name(k);
        let head = types::choose_head_position(sample.iter().map(|p| p.title.as_str()), &skip);
        let mut known_types =
            KnownTypes::learn(sample.iter().map(|p| p.title.as_str()), head, &skip);
        // A brand some rows' cells name is learned from the others' titles.
        let cell_brand_words: FxHashSet<String> = sample_brands
            .iter()
            .flatten()
            .flat_map(|b| crate::text::words(b))
            .collect();
        let not_brand = |k: &str| skip(k) && !cell_brand_words.contains(k);
        let title_brands = super::title_brands::TitleBrands::learn(
            sample,
            head,
            &skip,
            &not_brand,
            &mut known_types,
        );
        // A learned brand's words are no type either.
        skip_for_types.extend(title_brands.words().map(str::to_string));
        let brands = brands
            .into_iter()
            .chain(title_brands.multi_word_keys().map(str::to_string))
            .collect();
        let colour_cells = super::color::ColourCells::judge(
            sample.iter().zip(&sample_brands).filter_map(|(p, brand)| {
                let cell = p.color.as_deref()?;
                Some((cell, p.title.as_str(), brand.as_deref()))
            }),
        );
        let colour_slots = super::colour_slots::ColourSlots::judge(
            sample.iter().zip(&sample_brands).map(|(p, brand)| {
                let brand = brand.as_deref().map(crate::text::words);
                (p.title.as_str(), brand.unwrap_or_default())
            }),
        );
        let kind_words = kind_words(sample, lang, &known_types);
        let shared_paths = shared_paths(sample);
        // Page addresses name colours in a store whose addresses mostly
        // do (IKEA's); a few addresses naming one would make a colour
        // filter of a handful of products.
        let with_url = sample.iter().filter(|p| p.url.is_some()).count();
        let slug_named = sample
            .iter()
            .filter(|p| slug_colour(p, &|_| false, &|_| false).is_some())
            .count();
        let slug_colours = with_url > 0 && slug_named * SLUG_COLOUR_SHARE >= with_url;
        Learner {
            slug_colours,
            shared_paths,
            lang,
            head,
            kind_words,
            skip_for_types,
            brands,
            known_types,
            title_brands,
            categories: FxHashMap::default(),
            colour_cells,
            colour_slots,
            brand_cells,
            category_brands,
        }
    }

    /// The levels of a category path, read once per distinct path.
    fn category_levels(&mut self, category: &str) -> &[Level] {
        // Catalogs repeat a few hundred category paths: read each once.
        if self.categories.len() >= 100_000 {
            self.categories.clear();
        }
        if !self.categories.contains_key(category) {
            self.categories
                .insert(category.to_string(), category::levels(category));
        }
        self.categories.get(category).map_or(&[], Vec::as_slice)
    }

    /// What one product's title and category say: its product types (the
    /// category's, then the title's head noun), whether any came from the
    /// category, and, where its cells are empty, its learned audience and
    /// colour.
    pub(super) fn learn(&mut self, p: &Product) -> Learned {
        let lang = self.lang;
        let needs_gender = p.gender.as_deref().is_none_or(|g| g.trim().is_empty());
        let mut out = Learned::default();
        let mut audience = super::audience::AudienceEvidence::default();
        // A brand cell naming no brand is set aside (see `brand_cells`).
        out.brand_set_aside = p
            .brand
            .as_deref()
            .and_then(|b| self.brand_cells.verdict(b, &p.title));
        let mut brand: Vec<String> = match out.brand_set_aside {
            Some(_) => Vec::new(),
            None => p
                .brand
                .as_deref()
                .map(crate::text::words)
                .unwrap_or_default(),
        };
        // A product without a brand, in a catalog whose category paths
        // name brands: the brand level of its path.
        if brand.is_empty()
            && let Some(category) = p.category.as_deref()
        {
            let brands = self.category_brands;
            if let Some(learned) = brands.brand_of(self.category_levels(category), &p.title) {
                brand = crate::text::words(&learned);
                out.brand = Some(learned);
            }
        }
        // A product without a brand, in a catalog whose brands its titles
        // tell: the brand in its title's brand slot, and the head noun
        // found on the way.
        let mut head_found = None;
        if brand.is_empty() && !self.title_brands.is_empty() {
            let head = types::head_noun(
                &p.title,
                self.head,
                &|k| self.skip_for_types.contains(k) && !types::is_type_name(k),
                &mut self.known_types,
            );
            if let Some((learned, _)) = self.title_brands.find(&p.title, head.as_ref()) {
                brand = crate::text::words(&learned);
                out.brand = Some(learned);
            }
            head_found = Some(head);
        }
        let brand_keys: Vec<&str> = brand.iter().map(String::as_str).collect();
        // Each of its category paths (a product listed under several is
        // of each one's types).
        for category in p.category_paths() {
            let shared = self.shared_paths.contains(category);
            let levels = self.category_levels(category);
            for t in category::types_of(levels, &p.title, &brand_keys, shared) {
                let key = crate::text::key(t);
                if !out.types.iter().any(|o| crate::text::key(o) == key) {
                    out.types.push(t.to_string());
                }
            }
            // A category naming several kinds is also each kind its title
            // names: "Teddy Bears" of "Stuffed Animals & Teddy Bears" for a
            // bear, a type of its own that "teddy bear" finds (a horse
            // plush of the group names "Stuffed Animals", or neither).
            let several = out.types.iter().filter(|t| names_several(t));
            let named: Vec<String> = several.flat_map(|t| kinds_named(t, &p.title)).collect();
            for kind in named {
                let key = crate::text::key(&kind);
                if !out.types.iter().any(|o| crate::text::key(o) == key) {
                    out.types.push(kind);
                }
            }
            out.category_words
                .extend(levels.iter().flat_map(|l| match l.grouping {
                    true => kinds_named(&l.text, &p.title),
                    false => vec![l.text.clone()],
                }));
            if needs_gender {
                audience = audience.merge(category::audience_of(levels));
            }
        }
        out.from_category = !out.types.is_empty();
        let skip = |k: &str| {
            (self.skip_for_types.contains(k) || brand.iter().any(|b| b == k))
                && !types::is_type_name(k)
        };
        // The brand's own words are no type, even a type's name ("Pepe
        // Jeans Boys Khaki Chinos" is chinos, "Calvin Klein Jeans Men Black
        // Joggers" joggers).
        let title = without_brand(&p.title, &brand, &self.brands);
        out.brand_end = p.title.len() - title.len();
        let head = match head_found {
            // Found on the whole title: the same head where the brand leads
            // a title ending with the type, or follows the type.
            Some(head) => head,
            None => types::head_noun(&title, self.head, &skip, &mut self.known_types),
        };
        if let Some(head) = head
            && !types::names_category_type(
                &title,
                head.word,
                &out.types,
                self.head,
                &self.known_types,
            )
        {
            for t in std::iter::once(head.word.to_string()).chain(head.compound) {
                let key = crate::text::key(&t);
                if !out.types.iter().any(|o| crate::text::key(o) == key) {
                    out.types.push(t);
                }
            }
        }
        if needs_gender {
            // The audience a specification names ("Ideal For: Women's")
            // first; one naming the grown-ups and the children of one sex
            // ("Women, Girls") is the grown-ups', mixed sexes say nothing.
            let specified = crate::catalog::spec_values(p, Field::Gender)
                .iter()
                .find_map(|v| super::audience::scan(v).resolve());
            audience = audience.merge(super::audience::scan(&p.title));
            out.gender = specified
                .or_else(|| audience.resolve())
                .map(|a| a.display(lang).to_string());
        }
        let brand_only = |k: &str| brand.iter().any(|b| b == k);
        let cells = &self.colour_cells;
        let slots = &self.colour_slots;
        let sure = |k: &str| cells.is_colour_word(k) || slots.is_colour_word(k);
        let cell = p.color.as_deref().filter(|c| !c.trim().is_empty());
        // A value the column writes where it knows no colour says nothing:
        // the title's colour, or none.
        let unreliable = cell.is_some_and(|c| cells.unreliable(c));
        let learned = match cell {
            Some(cell) if !unreliable => {
                // A colour cell its own title contradicts is the title's colour.
                super::color::contradicted(cell, &p.title, &brand_only, &sure)
            }
            _ => super::color::learn(&p.title, &p.description, &brand_only, &sure).or_else(|| {
                self.slug_colours
                    .then(|| slug_colour(p, &brand_only, &sure))
                    .flatten()
            }),
        };
        // A word the product is named by is not its colour ("Day Cream").
        let types = &out.types;
        let kinds = &self.kind_words;
        out.color = learned.filter(|c| {
            !c.split('/').any(|v| {
                types
                    .iter()
                    .any(|t| crate::text::key(t) == crate::text::key(v))
                    || names_a_kind(v, kinds)
            })
        });
        out.color_set_aside = unreliable && out.color.is_none();
        // A colour in the brand cell is the colour of a product that has
        // none (no cell, none in its title).
        if let Some(NotABrand::Colour(shown)) = &out.brand_set_aside
            && cell.is_none()
            && out.color.is_none()
        {
            out.color = Some(shown.clone());
            out.colour_from_brand = true;
        }
        out
    }
}

/// Page addresses name colours when at least one in this many of the
/// sample's addresses does.
const SLUG_COLOUR_SHARE: usize = 3;

/// The colour the product's own page address names where nothing else
/// does: IKEA's "…/stig-bar-stool-with-backrest-black-silver-colour-80155205/"
/// for "STIG Bar stool with backrest, 74 cm". Its last path segment is
/// read as a title is, when it starts with the title's first word (the
/// product's own slug, not a listing's "/black-friday/").
fn slug_colour(
    p: &Product,
    skip: &dyn Fn(&str) -> bool,
    sure: &dyn Fn(&str) -> bool,
) -> Option<String> {
    let url = p.url.as_deref()?;
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let slug = path.rsplit('/').find(|s| !s.is_empty())?;
    let words = slug.replace(['-', '_', '+'], " ");
    let first = crate::text::words(&p.title).into_iter().next()?;
    if crate::text::words(&words).first() != Some(&first) {
        return None;
    }
    super::color::learn(&words, "", skip, sure)
}

/// The fewest different titles under one category path that make its last
/// level a category's name rather than a product's.
const SHARED_PATH_TITLES: usize = 3;

/// The category paths of `sample` that products of at least
/// [`SHARED_PATH_TITLES`] different titles share ("Makeup > Face > Setting
/// Spray & Powder"), unlike a path ending with the product's own name,
/// which its variants alone share.
/// The currency most of the sample's priced products are in, if any.
pub(super) fn sample_currency(sample: &[Product]) -> Option<&str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for code in sample.iter().filter_map(|p| p.currency.as_deref()) {
        match counts.iter_mut().find(|(c, _)| *c == code) {
            Some((_, n)) => *n += 1,
            None => counts.push((code, 1)),
        }
    }
    counts.into_iter().max_by_key(|&(_, n)| n).map(|(c, _)| c)
}

fn shared_paths(sample: &[Product]) -> FxHashSet<String> {
    let mut titles: FxHashMap<&str, FxHashSet<&str>> = FxHashMap::default();
    for p in sample {
        for path in p.category_paths() {
            let seen = titles.entry(path).or_default();
            if seen.len() < SHARED_PATH_TITLES {
                seen.insert(p.title.as_str());
            }
        }
    }
    titles
        .into_iter()
        .filter(|(_, t)| t.len() >= SHARED_PATH_TITLES)
        .map(|(path, _)| path.to_string())
        .collect()
}

/// The keys (singular) of the kinds `sample`'s category levels name (the
/// head of each kind a level lists: "Chocolates & Candies" names
/// chocolate and candy; "Lemon, Ginger & Garlic" lemon, ginger and garlic)
/// and the head nouns its titles use as types (`known`).
fn kind_words(sample: &[Product], lang: Lang, known: &KnownTypes) -> FxHashSet<String> {
    let mut kinds: FxHashSet<String> = FxHashSet::default();
    let mut paths: FxHashSet<&str> = FxHashSet::default();
    for p in sample {
        if let Some(path) = p.category.as_deref()
            && paths.insert(path)
        {
            for level in category::levels(path) {
                for kind in crate::language::noun::kinds(&level.kind) {
                    let words = crate::text::words(&kind);
                    let head = if lang == Lang::Pt {
                        words.first()
                    } else {
                        words.last()
                    };
                    if let Some(head) = head {
                        kinds.insert(crate::language::noun::singular(head).to_string());
                    }
                }
            }
        }
    }
    let w = super::words::learn_words();
    for key in w.colors.keys() {
        let singular = crate::language::noun::singular(key);
        if known.has_head(key) || known.has_head(&crate::language::noun::plural(singular)) {
            kinds.insert(singular.to_string());
        }
    }
    kinds
}

/// True when the colour `value` is named by a word that also names other
/// things ([`super::words::ColorWord::ambiguous`]) and is a kind of
/// product in `kinds`: "Dark Chocolate" in a store selling chocolates.
fn names_a_kind(value: &str, kinds: &FxHashSet<String>) -> bool {
    let w = super::words::learn_words();
    crate::text::words(value).iter().any(|k| {
        w.colors.get(k.as_str()).is_some_and(|c| c.ambiguous)
            && kinds.contains(crate::language::noun::singular(k))
    })
}

/// `title` without the words spelling its brand when it starts with them:
/// the product's own brand, or a brand of several words of the catalog's
/// (a title may name another brand than its cell). Only at the start: cut
/// from the middle, the words on either side would read as one compound
/// ("Tablet Samsung Galaxy" is no "Tablet Galaxy"). The title itself when
/// it starts with no brand.
fn without_brand<'t>(
    title: &'t str,
    brand: &[String],
    brands: &FxHashSet<String>,
) -> std::borrow::Cow<'t, str> {
    let mut words: Vec<(String, std::ops::Range<usize>)> = Vec::new();
    crate::text::for_each_word(title, |w, range| words.push((w.to_string(), range)));
    let keys: Vec<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
    let own = (!brand.is_empty() && keys.len() >= brand.len() && keys[..brand.len()] == *brand)
        .then_some(0..brand.len());
    let leading = || {
        (2..=4.min(keys.len()))
            .rev()
            .find(|&n| brands.contains(&keys[..n].join(" ")))
            .map(|n| 0..n)
    };
    match own.or_else(leading) {
        // Never the whole title: it would leave no word to be the type.
        Some(span) if span.len() < words.len() => {
            std::borrow::Cow::Borrowed(title[words[span.end - 1].1.end..].trim_start())
        }
        _ => std::borrow::Cow::Borrowed(title),
    }
}

/// What [`Learner::learn`] found for one product.
#[derive(Default)]
pub(super) struct Learned {
    /// Product types: the category's levels, then the title's head noun.
    pub(super) types: Vec<String>,
    /// True when some type came from the category path.
    pub(super) from_category: bool,
    /// The audience learned where the gender cell is empty.
    pub(super) gender: Option<String>,
    /// Where the title's words after its leading brand start (0 when it
    /// starts with none): the title is searched from there, so a brand's
    /// words are not the product's ("Varkala Silk Sarees … Cotton Blend
    /// Saree" is no silk saree, "U.S. Polo Assn. … T-shirt" no polo).
    pub(super) brand_end: usize,
    /// The colour learned where the colour cell is empty, or read in the
    /// title where it contradicts the cell or the cell's value is
    /// unreliable.
    pub(super) color: Option<String>,
    /// True when the colour cell's value is unreliable and the title names
    /// no colour: the product's colour is unknown.
    pub(super) color_set_aside: bool,
    /// The brand read in the title of a product without one, where the
    /// catalog's titles tell its brands ([`super::title_brands`]).
    pub(super) brand: Option<String>,
    /// Why the product's brand cell names no brand, when it names none:
    /// the product has no brand (or the one its title tells).
    pub(super) brand_set_aside: Option<NotABrand>,
    /// True when the colour is the one its brand cell named.
    pub(super) colour_from_brand: bool,
    /// The category's levels as words the product is found by: a level
    /// naming several kinds by the kinds its title names ("Teddy Bears" of
    /// "Stuffed Animals & Teddy Bears" is no horse plush's).
    pub(super) category_words: Vec<String>,
}
