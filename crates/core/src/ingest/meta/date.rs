//! Dates (日期) in documents: `2024年12月20日`, `二〇二四年十二月二十日`, `2024-12-20`, read into
//! ISO `YYYY-MM-DD`.

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// Year (年).
    pub year: u16,
    /// Month (月), 1–12.
    pub month: u8,
    /// Day (日), 1–31.
    pub day: u8,
}

impl Date {
    /// ISO form, `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        let valid = (1949..=2100).contains(&year) && (1..=12).contains(&month);
        let valid = valid && (1..=31).contains(&day);
        valid.then_some(Date {
            year: u16::try_from(year).ok()?,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        })
    }
}

/// A date that is the whole of `s` (surrounding white space aside): a 落款 line, or a front
/// matter value (`2023-12-28`, `2023/12/28`, `2023.12.28`, `2023-12-28T10:00:00+08:00`, or the
/// Chinese form).
pub fn parse(s: &str) -> Option<Date> {
    let chars: Vec<char> = s.trim_matches(is_space).chars().collect();
    if let Some((date, end)) = chinese_at(&chars, 0) {
        return (end == chars.len()).then_some(date);
    }
    iso_at(&chars)
}

/// A date at the start of `s` (a field's value such as `2025-03-20 16:05` or
/// `2025年02月20日`), whatever follows it.
pub fn parse_start(s: &str) -> Option<Date> {
    let chars: Vec<char> = s.trim_start_matches(is_space).chars().collect();
    if let Some((date, _)) = chinese_at(&chars, 0) {
        return Some(date);
    }
    iso_at(&chars)
}

/// The first date written the Chinese way (`2024年6月5日`, `二〇二四年六月五日`) inside `s`, and
/// the character range it covers.
pub fn find(s: &str) -> Option<(Date, std::ops::Range<usize>)> {
    let chars: Vec<char> = s.chars().collect();
    (0..chars.len()).find_map(|i| {
        let starts = i == 0 || year_digit(chars[i - 1]).is_none();
        starts
            .then(|| chinese_at(&chars, i))
            .flatten()
            .map(|(date, end)| (date, i..end))
    })
}

/// `YYYY年M月D日` starting at `i`, with Arabic, full-width or Chinese digits and optional spaces
/// between the parts; returns the date and the index after 日.
fn chinese_at(chars: &[char], i: usize) -> Option<(Date, usize)> {
    let digits: Option<Vec<u32>> = chars
        .get(i..i + 4)?
        .iter()
        .map(|&c| year_digit(c))
        .collect();
    let year = digits?.iter().fold(0, |acc, d| acc * 10 + d);
    let mut at = skip_spaces(chars, i + 4);
    at = expect(chars, at, '年')?;
    let (month, next) = small_number(chars, skip_spaces(chars, at))?;
    at = expect(chars, skip_spaces(chars, next), '月')?;
    let (day, next) = small_number(chars, skip_spaces(chars, at))?;
    at = expect(chars, skip_spaces(chars, next), '日')?;
    Some((Date::new(year, month, day)?, at))
}

/// `2023-12-28` (or with `/` or `.`, months and days of one or two digits), optionally followed
/// by a time.
fn iso_at(chars: &[char]) -> Option<Date> {
    let end = chars
        .iter()
        .position(|c| !(c.is_ascii_digit() || matches!(c, '-' | '/' | '.')))
        .unwrap_or(chars.len());
    let sep = *chars.get(4)?;
    if !matches!(sep, '-' | '/' | '.') || !matches!(chars.get(end), None | Some('T' | ' ')) {
        return None;
    }
    let s: String = chars[..end].iter().collect();
    let parts: Vec<&str> = s.split(sep).collect();
    let short = |p: &str| (1..=2).contains(&p.len());
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && short(m) && short(d) => {
            Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
        }
        _ => None,
    }
}

fn expect(chars: &[char], at: usize, want: char) -> Option<usize> {
    (chars.get(at) == Some(&want)).then_some(at + 1)
}

fn skip_spaces(chars: &[char], mut at: usize) -> usize {
    while chars.get(at).is_some_and(|&c| is_space(c)) {
        at += 1;
    }
    at
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{FEFF}'
}

/// A digit of a year: Arabic, full-width, or Chinese (〇 and its look-alikes ○ О Ｏ, 零, 一…九).
fn year_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        '〇' | '○' | '零' | 'Ｏ' | 'О' => Some(0),
        _ => chinese_digit(c),
    }
}

