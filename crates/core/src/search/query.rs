//! The query language (查询语法), parsed into a tree. Pure code.
//!
//! ```text
//! 科技 特派员          both terms (AND)
//! "法治政府建设"        the exact characters, wherever jieba cuts them
//! 宪法 OR 民法典        either
//! -草案  NOT 草案       exclude
//! (宪法 OR 民法典) 宣传  grouping
//! title:管理办法  year:2024  year:2022..2024
//! law:民法典  action:publicize  kind:local_regulation  state:planned
//! ```
//! The citation filters of one group (law:, action:, kind:, state:) hold for one and the same
//! citation: `law:宪法 action:study` finds documents that studied the constitution.
//! Query text is normalized like documents (full-width letters, traditional characters…).

use crate::cite::{canonicalize, Action, Kind};
use crate::error::{Error, Result};
use crate::segment::{is_dropped, normalize};

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 1000;
/// Most terms, phrases and filters in one query.
pub const MAX_CLAUSES: usize = 64;
/// Deepest nesting of parentheses and NOT.
pub const MAX_DEPTH: usize = 16;

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    /// Unquoted text without spaces: its words are all required, adjacent or not.
    Term(String),
    /// Quoted text: the exact sequence of characters.
    Phrase(String),
    /// A field filter.
    Filter(Filter),
    /// All of these.
    And(Vec<Query>),
    /// Any of these.
    Or(Vec<Query>),
    /// Not this.
    Not(Box<Query>),
}

/// A field filter such as `year:2024`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// `title:` — the title contains this text.
    Title(String),
    /// `year:` — the year lies in this inclusive range.
    Year(u16, u16),
    /// `law:` — the document cites this title (canonical form as typed; resolved through the
    /// dictionary's aliases when the query runs).
    Law(String),
    /// `action:` — the document did this with a cited title.
    Action(Action),
    /// `kind:` — the document cites a title of this kind.
    Kind(Kind),
    /// `state:planned` or `state:done` — a citation is planned, or done.
    Planned(bool),
    /// `issuer:` — the issuer (发文机关) contains this text, or this text is the issuer with
    /// places before it (张掖市高台县科学技术局 for 高台县科学技术局).
    Issuer(String),
    /// `region:` — the region (地区) contains this text.
    Region(String),
    /// `type:` — the kind of document (文种) contains this text.
    Type(String),
    /// `doc:` — the document number (文号) contains this text.
    DocNumber(String),
}

/// The field names a query may use.
pub const FIELDS: &[&str] = &[
    "title", "year", "issuer", "region", "type", "doc", "law", "action", "kind", "state",
];

impl Query {
    /// The terms and phrases that are not excluded, each with whether it is an unquoted term.
    pub fn positive_texts(&self) -> Vec<(&str, bool)> {
        let mut out = Vec::new();
        self.collect_positive(&mut out);
        out
    }

    fn collect_positive<'a>(&'a self, out: &mut Vec<(&'a str, bool)>) {
        match self {
            Query::Term(t) => out.push((t, true)),
            Query::Phrase(t) => out.push((t, false)),
            Query::And(qs) | Query::Or(qs) => qs.iter().for_each(|q| q.collect_positive(out)),
            Query::Filter(_) | Query::Not(_) => {}
        }
    }
}

impl std::fmt::Display for Query {
    /// The query in the query language; parsing it gives the same query back.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Query::Term(t) => f.write_str(t),
            Query::Phrase(p) => write!(f, "{}", quoted(p)),
            Query::Filter(filter) => write!(f, "{filter}"),
            Query::And(qs) => {
                let parts: Vec<String> = qs.iter().map(|q| grouped(q, false)).collect();
                f.write_str(&parts.join(" "))
            }
            Query::Or(qs) => {
                // a b OR c: juxtaposition binds tighter than OR, so an And branch needs no
                // parentheses; adding them would nest the printed query deeper than the typed one.
                let parts: Vec<String> = qs.iter().map(|q| grouped(q, false)).collect();
                f.write_str(&parts.join(" OR "))
            }
            Query::Not(q) => write!(f, "-{}", grouped(q, true)),
        }
    }
}

