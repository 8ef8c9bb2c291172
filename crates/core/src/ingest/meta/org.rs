//! Organizations (机关) in titles and header lines: the leading organization of a title, lines
//! that are only an organization (版头), the `…编` line of a 简报 and the subject of an opening
//! sentence (`2024年,县科技局在…` → 县科技局).

use super::{date, doctype};

/// Endings that close an organization name standing before a cut (关于, a year, a quote).
const ORG_ENDINGS: &[&str] = &[
    "办公室",
    "委员会",
    "政府",
    "党委",
    "党组",
    "局",
    "委",
    "办",
    "厅",
    "部",
    "院",
    "中心",
    "所",
    "站",
    "队",
    "会",
    "组",
    "处",
    "科",
    "公司",
    "学校",
    "馆",
    "街道",
    "镇",
    "乡",
];
/// Words ending like an organization that name none (城镇, 各乡镇).
const NOT_ORG_ENDINGS: &[&str] = &[
    "城镇", "城乡", "乡镇", "村镇", "集镇", "小镇", "家乡", "下乡",
];
/// Endings that mark an organization inside running text, where nothing else says where the
/// name ends.
const STRONG_ENDINGS: &[&str] = &["办公室", "委员会", "政府", "局"];
/// Words that continue an organization name after a strong ending (政府 + 办公室).
const CONTINUATIONS: &[&str] = &["办公室", "党组", "党委", "机关"];
/// Words ending in 局 that are not bureaus.
const NOT_ORGS: &[&str] = &[
    "布局", "格局", "大局", "全局", "结局", "当局", "变局", "开局", "新局", "时局", "政局", "骗局",
];
/// Words that stand for an organization without naming it (我局, 本委).
const PRONOUNS: &[char] = &['我', '本', '该', '各', '全', '此'];
/// Longest organization name, in characters.
const MAX_ORG_CHARS: usize = 30;
/// Where the subject of an opening sentence is looked for, in characters.
const MAX_SUBJECT_CHARS: usize = 20;

