//! The error type of the core crate and its `Result` alias.

use std::path::PathBuf;

/// Everything that can go wrong in zhengce's core.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A query that cannot be parsed: where, and what was expected.
    #[error("bad query at column {column}: {message}\n  {query}\n  {caret}")]
    Query {
        /// The message: what is wrong and what was expected.
        message: String,
        /// 1-based character column of the problem.
        column: usize,
        /// The query as typed.
        query: String,
        /// A line with `^` under the problem.
        caret: String,
    },
    /// No index exists at the path.
    #[error("no zhengce index at {path}; build one with `zhengce index {root}`")]
    NoIndex {
        /// Where the index was looked for.
        path: PathBuf,
        /// The folder to index, as the user would type it.
        root: String,
    },
    /// The folder holds something else than a zhengce index.
    #[error(
        "{path} is not a zhengce index ({reason}); remove it or choose another --index folder"
    )]
    NotAnIndex {
        /// The folder.
        path: PathBuf,
        /// What is missing or wrong.
        reason: String,
    },
    /// The index was built by another schema, normalization or dictionary.
    #[error(
        "the index at {path} was built with {found}, this zhengce uses {expected}; rebuild it with `zhengce index {root}`"
    )]
    Incompatible {
        /// The index folder.
        path: PathBuf,
        /// What the index records.
        found: String,
        /// What this build expects.
        expected: String,
        /// The folder to index, as the user would type it.
        root: String,
    },
    /// The index's files are damaged (truncated, overwritten): it must be built again.
    #[error("the index at {path} is damaged ({detail}); rebuild it with `zhengce index --rebuild {root}`")]
    Damaged {
        /// The index folder.
        path: PathBuf,
        /// What tantivy found wrong.
        detail: String,
        /// The folder to index, as the user would type it.
        root: String,
    },
    /// Another process is writing to the index.
    #[error("the index at {path} is being written by another zhengce process; wait for it to finish and try again")]
    Locked {
        /// The index folder.
        path: PathBuf,
    },
    /// A dictionary file or entry is malformed.
    #[error("bad dictionary: {0}")]
    Dictionary(String),
    /// A path given by the caller is unusable.
    #[error("{path}: {message}")]
    Path {
        /// The path.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The search engine reported an error.
    #[error("index error: {0}")]
    Index(String),
    /// A file given on its own cannot be indexed: empty, binary, too large, a scan without text
    /// (the reasons a folder update skips a file for).
    #[error("{path}: not indexed: {reason}")]
    NotIndexed {
        /// The file.
        path: PathBuf,
        /// Why it is not indexed.
        reason: crate::skip::SkipReason,
    },
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// A tantivy error as zhengce reports it. Crate-private (not a `From` impl), so that no tantivy
/// type is part of the public API.
pub(crate) fn tantivy(e: tantivy::TantivyError) -> Error {
    Error::Index(e.to_string())
}

/// `Result` with zhengce's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
