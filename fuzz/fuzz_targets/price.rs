//! `vitrine::catalog::parse_price` and
//! `vitrine::understand::parse_price_expression` on arbitrary strings.
//! Checks: no panic; amounts are finite; a negative amount only when the text
//! carries a sign or accounting parentheses (negative prices are documented
//! and reported as bad rows by the reader); price-expression bounds are
//! finite and non-negative.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vitrine::catalog::parse_price;
use vitrine::understand::parse_price_expression;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Some(p) = parse_price(&text) {
        assert!(p.amount.is_finite(), "parse_price({text:?}) = {p:?}: not finite");
        if p.amount < 0.0 {
            assert!(
                text.contains(['-', '(', '\u{2212}']),
                "parse_price({text:?}) = {p:?}: negative without a sign"
            );
        }
    }
    if let Some(r) = parse_price_expression(&text) {
        for b in [r.min, r.max].into_iter().flatten() {
            assert!(
                b.is_finite() && b >= 0.0,
                "parse_price_expression({text:?}) = {r:?}: bound {b}"
            );
        }
    }
});
