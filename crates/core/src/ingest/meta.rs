//! Document metadata (元数据) found in the text: title (标题), date (成文日期), year (年份),
//! period (规划期), issuer (发文机关), region (地区), kind (文种), document number (文号), and for
//! a page saved from a government site its published date (发布日期) and index number (索引号).
//! Pure text work.

mod date;
mod doctype;
mod number;
mod org;
mod page;
mod region;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::frontmatter;
use super::furniture::is_furniture;

pub(crate) use org::is_org_line;
pub(crate) use page::is_field_line;

/// Version of the metadata rules: part of what an index records, so that an index built with
/// other rules is rebuilt.
pub const RULES_VERSION: u32 = 4;

/// What is known about a document besides its text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Metadata {
    /// Title (标题): the 标题 of a page's 信息公开 table, the document's own title line, else the
    /// file name.
    pub title: String,
    /// Date (成文日期), ISO `YYYY-MM-DD`: a page's 成文日期, the 落款 date, else a date in the
    /// header.
    pub date: Option<String>,
    /// Year (年份) the document is filed under: the year its title is about (2024年工作总结,
    /// 2025年度报告), else the first year of its period, else the year of its date, else of its
    /// published date.
    pub year: Option<u16>,
    /// Period (规划期) of a plan, from its title: 2021—2025年 → 2021 to 2025.
    #[serde(default)]
    pub period: Option<Period>,
    /// Issuer (发文机关), as written: a page's 发文机关 (or 发布机构), the 落款, a news item's
    /// 来源, the organization the title names.
    pub issuer: Option<String>,
    /// Region (地区): the most specific province, city or county named in title or issuer.
    pub region: Option<String>,
    /// Kind of document (文种): 工作总结, 年度报告, 管理办法, 通知, 简报, 新闻 (a news item) …
    pub doc_type: Option<String>,
    /// Document number (文号), as written: 高政办发〔2022〕45号.
    pub doc_number: Option<String>,
    /// Published date (发布日期) of the page the document was saved from, ISO `YYYY-MM-DD`.
    #[serde(default)]
    pub published: Option<String>,
    /// Index number (索引号) of a government site's 信息公开 table, as written.
    #[serde(default)]
    pub index_no: Option<String>,
}

/// The years a plan covers (规划期), both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Period {
    /// First year.
    pub from: u16,
    /// Last year.
    pub to: u16,
}

/// What a file declares about itself besides its text, trusted less than front matter: an HTML
/// page's `<title>` (often the site's name or "Document") and `<meta name="PubDate">`, a
/// `.docx`'s title and creation date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Declared {
    /// The title the file declares: used when it agrees with the text or the text has none.
    pub title: Option<String>,
    /// A date (ISO) used when the text gives none.
    pub date: Option<String>,
    /// The published date (ISO) of a page.
    pub published: Option<String>,
}

impl Declared {
    /// Nothing declared.
    pub fn new() -> Declared {
        Declared::default()
    }

    /// With this title.
    pub fn title(mut self, title: impl Into<String>) -> Declared {
        self.title = Some(title.into());
        self
    }

    /// With this date (ISO `YYYY-MM-DD`).
    pub fn date(mut self, date: impl Into<String>) -> Declared {
        self.date = Some(date.into());
        self
    }

    /// With this published date (ISO `YYYY-MM-DD`).
    pub fn published(mut self, date: impl Into<String>) -> Declared {
        self.published = Some(date.into());
        self
    }
}

/// A title line is at most this many characters.
const MAX_TITLE_CHARS: usize = 80;
/// How many leading lines may hold the header (版头, 文号) and the title.
const HEADER_LINES: usize = 8;
/// A header line (文号, date, 编 line) is at most this many characters.
const MAX_HEADER_CHARS: usize = 50;
/// How many lines after the title still belong to the header.
const AFTER_TITLE_LINES: usize = 2;
/// A title is broken over at most this many lines.
const MAX_TITLE_PIECES: usize = 3;
/// How many closing lines are searched for the 落款.
const SIGNATURE_LINES: usize = 5;
/// A 落款 issuer line is at most this many characters.
const MAX_SIGNATURE_CHARS: usize = 40;
/// How many lines after a 印发通知's title are searched for the measure's own title.
const MEASURE_LINES: usize = 6;
/// How many leading lines are searched for the year or an opening sentence.
const OPENING_LINES: usize = 3;
/// A plan's period spans at most this many years.
const MAX_PERIOD_YEARS: u16 = 30;

