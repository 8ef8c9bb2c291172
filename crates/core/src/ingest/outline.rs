//! The outline (提纲) of a document: its numbered headings (第X章, 一、, （一）, 1., （1）, 第X条 …)
//! with relative levels, and the section path (所在章节) of any byte offset.

use serde::{Deserialize, Serialize};

use super::furniture::is_furniture;

/// A heading line of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Heading {
    /// Nesting level, 1 for the outermost kind of heading the document uses.
    pub level: u8,
    /// The heading with its number: `一、工作进展情况`, `(三)开展科技宣传,着力构建优质高效普法环境`
    /// (a heading followed by body text on the same line ends before the first 。), `第三条`.
    pub text: String,
    /// Byte offset of the heading's line in the text.
    pub start: usize,
    /// Line number (0-based) of the heading in the text.
    pub line: usize,
}

/// Kinds of heading, outermost first. Levels are given by the kinds a document uses, in this
/// order, so a document without 一、 but with （一） still starts at level 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    /// A Markdown heading without a number, by its count of `#`.
    Markdown(u8),
    /// 附件, 附件1 (an attachment after the main text).
    Annex,
    /// 第X编, 第X部分.
    Part,
    /// 第X章 (章).
    Chapter,
    /// 第X节 (节).
    Section,
    /// A line that is only 【…】 (a 简报's 【工作动态】).
    Bracketed,
    /// 第X条 (条).
    Article,
    /// 一、
    Chinese,
    /// （一） or (一)
    ParenChinese,
    /// 1. 1、 1．
    Arabic,
    /// （1） or (1)
    ParenArabic,
    /// ① ②
    Circled,
}

/// Chinese numerals of heading numbers.
const CHINESE_NUMERALS: &str = "〇零一二三四五六七八九十百千两";
/// A 【…】 line is a heading up to this many characters.
const MAX_BRACKETED_CHARS: usize = 20;
/// The longest title on an 附件 line, in characters.
const MAX_ANNEX_TITLE_CHARS: usize = 40;
/// A heading longer than this (in characters) is cut, with …
const MAX_HEADING_CHARS: usize = 30;
/// The longest Arabic heading number, in digits.
const MAX_ARABIC_DIGITS: usize = 3;

/// The headings of `text`, in order, with levels relative to the kinds of heading it uses.
pub fn outline(text: &str) -> Vec<Heading> {
    let mut found: Vec<(Kind, Heading)> = Vec::new();
    let mut start = 0;
    for (line, chunk) in text.split_inclusive('\n').enumerate() {
        // A page's furniture (【打印本页】, 【相关链接】) is no heading.
        if let Some((kind, text)) = classify(chunk).filter(|_| !is_furniture(chunk)) {
            let level = 0;
            found.push((
                kind,
                Heading {
                    level,
                    text,
                    start,
                    line,
                },
            ));
        }
        start += chunk.len();
    }
    let mut kinds: Vec<Kind> = found.iter().map(|(k, _)| *k).collect();
    kinds.sort();
    kinds.dedup();
    found
        .into_iter()
        .map(|(kind, mut heading)| {
            let rank = kinds.iter().position(|k| *k == kind).unwrap_or(0);
            heading.level = u8::try_from(rank + 1).unwrap_or(u8::MAX);
            heading
        })
        .collect()
}

/// The texts of the headings enclosing `byte_offset`, outermost first. A heading's line is inside
/// its own section.
///
/// ```
/// use zhengce_core::ingest::{outline, section_path};
///
/// let text = "方案\n一、指导思想\n（一）总体要求。正文……\n二、工作要求\n正文";
/// let headings = outline(text);
/// let at = text.find("正文").unwrap();
/// assert_eq!(section_path(&headings, at), ["一、指导思想", "（一）总体要求"]);
/// assert_eq!(section_path(&headings, text.len()), ["二、工作要求"]);
/// ```
pub fn section_path(outline: &[Heading], byte_offset: usize) -> Vec<String> {
    let mut open: Vec<&Heading> = Vec::new();
    for heading in outline.iter().take_while(|h| h.start <= byte_offset) {
        while open.last().is_some_and(|h| h.level >= heading.level) {
            open.pop();
        }
        open.push(heading);
    }
    open.into_iter().map(|h| h.text.clone()).collect()
}

