//! Splitting a byte stream into CSV records with `csv_core`, reusing one
//! buffer, and counting physical lines so each record knows the line it
//! starts on, across quoted multi-line fields and skipped blank lines.

use std::io::{self, BufRead};

/// Longest record accepted, in bytes. Longer ones are almost always an
/// unbalanced quote swallowing the rest of the file; they are skipped (and
/// reported) so memory stays bounded.
pub(crate) const MAX_RECORD_BYTES: usize = 1 << 20;

/// What [`RecordReader::next_record`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Next {
    /// A record starting on this line; read its fields with [`RecordReader::field`].
    Record(u64),
    /// A record starting on `line` ran past [`MAX_RECORD_BYTES`]; lines up
    /// to `end_line` were skipped.
    TooLong {
        /// Where the record started.
        line: u64,
        /// The last line skipped.
        end_line: u64,
    },
    /// No more records.
    End,
}

/// Reads CSV records from a buffered UTF-8 (or ASCII-compatible) stream.
pub(crate) struct RecordReader<R> {
    input: R,
    core: csv_core::Reader,
    delimiter: u8,
    data: Vec<u8>,
    ends: Vec<usize>,
    len: usize,
    /// The physical line of the next unread byte.
    line: u64,
    /// The last byte consumed was `\r` (so a `\n` next ends no new line).
    after_cr: bool,
}

impl<R: BufRead> RecordReader<R> {
    /// A reader splitting `input` on `delimiter`, quotes being `"`.
    pub(crate) fn new(input: R, delimiter: u8) -> Self {
        RecordReader {
            input,
            core: core_reader(delimiter),
            delimiter,
            data: vec![0; 4096],
            ends: vec![0; 32],
            len: 0,
            line: 1,
            after_cr: false,
        }
    }

    /// The physical line of the next unread byte (where a read error happened).
    pub(crate) fn line(&self) -> u64 {
        self.line
    }

    /// Number of fields in the current record.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Field `i` of the current record (empty when out of range).
    pub(crate) fn field(&self, i: usize) -> &[u8] {
        if i >= self.len {
            return &[];
        }
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        let end = self.ends[i];
        self.data.get(start..end).unwrap_or(&[])
    }

    /// Reads the next record, skipping blank lines before it.
    pub(crate) fn next_record(&mut self) -> io::Result<Next> {
        // Skip line terminators between records, counting lines.
        loop {
            let buf = self.input.fill_buf()?;
            if buf.is_empty() {
                return Ok(Next::End);
            }
            let skip = buf
                .iter()
                .take_while(|&&b| b == b'\n' || b == b'\r')
                .count();
            self.line += count_line_breaks(&buf[..skip], &mut self.after_cr);
            let more = skip < buf.len();
            self.input.consume(skip);
            if more {
                break;
            }
        }
        let start_line = self.line;
        let (mut out_len, mut ends_len) = (0, 0);
        loop {
            let buf = self.input.fill_buf()?;
            let (res, nin, nout, nend) =
                self.core
                    .read_record(buf, &mut self.data[out_len..], &mut self.ends[ends_len..]);
            self.line += count_line_breaks(&buf[..nin], &mut self.after_cr);
            self.input.consume(nin);
            out_len += nout;
            ends_len += nend;
            match res {
                csv_core::ReadRecordResult::InputEmpty => {}
                csv_core::ReadRecordResult::OutputFull => {
                    if self.data.len() >= MAX_RECORD_BYTES {
                        self.skip_rest_of_line()?;
                        return Ok(Next::TooLong {
                            line: start_line,
                            end_line: self.line - 1,
                        });
                    }
                    let grown = (self.data.len() * 2).min(MAX_RECORD_BYTES);
                    self.data.resize(grown, 0);
                }
                csv_core::ReadRecordResult::OutputEndsFull => {
                    let grown = self.ends.len() * 2;
                    self.ends.resize(grown, 0);
                }
                csv_core::ReadRecordResult::Record => {
                    self.len = ends_len;
                    return Ok(Next::Record(start_line));
                }
                csv_core::ReadRecordResult::End => return Ok(Next::End),
            }
        }
    }

