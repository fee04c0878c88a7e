//! Text encoding, decided per row where a file allows it.
//!
//! A file with a byte-order mark, a UTF-16 file without one, a file whose
//! encoding the user names (`--encoding`), or one in a multi-byte legacy
//! encoding (Shift_JIS, GBK...) is decoded whole, as a stream, in bounded
//! memory. Every other file (UTF-8, with a BOM or not, and single-byte
//! legacy encodings such as Windows-1252/Latin-1) is read as bytes, and
//! each row is decoded on its own: as UTF-8 when it is valid UTF-8, else in
//! the legacy encoding detected for the rows that are not (`chardetng`,
//! Windows-1252 until it has evidence for another). So one Latin-1 row in
//! a UTF-8 export changes nothing but that row, and the reader reports it
//! by its line. The file's own encoding (the one most rows of the first
//! 64 KiB use) is what [`Detected::label`] names; a row in another one is
//! reported.
//!
//! A sample with many NUL bytes is a binary file (a picture, a zip, a
//! spreadsheet) and refused; a few NUL bytes in a text file are removed
//! from the rows holding them, which are reported (see the reader).

use super::records::Record;
use encoding_rs::{Decoder, Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
use std::borrow::Cow;
use std::io::{self, BufRead, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Bytes read at open to detect the encoding and the delimiter.
pub(crate) const SAMPLE_BYTES: usize = 64 * 1024;

/// Buffer size of the decoded stream.
const BUFFER_BYTES: usize = 64 * 1024;

/// Non-ASCII bytes a legacy guess needs before it may be other than
/// Windows-1252 (the Latin-script default): one stray byte is no evidence.
const GUESS_EVIDENCE: usize = 32;

/// Non-ASCII bytes after which the legacy guess stops changing.
const GUESS_SETTLED: usize = 8 * 1024;

/// How the file's text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// As bytes, each row decoded on its own; most rows are in `Primary`.
    Rows(Primary),
    /// Decoded whole from this encoding into UTF-8.
    Stream(&'static Encoding),
}

/// The encoding most rows of a byte-read file use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Primary {
    /// UTF-8 (ASCII included).
    Utf8,
    /// A single-byte legacy encoding.
    Legacy(&'static Encoding),
}

/// What detection decided.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Detected {
    /// How to read the file.
    pub(crate) mode: Mode,
    /// Length of the byte-order mark to skip.
    pub(crate) bom_len: usize,
    /// The name shown to the user: `UTF-8`, `UTF-8 (BOM)`, `windows-1252`...
    pub(crate) label: &'static str,
}

/// Why a sample is not text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NotText;

/// Decides the encoding of a file from its first bytes. `truncated` says
/// the sample is not the whole file (so its last line may be cut).
/// `forced` is an encoding chosen by the user.
pub(crate) fn detect(
    sample: &[u8],
    truncated: bool,
    forced: Option<&'static Encoding>,
) -> Result<Detected, NotText> {
    let bom = Encoding::for_bom(sample);
    if let Some(enc) = forced {
        // A mark for the forced encoding is skipped; any other is kept.
        let bom_len = match bom {
            Some((b, len)) if b == enc => len,
            _ => 0,
        };
        return Ok(Detected {
            mode: Mode::Stream(enc),
            bom_len,
            label: label(enc, bom_len > 0),
        });
    }
    if let Some((enc, bom_len)) = bom {
        let mode = if enc == UTF_8 {
            Mode::Rows(Primary::Utf8)
        } else {
            Mode::Stream(enc)
        };
        return Ok(Detected {
            mode,
            bom_len,
            label: label(enc, true),
        });
    }
    if let Some(enc) = utf16_without_bom(sample) {
        return Ok(Detected {
            mode: Mode::Stream(enc),
            bom_len: 0,
            label: label(enc, false),
        });
    }
    if is_binary(sample) {
        return Err(NotText);
    }
    // Which encoding most lines with non-ASCII bytes are in.
    let mut lines: Vec<&[u8]> = sample.split(|&b| b == b'\n').collect();
    if truncated {
        lines.pop();
    }
    let (mut utf8, mut legacy) = (0usize, 0usize);
    let mut guess = LegacyGuess::default();
    for line in lines.iter().filter(|l| !l.is_ascii()) {
        if std::str::from_utf8(line).is_ok() {
            utf8 += 1;
        } else {
            legacy += 1;
            guess.feed(line);
        }
    }
    if legacy <= utf8 {
        return Ok(Detected {
            mode: Mode::Rows(Primary::Utf8),
            bom_len: 0,
            label: label(UTF_8, false),
        });
    }
    let enc = guess.encoding();
    let mode = if enc.is_single_byte() {
        Mode::Rows(Primary::Legacy(enc))
    } else {
        Mode::Stream(enc)
    };
    Ok(Detected {
        mode,
        bom_len: 0,
        label: label(enc, false),
    })
}

/// True for a binary file: NUL bytes make more than 1% of the sample (a few
/// stray NULs in a text file are a row matter).
fn is_binary(sample: &[u8]) -> bool {
    let nuls = memchr::memchr_iter(0, sample).count();
    nuls >= 4 && nuls * 100 > sample.len()
}

/// UTF-16 text without a mark: ASCII-range text has a NUL in every other byte.
fn utf16_without_bom(sample: &[u8]) -> Option<&'static Encoding> {
    let head = &sample[..sample.len().min(1024) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let even_nul = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_nul * 10 >= pairs * 9 && even_nul * 10 <= pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs * 9 && odd_nul * 10 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The user-facing name of an encoding.
fn label(enc: &'static Encoding, bom: bool) -> &'static str {
    match (enc.name(), bom) {
        ("UTF-8", true) => "UTF-8 (BOM)",
        ("UTF-16LE", true) => "UTF-16LE (BOM)",
        ("UTF-16BE", true) => "UTF-16BE (BOM)",
        (name, _) => name,
    }
}

/// The sample as the record reader sees it: the bytes themselves when rows
/// are decoded one by one, else decoded to UTF-8. A character cut at the
/// end is harmless.
pub(crate) fn sample_text<'a>(sample: &'a [u8], detected: &Detected) -> Cow<'a, [u8]> {
    let bytes = sample.get(detected.bom_len..).unwrap_or(&[]);
    match detected.mode {
        Mode::Rows(_) => Cow::Borrowed(bytes),
        Mode::Stream(enc) => match enc.decode_without_bom_handling(bytes).0 {
            Cow::Borrowed(s) => Cow::Borrowed(s.as_bytes()),
            Cow::Owned(s) => Cow::Owned(s.into_bytes()),
        },
    }
}

/// The legacy encoding of the rows that are not UTF-8, guessed from all of
/// them seen so far.
pub(crate) struct LegacyGuess {
    detector: chardetng::EncodingDetector,
    non_ascii: usize,
    guess: &'static Encoding,
}

impl Default for LegacyGuess {
    fn default() -> Self {
        LegacyGuess {
            detector: chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny),
            non_ascii: 0,
            guess: WINDOWS_1252,
        }
    }
}

