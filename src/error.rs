//! The crate's one error type.
//!
//! Every variant carries the context a user needs to act on it (the file, the
//! line, the field). Front ends map these to exit codes or HTTP statuses; the
//! library never panics on user- or file-controlled data.

use std::path::PathBuf;

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
    #[error("{path}: {message}")]
    Catalog {
        /// The catalog file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// A command-line or API setting is invalid (unknown field in `--map`, bad encoding name...).
    #[error("{0}")]
    Config(String),
    /// The index directory is missing, corrupt, or of another schema version.
    #[error("index {path}: {message}")]
    Index {
        /// The index directory.
        path: PathBuf,
        /// What is wrong.
        message: String,
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

/// The crate-wide result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