/// Whether a line starts with a heading number (第X章, 一、, （一）, 1., ①, 附件 …): a new
/// section or list item, whatever follows on the line.
pub(crate) fn starts_with_heading_number(line: &str) -> bool {
    numbered(line.trim_matches(is_space)).is_some()
}

/// The kind and text of a heading line, or `None` for body text.
fn classify(line: &str) -> Option<(Kind, String)> {
    let line = line.trim_matches(is_space);
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if hashes > 0 {
        let rest = line[hashes..].trim_matches(is_space);
        let level = u8::try_from(hashes).ok()?;
        return (!rest.is_empty())
            .then(|| numbered(rest).unwrap_or((Kind::Markdown(level), heading_text(rest))));
    }
    numbered(line)
}

/// A line that starts with a heading number.
fn numbered(line: &str) -> Option<(Kind, String)> {
    if let Some(found) = ordinal_unit(line) {
        return Some(found);
    }
    if annex(line) {
        return Some((Kind::Annex, heading_text(line)));
    }
    let kind = chinese_item(line)
        .or_else(|| parenthesized(line))
        .or_else(|| arabic_item(line))
        .or_else(|| circled(line))
        .or_else(|| bracketed(line))?;
    Some((kind, heading_text(line)))
}

/// 第X编, 第X部分, 第X章, 第X节 and 第X条 (the text of an article is its number alone).
fn ordinal_unit(line: &str) -> Option<(Kind, String)> {
    let rest = line.strip_prefix('第')?;
    let unit =
        rest.trim_start_matches(|c: char| CHINESE_NUMERALS.contains(c) || c.is_ascii_digit());
    if unit.len() == rest.len() {
        return None;
    }
    let units = [
        ("编", Kind::Part),
        ("部分", Kind::Part),
        ("章", Kind::Chapter),
        ("节", Kind::Section),
        ("条", Kind::Article),
    ];
    let (name, kind) = units.into_iter().find(|(u, _)| unit.starts_with(u))?;
    let text = match kind {
        Kind::Article => line[..line.len() - unit.len() + name.len()].to_owned(),
        _ => heading_text(line),
    };
    Some((kind, text))
}

/// `附件`, `附件1`, `附件2：标题`; not the list line `附件：1.…`.
fn annex(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("附件") else {
        return false;
    };
    let title = rest.trim_start_matches(|c: char| is_digit(c) || CHINESE_NUMERALS.contains(c));
    let numbered = title.len() < rest.len();
    let title = title.trim_start_matches(|c: char| is_space(c) || matches!(c, '：' | ':'));
    title.is_empty()
        || (numbered && title.chars().count() <= MAX_ANNEX_TITLE_CHARS && !title.contains('。'))
}

/// 一、 (also 一．): Chinese numerals and an enumeration comma; 一是 is not a heading.
fn chinese_item(line: &str) -> Option<Kind> {
    let rest = line.trim_start_matches(|c: char| CHINESE_NUMERALS.contains(c));
    let numbered = rest.len() < line.len();
    (numbered && rest.starts_with(['、', '．'])).then_some(Kind::Chinese)
}

/// （一） (一) （1） (1), full- or half-width brackets.
fn parenthesized(line: &str) -> Option<Kind> {
    let inner = line.strip_prefix(['（', '('])?;
    let close = inner.find(['）', ')'])?;
    let number = &inner[..close];
    if number.is_empty() {
        return None;
    }
    if number.chars().all(|c| CHINESE_NUMERALS.contains(c)) {
        return Some(Kind::ParenChinese);
    }
    let digits = number.chars().count() <= MAX_ARABIC_DIGITS;
    (digits && number.chars().all(is_digit)).then_some(Kind::ParenArabic)
}

/// 1. 1、 1． followed by text, not by another digit (1.5亿元 and 12.4 are not headings).
fn arabic_item(line: &str) -> Option<Kind> {
    let rest = line.trim_start_matches(is_digit);
    let digits = line[..line.len() - rest.len()].chars().count();
    let mark = rest.strip_prefix(['.', '、', '．'])?;
    let text_follows = mark
        .chars()
        .next()
        .is_some_and(|c| !is_digit(c) && !is_space(c));
    ((1..=MAX_ARABIC_DIGITS).contains(&digits) && text_follows).then_some(Kind::Arabic)
}

/// ① … ⑳.
fn circled(line: &str) -> Option<Kind> {
    line.starts_with(|c: char| ('①'..='⑳').contains(&c))
        .then_some(Kind::Circled)
}

