//! Traditional to simplified characters (繁体转简体), one character for one character, so that
//! byte offsets survive: the `fast2s` crate's table, minus the characters that are also ordinary
//! simplified characters (捍卫 must not become 扞卫, 呵护 not 嗬护).

include!(concat!(env!("OUT_DIR"), "/simplifiable.rs"));

/// Simplified characters that `fast2s` would rewrite although simplified text uses them as they are.
const KEEP: &[char] = &[
    '磐', '疋', '仝', '祗', '黏', '阪', '矽', '薰', '吒', '麴', '捍', '甯', '彷', '煅', '醯', '菸',
    '呵', '呱',
];

/// Whether `fast2s` may change `c`, alone or in some word (a table computed at build time).
pub(crate) fn may_simplify(c: char) -> bool {
    let u = c as u32;
    u < 0x10000 && (SIMPLIFIABLE[(u >> 6) as usize] >> (u & 63)) & 1 == 1
}

/// Converts the traditional characters of `text` to simplified ones. Every converted character has
/// the same UTF-8 length as the one it replaces, so offsets into `text` stay valid.
pub fn to_simplified(text: &str) -> String {
    simplified(text.to_owned())
}

/// [`to_simplified`] of an owned text, changed in place: only the characters that may change are
/// looked at, each with its neighbours (fast2s converts a character by its neighbours only), so
/// that text with none of them (nearly all simplified text) costs one pass over a bitset.
pub(crate) fn simplified(mut text: String) -> String {
    for (at, before, after) in changes(&text) {
        let mut buf = [0; 4];
        text.replace_range(at..at + before.len_utf8(), after.encode_utf8(&mut buf));
    }
    text
}

/// `(byte offset, character, simplified character)` for each character that changes.
fn changes(text: &str) -> Vec<(usize, char, char)> {
    let mut out = Vec::new();
    let mut prev = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if may_simplify(c) && !KEEP.contains(&c) {
            let next = chars.peek().map(|&(_, n)| n);
            let after = convert_in_context(prev, c, next);
            // fast2s maps three-byte characters to three-byte characters; a change of length
            // would break the offset map, so such a character would stay as it is.
            if after != c && after.len_utf8() == c.len_utf8() {
                out.push((at, c, after));
            }
        }
        prev = Some(c);
    }
    out
}

/// What `fast2s::convert` makes of `c` between `prev` and `next`.
fn convert_in_context(prev: Option<char>, c: char, next: Option<char>) -> char {
    let window: String = prev.into_iter().chain([c]).chain(next).collect();
    let converted = fast2s::convert(&window);
    converted
        .chars()
        .nth(usize::from(prev.is_some()))
        .unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The conversion without the table: fast2s on every text.
    fn reference(text: &str) -> String {
        let converted = fast2s::convert(text);
        text.chars()
            .zip(converted.chars())
            .map(|(b, a)| if KEEP.contains(&b) { b } else { a })
            .collect()
    }

    #[test]
    fn the_table_holds_every_character_fast2s_changes_alone() {
        for u in 0x800..0x10000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let alone = c.to_string();
            if fast2s::convert(&alone) != alone {
                assert!(may_simplify(c), "{c} U+{u:04X} is missing from the table");
            }
        }
    }

    #[test]
    fn words_converted_only_in_context_give_what_fast2s_gives() {
        // fast2s's special words (T2S_SPECIAL_CONVERT_TYPE and T2S_EXCLUDE), alone and in text.
        let words = [
            "看著", "藉口", "憑藉", "苧麻", "闔家", "鍾書", "校讎", "讎定", "仇讎", "計畫", "企畫",
            "兒寬", "答覆", "批覆", "回覆", "甚夥", "慰藉", "狼藉", "瞭望", "幺麽", "樊於", "乾隆",
            "乾坤", "乾卦", "著作", "畫家",
        ];
        for w in words {
            for text in [w.to_owned(), format!("我们{w}了"), format!("{w}，{w}")] {
                assert_eq!(simplified(text.clone()), reference(&text), "{text}");
            }
        }
    }

    #[test]
    fn every_changing_character_between_any_neighbours_gives_what_fast2s_gives() {
        let pool: Vec<char> = (0x800..0x10000u32)
            .filter_map(char::from_u32)
            .filter(|&c| may_simplify(c))
            .chain("的法治建设，。 a1".chars())
            .collect();
        let mut seed = 7u64;
        let mut pick = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            pool[(seed >> 33) as usize % pool.len()]
        };
        for _ in 0..20_000 {
            let text: String = (0..6).map(|_| pick()).collect();
            assert_eq!(simplified(text.clone()), reference(&text), "{text}");
        }
    }

    #[test]
    fn simplified_text_is_returned_unchanged() {
        let text = "高台县科学技术局2024年法治政府建设工作总结：捍卫、呵护。";
        assert_eq!(simplified(text.to_owned()), text);
        assert_eq!(to_simplified("個人信息保護法"), "个人信息保护法");
    }
}
