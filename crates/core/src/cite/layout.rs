//! The layout of a document as its lines show it (版式): headings and their levels (第一章, 一、,
//! （一）, 1., （1）, ①, Markdown #), list items (1．, 一是, -), lines that lead into a list
//! (重点学习以下法律法规：) and table rows (cells split by tabs, `|` or wide spaces). Pure.

use std::ops::Range;

/// One line of the text, in characters of [`super::text::Text`].
#[derive(Debug, Clone)]
pub struct Line {
    /// Characters of the line, without its `\n`.
    pub range: Range<usize>,
    /// The numbering that opens the line, if any.
    pub marker: Option<Marker>,
    /// Cells of a table row: character ranges (at least two non-empty ones).
    pub cells: Vec<Range<usize>>,
}

/// The numbering that opens a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    /// 0 for 第X章/第X部分/第X编, 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）, 5 for ①; a bullet
    /// or 一是 is 6. Markdown headings: the number of `#`.
    pub level: u8,
    /// Characters of the marker itself (with its punctuation and following spaces).
    pub len: usize,
    /// A Markdown heading (`#`): always a heading.
    pub markdown: bool,
}

impl Marker {
    /// Whether a line with this marker is a heading of the document rather than a list item:
    /// chapters, 一、 and （一）, and Markdown headings.
    pub fn is_heading(&self) -> bool {
        self.markdown || self.level <= 2
    }
}

/// The lines of `chars`.
pub fn lines(chars: &[char]) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            out.push(line(chars, start..i));
            start = i + 1;
        }
    }
    out.push(line(chars, start..chars.len()));
    out
}

fn line(chars: &[char], range: Range<usize>) -> Line {
    let text = &chars[range.clone()];
    let lead = text
        .iter()
        .take_while(|c| c.is_whitespace() && **c != '\t')
        .count();
    let marker = marker(&text[lead..]).map(|m| Marker {
        len: m.len + lead,
        ..m
    });
    let cells = cells(text)
        .into_iter()
        .map(|r| range.start + r.start..range.start + r.end)
        .collect();
    Line {
        range,
        marker,
        cells,
    }
}

const CHINESE_NUMERALS: &str = "一二三四五六七八九十〇零百";

/// The numbering at the start of `s`.
fn marker(s: &[char]) -> Option<Marker> {
    let spaces = |at: usize| {
        s.get(at..).map_or(0, |r| {
            r.iter()
                .take_while(|c| **c == ' ' || **c == '\u{3000}')
                .count()
        })
    };
    let make = |level: u8, len: usize| {
        Some(Marker {
            level,
            len: len + spaces(len),
            markdown: false,
        })
    };
    let count = |from: usize, f: &dyn Fn(char) -> bool| {
        s.get(from..)
            .map_or(0, |r| r.iter().take_while(|c| f(**c)).count())
    };
    let first = *s.first()?;
    if first == '#' {
        // `## 三、宣传重点`: the numbering inside says the level, as it would without the `#`s.
        let n = count(0, &|c| c == '#');
        let len = n + spaces(n);
        let inner = s.get(len..).and_then(marker);
        return Some(Marker {
            level: inner.map_or(n as u8, |m| m.level),
            len: len + inner.map_or(0, |m| m.len),
            markdown: true,
        });
    }
    let han = |c: char| CHINESE_NUMERALS.contains(c);
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    if first == '第' {
        let n = count(1, &|c| han(c) || digit(c));
        let unit = s.get(1 + n).copied();
        if n > 0 && matches!(unit, Some('章' | '编')) {
            return make(0, n + 2);
        }
        if n > 0 && unit == Some('部') && s.get(n + 2) == Some(&'分') {
            return make(0, n + 3);
        }
        return None;
    }
    if han(first) {
        let n = count(0, &han);
        return match s.get(n) {
            Some('、' | '．' | '.') => make(1, n + 1),
            Some('是') => make(6, n + 1),
            _ => None,
        };
    }
    if matches!(first, '（' | '(') {
        let inner = s.get(1).copied()?;
        let (n, level) = if han(inner) {
            (count(1, &han), 2)
        } else if digit(inner) {
            (count(1, &digit), 4)
        } else {
            return None;
        };
        return match s.get(1 + n) {
            Some('）' | ')') => make(level, n + 2),
            _ => None,
        };
    }
    if digit(first) {
        let n = count(0, &digit);
        return match s.get(n) {
            Some('．' | '、' | '）' | ')') => make(3, n + 1),
            // 1. but not 1.5万 or a date 2024.3.
            Some('.') if !s.get(n + 1).is_some_and(|c| c.is_ascii_digit()) => make(3, n + 1),
            _ => None,
        };
    }
    if ('①'..='⑳').contains(&first) {
        return make(5, 1);
    }
    if matches!(
        first,
        '-' | '•' | '·' | '●' | '◆' | '★' | '▲' | '■' | '□' | '◇' | '○' | '*' | '—'
    ) {
        return make(6, 1);
    }
    None
}

