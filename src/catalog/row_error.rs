//! Row-level problems: a bad row is skipped and reported with the physical
//! line it starts on, its id when it has one, and what is wrong with it; a
//! row kept with a change (re-decoded, NUL bytes removed, a negative stock
//! read as 0) is reported the same way as a [`RowNotice`].

use super::Field;
use std::fmt;

/// A row that was skipped, with where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The 1-based physical line the record starts on (the header is line 1
    /// in most files), correct across quoted multi-line fields.
    pub line: u64,
    /// The row's id, when it has one.
    pub id: Option<String>,
    /// What is wrong with the row.
    pub kind: RowErrorKind,
}

/// What is wrong with a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowErrorKind {
    /// The row has no title (whether or not it has an id).
    MissingTitle,
    /// The price cell is not empty but is not a price; holds the cell as written (trimmed).
    UnparsablePrice(String),
    /// The price is below zero.
    NegativePrice,
    /// An earlier row, starting on the given line, has the same id.
    DuplicateId(u64),
    /// The row has fewer fields than the header, or more with non-empty values.
    WrongColumnCount {
        /// Fields in the header.
        expected: usize,
        /// Fields in this row.
        found: usize,
    },
    /// The record is longer than the limit (a quoted field of megabytes,
    /// whose lines are not rows of their own); the lines up to `end_line`
    /// were skipped.
    RecordTooLong {
        /// The last line skipped.
        end_line: u64,
        /// The limit, in bytes.
        max_bytes: usize,
    },
    /// A quoted field opened on this line never closes where it should
    /// and swallowed the lines after it: the row is skipped and those
    /// lines are read as rows of their own.
    UnbalancedQuote,
    /// Reading the file failed at this point; nothing after it was read.
    ReadFailed(String),
    /// The platform says the product is not for sale (a draft, archived,
    /// unpublished or inactive product).
    NotPublished {
        /// The column that says so, as written in the header.
        column: String,
        /// Its cell, as written.
        value: String,
    },
    /// A variant row (no title of its own, or naming a parent) whose
    /// product does not come before it in the file.
    ParentNotFound {
        /// The product it names: a handle, an id or a SKU.
        parent: String,
    },
    /// A variant of a product that was skipped (not published), on this line.
    ParentSkipped(u64),
}

impl fmt::Display for RowErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RowErrorKind::MissingTitle => f.write_str("missing title"),
            RowErrorKind::UnparsablePrice(text) => write!(f, "unparsable price {text:?}"),
            RowErrorKind::NegativePrice => f.write_str("negative price"),
            RowErrorKind::DuplicateId(first) => write!(f, "duplicate id (first on line {first})"),
            RowErrorKind::WrongColumnCount { expected, found } => {
                write!(f, "wrong column count: expected {expected}, found {found}")
            }
            RowErrorKind::RecordTooLong {
                end_line,
                max_bytes,
            } => write!(
                f,
                "record longer than {} KiB: skipped up to line {end_line}",
                max_bytes / 1024
            ),
            RowErrorKind::UnbalancedQuote => f.write_str(
                "unbalanced quote: the row is skipped and the lines after it are read as rows",
            ),
            RowErrorKind::ReadFailed(why) => write!(f, "read failed: {why}"),
            RowErrorKind::NotPublished { column, value } => {
                write!(f, "not published: {column} is {value:?}")
            }
            RowErrorKind::ParentNotFound { parent } => {
                write!(f, "variant of a product not found before it ({parent:?})")
            }
            RowErrorKind::ParentSkipped(line) => {
                write!(f, "variant of the product on line {line}, which is skipped")
            }
        }
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.kind)
    }
}

impl std::error::Error for RowError {}

/// A row that was kept, with a change the merchant should know about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowNotice {
    /// The 1-based physical line the record starts on.
    pub line: u64,
    /// The row's id, when it has one.
    pub id: Option<String>,
    /// What was changed.
    pub kind: NoticeKind,
}

/// What was changed in a kept row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoticeKind {
    /// The row is not in the file's encoding and was decoded in another.
    Encoding {
        /// The file's encoding (`UTF-8`, `windows-1252`).
        file: &'static str,
        /// The encoding the row was read in.
        read_as: &'static str,
    },
    /// The row held NUL bytes, which were removed.
    NulRemoved,
    /// The stock was below zero; it is read as 0 (out of stock).
    NegativeStock(i64),
    /// A price cell beside a valid price is not a usable price and was ignored.
    PriceIgnored {
        /// The column's field (`sale_price`, `list_price`, `price`).
        field: Field,
        /// The cell as written (trimmed).
        cell: String,
        /// True when it is below zero, false when it is not a price.
        negative: bool,
    },
}

impl fmt::Display for NoticeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoticeKind::Encoding { file, read_as } => {
                write!(f, "not {file} like the rest of the file: read as {read_as}")
            }
            NoticeKind::NulRemoved => f.write_str("NUL bytes removed"),
            NoticeKind::NegativeStock(n) => {
                write!(f, "negative stock {n}: read as 0 (out of stock)")
            }
            NoticeKind::PriceIgnored {
                field,
                cell,
                negative,
            } => {
                let what = if *negative {
                    "is negative"
                } else {
                    "is not a price"
                };
                write!(f, "{} {cell:?} {what}: ignored", field.name())
            }
        }
    }
}

impl fmt::Display for RowNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_line() {
        let e = RowError {
            line: 17,
            id: Some("A1".into()),
            kind: RowErrorKind::UnparsablePrice("abc".into()),
        };
        assert_eq!(e.to_string(), "line 17: unparsable price \"abc\"");
        let e = RowError {
            line: 9,
            id: None,
            kind: RowErrorKind::DuplicateId(3),
        };
        assert_eq!(e.to_string(), "line 9: duplicate id (first on line 3)");
        let kind = RowErrorKind::WrongColumnCount {
            expected: 5,
            found: 3,
        };
        assert_eq!(kind.to_string(), "wrong column count: expected 5, found 3");
        let notice = RowNotice {
            line: 4,
            id: None,
            kind: NoticeKind::Encoding {
                file: "UTF-8",
                read_as: "windows-1252",
            },
        };
        assert_eq!(
            notice.to_string(),
            "line 4: not UTF-8 like the rest of the file: read as windows-1252"
        );
        let kind = NoticeKind::PriceIgnored {
            field: Field::SalePrice,
            cell: "abc".into(),
            negative: false,
        };
        assert_eq!(
            kind.to_string(),
            "sale_price \"abc\" is not a price: ignored"
        );
    }
}