fn chinese_digit(c: char) -> Option<u32> {
    "一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .and_then(|p| u32::try_from(p + 1).ok())
}

/// A month or a day at `at`: one or two Arabic digits, or a Chinese number up to 三十一.
fn small_number(chars: &[char], at: usize) -> Option<(u32, usize)> {
    let arabic = |c: char| match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    };
    let mut end = at;
    let mut value = 0;
    while end < at + 2 {
        match chars.get(end).copied().and_then(arabic) {
            Some(d) => value = value * 10 + d,
            None => break,
        }
        end += 1;
    }
    if end > at {
        return Some((value, end));
    }
    chinese_number(chars, at)
}

/// 一 … 九, 十, 十一 … 十九, 二十 … 三十一.
fn chinese_number(chars: &[char], at: usize) -> Option<(u32, usize)> {
    let first = *chars.get(at)?;
    let next = chars.get(at + 1).copied();
    match (chinese_digit(first), first) {
        (None, '十') => {
            let ones = next.and_then(chinese_digit);
            Some((10 + ones.unwrap_or(0), at + 1 + usize::from(ones.is_some())))
        }
        (Some(tens), _) if next == Some('十') => {
            let ones = chars.get(at + 2).copied().and_then(chinese_digit);
            let value = tens * 10 + ones.unwrap_or(0);
            Some((value, at + 2 + usize::from(ones.is_some())))
        }
        (Some(d), _) => Some((d, at + 1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        parse(s).map(|d| d.iso())
    }

    #[test]
    fn whole_line_dates_in_every_form() {
        let table = [
            ("2024年12月20日", Some("2024-12-20")),
            ("  2024年6月5日\u{3000}", Some("2024-06-05")),
            ("2024 年 6 月 5 日", Some("2024-06-05")),
            ("２０２４年１２月２０日", Some("2024-12-20")),
            ("二〇二四年十二月二十日", Some("2024-12-20")),
            ("二○二三年五月十日", Some("2023-05-10")),
            ("二零一九年十二月三十一日", Some("2019-12-31")),
            ("二〇二二年八月十六日", Some("2022-08-16")),
            ("二〇二〇年十月一日", Some("2020-10-01")),
            ("二〇二一年四月二十八日", Some("2021-04-28")),
            ("2023-12-28", Some("2023-12-28")),
            ("2023/12/28", Some("2023-12-28")),
            ("2023.12.28", Some("2023-12-28")),
            ("2023-12-28T10:00:00+08:00", Some("2023-12-28")),
            ("2024年13月1日", None),
            ("2024年12月32日", None),
            ("2024年12月", None),
            ("2024年12月20日前完成", None),
            ("高台县人民政府", None),
            ("1800年1月1日", None),
            ("2023-12-28x", None),
            ("2023/1/2", Some("2023-01-02")),
            ("2023-1-2 08:00", Some("2023-01-02")),
            ("2023-12", None),
            ("2023.12.28.5", None),
        ];
        for (text, expected) in table {
            assert_eq!(iso(text).as_deref(), expected, "{text}");
        }
    }

    #[test]
    fn dates_inside_lines() {
        let found = |s: &str| find(s).map(|(d, r)| (d.iso(), r));
        assert_eq!(
            found("高台县司法局编　　　　2024年6月5日"),
            Some(("2024-06-05".to_owned(), 11..20))
        );
        assert_eq!(found("12024年6月5日"), None);
        assert_eq!(found("2024年第3期（总第27期）"), None);
        assert_eq!(found("2021年5月1日至5月31日。").map(|x| x.1), Some(0..9));
    }

    #[test]
    fn dates_at_the_start_of_values() {
        let start = |s: &str| parse_start(s).map(|d| d.iso());
        assert_eq!(start("2025-03-20 16:05").as_deref(), Some("2025-03-20"));
        assert_eq!(
            start("2025年02月20日 星期四").as_deref(),
            Some("2025-02-20")
        );
        assert_eq!(start(" 2024.03.05").as_deref(), Some("2024-03-05"));
        assert_eq!(start("二〇二四年三月五日").as_deref(), Some("2024-03-05"));
        assert_eq!(start("主动公开"), None);
        assert_eq!(start("2025"), None);
    }
}
