//! Document metadata (元数据) found in the text: title (标题), date (成文日期), year (年份),
//! issuer (发文机关), region (地区), kind (文种) and document number (文号). Pure text work.

mod date;
mod doctype;
mod number;
mod org;
mod region;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::frontmatter;

/// What is known about a document besides its text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Metadata {
    /// Title (标题): the document's own title line, else the file name.
    pub title: String,
    /// Date (成文日期), ISO `YYYY-MM-DD`: the 落款 date, else a date in the header.
    pub date: Option<String>,
    /// Year (年份) of the document.
    pub year: Option<u16>,
    /// Issuer (发文机关), as written.
    pub issuer: Option<String>,
    /// Region (地区): the most specific province, city or county named in title or issuer.
    pub region: Option<String>,
    /// Kind of document (文种): 工作总结, 年度报告, 管理办法, 通知, 简报 …
    pub doc_type: Option<String>,
    /// Document number (文号), as written: 高政办发〔2022〕45号.
    pub doc_number: Option<String>,
}

/// A title line is at most this many characters.
const MAX_TITLE_CHARS: usize = 80;
/// How many leading lines may hold the header (版头, 文号) and the title.
const HEADER_LINES: usize = 8;
/// A header line (文号, date, 编 line) is at most this many characters.
const MAX_HEADER_CHARS: usize = 50;
/// How many lines after the title still belong to the header.
const AFTER_TITLE_LINES: usize = 2;
/// How many closing lines are searched for the 落款.
const SIGNATURE_LINES: usize = 5;
/// A 落款 issuer line is at most this many characters.
const MAX_SIGNATURE_CHARS: usize = 40;
/// How many lines after a 印发通知's title are searched for the measure's own title.
const MEASURE_LINES: usize = 6;
/// How many leading lines are searched for the year or an opening sentence.
const OPENING_LINES: usize = 3;

/// Front matter keys read for each field, English first.
const TITLE_KEYS: &[&str] = &["title", "标题"];
const DATE_KEYS: &[&str] = &["date", "成文日期", "日期"];
const ISSUER_KEYS: &[&str] = &["issuer", "发文机关", "机关"];
const NUMBER_KEYS: &[&str] = &["doc_number", "文号"];
const REGION_KEYS: &[&str] = &["region", "地区"];
const TYPE_KEYS: &[&str] = &["doc_type", "文种"];

/// Metadata of a file's text: a Markdown file's front matter is read first.
///
/// ```
/// use zhengce_core::ingest::meta;
///
/// let text = "高台县司法局文件\n高司发〔2021〕15号\n高台县2021年普法工作实施方案\n\
///             一、指导思想\n（一）总体要求。正文……\n高台县司法局\n2021年4月28日";
/// let m = meta::of_file(text, "方案.txt");
/// assert_eq!(m.title, "高台县2021年普法工作实施方案");
/// assert_eq!(m.doc_number.as_deref(), Some("高司发〔2021〕15号"));
/// assert_eq!(m.date.as_deref(), Some("2021-04-28"));
/// assert_eq!(m.year, Some(2021));
/// assert_eq!(m.issuer.as_deref(), Some("高台县司法局"));
/// assert_eq!(m.region.as_deref(), Some("高台县"));
/// assert_eq!(m.doc_type.as_deref(), Some("实施方案"));
/// ```
pub fn of_file(text: &str, file_name: &str) -> Metadata {
    let markdown = file_name
        .rsplit_once('.')
        .is_some_and(|(_, ext)| matches!(ext.to_lowercase().as_str(), "md" | "markdown"));
    let front = markdown.then(|| frontmatter::split(text)).flatten();
    extract(text, file_name, front.as_ref().map(|f| &f.fields))
}

/// The metadata of `text`, a document in the file `file_name`. Values in `front` (front matter)
/// win; then the text's header and 落款; then the file name. A leading front matter block in
/// `text` is skipped.
pub fn extract(text: &str, file_name: &str, front: Option<&BTreeMap<String, String>>) -> Metadata {
    let body = frontmatter::split(text).map_or(text, |f| &text[f.body_start..]);
    let lines = content_lines(body);
    let found = find_title(&lines, file_stem(file_name));
    let title = front_value(front, TITLE_KEYS).unwrap_or(found.text);
    let header_end = found
        .at
        .map_or(OPENING_LINES, |at| at + 1 + AFTER_TITLE_LINES);
    let header = &lines[..header_end.min(lines.len())];
    let signature = signature(&lines);
    let date = front_value(front, DATE_KEYS)
        .and_then(|d| date::parse(&d))
        .or(signature.map(|s| s.0))
        .or_else(|| header_date(header));
    let issuer = front_value(front, ISSUER_KEYS)
        .or_else(|| text_issuer(&title, &lines, header, signature.and_then(|s| s.1)));
    Metadata {
        year: year(&title, date, &lines, file_name),
        date: date.map(|d| d.iso()),
        region: front_value(front, REGION_KEYS)
            .or_else(|| region::region(&title, issuer.as_deref())),
        doc_type: front_value(front, TYPE_KEYS)
            .or_else(|| doctype::from_title(&title).map(str::to_owned)),
        doc_number: front_value(front, NUMBER_KEYS).or_else(|| header_number(header)),
        issuer,
        title,
    }
}