/// Front matter keys read for each field, English first.
const TITLE_KEYS: &[&str] = &["title", "标题"];
const DATE_KEYS: &[&str] = &["date", "成文日期", "日期"];
const ISSUER_KEYS: &[&str] = &["issuer", "发文机关", "机关"];
const NUMBER_KEYS: &[&str] = &["doc_number", "文号"];
const REGION_KEYS: &[&str] = &["region", "地区"];
const TYPE_KEYS: &[&str] = &["doc_type", "文种"];
const PUBLISHED_KEYS: &[&str] = &["published", "发布日期"];
const INDEX_KEYS: &[&str] = &["index_no", "索引号"];
const PERIOD_KEYS: &[&str] = &["period", "规划期"];

/// The kind given to a news item (新闻): a page with a byline (来源, 发布时间) whose title names
/// no kind of document (see [`is_news`]).
const NEWS: &str = "新闻";

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
    of_file_declared(text, file_name, &Declared::default())
}

/// [`of_file`] for a file that declares a title or dates of its own (an HTML page, a `.docx`).
///
/// ```
/// use zhengce_core::ingest::meta::{self, Declared};
///
/// let page = "首页 > 政务公开 > 政策文件\n索 引 号：MB1C47612/2025-00008\n\
///             发布机构：某市某区司法局\n成文日期：2025-01-15\n发布日期：2025-01-21\n\
///             标　　题：某区司法局2024年工作总结\n2024年，区司法局……";
/// let m = meta::of_file_declared(page, "t20250121_1.html", &Declared::new().title("Document"));
/// assert_eq!(m.title, "某区司法局2024年工作总结");
/// assert_eq!(m.index_no.as_deref(), Some("MB1C47612/2025-00008"));
/// assert_eq!(m.published.as_deref(), Some("2025-01-21"));
/// assert_eq!((m.year, m.date.as_deref()), (Some(2024), Some("2025-01-15")));
/// assert_eq!(m.issuer.as_deref(), Some("某市某区司法局"));
/// ```
pub fn of_file_declared(text: &str, file_name: &str, declared: &Declared) -> Metadata {
    let markdown = file_name
        .rsplit_once('.')
        .is_some_and(|(_, ext)| matches!(ext.to_lowercase().as_str(), "md" | "markdown"));
    let front = markdown.then(|| frontmatter::split(text)).flatten();
    extract_declared(text, file_name, front.as_ref().map(|f| &f.fields), declared)
}

/// The metadata of `text`, a document in the file `file_name`. Values in `front` (front matter)
/// win; then the text's header and 落款; then the file name. A leading front matter block in
/// `text` is skipped.
pub fn extract(text: &str, file_name: &str, front: Option<&BTreeMap<String, String>>) -> Metadata {
    extract_declared(text, file_name, front, &Declared::default())
}

