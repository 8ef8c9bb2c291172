//! File formats (文件格式): which files of a folder are read, and the text, encoding, title and
//! date of each — plain text, HTML pages, Word `.docx`, PDF text layers — or why a file is
//! skipped. One module per format; this one dispatches on the file name extension.

mod docx;
mod html;
mod join;
mod pdf;
mod text;

use super::meta::{self, Metadata};
use super::SkipReason;

pub use join::join_lines;
pub use pdf::catching_panics;

/// What a format reader found in a file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Extracted {
    /// The text (正文), one line per paragraph, heading or table row.
    pub text: String,
    /// The encoding the text was in (`utf-8`, `gb18030`, `gbk` …); `pdf` for a PDF's text layer.
    pub encoding: String,
    /// The title (标题) the file itself declares: an HTML `<title>`, a `.docx`'s core
    /// properties. Used when it agrees with the text's title line or the text has none.
    pub title: Option<String>,
    /// The date (日期) the file itself declares, ISO `YYYY-MM-DD` (a `.docx`'s creation date).
    /// Used when the text holds none: a document made from an old template keeps its creation
    /// date, while the date of its 落款 is the document's.
    pub date: Option<String>,
    /// The published date (发布日期) a page declares, ISO `YYYY-MM-DD` (`<meta name="PubDate">`).
    pub published: Option<String>,
}

/// The formats that are read, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Html,
    Docx,
    Pdf,
}

/// The format read for a lower-case extension, if any.
fn format_of(extension: &str) -> Option<Format> {
    match extension {
        _ if text::EXTENSIONS.contains(&extension) => Some(Format::Text),
        _ if html::EXTENSIONS.contains(&extension) => Some(Format::Html),
        "docx" => Some(Format::Docx),
        "pdf" => Some(Format::Pdf),
        _ => None,
    }
}

/// Whether files with this lower-case extension are read.
pub fn reads(extension: &str) -> bool {
    format_of(extension).is_some()
}

/// Why a file with this lower-case extension is not read: a known format zhengce does not read
/// ([`SkipReason::NotRead`]: Word 97–2003, spreadsheets, slides, images, archives), else
/// [`SkipReason::Unsupported`].
pub fn not_read(extension: &str) -> SkipReason {
    if crate::skip::is_known(extension) {
        SkipReason::NotRead(extension.to_owned())
    } else {
        SkipReason::Unsupported(extension.to_owned())
    }
}

/// The text of a file with this (lower-case) extension, or why it cannot be indexed. Text files
/// go through [`decode`](super::decode()); a damaged file gives [`SkipReason::Corrupt`], never a
/// panic.
pub fn extract(path_extension: &str, bytes: &[u8]) -> Result<Extracted, SkipReason> {
    let extension = path_extension.to_lowercase();
    match format_of(&extension) {
        Some(Format::Text) => text::extract(bytes),
        Some(Format::Html) => html::extract(bytes),
        Some(Format::Docx) => docx::extract(bytes),
        Some(Format::Pdf) => pdf::extract(bytes),
        None => Err(not_read(&extension)),
    }
}

/// The metadata of an extracted file: what the format declares (an HTML page's title and
/// published date, a `.docx`'s title and creation date) is weighed against the text by
/// [`meta::of_file_declared`]; a Markdown file's own front matter wins over the text.
pub fn metadata(found: &Extracted, file_name: &str) -> Metadata {
    let declared = meta::Declared {
        title: found.title.clone(),
        date: found.date.clone(),
        published: found.published.clone(),
    };
    meta::of_file_declared(&found.text, file_name, &declared)
}

/// A skip reason for a damaged file: `what` names the format and the fault.
fn corrupt(what: impl Into<String>) -> SkipReason {
    SkipReason::Corrupt(what.into())
}

/// `text`, or [`SkipReason::Empty`] when it holds only white space.
fn non_empty(text: String) -> Result<String, SkipReason> {
    if text.trim().is_empty() {
        Err(SkipReason::Empty)
    } else {
        Ok(text)
    }
}
