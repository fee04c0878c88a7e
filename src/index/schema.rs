//! The tantivy schema: text fields for ranking, keyword fields for exact
//! facet filters and counts (counted from their posting lists, see
//! [`super::FacetTable`]: no fast-field columns), fast fields for price and
//! rating, a fast column of each product's variant group (see
//! [`super::group`]), and the whole product stored (see [`super::stored`]).

use super::analyzer::{ANALYZER, DESCRIPTION_ANALYZER};
use crate::model::Slot;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

/// Bumped whenever the schema or the stored files change shape. Version 5:
/// product type keys are singular words, not stems ("Câmera" and "Cama"
/// are two types); colours are split like sizes; learned audiences and
/// colours are stored in the products, which gain their list price and
/// variant group. Version 6: `type_key` holds the runs
/// of a type's words that keep its head noun, not every run. Version 7: a
/// fast `group` column holds the hash of each product's variant group key
/// (its `item_group_id`, or its brand and title without its own colour and
/// size words), and `group_variant` the hash of what tells a row grouped by
/// its title from the others; read when a generation opens to show one
/// product per model. Version 8: a number with a unit of measure is one
/// token of the text fields ("15 kg" -> `15kg`), and a `no_brand` keyword
/// marks the products without a brand (a placeholder such as "Generic"
/// counts as none), whose titles a brand filter reads.
pub const SCHEMA_VERSION: u32 = 8;

/// Names of the keyword (facet) fields, in the order counts are reported.
pub const FACET_FIELDS: [&str; 6] = ["type", "brand", "color", "gender", "size", "material"];

/// The term of the `no_brand` field.
pub const NO_BRAND: &str = "1";

/// The field holding every extra facet as `name=value` keys.
pub const EXTRA_FIELD: &str = "extra";

/// Handles to every field of the schema.
#[derive(Debug, Clone)]
pub struct Fields {
    /// The catalog id, exact.
    pub id: Field,
    /// Title, analysed with positions (boosted most; the only field matched
    /// by phrases).
    pub title: Field,
    /// Brand, analysed.
    pub brand_text: Field,
    /// Product types (category components and title head nouns), analysed.
    pub type_text: Field,
    /// Category path, colour, material, gender, size and extra values, analysed.
    pub attrs_text: Field,
    /// Description: its distinct content words, without frequencies.
    pub description: Field,
    /// The keyword [`NO_BRAND`] on the products without a brand.
    pub no_brand: Field,
    /// Every run of consecutive analysed words of each product type
    /// (`run shoe`, `run`, `shoe`), so a type filter is one term lookup
    /// with the meaning of a phrase match on `type_text`.
    pub type_key: Field,
    /// Keyword facet fields, in [`FACET_FIELDS`] order.
    pub facets: [Field; 6],
    /// Extra facets as `name=value` keywords.
    pub extra: Field,
    /// Price, fast and range-indexed.
    pub price: Field,
    /// Rating, fast and range-indexed.
    pub rating: Field,
    /// The hash of the product's variant group key (absent when it has
    /// none), fast only.
    pub group: Field,
    /// The hash of what tells the product from the other rows of a group
    /// made from titles (see [`super::group::GroupKey`]), fast only.
    pub group_variant: Field,
    /// The whole product ([`super::stored`] text).
    pub source: Field,
}

impl Fields {
    /// The keyword field of a canonical slot.
    pub fn facet_of(&self, slot: &Slot) -> Option<Field> {
        slot.canonical_index()
            .and_then(|i| self.facets.get(i).copied())
    }

    /// The keyword field of a facet name, if it is a canonical facet.
    pub fn facet(&self, name: &str) -> Option<Field> {
        FACET_FIELDS
            .iter()
            .position(|f| *f == name)
            .map(|i| self.facets[i])
    }

    /// Resolves the handles in an existing schema.
    pub fn from_schema(schema: &Schema) -> tantivy::Result<Fields> {
        let get = |name: &str| schema.get_field(name);
        Ok(Fields {
            id: get("id")?,
            title: get("title")?,
            brand_text: get("brand_text")?,
            type_text: get("type_text")?,
            attrs_text: get("attrs_text")?,
            description: get("description")?,
            no_brand: get("no_brand")?,
            type_key: get("type_key")?,
            facets: [
                get(FACET_FIELDS[0])?,
                get(FACET_FIELDS[1])?,
                get(FACET_FIELDS[2])?,
                get(FACET_FIELDS[3])?,
                get(FACET_FIELDS[4])?,
                get(FACET_FIELDS[5])?,
            ],
            extra: get(EXTRA_FIELD)?,
            price: get("price")?,
            rating: get("rating")?,
            group: get(super::variant_groups::GROUP_FIELD)?,
            group_variant: get(super::variant_groups::VARIANT_FIELD)?,
            source: get("source")?,
        })
    }
}

/// Builds the schema.
///
/// Only the title records positions: a type or colour of several words is
/// matched as a phrase there, to rank products naming it. A shopper's word
/// is one token almost always (`T-shirt` is `tshirt`), so the other fields
/// match a rare several-token word by all its tokens and skip the cost of
/// positions. The description, the longest text and only a fallback,
/// records which content words a product has ([`DESCRIPTION_ANALYZER`]).
pub fn build_schema() -> Schema {
    let mut b = Schema::builder();
    let text = |analyzer: &str, record: IndexRecordOption| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analyzer)
                .set_index_option(record),
        )
    };
    let with_freqs = text(ANALYZER, IndexRecordOption::WithFreqs);
    b.add_text_field("id", STRING);
    b.add_text_field(
        "title",
        text(ANALYZER, IndexRecordOption::WithFreqsAndPositions),
    );
    b.add_text_field("brand_text", with_freqs.clone());
    b.add_text_field("type_text", with_freqs.clone());
    b.add_text_field("attrs_text", with_freqs);
    b.add_text_field(
        "description",
        text(DESCRIPTION_ANALYZER, IndexRecordOption::Basic),
    );
    b.add_text_field("no_brand", STRING);
    b.add_text_field("type_key", STRING);
    for name in FACET_FIELDS {
        b.add_text_field(name, STRING);
    }
    b.add_text_field(EXTRA_FIELD, STRING);
    b.add_f64_field("price", INDEXED | FAST);
    b.add_f64_field("rating", INDEXED | FAST);
    b.add_u64_field(super::variant_groups::GROUP_FIELD, FAST);
    b.add_u64_field(super::variant_groups::VARIANT_FIELD, FAST);
    b.add_text_field("source", STORED);
    b.build()
}