/// A line that is only 【…】.
fn bracketed(line: &str) -> Option<Kind> {
    let inner = line.strip_prefix('【')?.strip_suffix('】')?;
    let short = inner.chars().count() <= MAX_BRACKETED_CHARS;
    (short && !inner.is_empty() && !inner.contains(['【', '】'])).then_some(Kind::Bracketed)
}

/// The heading part of a line: up to the first 。 (or ！？；：), else the whole line; a heading
/// that is a whole item of text (五、各乡镇、各部门要严格按照…) is cut to
/// [`MAX_HEADING_CHARS`] characters and marked with …
fn heading_text(line: &str) -> String {
    let end = line
        .find(['。', '！', '？', '；', '：', ':'])
        .unwrap_or(line.len());
    let text = line[..end].trim_end_matches(is_space);
    if text.chars().count() <= MAX_HEADING_CHARS {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(MAX_HEADING_CHARS).collect();
    cut.push('…');
    cut
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{FEFF}'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levels(text: &str) -> Vec<(u8, String)> {
        outline(text)
            .into_iter()
            .map(|h| (h.level, h.text))
            .collect()
    }

    fn expect(list: &[(u8, &str)]) -> Vec<(u8, String)> {
        list.iter().map(|(l, t)| (*l, (*t).to_owned())).collect()
    }

    const SAMPLE: &str = include_str!("../../../../corpus/高台县科技局2024年法治建设工作总结.txt");

    #[test]
    fn page_furniture_is_no_heading() {
        let text = "一、工作情况\n正文。\n【打印本页】【关闭窗口】\n【相关链接】\n1. 首页 > 政务公开 > 通知\n";
        let texts: Vec<String> = outline(text).into_iter().map(|h| h.text).collect();
        assert_eq!(texts, ["一、工作情况"]);
    }

    #[test]
    fn the_sample_report_outline() {
        assert_eq!(
            levels(SAMPLE),
            expect(&[
                (1, "一、工作进展情况"),
                (2, "(一)强化组织领导,推动法治建设工作全面落实"),
                (2, "(二)强化理论学习,推动法治建设能力全面提升"),
                (2, "(三)开展科技宣传,着力构建优质高效普法环境"),
                (2, "(四)推进依法决策,公开行政执法事项目录清单"),
                (1, "二、存在的问题"),
                (1, "三、下一步打算"),
            ])
        );
    }

    #[test]
    fn the_sample_report_section_paths() {
        let outline = outline(SAMPLE);
        let offset_of = |prefix: &str| SAMPLE.find(&format!("\n{prefix}")).unwrap() + 1;
        assert_eq!(section_path(&outline, 0), Vec::<String>::new());
        let third = offset_of("(三)开展科技宣传");
        assert_eq!(
            section_path(&outline, third + 200),
            vec![
                "一、工作进展情况",
                "(三)开展科技宣传,着力构建优质高效普法环境"
            ]
        );
        assert_eq!(
            section_path(&outline, third),
            section_path(&outline, third + 200)
        );
        let next = offset_of("一是坚持党的全面领导");
        assert_eq!(section_path(&outline, next), vec!["三、下一步打算"]);
        assert_eq!(
            section_path(&outline, offset_of("尽管我们")),
            vec!["二、存在的问题"]
        );
        assert_eq!(section_path(&outline, SAMPLE.len()), vec!["三、下一步打算"]);
    }

    #[test]
    fn report_levels_in_full() {
        let text = "标题\n一、总体情况\n（一）组织领导\n1.健全机制。正文。\n（1）细项\n\
                    ①要求\n2、第二项\n3．第三项\n(二)学法用法\n二、问题\n";
        assert_eq!(
            levels(text),
            expect(&[
                (1, "一、总体情况"),
                (2, "（一）组织领导"),
                (3, "1.健全机制"),
                (4, "（1）细项"),
                (5, "①要求"),
                (3, "2、第二项"),
                (3, "3．第三项"),
                (2, "(二)学法用法"),
                (1, "二、问题"),
            ])
        );
    }

    #[test]
    fn levels_are_relative_to_the_kinds_used() {
        let text = "（一）第一部分工作\n1.第一项\n2.第二项\n（二）第二部分\n";
        assert_eq!(
            levels(text),
            expect(&[
                (1, "（一）第一部分工作"),
                (2, "1.第一项"),
                (2, "2.第二项"),
                (1, "（二）第二部分"),
            ])
        );
        let path = section_path(&outline(text), text.find("2.").unwrap());
        assert_eq!(path, vec!["（一）第一部分工作", "2.第二项"]);
        assert_eq!(
            levels("第一条　为了规范。\n第二条　本办法。"),
            expect(&[(1, "第一条"), (1, "第二条")])
        );
    }

    #[test]
    fn measures_with_chapters_sections_and_articles() {
        let text = "关于印发的通知\n第一章　总则\n第一条　为规范管理，制定本办法。\n\
                    第二章　项目管理\n第一节　申报\n第二条　申报条件：\n（一）具有法人资格；\n\
                    （二）信用良好。\n第二节　立项\n第十二条 立项程序。\n第三章　附则\n第二十条　本办法自印发之日起施行。\n";
        assert_eq!(
            levels(text),
            expect(&[
                (1, "第一章　总则"),
                (3, "第一条"),
                (1, "第二章　项目管理"),
                (2, "第一节　申报"),
                (3, "第二条"),
                (4, "（一）具有法人资格"),
                (4, "（二）信用良好"),
                (2, "第二节　立项"),
                (3, "第十二条"),
                (1, "第三章　附则"),
                (3, "第二十条"),
            ])
        );
        let outline = outline(text);
        let at = text.find("（二）信用").unwrap();
        assert_eq!(
            section_path(&outline, at),
            vec![
                "第二章　项目管理",
                "第一节　申报",
                "第二条",
                "（二）信用良好"
            ]
        );
        let at = text.find("第三章").unwrap();
        assert_eq!(section_path(&outline, at), vec!["第三章　附则"]);
    }

    #[test]
    fn body_lines_are_not_headings() {
        let text = "一是增强法治意识。\n二是强化学习。\n1.5亿元用于项目。\n12.4国家宪法日。\n\
                    2024年，县科技局坚持。\n（以下简称《办法》）\n1. \n将第十二条修改为：\n\
                    第一批项目\n【本期要目】我县开展活动【图】\n一二三\n";
        assert_eq!(levels(text), Vec::new());
    }

    #[test]
    fn markdown_headings_and_bulletin_brackets() {
        let text = "# 年度报告\n\n## 一、主要举措\n\n### （一）坚持高位推动\n\n正文。\n\n## 二、不足\n\n### 背景\n";
        assert_eq!(
            levels(text),
            expect(&[
                (1, "年度报告"),
                (3, "一、主要举措"),
                (4, "（一）坚持高位推动"),
                (3, "二、不足"),
                (2, "背景"),
            ])
        );
        let bulletin = "普法工作简报\n【本期要目】\n要目一\n【工作动态】\n一、活动\n";
        assert_eq!(
            levels(bulletin),
            expect(&[(1, "【本期要目】"), (1, "【工作动态】"), (2, "一、活动")])
        );
    }

    #[test]
    fn attachments_hold_their_own_sections() {
        let text =
            "一、修订两件文件\n二、废止七件文件：\n（一）《甲办法》\n本决定自公布之日起施行。\n\
                    附件：1.修订内容\n附件1\n修订内容\n一、甲办法\n（一）将第九条修改为：\n";
        assert_eq!(
            levels(text),
            expect(&[
                (2, "一、修订两件文件"),
                (2, "二、废止七件文件"),
                (3, "（一）《甲办法》"),
                (1, "附件1"),
                (2, "一、甲办法"),
                (3, "（一）将第九条修改为"),
            ])
        );
        let at = text.find("（一）将").unwrap();
        assert_eq!(
            section_path(&outline(text), at),
            vec!["附件1", "一、甲办法", "（一）将第九条修改为"]
        );
        assert!(annex("附件") && annex("附件2：修订内容") && annex("附件二"));
        assert!(!annex("附件：1.修订内容") && !annex("附件材料要真实。"));
    }

    #[test]
    fn offsets_and_line_numbers() {
        let text = "标题\r\n\r\n一、甲\r\n正文\r\n（一）乙。丙\n";
        let found = outline(text);
        let positions: Vec<(usize, usize, &str)> = found
            .iter()
            .map(|h| (h.start, h.line, h.text.as_str()))
            .collect();
        let second = text.find("（一）").unwrap();
        assert_eq!(positions, vec![(10, 2, "一、甲"), (second, 4, "（一）乙")]);
        assert_eq!(&text[found[1].start..found[1].start + 3], "（");
    }
}
