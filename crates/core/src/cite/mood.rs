//! Done or planned (已完成 / 计划): the document's genre sets the default — notices asking others to
//! act, schemes, plans, key points and opinions look forward; summaries, reports and briefings
//! look back; measures state rules — its sections override it (下一步打算 in a report, 工作回顾 in
//! a plan), and its sentences override both (将, 拟, 力争 … / 已, 完成, 开展了, 截至 …). Pure.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::layout::Line;
use super::text::{Text, CLAUSE_END};

/// What kind of document the text is, as far as tense goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Genre {
    /// Notices asking others to act, schemes, plans, key points, opinions, calls for comments.
    Forward,
    /// Summaries, reports, briefings, news.
    Report,
    /// Measures, rules, decisions: their articles state rules.
    Measure,
}

/// Where a citation's done or planned state came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MoodSource {
    /// The document's genre (文种): a plan is planned, a report done.
    Genre,
    /// The section the citation stands in (下一步打算, 工作回顾).
    Section,
    /// A word of its sentence (将, 拟, 已, 开展了).
    Sentence,
    /// The document's own basis (根据《…》制定本办法) follows the document: planned in a plan's
    /// or a draft's preamble, done in a measure or a report.
    Basis,
    /// Nothing said: done.
    Default,
}

/// The state of a citation and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Mood {
    /// Planned rather than done.
    pub planned: bool,
    /// Where that came from.
    pub source: MoodSource,
    /// The word that decided it: the genre's ending (方案), the section's heading, the marker (将).
    pub word: String,
}

/// Title endings of each genre, most specific first.
const FORWARD_ENDINGS: &[&str] = &[
    "通知",
    "方案",
    "计划",
    "要点",
    "意见",
    "规划",
    "安排",
    "打算",
    "倡议书",
    "倡议",
    "征求意见稿",
    "公告",
    "通告",
    "提纲",
    "任务清单",
    "责任清单",
    "清单",
    "任务分工",
    "分工",
    "纲要",
];
const REPORT_ENDINGS: &[&str] = &[
    "总结", "报告", "简报", "通报", "汇报", "综述", "情况", "述职", "年报", "快报", "动态", "信息",
    "纪实", "专报", "成效", "回顾", "纪要", "台账",
];
const MEASURE_ENDINGS: &[&str] = &[
    "办法", "细则", "规定", "规则", "制度", "条例", "章程", "准则", "标准", "守则", "规范", "指引",
    "指南", "公约", "机制",
];

/// The genre of a document titled `title`, if its title says.
pub fn genre_of_title(title: &str) -> Option<(Genre, &'static str)> {
    // 关于印发《…办法》的通知 is the issued document: a measure, a plan, a report.
    if let Some(issued) = issued_by_notice(title) {
        if let Some(found) = genre_of_title(issued) {
            return Some(found);
        }
    }
    let core = strip_trailer(title);
    // A notice issuing a document (关于印发《…》的通知) is the issued document's genre, forward.
    let ends = |list: &'static [&'static str]| list.iter().copied().find(|e| core.ends_with(e));
    if core.ends_with("通报") {
        return Some((Genre::Report, "通报"));
    }
    if let Some(e) = ends(REPORT_ENDINGS) {
        return Some((Genre::Report, e));
    }
    // 2024年工作总结及2025年工作打算: a report with a planned part (its sections say which).
    let plans_next = ["打算", "计划", "思路", "安排", "要点", "重点", "目标"]
        .iter()
        .any(|e| core.ends_with(e));
    let joined = ["总结", "报告", "情况"].into_iter().find(|e| {
        ["及", "和", "暨", "与"]
            .iter()
            .any(|j| core.contains(&format!("{e}{j}")))
    });
    if let (true, Some(e)) = (plans_next, joined) {
        return Some((Genre::Report, e));
    }
    if core.contains("征求意见") {
        return Some((Genre::Forward, "征求意见"));
    }
    if let Some(e) = ends(FORWARD_ENDINGS) {
        return Some((Genre::Forward, e));
    }
    ends(MEASURE_ENDINGS).map(|e| (Genre::Measure, e))
}

