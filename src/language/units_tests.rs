//! Tests of `units.rs`: measurements read, compared and written.

use super::*;

#[test]
fn a_capacity_said_in_thousands() {
    assert_eq!(
        measurement_at("12 mil btus", 0),
        Some(("12000btu".to_string(), 11))
    );
    assert_eq!(measurement_at("2 mil reais", 0), None);
}

fn read(text: &str) -> Option<String> {
    measurement_at(text, 0).map(|(token, end)| format!("{token}@{end}"))
}

#[test]
fn the_first_number_of_a_range_takes_its_unit() {
    let read = |text| measurement_or_range_at(text, 0).map(|(token, end)| format!("{token}@{end}"));
    assert_eq!(measurement_at("4,5 a 10 kg", 0), None);
    assert_eq!(read("4,5 a 10 kg").as_deref(), Some("4.5kg@3"));
    assert_eq!(read("10 to 20kg").as_deref(), Some("10kg@2"));
    assert_eq!(read("2-4kg").as_deref(), Some("2kg@1"));
    assert_eq!(read("3,6 até 7,5 kg").as_deref(), Some("3.6kg@3"));
    // No unit after the second number, or no number: no measurement.
    assert_eq!(read("2 a 3 pessoas"), None);
    assert_eq!(read("10 a partir"), None);
}

#[test]
fn a_rate_is_no_measurement() {
    assert_eq!(read("530MB/s"), None);
    assert_eq!(read("120 km/h"), None);
    assert_eq!(read("10kg/20kg").as_deref(), Some("10kg@4"));
}

#[test]
fn one_measurement_however_it_is_written() {
    assert_eq!(read("15 kg").as_deref(), Some("15kg@5"));
    assert_eq!(read("15kg").as_deref(), Some("15kg@4"));
    assert_eq!(read("15 Quilos").as_deref(), Some("15kg@9"));
    assert_eq!(read("3,2L Preta").as_deref(), Some("3.2l@4"));
    assert_eq!(read("1.5 litres").as_deref(), Some("1.5l@10"));
    assert_eq!(read("12.000 BTUs").as_deref(), Some("12000btu@11"));
    assert_eq!(read("55\" 4K").as_deref(), Some("55in@3"));
    assert_eq!(read("55 polegadas").as_deref(), Some("55in@12"));
    assert_eq!(read("55 inch").as_deref(), Some("55in@7"));
    assert_eq!(read("1TB").as_deref(), Some("1tb@3"));
    assert_eq!(read("127V)").as_deref(), Some("127v@4"));
    assert_eq!(read("30 centímetros").as_deref(), Some("30cm@15"));
    // An air conditioner's capacity in tons of refrigeration.
    assert_eq!(read("1.5 Ton").as_deref(), Some("1.5ton@7"));
    assert_eq!(read("1,5 tonelada").as_deref(), Some("1.5ton@12"));
}

#[test]
fn counts_and_measures_are_told_from_names() {
    assert!(counts("ryzen 7") && counts("duas portas") && counts("55in"));
    assert!(!counts("necklace") && !counts("remote control"));
}

#[test]
fn measurement_tokens_are_known_by_their_shape() {
    assert!(is_measurement("15kg") && is_measurement("3.2l") && is_measurement("55in"));
    assert!(!is_measurement("kg") && !is_measurement("4k") && !is_measurement("3xl"));
    assert!(!is_measurement("15"));
    assert_eq!(unit_of("12000btu"), Some("btu"));
}