impl LegacyGuess {
    /// Adds the bytes of one row that is not UTF-8.
    pub(crate) fn feed(&mut self, row: &[u8]) {
        if self.non_ascii >= GUESS_SETTLED {
            return;
        }
        self.detector.feed(row, false);
        // A line break between rows, so words do not run together.
        self.detector.feed(b"\n", false);
        self.non_ascii += row.iter().filter(|b| !b.is_ascii()).count();
        self.guess = if self.non_ascii >= GUESS_EVIDENCE {
            self.detector.guess(None, chardetng::Utf8Detection::Deny)
        } else {
            WINDOWS_1252
        };
    }

    /// The encoding guessed so far.
    pub(crate) fn encoding(&self) -> &'static Encoding {
        self.guess
    }
}

/// Decodes one field of a row: from UTF-8 (invalid bytes replaced, which
/// only a stream already decoded could hold) or from a legacy encoding.
#[inline]
pub(crate) fn decode<'a>(bytes: &'a [u8], legacy: Option<&'static Encoding>) -> Cow<'a, str> {
    match legacy {
        // `from_utf8` first: its ASCII path is much faster than the lossy scan.
        None => match std::str::from_utf8(bytes) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => String::from_utf8_lossy(bytes),
        },
        Some(enc) => enc.decode_without_bom_handling(bytes).0,
    }
}