/// The document a notice issues, forwards or publishes: 关于印发《X》的通知 → X (with or without
/// the marks).
fn issued_by_notice(title: &str) -> Option<&str> {
    let title = title.trim().trim_matches(['*', '#', ' ']);
    let body = title.strip_suffix("的通知")?;
    let (_, rest) = ["印发", "转发", "公布", "下发"]
        .iter()
        .find_map(|v| body.split_once(v))?;
    let rest = rest.trim_start_matches('《');
    let rest = rest.strip_suffix('》').unwrap_or(rest);
    (!rest.is_empty() && !rest.contains("征求")).then_some(rest)
}

/// `title` without a trailing version note, period or issue number: （试行）, （2021—2025年）,
/// （征求意见稿） is kept as a word.
fn strip_trailer(title: &str) -> &str {
    let mut t = title
        .trim()
        .trim_matches(['*', '#', '_', ' ', '\u{3000}'])
        .trim_end_matches(['》', '”', '"', ' ', '\u{3000}']);
    while let Some(body) = t.strip_suffix(['）', ')']) {
        let Some(open) = body.rfind(['（', '(']) else {
            break;
        };
        if body[open..].contains("征求意见") {
            return t;
        }
        t = body[..open].trim_end();
    }
    t
}

/// The title line among the opening lines of a document: the first short line, not a sentence
/// or a heading, whose ending tells a genre. Its characters and its text.
pub fn title_line(text: &Text, lines: &[Line]) -> Option<(Range<usize>, String)> {
    lines
        .iter()
        .filter(|l| l.marker.is_none_or(|m| m.markdown))
        .map(|l| {
            let raw = text.slice(l.range.clone());
            (
                l.range.clone(),
                raw.trim().trim_start_matches('#').trim().to_owned(),
            )
        })
        .filter(|(_, l)| !l.is_empty())
        .take(8)
        .filter(|(_, l)| l.chars().count() <= 80 && !l.ends_with(['。', '：', ':', '；', '，']))
        .find(|(_, l)| genre_of_title(l).is_some())
}

/// Words of a heading that opens a part about what is not done yet.
const PLANNING_HEADINGS: &[&str] = &[
    "打算",
    "展望",
    "下一步",
    "下步",
    "下阶段",
    "下一阶段",
    "工作计划",
    "工作打算",
    "工作思路",
    "工作安排",
    "工作设想",
    "工作展望",
    "今后",
    "明年",
    "来年",
    "新的一年",
    "努力方向",
    "下一年",
    // The demands of a meeting's minutes (会议纪要): what the units are to do.
    "会议要求",
    "会议强调",
    "会议部署",
];
/// Words of a heading that opens a part about what was done.
const DONE_HEADINGS: &[&str] = &[
    "回顾",
    "开展情况",
    "进展情况",
    "完成情况",
    "落实情况",
    "工作成效",
    "主要成效",
    "取得的成效",
    "取得成效",
    "主要做法",
    "工作总结",
    "基本情况",
    "工作开展",
    "主要成绩",
    "工作成果",
];

/// Whether a heading names a part about what is not done yet (下一步打算, 2025年工作计划 …).
pub fn is_planning_heading(heading: &str) -> bool {
    PLANNING_HEADINGS.iter().any(|w| heading.contains(w))
}

/// A part of the document with its own state, in characters.
#[derive(Debug, Clone)]
pub struct Section {
    pub range: Range<usize>,
    pub planned: bool,
    pub heading: String,
}

