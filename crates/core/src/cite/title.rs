//! Canonical titles (规范标题): the form a title is compared in. White space removed, full-width
//! letters and digits folded, half-width brackets made full-width, 〈〉 written 《》, the doubled
//! prefix typo 中华人民共和国中华人民共和国 collapsed, and a trailing version note such as
//! （2018年修正）, (试行) or （草案） set apart.

/// The prefix of national laws.
pub const PRC: &str = "中华人民共和国";

/// A title split into its canonical form and its version note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Canonical {
    /// The canonical title.
    pub title: String,
    /// The version note without its brackets (试行, 2018年修正, 草案), if any.
    pub version_note: Option<String>,
}

/// The canonical form of a title as written between the marks.
pub fn canonicalize(raw: &str) -> Canonical {
    let mut title: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(fold)
        .collect();
    while title.starts_with(&PRC.repeat(2)) {
        title.replace_range(..PRC.len(), "");
    }
    title = fold_year_ranges(&title);
    let mut notes = Vec::new();
    while let Some((rest, note)) = split_note(&title) {
        notes.push(note);
        title = rest;
    }
    notes.reverse();
    Canonical {
        title,
        version_note: (!notes.is_empty()).then(|| notes.join("，")),
    }
}

/// Dashes that join the years of a period: 2021－2025年, 2021-2025年, 2021–2025年, 2021~2025年,
/// 2021～2025年, 2021至2025年 are all written 2021—2025年.
const RANGE_DASHES: &[char] = &['-', '－', '–', '—', '―', '─', '~', '～', '至', '‐', '−'];

/// `title` with the dash of every year range (four digits, a dash, four digits) written `—`.
fn fold_year_ranges(title: &str) -> String {
    let chars: Vec<char> = title.chars().collect();
    let digits =
        |from: usize| (from..from + 4).all(|k| chars.get(k).is_some_and(char::is_ascii_digit));
    let mut out = String::with_capacity(title.len());
    for (i, &c) in chars.iter().enumerate() {
        let joins_years = RANGE_DASHES.contains(&c) && i >= 4 && digits(i - 4) && digits(i + 1);
        out.push(if joins_years { '—' } else { c });
    }
    out
}

fn fold(c: char) -> char {
    match c {
        '(' => '（',
        ')' => '）',
        '〈' | '<' | '＜' => '《',
        '〉' | '>' | '＞' => '》',
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

/// Splits a trailing （…） that is a version note off `title`.
fn split_note(title: &str) -> Option<(String, String)> {
    let body = title.strip_suffix('）')?;
    let open = body.rfind('（')?;
    let note = &body[open + '（'.len_utf8()..];
    (open > 0 && is_version_note(note)).then(|| (body[..open].to_owned(), note.to_owned()))
}

/// 试行, 草案, 征求意见稿, 2018年修正, 2021年修订, 2020年版 … but not a period (2021—2025年) or a
/// year (2020年度).
pub fn is_version_note(note: &str) -> bool {
    const WORDS: &[&str] = &[
        "试行",
        "暂行",
        "草案",
        "征求意见稿",
        "送审稿",
        "修正",
        "修订",
        "修改",
        "审议稿",
    ];
    if note.contains(['—', '-', '–', '~', '至']) || note.ends_with("年度") {
        return false;
    }
    WORDS.iter().any(|w| note.contains(w))
        || (note.ends_with('版') && note.starts_with(|c: char| c.is_ascii_digit()))
}

/// `title` without the 中华人民共和国 prefix, if it has it.
pub fn without_prc(title: &str) -> Option<&str> {
    title.strip_prefix(PRC).filter(|rest| !rest.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_titles_golden_table() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "中华人民共和国中华人民共和国宪法",
                "中华人民共和国宪法",
                None,
            ),
            (
                "高台县科技计划项目管理办法(试行)",
                "高台县科技计划项目管理办法",
                Some("试行"),
            ),
            (
                "高台县科技计划项目管理办法（试行）",
                "高台县科技计划项目管理办法",
                Some("试行"),
            ),
            (
                "中华人民共和国 安全生产法（2021年修正）",
                "中华人民共和国安全生产法",
                Some("2021年修正"),
            ),
            ("民法典（草案）", "民法典", Some("草案")),
            (
                "法治政府建设实施纲要（2021—2025年）",
                "法治政府建设实施纲要（2021—2025年）",
                None,
            ),
            (
                "高台县重大行政决策事项目录（2020年度）",
                "高台县重大行政决策事项目录（2020年度）",
                None,
            ),
            (
                "关于修改〈中华人民共和国安全生产法〉的决定",
                "关于修改《中华人民共和国安全生产法》的决定",
                None,
            ),
            ("刑法修正案（十一）", "刑法修正案（十一）", None),
            ("甘肃省\n社会信用条例", "甘肃省社会信用条例", None),
            ("条例（２０１８年修正）", "条例", Some("2018年修正")),
            (
                "法治政府建设实施纲要(2021-2025年)",
                "法治政府建设实施纲要（2021—2025年）",
                None,
            ),
            (
                "某县法治宣传教育第八个五年规划（2021－2025年）",
                "某县法治宣传教育第八个五年规划（2021—2025年）",
                None,
            ),
            ("某规划（2021～2025年）", "某规划（2021—2025年）", None),
            ("某规划（2021至2025年）", "某规划（2021—2025年）", None),
        ];
        for (raw, title, note) in cases {
            let c = canonicalize(raw);
            assert_eq!(
                (c.title.as_str(), c.version_note.as_deref()),
                (*title, *note),
                "{raw}"
            );
        }
    }
}