/// [`extract`] with what the file declares ([`Declared`]), trusted below the front matter and
/// the page's own fields.
pub fn extract_declared(
    text: &str,
    file_name: &str,
    front: Option<&BTreeMap<String, String>>,
    declared: &Declared,
) -> Metadata {
    let body = frontmatter::split(text).map_or(text, |f| &text[f.body_start..]);
    let all = content_lines(body);
    let fields = page::read(&all);
    let (lines, web_page, above_byline) = text_lines(&all, &fields);
    let found = find_title(
        &lines,
        file_stem(file_name),
        web_page.then_some(above_byline),
    );
    let title = front_value(front, TITLE_KEYS)
        .or_else(|| {
            fields
                .title
                .clone()
                .filter(|t| is_title_text(t) && !is_cut(t))
        })
        .unwrap_or_else(|| choose_title(&found, declared.title.as_deref()));
    let header_end = found
        .at
        .map_or(OPENING_LINES, |at| at + 1 + AFTER_TITLE_LINES);
    let header = &lines[..header_end.min(lines.len())];
    let signature = signature(&lines, header_end);
    let (date, published) = dates(front, &fields, signature, header, web_page, declared);
    let issuer = front_value(front, ISSUER_KEYS)
        .or_else(|| fields.issuer.clone())
        .or_else(|| fields.publisher.clone())
        .or_else(|| signature.and_then(|s| s.1).map(str::to_owned))
        .or_else(|| fields.source.clone())
        .or_else(|| text_issuer(&title, &lines, header));
    let period = front_value(front, PERIOD_KEYS)
        .and_then(|p| period(&p))
        .or_else(|| period(&title));
    let doc_number = front_value(front, NUMBER_KEYS)
        .or_else(|| fields.number.clone())
        .or_else(|| header_number(header));
    let news = is_news(&fields, doc_number.as_deref());
    Metadata {
        year: title_year(&title)
            .or(period.map(|p| p.from))
            .or(date.map(|d| d.year))
            .or(published.map(|d| d.year))
            .or_else(|| lines.iter().take(OPENING_LINES).find_map(|l| first_year(l)))
            .or_else(|| first_year(file_name)),
        date: date.map(|d| d.iso()),
        period,
        region: front_value(front, REGION_KEYS)
            .or_else(|| region::region(&title, issuer.as_deref())),
        doc_type: front_value(front, TYPE_KEYS).or_else(|| doc_type(&title, news)),
        doc_number,
        published: published.map(|d| d.iso()),
        index_no: front_value(front, INDEX_KEYS).or_else(|| fields.index_no.clone()),
        issuer,
        title,
    }
}

/// The lines of text of a page: without what stands above its navigation, its fields and its
/// furniture, and — on a web page — the short lines above its title. Whether it is a web page,
/// and the index (among the lines returned) of the line right above its byline (发布时间, 来源),
/// where a page's heading stands.
fn text_lines<'a>(all: &[&'a str], fields: &page::Fields) -> (Vec<&'a str>, bool, Option<usize>) {
    let start = navigation_end(all);
    let is_field = |i: usize| fields.lines.binary_search(&i).is_ok();
    let furniture = |i: usize, l: &str| page::near_edge(i, all.len()) && is_furniture(l);
    let lines: Vec<&str> = all
        .iter()
        .enumerate()
        .filter(|&(i, l)| i >= start && !is_field(i) && !furniture(i, l))
        .map(|(_, l)| *l)
        .collect();
    let furniture_lines = all
        .iter()
        .enumerate()
        .filter(|&(i, l)| !is_field(i) && furniture(i, l))
        .count();
    let web_page = start > 0 || !fields.lines.is_empty() || furniture_lines >= WEB_FURNITURE_LINES;
    // The kept lines above the first line of a byline (a table's first line is no byline).
    let above_byline = fields
        .lines
        .first()
        .filter(|_| !fields.table)
        .map(|&first| {
            (start..first)
                .filter(|&i| !is_field(i) && !furniture(i, all[i]))
                .count()
        })
        .and_then(|kept| kept.checked_sub(1));
    if web_page {
        let (lines, dropped) = without_banners(lines);
        let above_byline = above_byline.and_then(|at| at.checked_sub(dropped));
        (lines, true, above_byline)
    } else {
        (lines, false, None)
    }
}

/// The date (成文日期) and the published date (发布日期): front matter, the page's fields, the
/// 落款, a date under the title (the page's own on a web page, else the document's), what the
/// file declares.
fn dates(
    front: Option<&BTreeMap<String, String>>,
    fields: &page::Fields,
    signature: Option<(date::Date, Option<&str>)>,
    header: &[&str],
    web_page: bool,
    declared: &Declared,
) -> (Option<date::Date>, Option<date::Date>) {
    let under_title = header_date(header);
    let date = front_value(front, DATE_KEYS)
        .and_then(|d| date::parse(&d))
        .or(fields.date)
        .or(signature.map(|s| s.0))
        .or(under_title.filter(|_| !web_page))
        .or_else(|| declared.date.as_deref().and_then(date::parse));
    let published = front_value(front, PUBLISHED_KEYS)
        .and_then(|d| date::parse(&d))
        .or(fields.published)
        .or_else(|| declared.published.as_deref().and_then(date::parse_start))
        .or(under_title.filter(|_| web_page));
    (date, published)
}

