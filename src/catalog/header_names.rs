//! Which field a header names, by itself: the three matching rounds of
//! [`super::header`] (the whole header is an alias; it is one once filler
//! words and currencies are dropped; one of its words names exactly one
//! field), and the field a `--map` argument names. The names come from the
//! language data files ([`super::aliases`]).

use super::Field;
use super::aliases::{aliases, fold, split_camel_case};
use crate::text;

/// A column's best match: (round, rank within the field's names, field).
pub(crate) type Candidate = (u8, usize, Field);

/// The field a `--map` field name means: its own name (`image_url`) or a
/// header alias (`colour`, `preço`, `sale price`).
pub(crate) fn field_named(name: &str) -> Option<Field> {
    Field::from_name(name).or_else(|| aliases().field(&fold(name)).map(|(f, _)| f))
}

/// A header's best match, by the first round that names a field. Its
/// words are apart where CamelCase puts them (`_NomeProduto` is `Nome
/// Produto`), so its filler and its words are seen.
pub(crate) fn candidate(header: &str) -> Option<Candidate> {
    let words = text::words(&split_camel_case(header));
    if words.is_empty() {
        return None;
    }
    let a = aliases();
    if let Some((field, rank)) = a.field(&words.concat()) {
        return Some((1, rank, field));
    }
    let rest = significant(&words);
    if rest.is_empty() {
        return None;
    }
    if let Some((field, rank)) = a.field(&rest.concat()) {
        return Some((2, rank, field));
    }
    word_match(&rest).map(|(field, rank)| (3, rank, field))
}

/// True for a header of what others wrote about the product, or of who
/// wrote it (`review_content`, `review_title`, `user_name`,
/// `Comentários`): a scrape's reviews talk of other products ("better than
/// my old Samsung"), so their words are no words of this one.
pub(crate) fn names_opinions(header: &str) -> bool {
    let a = aliases();
    text::words(&split_camel_case(header))
        .iter()
        .any(|w| a.is_opinions(w))
}

/// True for a header naming an identifier: its last word is one of the
/// id's names (`article_id`, `product_code`, `Style SKU`, `Ref.`). Such a
/// column may be the id when its values are unique (see
/// [`super::reader`]).
pub(crate) fn names_identifier(header: &str) -> bool {
    let words = text::words(&split_camel_case(header));
    words
        .last()
        .is_some_and(|w| matches!(aliases().field(w), Some((Field::Id, _))))
}

/// Words without filler and currencies (`Sale Price (INR)` -> `sale price`).
fn significant(words: &[String]) -> Vec<&str> {
    let a = aliases();
    words
        .iter()
        .map(String::as_str)
        .filter(|w| {
            !a.is_filler(w) && super::price::currency_token(w).is_none() && a.currency(w).is_none()
        })
        .collect()
}

