//! Book-title marks (书名号): finding 《…》 with nested 〈…〉, titles broken across a line, the
//! pin that may follow (第十二条第三款), and the short form a parenthesis may define
//! （以下简称《条例》）. Works on byte offsets of the original text.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// A title longer than this (in characters) is taken for an unclosed mark.
const MAX_TITLE_CHARS: usize = 160;
/// How far after a title a （以下简称…） definition may end, in characters.
const MAX_DEFINITION_CHARS: usize = 80;

/// One 《…》 and the 〈…〉 directly inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// From 《 to just past 》.
    pub span: Range<usize>,
    /// The text between the marks.
    pub inner: Range<usize>,
    /// The texts between 〈 and 〉 inside (one level deep).
    pub nested: Vec<Range<usize>>,
}

/// Every well-formed 《…》 of `text`, in order. A 《 without its 》 before a paragraph break, a
/// sentence end or another 《 is left out.
pub fn scan(text: &str) -> Vec<Mark> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find('《') {
        let open = from + found;
        let inner_start = open + '《'.len_utf8();
        match close(text, inner_start) {
            Some((close_at, nested)) => {
                let end = close_at + '》'.len_utf8();
                out.push(Mark {
                    span: open..end,
                    inner: inner_start..close_at,
                    nested,
                });
                from = end;
            }
            None => from = inner_start,
        }
    }
    out
}

/// The offset of the 》 closing a title that starts at `start`, with the nested titles.
fn close(text: &str, start: usize) -> Option<(usize, Vec<Range<usize>>)> {
    let mut nested = Vec::new();
    let mut depth = 0usize;
    let mut nested_start = start;
    // A title may be broken across one line, or a blank line (as copied from a PDF), not more.
    let mut newlines = 0;
    for (count, (i, c)) in text[start..].char_indices().enumerate() {
        if count > MAX_TITLE_CHARS {
            return None;
        }
        let at = start + i;
        match c {
            '》' if depth == 0 => return Some((at, nested)),
            '《' | '。' | '；' | '！' | '？' => return None,
            '〈' => {
                depth += 1;
                if depth == 1 {
                    nested_start = at + c.len_utf8();
                }
            }
            '〉' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    nested.push(nested_start..at);
                }
            }
            '\n' if newlines == 2 => return None,
            '\n' => newlines += 1,
            c if c.is_whitespace() => {}
            _ if newlines == 2 && text[start..at].matches('\n').count() == 2 => {
                // Two breaks are one blank line, not two separate breaks of a long title.
                let gap = &text[start..at];
                let blank = gap.contains("\n\n")
                    || gap.split('\n').nth(1).is_some_and(|l| l.trim().is_empty());
                if !blank {
                    return None;
                }
            }
            _ => {}
        }
    }
    None
}

/// A pin cite (引用条款) after a title: 第十二条, 第三款, 第一项, in any combination.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Pin {
    /// As written, e.g. 第十二条第三款.
    pub text: String,
    /// Article (条) number.
    pub article: Option<u32>,
    /// Paragraph (款) number.
    pub paragraph: Option<u32>,
    /// Item (项) number.
    pub item: Option<u32>,
}

/// The pin that starts right after `at` (white space allowed), and where it ends.
pub fn pin_after(text: &str, at: usize) -> Option<(Pin, usize)> {
    let mut pos = skip_spaces(text, at);
    let start = pos;
    let mut pin = Pin {
        text: String::new(),
        article: None,
        paragraph: None,
        item: None,
    };
    while let Some((number, unit, end)) = numbered(text, pos) {
        let slot = match unit {
            '条' => &mut pin.article,
            '款' => &mut pin.paragraph,
            _ => &mut pin.item,
        };
        if slot.is_some() {
            break;
        }
        *slot = Some(number);
        pos = end;
    }
    if pos == start {
        return None;
    }
    pin.text = text[start..pos].to_owned();
    Some((pin, pos))
}

/// 第 + number + 条/款/项 at `at`: the number, the unit and the end offset.
fn numbered(text: &str, at: usize) -> Option<(u32, char, usize)> {
    let rest = text.get(at..)?.strip_prefix('第')?;
    // 第（三）项: the number may stand in brackets.
    let inner = rest.strip_prefix(['（', '(']).unwrap_or(rest);
    let is_digit =
        |c: char| numeral(c).is_some() || c.is_ascii_digit() || matches!(c, '十' | '百' | '千');
    let digits: String = inner.chars().take_while(|&c| is_digit(c)).collect();
    let after = &inner[digits.len()..];
    let after = if inner.len() < rest.len() {
        after.strip_prefix(['）', ')'])?
    } else {
        after
    };
    let unit = after.chars().next()?;
    if digits.is_empty() || !matches!(unit, '条' | '款' | '项') {
        return None;
    }
    let number = parse_number(&digits)?;
    let end = text.len() - after.len() + unit.len_utf8();
    Some((number, unit, end))
}