/// A news item (新闻): a page with a byline (来源, 发布时间), no 信息公开 table and no 文号.
fn is_news(fields: &page::Fields, doc_number: Option<&str>) -> bool {
    let byline = fields.source.is_some() || fields.published.is_some();
    byline && !fields.table && doc_number.is_none()
}

/// The 文种 of the title, else 新闻 for a news item.
fn doc_type(title: &str, news: bool) -> Option<String> {
    doctype::of_title(title)
        .map(str::to_owned)
        .or_else(|| news.then(|| NEWS.to_owned()))
}

/// A text with this many furniture lines is a page saved from a site.
const WEB_FURNITURE_LINES: usize = 2;
/// How many short lines may stand above a web page's title.
const MAX_BANNERS: usize = 3;
/// A short line above a web page's title has at most this many characters.
const MAX_BANNER_CHARS: usize = 4;
/// How many leading lines may hold a page's navigation (breadcrumb, menu).
const NAVIGATION_LINES: usize = 20;

/// The index of the line after a page's navigation (its last breadcrumb or menu line among the
/// leading lines), when text follows it; 0 for a text without navigation. What stands above
/// it is the site's name, banner and toolbar.
fn navigation_end(lines: &[&str]) -> usize {
    let last = lines
        .iter()
        .take(NAVIGATION_LINES)
        .rposition(|l| super::furniture::is_navigation(l));
    match last {
        Some(at) if lines[at + 1..].iter().any(|l| !is_furniture(l)) => at + 1,
        _ => 0,
    }
}

/// A web page's text without the short lines above its title: a logo's text (上海浦东), a
/// column's name (部门动态, 法定主动公开内容).
fn without_banners(mut lines: Vec<&str>) -> (Vec<&str>, usize) {
    let banners = lines
        .iter()
        .take(MAX_BANNERS)
        .take_while(|l| {
            let short = l.chars().count() <= MAX_BANNER_CHARS && doctype::of_title(l).is_none();
            short || super::furniture::is_column_name(l)
        })
        .count();
    if banners < lines.len() {
        lines.drain(..banners);
        (lines, banners)
    } else {
        (lines, 0)
    }
}

/// A date at the start of a text (`2025-03-20 16:05`, `2025年3月20日 星期四`).
pub(crate) fn parse_date_start(s: &str) -> Option<date::Date> {
    date::parse_start(s)
}

/// A title a site's table cut short (`关于印发某某办法的通…`, `…...`): the text's own is whole.
fn is_cut(title: &str) -> bool {
    title.ends_with(['…', '.']) || title.ends_with("...")
}

/// Whether a value can be a title: not furniture, not too long.
fn is_title_text(title: &str) -> bool {
    !title.is_empty() && title.chars().count() <= MAX_TITLE_CHARS * 2 && !is_furniture(title)
}

/// The title from the text's title line and the title the file declares: the declared title
/// when the text has none, or when only the declared title names a kind of document; the
/// longer of the two when they agree (a `<title>` may leave out the province: 宝山区… for
/// 上海市宝山区…); a declared title that is furniture (Document, the site's name) is not used.
fn choose_title(found: &Found, declared: Option<&str>) -> String {
    let declared = declared
        .map(|d| without_site_name(d.trim()))
        .filter(|d| is_declared_title(d));
    let Some(declared) = declared else {
        return found.text.clone();
    };
    if found.at.is_none() {
        return declared.to_owned();
    }
    let (text, named) = (comparable(&found.text), comparable(declared));
    if text.contains(&named) || named.contains(&text) {
        if named.len() > text.len() {
            declared.to_owned()
        } else {
            found.text.clone()
        }
    } else if doctype::of_title(declared).is_some() && doctype::of_title(&found.text).is_none() {
        declared.to_owned()
    } else {
        found.text.clone()
    }
}

