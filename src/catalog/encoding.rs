//! Text encoding: detection from a sample (byte-order mark, UTF-8 validity,
//! UTF-16 without a mark, else `chardetng`, which picks Windows-1252 for
//! Latin-1 catalogs), forced names (`latin1`, `windows-1252`, `utf-8`), and
//! streaming decoding to UTF-8 in bounded memory.

use encoding_rs::{Decoder, Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
use std::io::{self, BufRead, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Bytes read at open to detect the encoding and the delimiter.
pub(crate) const SAMPLE_BYTES: usize = 64 * 1024;

/// Buffer size of the decoded stream.
const BUFFER_BYTES: usize = 64 * 1024;

/// What detection decided.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Detected {
    /// The encoding to decode with.
    pub(crate) encoding: &'static Encoding,
    /// Length of the byte-order mark to skip.
    pub(crate) bom_len: usize,
    /// The name shown to the user: `UTF-8`, `UTF-8 (BOM)`, `windows-1252`...
    pub(crate) label: &'static str,
}

/// Why a sample is not text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NotText;

/// Decides the encoding of a file from its first bytes. `truncated` says
/// the sample is not the whole file (so its last character may be cut).
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
            encoding: enc,
            bom_len,
            label: label(enc, bom_len > 0),
        });
    }
    if let Some((enc, bom_len)) = bom {
        return Ok(Detected {
            encoding: enc,
            bom_len,
            label: label(enc, true),
        });
    }
    if let Some(enc) = utf16_without_bom(sample) {
        return Ok(Detected {
            encoding: enc,
            bom_len: 0,
            label: label(enc, false),
        });
    }
    if sample.contains(&0) {
        return Err(NotText);
    }
    let utf8 = match std::str::from_utf8(sample) {
        Ok(_) => true,
        // Only a character cut by the end of the sample.
        Err(e) => truncated && e.error_len().is_none(),
    };
    let enc = if utf8 {
        UTF_8
    } else {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(sample, !truncated);
        detector.guess(None, chardetng::Utf8Detection::Deny)
    };
    Ok(Detected {
        encoding: enc,
        bom_len: 0,
        label: label(enc, false),
    })
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

/// Decodes a sample for sniffing; a character cut at the end is harmless.
pub(crate) fn decode_sample(sample: &[u8], detected: &Detected) -> String {
    let bytes = sample.get(detected.bom_len..).unwrap_or(&[]);
    if detected.encoding == UTF_8 {
        return String::from_utf8_lossy(bytes).into_owned();
    }
    detected
        .encoding
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

/// Text of one UTF-8 field; bytes that are not UTF-8 (a Latin-1 accent past
/// the sample that decided "UTF-8") are read as Windows-1252 when the field
/// holds no valid non-ASCII UTF-8 at all, else replaced.
pub(crate) fn field_text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => {
            let lossy = String::from_utf8_lossy(bytes);
            if lossy
                .chars()
                .any(|c| !c.is_ascii() && c != char::REPLACEMENT_CHARACTER)
            {
                lossy
            } else {
                WINDOWS_1252.decode_without_bom_handling(bytes).0
            }
        }
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

    #[test]
    fn detection() {
        let d = |b: &[u8]| detect(b, false, None).map(|d| (d.label, d.bom_len));
        assert_eq!(d(b"a,b\n1,2\n"), Ok(("UTF-8", 0)));
        assert_eq!(d("nome\nCalça\n".as_bytes()), Ok(("UTF-8", 0)));
        assert_eq!(d(b"\xef\xbb\xbfa,b\n"), Ok(("UTF-8 (BOM)", 3)));
        assert_eq!(
            d(b"nome;pre\xe7o\nCal\xe7a Jeans;10\nT\xeanis;20\n"),
            Ok(("windows-1252", 0))
        );
        assert_eq!(d(b"\xff\xfea\0,\0b\0"), Ok(("UTF-16LE (BOM)", 2)));
        assert_eq!(d(b"a\0,\0b\0\n\0"), Ok(("UTF-16LE", 0)));
        assert_eq!(d(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Err(NotText));
        // A character cut by the end of a partial sample is still UTF-8.
        let cut = &"Calça".as_bytes()[..4];
        assert_eq!(detect(cut, true, None).map(|d| d.label), Ok("UTF-8"));
        let forced = Encoding::for_label(b"latin1");
        assert_eq!(
            detect(b"\xef\xbb\xbfa", false, forced).map(|d| (d.label, d.bom_len)),
            Ok(("windows-1252", 0))
        );
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

    #[test]
    fn stray_latin1_bytes_in_utf8_fields() {
        assert_eq!(field_text(b"Cal\xe7a"), "Calça");
        assert_eq!(field_text("Tênis".as_bytes()), "Tênis");
        assert_eq!(field_text(b"T\xc3\xaanis \xff"), "Tênis \u{fffd}");
    }
}
