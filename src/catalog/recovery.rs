//! Stray-quote recovery: a record spanning several lines is either one row
//! with a multi-line quoted field (a description with paragraphs), or a
//! quote that never closed where it should and swallowed the rows after
//! it. The second is read again from the line after the broken one, so
//! every valid row after a stray quote is kept.
//!
//! The evidence, from the record itself and from its lines read on their own:
//! - the swallowed lines parse as rows: at least one valid row, and at
//!   least half of the complete records they hold are valid;
//! - the record is malformed: a quoted field closes before something else
//!   than a delimiter or a line break (`"Best lamp,10⏎2,"Mug`), or never
//!   closes before the end of the file;
//! - the record is not a valid row (wrong column count, no title...).
//!
//! A malformed record is read again; so is a bad one whose swallowed lines
//! are rows; and so is a valid, well-formed one whose swallowed lines are
//! rows when rows have three fields or more (with fewer, a line of prose
//! is too easily a row). An over-long record is read again only when its
//! swallowed lines are rows; otherwise it is skipped whole.

use super::records::{Next, RecordReader};
use super::row::RowParser;

/// How to read a record that spans lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    /// As one record.
    Whole,
    /// Its first line is broken: read on from its second line.
    FromSecondLine,
}

/// Decides how to read the current record of `records`, which spans lines
/// (`too_long`: it was cut at the record size limit).
pub(crate) fn decide<R: std::io::BufRead>(
    rows: &RowParser,
    records: &RecordReader<R>,
    delimiter: u8,
    too_long: bool,
) -> Reading {
    let (valid, complete) = swallowed_rows(rows, records);
    let swallowed = valid >= 1 && valid * 2 >= complete;
    if too_long {
        return if swallowed {
            Reading::FromSecondLine
        } else {
            Reading::Whole
        };
    }
    let malformed = malformed(records.raw(), delimiter, records.unterminated());
    let bad = malformed || rows.check(records.record()).is_err();
    if malformed || (bad && swallowed) || (swallowed && rows.required_len >= 3) {
        Reading::FromSecondLine
    } else {
        Reading::Whole
    }
}

/// The valid rows and the complete records among the lines a record
/// swallowed, read on their own. A last record cut by the end of those
/// lines is not counted (read on its own, it may run further).
fn swallowed_rows<R: std::io::BufRead>(
    rows: &RowParser,
    records: &RecordReader<R>,
) -> (usize, usize) {
    let mut reader = records.sibling(records.continuation());
    let (mut valid, mut complete) = (0, 0);
    loop {
        match reader.next_record() {
            Ok(Next::Record(_)) if !reader.unterminated() => {
                let record = reader.record();
                if record.is_blank() {
                    continue;
                }
                complete += 1;
                if rows.check(record).is_ok() {
                    valid += 1;
                }
            }
            Ok(Next::TooLong { .. }) => complete += 1,
            _ => return (valid, complete),
        }
    }
}

/// True when a record breaks the quoting rules in a way a stray quote
/// does: a quoted field closed before something else than a delimiter or
/// a line break, or (`unterminated`) a quote still open at the end of the
/// file. Quotes inside an unquoted field (`12" screen`) are text.
fn malformed(raw: &[u8], delimiter: u8, unterminated: bool) -> bool {
    let mut i = 0;
    let mut field_start = true;
    while i < raw.len() {
        let b = raw[i];
        if field_start && b == b'"' {
            i += 1;
            loop {
                let Some(j) = memchr::memchr(b'"', &raw[i..]) else {
                    return unterminated;
                };
                i += j + 1;
                if raw.get(i) == Some(&b'"') {
                    i += 1;
                    continue;
                }
                match raw.get(i) {
                    None | Some(b'\r' | b'\n') => {}
                    Some(&d) if d == delimiter => {}
                    Some(_) => return true,
                }
                break;
            }
            field_start = false;
            continue;
        }
        field_start = b == delimiter || b == b'\n' || b == b'\r';
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_quoting() {
        assert!(!malformed(b"1,\"a\nb\",10\n", b',', false));
        assert!(!malformed(b"1,\"a \"\"x\"\"\nb\",10\n", b',', false));
        assert!(!malformed(b"1,12\" screen,10\n", b',', false));
        assert!(malformed(b"1,\"Lamp,10\n2,\"Mug,12\n", b',', false));
        assert!(malformed(b"1,\"Lamp,10\n2,Mug,12\n", b',', true));
        assert!(!malformed(b"1;\"a\nb\";10\n", b';', false));
        assert!(malformed(b"1;\"a\nb\",10\n", b';', false));
    }
}