/// The part of a title before its first cut: 关于, a digit, a quotation mark or 《.
pub fn head(title: &str) -> &str {
    let digit = title.find(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
    let cuts = [
        title.find("关于"),
        digit,
        title.find(['“', '"', '《', '「']),
    ];
    let cut = cuts.into_iter().flatten().min().unwrap_or(title.len());
    title[..cut].trim_end()
}

/// The organization a title (or a file name) starts with: `高台县人民政府办公室关于…` →
/// 高台县人民政府办公室, `县科技局2024年…` → 县科技局.
pub fn leading(title: &str) -> Option<&str> {
    let head = head(title);
    if head.len() < title.len() && ends_with_org(head) {
        return Some(head);
    }
    strong_prefix(head, MAX_ORG_CHARS)
}

/// A line that is only an organization name, such as a 版头 without 文件: short, without
/// punctuation, cut or 文种, ending like an organization.
pub fn is_org_line(line: &str) -> bool {
    let clean = !line.contains(['。', '，', ',', '：', ':', '；', '、']);
    clean && head(line) == line && ends_with_org(line) && doctype::from_title(line).is_none()
}

/// The editor of a `…编` line (`高台县司法局编　　2024年6月5日` → 高台县司法局).
pub fn edited_by(line: &str) -> Option<&str> {
    let (before, after) = line.split_once('编')?;
    let before = before.trim_end();
    let after = after.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    let alone = after.is_empty() || after.len() < line.len() - before.len() - '编'.len_utf8();
    let dated = date::find(after).is_some_and(|(_, r)| r.start == 0);
    ((alone || dated) && ends_with_org(before) && head(before) == before).then_some(before)
}

/// The subject of an opening sentence that starts with its year: `2024年,县科技局在…` →
/// 县科技局; an opening `在…下，` is skipped.
pub fn opening_subject(line: &str) -> Option<&str> {
    let year_len = line.char_indices().nth(4).map(|(i, _)| i)?;
    if !line[..year_len].chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let rest = line[year_len..].strip_prefix('年')?;
    let rest = rest.strip_prefix('度').unwrap_or(rest);
    let rest = rest.strip_prefix(['，', ','])?;
    let rest = match rest.strip_prefix('在') {
        Some(_) => rest.split_once("下，").or(rest.split_once("下,"))?.1,
        None => rest,
    };
    // The subject ends where the sentence goes on: 簇锦街道在区委区政府的领导下 → 簇锦街道.
    if let Some((name, _)) = rest.split_once('在') {
        if name.chars().count() <= MAX_SUBJECT_CHARS && ends_with_org(name) {
            return (head(name) == name).then_some(name);
        }
    }
    strong_prefix(rest, MAX_SUBJECT_CHARS).filter(|name| !name.contains(['在', '的']))
}

/// Whether a name ends like an organization's (某县司法局, 某街道办事处, 某县融媒体中心).
pub fn is_org_name(name: &str) -> bool {
    ends_with_org(name) && !name.starts_with(PRONOUNS)
}

fn ends_with_org(s: &str) -> bool {
    let len = s.chars().count();
    (2..=MAX_ORG_CHARS).contains(&len)
        && ORG_ENDINGS
            .iter()
            .any(|e| s.ends_with(e) && s.len() > e.len())
        && !NOT_ORG_ENDINGS.iter().any(|w| s.ends_with(w))
}

/// The shortest prefix of `s`, within `max` characters, that ends with a strong ending (and the
/// words continuing it); a name stands before the ending, not a pronoun (我局).
fn strong_prefix(s: &str, max: usize) -> Option<&str> {
    let window = s.char_indices().nth(max).map_or(s, |(i, _)| &s[..i]);
    let end = window.char_indices().find_map(|(i, _)| {
        let ending = STRONG_ENDINGS
            .iter()
            .find(|e| window[i..].starts_with(*e))?;
        let end = i + ending.len();
        let name = &window[..end];
        let real = name.len() > ending.len()
            && !name.starts_with(PRONOUNS)
            && !NOT_ORGS.iter().any(|w| name.ends_with(w));
        real.then_some(end)
    })?;
    let more = CONTINUATIONS
        .iter()
        .find(|c| s[end..].starts_with(*c))
        .map_or(0, |c| c.len());
    Some(&s[..end + more])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_organizations_of_titles() {
        let table = [
            (
                "高台县人民政府办公室关于印发高台县科技特派员管理办法的通知",
                Some("高台县人民政府办公室"),
            ),
            (
                "中共高台县委全面依法治县委员会办公室关于开展2024年活动的通知",
                Some("中共高台县委全面依法治县委员会办公室"),
            ),
            (
                "高台县市场监督管理局2022年法治政府建设工作总结",
                Some("高台县市场监督管理局"),
            ),
            ("县科技局2024年度领导干部学法计划", Some("县科技局")),
            ("高台县科技局法治建设工作总结", Some("高台县科技局")),
            ("高台县人民政府工作报告", Some("高台县人民政府")),
            ("高台县人民政府办公室文件", Some("高台县人民政府办公室")),
            ("高台县2021年“民法典宣传月”活动实施方案", None),
            ("高台县科技特派员管理办法", None),
            ("高台县城乡布局规划", None),
            ("宋庄镇2024年工作总结", Some("宋庄镇")),
            ("推进新型城镇2024年工作", None),
            ("关于开展2024年宪法宣传周活动的通知", None),
            ("2024年法治建设工作总结", None),
        ];
        for (title, expected) in table {
            assert_eq!(leading(title), expected, "{title}");
        }
    }

    #[test]
    fn header_lines() {
        assert!(is_org_line("中共高台县委全面依法治县委员会办公室"));
        assert!(is_org_line("高台县人民政府"));
        assert!(!is_org_line("普法工作简报"));
        assert!(!is_org_line("高台县人民政府2020年法治政府建设年度报告"));
        assert!(!is_org_line("各乡镇人民政府，县政府各部门："));
        assert_eq!(
            edited_by("高台县司法局编　　　　2024年6月5日"),
            Some("高台县司法局")
        );
        assert_eq!(edited_by("高台县司法局编"), Some("高台县司法局"));
        assert_eq!(edited_by("领导干部应知应会党内法规和国家法律汇编"), None);
        assert_eq!(edited_by("县司法局编印普法读本"), None);
    }

    #[test]
    fn subjects_of_opening_sentences() {
        let table = [
            (
                "2024年,县科技局在县委、县政府的坚强领导下,坚持",
                Some("县科技局"),
            ),
            ("2020年，县政府坚持以习近平", Some("县政府")),
            ("2022年，县市场监督管理局坚持以", Some("县市场监督管理局")),
            (
                "2019年，在县委、县政府的正确领导和市司法局的有力指导下，县司法局坚持",
                Some("县司法局"),
            ),
            ("2024年，我局坚持", None),
            (
                "2024年，簇锦街道在区委区政府的坚强领导下，坚持党建引领",
                Some("簇锦街道"),
            ),
            ("2024年，某街道在区委区政府的领导下", Some("某街道")),
            ("2025年是“十四五”规划收官之年", None),
            ("为深入学习贯彻习近平法治思想", None),
        ];
        for (line, expected) in table {
            assert_eq!(opening_subject(line), expected, "{line}");
        }
    }
}