    /// After an over-long record: drop input up to and including the next
    /// line break and start parsing afresh.
    fn skip_rest_of_line(&mut self) -> io::Result<()> {
        self.core = core_reader(self.delimiter);
        self.len = 0;
        loop {
            let buf = self.input.fill_buf()?;
            if buf.is_empty() {
                return Ok(());
            }
            let end = buf.iter().position(|&b| b == b'\n' || b == b'\r');
            let n = end.map_or(buf.len(), |i| i + 1);
            self.line += count_line_breaks(&buf[..n], &mut self.after_cr);
            self.input.consume(n);
            if end.is_some() {
                return Ok(());
            }
        }
    }
}

/// A `csv_core` reader for `delimiter` with standard quoting.
fn core_reader(delimiter: u8) -> csv_core::Reader {
    csv_core::ReaderBuilder::new().delimiter(delimiter).build()
}

/// Number of line breaks in `bytes`: `\r\n`, `\n` and a lone `\r` (old Mac
/// files) each end one line. `after_cr` carries a `\r` that ended the
/// previous chunk, so a `\r\n` split between chunks counts once. Folds
/// without early exits, so the loops vectorise.
fn count_line_breaks(bytes: &[u8], after_cr: &mut bool) -> u64 {
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return 0;
    };
    // memchr scans with SIMD: a record's chunk is hundreds of bytes with one
    // or two line breaks.
    let count = |needle: u8| memchr::memchr_iter(needle, bytes).count() as u64;
    let (cr, lf) = (count(b'\r'), count(b'\n'));
    // `\r\n` inside the chunk: only worth looking for when both occur.
    let pairs = if cr > 0 && lf > 0 {
        memchr::memmem::find_iter(bytes, b"\r\n").count() as u64
    } else {
        0
    };
    let split_pair = u64::from(*after_cr && first == b'\n');
    *after_cr = last == b'\r';
    cr + lf - pairs - split_pair
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(text: &str, delimiter: u8) -> Vec<(u64, Vec<String>)> {
        let mut r = RecordReader::new(text.as_bytes(), delimiter);
        let mut out = Vec::new();
        while let Ok(Next::Record(line)) = r.next_record() {
            let fields = (0..r.len())
                .map(|i| String::from_utf8_lossy(r.field(i)).into_owned())
                .collect();
            out.push((line, fields));
        }
        out
    }

    #[test]
    fn lines_are_counted_across_quotes_crlf_and_blank_lines() {
        let text = "a,b\r\n1,\"x\r\ny\"\r\n\r\n\r\n2,z\r\n3,\"\"\"q\"\"\"\n";
        assert_eq!(
            records(text, b','),
            vec![
                (1, vec!["a".into(), "b".into()]),
                (2, vec!["1".into(), "x\r\ny".into()]),
                (6, vec!["2".into(), "z".into()]),
                (7, vec!["3".into(), "\"q\"".into()]),
            ]
        );
    }

    #[test]
    fn old_mac_line_endings_count_as_lines() {
        assert_eq!(
            records("a,b\r1,2\r\r3,\"x\ry\"\r4,5", b','),
            vec![
                (1, vec!["a".into(), "b".into()]),
                (2, vec!["1".into(), "2".into()]),
                (4, vec!["3".into(), "x\ry".into()]),
                (6, vec!["4".into(), "5".into()]),
            ]
        );
        // A CRLF split across two reads counts once.
        let mut after_cr = false;
        assert_eq!(count_line_breaks(b"a\r", &mut after_cr), 1);
        assert_eq!(count_line_breaks(b"\nb\n", &mut after_cr), 1);
        assert_eq!(count_line_breaks(b"", &mut after_cr), 0);
    }

    #[test]
    fn last_line_without_newline_and_other_delimiters() {
        assert_eq!(
            records("a;b\n1;2", b';'),
            vec![
                (1, vec!["a".into(), "b".into()]),
                (2, vec!["1".into(), "2".into()])
            ]
        );
    }

    #[test]
    fn an_unbalanced_quote_is_cut_off() {
        let mut text = String::from("a,b\n1,\"open\n");
        for _ in 0..(MAX_RECORD_BYTES / 10 + 10) {
            text.push_str("123456789\n");
        }
        text.push_str("2,ok\n");
        let mut r = RecordReader::new(text.as_bytes(), b',');
        assert_eq!(r.next_record().ok(), Some(Next::Record(1)));
        match r.next_record() {
            Ok(Next::TooLong { line: 2, end_line }) => assert!(end_line > 100_000),
            other => panic!("{other:?}"),
        }
    }
}
