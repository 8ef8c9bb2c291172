//! Citations (引用): the titles a document cites in 《…》 (and, flagged as inferred, the known
//! titles it names without marks), resolved to full titles, with their kind, region, pin, and what
//! the document did with them — publicize, study, implement, formulate — done or planned.
//! Pure code: no I/O, no index.
//!
//! ```
//! use zhengce_core::cite::{extract, Action};
//!
//! let text = "一、工作进展\n向群众发放《科学技术进步法》等法律法规彩册。\n二、下一步打算\n深入学习宣传贯彻《宪法》。";
//! let cites = extract(text);
//! assert_eq!(cites[0].title, "中华人民共和国科学技术进步法");
//! assert_eq!(cites[0].actions, vec![Action::Publicize]);
//! assert!(!cites[0].planned);
//! assert_eq!(cites[1].title, "中华人民共和国宪法");
//! assert_eq!(cites[1].actions, vec![Action::Publicize, Action::Study, Action::Implement]);
//! assert!(cites[1].planned);
//! ```

mod action;
mod dict;
mod kind;
mod marks;
mod title;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use aho_corasick::{AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::{Deserialize, Serialize};

pub use action::{is_plan_title, is_planning_heading, Action};
pub use dict::{LawDict, LawEntry, Status};
pub use kind::{classify, Kind};
pub use marks::{parse_number, Pin};
pub use title::{canonicalize, Canonical, PRC};

use crate::region::leading_region;
use action::Masked;

/// Short titles that name no document by themselves: they resolve only through a definition
/// （以下简称《条例》） or a single earlier candidate.
const GENERIC: &[&str] = &[
    "条例",
    "办法",
    "意见",
    "规定",
    "决定",
    "通知",
    "细则",
    "方案",
    "规划",
    "纲要",
    "计划",
    "要点",
    "若干意见",
    "实施意见",
    "指导意见",
    "实施细则",
    "实施办法",
    "法",
    "准则",
    "规则",
    "章程",
];
/// Version of the extraction rules; part of the fingerprint an index records.
const CITE_RULES_VERSION: u32 = 1;
/// Titles named without marks are looked for only if they end like a rule.
const BARE_ENDINGS: &[&str] = &["法", "法典", "条例"];

/// How a citation's full title was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Resolution {
    /// From the dictionary of law titles (民法典 → 中华人民共和国民法典).
    Dictionary,
    /// From a definition in the document （以下简称《条例》）.
    Definition,
    /// A generic short title matching exactly one earlier title of the document.
    Earlier,
    /// The title as written (canonicalized): no dictionary entry, but a full title.
    AsWritten,
    /// A generic short title that could not be resolved (never guessed).
    Unresolved,
}

/// One cited title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Citation {
    /// The title as written between the marks (or in the text, when inferred).
    pub raw: String,
    /// Byte range in the text: the marks included, or the bare mention.
    pub span: [usize; 2],
    /// The full canonical title (规范标题).
    pub title: String,
    /// Version note such as 试行, 2018年修正, 草案 (版本).
    pub version_note: Option<String>,
    /// Kind of document.
    pub kind: Kind,
    /// Region named by the title (甘肃省, 高台县 …).
    pub region: Option<String>,
    /// The article, paragraph or item cited right after the title (第十二条).
    pub pin: Option<Pin>,
    /// What the document did with it, in the order publicize, study, implement, formulate.
    pub actions: Vec<Action>,
    /// Planned (下一步, 将, 拟, 要 …) rather than done.
    pub planned: bool,
    /// Named without marks: found because the dictionary or the document knows the title.
    pub inferred: bool,
    /// Written inside another title's marks (〈…〉).
    pub nested: bool,
    /// How the full title was found.
    pub resolution: Resolution,
    /// Whether the law is in force, when the dictionary knows it.
    pub status: Option<Status>,
    /// The laws that replaced it, when it was repealed (合同法 → 民法典).
    pub successors: Vec<String>,
}

/// Options that the caller knows better than the text.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// The document is a plan as a whole (计划, 要点, 方案): everything in it is planned. `None`
    /// decides from the document's opening lines.
    pub plan_document: Option<bool>,
}

/// Finds citations with a dictionary; cheap to clone and share.
#[derive(Debug, Clone)]
pub struct Extractor {
    dict: LawDict,
    bare: Arc<OnceLock<BareNames>>,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new(LawDict::builtin())
    }
}

/// Every citation of `text`, with the built-in dictionary.
pub fn extract(text: &str) -> Vec<Citation> {
    static BUILTIN: OnceLock<Extractor> = OnceLock::new();
    BUILTIN
        .get_or_init(Extractor::default)
        .extract(text, &Context::default())
}

