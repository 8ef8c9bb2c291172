//! The labelled fields of a page saved from a government site: the 信息公开 table (索引号,
//! 主题分类, 发文机关/发布机构, 成文日期, 发布日期, 文号, 标题/名称, 有效性 …) and the byline
//! (发布时间, 来源, 作者, 浏览次数 …), in every layout they take as text: `key：value` (keys
//! letter-spaced or not, with or without a colon), several fields on a line, cells separated by
//! tabs, a key alone on its line with the value on the next.

use super::{date, number};

/// What a field means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    /// 标题, 名称: the document's title.
    Title,
    /// 发文机关: the issuing organization.
    Issuer,
    /// 发布机构: the organization that published the page (the issuer when no 发文机关 is given).
    Publisher,
    /// 来源: where a news item comes from.
    Source,
    /// 成文日期 (生成日期, 发文日期): the date of the document.
    Date,
    /// 发布日期 (发布时间): the date of the page.
    Published,
    /// 文号 (发文字号, 文件编号).
    Number,
    /// 索引号.
    IndexNo,
    /// A field that is read past: 主题分类, 公开方式, 有效性, 作者, 浏览次数, 字号 …
    Other,
}

/// How sure a key is to be a field where it stands at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strength {
    /// A field wherever a line starts with it and a colon (索引号：, 成文日期：).
    Strong,
    /// A field only among other fields (时间：, 分类：, 作者：).
    Weak,
}

use Key::*;
use Strength::*;

/// The field names, each with its meaning; a longer name is tried before a shorter one.
const KEYS: &[(&str, Key, Strength)] = &[
    ("信息索引号", IndexNo, Strong),
    ("索引号", IndexNo, Strong),
    ("信息名称", Title, Strong),
    ("文件名称", Title, Strong),
    ("文件标题", Title, Strong),
    ("文章标题", Title, Strong),
    ("标题", Title, Strong),
    ("名称", Title, Weak),
    ("题名", Title, Weak),
    ("发文机关", Issuer, Strong),
    ("发文机构", Issuer, Strong),
    ("发文单位", Issuer, Strong),
    ("制发机关", Issuer, Strong),
    ("成文机关", Issuer, Strong),
    ("信息发布机构", Publisher, Strong),
    ("发布机构", Publisher, Strong),
    ("发布机关", Publisher, Strong),
    ("发布单位", Publisher, Strong),
    ("公开机构", Publisher, Strong),
    ("发布者", Publisher, Weak),
    ("所属机构", Publisher, Strong),
    ("信息来源", Source, Strong),
    ("文章来源", Source, Strong),
    ("稿件来源", Source, Strong),
    ("来源单位", Source, Strong),
    ("来源", Source, Strong),
    ("成文日期", Date, Strong),
    ("成文时间", Date, Strong),
    ("生成日期", Date, Strong),
    ("发文日期", Date, Strong),
    ("印发日期", Date, Strong),
    ("发布日期", Published, Strong),
    ("发布时间", Published, Strong),
    ("公开日期", Published, Strong),
    ("公开时间", Published, Strong),
    ("发表时间", Published, Strong),
    ("公布日期", Published, Strong),
    ("时间", Published, Weak),
    ("日期", Published, Weak),
    ("发文字号", Number, Strong),
    ("发文文号", Number, Strong),
    ("文件编号", Number, Strong),
    ("文件文号", Number, Strong),
    ("文号", Number, Strong),
    ("主题分类", Other, Strong),
    ("信息分类", Other, Strong),
    ("体裁分类", Other, Weak),
    ("组配分类", Other, Weak),
    ("分类", Other, Weak),
    ("主题词", Other, Strong),
    ("关键词", Other, Weak),
    ("公文种类", Other, Strong),
    ("文种", Other, Weak),
    ("体裁", Other, Weak),
    ("归档时间", Other, Weak),
    ("归档日期", Other, Weak),
    ("生效日期", Other, Weak),
    ("失效日期", Other, Weak),
    ("废止日期", Other, Weak),
    ("公开方式", Other, Strong),
    ("公开范围", Other, Strong),
    ("公开形式", Other, Weak),
    ("公开属性", Other, Weak),
    ("统一编号", Other, Weak),
    ("登记号", Other, Weak),
    ("有效期", Other, Weak),
    ("有效性", Other, Strong),
    ("时效性", Other, Weak),
    ("效力状态", Other, Weak),
    ("内容概述", Other, Weak),
    ("摘要", Other, Weak),
    ("实施日期", Other, Weak),
    ("施行日期", Other, Weak),
    ("作者", Other, Weak),
    ("浏览次数", Other, Strong),
    ("阅读次数", Other, Strong),
    ("访问次数", Other, Strong),
    ("点击数", Other, Strong),
    ("浏览量", Other, Strong),
    ("字号", Other, Weak),
    ("字体", Other, Weak),
    ("分享到", Other, Weak),
    ("责任编辑", Other, Strong),
    ("编辑", Other, Weak),
];