impl std::fmt::Display for Filter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Filter::Title(t) => write!(f, "title:{}", quoted(t)),
            Filter::Year(first, last) => {
                let from = if *first == 0 {
                    String::new()
                } else {
                    first.to_string()
                };
                let to = if *last == u16::MAX {
                    String::new()
                } else {
                    last.to_string()
                };
                // Compared as numbers: `year:..` (open at both ends) prints as itself.
                if first == last {
                    write!(f, "year:{from}")
                } else {
                    write!(f, "year:{from}..{to}")
                }
            }
            // The parser keeps 》 out of titles, so the marks end the title where it ended.
            Filter::Law(t) => write!(f, "law:《{t}》"),
            Filter::Action(a) => write!(f, "action:{}", a.name()),
            Filter::Kind(k) => write!(f, "kind:{}", k.name()),
            Filter::Planned(p) => f.write_str(if *p { "state:planned" } else { "state:done" }),
            Filter::Issuer(v) => write!(f, "issuer:{}", quoted(v)),
            Filter::Region(v) => write!(f, "region:{}", quoted(v)),
            Filter::Type(v) => write!(f, "type:{}", quoted(v)),
            Filter::DocNumber(v) => write!(f, "doc:{}", quoted(v)),
        }
    }
}

/// `q` as written inside a larger query: in parentheses when it is a group of several clauses
/// (an `And` inside a `Not` needs them; an `Or` always does).
fn grouped(q: &Query, in_not: bool) -> String {
    match q {
        Query::Or(_) => format!("({q})"),
        Query::And(_) if in_not => format!("({q})"),
        _ => q.to_string(),
    }
}

/// `text` in quotes that nothing inside it closes. A value the parser read holds none of the
/// characters that closed it, so one of the four kinds always fits; “ is closed by ” and by ".
fn quoted(text: &str) -> String {
    let fits = |open: char| {
        closing_quote(open).is_some_and(|closers| !closers.iter().any(|&c| text.contains(c)))
    };
    let open = ['"', '「', '『', '“']
        .into_iter()
        .find(|&o| fits(o))
        .unwrap_or('「');
    let close = closing_quote(open).map_or('」', |closers| closers[0]);
    format!("{open}{text}{close}")
}

/// Parses `input`; errors point at the column and say what was expected.
pub fn parse(input: &str) -> Result<Query> {
    let chars: Vec<char> = input.chars().collect();
    if chars.len() > MAX_QUERY_CHARS {
        return Err(error(
            input,
            0,
            format!(
                "the query is too long ({} characters; at most {MAX_QUERY_CHARS})",
                chars.len()
            ),
        ));
    }
    let lexemes = lex(input, &chars)?;
    // A field and its quoted value (doc:"…", two lexemes) are one term, as doc:… is.
    let clauses = lexemes
        .iter()
        .enumerate()
        .filter(|(i, l)| match &l.kind {
            Lex::Word(_) => true,
            Lex::Phrase(_) => !i
                .checked_sub(1)
                .and_then(|p| lexemes.get(p))
                .is_some_and(|p| matches!(&p.kind, Lex::Word(w) if w.ends_with([':', '：']))),
            _ => false,
        })
        .count();
    if clauses > MAX_CLAUSES {
        return Err(error(
            input,
            0,
            format!("too many terms ({clauses}; at most {MAX_CLAUSES})"),
        ));
    }
    if lexemes.is_empty() {
        return Err(error(
            input,
            0,
            "empty query: type words, a \"phrase\" or a filter such as year:2024".into(),
        ));
    }
    let mut parser = Parser {
        input,
        lexemes,
        at: 0,
    };
    let query = parser.or(0)?;
    if let Some(l) = parser.peek() {
        return Err(error(
            input,
            l.column,
            "unexpected `)`: there is no `(` before it".into(),
        ));
    }
    let query = query.ok_or_else(|| {
        error(
            input,
            0,
            "nothing to search: the query has no letters, digits or Chinese characters".into(),
        )
    })?;
    check_positive(input, &query)?;
    Ok(query)
}

