//! Traditional to simplified characters (繁体转简体), one character for one character, so that
//! byte offsets survive: the `fast2s` crate's table, minus the characters that are also ordinary
//! simplified characters (捍卫 must not become 扞卫, 呵护 not 嗬护).

/// Simplified characters that `fast2s` would rewrite although simplified text uses them as they are.
const KEEP: &[char] = &[
    '磐', '疋', '仝', '祗', '黏', '阪', '矽', '薰', '吒', '麴', '捍', '甯', '彷', '煅', '醯', '菸',
    '呵', '呱',
];

/// Converts the traditional characters of `text` to simplified ones. Every converted character has
/// the same UTF-8 length as the one it replaces, so offsets into `text` stay valid.
pub fn to_simplified(text: &str) -> String {
    let converted = fast2s::convert(text);
    if converted.len() != text.len() {
        // fast2s maps three-byte characters to three-byte characters only; if a future table broke
        // that, keep the text unconverted rather than corrupt the offset map.
        return text.to_owned();
    }
    text.chars()
        .zip(converted.chars())
        .map(|(before, after)| {
            if KEEP.contains(&before) {
                before
            } else {
                after
            }
        })
        .collect()
}
