//! Word documents (`.docx`, Word 文档): the paragraphs and tables of `word/document.xml`, and the
//! title and creation date of `docProps/core.xml`. A `.docx` is a zip archive of XML parts.

mod body;
mod props;
mod styles;
mod xml;

use std::io::{Cursor, Read};

use zip::result::ZipError;
use zip::ZipArchive;

use super::{corrupt, non_empty, Extracted, SkipReason};

/// The main part: the document's text.
const DOCUMENT: &str = "word/document.xml";
/// The styles part: which paragraph styles are headings.
const STYLES: &str = "word/styles.xml";
/// The core properties part: title, creation date.
const CORE: &str = "docProps/core.xml";
/// A part larger than this (unpacked) is refused: a zip bomb, not a document.
const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;
/// The first bytes of an OLE compound file: a Word 97–2003 file, or an encrypted `.docx`.
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// The text, title and date of a `.docx` file.
pub(super) fn extract(bytes: &[u8]) -> Result<Extracted, SkipReason> {
    if bytes.starts_with(OLE_MAGIC) {
        return Err(corrupt(
            ".docx is an OLE file, not a zip archive: a password-protected document, or a .doc renamed",
        ));
    }
    let mut archive = ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| corrupt(format!(".docx is not a valid zip archive ({e})")))?;
    let document =
        part(&mut archive, DOCUMENT)?.ok_or_else(|| corrupt(format!(".docx has no {DOCUMENT}")))?;
    // The styles and properties only refine the result: when damaged, they are done without.
    let headings = part(&mut archive, STYLES)
        .ok()
        .flatten()
        .and_then(|xml| styles::heading_styles(&xml).ok())
        .unwrap_or_default();
    let text = body::text(&document, &headings)
        .map_err(|e| corrupt(format!(".docx's {DOCUMENT} is not well-formed XML ({e})")))?;
    let properties = part(&mut archive, CORE)
        .ok()
        .flatten()
        .and_then(|xml| props::core(&xml).ok())
        .unwrap_or_default();
    Ok(Extracted {
        text: non_empty(text)?,
        encoding: "utf-8".to_owned(),
        title: properties.title,
        date: properties.date,
        published: None,
    })
}

/// The text of a part of the archive; `None` when there is no such part.
fn part(archive: &mut ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, SkipReason> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(corrupt(format!(".docx's {name} cannot be unpacked ({e})"))),
    };
    let mut text = String::new();
    file.take(MAX_PART_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|e| corrupt(format!(".docx's {name} cannot be unpacked ({e})")))?;
    if text.len() as u64 > MAX_PART_BYTES {
        return Err(corrupt(format!(
            ".docx's {name} unpacks to more than {} MB",
            MAX_PART_BYTES >> 20
        )));
    }
    Ok(Some(text))
}