/// One row's fields as text: the row is checked for UTF-8 once, and its
/// fields are then slices of it; a row that is not UTF-8 is decoded field
/// by field from its legacy encoding.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RowText<'a> {
    record: Record<'a>,
    /// The row's bytes, when they are UTF-8.
    utf8: Option<&'a str>,
    /// The legacy encoding of a row that is not UTF-8.
    pub(crate) legacy: Option<&'static Encoding>,
    /// The encoding the row was read in, when it is not the file's.
    pub(crate) departs: Option<&'static str>,
    /// The row holds NUL bytes, removed from its text.
    pub(crate) nul: bool,
}

impl<'a> RowText<'a> {
    /// The row read as it is in UTF-8 or `legacy`.
    fn new(record: Record<'a>, legacy: Option<&'static Encoding>) -> RowText<'a> {
        let bytes = record.bytes();
        RowText {
            record,
            utf8: match legacy {
                None => std::str::from_utf8(bytes).ok(),
                Some(_) => None,
            },
            legacy,
            departs: None,
            nul: memchr::memchr(0, bytes).is_some(),
        }
    }

    /// A record built from rows already decoded (UTF-8), keeping what the
    /// row it came from needs reported: the encoding it departed to, the
    /// NUL bytes removed from it.
    pub(crate) fn rebuilt(record: Record<'a>, from: &RowText<'_>) -> RowText<'a> {
        let mut text = RowText::new(record, None);
        text.departs = from.departs;
        text.nul |= from.nul;
        text
    }

    /// The text of field `i` (empty when out of range).
    #[inline]
    pub(crate) fn field(&self, i: usize) -> Cow<'a, str> {
        let text = match self.utf8 {
            // Field boundaries are ASCII delimiters: always char boundaries.
            Some(all) => Cow::Borrowed(all.get(self.record.range(i)).unwrap_or("")),
            None => decode(self.record.field(i), self.legacy),
        };
        if self.nul && text.contains('\0') {
            Cow::Owned(text.replace('\0', ""))
        } else {
            text
        }
    }
}

/// Decides, row by row, how a file's rows are decoded.
pub(crate) struct RowDecoder {
    mode: Mode,
    label: &'static str,
    guess: LegacyGuess,
}

impl RowDecoder {
    /// A decoder for a file detected as `detected`.
    pub(crate) fn new(detected: &Detected) -> RowDecoder {
        RowDecoder {
            mode: detected.mode,
            label: detected.label,
            guess: LegacyGuess::default(),
        }
    }

    /// The text of a row; a row that is not UTF-8 also teaches the legacy guess.
    pub(crate) fn decide<'a>(&mut self, record: Record<'a>) -> RowText<'a> {
        let mut text = RowText::new(record, None);
        let Mode::Rows(primary) = self.mode else {
            return text;
        };
        if text.utf8.is_some() {
            if matches!(primary, Primary::Legacy(_)) && !record.bytes().is_ascii() {
                text.departs = Some("UTF-8");
            }
            return text;
        }
        match primary {
            Primary::Legacy(enc) => text.legacy = Some(enc),
            Primary::Utf8 => {
                self.guess.feed(record.bytes());
                let enc = self.guess.encoding();
                text.legacy = Some(enc);
                text.departs = Some(enc.name());
            }
        }
        text
    }

    /// [`RowDecoder::decide`] without learning from the row (for rows read
    /// on trial).
    pub(crate) fn peek<'a>(&self, record: Record<'a>) -> RowText<'a> {
        let text = RowText::new(record, None);
        match (self.mode, text.utf8) {
            (Mode::Rows(primary), None) => {
                let enc = match primary {
                    Primary::Legacy(enc) => enc,
                    Primary::Utf8 => self.guess.encoding(),
                };
                RowText::new(record, Some(enc))
            }
            _ => text,
        }
    }

    /// The file's encoding, as shown to the user.
    pub(crate) fn label(&self) -> &'static str {
        self.label
    }
}

