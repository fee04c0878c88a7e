//! Splitting a byte stream into CSV records with `csv_core`, reusing one
//! buffer, and counting physical lines so each record knows the line it
//! starts on, across quoted multi-line fields and skipped blank lines.
//!
//! Each record's raw bytes are kept (up to [`MAX_RECORD_BYTES`]), so the
//! reader can change its mind about a record that spans lines: read it on
//! from the line after its first ([`RecordReader::replay_after_first_line`],
//! when a stray quote swallowed the rows after it), or skip it whole
//! ([`RecordReader::skip_record`], when it is one over-long record).

use std::io::{self, BufRead};

/// Longest record accepted, in bytes. Longer ones are almost always an
/// unbalanced quote swallowing the rest of the file; they are cut there so
/// memory stays bounded.
pub(crate) const MAX_RECORD_BYTES: usize = 1 << 20;

/// What [`RecordReader::next_record`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Next {
    /// A record starting on this line; read its fields with [`RecordReader::record`].
    Record(u64),
    /// A record starting on `line` reached [`MAX_RECORD_BYTES`] before its
    /// end: the reader holds its first bytes ([`RecordReader::raw`]) and
    /// waits for [`RecordReader::skip_record`] or
    /// [`RecordReader::replay_after_first_line`] (the next `next_record`
    /// skips it).
    TooLong {
        /// Where the record started.
        line: u64,
    },
    /// No more records.
    End,
}

/// The fields of the current record.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Record<'a> {
    data: &'a [u8],
    ends: &'a [usize],
}

impl<'a> Record<'a> {
    /// A record of fields laid end to end in `data`, field `i` ending at
    /// `ends[i]` (a record built rather than read: a variant row with its
    /// product's cells).
    pub(crate) fn from_parts(data: &'a [u8], ends: &'a [usize]) -> Record<'a> {
        Record { data, ends }
    }

    /// Number of fields.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Field `i` (empty when out of range).
    pub(crate) fn field(&self, i: usize) -> &'a [u8] {
        let Some(&end) = self.ends.get(i) else {
            return &[];
        };
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.data.get(start..end).unwrap_or(&[])
    }

    /// Where field `i` lies in [`Record::bytes`] (empty when out of range).
    pub(crate) fn range(&self, i: usize) -> std::ops::Range<usize> {
        let Some(&end) = self.ends.get(i) else {
            return 0..0;
        };
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        start..end
    }

    /// Every field's bytes, one after the other.
    pub(crate) fn bytes(&self) -> &'a [u8] {
        let end = self.ends.last().copied().unwrap_or(0);
        self.data.get(..end).unwrap_or(&[])
    }

    /// True when field `i` is missing or holds only ASCII whitespace.
    pub(crate) fn blank(&self, i: usize) -> bool {
        self.field(i).iter().all(u8::is_ascii_whitespace)
    }

    /// True when every field is blank.
    pub(crate) fn is_blank(&self) -> bool {
        self.bytes().iter().all(u8::is_ascii_whitespace)
    }
}

/// The input, after bytes given back to be read again.
struct Source<R> {
    input: R,
    replay: Vec<u8>,
    at: usize,
}

impl<R: BufRead> Source<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.at < self.replay.len() {
            return Ok(&self.replay[self.at..]);
        }
        self.input.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        if self.at < self.replay.len() {
            self.at += n;
            if self.at >= self.replay.len() {
                self.replay.clear();
                self.at = 0;
            }
        } else {
            self.input.consume(n);
        }
    }

    /// Reads `bytes` again, before what was still to be read.
    fn give_back(&mut self, bytes: &[u8]) {
        let mut replay = Vec::with_capacity(bytes.len() + self.replay.len() - self.at);
        replay.extend_from_slice(bytes);
        replay.extend_from_slice(&self.replay[self.at..]);
        self.replay = replay;
        self.at = 0;
    }
}

