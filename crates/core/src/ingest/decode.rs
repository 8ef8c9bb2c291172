//! Decoding file bytes to text: UTF-8 with or without BOM, UTF-16 with BOM, GB18030 (which covers
//! GBK and GB2312).

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};

use super::SkipReason;

/// How many leading bytes are checked for NUL bytes, the mark of a binary file.
const BINARY_PROBE: usize = 8192;

/// Text decoded from a file, and the encoding it was in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding's name: `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be` or `gb18030`.
    pub encoding: &'static str,
}

/// Decodes `bytes`, or says why the file cannot be indexed.
pub fn decode(bytes: &[u8]) -> Result<Decoded, SkipReason> {
    if bytes.is_empty() {
        return Err(SkipReason::Empty);
    }
    let decoded = decode_any(bytes)?;
    if decoded.text.trim().is_empty() {
        return Err(SkipReason::Empty);
    }
    Ok(decoded)
}

fn decode_any(bytes: &[u8]) -> Result<Decoded, SkipReason> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8(rest.to_vec())
            .map(|text| Decoded {
                text,
                encoding: "utf-8-bom",
            })
            .map_err(|_| SkipReason::Encoding);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(UTF_16LE, rest, "utf-16le");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(UTF_16BE, rest, "utf-16be");
    }
    if bytes[..bytes.len().min(BINARY_PROBE)].contains(&0) {
        return Err(SkipReason::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_owned(),
            encoding: "utf-8",
        });
    }
    GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| Decoded {
            text: text.into_owned(),
            encoding: "gb18030",
        })
        .ok_or(SkipReason::Encoding)
}

fn utf16(
    encoding: &'static Encoding,
    bytes: &[u8],
    name: &'static str,
) -> Result<Decoded, SkipReason> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| Decoded {
            text: text.into_owned(),
            encoding: name,
        })
        .ok_or(SkipReason::Encoding)
}