/// Page furniture and fields stand among the first lines of a text …
const HEAD_LINES: usize = 80;
/// … or among its last lines.
const TAIL_LINES: usize = 40;

/// Whether line `i` of `n` lines is near the start or the end of a text, where a page's fields
/// and furniture stand (the middle of a long text is not searched for them).
pub(crate) fn near_edge(i: usize, n: usize) -> bool {
    i < HEAD_LINES || i + TAIL_LINES >= n
}

/// A field's value is at most this many characters (a title may be long).
const MAX_VALUE_CHARS: usize = 200;
/// A line of fields is at most this many characters.
const MAX_FIELD_LINE_CHARS: usize = 400;
/// A key glued to its value (`索引号1137…`, spans without a colon) counts only with this many
/// field lines within [`BLOCK_REACH`] lines.
const GLUED_NEIGHBOURS: usize = 2;
/// How far a block of fields reaches, in lines.
const BLOCK_REACH: usize = 3;

/// The fields found on a page, first occurrence of each meaning.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Fields {
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub publisher: Option<String>,
    pub source: Option<String>,
    pub date: Option<date::Date>,
    pub published: Option<date::Date>,
    pub number: Option<String>,
    pub index_no: Option<String>,
    /// Whether a 信息公开 table was seen (索引号, or a title, date or number field).
    pub table: bool,
    /// The indexes of the lines that hold fields (keys, values, bylines): not text.
    pub lines: Vec<usize>,
}

/// The fields of a page's lines (trimmed, non-empty).
pub(crate) fn read(lines: &[&str]) -> Fields {
    let parsed: Vec<Option<Vec<Segment>>> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| near_edge(i, lines.len()).then(|| parse_line(l)).flatten())
        .collect();
    let mut fields = Fields::default();
    let mut i = 0;
    while i < lines.len() {
        let Some(segments) = parsed[i].as_ref().filter(|s| accepted(s, &parsed, i)) else {
            i += 1;
            continue;
        };
        fields.lines.push(i);
        let mut next = i + 1;
        for (n, segment) in segments.iter().enumerate() {
            let last = n + 1 == segments.len();
            let value = match &segment.value {
                Some(v) => Some(v.clone()),
                // A key alone at the end of its line: the value is the next line, unless that
                // line is a field itself.
                None if last && segment.alone && segments.len() == 1 => {
                    let next_line = lines
                        .get(i + 1)
                        .filter(|v| parsed.get(i + 1) == Some(&None) && fits(segment.key, v));
                    match next_line {
                        Some(value) if !value.is_empty() => {
                            fields.lines.push(i + 1);
                            next = i + 2;
                            Some((*value).to_owned())
                        }
                        _ => None,
                    }
                }
                None => None,
            };
            fields.set(segment.key, value.as_deref().map(clean_value).unwrap_or(""));
        }
        i = next;
    }
    fields
}