/// The sections whose heading says planned or done, each up to the next heading of the same or a
/// higher level. `year` is the document's year: a heading naming a later year (2025年重点工作 in
/// a 2024 report) is planned, an earlier one (2024年工作回顾 in 2025 key points) done.
pub fn sections(text: &Text, lines: &[Line], year: Option<u16>) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    let mut open: Option<(usize, u8, bool, String)> = None;
    for line in lines {
        let raw = text.slice(line.range.clone());
        let trimmed = raw.trim();
        if trimmed.starts_with("附表") || trimmed.starts_with("附件") {
            // An attachment is a part of its own: it ends every open section.
            if let Some((start, _, planned, h)) = open.take() {
                out.push(Section {
                    range: start..line.range.start,
                    planned,
                    heading: h,
                });
            }
            continue;
        }
        let short = trimmed.chars().count() <= 30 && !trimmed.contains(['。', '，', ',']);
        let level = match line.marker {
            Some(m) if m.is_heading() => Some(m.level),
            // ▲ 县委常委会会前专题学法: a bulleted short line heads a part of a briefing.
            Some(m) if m.level == 6 && short => Some(1),
            _ if is_bare_heading(trimmed) => Some(1),
            _ => None,
        };
        let Some(level) = level else { continue };
        let heading = heading_text(trimmed, line.marker.map_or(0, |m| m.len));
        if let Some((start, l, planned, h)) = open.take() {
            if level <= l {
                out.push(Section {
                    range: start..line.range.start,
                    planned,
                    heading: h,
                });
            } else {
                open = Some((start, l, planned, h));
                continue;
            }
        }
        let named_part = heading.chars().count() <= 24 && !heading.contains(['，', ',']);
        if let Some(planned) = heading_state(&heading, year).filter(|_| named_part) {
            open = Some((line.range.start, level, planned, heading));
        }
    }
    if let Some((start, _, planned, heading)) = open {
        out.push(Section {
            range: start..text.len(),
            planned,
            heading,
        });
    }
    out
}

/// A short line without sentence punctuation that names a part: 下一步工作打算.
fn is_bare_heading(line: &str) -> bool {
    let n = line.chars().count();
    (2..=20).contains(&n)
        && !line.contains(['。', '，', ',', '《', '：', ':'])
        && (is_planning_heading(line) || DONE_HEADINGS.iter().any(|w| line.contains(w)))
}