fn numeral(c: char) -> Option<u32> {
    "零一二三四五六七八九"
        .chars()
        .position(|n| n == c)
        .map(|p| p as u32)
        .or(match c {
            '〇' => Some(0),
            '两' => Some(2),
            _ => None,
        })
}

/// Parses 12, 十二, 一百零五, 二十 into a number.
pub fn parse_number(s: &str) -> Option<u32> {
    if s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    let (mut total, mut current) = (0u32, 0u32);
    for c in s.chars() {
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => {
                current = numeral(c)?;
                continue;
            }
        };
        total += current.max(u32::from(unit == 10 && current == 0)) * unit;
        current = 0;
    }
    Some(total + current)
}

/// The short form defined right after `at` by a parenthesis such as （以下简称《条例》） or
/// （高政办发〔2023〕28号，以下简称“办法”）: the short title and its byte range.
pub fn definition_after(text: &str, at: usize) -> Option<(String, Range<usize>)> {
    let pos = skip_spaces(text, at);
    let rest = text.get(pos..)?;
    let open = rest.chars().next().filter(|c| matches!(c, '（' | '('))?;
    let body_start = pos + open.len_utf8();
    let window: String = text[body_start..]
        .chars()
        .take(MAX_DEFINITION_CHARS)
        .collect();
    let close = window.find(['）', ')'])?;
    let inside = &window[..close];
    let after = inside.find("简称")? + "简称".len();
    let quoted = inside[after..].trim_start_matches(['：', ':', '为']);
    let (open_mark, close_mark) = match quoted.chars().next()? {
        '《' => ('《', '》'),
        '“' => ('“', '”'),
        '"' => ('"', '"'),
        _ => return None,
    };
    let start = after + (inside[after..].len() - quoted.len()) + open_mark.len_utf8();
    let end = start + inside[start..].find(close_mark)?;
    let short = inside[start..end].trim();
    (!short.is_empty()).then(|| (short.to_owned(), body_start + start..body_start + end))
}

fn skip_spaces(text: &str, at: usize) -> usize {
    let rest = text.get(at..).unwrap_or_default();
    at + (rest.len() - rest.trim_start_matches([' ', '\u{3000}', '\t']).len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(text: &str) -> Vec<(&str, Vec<&str>)> {
        scan(text)
            .iter()
            .map(|m| {
                (
                    &text[m.inner.clone()],
                    m.nested.iter().map(|r| &text[r.clone()]).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn finds_titles_nested_and_broken_titles() {
        let text = "学习《宪法》《关于修改〈中华人民共和国安全生产法〉的决定》和《甘肃省\n社会信用条例》。";
        assert_eq!(
            titles(text),
            vec![
                ("宪法", vec![]),
                (
                    "关于修改〈中华人民共和国安全生产法〉的决定",
                    vec!["中华人民共和国安全生产法"]
                ),
                ("甘肃省\n社会信用条例", vec![]),
            ]
        );
    }

    #[test]
    fn unclosed_marks_are_skipped() {
        assert_eq!(titles("《未闭合。《民法典》"), vec![("民法典", vec![])]);
        assert_eq!(titles("《一《二》"), vec![("二", vec![])]);
        assert_eq!(titles("《跨段\n\n落》"), vec![("跨段\n\n落", vec![])]);
        assert_eq!(titles("《跨\n\n段\n\n落》"), vec![]);
        assert_eq!(titles("《跨\n段\n落》"), vec![]);
        assert!(titles(&"《".repeat(10_000)).is_empty());
    }

    #[test]
    fn pins_and_definitions() {
        let text = "《条例》第十二条第三款规定";
        let (pin, _) = pin_after(text, "《条例》".len()).unwrap();
        assert_eq!(
            (pin.text.as_str(), pin.article, pin.paragraph),
            ("第十二条第三款", Some(12), Some(3))
        );
        let (pin, _) = pin_after("》第五条第（三）项", "》".len()).unwrap();
        assert_eq!(
            (pin.text.as_str(), pin.article, pin.item),
            ("第五条第（三）项", Some(5), Some(3))
        );
        assert!(pin_after("》第三章", "》".len()).is_none());
        assert_eq!(parse_number("一百零五"), Some(105));
        assert_eq!(parse_number("二十"), Some(20));
        assert_eq!(parse_number("十"), Some(10));
        let def = "《X》（高政办发〔2023〕28号，以下简称《办法》）";
        let (short, range) = definition_after(def, "《X》".len()).unwrap();
        assert_eq!((short.as_str(), &def[range]), ("办法", "办法"));
        assert_eq!(
            definition_after("《X》（以下简称“意见”）", "《X》".len())
                .unwrap()
                .0,
            "意见"
        );
        assert!(definition_after("《X》（2018年修正）", "《X》".len()).is_none());
    }
}
