//! The bad-rows report a merchant opens in a spreadsheet: `line,id,reason`,
//! one line per skipped row and per row kept with a change (its reason
//! starting with `kept: `), in file order, with every cell neutralised
//! against formula injection.

use super::{RowError, RowNotice};
use crate::error::{Error, Result};
use std::borrow::Cow;
use std::path::Path;

/// Writes `errors` and `notices` to a CSV file with the columns
/// `line,id,reason`, by line.
pub fn write_report(path: &Path, errors: &[RowError], notices: &[RowNotice]) -> Result<()> {
    let io = |e: csv::Error| match e.into_kind() {
        csv::ErrorKind::Io(e) => Error::io(path, e),
        other => Error::io(path, std::io::Error::other(format!("{other:?}"))),
    };
    let mut out = csv::Writer::from_path(path).map_err(io)?;
    out.write_record(["line", "id", "reason"]).map_err(io)?;
    let mut rows: Vec<(u64, Option<&str>, String)> = errors
        .iter()
        .map(|e| (e.line, e.id.as_deref(), e.kind.to_string()))
        .chain(
            notices
                .iter()
                .map(|n| (n.line, n.id.as_deref(), format!("kept: {}", n.kind))),
        )
        .collect();
    // Both lists are in file order; a stable sort keeps a line's error first.
    rows.sort_by_key(|r| r.0);
    for (line, id, reason) in rows {
        let line = line.to_string();
        let id = neutralize_cell(id.unwrap_or(""));
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
    use crate::catalog::{NoticeKind, RowErrorKind};

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
        let notices = [RowNotice {
            line: 4,
            id: Some("P4".into()),
            kind: NoticeKind::NulRemoved,
        }];
        write_report(&path, &errors, &notices)?;
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        assert_eq!(
            text,
            "line,id,reason\n3,'=cmd,\"unparsable price \"\"abc, \\\"\"x\\\"\"\"\"\"\n\
             4,P4,kept: NUL bytes removed\n5,,missing title\n"
        );
        std::fs::remove_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        Ok(())
    }
}