#[derive(Debug, Clone, PartialEq)]
enum Lex {
    Open,
    Close,
    Minus,
    Or,
    And,
    Not,
    Word(String),
    Phrase(String),
}

#[derive(Debug, Clone)]
struct Lexeme {
    kind: Lex,
    /// 0-based character column.
    column: usize,
}

fn lex(input: &str, chars: &[char]) -> Result<Vec<Lexeme>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = fold(chars[i]);
        // Invisible characters are nothing, as normalizing makes them: \u{200b}-法 excludes 法.
        if is_space(c) || is_dropped(c) {
            i += 1;
        } else if c == '(' || c == ')' {
            out.push(Lexeme {
                kind: if c == '(' { Lex::Open } else { Lex::Close },
                column: i,
            });
            i += 1;
        } else if let Some(close) = closing_quote(c) {
            let end = (i + 1..chars.len()).find(|&j| close.contains(&fold(chars[j])));
            let Some(end) = end else {
                return Err(error(
                    input,
                    i,
                    format!("unclosed quote {c}: add the closing quote"),
                ));
            };
            let text: String = chars[i + 1..end].iter().collect();
            out.push(Lexeme {
                kind: Lex::Phrase(text),
                column: i,
            });
            i = end + 1;
        } else if c == '-' && chars.get(i + 1).is_none_or(|&n| !is_space(fold(n))) {
            out.push(Lexeme {
                kind: Lex::Minus,
                column: i,
            });
            i += 1;
        } else {
            let start = i;
            while i < chars.len() && !ends_word(fold(chars[i])) {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let folded: String = word.chars().filter(|&c| !is_dropped(c)).map(fold).collect();
            let kind = match folded.as_str() {
                "OR" | "|" => Lex::Or,
                "AND" | "&" => Lex::And,
                "NOT" => Lex::Not,
                _ => Lex::Word(word),
            };
            out.push(Lexeme {
                kind,
                column: start,
            });
        }
    }
    Ok(out)
}

/// The normalized value of an `issuer:`, `region:`, `type:` or `doc:` field, without 《》 around
/// it. Normalizing and trimming repeat until nothing changes: normalizing drops what stood
/// before a 《 (`doc:\0《…》`), trimming then uncovers it.
fn field_value(value: &str) -> String {
    to_fixed_point(value, &['《', '》'], |text| normalize(text).text)
}

/// The canonical title of a `law:` value, without marks around it. Canonicalizing and trimming
/// repeat until nothing changes (a few rounds at most): canonicalizing turns <<法 into 《《法,
/// and trimming those marks can uncover a doubled 中华人民共和国 to collapse. The title printed
/// back between marks then parses to itself.
fn law_title(value: &str) -> String {
    let marks = ['《', '》', '〈', '〉'];
    to_fixed_point(value.trim_matches(marks), &marks, |title| {
        canonicalize(title).title
    })
}

/// Applies `step` and trims `marks` from both ends, again and again until the text no longer
/// changes (at most 8 rounds; real values settle in one or two).
fn to_fixed_point(value: &str, marks: &[char], step: impl Fn(&str) -> String) -> String {
    let mut text = value.to_owned();
    for _ in 0..8 {
        let next = step(&text).trim_matches(marks).to_owned();
        if next == text {
            break;
        }
        text = next;
    }
    text
}

