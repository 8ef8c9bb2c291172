//! Citations (引用): the titles a document cites in 《…》 (and, flagged as inferred, the known
//! titles it names without marks), resolved to full titles, with their kind, region, pin, and what
//! the document did with them — publicize, study, implement, formulate, or cite as its basis —
//! done or planned.
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
mod govern;
mod kind;
mod layout;
mod lexicon;
mod marks;
mod mood;
mod text;
mod title;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use aho_corasick::{AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::{Deserialize, Serialize};

pub use action::{is_plan_title, Action};
pub use dict::{LawDict, LawEntry, Status};
pub use govern::Source;
pub use kind::{classify, Kind};
pub use marks::{parse_number, Pin};
pub use mood::{is_planning_heading, Mood, MoodSource};
pub use title::{canonicalize, Canonical, PRC};

use crate::region::leading_region;
use govern::{Doc, Governor};
use mood::Genre;
use text::Text;

/// Short titles that name no document by themselves: they resolve only through a definition
/// （以下简称《条例》） or a single earlier candidate.
const GENERIC: &[&str] = &[
    "村规民约",
    "居民公约",
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
const CITE_RULES_VERSION: u32 = 3;
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
    /// A typo of a dictionary title, corrected: characters left out (国家语言文字法 →
    /// 中华人民共和国国家通用语言文字法), with no other title fitting.
    Corrected,
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
    /// What the document did with it, in the order publicize, study, implement, formulate, cite.
    pub actions: Vec<Action>,
    /// Planned (下一步, 将, 拟, 要 …) rather than done.
    pub planned: bool,
    /// Why: the word that governs the title and where it stood, and what made it done or
    /// planned.
    #[serde(default)]
    pub evidence: Evidence,
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

/// Why a citation has its actions and its state (依据).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Evidence {
    /// The word that governs the title (学习, 宣传贯彻, 根据), if one does.
    pub word: Option<String>,
    /// Where that word stood: the title's clause, its sentence, the lead-in of its list, its
    /// table's column, a heading above it, the document's genre, or the title it refers to.
    pub source: Source,
    /// Byte offset of the word in the text, when it stands in the text.
    pub at: Option<usize>,
    /// Done or planned, and why.
    pub mood: Mood,
}

impl Default for Evidence {
    fn default() -> Evidence {
        Evidence {
            word: None,
            source: Source::None,
            at: None,
            mood: Mood {
                planned: false,
                source: MoodSource::Default,
                word: String::new(),
            },
        }
    }
}

/// What the caller knows better than the text: the document's metadata.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Context {
    /// The document is a plan as a whole (计划, 要点, 方案): everything in it is planned unless
    /// a sentence says it was done. `None` decides from the title.
    pub plan_document: Option<bool>,
    /// The document's title (标题): its ending tells the genre (通知, 方案 look forward; 总结,
    /// 报告 look back). `None` looks for it among the opening lines.
    pub title: Option<String>,
    /// The document's issuer (发文机关): a subject naming it is the author (县司法局制定了《…》).
    pub issuer: Option<String>,
    /// The document's year: a heading naming a later year (2025年重点工作) is planned.
    pub year: Option<u16>,
}

