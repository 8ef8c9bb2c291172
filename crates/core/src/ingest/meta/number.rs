//! Document numbers (文号, 发文字号): `高政办发〔2022〕45号` — an issuer code, the year in
//! brackets (〔〕, [], (), （）, 【】 or ［］), a serial number and 号.

use crate::segment::is_han;

/// Longest issuer code (机关代字) read before the bracket, in characters.
const MAX_CODE_CHARS: usize = 12;

/// The first 文号 in `s`, exactly as written. A 简报 issue number (`2024年第3期`) is not one: the
/// year must stand in brackets.
pub fn find(s: &str) -> Option<&str> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    (0..chars.len()).find_map(|i| {
        let (start, end) = number_at(&chars, i)?;
        s.get(start..end)
    })
}

/// A 文号 whose opening bracket is at `i`: its byte range.
fn number_at(chars: &[(usize, char)], i: usize) -> Option<(usize, usize)> {
    let close = closing(chars.get(i)?.1)?;
    let code_start = code_start(chars, i)?;
    let year = chars.get(i + 1..i + 5)?;
    if !year.iter().all(|&(_, c)| is_digit(c)) {
        return None;
    }
    let mut at = i + 5;
    if chars.get(at).map(|&(_, c)| c) != Some(close) {
        return None;
    }
    at += 1;
    let serial_start = at;
    while chars.get(at).is_some_and(|&(_, c)| is_digit(c)) {
        at += 1;
    }
    let (end, hao) = *chars.get(at)?;
    (at > serial_start && hao == '号').then(|| (chars[code_start].0, end + hao.len_utf8()))
}

/// Where the issuer code before the bracket at `i` starts: one to [`MAX_CODE_CHARS`] Han
/// characters.
fn code_start(chars: &[(usize, char)], i: usize) -> Option<usize> {
    let mut start = i;
    while start > 0 && i - start < MAX_CODE_CHARS && is_han(chars[start - 1].1) {
        start -= 1;
    }
    (start < i).then_some(start)
}

fn closing(open: char) -> Option<char> {
    Some(match open {
        '〔' => '〕',
        '[' => ']',
        '(' => ')',
        '（' => '）',
        '【' => '】',
        '［' => '］',
        _ => return None,
    })
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_with_every_bracket() {
        let table = [
            ("高科发〔2023〕12号", Some("高科发〔2023〕12号")),
            ("高政办发〔2022〕45号", Some("高政办发〔2022〕45号")),
            ("高政办发[2022]45号", Some("高政办发[2022]45号")),
            ("高政办发(2022)45号", Some("高政办发(2022)45号")),
            ("高政办发（2022）45号", Some("高政办发（2022）45号")),
            ("高政办发【2022】45号", Some("高政办发【2022】45号")),
            (
                "高政办发［２０２２］４５号",
                Some("高政办发［２０２２］４５号"),
            ),
            (
                "甘政发〔2024〕1号　　签发人：张三",
                Some("甘政发〔2024〕1号"),
            ),
            (
                "（高政办发〔2023〕28号，以下简称《办法》）",
                Some("高政办发〔2023〕28号"),
            ),
            ("2024年第3期（总第27期）", None),
            ("第3期", None),
            ("〔2023〕12号", None),
            ("高科发〔2023〕号", None),
            ("高科发〔2023〕12", None),
            ("高科发〔2023）12号", None),
            ("高科发〔23〕12号", None),
            ("（2021—2025年）", None),
        ];
        for (text, expected) in table {
            assert_eq!(find(text), expected, "{text}");
        }
    }
}