/// Folds full-width ASCII, so that （ ） ＂ ： and ＯＲ work as their half-width forms.
fn fold(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// White space separates words; so do control characters, which normalizing turns into white
/// space (else `a\u{3}b` would be one word holding a space).
fn is_space(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

fn ends_word(c: char) -> bool {
    is_space(c) || c == '(' || c == ')' || closing_quote(c).is_some()
}

/// The characters that close a phrase opened by `c`, if `c` opens one.
fn closing_quote(c: char) -> Option<&'static [char]> {
    match c {
        '"' => Some(&['"']),
        '“' | '”' => Some(&['”', '"', '“']),
        '「' => Some(&['」']),
        '『' => Some(&['』']),
        '《' => Some(&['》']),
        _ => None,
    }
}

struct Parser<'a> {
    input: &'a str,
    lexemes: Vec<Lexeme>,
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Lexeme> {
        self.lexemes.get(self.at)
    }

    fn err(&self, column: usize, message: impl Into<String>) -> Error {
        error(self.input, column, message.into())
    }

    /// `and (OR and)*`; `None` when every term was punctuation only.
    fn or(&mut self, depth: usize) -> Result<Option<Query>> {
        let mut branches = Vec::new();
        loop {
            if let Some(l) = self.peek().filter(|l| l.kind == Lex::Or) {
                return Err(self.err(l.column, "`OR` needs a term before it"));
            }
            branches.extend(self.and(depth)?);
            match self.peek() {
                Some(l) if l.kind == Lex::Or => {
                    let column = l.column;
                    self.at += 1;
                    if self
                        .peek()
                        .is_none_or(|n| matches!(n.kind, Lex::Close | Lex::Or))
                    {
                        return Err(self.err(column, "`OR` needs a term after it"));
                    }
                }
                _ => break,
            }
        }
        Ok(match branches.len() {
            0 => None,
            1 => branches.pop(),
            _ => Some(Query::Or(flatten_or(branches))),
        })
    }

    /// One or more unary clauses, up to `)`, `OR` or the end.
    fn and(&mut self, depth: usize) -> Result<Option<Query>> {
        let mut clauses = Vec::new();
        while let Some(l) = self.peek() {
            match l.kind {
                Lex::Close | Lex::Or => break,
                Lex::And => self.at += 1,
                _ => clauses.extend(self.unary(depth)?),
            }
        }
        Ok(match clauses.len() {
            0 => None,
            1 => clauses.pop(),
            _ => Some(Query::And(flatten_and(clauses))),
        })
    }

    fn unary(&mut self, depth: usize) -> Result<Option<Query>> {
        let Some(l) = self.peek().cloned() else {
            return Ok(None);
        };
        if depth > MAX_DEPTH {
            return Err(self.err(
                l.column,
                format!("nested too deeply (at most {MAX_DEPTH} levels)"),
            ));
        }
        match l.kind {
            Lex::Minus | Lex::Not => {
                self.at += 1;
                if self
                    .peek()
                    .is_none_or(|n| matches!(n.kind, Lex::Close | Lex::Or | Lex::And))
                {
                    return Err(self.err(
                        l.column,
                        "nothing to exclude: put a term right after `-` or `NOT`",
                    ));
                }
                Ok(self.unary(depth + 1)?.map(|q| Query::Not(Box::new(q))))
            }
            Lex::Open => {
                self.at += 1;
                let inner = self.or(depth + 1)?;
                match self.peek() {
                    Some(c) if c.kind == Lex::Close => self.at += 1,
                    _ => return Err(self.err(l.column, "unclosed `(`: add a `)`")),
                }
                if inner.is_none() {
                    return Err(self.err(l.column, "empty parentheses"));
                }
                Ok(inner)
            }
            Lex::Phrase(text) => {
                self.at += 1;
                if text.trim().is_empty() {
                    return Err(self.err(l.column, "empty phrase"));
                }
                Ok(searchable(&text).map(Query::Phrase))
            }
            Lex::Word(word) => {
                self.at += 1;
                self.word(&word, l.column)
            }
            Lex::Close | Lex::Or | Lex::And => Ok(None),
        }
    }

    /// A plain word or a `field:value` filter (the value may be a following phrase).
    fn word(&mut self, word: &str, column: usize) -> Result<Option<Query>> {
        // Fields are told on the normalized word, as terms are: an invisible character or a
        // full-width colon makes no difference.
        let folded = normalize(word).text;
        let Some((name, value)) = folded.split_once(':') else {
            return Ok(searchable(word).map(Query::Term));
        };
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphabetic()) {
            return Ok(searchable(word).map(Query::Term));
        }
        // The value as typed, before normalizing removed its marks: law: checks it for a 》.
        let mut raw = word
            .split_once([':', '：'])
            .map_or("", |(_, v)| v)
            .to_owned();
        let value = if value.is_empty() {
            match self.peek().map(|l| l.kind.clone()) {
                Some(Lex::Phrase(p)) => {
                    self.at += 1;
                    raw.clone_from(&p);
                    p
                }
                _ => {
                    return Err(self.err(
                        column,
                        format!(
                            "`{name}:` needs a value, for example {name}:{}",
                            example(name)
                        ),
                    ))
                }
            }
        } else {
            value.to_owned()
        };
        self.filter(name, &value, &raw, column)
            .map(|f| Some(Query::Filter(f)))
    }

    fn filter(&self, name: &str, value: &str, raw: &str, column: usize) -> Result<Filter> {
        match name.to_ascii_lowercase().as_str() {
            "title" => searchable(value).map(Filter::Title).ok_or_else(|| {
                self.err(column, "title: needs letters, digits or Chinese characters")
            }),
            "year" => year_range(value).ok_or_else(|| {
                self.err(
                    column,
                    format!(
                        "year:{value} is not a year such as 2024 or a range such as 2022..2024"
                    ),
                )
            }),
            "issuer" | "region" | "type" | "doc" => {
                let text = field_value(value);
                if !text.chars().any(char::is_alphanumeric) {
                    return Err(self.err(
                        column,
                        format!(
                            "{name}: needs a value, for example {name}:{}",
                            example(name)
                        ),
                    ));
                }
                Ok(match name.to_ascii_lowercase().as_str() {
                    "issuer" => Filter::Issuer(text),
                    "region" => Filter::Region(text),
                    "type" => Filter::Type(text),
                    _ => Filter::DocNumber(text),
                })
            }
            "law" => {
                // Marks are trimmed again after canonicalizing, which turns <民法典> into
                // 《民法典》: the title printed back between marks must parse to itself.
                let title = law_title(value);
                if title.is_empty() {
                    return Err(self.err(column, "law: needs a title, for example law:民法典"));
                }
                if title.contains('》') || law_title(raw).contains('》') {
                    // law:民法典》year:2024 — a space forgotten after the title.
                    return Err(self.err(
                        column,
                        "law: a title cannot hold 》; put a space after the title",
                    ));
                }
                Ok(Filter::Law(title))
            }
            "action" => Action::from_name(value).map(Filter::Action).ok_or_else(|| {
                let names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
                let names = names.join(", ");
                self.err(
                    column,
                    format!("action:{value} is not one of {names} (or 宣传, 学习, 落实, 制定 …)"),
                )
            }),
            "kind" => parse_kind(value).map(Filter::Kind).ok_or_else(|| {
                let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
                self.err(
                    column,
                    format!("kind:{value} is not one of {}", names.join(", ")),
                )
            }),
            "state" => match value {
                "planned" | "计划" | "打算" => Ok(Filter::Planned(true)),
                "done" | "完成" | "已完成" => Ok(Filter::Planned(false)),
                _ => Err(self.err(column, format!("state:{value} is not planned or done"))),
            },
            _ => Err(self.err(
                column,
                format!("unknown field `{name}`; fields are {}", FIELDS.join(", ")),
            )),
        }
    }
}

