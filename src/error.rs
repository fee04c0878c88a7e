//! The crate's one error type.
//!
//! Every variant carries the context a user needs to act on it (the file, the
//! line, the field), as typed fields: the reasons a catalog, a setting or an
//! index cannot be used are enums ([`CatalogReason`], [`ConfigReason`],
//! [`IndexReason`]), so front ends and tests match on what went wrong and
//! the text is written once, here. A bad row of a catalog is a
//! [`RowError`] (its line, its id, a [`RowErrorKind`]): the importer skips
//! and reports it and reads on, and the first one is what a catalog with
//! no valid row names. Front ends map these to exit codes or HTTP statuses;
//! the library never panics on user- or file-controlled data. Depends on
//! nothing else in the crate: whatever a message lists (the catalog's
//! field names, a header's columns) the error carries.

use std::fmt;
use std::path::{Path, PathBuf};

/// Everything that can go wrong in Vitrine's library code.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory concerned.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The CSV file as a whole cannot be used (no header, no title column...).
    #[error("{path}: {reason}")]
    Catalog {
        /// The catalog file.
        path: PathBuf,
        /// What is wrong with it.
        reason: CatalogReason,
    },
    /// A command-line or API setting is invalid (unknown field in `--map`, bad encoding name...).
    #[error("{0}")]
    Config(ConfigReason),
    /// The index directory is missing, damaged, or of another schema version.
    #[error("{}", IndexMessage(path, reason))]
    Index {
        /// The index directory (or the file of it concerned).
        path: PathBuf,
        /// What is wrong.
        reason: IndexReason,
    },
    /// Writing a new index generation failed: disk full, a file size
    /// limit, permissions. The live generation is unchanged.
    #[error("cannot write the new index in {path}: {cause}")]
    IndexWrite {
        /// The build directory being written.
        path: PathBuf,
        /// The system's reason, e.g. "No space left on device (os error 28)".
        cause: String,
    },
    /// Another import is writing into the same index directory.
    #[error("another import into {path} is running{}", pid_note(*.pid))]
    ImportRunning {
        /// The index directory.
        path: PathBuf,
        /// The process holding the lock, when it could be read.
        pid: Option<u32>,
    },
    /// An error reported by tantivy.
    #[error("search engine: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

/// Why a catalog file cannot be imported at all (a bad row is a
/// [`RowError`] instead, and the rows after it are still read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogReason {
    /// The path is a directory.
    IsDirectory,
    /// The file has no bytes.
    Empty,
    /// The file is binary (a picture, a spreadsheet, a zip): many NUL bytes.
    NotText,
    /// The first record is longer than the record limit.
    HeaderTooLong {
        /// The limit, in KiB.
        max_kib: usize,
    },
    /// The file holds only blank lines.
    Blank,
    /// The header has more columns than a catalog can have.
    TooManyColumns {
        /// Columns in the header.
        found: usize,
        /// The most accepted.
        max: usize,
    },
    /// No column maps to the title.
    NoTitleColumn {
        /// The header's columns, as written.
        columns: Vec<String>,
    },
    /// Every row is bad.
    NoValidRow {
        /// Rows read.
        rows: u64,
        /// The first bad row, when there is one.
        first: Option<Box<RowError>>,
    },
}

impl fmt::Display for CatalogReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogReason::IsDirectory => f.write_str("is a directory, not a CSV file"),
            CatalogReason::Empty => f.write_str("the file is empty"),
            CatalogReason::NotText => f.write_str(
                "does not look like a CSV text file (it contains NUL bytes); \
                 if it is UTF-16 or another encoding, say so with --encoding",
            ),
            CatalogReason::HeaderTooLong { max_kib } => write!(
                f,
                "the header is longer than {max_kib} KiB: not a CSV file, or an unbalanced quote"
            ),
            CatalogReason::Blank => f.write_str("no header line: the file is blank"),
            CatalogReason::TooManyColumns { found, max } => write!(
                f,
                "the header has {found} columns, more than the {max} a catalog may have \
                 (is the delimiter right? --delimiter chooses it)"
            ),
            CatalogReason::NoTitleColumn { columns } => write!(
                f,
                "no column maps to the title (the columns are {}); name it with --map title=COLUMN",
                ColumnList(columns)
            ),
            CatalogReason::NoValidRow { rows, first } => {
                write!(f, "no valid product in {rows} rows")?;
                match first {
                    Some(e) => write!(f, " (first problem: {e})"),
                    None => Ok(()),
                }
            }
        }
    }
}

