//! The `Product` record every importer yields and every front end shows,
//! the [`Variant`]s the index lists beside a shown product, and the
//! canonical [`Field`]s a catalog column can be mapped to.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One catalog product, with values cleaned (trimmed, prices parsed).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Product {
    /// The merchant's own product id (or the line number when the file has no id column).
    pub id: String,
    /// The product's name as shown to shoppers.
    pub title: String,
    /// Free-text description.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Brand, as written in the catalog.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    /// Category, possibly a path such as `Men > Shoes > Sneakers`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Every category path of a product the catalog lists under several
    /// (the same id on rows that differ only in their category), the first
    /// being [`Product::category`]; empty when it has one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// Price in the catalog's currency units (e.g. 1299.9): what the
    /// shopper pays, so the sale price when the catalog gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<f64>,
    /// The regular price before a discount, only when it is higher than
    /// [`Product::price`] (a feed's `price` beside its `sale_price`, an
    /// `mrp` or `compare_at_price` beside the selling price).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_price: Option<f64>,
    /// ISO 4217 code such as `USD`, `BRL`, `INR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Colour, as written in the catalog (trimmed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// Size or sizes (e.g. `M`, `42`, `S/M/L`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// Audience: Men, Women, Unisex, Boys, Girls, Kids... as written in the
    /// catalog, or made from a feed's `gender` and `age_group` codes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// Main material.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub material: Option<String>,
    /// Average rating, usually 0..=5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<f64>,
    /// Units in stock, never negative; `Some(0)` also when a feed's
    /// `availability` says out of stock and no stock column gives a count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stock: Option<i64>,
    /// Product page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Product image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    /// The variant group: rows with the same group are sizes or colours of
    /// one product (a feed's `item_group_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// Every other column, by its header as written in the file (the
    /// identifiers `gtin` and `mpn` under those names).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
    /// The audience a feed's `gender`/`age_group` codes made for `gender`
    /// (written in English by the reader): the importer writes it again in
    /// the catalog's own language. Not stored.
    #[serde(skip)]
    pub feed_audience: Option<Audience>,
    /// The other products of its variant group (the same model in other
    /// sizes or colours), filled by the index when it shows the product;
    /// never read from a catalog row nor stored in the index.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<Variant>,
}

impl Product {
    /// Its category paths: [`Product::categories`] when it has several,
    /// else its one [`Product::category`].
    pub fn category_paths(&self) -> impl Iterator<Item = &str> {
        let several = !self.categories.is_empty();
        let one = self.category.as_deref().filter(|_| !several);
        one.into_iter()
            .chain(self.categories.iter().map(String::as_str))
    }
}

/// Another size or colour of a product model: one more row of its group.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Variant {
    /// The variant's own product id.
    pub id: String,
    /// Its colour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// Its size or sizes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// Its price (what the shopper pays).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<f64>,
}

/// An audience made from a product feed's `gender` and `age_group` codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Audience {
    /// Adult men (`male`, `male` + `adult`).
    Men,
    /// Adult women.
    Women,
    /// Adults of any gender.
    Unisex,
    /// `male` + `kids`.
    Boys,
    /// `female` + `kids`.
    Girls,
    /// `kids`, alone or with `unisex`.
    Kids,
    /// `newborn`, `infant` or `toddler`.
    Baby,
}

impl Audience {
    /// The audience's name in the language data files (`[audience]`).
    pub fn key(self) -> &'static str {
        match self {
            Audience::Men => "men",
            Audience::Women => "women",
            Audience::Unisex => "unisex",
            Audience::Boys => "boys",
            Audience::Girls => "girls",
            Audience::Kids => "kids",
            Audience::Baby => "baby",
        }
    }

    /// How a catalog in `language` (`en`, `pt`) writes this audience;
    /// English for a language without a data file.
    pub fn label(self, language: &str) -> &'static str {
        super::aliases::aliases().audience_label(self, language)
    }
}

/// The canonical fields a CSV column can be mapped to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Product id.
    Id,
    /// Product name.
    Title,
    /// Description.
    Description,
    /// Brand.
    Brand,
    /// Category or category path.
    Category,
    /// The product type: the most specific level of the category
    /// (`product_type_name`, `article type`, `subcategoria`), read as the
    /// category path's last level.
    Type,
    /// Price (the regular one when a sale price is also given).
    Price,
    /// A price before a discount (`mrp`, `list_price`, `compare_at_price`).
    ListPrice,
    /// A discounted price (`sale_price`, `discounted_price`, `special_price`).
    SalePrice,
    /// Currency code.
    Currency,
    /// Colour.
    Color,
    /// Size.
    Size,
    /// Gender / audience.
    Gender,
    /// Material.
    Material,
    /// Rating.
    Rating,
    /// Stock.
    Stock,
    /// Product page URL.
    Url,
    /// Image URL.
    ImageUrl,
    /// In stock, out of stock, preorder (a feed's `availability`).
    Availability,
    /// A yes/no flag saying the product is out of stock (`out_of_stock`,
    /// `sold_out`, `esgotado`): the inverse of in stock, so 1 (yes) makes
    /// the stock 0.
    SoldOut,
    /// A feed's `age_group` (adult, kids, toddler...), read with the gender.
    AgeGroup,
    /// Variant group id (a feed's `item_group_id`).
    GroupId,
    /// Global trade item number (EAN, UPC, ISBN), kept as the extra `gtin`.
    Gtin,
    /// Manufacturer part number, kept as the extra `mpn`.
    Mpn,
}

impl Field {
    /// Every canonical field, in display order.
    pub const ALL: [Field; 24] = [
        Field::Id,
        Field::Title,
        Field::Description,
        Field::Brand,
        Field::Category,
        Field::Type,
        Field::Price,
        Field::ListPrice,
        Field::SalePrice,
        Field::Currency,
        Field::Color,
        Field::Size,
        Field::Gender,
        Field::Material,
        Field::Rating,
        Field::Stock,
        Field::Url,
        Field::ImageUrl,
        Field::Availability,
        Field::SoldOut,
        Field::AgeGroup,
        Field::GroupId,
        Field::Gtin,
        Field::Mpn,
    ];

    /// The field's snake_case name, as used by `--map FIELD=COLUMN`.
    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Title => "title",
            Field::Description => "description",
            Field::Brand => "brand",
            Field::Category => "category",
            Field::Type => "type",
            Field::Price => "price",
            Field::ListPrice => "list_price",
            Field::SalePrice => "sale_price",
            Field::Currency => "currency",
            Field::Color => "color",
            Field::Size => "size",
            Field::Gender => "gender",
            Field::Material => "material",
            Field::Rating => "rating",
            Field::Stock => "stock",
            Field::Url => "url",
            Field::ImageUrl => "image_url",
            Field::Availability => "availability",
            Field::SoldOut => "sold_out",
            Field::AgeGroup => "age_group",
            Field::GroupId => "group_id",
            Field::Gtin => "gtin",
            Field::Mpn => "mpn",
        }
    }

    /// True for the fields a file may give in several columns, read in
    /// order of preference: the first non-empty cell of a row wins
    /// (`product_type`, else `product_category_tree`, else
    /// `google_product_category`; `link`, else `canonical_url`).
    pub fn takes_fallbacks(self) -> bool {
        matches!(self, Field::Category | Field::Url | Field::ImageUrl)
    }

    /// Parses a field name as written in `--map` (`image_url`, `image-url`, `imageurl`).
    pub fn from_name(name: &str) -> Option<Field> {
        let key: String = name
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        Field::ALL
            .into_iter()
            .find(|f| f.name().replace('_', "") == key)
    }
}