/// `clauses` with their own `And` groups opened up: `(a b) c` is `a b c`, so the citation filters
/// of the whole group hold for one citation.
fn flatten_and(clauses: Vec<Query>) -> Vec<Query> {
    flatten(clauses, |q| match q {
        Query::And(inner) => Ok(inner),
        other => Err(other),
    })
}

/// `branches` with their own `Or` groups opened up: `(a OR b) OR c` is `a OR b OR c`.
fn flatten_or(branches: Vec<Query>) -> Vec<Query> {
    flatten(branches, |q| match q {
        Query::Or(inner) => Ok(inner),
        other => Err(other),
    })
}

/// `queries` with each group that `open` opens (`Ok` of its members) spliced in its place.
fn flatten(queries: Vec<Query>, open: fn(Query) -> Result<Vec<Query>, Query>) -> Vec<Query> {
    let mut out = Vec::with_capacity(queries.len());
    for q in queries {
        match open(q) {
            Ok(inner) => out.extend(inner),
            Err(other) => out.push(other),
        }
    }
    out
}

fn example(field: &str) -> &'static str {
    match field {
        "year" => "2024",
        "law" => "民法典",
        "action" => "publicize",
        "kind" => "local_regulation",
        "state" => "planned",
        "issuer" => "县科技局",
        "region" => "高台县",
        "type" => "工作总结",
        "doc" => "高科发〔2023〕12号",
        _ => "管理办法",
    }
}

