//! Why a file is not indexed (跳过的原因): the reasons, the size limit, and the formats that are
//! recognized but not read — Word 97–2003 and WPS documents, spreadsheets, presentations, images
//! and archives — each named in the message. Depends on nothing else in the crate: the errors and
//! the reading of files both use it.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Files larger than this are not read (skipped with a reason): a policy document is rarely more
/// than a few megabytes, and indexing holds a file's text several times in memory.
pub const MAX_FILE_BYTES: u64 = 32 << 20;

/// Why a file was not indexed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "detail")]
#[non_exhaustive]
pub enum SkipReason {
    /// The file is empty or holds only white space.
    Empty,
    /// The file holds NUL bytes: not text.
    Binary,
    /// The bytes are neither UTF-8, UTF-16 with a BOM, GB18030 nor Big5.
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
    /// A symbolic link: never followed, so that nothing outside the folder is read.
    Symlink,
    /// Larger than [`MAX_FILE_BYTES`] (the size in bytes).
    TooLarge(u64),
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Empty => f.write_str("empty file"),
            SkipReason::Binary => f.write_str("binary file (NUL bytes)"),
            SkipReason::Encoding => {
                f.write_str("unknown encoding (neither UTF-8, UTF-16, GB18030 nor Big5)")
            }
            SkipReason::Unsupported(ext) if ext.is_empty() => {
                f.write_str("unsupported format (no extension)")
            }
            SkipReason::Unsupported(ext) => write!(f, "unsupported format (.{ext})"),
            SkipReason::NotRead(ext) => f.write_str(&not_read_message(ext)),
            SkipReason::NoTextLayer => f.write_str("no text layer (scanned?)"),
            SkipReason::Corrupt(what) => write!(f, "corrupt or unreadable: {what}"),
            SkipReason::Encrypted => f.write_str("encrypted (password protected)"),
            SkipReason::Unreadable(msg) => write!(f, "unreadable: {msg}"),
            SkipReason::Symlink => f.write_str("symbolic link (not followed)"),
            SkipReason::TooLarge(size) => write!(
                f,
                "too large ({} MB; the limit is {} MB)",
                size >> 20,
                MAX_FILE_BYTES >> 20
            ),
        }
    }
}

/// A file that was not indexed, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Skipped {
    /// Path relative to the indexed folder.
    pub path: String,
    /// Why.
    pub reason: SkipReason,
}

/// What a known format is called, and what is done with it.
struct Known {
    extensions: &'static [&'static str],
    name: &'static str,
    outcome: &'static str,
}

const KNOWN: &[Known] = &[
    Known {
        extensions: &["doc"],
        name: "Word 97–2003 document",
        outcome: "not read; save it as .docx",
    },
    Known {
        extensions: &["wps"],
        name: "WPS document",
        outcome: "not read; save it as .docx",
    },
    Known {
        extensions: &["xls"],
        name: "Excel 97–2003 workbook",
        outcome: "not read",
    },
    Known {
        extensions: &["xlsx"],
        name: "Excel workbook",
        outcome: "not read",
    },
    Known {
        extensions: &["et"],
        name: "WPS spreadsheet",
        outcome: "not read",
    },
    Known {
        extensions: &["ppt"],
        name: "PowerPoint 97–2003 presentation",
        outcome: "not read; save it as .pdf",
    },
    Known {
        extensions: &["pptx"],
        name: "PowerPoint presentation",
        outcome: "not read; save it as .pdf",
    },
    Known {
        extensions: &["dps"],
        name: "WPS presentation",
        outcome: "not read; save it as .pdf",
    },
    Known {
        extensions: &["jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "webp"],
        name: "image",
        outcome: "no text",
    },
    Known {
        extensions: &["zip", "rar", "7z", "gz", "tgz", "tar"],
        name: "archive",
        outcome: "not unpacked",
    },
];

fn known(extension: &str) -> Option<&'static Known> {
    KNOWN.iter().find(|k| k.extensions.contains(&extension))
}

/// Whether the lower-case extension is a known format that is not read.
pub(crate) fn is_known(extension: &str) -> bool {
    known(extension).is_some()
}

/// Why a file of a known format is not read: `Word 97–2003 document (.doc): not read; save it as
/// .docx`, `image (.png): no text`, `archive (.zip): not unpacked`.
fn not_read_message(extension: &str) -> String {
    match known(extension) {
        Some(k) => format!("{} (.{extension}): {}", k.name, k.outcome),
        None => format!("format not read (.{extension})"),
    }
}
