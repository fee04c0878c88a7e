//! A jeweller's titles name the metal's colour anywhere ("9ct Gold Curb
//! Chain", "18ct White Gold Diamond Ring"); colours learned from titles
//! are read with care (an ambiguous colour word only at a title's end), so
//! most products have none. A colour asked is then also what a colourless
//! product's title names; white gold is its own colour, and gold reaches
//! yellow, white and rose gold. Through `Engine::turn` on a catalog
//! written here.

mod common;

use vitrine::Engine;

const JEWELLER: &str = "id,title,price
c1,9ct Gold Curb Chain 50cm,395
c2,9ct Gold Figaro Chain 45cm,445
c3,18ct Gold Rope Chain,1250
c4,Sterling Silver Curb Chain,89
c5,9ct Yellow Gold Belcher Chain,299
c6,Stainless Steel Box Chain,45
r1,18ct White Gold Diamond Ring,1495
r2,18ct Yellow Gold Diamond Ring,1295
r3,9ct Rose Gold Diamond Ring,695
r4,Platinum Diamond Ring,2995
r5,Sterling Silver Band Ring,59
b1,Pearl Strand Bracelet Gold,120
b2,Leather Bracelet Black,35
b3,Charm Bracelet Silver,75
b4,Beaded Bracelet Blue,25
b5,Tennis Bracelet White,450
r6,9ct Gold Signet Ring,149
e1,Diamond Stud Earrings,899
e2,Pearl Drop Earrings,129
p1,Opal Pendant,150
p2,Cameo Brooch,95
p3,Sapphire Pendant,390
p4,Amethyst Pendant,120
";

#[test]
fn a_colour_is_also_what_a_colourless_products_title_names() {
    let dir = common::index_of(JEWELLER);
    let engine = Engine::open(dir.path()).expect("open the index");
    for (message, want) in [
        ("gold chain", &["c1", "c2", "c3", "c5"][..]),
        ("white gold ring", &["r1"][..]),
        ("gold ring", &["r1", "r2", "r3", "r6"][..]),
        ("silver chain", &["c4"][..]),
    ] {
        let turns = common::conversation(&engine, &[message]);
        let (shown, reply) = &turns[0];
        assert_eq!(shown, &common::ids(want), "{message}: {reply}");
    }
}