/// A kind of title by its English name (`local_regulation`) or its Chinese level (法律, 行政法规,
/// 地方性法规 …), as `kind:` takes it in a query and the command line's `--kind`.
///
/// ```
/// use zhengce_core::cite::Kind;
/// use zhengce_core::search::parse_kind;
///
/// assert_eq!(parse_kind("地方性法规"), Some(Kind::LocalRegulation));
/// assert_eq!(parse_kind("law"), Some(Kind::Law));
/// assert_eq!(parse_kind("poem"), None);
/// ```
pub fn parse_kind(value: &str) -> Option<Kind> {
    Kind::from_name(value).or(match value {
        "法律" | "宪法" => Some(Kind::Law),
        "行政法规" => Some(Kind::AdministrativeRegulation),
        "地方性法规" | "地方政府规章" | "地方法规" => Some(Kind::LocalRegulation),
        "党内法规" => Some(Kind::PartyRegulation),
        "司法解释" => Some(Kind::JudicialInterpretation),
        "部门规章" => Some(Kind::DepartmentalRule),
        "规范性文件" => Some(Kind::NormativeDocument),
        "计划" | "规划" | "方案" => Some(Kind::Plan),
        "汇编" => Some(Kind::Compilation),
        "出版物" | "报刊" | "书籍" => Some(Kind::Publication),
        "其他" => Some(Kind::Other),
        _ => None,
    })
}

/// The normalized text, or `None` when it has nothing to search (punctuation only).
fn searchable(text: &str) -> Option<String> {
    let n = normalize(text).text;
    n.chars().any(char::is_alphanumeric).then_some(n)
}

/// `2024`, `2022..2024`, `2022..` or `..2024`, as an inclusive range of years, as `year:` takes it
/// in a query and the command line's `--year`.
///
/// ```
/// use zhengce_core::search::parse_years;
///
/// assert_eq!(parse_years("2024"), Some((2024, 2024)));
/// assert_eq!(parse_years("2022..2024"), Some((2022, 2024)));
/// assert_eq!(parse_years("..2020"), Some((0, 2020)));
/// assert_eq!(parse_years("2024..2022"), None);
/// ```
pub fn parse_years(value: &str) -> Option<(u16, u16)> {
    match year_range(value)? {
        Filter::Year(from, to) => Some((from, to)),
        _ => None,
    }
}

/// `2024`, `2022..2024`, `2022..` or `..2024`, as an inclusive range.
fn year_range(value: &str) -> Option<Filter> {
    let year = |s: &str| s.parse::<u16>().ok().filter(|y| (1000..=9999).contains(y));
    let (from, to) = match value.split_once("..") {
        Some((a, b)) => (
            if a.is_empty() { Some(0) } else { year(a) }?,
            if b.is_empty() {
                Some(u16::MAX)
            } else {
                year(b)
            }?,
        ),
        None => (year(value)?, year(value)?),
    };
    (from <= to).then_some(Filter::Year(from, to))
}

/// Every `OR` branch and the whole query need a clause that is not excluded.
fn check_positive(input: &str, query: &Query) -> Result<()> {
    if !has_positive(query) {
        return Err(error(
            input,
            0,
            "a query needs at least one term that is not excluded".into(),
        ));
    }
    Ok(())
}

