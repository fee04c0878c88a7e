//! Tests of [`super::header`]'s mapping of header names to fields.

use super::*;

fn headers(hs: &[&str]) -> Vec<String> {
    hs.iter().map(|h| h.to_string()).collect()
}

#[test]
fn exact_synonyms_beat_partial_matches_and_fields_are_not_shared() -> Result<()> {
    let m = HeaderMapping::new(
        &headers(&["Short Description", "Name", "Description", "Title", "Notes"]),
        &[],
    )?;
    assert_eq!(m.column(Field::Description), Some(2));
    assert_eq!(m.column(Field::Title), Some(1));
    let targets: Vec<_> = m.columns().iter().map(|c| c.target.clone()).collect();
    assert_eq!(
        targets,
        vec![
            Target::Extra("Short Description".into()),
            Target::Field(Field::Title),
            Target::Field(Field::Description),
            Target::Extra("Title".into()),
            Target::Extra("Notes".into()),
        ]
    );
    Ok(())
}

#[test]
fn overrides_win_and_name_columns_by_header_or_position() -> Result<()> {
    let hs = headers(&["Product_Name", "Label", "Cost", "Notes", "Notes"]);
    let m = HeaderMapping::new(
        &hs,
        &[
            (Field::Title, "label".into()),
            (Field::Price, "3".into()),
            (Field::Brand, "".into()),
        ],
    )?;
    assert_eq!(m.column(Field::Title), Some(1));
    assert_eq!(m.column(Field::Price), Some(2));
    assert_eq!(m.column(Field::Brand), None);
    assert_eq!(m.columns()[0].target, Target::Extra("Product_Name".into()));
    assert_eq!(
        m.columns()[4].target,
        Target::Extra("Notes (column 5)".into())
    );
    assert!(m.columns()[1].by_override);

    let err = HeaderMapping::new(&hs, &[(Field::Title, "Nope".into())]);
    assert!(matches!(
        err,
        Err(Error::Config(ConfigReason::MapNoSuchColumn { column, .. })) if column == "Nope"
    ));
    let err = HeaderMapping::new(&hs, &[(Field::Title, "9".into())]);
    assert!(err.is_err());
    let twice = [(Field::Title, "1".into()), (Field::Title, "2".into())];
    assert!(HeaderMapping::new(&hs, &twice).is_err());
    Ok(())
}

#[test]
fn mapping_prints_a_table() -> Result<()> {
    let mut m = HeaderMapping::new(
        &headers(&["Product_Name", "Price (INR)", "Num_Images", ""]),
        &[],
    )?;
    m.set_empty_in_sample(&[true, true, true, false]);
    assert_eq!(
        m.to_string(),
        "Product_Name              -> title\n\
         Price (INR)               -> price (currency INR)\n\
         Num_Images                -> extra\n\
         (unnamed column 4, empty) -> ignored\n"
    );
    Ok(())
}

#[test]
fn category_columns_fall_back_in_order_of_preference() -> Result<()> {
    let m = HeaderMapping::new(
        &headers(&[
            "google_product_category",
            "title",
            "product_category_tree",
            "link",
            "product_type",
            "canonical_url",
        ]),
        &[],
    )?;
    assert_eq!(m.columns_of(Field::Category).collect::<Vec<_>>(), [4, 2, 0]);
    assert_eq!(m.columns_of(Field::Url).collect::<Vec<_>>(), [3, 5]);
    assert_eq!(m.columns()[0].target, Target::Fallback(Field::Category));
    // An override names the one column: no fallbacks.
    let m = HeaderMapping::new(
        &headers(&["product_type", "category", "title"]),
        &[(Field::Category, "category".into())],
    )?;
    assert_eq!(m.columns_of(Field::Category).collect::<Vec<_>>(), [1]);
    assert_eq!(m.columns()[0].target, Target::Extra("product_type".into()));
    Ok(())
}

#[test]
fn extra_keys_stay_unique() -> Result<()> {
    let m = HeaderMapping::new(&headers(&["title", "GTIN", "gtin", "Notes", "Notes"]), &[])?;
    let targets: Vec<_> = m.columns().iter().map(|c| c.target.clone()).collect();
    assert_eq!(
        targets,
        vec![
            Target::Field(Field::Title),
            Target::Field(Field::Gtin),
            Target::Extra("gtin (column 3)".into()),
            Target::Extra("Notes".into()),
            Target::Extra("Notes (column 5)".into()),
        ]
    );
    Ok(())
}

#[test]
fn a_wide_header_maps_in_linear_time_and_prints_a_short_table() -> Result<()> {
    // 100,000 columns (the reader refuses them; the mapping itself
    // does not), each named twice: the quadratic duplicate check this
    // replaced compared 5 * 10^9 pairs; this takes well under a second.
    const N: usize = 100_000;
    let mut hs: Vec<String> = (0..N / 2).map(|i| format!("attr {i}")).collect();
    hs.extend(hs.clone());
    hs[0] = "Product Name".into();
    hs[1] = "Price (INR)".into();
    let m = HeaderMapping::new(&hs, &[])?;
    assert_eq!(m.column(Field::Title), Some(0));
    assert_eq!(
        m.columns()[N / 2 + 2].target,
        Target::Extra(format!("attr 2 (column {})", N / 2 + 3))
    );
    let table = m.to_string();
    assert_eq!(
        table,
        "Product Name -> title\n\
         Price (INR)  -> price (currency INR)\n\
         (and 99998 more columns -> extra, 0 unnamed -> ignored)\n"
    );
    Ok(())
}