impl Extractor {
    /// An extractor resolving titles with `dict`.
    pub fn new(dict: LawDict) -> Extractor {
        Extractor {
            dict,
            bare: Arc::new(OnceLock::new()),
        }
    }

    /// The dictionary.
    pub fn dict(&self) -> &LawDict {
        &self.dict
    }

    /// Identifies the extraction rules and the dictionary: an index records it.
    pub fn fingerprint(&self) -> String {
        format!("c{CITE_RULES_VERSION}-{:016x}", self.dict.fingerprint())
    }

    /// Every citation of `text` in order: each 《…》, the titles nested in it right after it,
    /// then (flagged `inferred`) known titles named without marks.
    pub fn extract(&self, text: &str, context: &Context) -> Vec<Citation> {
        let marks = marks::scan(text);
        let spans: Vec<Range<usize>> = marks.iter().map(|m| m.span.clone()).collect();
        let masked = Masked::new(text, &spans);
        let sections = planning_sections(text);
        let plan_document = context.plan_document.unwrap_or_else(|| opens_as_plan(text));
        // A notice issuing a plan (关于印发《…工作要点》的通知) has issued it: that is done.
        let issued = issued_plan(text);
        let planned_at = |at: usize, char_at: usize, title: &str| {
            (plan_document && issued.as_deref() != Some(title))
                || sections.iter().any(|r| r.contains(&at))
                || masked.future(char_at)
        };
        let mut doc = DocState::default();
        let mut out = Vec::new();
        for mark in &marks {
            let chars = masked.index(mark.span.start)..masked.index(mark.span.end);
            let mut c = self.citation(text, mark.inner.clone(), &doc);
            c.span = [mark.span.start, mark.span.end];
            let pin = marks::pin_after(text, mark.span.end);
            let after = pin.as_ref().map_or(mark.span.end, |(_, end)| *end);
            c.pin = pin.map(|(p, _)| p);
            if let Some(&defined) = doc.defined_by_span.get(&mark.inner.start) {
                let target: &Citation = &out[defined];
                c.actions = target.actions.clone();
                c.planned = target.planned;
            } else {
                c.actions = masked.actions(chars.clone());
                c.planned = planned_at(mark.span.start, chars.start, &c.title);
            }
            if let Some((short, range)) = marks::definition_after(text, after) {
                let full = (c.title.clone(), c.version_note.clone());
                doc.definitions.insert(canonicalize(&short).title, full);
                doc.defined_by_span.insert(range.start, out.len());
            }
            if c.resolution != Resolution::Unresolved && !GENERIC.contains(&c.title.as_str()) {
                doc.titles.push(c.title.clone());
            }
            let nested: Vec<Citation> = mark
                .nested
                .iter()
                .map(|r| {
                    let mut inner = self.citation(text, r.clone(), &DocState::default());
                    inner.span = [r.start, r.end];
                    inner.nested = true;
                    inner.actions = c.actions.clone();
                    inner.planned = c.planned;
                    inner
                })
                .collect();
            out.push(c);
            out.extend(nested);
        }
        let mut bare = self.bare_mentions(text, &spans, &out, &masked, &planned_at);
        out.append(&mut bare);
        out
    }

    /// The citation of the title written at `inner`, resolved; actions and span are set later.
    fn citation(&self, text: &str, inner: Range<usize>, doc: &DocState) -> Citation {
        let raw = &text[inner];
        let canon = canonicalize(raw);
        let mut c = Citation {
            raw: raw.to_owned(),
            span: [0, 0],
            title: canon.title.clone(),
            version_note: canon.version_note,
            kind: Kind::Other,
            region: None,
            pin: None,
            actions: Vec::new(),
            planned: false,
            inferred: false,
            nested: false,
            resolution: Resolution::AsWritten,
            status: None,
            successors: Vec::new(),
        };
        if let Some((title, note)) = doc.definitions.get(&canon.title) {
            c.title = title.clone();
            c.version_note = c.version_note.or_else(|| note.clone());
            c.resolution = Resolution::Definition;
        } else if let Some(r) = self.dict.resolve(&canon.title) {
            self.fill_from_dict(&mut c, r);
            return c;
        } else if GENERIC.contains(&canon.title.as_str()) {
            let fits: Vec<&String> = doc
                .titles
                .iter()
                .filter(|t| t.ends_with(&canon.title))
                .collect();
            match fits.as_slice() {
                [one] => {
                    c.title = (*one).clone();
                    c.resolution = Resolution::Earlier;
                }
                _ if fits.iter().all(|t| *t == fits[0]) && !fits.is_empty() => {
                    c.title = fits[0].clone();
                    c.resolution = Resolution::Earlier;
                }
                _ => c.resolution = Resolution::Unresolved,
            }
        }
        match self.dict.resolve(&c.title) {
            Some(r) if c.resolution != Resolution::Unresolved => self.fill_from_dict(&mut c, r),
            _ => {
                c.kind = classify(&c.title);
                c.region = leading_region(&c.title);
            }
        }
        c
    }