fn has_positive(q: &Query) -> bool {
    match q {
        Query::Term(_) | Query::Phrase(_) | Query::Filter(_) => true,
        Query::Not(_) => false,
        Query::And(qs) => qs.iter().any(has_positive),
        Query::Or(qs) => qs.iter().all(has_positive),
    }
}

fn error(input: &str, column: usize, message: String) -> Error {
    let caret: String = input
        .chars()
        .take(column)
        .map(|c| if c.is_ascii() { ' ' } else { '\u{3000}' })
        .collect();
    Error::Query {
        message,
        column: column + 1,
        query: input.to_owned(),
        caret: format!("{caret}^"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Query {
        Query::Term(s.into())
    }

    #[test]
    fn parses_the_query_language() {
        let cases: Vec<(&str, Query)> = vec![
            ("科技 特派员", Query::And(vec![t("科技"), t("特派员")])),
            ("\"法治政府建设\"", Query::Phrase("法治政府建设".into())),
            ("“法治政府建设”", Query::Phrase("法治政府建设".into())),
            ("「管理办法」", Query::Phrase("管理办法".into())),
            ("《民法典》", Query::Phrase("民法典".into())),
            ("宪法 OR 民法典", Query::Or(vec![t("宪法"), t("民法典")])),
            ("宪法 ｜ 民法典", Query::Or(vec![t("宪法"), t("民法典")])),
            (
                "宣传 -草案",
                Query::And(vec![t("宣传"), Query::Not(Box::new(t("草案")))]),
            ),
            (
                "宣传 NOT 草案",
                Query::And(vec![t("宣传"), Query::Not(Box::new(t("草案")))]),
            ),
            (
                "（宪法 OR 民法典） 宣传",
                Query::And(vec![Query::Or(vec![t("宪法"), t("民法典")]), t("宣传")]),
            ),
            (
                "title:管理办法",
                Query::Filter(Filter::Title("管理办法".into())),
            ),
            (
                "title:\"管理 办法\"",
                Query::Filter(Filter::Title("管理办法".into())),
            ),
            ("year:2024", Query::Filter(Filter::Year(2024, 2024))),
            ("year：2022..2024", Query::Filter(Filter::Year(2022, 2024))),
            ("year:..2020", Query::Filter(Filter::Year(0, 2020))),
            ("個人信息保護法", t("个人信息保护法")),
            ("ＡＢＣ", t("abc")),
            ("科学-技术", t("科学-技术")),
            ("宪法 ，", t("宪法")),
            ("law:民法典", Query::Filter(Filter::Law("民法典".into()))),
            (
                "law:《高台县科技计划项目管理办法(试行)》",
                Query::Filter(Filter::Law("高台县科技计划项目管理办法".into())),
            ),
            (
                "action:宣传",
                Query::Filter(Filter::Action(Action::Publicize)),
            ),
            (
                "kind:地方性法规",
                Query::Filter(Filter::Kind(Kind::LocalRegulation)),
            ),
            ("state:planned", Query::Filter(Filter::Planned(true))),
            (
                "issuer:科技局",
                Query::Filter(Filter::Issuer("科技局".into())),
            ),
            ("region:高台", Query::Filter(Filter::Region("高台".into()))),
            ("type:通知", Query::Filter(Filter::Type("通知".into()))),
            (
                "doc:高科发〔2023〕12号",
                Query::Filter(Filter::DocNumber("高科发〔2023〕12号".into())),
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(parse(input).unwrap(), expected, "parse({input:?})");
        }
    }

    #[test]
    fn errors_point_at_the_problem() {
        let cases: &[(&str, usize, &str)] = &[
            ("", 1, "empty query"),
            ("   ", 1, "empty query"),
            ("\"法治政府", 1, "unclosed quote"),
            ("宪法 (民法典", 4, "unclosed `(`"),
            ("宪法)", 3, "unexpected `)`"),
            ("OR 宪法", 1, "`OR` needs a term before it"),
            ("宪法 OR", 4, "`OR` needs a term after it"),
            ("-宪法", 1, "at least one term that is not excluded"),
            ("宪法 OR -草案", 1, "at least one term that is not excluded"),
            ("foo:bar", 1, "unknown field `foo`"),
            ("宪法 year:20x4", 4, "is not a year"),
            ("year:2024..2022", 1, "is not a year"),
            ("title:", 1, "needs a value"),
            ("()", 1, "empty parentheses"),
            ("，。", 1, "nothing to search"),
            ("宪法 -", 4, "nothing to exclude"),
            ("action:sing", 1, "is not one of publicize"),
            ("kind:poem", 1, "is not one of law"),
            ("state:soon", 1, "is not planned or done"),
        ];
        for (input, column, message) in cases {
            match parse(input) {
                Err(Error::Query {
                    column: c,
                    message: m,
                    ..
                }) => {
                    assert_eq!(c, *column, "column for {input:?}: {m}");
                    assert!(m.contains(message), "message for {input:?}: {m}");
                }
                other => panic!("{input:?} should fail, got {other:?}"),
            }
        }
    }

    #[test]
    fn queries_print_back_to_themselves() {
        // Regressions found by the property test and by fuzzing: a field behind an invisible
        // character (told after normalizing, as terms are), a group nested in a group, control
        // characters inside a word.
        assert!(parse("“法“\u{feff}OR:").is_err());
        let inputs = [
            "“法“（（一）Ａ）",
            "t\u{3}\0\0itle",
            "宣传 (宪法 OR (民法典 OR 草案)) -year:2020",
            "title:「管理\"办法」 law:民法典 state:done",
            "law:<民法典> law:<<宪法",
            "law:<<中华人民共和国中华人民共和国",
            "doc:《\0《高政发〕》 issuer:科",
            "宣传 year:.. year:2020.. year:..2024",
            "title:「a\"『「b」", // not in “…”, which " closes
            "法 \u{200b}--:u",
            "法 O\u{200b}R 宪法",
        ];
        assert!(parse("law:<").is_err(), "a title of marks only");
        // 》 inside a title: typed, or made by canonicalizing > (found by fuzzing).
        for input in ["law:㉊民法典》issuer:[[", "law:《a>\"「」』》"] {
            let err = parse(input).unwrap_err().to_string();
            assert!(err.contains("cannot hold 》"), "{input}: {err}");
        }
        for input in inputs {
            let query = parse(input).unwrap();
            let printed = query.to_string();
            assert_eq!(
                parse(&printed).unwrap(),
                query,
                "{input:?} printed as {printed:?}"
            );
        }
        assert_eq!(
            parse("t\u{3}itle").unwrap(),
            Query::And(vec![t("t"), t("itle")])
        );
        assert_eq!(
            parse("(宪法 民法典) 宣传").unwrap(),
            Query::And(vec![t("宪法"), t("民法典"), t("宣传")])
        );
    }

    #[test]
    fn limits_bound_the_work() {
        assert!(parse(&"法".repeat(MAX_QUERY_CHARS + 1)).is_err());
        assert!(parse(&vec!["法"; MAX_CLAUSES + 1].join(" ")).is_err());
        // Printed back, a query is nested no deeper than typed (found by fuzzing).
        for n in 0..=MAX_DEPTH + 2 {
            let input = format!("x {}c OR y", "-".repeat(n));
            if let Ok(query) = parse(&input) {
                assert_eq!(parse(&query.to_string()).unwrap(), query, "{input}");
            }
        }
        // Printed back, doc:Ë is doc:"Ë" — still one term each (found by fuzzing).
        let fields = parse(&vec!["doc:Ë"; MAX_CLAUSES].join(" ")).unwrap();
        assert_eq!(parse(&fields.to_string()).unwrap(), fields);
        let deep = format!(
            "{}法{}",
            "(".repeat(MAX_DEPTH + 2),
            ")".repeat(MAX_DEPTH + 2)
        );
        assert!(parse(&deep).is_err());
        let ok = format!(
            "{}法{}",
            "(".repeat(MAX_DEPTH - 1),
            ")".repeat(MAX_DEPTH - 1)
        );
        assert!(parse(&ok).is_ok());
    }
}
