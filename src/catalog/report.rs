//! The bad-rows report a merchant opens in a spreadsheet: `line,id,reason`,
//! with every cell neutralised against formula injection.

use super::RowError;
use crate::{Error, Result};
use std::borrow::Cow;
use std::path::Path;

/// Writes `errors` to a CSV file with the columns `line,id,reason`.
pub fn write_report(path: &Path, errors: &[RowError]) -> Result<()> {
    let io = |e: csv::Error| match e.into_kind() {
        csv::ErrorKind::Io(e) => Error::io(path, e),
        other => Error::io(path, std::io::Error::other(format!("{other:?}"))),
    };
    let mut out = csv::Writer::from_path(path).map_err(io)?;
    out.write_record(["line", "id", "reason"]).map_err(io)?;
    for e in errors {
        let line = e.line.to_string();
        let id = neutralize_cell(e.id.as_deref().unwrap_or(""));
        let reason = e.kind.to_string();
        out.write_record([line.as_str(), &id, &neutralize_cell(&reason)])
            .map_err(io)?;
    }
    out.flush().map_err(|e| Error::io(path, e))
}

/// Makes a cell safe to open in a spreadsheet: a value starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, so it
/// is shown as text instead of run as a formula.
pub fn neutralize_cell(s: &str) -> Cow<'_, str> {
    match s.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => Cow::Owned(format!("'{s}")),
        _ => Cow::Borrowed(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::RowErrorKind;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(neutralize_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralize_cell("+1"), "'+1");
        assert_eq!(neutralize_cell("-1"), "'-1");
        assert_eq!(neutralize_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralize_cell("\tx"), "'\tx");
        assert_eq!(neutralize_cell("\rx"), "'\rx");
        assert_eq!(neutralize_cell("SKU-1"), "SKU-1");
        assert_eq!(neutralize_cell(""), "");
        assert!(matches!(neutralize_cell("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn report_is_a_csv_with_safe_cells() -> Result<()> {
        let dir = std::env::temp_dir().join(format!("vitrine-report-{}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        let path = dir.join("bad.csv");
        let errors = [
            RowError {
                line: 3,
                id: Some("=cmd".into()),
                kind: RowErrorKind::UnparsablePrice("abc, \"x\"".into()),
            },
            RowError {
                line: 5,
                id: None,
                kind: RowErrorKind::MissingTitle,
            },
        ];
        write_report(&path, &errors)?;
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        assert_eq!(
            text,
            "line,id,reason\n3,'=cmd,\"unparsable price \"\"abc, \\\"\"x\\\"\"\"\"\"\n5,,missing title\n"
        );
        std::fs::remove_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        Ok(())
    }
}