/// Round 3: exactly one field is named by one of the words, and no word
/// says the column is about something else.
fn word_match(words: &[&str]) -> Option<(Field, usize)> {
    let a = aliases();
    if words.iter().any(|w| a.is_other_topic(w)) {
        return None;
    }
    let mut found: Vec<(Field, usize)> = words.iter().filter_map(|w| a.field(w)).collect();
    found.sort();
    found.dedup_by_key(|f| f.0);
    // `Brand Name`, `Color Name`: the name of something else.
    if found.len() > 1 {
        found.retain(|&(f, _)| f != Field::Title);
    }
    match found.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifier_headers() {
        for h in [
            "article_id",
            "product_code",
            "Style SKU",
            "id",
            "Ref",
            "codigo",
        ] {
            assert!(names_identifier(h), "{h}");
        }
        for h in ["department_no", "prod_name", "Price", "", "idea"] {
            assert!(!names_identifier(h), "{h}");
        }
    }

    fn auto(header: &str) -> Option<Field> {
        candidate(header).map(|(_, _, field)| field)
    }

    #[test]
    fn header_table() {
        use Field::*;
        let cases: &[(&str, Option<Field>)] = &[
            ("Product_ID", Some(Id)),
            ("id", Some(Id)),
            ("ID", Some(Id)),
            ("sku", Some(Id)),
            ("SKU", Some(Id)),
            ("código", Some(Id)),
            ("codigo", Some(Id)),
            ("Product_Name", Some(Title)),
            ("ProductName", Some(Title)),
            ("name", Some(Title)),
            ("Title", Some(Title)),
            ("nome", Some(Title)),
            ("Nome do Produto", Some(Title)),
            ("produto", Some(Title)),
            ("product", Some(Title)),
            ("Item Name", Some(Title)),
            ("Description", Some(Description)),
            ("descrição", Some(Description)),
            ("Short Description", Some(Description)),
            ("body_html", Some(Description)),
            ("Body (HTML)", Some(Description)),
            ("about_product", Some(Description)),
            ("Descrição HTML", Some(Description)),
            ("Product_Brand", Some(Brand)),
            ("brand", Some(Brand)),
            ("Brand Name", Some(Brand)),
            ("marca", Some(Brand)),
            ("fabricante", Some(Brand)),
            ("category", Some(Category)),
            ("categoria", Some(Category)),
            ("departamento", Some(Category)),
            ("product_type", Some(Category)),
            ("tipo", Some(Type)),
            ("product_type_name", Some(Type)),
            ("articleType", Some(Type)),
            ("subcategoria", Some(Type)),
            ("Sub Category", Some(Type)),
            ("department_no", None),
            ("product_type_no", None),
            ("nombre", Some(Title)),
            ("precio", Some(Price)),
            ("talla", Some(Size)),
            ("descripción", Some(Description)),
            ("Preis", Some(Price)),
            ("Größe", Some(Size)),
            ("prix barré", Some(ListPrice)),
            ("colore", Some(Color)),
            ("product_category_tree", Some(Category)),
            ("google_product_category", Some(Category)),
            ("Price", Some(Price)),
            ("Price (INR)", Some(Price)),
            ("price_usd", Some(Price)),
            ("preço", Some(Price)),
            ("Preço (R$)", Some(Price)),
            ("preco", Some(Price)),
            ("valor", Some(Price)),
            ("Sale Price", Some(SalePrice)),
            ("sale_price", Some(SalePrice)),
            ("discounted_price", Some(SalePrice)),
            ("special_price", Some(SalePrice)),
            ("Preço Por", Some(SalePrice)),
            ("preço promocional", Some(SalePrice)),
            ("retail_price", Some(ListPrice)),
            ("MRP", Some(ListPrice)),
            ("List Price", Some(ListPrice)),
            ("compare_at_price", Some(ListPrice)),
            ("Preço De", Some(ListPrice)),
            ("price_value", Some(Price)),
            ("Selling Price", Some(Price)),
            ("preço de venda", Some(Price)),
            ("Preço em Reais", Some(Price)),
            ("currency", Some(Currency)),
            ("price_currency", Some(Currency)),
            ("moeda", Some(Currency)),
            ("Primary_Color", Some(Color)),
            ("PrimaryColor", Some(Color)),
            ("colour", Some(Color)),
            ("color", Some(Color)),
            ("cor", Some(Color)),
            ("Cor Principal", Some(Color)),
            ("baseColour", Some(Color)),
            ("size", Some(Size)),
            ("tamanho", Some(Size)),
            ("numeração", Some(Size)),
            ("gender", Some(Gender)),
            ("gênero", Some(Gender)),
            ("genero", Some(Gender)),
            ("sexo", Some(Gender)),
            ("público", Some(Gender)),
            ("material", Some(Material)),
            ("rating", Some(Rating)),
            ("avaliação", Some(Rating)),
            ("nota", Some(Rating)),
            ("stars", Some(Rating)),
            ("Average Rating", Some(Rating)),
            ("stock", Some(Stock)),
            ("estoque", Some(Stock)),
            ("quantidade", Some(Stock)),
            ("inventory", Some(Stock)),
            ("url", Some(Url)),
            ("link", Some(Url)),
            ("canonical_url", Some(Url)),
            ("image_link", Some(ImageUrl)),
            ("availability", Some(Availability)),
            ("disponibilidade", Some(Availability)),
            ("age_group", Some(AgeGroup)),
            ("faixa etária", Some(AgeGroup)),
            ("item_group_id", Some(GroupId)),
            ("gtin", Some(Gtin)),
            ("EAN", Some(Gtin)),
            ("mpn", Some(Mpn)),
            ("Availability Date", None),
            ("sale_price_effective_date", None),
            ("Product URL", Some(Url)),
            ("image", Some(ImageUrl)),
            ("image_url", Some(ImageUrl)),
            ("imagem", Some(ImageUrl)),
            ("foto", Some(ImageUrl)),
            ("Num_Images", None),
            ("Rating Count", None),
            ("Category ID", None),
            ("Brand URL", None),
            ("Weight", None),
            ("_NomeProduto", Some(Title)),
            ("_DescricaoProduto", Some(Description)),
            ("_Preço", Some(Price)),
            ("_Marca", Some(Brand)),
            ("_NomeDepartamento", Some(Category)),
            ("_IDProduto", Some(Id)),
            ("_IDCategoria", None),
            ("NomeDoProduto", Some(Title)),
            ("", None),
        ];
        for (header, want) in cases {
            assert_eq!(auto(header), *want, "{header:?}");
        }
    }
}
