//! PDF files: the text layer (文字层), page by page, with the lines the layout broke joined back
//! into paragraphs. A PDF without a text layer (a scan) is skipped: there is nothing to index
//! without OCR.

use std::any::Any;
use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};

use memchr::memmem;
use pdf_extract::{output_doc_page, Document, PlainTextOutput};

use super::join::{is_wide, join_lines};
use super::{corrupt, Extracted, SkipReason};

/// How many leading bytes may come before the `%PDF` header.
const HEADER_WINDOW: usize = 1024;
/// Text read by the fallback reader is kept when at least this share of its characters are
/// Chinese, ASCII or punctuation: otherwise it is mojibake.
const PLAUSIBLE_SHARE: f64 = 0.9;

thread_local! {
    /// Whether this thread is reading a PDF inside `catch_unwind`.
    static CATCHING: Cell<bool> = const { Cell::new(false) };
}

/// Whether a panic raised now, on this thread, is one the PDF reader catches and reports as a
/// skipped file: a program's panic hook can leave it unprinted.
pub fn catching_panics() -> bool {
    CATCHING.with(Cell::get)
}

/// The text of a PDF's pages, one paragraph per line.
pub(super) fn extract(bytes: &[u8]) -> Result<Extracted, SkipReason> {
    if memmem::find(&bytes[..bytes.len().min(HEADER_WINDOW)], b"%PDF").is_none() {
        return Err(corrupt("not a PDF (no %PDF header)"));
    }
    let pages = read_pages(bytes)?;
    let text: Vec<String> = pages
        .iter()
        .map(|page| join_lines(page))
        .filter(|page| !page.is_empty())
        .collect();
    if text.is_empty() {
        return Err(SkipReason::NoTextLayer);
    }
    Ok(Extracted {
        text: text.join("\n"),
        encoding: "pdf".to_owned(),
        title: None,
        date: None,
        published: None,
    })
}

/// The text of each page in lines: as `pdf-extract` lays the characters out by their
/// positions; when it fails, as `lopdf` reads the text operators (it knows the predefined
/// Chinese CMaps `UniGB-UCS2-H` and `UniGB-UTF16-H`, which `pdf-extract` does not), if that
/// gives plausible text.
fn read_pages(bytes: &[u8]) -> Result<Vec<String>, SkipReason> {
    let mut document =
        caught(|| Document::load_mem(bytes).map_err(|e| corrupt(format!("unparsable PDF ({e})"))))?;
    if document.is_encrypted() && document.decrypt("").is_err() {
        return Err(SkipReason::Encrypted);
    }
    if parent_loops(&document) {
        return Err(corrupt(
            "the PDF's page tree loops (a page is its own ancestor)",
        ));
    }
    // Both readers only read the document: a panic in the first cannot leave it half changed.
    let laid_out = caught(|| laid_out_pages(&document));
    laid_out.or_else(|failure| {
        caught(|| Ok(operator_pages(&document)))
            .ok()
            .filter(|pages| plausible(pages))
            .ok_or(failure)
    })
}

/// Runs a PDF reader, turning its panic into a skip reason.
///
/// `pdf-extract` panics (`unwrap`, `expect`, `panic!`, `todo!`) on damaged PDFs and on fonts it
/// does not support, where it could have returned an error. `catch_unwind` turns such a panic
/// into a skip reason, so one bad file cannot stop the indexing of a folder. This relies on
/// panics unwinding (the default; the workspace sets no `panic = "abort"`). The panic hook
/// still runs: [`catching_panics`] tells it that the panic is caught.
fn caught<T>(read: impl FnOnce() -> Result<T, SkipReason>) -> Result<T, SkipReason> {
    CATCHING.with(|c| c.set(true));
    let result = catch_unwind(AssertUnwindSafe(read));
    CATCHING.with(|c| c.set(false));
    result.unwrap_or_else(|payload| {
        Err(corrupt(format!(
            "PDF cannot be read ({})",
            panic_message(payload.as_ref())
        )))
    })
}

/// Whether following `/Parent` up from a page comes back to where it has been. `pdf-extract`
/// looks for inherited page attributes that way, without a guard: found by fuzzing, a PDF of
/// 624 bytes whose page is its own parent made it recurse for ever.
fn parent_loops(document: &Document) -> bool {
    document.get_pages().into_values().any(|page| {
        let mut seen = std::collections::HashSet::new();
        let mut at = Some(page);
        while let Some(id) = at {
            if !seen.insert(id) {
                return true;
            }
            at = document
                .get_dictionary(id)
                .and_then(|d| d.get(b"Parent"))
                .and_then(|p| p.as_reference())
                .ok();
        }
        false
    })
}

/// Each page's text as `pdf-extract` lays it out: a line break where the text moves down.
fn laid_out_pages(document: &Document) -> Result<Vec<String>, SkipReason> {
    let numbers: Vec<u32> = document.get_pages().into_keys().collect();
    numbers
        .into_iter()
        .map(|number| {
            let mut text = String::new();
            output_doc_page(document, &mut PlainTextOutput::new(&mut text), number)
                .map_err(|e| corrupt(format!("PDF page {number} cannot be read ({e})")))?;
            Ok(text)
        })
        .collect()
}

/// Each page's text as `lopdf` reads its text operators: a line break at the end of each text
/// object. Parts it cannot decode are left out.
fn operator_pages(document: &Document) -> Vec<String> {
    let numbers: Vec<u32> = document.get_pages().into_keys().collect();
    numbers
        .into_iter()
        .map(|number| {
            document
                .extract_text_chunks(&[number])
                .into_iter()
                .flatten()
                .collect()
        })
        .collect()
}

/// Whether the pages hold text, and at least [`PLAUSIBLE_SHARE`] of its characters are
/// Chinese characters, Chinese punctuation or printable ASCII.
fn plausible(pages: &[String]) -> bool {
    let chars = pages
        .iter()
        .flat_map(|p| p.chars())
        .filter(|c| !c.is_whitespace());
    let (ordinary, all) = chars.fold((0usize, 0usize), |(ordinary, all), c| {
        let fine = is_wide(c) || c.is_ascii_graphic();
        (ordinary + usize::from(fine), all + 1)
    });
    all > 0 && ordinary as f64 >= PLAUSIBLE_SHARE * all as f64
}

/// The message a panic was raised with.
fn panic_message(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "the PDF reader failed".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mojibake_is_not_plausible_text() {
        let text = |s: &str| vec![s.to_owned()];
        assert!(plausible(&text(
            "为深入推进依法行政，加快建设法治政府 (2024)"
        )));
        assert!(!plausible(&text("ÏÂÊö¹¤×÷\u{FFFD}\u{FFFD}ÈçÏÂ")));
        assert!(!plausible(&text(" \n ")));
    }
}