/// Reads CSV records from a buffered UTF-8 (or ASCII-compatible) stream.
pub(crate) struct RecordReader<R> {
    source: Source<R>,
    core: csv_core::Reader,
    delimiter: u8,
    data: Vec<u8>,
    ends: Vec<usize>,
    len: usize,
    /// The current record's bytes as read, up to [`MAX_RECORD_BYTES`].
    raw: Vec<u8>,
    /// The line the current record starts on.
    start_line: u64,
    /// The current record was cut at [`MAX_RECORD_BYTES`] and not yet resolved.
    paused: bool,
    /// The current record ended at the end of the input, not at a line break.
    unterminated: bool,
    /// The physical line of the next unread byte.
    line: u64,
    /// The last byte consumed was `\r` (so a `\n` next ends no new line).
    after_cr: bool,
}

impl<R: BufRead> RecordReader<R> {
    /// A reader splitting `input` on `delimiter`, quotes being `"`.
    pub(crate) fn new(input: R, delimiter: u8) -> Self {
        RecordReader {
            source: Source {
                input,
                replay: Vec::new(),
                at: 0,
            },
            core: core_reader(delimiter),
            delimiter,
            data: vec![0; 4096],
            ends: vec![0; 32],
            len: 0,
            raw: Vec::with_capacity(4096),
            start_line: 1,
            paused: false,
            unterminated: false,
            line: 1,
            after_cr: false,
        }
    }

    /// A reader of `input` like this one (same delimiter), for records read
    /// on trial. (It builds its own parser: `csv_core::Reader`'s `Clone`
    /// copies only part of its tables.)
    pub(crate) fn sibling<S: BufRead>(&self, input: S) -> RecordReader<S> {
        RecordReader {
            source: Source {
                input,
                replay: Vec::new(),
                at: 0,
            },
            core: core_reader(self.delimiter),
            delimiter: self.delimiter,
            data: vec![0; 1024],
            ends: vec![0; 32],
            len: 0,
            raw: Vec::new(),
            start_line: 1,
            paused: false,
            unterminated: false,
            line: 1,
            after_cr: false,
        }
    }

    /// The physical line of the next unread byte (where a read error happened).
    pub(crate) fn line(&self) -> u64 {
        self.line
    }