/// The heading part of a heading line that goes on with text (（三）开展宣传，…。…).
fn heading_text(line: &str, marker_chars: usize) -> String {
    let rest: String = line.chars().skip(marker_chars).collect();
    rest.split(['。', '：', ':', '；'])
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// Planned, done, or neither for a heading.
fn heading_state(heading: &str, year: Option<u16>) -> Option<bool> {
    if is_planning_heading(heading) {
        return Some(true);
    }
    if DONE_HEADINGS.iter().any(|w| heading.contains(w)) {
        return Some(false);
    }
    let named = heading_year(heading)?;
    let year = year?;
    let topical = ["重点", "任务", "目标", "工作", "举措", "措施"]
        .iter()
        .any(|w| heading.contains(w));
    (topical && named != year).then_some(named > year)
}

/// A year written in a heading (2025年).
fn heading_year(heading: &str) -> Option<u16> {
    let chars: Vec<char> = heading.chars().collect();
    chars.windows(5).find_map(|w| {
        (w[..4].iter().all(char::is_ascii_digit) && w[4] == '年')
            .then(|| w[..4].iter().collect::<String>().parse().ok())
            .flatten()
    })
}

/// A marker of tense found in a sentence.
pub struct Marked {
    pub planned: bool,
    pub word: String,
}

/// The tense its sentence gives the title at characters `title`: a marker of the future before the
/// title (将, 拟, 要, 力争 …), or a marker of work done anywhere in the sentence (已, 完成, 开展了,
/// 截至, 累计 …). A future marker wins when both stand before the title.
pub fn sentence_tense(text: &Text, title: Range<usize>, governor: Option<usize>) -> Option<Marked> {
    // A governing word after the title (《…》已由…印发，现转发给你们，请认真贯彻落实) takes its
    // tense from its own clause.
    if let Some(g) = governor.filter(|&g| g >= title.end) {
        let clause = text.start_of(g, CLAUSE_END);
        if clause > title.end {
            return tense_before(text, clause, g, text.end_of(g, CLAUSE_END));
        }
    }
    // A tense reaches across ； (将紧扣…；拟出台…；在…开展…) but not past a full stop or a line.
    let start = text.start_of(title.start, TENSE_END);
    let end = text.end_of(title.end, TENSE_END);
    let future = tense_before(text, start, title.start, title.start);
    let done = (start..end)
        .filter(|j| !(title.start..title.end).contains(j))
        .find_map(|j| done_marker(text, j));
    match (future, done) {
        (Some(f), _) => Some(f),
        (None, Some(d)) => Some(Marked {
            planned: false,
            word: d.0,
        }),
        (None, None) => None,
    }
}

/// The tense of the words `from..to` before a governing word or title at `to`: the nearest marker
/// of the future (将, 要, 拟 …), unless a marker of work done stands between it and `to`
/// (今年要…，已…); else a marker of work done in `from..end`.
fn tense_before(text: &Text, from: usize, to: usize, end: usize) -> Option<Marked> {
    let future = (from..to).rev().find_map(|j| future_marker(text, j));
    let done_between = |after: usize| {
        (after..to)
            .find_map(|j| done_marker(text, j).filter(|d| STRONG_DONE.contains(&d.0.as_str())))
    };
    match future {
        Some(f) => match done_between(f.1 + 1) {
            Some(d) => Some(Marked {
                planned: false,
                word: d.0,
            }),
            None => Some(Marked {
                planned: true,
                word: f.0,
            }),
        },
        None => (from..end)
            .find_map(|j| done_marker(text, j))
            .map(|d| Marked {
                planned: false,
                word: d.0,
            }),
    }
}

/// Markers of work done that outweigh an earlier marker of the future.
const STRONG_DONE: &[&str] = &[
    "已经",
    "已于",
    "已",
    "完成了",
    "印发给你们",
    "现印发给",
    "现印发",
];

/// What ends the reach of a marker of tense.
const TENSE_END: &[char] = &['。', '！', '？', '!', '?', '\n', '\t', '|'];

/// Verbs of a 将 (把) construction: 将…纳入, 将…列为, 将…修改为.
const DISPOSAL: &[&str] = &[
    "纳入",
    "列入",
    "列为",
    "作为",
    "印发给",
    "修改为",
    "改为",
    "确定为",
    "转发",
    "报送",
    "予以",
    "通知如下",
];

/// What follows 将 when it marks the future: an adverb or a verb of doing.
const AFTER_JIANG: &[&str] = &[
    "继续",
    "进一步",
    "持续",
    "组织",
    "开展",
    "深入",
    "全面",
    "大力",
    "认真",
    "广泛",
    "重点",
    "加强",
    "加大",
    "积极",
    "着力",
    "不断",
    "切实",
    "适时",
    "及时",
    "举办",
    "推动",
    "推进",
    "结合",
    "围绕",
    "把",
    "于",
    "在",
    "以",
    "通过",
    "紧紧",
    "坚持",
    "聚焦",
    "强化",
    "突出",
    "落实",
    "建立",
    "完善",
    "制定",
    "修订",
    "出台",
    "学习",
    "宣传",
    "启动",
    "召开",
    "邀请",
    "利用",
    "依托",
    "采取",
    "按照",
];

/// A marker of the future at character `j`, with where it stands.
fn future_marker(text: &Text, j: usize) -> Option<(String, usize)> {
    if text.masked[j] {
        return None;
    }
    let c = |k: usize| text.at(k);
    let prev = j.checked_sub(1).and_then(c);
    let words: &[&str] = &[
        "下一步",
        "下步",
        "力争",
        "争取",
        "准备",
        "预计",
        "计划于",
        "计划在",
        "计划开展",
        "计划组织",
        "计划举办",
        "计划对",
        "计划编写",
        "计划修订",
        "计划制定",
        "明年",
        "今后",
        "适时",
        "拟于",
        "拟在",
        "拟对",
        "拟将",
        "拟开展",
        "拟组织",
        "拟举办",
        "拟制定",
        "拟修订",
        "拟出台",
        "将于",
        "将在",
        "会议同意",
        "会议决定",
        "会议要求",
        "请结合",
        "请认真",
        "请各",
        "请遵照",
        "请按照",
        "请严格",
        "请抓好",
        "请做好",
        "请及时",
        "请对照",
        "待审议",
        "待印发",
    ];
    if let Some(w) = words.iter().find(|w| text.word_at(j, w)) {
        if !(w.starts_with("争取") && prev == Some('力')) {
            return Some(((*w).to_owned(), j));
        }
    }
    let found = match text.chars[j] {
        '将' => jiang_is_future(text, j),
        '拟' => !prev.is_some_and(|p| "模虚比草".contains(p)) && doing_at(text, j + 1),
        '要' => {
            !prev.is_some_and(|p| "重主需纲必只首概摘提简扼紧不也就还纪政机险显".contains(p))
                && !c(j + 1).is_some_and(|n| "求点素件害闻务领塞是".contains(n))
        }
        _ => false,
    };
    found.then(|| (text.chars[j].to_string(), j))
}

/// Whether an adverb or a verb of doing starts at character `k` (将继续…, 拟开展…).
fn doing_at(text: &Text, k: usize) -> bool {
    super::lexicon::word_at(text, k).is_some() || AFTER_JIANG.iter().any(|w| text.word_at(k, w))
}

/// 将 marks the future unless it is the object marker of 现将《…》印发 or 将…纳入: followed by a
/// title or quotation, after 现, or with a verb of disposal later in its clause.
fn jiang_is_future(text: &Text, j: usize) -> bool {
    let c = |k: usize| text.at(k);
    if matches!(c(j + 1), Some('《' | '“' | '来' | '近' | '军' | '士'))
        || j.checked_sub(1).and_then(c) == Some('现')
        || j.checked_sub(1).and_then(c) == Some('即')
    {
        return false;
    }
    if c(j + 1) == Some('其') || c(j + 1) == Some('该') {
        return false;
    }
    // 大将广场, 老将, 少将: a noun of its own (in a place's name), no marker of the future.
    if j.checked_sub(1)
        .and_then(c)
        .is_some_and(|p| "大主名武少良猛干老战".contains(p))
    {
        return false;
    }
    let end = text.end_of(j, super::text::CLAUSE_END);
    if (j + 1..end).any(|k| DISPOSAL.iter().any(|w| text.word_at(k, w))) {
        return false;
    }
    doing_at(text, j + 1) || !matches!(c(j + 1), Some(n) if "以此其".contains(n))
}

/// A marker of work done at character `j`, with where it stands.
fn done_marker(text: &Text, j: usize) -> Option<(String, usize)> {
    if text.masked[j] {
        return None;
    }
    const WORDS: &[&str] = &[
        "已经",
        "已于",
        "已",
        "完成了",
        "截至目前",
        "截至",
        "截止",
        "累计",
        "共计",
        "先后",
        "相继",
        "印发给你们",
        "转发给你们",
        "现转发",
        "去年",
        "上年度",
        "现印发给",
        "现印发",
        "予以公布",
        "现予公布",
        "现予印发",
        "公开征求",
        "顺利",
        "圆满",
        "取得了",
        "以来",
    ];
    if let Some(w) = WORDS.iter().find(|w| text.word_at(j, w)) {
        if *w == "已" && text.at(j + 1).is_some_and(|n| "知有婚".contains(n)) {
            return None;
        }
        // 已命名的村, 已建成的阵地: a participle describing a noun, not work done here.
        if w.starts_with('已') && (j + 1..j + 5).any(|k| text.at(k) == Some('的')) {
            return None;
        }
        return Some(((*w).to_owned(), j));
    }
    // 开展了, 印发了: 了 right after a verb, not 为了, 除了, 了解, 不了.
    if text.chars[j] == '了' && j >= 2 {
        let prev = text.chars[j - 1];
        let next = text.at(j + 1);
        let verbish = super::lexicon::word_at(text, j - 2).is_some()
            || [
                "开展", "组织", "举办", "召开", "进行", "制作", "印制", "建立", "签订", "完成",
            ]
            .iter()
            .any(|w| text.word_at(j - 2, w));
        if verbish && !"为除不".contains(prev) && next != Some('解') {
            return Some((format!("{}了", text.slice(j - 2..j)), j));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn genres_golden_table() {
        let cases: &[(&str, Option<Genre>)] = &[
            ("关于开展2024年宪法宣传周活动的通知", Some(Genre::Forward)),
            ("某县司法局2025年普法依法治理工作要点", Some(Genre::Forward)),
            ("某县2024年度领导干部学法计划", Some(Genre::Forward)),
            ("民法典宣传月活动实施方案", Some(Genre::Forward)),
            ("某县司法局2024年普法工作总结", Some(Genre::Report)),
            ("2023年法治政府建设年度报告", Some(Genre::Report)),
            ("关于2024年度普法责任制落实情况的通报", Some(Genre::Report)),
            ("普法工作简报（2024年第3期）", Some(Genre::Report)),
            ("某县科技特派员管理办法（试行）", Some(Genre::Measure)),
            (
                "某县行政规范性文件管理办法（征求意见稿）",
                Some(Genre::Forward),
            ),
            ("法治政府建设实施纲要（2021—2025年）", Some(Genre::Forward)),
            ("关于修改和废止部分规范性文件的决定", None),
            (
                "关于印发《某县科技特派员管理办法》的通知",
                Some(Genre::Measure),
            ),
            (
                "关于印发某县2025年法治政府建设工作要点的通知",
                Some(Genre::Forward),
            ),
            (
                "关于转发《某省2024年普法工作总结》的通知",
                Some(Genre::Report),
            ),
            ("某县“八五”普法中期自查", None),
            (
                "某区司法局2024年普法工作总结及2025年工作打算",
                Some(Genre::Report),
            ),
            (
                "关于报送2024年工作总结和2025年计划的通知",
                Some(Genre::Forward),
            ),
        ];
        for (title, expected) in cases {
            assert_eq!(genre_of_title(title).map(|g| g.0), *expected, "{title}");
        }
    }

    fn tense(text: &str) -> Option<bool> {
        let start = text.find('《').unwrap();
        let end = text.find('》').unwrap() + '》'.len_utf8();
        let t = Text::new(text, std::slice::from_ref(&(start..end)));
        sentence_tense(&t, t.index(start)..t.index(end), None).map(|m| m.planned)
    }

    #[test]
    fn sentence_tense_golden_table() {
        let cases: &[(&str, Option<bool>)] = &[
            ("我局将继续深入宣传《宪法》", Some(true)),
            ("现将《办法》印发给你们", Some(false)),
            ("将《宪法》纳入学习内容", None),
            ("各部门要把《民法典》列入学习内容", Some(true)),
            ("重要的是学习《民法典》", None),
            ("拟于明年修订《办法》", Some(true)),
            ("计划开展《民法典》宣讲", Some(true)),
            ("下一步，深入学习《宪法》", Some(true)),
            ("力争全年宣传《民法典》10场", Some(true)),
            ("已组织学习《宪法》3次", Some(false)),
            ("全年开展了《民法典》宣传", Some(false)),
            ("截至目前，累计发放《民法典》读本5000册", Some(false)),
            ("为了学习《宪法》", None),
            ("2024年以来，宣传《民法典》", Some(false)),
            ("2024年全市已组织轮训，今年要突出《行政处罚法》的学习", Some(true)),
            ("今年要在此基础上，已组织学习《行政处罚法》", Some(false)),
            ("去年宣传周期间，全区发放《宪法》单行本1.2万册", Some(false)),
            ("省厅印发的《工作要点》，现转发给你们", Some(false)),
            ("在县城大将广场开展宣传活动，向市民普及《消费者权益保护法》", None),
            (
                "为适应新时代政府治理的新要求，进一步规范市政府工作运行，市司法局会同市政府办公室对2021年印发的《规则》进行了修订，形成了送审稿。",
                Some(false),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(tense(text), *expected, "{text}");
        }
    }

    #[test]
    fn sections_by_heading_and_year() {
        let text = "一、2024年工作情况\n学习\n二、存在问题\n三、2025年重点工作\n宣传\n（一）细项\n四、其他";
        let t = Text::new(text, &[]);
        let lines = super::super::layout::lines(&t.chars);
        let s = sections(&t, &lines, Some(2024));
        let got: Vec<(String, bool)> = s
            .iter()
            .map(|s| {
                (
                    t.slice(s.range.clone()).lines().next().unwrap().to_owned(),
                    s.planned,
                )
            })
            .collect();
        assert_eq!(got, [("三、2025年重点工作".to_owned(), true)]);
        let s = sections(&t, &lines, Some(2025));
        assert_eq!(s.len(), 1);
        assert!(!s[0].planned);
    }
}