/// Why a setting is invalid.
#[derive(Debug, Clone, PartialEq)]
pub enum ConfigReason {
    /// A `--map` argument without `=`.
    MapSyntax {
        /// The argument as given.
        arg: String,
    },
    /// A `--map` argument naming no field.
    MapUnknownField {
        /// The argument as given.
        arg: String,
        /// The field part.
        field: String,
        /// The fields there are, by name.
        fields: Vec<&'static str>,
    },
    /// Two `--map` arguments for one field.
    MapFieldTwice {
        /// The field's name.
        field: &'static str,
    },
    /// A `--map` argument naming no column of the file.
    MapNoSuchColumn {
        /// The field's name.
        field: &'static str,
        /// The column as given.
        column: String,
        /// The header's columns, as written.
        columns: Vec<String>,
    },
    /// An encoding label `encoding_rs` does not know.
    UnknownEncoding {
        /// The label as given.
        name: String,
    },
    /// A delimiter that cannot separate fields.
    BadDelimiter {
        /// The character given.
        delimiter: char,
    },
    /// A percentage outside 0..=100 (`vitrine gen --messy-percent`).
    MessyPercent {
        /// The value given.
        value: f64,
    },
    /// A demand log key that cannot key the session hash.
    DemandKey {
        /// Where the key is, when it is a file.
        path: Option<String>,
        /// What is wrong with it.
        detail: String,
    },
    /// The demand log's files are all held by other running processes.
    DemandLogBusy {
        /// The log's file name.
        name: String,
        /// Its directory.
        dir: String,
    },
    /// A synonyms file too large to be a merchant's list.
    SynonymsTooLarge {
        /// The file.
        path: String,
        /// Its size in bytes.
        size: u64,
        /// The largest accepted.
        max: u64,
    },
}

impl fmt::Display for ConfigReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigReason::MapSyntax { arg } => write!(f, "--map {arg}: expected FIELD=COLUMN"),
            ConfigReason::MapUnknownField { arg, field, fields } => write!(
                f,
                "--map {arg}: unknown field {field:?}; the fields are {}",
                fields.join(", ")
            ),
            ConfigReason::MapFieldTwice { field } => {
                write!(f, "--map gives the field {field} more than once")
            }
            ConfigReason::MapNoSuchColumn {
                field,
                column,
                columns,
            } => write!(
                f,
                "--map {field}={column}: no such column; the columns are {}",
                ColumnList(columns)
            ),
            ConfigReason::UnknownEncoding { name } => write!(
                f,
                "unknown encoding {name:?} (try utf-8, latin1, windows-1252)"
            ),
            ConfigReason::BadDelimiter { delimiter } => {
                write!(f, "the delimiter cannot be {delimiter:?}")
            }
            ConfigReason::MessyPercent { value } => {
                write!(f, "messy percent must be between 0 and 100, not {value}")
            }
            ConfigReason::DemandKey {
                path: Some(path),
                detail,
            } => {
                write!(f, "{path}: {detail}")
            }
            ConfigReason::DemandKey { path: None, detail } => write!(f, "{detail}"),
            ConfigReason::DemandLogBusy { name, dir } => write!(
                f,
                "the demand log {name} in {dir} is held by other processes"
            ),
            ConfigReason::SynonymsTooLarge { path, size, max } => write!(
                f,
                "{path}: a synonyms file of {size} bytes is too large (at most {max})"
            ),
        }
    }
}

/// Why an index cannot be opened or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexReason {
    /// No import has completed in the directory (or it does not exist).
    Missing,
    /// `CURRENT` holds something else than a generation name.
    BadCurrent {
        /// What it holds.
        name: String,
    },
    /// `CURRENT` names a generation directory that is not there.
    GenerationMissing {
        /// The generation's name.
        name: String,
    },
    /// The generation was built by a vitrine with another schema.
    SchemaVersion {
        /// The generation's schema version.
        found: u32,
        /// The version this vitrine reads.
        expected: u32,
    },
    /// A file of the generation is damaged or unreadable.
    Damaged {
        /// What is wrong with it.
        detail: String,
    },
}

/// Formats an index error: each reason says once where and what to run.
struct IndexMessage<'a>(&'a Path, &'a IndexReason);