    /// The fields of the current record.
    pub(crate) fn record(&self) -> Record<'_> {
        Record {
            data: &self.data,
            ends: &self.ends[..self.len],
        }
    }

    /// The current record's bytes as read (its first [`MAX_RECORD_BYTES`]
    /// when it was cut), its line break included.
    pub(crate) fn raw(&self) -> &[u8] {
        &self.raw
    }

    /// True when the current record ended at the end of the input rather
    /// than at a line break (an unclosed quote runs to the end).
    pub(crate) fn unterminated(&self) -> bool {
        self.unterminated
    }

    /// True when the current record spans more than one physical line.
    pub(crate) fn spans_lines(&self) -> bool {
        // From the line count, without scanning the record again: a record
        // on one line ends on the next line, or on its own at the end of
        // the input.
        let ended_on = self.start_line + u64::from(!self.unterminated);
        self.line > ended_on
    }

    /// The bytes of the current record after its first line break: the
    /// lines it swallowed, were its first line broken.
    pub(crate) fn continuation(&self) -> &[u8] {
        match first_line_end(&self.raw) {
            Some(end) => &self.raw[end..],
            None => &[],
        }
    }

    /// Reads the current record again from the line after its first one:
    /// its first line was broken (a stray quote) and the lines it
    /// swallowed are records of their own.
    pub(crate) fn replay_after_first_line(&mut self) {
        let Some(end) = first_line_end(&self.raw) else {
            return;
        };
        let rest = std::mem::take(&mut self.raw);
        self.source.give_back(&rest[end..]);
        self.raw = rest;
        self.raw.clear();
        self.core.reset();
        self.len = 0;
        self.paused = false;
        self.line = self.start_line + 1;
        self.after_cr = false;
    }

    /// Reads the rest of a record cut at [`MAX_RECORD_BYTES`] without
    /// keeping it, and returns the last line it covers.
    pub(crate) fn skip_record(&mut self) -> io::Result<u64> {
        if !self.paused {
            return Ok(self.start_line);
        }
        self.paused = false;
        self.len = 0;
        let mut scratch = [0u8; 4096];
        let mut ends = [0usize; 64];
        loop {
            let buf = self.source.fill_buf()?;
            let (res, nin, _, _) = self.core.read_record(buf, &mut scratch, &mut ends);
            let ended_line = buf[..nin].last().is_some_and(|&b| b == b'\n' || b == b'\r');
            self.line += count_line_breaks(&buf[..nin], &mut self.after_cr);
            self.source.consume(nin);
            match res {
                csv_core::ReadRecordResult::Record | csv_core::ReadRecordResult::End => {
                    return Ok(if ended_line { self.line - 1 } else { self.line });
                }
                _ => {}
            }
        }
    }

    /// Reads the next record, skipping blank lines before it.
    pub(crate) fn next_record(&mut self) -> io::Result<Next> {
        if self.paused {
            self.skip_record()?;
        }
        // Skip line terminators between records, counting lines.
        loop {
            let buf = self.source.fill_buf()?;
            if buf.is_empty() {
                return Ok(Next::End);
            }
            let skip = buf
                .iter()
                .take_while(|&&b| b == b'\n' || b == b'\r')
                .count();
            self.line += count_line_breaks(&buf[..skip], &mut self.after_cr);
            let more = skip < buf.len();
            self.source.consume(skip);
            if more {
                break;
            }
        }
        self.start_line = self.line;
        self.raw.clear();
        self.unterminated = false;
        let (mut out_len, mut ends_len) = (0, 0);
        loop {
            let room = MAX_RECORD_BYTES - self.raw.len();
            if room == 0 {
                self.paused = true;
                self.len = 0;
                return Ok(Next::TooLong {
                    line: self.start_line,
                });
            }
            let buf = self.source.fill_buf()?;
            let eof = buf.is_empty();
            let buf = &buf[..buf.len().min(room)];
            let (res, nin, nout, nend) =
                self.core
                    .read_record(buf, &mut self.data[out_len..], &mut self.ends[ends_len..]);
            self.raw.extend_from_slice(&buf[..nin]);
            self.line += count_line_breaks(&buf[..nin], &mut self.after_cr);
            self.source.consume(nin);
            out_len += nout;
            ends_len += nend;
            match res {
                csv_core::ReadRecordResult::InputEmpty => {}
                csv_core::ReadRecordResult::OutputFull => {
                    let grown = (self.data.len() * 2).max(4096);
                    self.data.resize(grown, 0);
                }
                csv_core::ReadRecordResult::OutputEndsFull => {
                    let grown = self.ends.len() * 2;
                    self.ends.resize(grown, 0);
                }
                csv_core::ReadRecordResult::Record => {
                    self.len = ends_len;
                    self.unterminated = eof;
                    return Ok(Next::Record(self.start_line));
                }
                csv_core::ReadRecordResult::End => return Ok(Next::End),
            }
        }
    }
}

