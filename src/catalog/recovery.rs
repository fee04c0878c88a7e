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
//! is too easily a row) and its first line, its open quote read as text,
//! holds a whole row's fields: a stray quote breaks a row that is complete
//! but for it (`1,"Best lamp,10`), while a real multi-line field stops its
//! first line short of the row's end (a Shopify `Body (HTML)` of several
//! lines, one of which may happen to hold as many commas as the columns
//! before it). An over-long record is read again only when its swallowed
//! lines are rows; otherwise it is skipped whole.

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
    let first_line_whole = || {
        let raw = records.raw();
        let end = raw.len() - records.continuation().len();
        fields_with_open_quote_as_text(&raw[..end], delimiter) >= rows.required_len
    };
    if malformed
        || (bad && swallowed)
        || (swallowed && rows.required_len >= 3 && first_line_whole())
    {
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

/// The fields of one line when the quote left open at its end is text
/// (`1,"Best lamp,10` has three): quoted fields closed on the line are
/// read as quoted, their delimiters inside them are no field breaks.
fn fields_with_open_quote_as_text(line: &[u8], delimiter: u8) -> usize {
    let mut fields = 1;
    let mut i = 0;
    let mut field_start = true;
    while i < line.len() {
        let b = line[i];
        if field_start
            && b == b'"'
            && let Some(end) = closing_quote(line, i + 1, delimiter)
        {
            i = end;
            field_start = false;
            continue;
        }
        if b == delimiter {
            fields += 1;
        }
        field_start = b == delimiter;
        i += 1;
    }
    fields
}

/// Where the quoted field opened before `from` ends (just past its closing
/// quote), when it closes on this line before a delimiter or the line's end.
fn closing_quote(line: &[u8], mut from: usize, delimiter: u8) -> Option<usize> {
    loop {
        let j = memchr::memchr(b'"', line.get(from..)?)?;
        from += j + 1;
        match line.get(from) {
            Some(b'"') => from += 1,
            None | Some(b'\r' | b'\n') => return Some(from),
            Some(&d) if d == delimiter => return Some(from),
            Some(_) => return None,
        }
    }
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

    #[test]
    fn a_first_line_counts_its_fields_with_the_open_quote_as_text() {
        let count = |line: &[u8]| fields_with_open_quote_as_text(line, b',');
        assert_eq!(count(b"1,\"Best lamp,10\n"), 3);
        assert_eq!(count(b"1,\"Bowl, large\",5,\"Acme\n"), 4);
        assert_eq!(count(b"handle,Title,\"<meta charset=\"\"utf-8\"\">\n"), 3);
        assert_eq!(count(b"a,b"), 2);
    }
}
