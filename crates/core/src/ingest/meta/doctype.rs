//! The kind of document (文种), told by how its title ends.

/// Title endings and the 文种 they mean, most specific first (工作总结 before 总结, 管理办法
/// before 办法).
const ENDINGS: &[(&str, &str)] = &[
    ("工作总结", "工作总结"),
    ("年度报告", "年度报告"),
    ("管理办法", "管理办法"),
    ("实施细则", "实施细则"),
    ("实施方案", "实施方案"),
    ("工作要点", "工作要点"),
    ("工作计划", "计划"),
    ("会议纪要", "纪要"),
    ("通知", "通知"),
    ("方案", "方案"),
    ("计划", "计划"),
    ("要点", "要点"),
    ("简报", "简报"),
    ("决定", "决定"),
    ("意见", "意见"),
    ("规定", "规定"),
    ("报告", "报告"),
    ("讲话", "讲话"),
    ("请示", "请示"),
    ("批复", "批复"),
    ("纪要", "纪要"),
    ("总结", "工作总结"),
    ("办法", "办法"),
    ("细则", "细则"),
    ("规划", "规划"),
    ("纲要", "纲要"),
    ("条例", "条例"),
    ("规则", "规则"),
    ("公告", "公告"),
    ("通告", "通告"),
    ("通报", "通报"),
    ("决议", "决议"),
    ("公示", "公示"),
    ("公报", "公报"),
    ("解读", "解读"),
    ("函", "函"),
];

/// Version notes and issue numbers that may follow the name: `（试行）`, `(草案)`,
/// `2024年第3期（总第27期）`.
fn strip_trailer(title: &str) -> &str {
    let mut rest = title.trim_end();
    loop {
        let before = rest;
        rest = strip_bracket(rest);
        rest = strip_issue(rest);
        rest = rest.trim_end_matches(['”', '"', '》', ' ', '\u{3000}']);
        if rest == before {
            return rest;
        }
    }
}

/// Removes one trailing `（…）` or `(…)` group.
fn strip_bracket(s: &str) -> &str {
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(inner) = s.strip_suffix(close) {
            if let Some(at) = inner.rfind(open) {
                return &s[..at];
            }
        }
    }
    s
}

/// Removes a trailing issue number: `2024年第3期`, `第3期`, `第三期`.
fn strip_issue(s: &str) -> &str {
    let numeral = |c: char| c.is_ascii_digit() || "〇一二三四五六七八九十百".contains(c);
    let Some(before) = s
        .strip_suffix('期')
        .map(|x| x.trim_end_matches(numeral))
        .and_then(|x| x.strip_suffix('第'))
    else {
        return s;
    };
    match before.strip_suffix('年') {
        Some(y) => {
            let name = y.trim_end_matches(|c: char| c.is_ascii_digit());
            if y.len() - name.len() == 4 {
                name
            } else {
                before
            }
        }
        None => before,
    }
}

/// The 文种 of a document with this title: its ending, and a report on a year's work
/// (`关于2024年法治政府建设情况的报告`, `2024年度…情况报告`) is a 年度报告.
pub fn of_title(title: &str) -> Option<&'static str> {
    let kind = from_title(title).or_else(|| joined_kind(title))?;
    let yearly = title.contains("年度") || title.contains("法治政府建设");
    let dated = super::first_year(title).is_some();
    Some(if kind == "报告" && yearly && dated {
        "年度报告"
    } else {
        kind
    })
}

/// Words joining two parts of a title (`…工作总结和下半年工作思路`, `…总结暨…安排`).
const JOINERS: &[char] = &['和', '及', '暨', '与'];

/// The 文种 of a title whose ending names none, from the part before a joining word:
/// `某镇2025年上半年工作总结和下半年工作思路` → 工作总结.
fn joined_kind(title: &str) -> Option<&'static str> {
    title
        .char_indices()
        .filter(|&(_, c)| JOINERS.contains(&c))
        .find_map(|(at, _)| from_title(&title[..at]))
}

/// The 文种 of a document with this title, from the title's ending; `None` when no known
/// ending matches.
pub fn from_title(title: &str) -> Option<&'static str> {
    let name = strip_trailer(title);
    ENDINGS
        .iter()
        .find(|(ending, _)| name.ends_with(ending))
        .map(|&(_, kind)| kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_before_a_joining_word() {
        assert_eq!(
            of_title("石塘镇2025年上半年工作总结和下半年工作思路"),
            Some("工作总结")
        );
        assert_eq!(
            of_title("某县2024年工作总结及2025年工作计划"),
            Some("计划"),
            "the ending wins"
        );
        assert_eq!(of_title("某县召开安全生产和消防工作会议"), None);
    }

    #[test]
    fn types_from_title_endings() {
        let table = [
            ("高台县司法局2019年普法依法治理工作总结", Some("工作总结")),
            ("高台县人民政府2020年法治政府建设年度报告", Some("年度报告")),
            ("高台县科技计划项目管理办法（试行）", Some("管理办法")),
            ("高台县科技计划项目管理办法(试行)", Some("管理办法")),
            ("高台县民法典实施细则", Some("实施细则")),
            ("高台县2021年“民法典宣传月”活动实施方案", Some("实施方案")),
            (
                "关于印发《高台县科技计划项目管理办法（试行）》的通知",
                Some("通知"),
            ),
            ("县科技局2024年度领导干部学法计划", Some("计划")),
            (
                "高台县科学技术局2025年法治政府建设工作要点",
                Some("工作要点"),
            ),
            ("2025年全县普法要点", Some("要点")),
            ("普法工作简报2024年第3期", Some("简报")),
            ("普法工作简报第3期", Some("简报")),
            ("普法工作简报", Some("简报")),
            (
                "高台县人民政府关于修改和废止部分规范性文件的决定",
                Some("决定"),
            ),
            (
                "关于加强行政规范性文件制定和监督管理工作的指导意见",
                Some("意见"),
            ),
            ("高台县重大行政决策程序规定（草案）", Some("规定")),
            ("关于2023年法治政府建设情况的报告", Some("报告")),
            ("在全县法治工作会议上的讲话", Some("讲话")),
            ("关于申请科技经费的请示", Some("请示")),
            ("关于同意设立科技园的批复", Some("批复")),
            ("关于商请协助开展普法宣传的函", Some("函")),
            ("县政府第23次常务会议纪要", Some("纪要")),
            ("“民法典宣传月”活动总结", Some("工作总结")),
            ("高台县农作物秸秆综合利用奖补办法", Some("办法")),
            (
                "高台县法治宣传教育第八个五年规划（2021—2025年）",
                Some("规划"),
            ),
            ("高台县2024年“普法讲师团”", None),
            ("民法典宣传月", None),
        ];
        for (title, expected) in table {
            assert_eq!(from_title(title), expected, "{title}");
        }
    }

    #[test]
    fn reports_on_a_year_are_annual_reports() {
        let table = [
            ("关于2023年法治政府建设情况的报告", Some("年度报告")),
            ("安吉县2024年度法治政府建设情况报告", Some("年度报告")),
            (
                "某区人民政府关于2025年度法治政府建设情况的报告",
                Some("年度报告"),
            ),
            ("关于申请科技经费的报告", Some("报告")),
            ("关于法治政府建设情况的报告", Some("报告")),
            ("2024年法治建设工作总结", Some("工作总结")),
        ];
        for (title, expected) in table {
            assert_eq!(of_title(title), expected, "{title}");
        }
    }
}