impl Fields {
    fn set(&mut self, key: Key, value: &str) {
        self.table |= matches!(key, IndexNo | Title | Date | Number | Issuer);
        if value.is_empty() {
            return;
        }
        let first = |slot: &mut Option<String>, v: Option<String>| {
            if slot.is_none() {
                *slot = v;
            }
        };
        match key {
            Title => first(&mut self.title, Some(value.to_owned())),
            Issuer => first(&mut self.issuer, organization(value)),
            Publisher => first(&mut self.publisher, organization(value)),
            Source => first(&mut self.source, source(value)),
            Date => {
                if self.date.is_none() {
                    self.date = date::parse_start(value);
                }
            }
            Published => {
                if self.published.is_none() {
                    self.published = date::parse_start(value);
                }
            }
            Number => first(&mut self.number, number::find(value).map(str::to_owned)),
            IndexNo => first(&mut self.index_no, index_number(value)),
            Other => {}
        }
    }
}

/// Whether a line can be the value of a key written alone on the line above: a date for a
/// date, a 文号 for a number, an 索引号 for an index number; any text for the others.
fn fits(key: Key, value: &str) -> bool {
    match key {
        Date | Published => date::parse_start(value).is_some(),
        Number => number::find(value).is_some(),
        IndexNo => index_number(value).is_some() && !value.chars().any(crate::segment::is_han),
        Title => true,
        // A line naming a kind of document is the title, not a category or an organization.
        Issuer | Publisher | Source | Other => super::doctype::of_title(value).is_none(),
    }
}

/// A key and its value on a line.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Segment {
    key: Key,
    strength: Strength,
    /// The value written after the key on the same line (`None`: nothing follows).
    value: Option<String>,
    /// The key stands alone (with or without a colon) at the end of its line or cell.
    alone: bool,
    /// The key is glued to its value without a colon or space.
    glued: bool,
}

/// Whether a line of fields counts: strong keys with a colon or in cells, several keys, or keys
/// among other field lines.
fn accepted(segments: &[Segment], parsed: &[Option<Vec<Segment>>], at: usize) -> bool {
    let neighbours = || {
        let from = at.saturating_sub(BLOCK_REACH);
        let to = (at + BLOCK_REACH + 1).min(parsed.len());
        (from..to)
            .filter(|&j| j != at && parsed[j].is_some())
            .count()
    };
    let glued = segments.iter().any(|s| s.glued);
    if glued {
        return neighbours() >= GLUED_NEIGHBOURS;
    }
    let strong = segments.iter().any(|s| s.strength == Strong);
    segments.len() >= 2
        || (strong && (!segments[0].alone || neighbours() >= 1))
        || is_dated(&segments[0])
        || neighbours() >= 2
}

/// A date field whose value is a date and nothing else (a time aside): `时间：2024-05-06 10:30`,
/// not `时间：2024年5月1日至5月31日。`.
fn is_dated(segment: &Segment) -> bool {
    let Some(value) = segment.value.as_deref().map(clean_value) else {
        return false;
    };
    let time = |rest: &str| {
        rest.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '：' | ' '))
    };
    segment.key == Published
        && date::parse_start(value).is_some()
        && value
            .split_once(is_space)
            .is_none_or(|(_, rest)| time(rest.trim()))
        && !value.contains(['至', '。', '，'])
}

/// Whether a line, alone, is a line of fields: a strong key with a colon and a value, or
/// several keys (a byline, a row of the table).
pub(crate) fn is_field_line(line: &str) -> bool {
    parse_line(line.trim())
        .is_some_and(|s| s.len() >= 2 || (s[0].strength == Strong && !s[0].alone && !s[0].glued))
}

/// The fields of one line, when it starts with a key: cells separated by tabs, each holding
/// one or more `key：value` fields, or a key cell followed by its value cell.
fn parse_line(line: &str) -> Option<Vec<Segment>> {
    if line.chars().count() > MAX_FIELD_LINE_CHARS {
        return None;
    }
    let cells: Vec<&str> = line
        .split('\t')
        .map(|c| c.trim_matches(is_space))
        .filter(|c| !c.is_empty())
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        let mut segments = parse_cell(cells[i], cells.len() == 1)?;
        let last = segments.last_mut()?;
        if last.alone && last.value.is_none() {
            if let Some(next) = cells.get(i + 1).filter(|c| parse_cell(c, false).is_none()) {
                last.value = Some((*next).to_owned());
                last.alone = false;
                i += 1;
            }
        }
        out.extend(segments);
        i += 1;
    }
    (!out.is_empty()).then_some(out)
}