#[test]
fn units_of_one_quantity_are_told_together() {
    assert_eq!(quantity_of("1tb"), quantity_of("500gb"));
    assert_eq!(quantity_of("10kg"), quantity_of("500g"));
    assert_eq!(quantity_of("2l"), quantity_of("500ml"));
    assert_eq!(quantity_of("55in"), quantity_of("140cm"));
    assert_ne!(quantity_of("500gb"), quantity_of("500g"));
    assert_eq!(quantity_of("220v"), Some("v"));
    assert_eq!(another_amount("24in", 27.0).as_deref(), Some("27in"));
    assert_eq!(bounded("400l", Bound::AtLeast), "400l+");
    assert!(same_amount("2tb", "2048gb") && same_amount("2tb", "2000gb"));
    assert!(same_amount("2l", "2000ml") && same_amount("1kg", "1000g"));
    assert!(!same_amount("500gb", "512gb") && !same_amount("2tb", "2gb"));
    assert!(!same_amount("55in", "55l"));
    // A panel's peak watts are watts to a shopper; kilo- and milli-
    // multiples, US liquid measure and feet convert.
    assert!(same_amount("620w", "620wp") && same_amount("1.24kwp", "1240w"));
    assert!(same_amount("1l", "100cl") && same_amount("70cl", "700ml"));
    assert_eq!(other_units("100cl"), ["1l", "1000ml"]);
    assert_eq!(other_units("70cl"), ["0.7l", "700ml"]);
    assert_eq!(other_units("75cl"), ["0.75l", "750ml"]);
    assert!(other_units("6ft").contains(&"72in".to_string()));
    assert!(other_units("512gb").is_empty() && other_units("1l+").is_empty());
    assert!(same_amount("5kwh", "5000wh") && same_amount("7ah", "7000mah"));
    assert!(same_amount("1gal", "3.785411784l") && same_amount("6ft", "72in"));
    assert!(!same_amount("620w", "620wh") && !same_amount("1gal", "4l"));
    assert_eq!(bound_of("5gal+").map(|b| b.2), Some("l"));
    assert_eq!(bound_of("400l+"), Some((Bound::AtLeast, 400.0, "l")));
    assert_eq!(bound_of("1000gb-"), Some((Bound::AtMost, 1.0, "tb")));
    assert_eq!(bound_of("400l"), None);
    assert_eq!(quantity_of("400l+"), quantity_of("500ml"));
    let pt = crate::model::Lang::Pt;
    assert_eq!(display("400l+", pt).as_deref(), Some("400 L ou mais"));
    assert_eq!(
        display("2l-", crate::model::Lang::En).as_deref(),
        Some("up to 2 L")
    );
    assert_eq!(another_amount("3.2l", 2.5).as_deref(), Some("2.5l"));
    assert_eq!(another_amount("500gb", 1000.0).as_deref(), Some("1000gb"));
    assert_eq!(another_amount("24in", 2.0), None);
    assert_eq!(another_amount("1tb", 1.0), None);
    assert_eq!(another_amount("55", 65.0), None);
    assert_eq!(quantity_of("500"), None);
    assert_eq!(data_size("512gb"), Some(0.512));
    assert_eq!(data_size("2tb"), Some(2.0));
    assert_eq!(data_size("2kg"), None);
}

#[test]
fn measurements_are_written_back_for_the_reader() {
    use crate::model::Lang;
    assert_eq!(display("3.2l", Lang::Pt).as_deref(), Some("3,2 L"));
    assert_eq!(display("3.2l", Lang::En).as_deref(), Some("3.2 L"));
    assert_eq!(display("55in", Lang::Pt).as_deref(), Some("55\""));
    assert_eq!(display("15kg", Lang::Pt).as_deref(), Some("15 kg"));
    assert_eq!(display("12000btu", Lang::Pt).as_deref(), Some("12000 BTU"));
    assert_eq!(
        measurements_in("Smart TV 80 cm (32 inches), 2x10W, A1"),
        ["80cm", "32in"]
    );
    assert_eq!(
        measurements_in("Kit 1,24kWp 100Ah/48V"),
        ["1.24kwp", "100ah", "48v"]
    );
    assert_eq!(
        measurements_in("TV bench, 120x40x38 cm"),
        ["120cm", "40cm", "38cm"]
    );
    assert_eq!(
        dimensions_at("Desk 140 x 80 cm", 5),
        Some((vec!["140cm".to_string(), "80cm".to_string()], 16))
    );
    assert_eq!(dimensions_at("Mattress 160x200, firm", 9), None);
    assert_eq!(dimensions_at("2x 620Wp", 0), None);
    assert_eq!(display("620wp", Lang::En).as_deref(), Some("620 Wp"));
    assert_eq!(display("1.24kwp", Lang::Pt).as_deref(), Some("1,24 kWp"));
    assert_eq!(display("127v", Lang::Pt).as_deref(), Some("127 V"));
    assert_eq!(display("60db", Lang::En).as_deref(), Some("60 dB"));
    assert_eq!(display("smart", Lang::Pt), None);
}

#[test]
fn numbers_without_a_unit_are_no_measurement() {
    for text in [
        "300",
        "5k",
        "3xl",
        "42 preto",
        "15 kgx",
        "2 in black",
        "10 pounds",
        "4 m",
    ] {
        assert_eq!(read(text), None, "{text}");
    }
    assert_eq!(measurement_at("tv 55", 0), None);
    assert_eq!(
        measurement_at("tv 55 pol", 3).map(|m| m.0).as_deref(),
        Some("55in")
    );
}
