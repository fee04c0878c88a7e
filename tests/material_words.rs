//! A material the catalog's material values never name: where most
//! products name none, it is a word of titles and descriptions ("fleece
//! jacket" finds the jackets whose descriptions say "fleece"), not a
//! material the store lacks; where every
//! product names its material, the store lacks it. Checked through
//! `Engine::turn` on catalogs written here.

mod common;

use common::{conversation, ids};
use vitrine::Engine;

#[test]
fn a_material_few_products_name_is_a_word_of_descriptions() {
    let mut csv = String::from("id,title,description,material,price\n");
    for (id, title, description, material) in [
        (
            "j1",
            "Northwind Hiking Jacket",
            "Warm polar fleece lining.",
            "",
        ),
        (
            "j2",
            "Summit Zip Jacket",
            "Soft fleece with a full zip.",
            "",
        ),
        ("j3", "Storm Rain Jacket", "Sealed seams.", ""),
        ("j4", "Urban Denim Jacket", "Classic denim.", "Cotton"),
        ("j5", "Trail Softshell Jacket", "Wind resistant.", ""),
        ("t1", "Organic Tee", "Soft jersey.", "Cotton"),
        ("t2", "Striped Tee", "Breton stripes.", ""),
        ("t3", "Pocket Tee", "Chest pocket.", ""),
    ] {
        csv.push_str(&format!("{id},{title},{description},{material},40\n"));
    }
    let dir = common::index_of(&csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = conversation(&engine, &["fleece jacket"]);
    assert_eq!(turns[0].0, ids(&["j1", "j2"]), "{}", turns[0].1);
    assert!(!turns[0].1.contains("Without"), "{}", turns[0].1);
}

#[test]
fn a_material_no_product_has_where_all_name_theirs_is_lacking() {
    let mut csv = String::from("id,title,material,price\n");
    for (id, title, material) in [
        ("s1", "Banarasi Saree", "Cotton"),
        ("s2", "Kanjivaram Saree", "Cotton"),
        ("s3", "Printed Saree", "Georgette"),
        ("s4", "Chiffon Party Saree", "Chiffon"),
    ] {
        csv.push_str(&format!("{id},{title},{material},900\n"));
    }
    let dir = common::index_of(&csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = conversation(&engine, &["silk saree"]);
    // No silk: the reply says so rather than showing sarees as silk ones.
    assert!(turns[0].1.contains("silk"), "{}", turns[0].1);
    assert!(
        turns[0].1.contains("Without") || turns[0].1.contains("couldn't"),
        "{}",
        turns[0].1
    );
}