/// The fields of a cell that starts with a key: `key：value key：value …` (a value runs to the
/// next key that follows a space), or a key alone; a key glued to its value when `may_glue`.
fn parse_cell(cell: &str, may_glue: bool) -> Option<Vec<Segment>> {
    let cell = cell.trim_start_matches(['【', '[', '〖', '•', '·', '●', '◆', '■', '▪', '*', '-']);
    let cell = cell.trim_start_matches(is_space);
    let Some((key, strength, key_end)) = key_at(cell) else {
        return dated_byline(cell);
    };
    let rest = &cell[key_end..];
    let after_colon = rest
        .trim_start_matches(is_space)
        .strip_prefix([':', '：'])
        .map(|r| r.trim_start_matches(is_space));
    let mut segments = Vec::new();
    match after_colon {
        Some(value) => {
            let (value, more) = split_at_next_key(value);
            segments.push(Segment {
                key,
                strength,
                value: (!value.is_empty()).then(|| value.to_owned()),
                alone: value.is_empty() && more.is_empty(),
                glued: false,
            });
            if !more.is_empty() {
                segments.extend(parse_cell(more, false)?);
            }
        }
        None if rest.trim_matches(is_space).is_empty() => segments.push(Segment {
            key,
            strength,
            value: None,
            alone: true,
            glued: false,
        }),
        None if may_glue && !rest.starts_with(is_space) => segments.push(Segment {
            key,
            strength,
            value: Some(rest.trim().to_owned()),
            alone: false,
            glued: true,
        }),
        None => return None,
    }
    Some(segments)
}

/// A byline that opens with the date, without its key: `2024-12-06 10:21　来源：某县司法局`.
fn dated_byline(cell: &str) -> Option<Vec<Segment>> {
    let published = date::parse_start(cell)?;
    let (_, more) = split_at_next_key(cell);
    if more.is_empty() {
        return None;
    }
    let mut segments = vec![Segment {
        key: Published,
        strength: Weak,
        value: Some(published.iso()),
        alone: false,
        glued: false,
    }];
    segments.extend(parse_cell(more, false)?);
    Some(segments)
}

/// A value and the text after it that starts with the next field: a known key and a colon,
/// after white space or a bracket, or glued to the value (a page's `<span>`s copied without a
/// space between them: `发布时间：2025-01-17信息来源：某县财政局`). A value that is itself the
/// next field (`文号：　发布日期：2025-01-24`, an empty 文号) is empty.
fn split_at_next_key(value: &str) -> (&str, &str) {
    if starts_with_field(value) {
        return ("", value);
    }
    for (i, c) in value.char_indices() {
        let start = i + c.len_utf8();
        let separated = is_space(c) || matches!(c, '】' | ']' | '|' | '｜');
        let after = if separated {
            value[start..]
                .trim_start_matches(|c: char| is_space(c) || matches!(c, '【' | '[' | '|' | '｜'))
        } else {
            &value[start..]
        };
        if starts_with_field(after) {
            let cut = if separated { i } else { start };
            return (value[..cut].trim_matches(is_space), after);
        }
    }
    (value.trim_matches(is_space), "")
}

/// Whether a text starts with a key and a colon.
fn starts_with_field(text: &str) -> bool {
    key_at(text).is_some_and(|(_, _, end)| {
        text[end..]
            .trim_start_matches(is_space)
            .starts_with([':', '：'])
    })
}

/// The key a text starts with — letter-spaced or not (索 引 号, 文　　号) — its meaning,
/// strength and the byte offset after it.
fn key_at(text: &str) -> Option<(Key, Strength, usize)> {
    KEYS.iter().find_map(|&(name, key, strength)| {
        let end = spaced_prefix(text, name)?;
        Some((key, strength, end))
    })
}