/// Where the first line of `raw` ends: after its first `\n`, `\r\n` or lone `\r`.
fn first_line_end(raw: &[u8]) -> Option<usize> {
    let i = memchr::memchr2(b'\n', b'\r', raw)?;
    if raw[i] == b'\r' && raw.get(i + 1) == Some(&b'\n') {
        Some(i + 2)
    } else {
        Some(i + 1)
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

    fn fields(r: &RecordReader<&[u8]>) -> Vec<String> {
        let rec = r.record();
        (0..rec.len())
            .map(|i| String::from_utf8_lossy(rec.field(i)).into_owned())
            .collect()
    }

    fn records(text: &str, delimiter: u8) -> Vec<(u64, Vec<String>)> {
        let mut r = RecordReader::new(text.as_bytes(), delimiter);
        let mut out = Vec::new();
        while let Ok(Next::Record(line)) = r.next_record() {
            out.push((line, fields(&r)));
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
    fn a_record_spanning_lines_can_be_read_again_from_its_second_line() {
        let text = "1,\"open\r\n2,b\n3,c\n";
        let mut r = RecordReader::new(text.as_bytes(), b',');
        assert_eq!(r.next_record().ok(), Some(Next::Record(1)));
        assert!(r.spans_lines() && r.unterminated());
        assert_eq!(r.continuation(), b"2,b\n3,c\n");
        r.replay_after_first_line();
        assert_eq!(r.next_record().ok(), Some(Next::Record(2)));
        assert_eq!(fields(&r), ["2", "b"]);
        assert!(!r.spans_lines() && !r.unterminated());
        assert_eq!(r.next_record().ok(), Some(Next::Record(3)));
        assert_eq!(r.next_record().ok(), Some(Next::End));
    }

    #[test]
    fn replays_nest() {
        // The second line's quote also runs on: replayed bytes are replayed again.
        let text = "a,\"x\nb,\"y\nc,z\n";
        let mut r = RecordReader::new(text.as_bytes(), b',');
        assert_eq!(r.next_record().ok(), Some(Next::Record(1)));
        r.replay_after_first_line();
        assert_eq!(r.next_record().ok(), Some(Next::Record(2)));
        assert_eq!(r.continuation(), b"c,z\n");
        r.replay_after_first_line();
        assert_eq!(r.next_record().ok(), Some(Next::Record(3)));
        assert_eq!(fields(&r), ["c", "z"]);
        assert_eq!(r.source.replay.len(), r.source.at, "nothing left to replay");
    }

    #[test]
    fn an_over_long_record_is_cut_then_skipped_or_replayed() {
        let mut text = String::from("a,b\n1,\"open\n");
        for _ in 0..(MAX_RECORD_BYTES / 10 + 10) {
            text.push_str("123456789\n");
        }
        text.push_str("2,ok\"\n3,after\n");
        let lines = text.matches('\n').count() as u64;
        let mut r = RecordReader::new(text.as_bytes(), b',');
        assert_eq!(r.next_record().ok(), Some(Next::Record(1)));
        assert_eq!(r.next_record().ok(), Some(Next::TooLong { line: 2 }));
        assert_eq!(r.raw().len(), MAX_RECORD_BYTES);
        assert_eq!(r.skip_record().ok(), Some(lines - 1));
        assert_eq!(r.next_record().ok(), Some(Next::Record(lines)));
        assert_eq!(fields(&r), ["3", "after"]);

        let mut r = RecordReader::new(text.as_bytes(), b',');
        assert_eq!(r.next_record().ok(), Some(Next::Record(1)));
        assert_eq!(r.next_record().ok(), Some(Next::TooLong { line: 2 }));
        r.replay_after_first_line();
        assert_eq!(r.next_record().ok(), Some(Next::Record(3)));
        assert_eq!(fields(&r), ["123456789"]);
    }

    #[test]
    fn a_sibling_reads_like_its_parent() {
        let mut parent = RecordReader::new(&b"a,\"x\nb,c\n"[..], b',');
        assert_eq!(parent.next_record().ok(), Some(Next::Record(1)));
        let mut child = parent.sibling(parent.continuation());
        let got = child.next_record();
        let rec = child.record();
        let fields: Vec<_> = (0..rec.len()).map(|i| rec.field(i).to_vec()).collect();
        assert_eq!(
            (got.ok(), fields),
            (Some(Next::Record(1)), vec![b"b".to_vec(), b"c".to_vec()])
        );
    }
}