    fn fill_from_dict(&self, c: &mut Citation, r: LawEntry) {
        if c.resolution == Resolution::AsWritten {
            c.resolution = Resolution::Dictionary;
        }
        c.region = leading_region(&r.title).or(r.region);
        c.kind = r.kind;
        c.status = Some(r.status);
        c.successors = r.successors;
        c.title = r.title;
    }

    /// Known titles named without marks, outside every 《…》: the dictionary's laws, and the
    /// titles this document cites elsewhere in marks.
    fn bare_mentions(
        &self,
        text: &str,
        spans: &[Range<usize>],
        cited: &[Citation],
        masked: &Masked,
        planned_at: &dyn Fn(usize, usize, &str) -> bool,
    ) -> Vec<Citation> {
        let names = self.bare.get_or_init(|| BareNames::new(&self.dict));
        let mut found = names.find(text);
        found.extend(own_titles(text, cited));
        found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut out: Vec<Citation> = Vec::new();
        let mut last_end = 0;
        for (start, end, title) in found {
            let overlaps_mark = spans.iter().any(|s| s.start < end && start < s.end);
            if overlaps_mark || start < last_end {
                continue;
            }
            last_end = end;
            let mut c = self.citation(text, start..end, &DocState::default());
            if c.resolution == Resolution::AsWritten {
                c.title = title;
            }
            c.span = [start, end];
            c.inferred = true;
            let chars = masked.index(start)..masked.index(end);
            c.actions = masked.actions(chars.clone());
            c.planned = planned_at(start, chars.start, &c.title);
            out.push(c);
        }
        out
    }
}

/// Where the titles that `cited` holds in marks also stand without them, as (start, end, title).
fn own_titles(text: &str, cited: &[Citation]) -> Vec<(usize, usize, String)> {
    let mut names: Vec<(&str, &str)> = Vec::new();
    // Names ending like a law are found by `BareNames`; here the document's other titles.
    let own = |c: &&Citation| {
        c.resolution != Resolution::Unresolved
            && !(c.resolution == Resolution::Dictionary
                && BARE_ENDINGS.iter().any(|e| c.title.ends_with(e)))
    };
    for c in cited.iter().filter(own) {
        for name in [c.raw.as_str(), c.title.as_str()] {
            if name.chars().count() >= 6 && !name.contains('\n') {
                names.push((name, c.title.as_str()));
            }
        }
    }
    names.sort();
    names.dedup_by(|a, b| a.0 == b.0);
    if names.is_empty() {
        return Vec::new();
    }
    let Ok(matcher) = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(names.iter().map(|(n, _)| n))
    else {
        return Vec::new();
    };
    matcher
        .find_iter(text)
        .map(|m| {
            (
                m.start(),
                m.end(),
                names[m.pattern().as_usize()].1.to_owned(),
            )
        })
        .collect()
}

/// What the document has defined and cited so far.
#[derive(Debug, Default)]
struct DocState {
    /// Canonical short form → the full title and version note it stands for.
    definitions: HashMap<String, (String, Option<String>)>,
    /// Byte offset of a definition's short title → index of the citation it stands for.
    defined_by_span: HashMap<usize, usize>,
    /// Full titles cited so far, in order.
    titles: Vec<String>,
}

/// The dictionary's names that may stand in a text without marks, as an fst of the names written
/// backwards: a scan stops only at 法, 典 and 例 (found with memchr) and walks back from there.
#[derive(Debug)]
struct BareNames {
    reversed: fst::Map<Vec<u8>>,
    /// The full title for each name (the fst's value is the index).
    titles: Vec<String>,
}

impl BareNames {
    fn new(dict: &LawDict) -> BareNames {
        let mut pairs: Vec<(String, String)> = dict
            .names()
            .into_iter()
            .filter(|(name, _)| name.chars().count() >= 2 && !GENERIC.contains(&name.as_str()))
            .filter(|(name, _)| BARE_ENDINGS.iter().any(|e| name.ends_with(e)))
            .map(|(n, t)| (n.chars().rev().collect(), t))
            .collect();
        pairs.sort();
        pairs.dedup_by(|a, b| a.0 == b.0);
        let entries = pairs
            .iter()
            .enumerate()
            .map(|(i, (name, _))| (name.as_str(), i as u64));
        let reversed = fst::Map::from_iter(entries).unwrap_or_default();
        BareNames {
            reversed,
            titles: pairs.into_iter().map(|(_, t)| t).collect(),
        }
    }