/// Counts the bytes read from the file, for a progress bar.
pub(crate) struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R> Counting<R> {
    /// Wraps `inner`, adding to `count` as bytes are read.
    pub(crate) fn new(inner: R, count: Arc<AtomicU64>) -> Self {
        Counting { inner, count }
    }
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// A stream decoded to UTF-8 on the fly, in fixed-size buffers.
pub(crate) struct Decoding<R> {
    inner: R,
    decoder: Decoder,
    raw: Box<[u8]>,
    raw_start: usize,
    raw_end: usize,
    eof: bool,
    done: bool,
    out: Box<[u8]>,
    out_start: usize,
    out_end: usize,
}

impl<R: Read> Decoding<R> {
    /// Decodes `inner` (without its byte-order mark) from `encoding`.
    pub(crate) fn new(inner: R, encoding: &'static Encoding) -> Self {
        Decoding {
            inner,
            decoder: encoding.new_decoder_without_bom_handling(),
            raw: vec![0; BUFFER_BYTES].into_boxed_slice(),
            raw_start: 0,
            raw_end: 0,
            eof: false,
            done: false,
            out: vec![0; BUFFER_BYTES].into_boxed_slice(),
            out_start: 0,
            out_end: 0,
        }
    }
}

impl<R: Read> Read for Decoding<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Decoding<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        while self.out_start == self.out_end && !self.done {
            if self.raw_start == self.raw_end && !self.eof {
                let n = loop {
                    match self.inner.read(&mut self.raw) {
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                        other => break other?,
                    }
                };
                self.raw_start = 0;
                self.raw_end = n;
                self.eof = n == 0;
            }
            let (result, read, written, _) = self.decoder.decode_to_utf8(
                &self.raw[self.raw_start..self.raw_end],
                &mut self.out,
                self.eof,
            );
            self.raw_start += read;
            self.out_start = 0;
            self.out_end = written;
            if self.eof && result == encoding_rs::CoderResult::InputEmpty {
                self.done = true;
            }
        }
        Ok(&self.out[self.out_start..self.out_end])
    }

    fn consume(&mut self, amt: usize) {
        self.out_start = (self.out_start + amt).min(self.out_end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(b: &[u8]) -> Result<(&'static str, usize, Mode), NotText> {
        detect(b, false, None).map(|d| (d.label, d.bom_len, d.mode))
    }

    #[test]
    fn detection() {
        let rows_utf8 = Mode::Rows(Primary::Utf8);
        assert_eq!(d(b"a,b\n1,2\n"), Ok(("UTF-8", 0, rows_utf8)));
        assert_eq!(d("nome\nCalça\n".as_bytes()), Ok(("UTF-8", 0, rows_utf8)));
        assert_eq!(d(b"\xef\xbb\xbfa,b\n"), Ok(("UTF-8 (BOM)", 3, rows_utf8)));
        assert_eq!(
            d(b"nome;pre\xe7o\nCal\xe7a Jeans;10\nT\xeanis;20\n"),
            Ok(("windows-1252", 0, Mode::Rows(Primary::Legacy(WINDOWS_1252))))
        );
        assert_eq!(
            d(b"\xff\xfea\0,\0b\0"),
            Ok(("UTF-16LE (BOM)", 2, Mode::Stream(UTF_16LE)))
        );
        assert_eq!(
            d(b"a\0,\0b\0\n\0"),
            Ok(("UTF-16LE", 0, Mode::Stream(UTF_16LE)))
        );
        assert_eq!(d(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0"), Err(NotText));
        // A few NULs in a text file are a row matter, not a binary file.
        assert_eq!(
            d(b"id,title\n1,Bad\0Title\n2,ok\n"),
            Ok(("UTF-8", 0, rows_utf8))
        );
        // A character cut by the end of a partial sample is still UTF-8.
        let cut = &"a\nCalça".as_bytes()[..5];
        assert_eq!(detect(cut, true, None).map(|d| d.label), Ok("UTF-8"));
        let forced = Encoding::for_label(b"latin1");
        assert_eq!(
            detect(b"\xef\xbb\xbfa", false, forced).map(|d| (d.label, d.bom_len)),
            Ok(("windows-1252", 0))
        );
    }

    #[test]
    fn one_legacy_line_among_utf8_lines_keeps_the_file_utf8() {
        let mut text = Vec::new();
        for i in 0..50 {
            text.extend_from_slice(format!("{i},Camiseta Algodão {i}\n").as_bytes());
        }
        text.extend_from_slice(b"51,Cal\xe7a\n");
        assert_eq!(d(&text).map(|x| x.2), Ok(Mode::Rows(Primary::Utf8)));
        // One stray byte is no evidence for an exotic code page.
        let mut guess = LegacyGuess::default();
        guess.feed(b"51,Bad \xff byte");
        assert_eq!(guess.encoding(), WINDOWS_1252);
    }

    #[test]
    fn streaming_decode_across_small_reads() -> io::Result<()> {
        // One byte at a time: the decoder must carry state across reads.
        struct Trickle<'a>(&'a [u8]);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = self.0.len().min(1).min(buf.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let utf16: Vec<u8> = "Tênis,Calça\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let mut text = String::new();
        Decoding::new(Trickle(&utf16), UTF_16LE).read_to_string(&mut text)?;
        assert_eq!(text, "Tênis,Calça\n");
        let mut text = String::new();
        Decoding::new(Trickle(b"Cal\xe7a"), WINDOWS_1252).read_to_string(&mut text)?;
        assert_eq!(text, "Calça");
        Ok(())
    }

    /// The fields of one record of `line` (a CSV line).
    fn row_texts(decoder: &mut RowDecoder, line: &[u8]) -> (Vec<String>, Option<&'static str>) {
        let mut reader = super::super::records::RecordReader::new(line, b',');
        let _ = reader.next_record();
        let text = decoder.decide(reader.record());
        let fields = (0..reader.record().len())
            .map(|i| text.field(i).into_owned())
            .collect();
        (fields, text.departs)
    }

    #[test]
    fn rows_decode_on_their_own() -> Result<(), NotText> {
        let detected = detect("id,title\n1,Algodão\n".as_bytes(), false, None)?;
        let mut rows = RowDecoder::new(&detected);
        let utf8 = row_texts(&mut rows, "2,Calça".as_bytes());
        assert_eq!(utf8, (vec!["2".into(), "Calça".into()], None));
        let latin = row_texts(&mut rows, b"3,Cal\xe7a");
        assert_eq!(
            latin,
            (vec!["3".into(), "Calça".into()], Some("windows-1252"))
        );
        let nul = row_texts(&mut rows, b"4,Bad\0Title");
        assert_eq!(nul.0, ["4", "BadTitle"]);

        let detected = detect(b"nome\nCal\xe7a\nT\xeanis\n", false, None)?;
        let mut rows = RowDecoder::new(&detected);
        assert_eq!(rows.label(), "windows-1252");
        assert_eq!(row_texts(&mut rows, b"Cal\xe7a").1, None);
        assert_eq!(row_texts(&mut rows, "Calça".as_bytes()).1, Some("UTF-8"));
        Ok(())
    }

    #[test]
    fn fields_decode_as_utf8_or_legacy() {
        assert_eq!(decode(b"Cal\xe7a", Some(WINDOWS_1252)), "Calça");
        assert_eq!(decode("Tênis".as_bytes(), None), "Tênis");
        assert!(matches!(decode(b"plain", None), Cow::Borrowed(_)));
    }
}
