//! The character encoding (字符编码) of an HTML page: a BOM, then the charset the page declares in
//! its first 2 KB (`<meta charset>`, `<meta http-equiv="Content-Type">`, an XML declaration),
//! then the bytes themselves. Government sites often serve GB2312/GBK pages.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252, X_USER_DEFINED};
use memchr::memmem;

use crate::ingest::{decode, SkipReason};

/// How many leading bytes are searched for a declared charset (the HTML standard's prescan).
const PRESCAN: usize = 2048;

/// A page's text and the encoding it was in.
pub(super) struct Page {
    /// The decoded page.
    pub text: String,
    /// The encoding's name, lower case: `utf-8`, `gbk`, `gb18030`, `big5` …
    pub encoding: String,
}

/// Decodes a page: a BOM decides; then valid UTF-8 is UTF-8 whatever the page declares (pages
/// are often mislabelled); then the declared charset, when the bytes decode without error in
/// it; then the bytes as any text file (UTF-8, else GB18030).
pub(super) fn decode_page(bytes: &[u8]) -> Result<Page, SkipReason> {
    let has_bom = bytes.starts_with(b"\xEF\xBB\xBF")
        || bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF");
    if !has_bom && std::str::from_utf8(bytes).is_err() {
        let declared = declared(&bytes[..bytes.len().min(PRESCAN)]);
        let text =
            declared.and_then(|e| e.decode_without_bom_handling_and_without_replacement(bytes));
        if let (Some(encoding), Some(text)) = (declared, text) {
            return Ok(Page {
                text: text.into_owned(),
                encoding: encoding.name().to_ascii_lowercase(),
            });
        }
    }
    let decoded = decode(bytes)?;
    Ok(Page {
        text: decoded.text,
        encoding: decoded.encoding.to_owned(),
    })
}

/// The encoding declared in the first bytes of a page, if any is known.
fn declared(prefix: &[u8]) -> Option<&'static Encoding> {
    let lower = prefix.to_ascii_lowercase();
    let from_xml = lower
        .starts_with(b"<?xml")
        .then(|| {
            let end = memmem::find(&lower, b"?>").unwrap_or(lower.len());
            label_after(&lower[..end], b"encoding")
        })
        .flatten();
    let label = from_xml.or_else(|| meta_charset(&lower))?;
    let encoding = Encoding::for_label(label)?;
    // As browsers do: a page cannot declare itself UTF-16 (it would not be readable as ASCII).
    Some(match encoding {
        e if e == UTF_16LE || e == UTF_16BE => UTF_8,
        e if e == X_USER_DEFINED => WINDOWS_1252,
        e => e,
    })
}

/// The charset label of the first `<meta>` tag that has one (lower-case input).
fn meta_charset(lower: &[u8]) -> Option<&[u8]> {
    let mut rest = lower;
    while let Some(at) = memmem::find(rest, b"<meta") {
        let tag = &rest[at..];
        let end = tag.iter().position(|&b| b == b'>').unwrap_or(tag.len());
        if let Some(label) = label_after(&tag[..end], b"charset") {
            return Some(label);
        }
        rest = &tag[end..];
    }
    None
}

/// The value after `key`, `=` and an optional quote: `charset="gb2312"`, `charset=GBK`.
fn label_after<'a>(tag: &'a [u8], key: &[u8]) -> Option<&'a [u8]> {
    let at = memmem::find(tag, key)?;
    let rest = trim_start(&tag[at + key.len()..], b" \t\r\n");
    let rest = trim_start(rest.strip_prefix(b"=")?, b" \t\r\n\"'");
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || b"-_:.".contains(b)))
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

fn trim_start<'a>(bytes: &'a [u8], chars: &[u8]) -> &'a [u8] {
    let start = bytes
        .iter()
        .position(|b| !chars.contains(b))
        .unwrap_or(bytes.len());
    &bytes[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbk(text: &str) -> Vec<u8> {
        encoding_rs::GBK.encode(text).0.into_owned()
    }

    #[test]
    fn the_declared_charset_is_found_in_meta_tags_and_xml_declarations() {
        let cases: [(&[u8], Option<&str>); 6] = [
            (b"<html><head><meta charset=\"gb2312\">", Some("GBK")),
            (
                b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=GBK\">",
                Some("GBK"),
            ),
            (b"<meta charset='utf-16'>", Some("UTF-8")),
            (
                b"<?xml version=\"1.0\" encoding=\"GB18030\"?><html>",
                Some("gb18030"),
            ),
            (b"<meta name=\"keywords\" content=\"charset\">", None),
            (b"<html><body>no declaration</body></html>", None),
        ];
        for (page, want) in cases {
            assert_eq!(declared(page).map(Encoding::name), want, "{page:?}");
        }
    }

    #[test]
    fn a_gb2312_page_is_decoded_as_declared() {
        let mut page = b"<meta charset=\"gb2312\"><p>".to_vec();
        page.extend(gbk("科技特派员管理办法"));
        let decoded = decode_page(&page).unwrap();
        assert_eq!(decoded.encoding, "gbk");
        assert!(decoded.text.ends_with("科技特派员管理办法"));
    }

    #[test]
    fn undeclared_or_mislabelled_pages_are_decoded_by_their_bytes() {
        let mut gb = b"<meta charset=\"utf-8\"><p>".to_vec();
        gb.extend(gbk("法治政府建设"));
        assert_eq!(decode_page(&gb).unwrap().encoding, "gb18030");
        let utf8 = "<meta charset=\"gb2312\"><p>法治政府建设".as_bytes();
        assert_eq!(decode_page(utf8).unwrap().encoding, "utf-8");
    }
}