/// The issuer found in the text: the 落款, a `…编` line, the title's leading organization, the
/// opening sentence's subject.
fn text_issuer(
    title: &str,
    lines: &[&str],
    header: &[&str],
    signed: Option<&str>,
) -> Option<String> {
    signed
        .or_else(|| header.iter().find_map(|l| org::edited_by(l)))
        .or_else(|| org::leading(title))
        .or_else(|| {
            lines
                .iter()
                .take(OPENING_LINES)
                .find_map(|l| org::opening_subject(l))
        })
        .map(str::to_owned)
}

/// The year: of the title, of the date, of the opening lines, of the file name.
fn year(title: &str, date: Option<date::Date>, lines: &[&str], file_name: &str) -> Option<u16> {
    title_year(title)
        .or(date.map(|d| d.year))
        .or_else(|| lines.iter().take(OPENING_LINES).find_map(|l| first_year(l)))
        .or_else(|| first_year(file_name))
}

/// The first non-empty value of one of `keys`.
fn front_value(front: Option<&BTreeMap<String, String>>, keys: &[&str]) -> Option<String> {
    let front = front?;
    keys.iter()
        .filter_map(|k| front.get(*k))
        .map(|v| v.trim())
        .find(|v| !v.is_empty())
        .map(str::to_owned)
}

/// The non-empty lines, trimmed (also of full-width spaces and BOMs), Markdown heading marks
/// removed.
fn content_lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(|l| {
            let l = l.trim_matches(is_space);
            l.strip_prefix('#')
                .map_or(l, |h| h.trim_start_matches('#').trim_matches(is_space))
        })
        .filter(|l| !l.is_empty())
        .collect()
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{FEFF}'
}

fn file_stem(file_name: &str) -> &str {
    let name = file_name.rsplit('/').next().unwrap_or(file_name);
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

/// A title and the index of the line it was read from (`None`: from the file name).
struct Found {
    text: String,
    at: Option<usize>,
}

/// The title: the first line after the header (版头, 文号, 编 and issue lines) when it reads like
/// a title; a 印发通知's title gives way to the measure's own title line below it; a 简报 name
/// gets its issue. Without a title line, the file stem without its leading organization.
fn find_title(lines: &[&str], stem: &str) -> Found {
    let at = lines
        .iter()
        .take(HEADER_LINES)
        .position(|l| !is_header_line(l));
    let Some(at) = at.filter(|&at| looks_like_title(lines[at])) else {
        return Found {
            text: stem_title(stem),
            at: None,
        };
    };
    let (title, next) = join_broken_title(lines, at);
    let rest = &lines[next..];
    let text = match measure_title(&title, rest) {
        Some(measure) => measure.to_owned(),
        None => with_issue(title, rest),
    };
    Found {
        text,
        at: Some(next - 1),
    }
}

/// Lines above the title: 版头 (…文件, an organization alone), 文号, `…编` lines, issue numbers,
/// dates, urgency and secrecy marks, copy numbers.
fn is_header_line(line: &str) -> bool {
    const MARKS: &[&str] = &[
        "特急",
        "加急",
        "平急",
        "急件",
        "机密",
        "秘密",
        "绝密",
        "签发人",
    ];
    line.chars().count() <= MAX_HEADER_CHARS
        && ((line.ends_with("文件") && line.len() > "文件".len())
            || number::find(line).is_some_and(|n| line.starts_with(n))
            || org::edited_by(line).is_some()
            || issue(line).is_some()
            || date::parse(line).is_some()
            || org::is_org_line(line)
            || MARKS.iter().any(|m| line.starts_with(m))
            || line.starts_with('★')
            || line.chars().all(|c| c.is_ascii_digit()))
}

fn looks_like_title(line: &str) -> bool {
    line.chars().count() <= MAX_TITLE_CHARS
        && !line.contains('。')
        && !line.ends_with(['：', ':', '；', ';', '，', ','])
}

/// A title broken over two lines (`…关于印发` / `…办法的通知`) is joined when only the joined
/// text ends like a title. Returns the title and the index of the line after it.
fn join_broken_title(lines: &[&str], at: usize) -> (String, usize) {
    let line = lines[at];
    if doctype::from_title(line).is_none() {
        if let Some(next) = lines.get(at + 1).filter(|n| looks_like_title(n)) {
            let joined = format!("{line}{next}");
            if doctype::from_title(&joined).is_some() && !is_header_line(next) {
                return (joined, at + 2);
            }
        }
    }
    (line.to_owned(), at + 1)
}

/// For `…关于印发《X》的通知` followed by the line `X`: that line.
fn measure_title<'a>(title: &str, rest: &[&'a str]) -> Option<&'a str> {
    let (_, printed) = title.split_once("印发")?;
    let printed = printed.strip_suffix("的通知")?;
    let name = comparable(printed);
    rest.iter()
        .take(MEASURE_LINES)
        .find(|l| !name.is_empty() && comparable(l) == name)
        .copied()
}

