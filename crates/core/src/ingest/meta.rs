//! Document metadata found in the text: the title (标题) and the year (年份).

/// A first line longer than this (in characters) is a paragraph, not a title.
const MAX_TITLE_CHARS: usize = 60;
/// How many leading non-empty lines are searched for the year.
const YEAR_LINES: usize = 3;

/// The title: the first non-empty line when it reads like a title (short, not ending a sentence),
/// else the file name without its extension.
pub fn title(text: &str, file_stem: &str) -> String {
    match text.lines().map(str::trim).find(|l| !l.is_empty()) {
        Some(line) if looks_like_title(line) => line.to_owned(),
        _ => file_stem.to_owned(),
    }
}

fn looks_like_title(line: &str) -> bool {
    line.chars().count() <= MAX_TITLE_CHARS
        && !line.ends_with(['。', '：', ':', '；', ';', '，', ','])
}

/// The year: the first 19xx年 or 20xx年 in the title or the opening lines, else in the file name.
pub fn year(title: &str, text: &str, file_name: &str) -> Option<u16> {
    let opening = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(YEAR_LINES);
    std::iter::once(title)
        .chain(opening)
        .chain(std::iter::once(file_name))
        .find_map(first_year)
}

/// The first four-digit year followed by 年 in `s` (full-width digits count).
pub fn first_year(s: &str) -> Option<u16> {
    let chars: Vec<char> = s.chars().collect();
    for (i, window) in chars.windows(5).enumerate() {
        if window[4] != '年' {
            continue;
        }
        let before_is_digit = i > 0 && digit(chars[i - 1]).is_some();
        let digits: Option<Vec<u32>> = window[..4].iter().map(|&c| digit(c)).collect();
        if let (false, Some(d)) = (before_is_digit, digits) {
            let y = d.iter().fold(0u32, |acc, x| acc * 10 + x);
            if (1949..=2100).contains(&y) {
                return u16::try_from(y).ok();
            }
        }
    }
    None
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}