/// The cells of a table row: split by tabs or `|`, or by runs of two or more spaces; at least
/// two non-empty cells, else none.
fn cells(text: &[char]) -> Vec<Range<usize>> {
    let split: Box<dyn Fn(usize) -> usize> = if text.contains(&'\t') {
        Box::new(|i| usize::from(text[i] == '\t'))
    } else if text.iter().filter(|&&c| c == '|').count() >= 2 {
        Box::new(|i| usize::from(text[i] == '|'))
    } else {
        Box::new(|i| {
            let wide = |k: usize| text.get(k).is_some_and(|&c| c == ' ' || c == '\u{3000}');
            if wide(i) && (wide(i + 1) || text[i] == '\u{3000}' && i > 0 && !wide(i - 1)) {
                (i..text.len()).take_while(|&k| wide(k)).count()
            } else {
                0
            }
        })
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < text.len() {
        let n = split(i);
        if n > 0 {
            out.push(start..i);
            i += n;
            start = i;
        } else {
            i += 1;
        }
    }
    out.push(start..text.len());
    let trimmed: Vec<Range<usize>> = out
        .into_iter()
        .map(|r| trim(text, r))
        .filter(|r| !r.is_empty())
        .collect();
    if trimmed.len() >= 2 {
        trimmed
    } else {
        Vec::new()
    }
}

fn trim(text: &[char], mut r: Range<usize>) -> Range<usize> {
    while r.start < r.end && text[r.start].is_whitespace() {
        r.start += 1;
    }
    while r.end > r.start && text[r.end - 1].is_whitespace() {
        r.end -= 1;
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(s: &str) -> Option<(u8, usize)> {
        let chars: Vec<char> = s.chars().collect();
        marker(&chars).map(|m| (m.level, m.len))
    }

    #[test]
    fn markers_golden_table() {
        let cases: &[(&str, Option<(u8, usize)>)] = &[
            ("第一章　总则", Some((0, 4))),
            ("第二部分 工作安排", Some((0, 5))),
            ("一、指导思想", Some((1, 2))),
            ("十二．其他", Some((1, 3))),
            ("（一）宣传重点", Some((2, 3))),
            ("(二)学习内容", Some((2, 3))),
            ("1．《宪法》", Some((3, 2))),
            ("2、学习时间", Some((3, 2))),
            ("3. 宣传", Some((3, 3))),
            ("（1）《民法典》", Some((4, 3))),
            ("①《宪法》", Some((5, 1))),
            ("一是加强学习", Some((6, 2))),
            ("- 《宪法》", Some((6, 2))),
            ("## 下一步打算", Some((2, 3))),
            ("## 三、宣传重点", Some((1, 5))),
            ("### （一）学习内容", Some((2, 7))),
            ("第十二条 本办法", None),
            ("2024年工作", None),
            ("1.5万册", None),
            ("一直以来", None),
        ];
        for (s, expected) in cases {
            assert_eq!(level(s), *expected, "{s}");
        }
    }

    #[test]
    fn table_rows() {
        let chars: Vec<char> = "序号\t学习内容\t时间\n1  《宪法》  3月\n普通的一句话，没有表格"
            .chars()
            .collect();
        let lines = lines(&chars);
        let text = |r: &Range<usize>| chars[r.clone()].iter().collect::<String>();
        let row: Vec<String> = lines[0].cells.iter().map(text).collect();
        assert_eq!(row, ["序号", "学习内容", "时间"]);
        let row: Vec<String> = lines[1].cells.iter().map(text).collect();
        assert_eq!(row, ["1", "《宪法》", "3月"]);
        assert!(lines[2].cells.is_empty());
    }
}