/// A page title without the site's name it ends with (`关于…的通知-陈仓区人民政府`,
/// `…活动 - 某市人民政府网`, `…_某县人民政府门户网站`).
fn without_site_name(title: &str) -> &str {
    let Some((head, tail)) = title.rsplit_once(['-', '－', '_', '|', '｜']) else {
        return title;
    };
    let tail = tail.trim();
    let site = org::is_org_line(tail)
        || ["网", "网站", "门户网站", "政务网", "信息公开"]
            .iter()
            .any(|e| tail.ends_with(e));
    let head = head.trim();
    if site && head.chars().count() >= MIN_DOCUMENT_TITLE_CHARS && !org::is_org_line(head) {
        without_site_name(head)
    } else {
        title
    }
}

/// A declared title worth using: not furniture, not an organization's or a site's name alone,
/// not a browser's or an editor's default.
fn is_declared_title(title: &str) -> bool {
    const DEFAULTS: &[&str] = &[
        "document",
        "untitled",
        "untitled document",
        "无标题",
        "无标题文档",
        "新建文档",
        "新建网页",
        "首页",
        "index",
    ];
    let lower = title.to_lowercase();
    is_title_text(title)
        && !DEFAULTS.contains(&lower.as_str())
        && !lower.starts_with("microsoft word")
        && !org::is_org_line(title)
        && !title.ends_with("政府信息公开")
        && !is_site_and_column(title)
}