/// The byte offset after `name` at the start of `text`, white space allowed between its
/// characters.
fn spaced_prefix(text: &str, name: &str) -> Option<usize> {
    let mut chars = text.char_indices().peekable();
    for (n, want) in name.chars().enumerate() {
        if n > 0 {
            while chars.next_if(|&(_, c)| is_space(c)).is_some() {}
        }
        let (_, c) = chars.next()?;
        if c != want {
            return None;
        }
    }
    Some(chars.peek().map_or(text.len(), |&(i, _)| i))
}

/// A value without what sites put around it (brackets of a toolbar after it, a trailing colon).
fn clean_value(value: &str) -> &str {
    let value = value.trim_matches(is_space);
    let value = value.split(['【', '|', '｜']).next().unwrap_or(value);
    let value = value.trim_matches(|c: char| is_space(c) || matches!(c, '】' | ']' | '〗'));
    if value.chars().count() > MAX_VALUE_CHARS || matches!(value, "—" | "-" | "无" | "/") {
        return "";
    }
    value
}

/// An organization's name as a field gives it: the first run without white space, when it
/// reads like a name (no sentence punctuation, not a pronoun or a placeholder).
fn organization(value: &str) -> Option<String> {
    let name = value.split(is_space).next()?.trim();
    let bad = name.is_empty()
        || name.chars().count() > 40
        || name.contains(['。', '，', ',', '；', ';', '：', ':', '！', '？'])
        || matches!(name, "本网" | "本站" | "原创" | "其他")
        || ["网站", "网", "门户", "客户端", "公众号"]
            .iter()
            .any(|site| name.ends_with(site));
    (!bad).then(|| name.to_owned())
}

/// Ends of a news outlet's name (新华社, 某某日报, 某县电视台): organizations a 来源 may name.
const OUTLET_ENDINGS: &[char] = &['社', '报', '台'];

/// The organization a 来源 names: an organization's name (ending in 局, 委, 办, 政府, 中心,
/// 街道 …) or a news outlet's, never a person (来源：张三), the site itself (本站原创) or a
/// word such as 综合 or 转载.
fn source(value: &str) -> Option<String> {
    organization(value)
        .filter(|name| super::org::is_org_name(name) || name.ends_with(OUTLET_ENDINGS))
        .filter(|name| !name.starts_with('本'))
}