    /// `(start, end, title)` of the longest name ending at each 法, 典 or 例 of `text`.
    fn find(&self, text: &str) -> Vec<(usize, usize, String)> {
        let mut ends: Vec<usize> = ["法", "典", "例"]
            .iter()
            .flat_map(|last| {
                memchr::memmem::find_iter(text.as_bytes(), last.as_bytes()).map(|i| i + 3)
            })
            .collect();
        ends.sort_unstable();
        ends.into_iter()
            .filter_map(|end| self.longest_ending_at(text, end))
            .collect()
    }

    fn longest_ending_at(&self, text: &str, end: usize) -> Option<(usize, usize, String)> {
        let fst = self.reversed.as_fst();
        let mut node = fst.root();
        let mut output = fst::raw::Output::zero();
        let mut best = None;
        let mut at = end;
        'chars: for c in text[..end].chars().rev() {
            let mut buf = [0u8; 4];
            for &byte in c.encode_utf8(&mut buf).as_bytes() {
                let Some(i) = node.find_input(byte) else {
                    break 'chars;
                };
                let t = node.transition(i);
                output = output.cat(t.out);
                node = fst.node(t.addr);
            }
            at -= c.len_utf8();
            if node.is_final() {
                let index = output.cat(node.final_output()).value() as usize;
                best = Some((at, end, self.titles.get(index)?.clone()));
            }
        }
        best
    }
}

/// Byte ranges of the sections whose heading is about the future (下一步打算 …), each up to the
/// next heading of the same or a higher level.
fn planning_sections(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(usize, u8)> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        let bare_heading = trimmed.chars().count() <= 20
            && !trimmed.contains(['。', '，', ','])
            && is_planning_heading(trimmed);
        if let Some(level) = heading_level(trimmed).or(bare_heading.then_some(1)) {
            if let Some((start, l)) = open {
                if level <= l {
                    out.push(start..at);
                    open = None;
                }
            }
            if open.is_none() && is_planning_heading(heading_text(line.trim())) {
                open = Some((at, level));
            }
        }
        at += line.len();
    }
    if let Some((start, _)) = open {
        out.push(start..text.len());
    }
    out
}

/// The level of a heading line: 一、 (1), （一） (2), 1. (3), Markdown `#` by count.
fn heading_level(line: &str) -> Option<u8> {
    let numerals = |s: &str| {
        let n = s
            .chars()
            .take_while(|c| "一二三四五六七八九十".contains(*c))
            .count();
        (n > 0).then_some(n)
    };
    if let Some(rest) = line.strip_prefix('#') {
        return Some(1 + rest.chars().take_while(|&c| c == '#').count() as u8);
    }
    if let Some(n) = numerals(line) {
        return line.chars().nth(n).filter(|&c| c == '、').map(|_| 1);
    }
    if let Some(rest) = line.strip_prefix(['（', '(']) {
        let n = numerals(rest)?;
        return rest
            .chars()
            .nth(n)
            .filter(|&c| c == '）' || c == ')')
            .map(|_| 2);
    }
    if let Some(rest) = line.strip_prefix('第') {
        let n = numerals(rest)?;
        return rest
            .chars()
            .nth(n)
            .filter(|&c| c == '部' || c == '章')
            .map(|_| 1);
    }
    None
}

/// The heading part of a heading line that goes on with text (（三）开展宣传，…。…).
fn heading_text(line: &str) -> &str {
    line.split(['。', '：', ':']).next().unwrap_or(line)
}

/// The plan a title line issues: 关于印发《2025年法治政府建设工作要点》的通知.
fn issues_plan(line: &str) -> Option<String> {
    if !line.ends_with("通知") {
        return None;
    }
    let rest = line.split_once("印发《")?.1;
    let title = canonicalize(rest.split_once('》')?.0).title;
    is_plan_title(&title).then_some(title)
}

/// The plan that one of the opening lines issues, if any.
fn issued_plan(text: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(6)
        .find_map(issues_plan)
}

/// Whether one of the opening lines (not a heading) is the title of a plan (计划, 要点, 方案 …).
fn opens_as_plan(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(6)
        .filter(|l| l.chars().count() <= 80 && !l.ends_with('。') && heading_level(l).is_none())
        .filter(|l| !is_planning_heading(l))
        .any(|l| is_plan_title(l.trim_start_matches('#').trim()) || issues_plan(l).is_some())
}