/// A page title that joins a site's name and a column's (`某县人民政府-计划总结`): parts split
/// at `-`, `_` or `|`, one of them an organization's name, none a document's title.
fn is_site_and_column(title: &str) -> bool {
    let parts: Vec<&str> = title
        .split(['-', '－', '_', '|', '｜'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() >= 2
        && parts.iter().any(|p| org::is_org_line(p))
        && !parts.iter().any(|p| is_document_title(p))
}

/// The issuer found in the text: a `…编` line, the title's leading organization, the opening
/// sentence's subject.
fn text_issuer(title: &str, lines: &[&str], header: &[&str]) -> Option<String> {
    header
        .iter()
        .find_map(|l| org::edited_by(l))
        .or_else(|| org::leading(title))
        .or_else(|| {
            lines
                .iter()
                .take(OPENING_LINES)
                .find_map(|l| org::opening_subject(l))
        })
        .map(str::to_owned)
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
/// a title — on a web page (`web` holds the line above its byline, if any) the page's heading
/// (see [`web_title_at`]); a 印发通知's title gives way to the measure's own title line below
/// it (not on a web page, whose heading is the notice's); a 简报 name gets its issue. Without
/// a title line, the file stem without its leading organization.
fn find_title(lines: &[&str], stem: &str, web: Option<Option<usize>>) -> Found {
    let at = lines
        .iter()
        .take(HEADER_LINES)
        .position(|l| !is_header_line(l));
    let at = match (at, web) {
        (Some(first), Some(above_byline)) => Some(web_title_at(lines, first, above_byline)),
        // A short line that names no kind of document (a column's or a site's section) above
        // a document's title.
        (Some(first), None) if lines[first].chars().count() < MIN_DOCUMENT_TITLE_CHARS => {
            Some(document_title_at(lines, first).unwrap_or(first))
        }
        (at, _) => at,
    };
    // No title line where the header ends: a document's title among the leading lines.
    let at = at
        .filter(|&at| looks_like_title(lines[at]))
        .or_else(|| document_title_at(lines, 0));
    let Some(at) = at else {
        return Found {
            text: stem_title(stem),
            at: None,
        };
    };
    let (title, next) = join_broken_title(lines, at);
    let title = with_organization(lines, at, title);
    let rest = &lines[next..];
    let measure = web.is_none().then(|| measure_title(&title, rest)).flatten();
    let text = match measure {
        Some(measure) => measure.to_owned(),
        None => with_issue(title, rest),
    };
    Found {
        text,
        at: Some(next - 1),
    }
}

/// How many leading lines of a web page may stand above its heading (a column's name, a
/// slogan, menu items copied a line each).
const WEB_TITLE_LINES: usize = 8;
/// A document's title has at least this many characters (计划总结 is a column's name).
const MIN_DOCUMENT_TITLE_CHARS: usize = 8;

/// The heading of a web page among its leading lines, from `first` (the first line after the
/// header): the line right above the byline (above the 文号 or date lines between them) when it
/// reads like a title (joined with the line above it when the heading is broken there and is
/// not a document's title by itself); else `first` when it, joined with the lines
/// that continue it, reads like a document's title; else the first later line that does,
/// before the text starts (a column's name, a slogan or a menu item stands above it); else
/// `first`.
fn web_title_at(lines: &[&str], first: usize, above_byline: Option<usize>) -> usize {
    let window = first..(first + WEB_TITLE_LINES).min(lines.len());
    let above_header = above_byline.map(|mut at| {
        while at > first && (is_header_line(lines[at]) || is_subtitle(lines[at])) {
            at -= 1;
        }
        at
    });
    if let Some(at) = above_header.filter(|&at| window.contains(&at) && looks_like_title(lines[at]))
    {
        // A heading broken above a whole title only when its first piece holds 关于
        // (`某县人民政府办公室关于印发` / `某某实施方案的通知`); above a whole title, a slogan or
        // a column's name stands.
        let whole = is_document_title(lines[at]);
        let broken = (first..at)
            .rev()
            .take(MAX_TITLE_PIECES - 1)
            .filter(|&i| looks_like_title(lines[i]) && doctype::from_title(lines[i]).is_none())
            .filter(|&i| !whole || lines[i].contains("关于"))
            .find(|&i| join_broken_title(lines, i).1 == at + 1);
        return broken.unwrap_or(at);
    }
    document_title_at(lines, first).unwrap_or(first)
}

/// The first of the leading lines from `first` that, joined with the lines continuing it,
/// reads like a document's title, before the text starts (a sentence, a salutation, a numbered
/// heading); a subtitle (——在…上的讲话) or a short line is none.
fn document_title_at(lines: &[&str], first: usize) -> Option<usize> {
    (first..(first + WEB_TITLE_LINES).min(lines.len()))
        .take_while(|&i| looks_like_title(lines[i]))
        .filter(|&i| !is_subtitle(lines[i]))
        // Two short lines (政务公开 / 通知公告) do not make a title.
        .filter(|&i| lines[i].chars().count() >= MIN_DOCUMENT_TITLE_CHARS)
        .find(|&i| is_document_title(&join_broken_title(lines, i).0))
}

/// A line under a heading that is no heading: `——在全县工作会议上的讲话`,
/// `（2025年1月10日在某会议上）`.
fn is_subtitle(line: &str) -> bool {
    line.starts_with(['—', '－', '-'])
        || (line.starts_with(['（', '(']) && line.ends_with(['）', ')']))
}

/// Whether a line reads like a document's title: long enough, and ending in a 文种 or holding
/// 关于.
fn is_document_title(line: &str) -> bool {
    line.chars().count() >= MIN_DOCUMENT_TITLE_CHARS
        && (doctype::from_title(line).is_some() || line.contains("关于"))
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
        && !super::outline::starts_with_heading_number(line)
        && !line.ends_with(['：', ':', '；', ';', '，', ','])
}

/// A title broken over two or three lines (`…关于印发` / `…办法的通知`) is joined when only the
/// joined text ends like a title. Returns the title and the index of the line after it.
fn join_broken_title(lines: &[&str], at: usize) -> (String, usize) {
    let line = lines[at];
    let mut joined = line.to_owned();
    if doctype::from_title(line).is_some() {
        return (joined, at + 1);
    }
    for (n, next) in lines
        .iter()
        .enumerate()
        .skip(at + 1)
        .take(MAX_TITLE_PIECES - 1)
    {
        if !looks_like_title(next)
            || is_header_line(next)
            || joined.chars().count() > MAX_TITLE_CHARS
        {
            break;
        }
        joined.push_str(next);
        if doctype::from_title(&joined).is_some() {
            return (joined, n + 1);
        }
    }
    (line.to_owned(), at + 1)
}

/// A title that starts with 关于 under a line naming the organization alone (a heading broken
/// after the issuer: `某区人民政府` / `关于…的报告`) gets the organization back.
fn with_organization(lines: &[&str], at: usize, title: String) -> String {
    match at.checked_sub(1).map(|i| lines[i]) {
        Some(org) if title.starts_with("关于") && org::is_org_line(org) => {
            format!("{org}{title}")
        }
        _ => title,
    }
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

/// The 落款: the last date line among the closing lines, and the issuer line above it; else
/// the last date line anywhere under an organization's name (a 印发通知 followed by the measure
/// it prints, a decision followed by its annexes). A date line of the header (lines before
/// `header_end`: a page's date under its title) is no 落款.
fn signature<'a>(lines: &[&'a str], header_end: usize) -> Option<(date::Date, Option<&'a str>)> {
    let first = lines.len().saturating_sub(SIGNATURE_LINES);
    let closing = (first.max(header_end)..lines.len()).rev().find_map(|i| {
        let Some(date) = date::parse(lines[i]) else {
            return signed_line(lines[i]).map(|(date, name)| (date, Some(name)));
        };
        let above = i.checked_sub(1).filter(|&j| j >= first).map(|j| lines[j]);
        Some((date, above.filter(|l| is_signature_name(l))))
    });
    closing.or_else(|| {
        (header_end.max(1)..first).rev().find_map(|i| {
            let date = date::parse(lines[i])?;
            let above = lines[i - 1];
            let name = is_signature_name(above) && org::is_org_line(above);
            // A notice signed by the organization of its header ends with the date alone.
            (name || above.ends_with('。')).then_some((date, Some(above).filter(|_| name)))
        })
    })
}

/// A 落款 on one line: an organization, white space, a date (`某县司法局　2025年2月10日`).
fn signed_line(line: &str) -> Option<(date::Date, &str)> {
    let (name, when) = line.trim_end().rsplit_once(is_space)?;
    let name = name.trim_end_matches(is_space);
    let date = date::parse(when)?;
    (is_signature_name(name) && org::is_org_line(name)).then_some((date, name))
}

/// A line that can be the issuer of a 落款: short, not a sentence, not a numbered item.
fn is_signature_name(line: &str) -> bool {
    line.chars().count() <= MAX_SIGNATURE_CHARS
        && !line.contains(['。', '，', ',', '：', ':', '；', ';', '！', '？'])
        && !line.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '（' | '(' | '【' | '第'))
        && date::find(line).is_none()
        && doctype::from_title(line).is_none()
}

