//! Delimiter sniffing: which of `,` `;` tab `|` splits the header and the
//! first records into the same number of fields, quotes respected.

use super::records::{Next, RecordReader};

/// The delimiters tried, in order of preference on a tie.
pub(crate) const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Records looked at per candidate.
const RECORDS: usize = 50;

/// Picks the delimiter of a sample (UTF-8 or any ASCII-compatible
/// encoding). `truncated` says the sample is not the whole file, so its
/// last record may be cut short and is not used. A file whose header has
/// one field whatever the delimiter gets `,`.
pub(crate) fn sniff_delimiter(sample: &[u8], truncated: bool) -> u8 {
    let mut best = (b',', (false, 0, 0));
    for d in CANDIDATES {
        let score = score(sample, d, truncated);
        if score > best.1 {
            best = (d, score);
        }
    }
    best.0
}

/// (header has several fields, per-mille of records that agree with it,
/// header field count): compared in that order.
fn score(sample: &[u8], delimiter: u8, truncated: bool) -> (bool, u64, usize) {
    let mut reader = RecordReader::new(sample, delimiter);
    let Ok(Next::Record(_)) = reader.next_record() else {
        return (false, 0, 0);
    };
    let head = reader.record();
    let header = head.len();
    let named = (0..header)
        .rev()
        .find(|&i| !head.blank(i))
        .map_or(0, |i| i + 1);
    let mut counts = Vec::with_capacity(RECORDS);
    let mut reached_end = false;
    while counts.len() < RECORDS {
        match reader.next_record() {
            Ok(Next::Record(_)) => {
                let record = reader.record();
                let used = (0..record.len())
                    .rev()
                    .find(|&i| !record.field(i).is_empty())
                    .map_or(0, |i| i + 1);
                counts.push((record.len(), used));
            }
            Ok(Next::TooLong { .. }) => counts.push((0, 0)),
            Ok(Next::End) | Err(_) => {
                reached_end = true;
                break;
            }
        }
    }
    if truncated && reached_end {
        counts.pop();
    }
    let agree = counts
        .iter()
        .filter(|&&(found, used)| found == header || (found >= named && used <= header))
        .count();
    let per_mille = if counts.is_empty() {
        1000
    } else {
        (agree * 1000 / counts.len()) as u64
    };
    (header > 1, per_mille, header)
}

#[cfg(test)]
mod tests {
    fn sniff_delimiter(sample: &str, truncated: bool) -> u8 {
        super::sniff_delimiter(sample.as_bytes(), truncated)
    }

    #[test]
    fn sniffs_the_delimiter() {
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n", false), b',');
        assert_eq!(
            sniff_delimiter("nome;preço\nCalça;49,90\nTênis;1.299,00\n", false),
            b';'
        );
        assert_eq!(sniff_delimiter("name\tprice\n\"a, b\"\t1\n", false), b'\t');
        assert_eq!(
            sniff_delimiter("name|price|note\nx|1|a,b\ny|2|c;d\n", false),
            b'|'
        );
        // Quotes respected: the commas inside quotes do not count.
        assert_eq!(
            sniff_delimiter(
                "id;title;desc\n1;\"a;b\";\"x, y, z\"\n2;c;\"p, q\"\n",
                false
            ),
            b';'
        );
        // Trailing empty column (myntra) and header only.
        assert_eq!(sniff_delimiter("a,b,\n1,\"x;y\",\n", false), b',');
        assert_eq!(sniff_delimiter("a;b;c\n", false), b';');
        assert_eq!(sniff_delimiter("title\nx\n", false), b',');
        assert_eq!(sniff_delimiter("", false), b',');
    }
}