impl Context {
    /// The context of a document with this title, issuer and year.
    pub fn of_document(title: &str, issuer: Option<&str>, year: Option<u16>) -> Context {
        Context {
            plan_document: None,
            title: (!title.is_empty()).then(|| title.to_owned()),
            issuer: issuer.map(str::to_owned),
            year,
        }
    }
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
        let reading = Reading::new(text, &spans, context);
        let mut doc = DocState::default();
        let mut out = Vec::new();
        for (t, mark) in marks.iter().enumerate() {
            let mut c = self.citation(text, mark.inner.clone(), &doc);
            c.span = [mark.span.start, mark.span.end];
            if names_a_programme(text, mark.span.end) && c.resolution != Resolution::Dictionary {
                // 《善城法治》栏目, 《秀山新闻》节目: a programme, whatever its name says.
                c.kind = Kind::Other;
            }
            let pin = marks::pin_after(text, mark.span.end);
            let after = pin.as_ref().map_or(mark.span.end, |(_, end)| *end);
            c.pin = pin.map(|(p, _)| p);
            if let Some(&defined) = doc.defined_by_span.get(&mark.inner.start) {
                let target: &Citation = &out[defined];
                refer_to(&mut c, target);
            } else {
                let chars = reading.chars(mark.span.clone());
                reading.attribute(&mut c, chars, reading.doc().govern(t));
            }
            if let Some((short, range)) = marks::definition_after(text, after) {
                let full = (c.title.clone(), c.version_note.clone());
                let short = crate::segment::to_simplified(&short);
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
                    refer_to(&mut inner, &c);
                    inner
                })
                .collect();
            out.push(c);
            out.extend(nested);
        }
        let mut bare = self.bare_mentions(text, &spans, &out, &reading);
        out.append(&mut bare);
        out
    }

    /// The citation of the title written at `inner`, resolved; actions and span are set later.
    fn citation(&self, text: &str, inner: Range<usize>, doc: &DocState) -> Citation {
        let raw = &text[inner];
        // Titles are compared in simplified characters: 《中華人民共和國民法典》 is the 民法典.
        let canon = canonicalize(&crate::segment::to_simplified(raw));
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
            evidence: Evidence::default(),
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
        } else if let Some(r) = self.dict.resolve_typo(&canon.title) {
            c.resolution = Resolution::Corrected;
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
        reading: &Reading,
    ) -> Vec<Citation> {
        let names = self.bare.get_or_init(|| BareNames::new(&self.dict));
        // Laws, and the document's own titles, each without overlaps; a law may stand inside
        // one of the document's titles (2025年醴陵市“民法典宣传月”工作安排 names 民法典).
        let keep = |mut found: Vec<(usize, usize, String)>, law: bool| {
            found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            let mut last_end = 0;
            found.retain(|(start, end, _)| {
                let overlaps_mark = spans.iter().any(|s| s.start < *end && *start < s.end);
                let ok =
                    !overlaps_mark && *start >= last_end && !(law && inside_a_word(text, *end));
                if ok {
                    last_end = *end;
                }
                ok
            });
            found
        };
        // Names are found in simplified characters (憲法 is 宪法), at the same offsets.
        let simplified = crate::segment::to_simplified(text);
        let mut found = keep(names.find(&simplified), true);
        found.extend(keep(own_titles(&simplified, cited), false));
        found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut out: Vec<Citation> = Vec::new();
        for (start, end, title) in found {
            let mut c = self.citation(text, start..end, &DocState::default());
            if c.resolution == Resolution::AsWritten {
                c.title = title;
            }
            c.span = [start, end];
            c.inferred = true;
            let chars = reading.chars(start..end);
            let governor = reading.doc().govern_range(chars.start, chars.end);
            reading.attribute(&mut c, chars, governor);
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

/// Whether a law's name ending at byte `end` is the start of a longer word (合同法律, 安全生产法规,
/// 国家安全法治): then it names no law.
fn inside_a_word(text: &str, end: usize) -> bool {
    let mut next = text[end..].chars();
    match next.next() {
        // 宪法学 is a discipline, 宪法学习 is studying the constitution.
        Some('学') => next.next() != Some('习'),
        Some(c) => "律规治制院官务庭人".contains(c),
        None => false,
    }
}

/// Whether the words right after a title make it a programme or a column (栏目, 节目, 专栏).
fn names_a_programme(text: &str, end: usize) -> bool {
    let after: String = text[end..].chars().take(5).collect();
    ["栏目", "节目", "专栏", "频道", "专题节目", "电视节目"]
        .iter()
        .any(|w| after.starts_with(w))
}

/// `c` takes the actions and state of the citation it refers to (a definition's short title, a
/// title nested in another).
fn refer_to(c: &mut Citation, target: &Citation) {
    c.actions = target.actions.clone();
    c.planned = target.planned;
    c.evidence = Evidence {
        source: Source::Reference,
        ..target.evidence.clone()
    };
}

/// `line` without the numbering that opens it (二、, （三）, 4．).
fn without_marker(line: &str) -> &str {
    if let Some(rest) = line.strip_prefix(['（', '(']) {
        if let Some((_, after)) = rest.split_once(['）', ')']) {
            return after;
        }
    }
    let numbered =
        line.trim_start_matches(|c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit());
    match numbered.strip_prefix(['、', '．', '.']) {
        Some(after) if numbered.len() < line.len() => after,
        _ => line,
    }
}

/// The titles a document issues: 现将《…》印发给你们, 关于印发《…》的通知.
fn issued_titles(text: &str, spans: &[Range<usize>]) -> Vec<String> {
    spans
        .iter()
        .filter(|s| {
            let before = &text[..s.start];
            let after = &text[s.end..];
            let near_after: String = after.chars().take(8).collect();
            (before.ends_with("现将") || before.ends_with("关于印发"))
                && (near_after.contains("印发") || near_after.starts_with("的通知"))
        })
        .map(|s| text[s.start + '《'.len_utf8()..s.end - '》'.len_utf8()].to_owned())
        .collect()
}

/// A document read for attribution: its characters, lines, titles, genre and sections.
struct Reading<'a> {
    text: Text,
    lines: Vec<layout::Line>,
    titles: Vec<Range<usize>>,
    genre: Option<(Genre, String)>,
    /// The document's title line (characters), when found among the opening lines.
    title_line: Option<Range<usize>>,
    doc_title: Option<String>,
    sections: Vec<mood::Section>,
    /// Titles the document issues (现将《…》印发给你们, 关于印发《…》的通知).
    issued: Vec<String>,
    context: &'a Context,
}

impl<'a> Reading<'a> {
    fn new(text: &str, spans: &[Range<usize>], context: &'a Context) -> Reading<'a> {
        let chars = Text::new(text, spans);
        let lines = layout::lines(&chars.chars);
        let titles = spans
            .iter()
            .map(|s| chars.index(s.start)..chars.index(s.end))
            .collect();
        let found = mood::title_line(&chars, &lines);
        let title_line = found.as_ref().map(|(r, _)| r.clone());
        let doc_title = context.title.clone().or_else(|| found.map(|(_, t)| t));
        let mut genre = doc_title
            .as_deref()
            .and_then(mood::genre_of_title)
            .map(|(g, w)| (g, w.to_owned()));
        if context.plan_document == Some(true) {
            genre = Some((Genre::Forward, "计划".to_owned()));
        }
        let sections = mood::sections(&chars, &lines, context.year);
        let issued = issued_titles(text, spans);
        Reading {
            text: chars,
            lines,
            titles,
            genre,
            title_line,
            doc_title,
            sections,
            issued,
            context,
        }
    }

    fn doc(&self) -> Doc<'_> {
        Doc {
            text: &self.text,
            lines: &self.lines,
            titles: &self.titles,
            genre: self.genre.as_ref().map(|(g, _)| *g),
            doc_title: self.doc_title.as_deref(),
            issuer: self.context.issuer.as_deref(),
            issued: self.issued.clone(),
        }
    }

    /// The characters of byte range `span`.
    fn chars(&self, span: Range<usize>) -> Range<usize> {
        self.text.index(span.start)..self.text.index(span.end)
    }

    /// Sets the actions, state and evidence of `c`, whose title stands at characters `chars`.
    fn attribute(&self, c: &mut Citation, chars: Range<usize>, g: Governor) {
        let mood = self.mood(chars, &g);
        c.actions = g.actions;
        c.planned = mood.planned;
        c.evidence = Evidence {
            word: g.word,
            source: g.source,
            at: g.at.map(|i| self.text.byte(i)),
            mood,
        };
    }

    /// A year before the document's own that opens the sentence of character `at` (2025年，…
    /// or 2025年宣传月期间，…), in a forward-looking document: a report of what was done. A range
    /// (2021—2025年) or a deadline (2025年底前) is none.
    fn earlier_year(&self, at: usize) -> Option<u16> {
        let own = self.context.year?;
        if !matches!(self.genre, Some((Genre::Forward, _))) {
            return None;
        }
        let text = &self.text;
        let from = text.start_of(at, text::SENTENCE_END);
        let head: String = (from..at).filter_map(|i| text.at(i)).collect();
        let head = without_marker(head.trim_start());
        let year: u16 = head.get(..4)?.parse().ok()?;
        let rest = head[4..].strip_prefix('年')?;
        let rest = rest.strip_prefix('度').unwrap_or(rest);
        // A time of the sentence (2025年，… · 2025年宣传月期间 · 2025年全年), not an attribute
        // of a title (2019年印发的《…》同时废止).
        let during = rest.chars().take(8).collect::<String>().contains("期间");
        let opens = rest.starts_with(['，', ','])
            || during
            || ["全年", "上半年", "下半年", "以来"]
                .iter()
                .any(|w| rest.starts_with(w));
        (opens && (1990..own).contains(&year)).then_some(year)
    }

    /// Done or planned: the title line's own act, then the sentence, the section, the genre.
    fn mood(&self, chars: Range<usize>, g: &Governor) -> Mood {
        let word = g.word.clone().unwrap_or_default();
        let on_title_line = self
            .title_line
            .as_ref()
            .is_some_and(|r| r.contains(&chars.start));
        // 关于转发《…》的通知: the title line's act of issuing or forwarding is done.
        let issued = chars.start >= 2
            && ["转发", "印发", "公布"]
                .iter()
                .any(|w| self.text.word_at(chars.start - 2, w));
        if on_title_line && (g.actions.contains(&Action::Formulate) || issued) {
            return Mood {
                planned: false,
                source: MoodSource::Sentence,
                word,
            };
        }
        // The title line names the document; its words (公开征求) are no sentence of the text.
        let sentence = (!on_title_line)
            .then(|| mood::sentence_tense(&self.text, chars.clone(), g.at))
            .flatten();
        let forward = matches!(self.genre, Some((Genre::Forward, _)));
        if g.actions == [Action::Cite] {
            let done_here = sentence.as_ref().is_some_and(|m| !m.planned);
            return Mood {
                planned: forward && !done_here,
                source: if done_here {
                    MoodSource::Sentence
                } else {
                    MoodSource::Basis
                },
                word: self.genre.as_ref().map_or(word, |(_, w)| w.clone()),
            };
        }
        if let Some(m) = sentence {
            return Mood {
                planned: m.planned,
                source: MoodSource::Sentence,
                word: m.word,
            };
        }
        if let Some(year) = self.earlier_year(chars.start) {
            // 2025年宣传月期间，全县共发放《…》 in a 2026 plan: a report of work done.
            return Mood {
                planned: false,
                source: MoodSource::Sentence,
                word: format!("{year}年"),
            };
        }
        if let Some(s) = self
            .sections
            .iter()
            .find(|s| s.range.contains(&chars.start))
        {
            return Mood {
                planned: s.planned,
                source: MoodSource::Section,
                word: s.heading.clone(),
            };
        }
        match &self.genre {
            Some((genre, w)) => Mood {
                planned: *genre == Genre::Forward,
                source: MoodSource::Genre,
                word: w.clone(),
            },
            None => Mood {
                planned: false,
                source: MoodSource::Default,
                word: String::new(),
            },
        }
    }
}