/// A date in a short header line (a 简报's `…编　2024年6月5日`, a page's `2024-05-06 10:30`).
fn header_date(header: &[&str]) -> Option<date::Date> {
    header
        .iter()
        .filter(|l| l.chars().count() <= MAX_HEADER_CHARS && !l.ends_with('。'))
        .find_map(|l| {
            date::find(l)
                .map(|(d, _)| d)
                .or_else(|| date::parse_start(l))
        })
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
            // A number in brackets on its own line: （阿署办发〔2007〕22号）.
            let bracketed = matches!(before, "（" | "(")
                && matches!(&l[before.len() + number.len()..], "）" | ")");
            (alone || bracketed).then(|| number.to_owned())
        })
}

/// The year a title names; a range names its first year (（2021—2025年） → 2021).
fn title_year(title: &str) -> Option<u16> {
    years(title)
        .next()
        .map(|(at, year)| range_start(title, at).unwrap_or(year))
}

/// Characters between the two years of a range (2021—2025年, 2021-2025年, 2021至2025年).
const RANGE_MARKS: &[char] = &['—', '–', '―', '─', '－', '-', '~', '～', '〜', '至', '到'];

/// The period a title names: the first range of years (`（2021—2025年）`, `2023年—2027年`).
fn period(title: &str) -> Option<Period> {
    years(title).find_map(|(at, to)| {
        let from = range_start(title, at).or_else(|| {
            let before = title[..at].trim_end_matches(RANGE_MARKS);
            let marked = before.len() < at;
            let (start, year) = years(before).last().filter(|_| marked)?;
            (before[start..].chars().count() == 5).then_some(year)
        })?;
        (from < to && to - from <= MAX_PERIOD_YEARS).then_some(Period { from, to })
    })
}

/// The first year of a range such as `2021—2025年` whose second year is at byte `at`.
fn range_start(s: &str, at: usize) -> Option<u16> {
    let before = s[..at].trim_end_matches(RANGE_MARKS);
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
