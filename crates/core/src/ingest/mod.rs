//! Ingest (读取): walking a folder, reading and decoding files, and the metadata and outline of
//! each document. Knows nothing of the index.

mod decode;
pub mod format;
pub mod frontmatter;
pub mod meta;
pub mod outline;

use std::fmt;
use std::path::{Component, Path, PathBuf};

use ignore::gitignore::Gitignore;
use serde::{Deserialize, Serialize};
use walkdir::WalkDir;

pub use decode::{decode, Decoded};
pub use meta::Metadata;
pub use outline::{outline, section_path, Heading};

/// A document ready to index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Path relative to the indexed folder, with `/` separators: the document's id.
    pub path: String,
    /// Title, date, year, issuer, region, kind and document number.
    pub meta: Metadata,
    /// The full text as decoded (a Markdown file's front matter included).
    pub body: String,
    /// The encoding the file was in (`utf-8`, `gb18030`, `gbk`, …; `pdf` for a PDF's text layer);
    /// empty for text given directly.
    pub encoding: String,
}

impl Document {
    /// A document from text: the metadata is found in the text (and a Markdown file's front
    /// matter) as for a file named `path`.
    pub fn from_text(path: &str, body: &str) -> Document {
        let name = path.rsplit('/').next().unwrap_or(path);
        Document {
            path: path.to_owned(),
            meta: meta::of_file(body, name),
            body: body.to_owned(),
            encoding: String::new(),
        }
    }
}

/// Why a file was not indexed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "detail")]
#[non_exhaustive]
pub enum SkipReason {
    /// The file is empty or holds only white space.
    Empty,
    /// The file holds NUL bytes: not text.
    Binary,
    /// The bytes are neither UTF-8, UTF-16 with a BOM nor GB18030.
    Encoding,
    /// A format zhengce does not read (the extension).
    Unsupported(String),
    /// A known format zhengce does not read (the extension): Word 97–2003 and WPS documents,
    /// spreadsheets, presentations, images, archives.
    NotRead(String),
    /// A PDF without a text layer (文字层), such as a scan.
    NoTextLayer,
    /// The file is damaged or not what its extension says (what is wrong).
    Corrupt(String),
    /// The file is encrypted (加密) with a password.
    Encrypted,
    /// The file or folder could not be read (the system's message).
    Unreadable(String),
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Empty => f.write_str("empty file"),
            SkipReason::Binary => f.write_str("binary file (NUL bytes)"),
            SkipReason::Encoding => {
                f.write_str("unknown encoding (neither UTF-8, UTF-16 nor GB18030)")
            }
            SkipReason::Unsupported(ext) if ext.is_empty() => {
                f.write_str("unsupported format (no extension)")
            }
            SkipReason::Unsupported(ext) => write!(f, "unsupported format (.{ext})"),
            SkipReason::NotRead(ext) => f.write_str(&format::not_read_message(ext)),
            SkipReason::NoTextLayer => f.write_str("no text layer (scanned?)"),
            SkipReason::Corrupt(what) => write!(f, "corrupt or unreadable: {what}"),
            SkipReason::Encrypted => f.write_str("encrypted (password protected)"),
            SkipReason::Unreadable(msg) => write!(f, "unreadable: {msg}"),
        }
    }
}

/// A file that was not indexed, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// Path relative to the indexed folder.
    pub path: String,
    /// Why.
    pub reason: SkipReason,
}

/// A file found by [`walk`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Where it is.
    pub full_path: PathBuf,
    /// Path relative to the walked folder, with `/` separators.
    pub path: String,
}

/// Name of the file of ignore rules (gitignore syntax) read from the top of an indexed folder.
pub const IGNORE_FILE: &str = ".zhengceignore";

/// Walks `root` in sorted order and returns the files to read, and the files skipped. Hidden
/// files and folders (name starting with `.`), the folder `exclude` (the index) and whatever the
/// root's `.zhengceignore` matches are left out; symbolic links are not followed.
pub fn walk(root: &Path, exclude: Option<&Path>) -> (Vec<SourceFile>, Vec<Skipped>) {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    let ignore = ignore_rules(root, &mut skipped);
    let walker = WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    let walker = walker.filter_entry(|e| {
        e.depth() == 0
            || (!is_hidden(e.file_name())
                && exclude.is_none_or(|x| e.path() != x)
                && !ignore.matched(e.path(), e.file_type().is_dir()).is_ignore())
    });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().map_or_else(String::new, |p| relative(root, p));
                skipped.push(Skipped {
                    path,
                    reason: SkipReason::Unreadable(io_message(&err)),
                });
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let path = relative(root, entry.path());
        match extension(entry.path()) {
            Some(ext) if format::reads(&ext) => {
                files.push(SourceFile {
                    full_path: entry.into_path(),
                    path,
                });
            }
            ext => skipped.push(Skipped {
                path,
                reason: format::not_read(&ext.unwrap_or_default()),
            }),
        }
    }
    (files, skipped)
}

/// Reads one file found by [`walk`] and extracts its text in its format ([`format::extract`]).
pub fn read(file: &SourceFile) -> Result<Document, SkipReason> {
    let bytes =
        std::fs::read(&file.full_path).map_err(|e| SkipReason::Unreadable(e.to_string()))?;
    let found = format::extract(&extension(&file.full_path).unwrap_or_default(), &bytes)?;
    let name = file.path.rsplit('/').next().unwrap_or(&file.path);
    Ok(Document {
        path: file.path.clone(),
        meta: format::metadata(&found, name),
        body: found.text,
        encoding: found.encoding,
    })
}

/// The rules of `root/.zhengceignore`; a malformed line is reported and the others apply.
fn ignore_rules(root: &Path, skipped: &mut Vec<Skipped>) -> Gitignore {
    let path = root.join(IGNORE_FILE);
    if !path.is_file() {
        return Gitignore::empty();
    }
    let (rules, err) = Gitignore::new(&path);
    if let Some(err) = err {
        skipped.push(Skipped {
            path: IGNORE_FILE.to_owned(),
            reason: SkipReason::Unreadable(err.to_string()),
        });
    }
    rules
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn extension(path: &Path) -> Option<String> {
    path.extension().map(|e| e.to_string_lossy().to_lowercase())
}

/// `path` relative to `root`, with `/` separators.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    parts.join("/")
}

fn io_message(err: &walkdir::Error) -> String {
    err.io_error()
        .map_or_else(|| err.to_string(), ToString::to_string)
}