impl fmt::Display for IndexMessage<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let IndexMessage(path, reason) = self;
        let path = path.display();
        match reason {
            IndexReason::Missing => write!(
                f,
                "no index in {path} yet: run `vitrine import FILE` to build one from your catalog"
            ),
            IndexReason::BadCurrent { name } => write!(
                f,
                "the index in {path} is damaged (its CURRENT file names {name:?}, not a generation): \
                 re-import your catalog with `vitrine import FILE`"
            ),
            IndexReason::GenerationMissing { name } => write!(
                f,
                "the index in {path} is damaged (its CURRENT file names {name}, which is missing): \
                 re-import your catalog with `vitrine import FILE`"
            ),
            IndexReason::SchemaVersion { found, expected } => write!(
                f,
                "the index in {path} was built by another version of vitrine (schema {found}, \
                 this one reads {expected}): re-import your catalog with `vitrine import FILE`"
            ),
            IndexReason::Damaged { detail } => write!(f, "{path} is damaged: {detail}"),
        }
    }
}

/// A list of columns for a message: the first twenty, then how many more.
struct ColumnList<'a>(&'a [String]);

impl fmt::Display for ColumnList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const SHOWN: usize = 20;
        for (i, h) in self.0.iter().take(SHOWN).enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            if h.trim().is_empty() {
                write!(f, "(unnamed {})", i + 1)?;
            } else {
                write!(f, "{:?}", h.trim())?;
            }
        }
        if self.0.len() > SHOWN {
            write!(f, " and {} more", self.0.len() - SHOWN)?;
        }
        Ok(())
    }
}

fn pid_note(pid: Option<u32>) -> String {
    pid.map(|p| format!(" (pid {p})")).unwrap_or_default()
}

impl Error {
    /// A tantivy failure while writing the index in `dir`, reduced to the
    /// system's reason (tantivy's own messages are Debug dumps).
    pub fn index_write(dir: impl Into<PathBuf>, e: tantivy::TantivyError) -> Self {
        use tantivy::TantivyError;
        use tantivy::directory::error::OpenWriteError;
        let cause = match &e {
            TantivyError::IoError(io) => io.to_string(),
            TantivyError::InternalError(why)
            | TantivyError::SystemError(why)
            | TantivyError::ErrorInThread(why) => why.clone(),
            TantivyError::OpenWriteError(OpenWriteError::IoError { io_error, filepath }) => {
                format!("{}: {io_error}", filepath.display())
            }
            other => other.to_string(),
        };
        Error::IndexWrite {
            path: dir.into(),
            cause,
        }
    }

    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// An index problem in `path`.
    pub fn index(path: impl Into<PathBuf>, reason: IndexReason) -> Self {
        Error::Index {
            path: path.into(),
            reason,
        }
    }

    /// A catalog problem in `path`.
    pub fn catalog(path: impl Into<PathBuf>, reason: CatalogReason) -> Self {
        Error::Catalog {
            path: path.into(),
            reason,
        }
    }
}

impl From<tantivy::directory::error::OpenDirectoryError> for Error {
    fn from(e: tantivy::directory::error::OpenDirectoryError) -> Self {
        Error::Tantivy(e.into())
    }
}

impl From<tantivy::query::QueryParserError> for Error {
    fn from(e: tantivy::query::QueryParserError) -> Self {
        Error::Tantivy(e.into())
    }
}

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

/// The crate-wide result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_messages_say_once_what_is_missing_and_what_to_run() {
        let e = Error::index("index", IndexReason::Missing);
        assert_eq!(
            e.to_string(),
            "no index in index yet: run `vitrine import FILE` to build one from your catalog"
        );
        let e = Error::index(
            "/srv/idx",
            IndexReason::SchemaVersion {
                found: 3,
                expected: 5,
            },
        );
        assert_eq!(e.to_string().matches("/srv/idx").count(), 1, "{e}");
        assert!(e.to_string().contains("vitrine import FILE"), "{e}");
    }

    #[test]
    fn row_messages_name_the_line() {
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
    }

    #[test]
    fn long_column_lists_are_cut() {
        let columns: Vec<String> = (1..=25).map(|i| format!("c{i}")).collect();
        let e = Error::catalog("a.csv", CatalogReason::NoTitleColumn { columns });
        let text = e.to_string();
        assert!(text.contains("\"c20\" and 5 more"), "{text}");
        assert!(!text.contains("c21"), "{text}");
    }
}