/// A title for comparison: without 《》, spaces, and with half-width brackets.
fn comparable(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '《' | '》') && !is_space(*c))
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .collect()
}

/// A 简报 name followed by its issue line gets the issue: 普法工作简报 + 2024年第3期.
fn with_issue(title: String, rest: &[&str]) -> String {
    let is_bulletin = doctype::from_title(&title) == Some("简报") && !title.ends_with('期');
    match rest.iter().take(AFTER_TITLE_LINES).find_map(|l| issue(l)) {
        Some(issue) if is_bulletin => title + issue,
        _ => title,
    }
}

/// The issue number a line starts with (`2024年第3期（总第27期）` → 2024年第3期), when nothing
/// but a bracket or space follows it.
fn issue(line: &str) -> Option<&str> {
    let after_year = line
        .get(..4)
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|_| line[4..].strip_prefix('年'))
        .unwrap_or(line);
    let numbered = after_year.strip_prefix('第')?;
    let digits = numbered
        .trim_start_matches(|c: char| c.is_ascii_digit() || "〇一二三四五六七八九十百".contains(c));
    let rest = digits.strip_prefix('期')?;
    let tail_ok = rest.is_empty() || rest.starts_with(['（', '(', ' ', '\u{3000}']);
    (digits.len() < numbered.len() && tail_ok).then(|| &line[..line.len() - rest.len()])
}

/// The file stem as a title, without the organization filed in front of it
/// (高台县科技局2024年法治建设工作总结 → 2024年法治建设工作总结).
fn stem_title(stem: &str) -> String {
    org::leading(stem)
        .map(|org| stem[org.len()..].trim_start())
        .filter(|rest| !rest.is_empty())
        .unwrap_or(stem)
        .to_owned()
}

/// The 落款: the last date line among the closing lines, and the issuer line above it.
fn signature<'a>(lines: &[&'a str]) -> Option<(date::Date, Option<&'a str>)> {
    let first = lines.len().saturating_sub(SIGNATURE_LINES);
    (first..lines.len()).rev().find_map(|i| {
        let date = date::parse(lines[i])?;
        let above = i.checked_sub(1).filter(|&j| j >= first).map(|j| lines[j]);
        Some((date, above.filter(|l| is_signature_name(l))))
    })
}

/// A line that can be the issuer of a 落款: short, not a sentence, not a numbered item.
fn is_signature_name(line: &str) -> bool {
    line.chars().count() <= MAX_SIGNATURE_CHARS
        && !line.contains(['。', '，', ',', '：', ':', '；', ';', '！', '？'])
        && !line.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '（' | '(' | '【' | '第'))
        && date::find(line).is_none()
        && doctype::from_title(line).is_none()
}

/// A date in a short header line (a 简报's `…编　2024年6月5日`).
fn header_date(header: &[&str]) -> Option<date::Date> {
    header
        .iter()
        .filter(|l| l.chars().count() <= MAX_HEADER_CHARS && !l.ends_with('。'))
        .find_map(|l| date::find(l).map(|(d, _)| d))
}

/// The 文号 of a header line that starts with it (or has it after a space).
fn header_number(header: &[&str]) -> Option<String> {
    header
        .iter()
        .filter(|l| l.chars().count() <= MAX_HEADER_CHARS)
        .find_map(|l| {
            let number = number::find(l)?;
            let before = l.find(number).map_or("", |at| &l[..at]);
            let alone = before.is_empty() || before.ends_with([' ', '\u{3000}', '：', ':']);
            alone.then(|| number.to_owned())
        })
}

/// The year a title names; a range names its first year (（2021—2025年） → 2021).
fn title_year(title: &str) -> Option<u16> {
    years(title)
        .next()
        .map(|(at, year)| range_start(title, at).unwrap_or(year))
}

/// The first year of a range such as `2021—2025年` whose second year is at byte `at`.
fn range_start(s: &str, at: usize) -> Option<u16> {
    let before = s[..at].trim_end_matches(['—', '－', '-', '~', '～', '至', '到']);
    let start = before.len().checked_sub(4).filter(|_| before.len() < at)?;
    let digits = before.get(start..)?;
    let preceded = before[..start].ends_with(|c: char| c.is_ascii_digit());
    (!preceded && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// The first four-digit year followed by 年 in `s` (full-width digits count).
pub fn first_year(s: &str) -> Option<u16> {
    years(s).next().map(|(_, y)| y)
}

/// Each four-digit year followed by 年 in `s` (1949–2100, not part of a longer number), with its
/// byte offset.
fn years(s: &str) -> impl Iterator<Item = (usize, u16)> + '_ {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    (0..chars.len()).filter_map(move |i| {
        let window = chars.get(i..i + 5)?;
        let before_is_digit = i > 0 && digit(chars[i - 1].1).is_some();
        if window[4].1 != '年' || before_is_digit {
            return None;
        }
        let year = window[..4]
            .iter()
            .try_fold(0u32, |acc, &(_, c)| Some(acc * 10 + digit(c)?))?;
        let year = u16::try_from(year).ok()?;
        (1949..=2100).contains(&year).then_some((window[0].0, year))
    })
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
