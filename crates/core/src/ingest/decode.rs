//! Decoding file bytes to text: UTF-8 with or without BOM, UTF-16 with BOM, and the Chinese
//! legacy encodings GB18030 (covering GBK and GB2312) and Big5 — told apart by the BOM, then by
//! validation, then by `chardetng`'s guess checked by a strict decode.

use encoding_rs::{Encoding, BIG5, GB18030, UTF_16BE, UTF_16LE};

use super::SkipReason;

/// How many leading bytes are checked for NUL bytes, the mark of a binary file.
const BINARY_PROBE: usize = 8192;
/// Decoding with replacement is accepted when at most this share of characters are replaced.
const MAX_REPLACED: f64 = 0.005;

/// Text decoded from a file, and the encoding it was in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding's name: `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `gb18030` or `big5`.
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
        return strict(UTF_16LE, rest, "utf-16le").ok_or(SkipReason::Encoding);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return strict(UTF_16BE, rest, "utf-16be").ok_or(SkipReason::Encoding);
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
    mostly_utf8(bytes)
        .or_else(|| legacy(bytes))
        .ok_or(SkipReason::Encoding)
}

/// UTF-8 with a few broken sequences (a file cut in the middle of a character, a stray byte):
/// decoded with the broken bytes replaced, when they are rare.
fn mostly_utf8(bytes: &[u8]) -> Option<Decoded> {
    let text = String::from_utf8_lossy(bytes);
    few_replaced(&text).then(|| Decoded {
        text: text.into_owned(),
        encoding: "utf-8",
    })
}

/// Whether replaced characters are rare: only the last one (a file cut in the middle of its last
/// character), at most two in a text of some length (a stray byte), or half a percent.
fn few_replaced(text: &str) -> bool {
    let replaced = text.chars().filter(|&c| c == '\u{FFFD}').count();
    let chars = text.chars().count().max(1);
    let cut_at_end = replaced == 1 && text.ends_with('\u{FFFD}') && chars > 1;
    cut_at_end || (replaced <= 2 && chars > 20) || replaced as f64 / chars as f64 <= MAX_REPLACED
}

/// GB18030 or Big5. Both decode most double-byte text without error, so each strict decode is
/// scored by its private-use characters (a wrong guess lands there) and `chardetng`'s guess breaks
/// ties; a file that decodes strictly in neither is accepted with a few replaced bytes at most.
fn legacy(bytes: &[u8]) -> Option<Decoded> {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let guess = detector.guess(None, false);
    let order: [(&'static Encoding, &'static str); 2] = if guess == BIG5 {
        [(BIG5, "big5"), (GB18030, "gb18030")]
    } else {
        [(GB18030, "gb18030"), (BIG5, "big5")]
    };
    let private = |d: &Decoded| {
        d.text
            .chars()
            .filter(|c| ('\u{E000}'..='\u{F8FF}').contains(c))
            .count()
    };
    let exact = order
        .iter()
        .filter_map(|&(e, name)| strict(e, bytes, name))
        .min_by_key(private);
    exact.or_else(|| {
        // No strict decode: the encoding that needs the fewest replacements, if they are few.
        let lossy = order.map(|(encoding, name)| (encoding.decode(bytes).0, name));
        let replaced = |t: &str| t.chars().filter(|&c| c == '\u{FFFD}').count();
        let [a, b] = lossy;
        let (text, name) = if replaced(&b.0) < replaced(&a.0) {
            b
        } else {
            a
        };
        few_replaced(&text).then(|| Decoded {
            text: text.into_owned(),
            encoding: name,
        })
    })
}

fn strict(encoding: &'static Encoding, bytes: &[u8], name: &'static str) -> Option<Decoded> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| Decoded {
            text: text.into_owned(),
            encoding: name,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chinese_encoding_round_trips() {
        let text = "高台县科学技术局关于印发《科技特派员管理办法》的通知\n第一条　为了规范管理。";
        let (gb, _, _) = GB18030.encode(text);
        assert_eq!(
            decode(&gb).unwrap(),
            Decoded {
                text: text.into(),
                encoding: "gb18030"
            }
        );
        let traditional = "臺灣地區法規資料庫\n第一條　為了規範管理，特制定本辦法。";
        let (big5, _, _) = BIG5.encode(traditional);
        assert_eq!(
            decode(&big5).unwrap(),
            Decoded {
                text: traditional.into(),
                encoding: "big5"
            }
        );
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le).unwrap().encoding, "utf-16le");
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).unwrap().text, text);
    }

    #[test]
    fn truncated_files_keep_their_text() {
        let text = "学习宣传贯彻《中华人民共和国民法典》，推进法治政府建设。".repeat(3);
        let bytes = text.as_bytes();
        let cut = &bytes[..bytes.len() - 2];
        let decoded = decode(cut).unwrap();
        assert_eq!(decoded.encoding, "utf-8");
        assert!(decoded.text.starts_with("学习宣传贯彻"));
        let (gb, _, _) = GB18030.encode(&text);
        let decoded = decode(&gb[..gb.len() - 1]).unwrap();
        assert_eq!(decoded.encoding, "gb18030");
        assert!(decoded.text.starts_with("学习宣传贯彻"));
        // A short file cut in its last character (regression: refused as 1 in 12 replaced).
        let (gb, _, _) = GB18030.encode("开展科技特派员选派工作。");
        let decoded = decode(&gb[..gb.len() - 1]).unwrap();
        assert_eq!(decoded.text, "开展科技特派员选派工作\u{FFFD}");
    }

    #[test]
    fn garbage_is_refused() {
        assert_eq!(decode(b""), Err(SkipReason::Empty));
        assert_eq!(decode(b"\x7fELF\x00\x01"), Err(SkipReason::Binary));
        let noise: Vec<u8> = (0..4000u32)
            .map(|i| (i * 7919 % 251) as u8 | 0x80)
            .collect();
        assert_eq!(decode(&noise), Err(SkipReason::Encoding));
    }
}