/// An 索引号: one run without white space, holding a digit.
fn index_number(value: &str) -> Option<String> {
    let token = value.split(is_space).next()?.trim();
    (token.chars().any(|c| c.is_ascii_digit()) && token.chars().count() <= 60)
        .then(|| token.to_owned())
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{A0}' || c == '\u{FEFF}'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Fields {
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        read(&lines)
    }

    fn iso(d: Option<date::Date>) -> Option<String> {
        d.map(|d| d.iso())
    }

    #[test]
    fn one_field_a_line_with_letter_spaced_keys() {
        let f = fields(
            "索 引 号：410324-0012-2025-00004\n发布机构：栾川县人民政府办公室\n\
             发布日期：2025-01-15\n文　　号：栾政办〔2025〕2号\n\
             标　　题：栾川县人民政府办公室关于检查情况的通报\n正文。",
        );
        assert_eq!(f.index_no.as_deref(), Some("410324-0012-2025-00004"));
        assert_eq!(f.publisher.as_deref(), Some("栾川县人民政府办公室"));
        assert_eq!(iso(f.published).as_deref(), Some("2025-01-15"));
        assert_eq!(f.number.as_deref(), Some("栾政办〔2025〕2号"));
        assert_eq!(
            f.title.as_deref(),
            Some("栾川县人民政府办公室关于检查情况的通报")
        );
        assert_eq!(f.lines, [0, 1, 2, 3, 4]);
        assert!(f.table);
    }

    #[test]
    fn keys_alone_with_values_on_the_next_line() {
        let f = fields(
            "标题\n海宁市市场监督管理局2024年工作总结\n索引号\n11330481MB1642093D/2025-00011\n\
             发布机构\n海宁市市场监督管理局\n成文日期\n2025-01-20\n文号\n公开方式\n主动公开\n正文",
        );
        assert_eq!(
            f.title.as_deref(),
            Some("海宁市市场监督管理局2024年工作总结")
        );
        assert_eq!(iso(f.date).as_deref(), Some("2025-01-20"));
        assert_eq!(f.number, None, "an empty 文号 is followed by the next key");
        assert_eq!(f.lines, (0..11).collect::<Vec<_>>());
    }

    #[test]
    fn several_fields_a_line_and_cells() {
        let f = fields(
            "索引号：11411323005730214R/2025-00007 主题分类：司法 发布机构：西峡县司法局 \
             成文日期：2025-02-10 发布日期：2025-02-13 文号：",
        );
        assert_eq!(f.publisher.as_deref(), Some("西峡县司法局"));
        assert_eq!(iso(f.date).as_deref(), Some("2025-02-10"));
        assert_eq!(iso(f.published).as_deref(), Some("2025-02-13"));
        let cells = fields(
            "索引号\t002950247/2024-46201\t公开方式\t主动公开\n\
             发布机构\t宁波市鄞州区人民政府\t成文日期\t2024-12-20\n\
             文号：\t鄞政发〔2024〕40号\t发布日期：\t2024年12月27日",
        );
        assert_eq!(cells.index_no.as_deref(), Some("002950247/2024-46201"));
        assert_eq!(cells.publisher.as_deref(), Some("宁波市鄞州区人民政府"));
        assert_eq!(iso(cells.published).as_deref(), Some("2024-12-27"));
        assert_eq!(cells.number.as_deref(), Some("鄞政发〔2024〕40号"));
        let whole = fields("索引号：008636274/2025-00012\t发文机关：西充县人民政府");
        assert_eq!(whole.issuer.as_deref(), Some("西充县人民政府"));
    }

    #[test]
    fn bylines() {
        let f = fields(
            "发布时间：2025-06-11 15:06　来源：新会区会城街道办事处　字号：大 中 小　分享到：",
        );
        assert_eq!(iso(f.published).as_deref(), Some("2025-06-11"));
        assert_eq!(f.source.as_deref(), Some("新会区会城街道办事处"));
        let g = fields("发布日期：2025-03-04  信息来源：区司法局  【字号 大 中 小】  【打印】");
        assert_eq!(g.source.as_deref(), Some("区司法局"));
        assert!(!g.table);
        let h = fields("时间：2025-03-28　　来源：司法部　　【字体：大 中 小】　打印");
        assert_eq!(iso(h.published).as_deref(), Some("2025-03-28"));
        assert_eq!(h.source.as_deref(), Some("司法部"));
    }

    #[test]
    fn a_source_is_an_organization_or_an_outlet() {
        for (line, want) in [
            (
                "来源：某县融媒体中心　发布时间：2025-02-18",
                Some("某县融媒体中心"),
            ),
            (
                "来源：某区某街道办事处　发布时间：2025-02-18",
                Some("某区某街道办事处"),
            ),
            ("来源：新华社　发布时间：2025-02-18", Some("新华社")),
            ("来源：张三　发布时间：2025-02-18", None),
            ("来源：本站原创　发布时间：2025-02-18", None),
            ("来源：综合　发布时间：2025-02-18", None),
        ] {
            assert_eq!(fields(line).source.as_deref(), want, "{line}");
        }
    }

    #[test]
    fn fields_glued_together_and_empty_values_before_a_key() {
        let f = fields("发布时间：2025-01-17信息来源：临泉县财政局【字号：大 中 小】");
        assert_eq!(iso(f.published).as_deref(), Some("2025-01-17"));
        assert_eq!(f.source.as_deref(), Some("临泉县财政局"));
        let g = fields(
            "索引号：FZ05101-0200-2025-00023发文机关：福州市鼓楼区人民政府\
             发文字号：鼓政综〔2025〕88号成文日期：2025-07-01发布日期：2025-07-04",
        );
        assert_eq!(g.index_no.as_deref(), Some("FZ05101-0200-2025-00023"));
        assert_eq!(g.issuer.as_deref(), Some("福州市鼓楼区人民政府"));
        assert_eq!(g.number.as_deref(), Some("鼓政综〔2025〕88号"));
        assert_eq!(iso(g.date).as_deref(), Some("2025-07-01"));
        assert_eq!(iso(g.published).as_deref(), Some("2025-07-04"));
        let h = fields("来源：沙县区司法局发布时间：2025-08-13 11:20字体：【大】【中】【小】");
        assert_eq!(h.source.as_deref(), Some("沙县区司法局"));
        assert_eq!(iso(h.published).as_deref(), Some("2025-08-13"));
        let empty = fields("文　　号：　　发布日期：2025-01-24");
        assert_eq!(empty.number, None);
        assert_eq!(iso(empty.published).as_deref(), Some("2025-01-24"));
    }

    #[test]
    fn a_key_at_the_end_of_a_row_takes_no_line_below() {
        let f = fields(
            "索引号：1141/2025-00007 发布机构：西峡县司法局 成文日期：2025-02-10 文号：\n\
             西峡县司法局2025年度普法工作计划\n正文。",
        );
        assert_eq!(f.lines, [0]);
        assert_eq!(f.number, None);
        let g = fields("成文日期\n某县2025年工作要点\n索引号\n1/2025-1");
        assert_eq!(g.date, None, "a title is no date");
        assert!(!g.lines.contains(&1));
    }

    #[test]
    fn bylines_that_open_with_the_date_or_a_bracket() {
        let f = fields("2024-12-06 10:21　来源：某县司法局　浏览次数：12");
        assert_eq!(iso(f.published).as_deref(), Some("2024-12-06"));
        assert_eq!(f.source.as_deref(), Some("某县司法局"));
        let g = fields("【发布时间：2024-01-02】【来源：某市教育局】");
        assert_eq!(iso(g.published).as_deref(), Some("2024-01-02"));
        assert_eq!(g.source.as_deref(), Some("某市教育局"));
        let h = fields("2024年12月6日，某县召开会议：部署工作。");
        assert_eq!(h, Fields::default());
        let alone = fields("【时间：2024-05-06 10:30】");
        assert_eq!(iso(alone.published).as_deref(), Some("2024-05-06"));
    }

    #[test]
    fn glued_keys_count_only_in_a_block() {
        let f = fields(
            "索引号11370211MB28576932/2025-00039\n发布机构青岛西海岸新区市场监督管理局\n\
             成文日期2025-03-05\n标题青岛西海岸新区2025年监管工作实施方案",
        );
        assert_eq!(f.index_no.as_deref(), Some("11370211MB28576932/2025-00039"));
        assert_eq!(
            f.title.as_deref(),
            Some("青岛西海岸新区2025年监管工作实施方案")
        );
        let lone = fields("标题党现象值得关注\n正文。");
        assert_eq!(lone.title, None);
    }

    #[test]
    fn bulleted_keys_with_values_below_and_site_names() {
        let f = fields(
            "某县人民政府工作规则\n• 索引号:\n6107280000/2024-001005\n• 主题分类:\n• 来源:\n\
             • 发文机构:\n县政府网站\n• 发文字号:\n某政发〔2024〕7号\n• 发文日期:\n\
             2024年04月06日 16:40\n• 发布日期:\n2024年04月06日 16:34\n• 内容概述:\n\
             某县人民政府工作规则\n第一章总则",
        );
        assert_eq!(f.index_no.as_deref(), Some("6107280000/2024-001005"));
        assert_eq!(f.issuer, None, "a site is no issuer");
        assert_eq!(f.number.as_deref(), Some("某政发〔2024〕7号"));
        assert_eq!(iso(f.date).as_deref(), Some("2024-04-06"));
        assert_eq!(iso(f.published).as_deref(), Some("2024-04-06"));
        assert!(
            !f.lines.contains(&15),
            "the title under 内容概述 stays text"
        );
    }

    #[test]
    fn body_lines_are_not_fields() {
        let f = fields("时间：2024年5月1日至5月31日。\n地点：县文化广场\n为深入开展普法……");
        assert_eq!(f, Fields::default());
        assert!(!is_field_line("时间：2024年5月1日"));
        assert!(is_field_line("索引号：MB1C47612/2025-00008"));
        assert!(is_field_line(
            "来源：瑞安市司法局    发布时间：2024-12-06 10:21"
        ));
        assert!(!is_field_line("标题"));
    }
}
