//! Which word governs a cited title (支配词), and where it stood: the nearest verb of its clause,
//! else the verb after it (推进《A》《B》实施), else the lead-in of its list (重点学习以下法律法规：),
//! the column of its table (学习内容), the heading it stands under (二、宣传重点), and last the
//! document's genre (a 学法计划's list is studied). Runs of titles (《A》、《B》和《C》) share one
//! governor. Names of organisations (宣传部), attributes (新修订的), acts of other bodies
//! (国务院办公厅印发《…》) and places or channels (在《X日报》开设专栏) govern nothing. Pure.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::action::Action;
use super::layout::Line;
use super::lexicon::{
    word_at, Sense, Word, BASIS_ENDINGS, BASIS_VERBS, ORG_ENDINGS, OUTSIDERS, OWN_PEOPLE,
    SELF_MARKS, STAFF, SUBJECT_ADVERBS,
};
use super::mood::Genre;
use super::text::{Text, CLAUSE_END, SENTENCE_END};

/// Where the word governing a title stood.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Source {
    /// In the title's own clause, before or after it (学习《宪法》, 《宪法》宣传周).
    Clause,
    /// Elsewhere in its sentence, or in the next one referring back (上述文件的贯彻落实).
    Sentence,
    /// In the lead-in of its list (重点学习以下法律法规：).
    Lead,
    /// In the header of its table column (学习内容).
    Table,
    /// In a heading it stands under (二、宣传重点).
    Heading,
    /// From the document's genre for a list that says nothing else (a 学法计划's list).
    Genre,
    /// From the title it is defined as (以下简称《条例》), or the title it is nested in.
    Reference,
    /// Nothing governs it.
    None,
}

/// What governs a title: its actions, the word and where it stood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Governor {
    pub actions: Vec<Action>,
    pub word: Option<String>,
    pub source: Source,
    /// Character index of the word.
    pub at: Option<usize>,
}

impl Governor {
    fn none() -> Governor {
        Governor {
            actions: Vec::new(),
            word: None,
            source: Source::None,
            at: None,
        }
    }
}

/// Separators allowed between the verbs of a chain: 学习、宣传和贯彻《…》.
const VERB_JOINERS: &[char] = &['、', '和', '与', '及', '并'];
/// Characters allowed between the titles of one run: 《A》、《B》和《C》等.
const RUN_GLUE: &[char] = &[
    '、', '，', ',', '；', ';', '和', '与', '及', '以', '或', '等', ' ', '\u{3000}', '\t', '\r',
];
/// Prepositions that make a title the place or channel of an action rather than its object.
const PREPOSITIONS: &[&str] = &["在", "依托", "通过", "利用", "借助", "经由", "借力"];
/// Verbs that hand printed matter out: 编印《…》并发放 is publicized too.
const HAND_OUT: &[&str] = &[
    "发放", "分发", "派发", "散发", "赠送", "赠阅", "张贴", "发送", "配发", "送达", "送到", "送进",
    "播出", "播放", "展播", "推送",
];
/// Verbs of making printed matter that mean nothing unless it is handed out.
const PRODUCE: &[&str] = &["印制", "制作", "汇编"];
/// Frames of disposal: 把《X》纳入…学习内容, 将《X》作为…宣传的重点.
const DISPOSAL_FRAMES: &[&str] = &["纳入", "作为", "列为", "列入", "融入", "写入"];
/// Frames 以《X》为指导 that implement.
const FRAMES: &[&str] = &[
    "为指导",
    "为遵循",
    "为准绳",
    "为统领",
    "为根本遵循",
    "为依据",
    "为参照",
    "为标准",
];
/// Verbs that list titles without saying what is done with them (安排, 涵盖): the acting word
/// of an earlier clause governs.
const LISTING_VERBS: &[&str] = &["安排", "涵盖", "包括", "包含", "覆盖", "涉及"];
/// Frames 以《X》为重点 that set a topic: the verb after them governs the title.
const TOPIC_FRAMES: &[&str] = &[
    "为重点内容",
    "为主要内容",
    "为重点",
    "为核心",
    "为主线",
    "为主题",
    "为抓手",
    "为切入点",
];
/// Verbs that end a prepositional phrase before a title: 在全县开展《…》宣传 is no channel.
const LIGHT_VERBS: &[&str] = &[
    "开展", "举办", "组织", "进行", "召开", "设立", "启动", "推出", "推进", "举行", "实施",
];
/// Coverbs that set a topic (围绕《条例》作专题辅导): a main verb after the title governs it instead.
const TOPIC_COVERBS: &[&str] = &["围绕", "紧扣", "紧贴", "聚焦"];
/// Words of training: whom a sentence names is whom it trains.
const TRAINING: &[&str] = &["培训", "轮训", "辅导", "授课", "讲座"];
/// Words that refer back to titles of the previous sentence: 上述文件的贯彻落实.
const BACK_REFERENCES: &[&str] = &["上述", "以上", "前述", "这些", "该"];

/// The document-wide facts attribution needs.
pub struct Doc<'a> {
    pub text: &'a Text,
    pub lines: &'a [Line],
    /// Character ranges of the outer titles, in order.
    pub titles: &'a [Range<usize>],
    /// The document's genre and its title, when known.
    pub genre: Option<Genre>,
    pub doc_title: Option<&'a str>,
    /// The document's issuer (发文机关), when known: a subject naming it is the author.
    pub issuer: Option<&'a str>,
    /// Titles the document issues (现将《…》印发给你们).
    pub issued: Vec<String>,
}

impl Doc<'_> {
    /// The governor of outer title `t` (index into `titles`): the governor of its run.
    pub fn govern(&self, t: usize) -> Governor {
        if self.is_form(t) {
            // 将《活动情况统计表》报区司法局: a form is filled in and sent back, never publicized,
            // studied or carried out.
            return Governor::none();
        }
        let run = self.run(t);
        self.govern_range(self.titles[run.start].start, self.titles[run.end - 1].end)
    }

    /// The governor of the title (or run of titles) at characters `start..end`.
    pub fn govern_range(&self, start: usize, end: usize) -> Governor {
        let mut g = self
            .in_clause(start, end)
            .or_else(|| self.inline_lead(start))
            .or_else(|| self.cell_of(start).and_then(|_| self.in_table(start)))
            .or_else(|| self.in_sentence(start, end))
            .or_else(|| self.listed_in_clause(start))
            .or_else(|| self.back_reference(end))
            .or_else(|| self.in_table(start))
            .or_else(|| self.in_list(start))
            .or_else(|| self.under_heading(start))
            .or_else(|| self.by_genre(start))
            .unwrap_or_else(Governor::none);
        if self.anniversary(end) {
            // 《国家安全法》颁布施行十周年: a date in the law's life, not the author's act.
            return Governor::none();
        }
        self.as_basis(&mut g, end);
        self.in_measure_article(&mut g, start);
        self.for_outsiders(&mut g, start, end);
        self.by_invited(&mut g);
        g
    }

    /// Whether outer title `t` names a form to fill in (…统计表, …登记表).
    fn is_form(&self, t: usize) -> bool {
        let title = self.text.slice(self.titles[t].clone());
        let title = title.trim_end_matches('》');
        title.ends_with('表') && !title.ends_with("代表")
    }

    /// Whether the title is followed, in its clause, by an anniversary of its making
    /// (颁布施行十周年, 实施30周年).
    fn anniversary(&self, end: usize) -> bool {
        let text = self.text;
        let clause_end = text.end_of(end, CLAUSE_END).min(end + 16);
        let made = (end..clause_end).find(|&i| {
            ["颁布", "施行", "实施", "公布", "出台", "通过"]
                .iter()
                .any(|w| text.word_at(i, w))
        });
        let Some(year) = made.and_then(|m| (m..clause_end).find(|&i| text.word_at(i, "周年")))
        else {
            return false;
        };
        // 开展《…》施行一周年宣传: the anniversary names an activity, whose word governs.
        let activity_end = text.end_of(year, CLAUSE_END);
        !(year + 2..activity_end).any(|i| word_at(text, i).is_some())
    }

    /// An expert invited to explain a title explains it to the author's staff: 邀请党校教授专题
    /// 解读《…》 is study (unless the audience is outside, which `for_outsiders` decided).
    fn by_invited(&self, g: &mut Governor) {
        let Some(at) = g.at else {
            return;
        };
        if g.actions != [Action::Publicize] || g.source != Source::Clause {
            return;
        }
        let text = self.text;
        let clause = text.start_of(at, CLAUSE_END);
        let invited = (clause..at).any(|i| text.word_at(i, "邀请") || text.word_at(i, "聘请"));
        let audience = (clause..text.end_of(at, CLAUSE_END)).any(|i| {
            OUTSIDERS.iter().any(|w| text.word_at(i, w)) || "为向给".contains(text.chars[i])
        });
        // 举办“法律明白人”培训班，邀请法律顾问讲解《…》: the sentence names whom it is for.
        let sentence = text.start_of(at, SENTENCE_END)..text.end_of(at, SENTENCE_END);
        let says = |words: &[&str]| {
            sentence
                .clone()
                .any(|i| words.iter().any(|w| text.said_at(i, w)))
        };
        let audience = audience || (says(OUTSIDERS) && !says(STAFF));
        if invited && !audience {
            g.actions = vec![Action::Study];
        }
    }

    /// Study and training of people outside the author's staff (学生, 群众, 法律明白人) is
    /// publicizing.
    fn for_outsiders(&self, g: &mut Governor, start: usize, end: usize) {
        if !g.actions.contains(&Action::Study) || g.source == Source::Genre {
            return;
        }
        let text = self.text;
        let from = text.start_of(start, SENTENCE_END);
        let to = text.end_of(end, SENTENCE_END);
        // Quoted names count (“法律明白人”培训), titles do not.
        let at = |i: usize, w: &str| text.said_at(i, w);
        let said = |range: std::ops::Range<usize>, words: &[&str]| {
            range.clone().any(|i| words.iter().any(|w| at(i, w)))
        };
        // 对学校食堂从业人员进行《…》培训, 面向居民…: the people addressed, in the clause of the
        // title or of its governing word.
        let title_clause = text.start_of(start, CLAUSE_END)..text.end_of(end, CLAUSE_END);
        let word_clause = g.at.map_or(title_clause.clone(), |a| {
            text.start_of(a, CLAUSE_END)..text.end_of(a, CLAUSE_END)
        });
        let addressed = [title_clause, word_clause.clone()]
            .into_iter()
            .any(|range| {
                let lo = range.start;
                range.into_iter().any(|i| {
                    OUTSIDERS.iter().any(|w| at(i, w))
                        && (i.saturating_sub(8).max(lo)..i)
                            .any(|k| "对向为给面".contains(text.chars[k]))
                })
            });
        // 组织学生学习《宪法》: the people in the governing word's own clause.
        let in_clause = said(word_clause.clone(), OUTSIDERS) && !said(word_clause.clone(), STAFF);
        // （二）学生法治教育: a part about teaching them.
        let heading = self.heading_text_above(start).unwrap_or_default();
        let by_heading = OUTSIDERS.iter().any(|w| {
            ["法治教育", "普法", "教育", "培训", "宣传"]
                .iter()
                .any(|t| heading.contains(&format!("{w}{t}")))
        });
        // 对护边员进行《…》专题培训: an audience named before the light verb that is not the
        // author's own staff.
        let audience = self.audience(word_clause.clone());
        let own = |t: &str| STAFF.iter().chain(OWN_PEOPLE).any(|w| t.contains(w));
        let strangers = audience.as_ref().is_some_and(|a| !own(a)) && !own(&heading);
        // 关于举办法律明白人培训班的通知: a document about training outsiders.
        let by_title = self.doc_title.is_some_and(|t| {
            let t: String = t.chars().filter(|c| !"“”\"'‘’".contains(*c)).collect();
            OUTSIDERS.iter().any(|w| {
                ["培训", "法治教育", "学法", "普法"]
                    .iter()
                    .any(|x| t.contains(&format!("{w}{x}")))
            })
        });
        let staff_said = said(from..to, STAFF);
        // 培养“法律明白人”186名，组织集中培训2次，培训内容以《…》为主: training in a sentence
        // about outsiders and not about the staff trains them.
        let trained = g.word.as_deref().is_some_and(|w| TRAINING.contains(&w))
            && said(from..to, OUTSIDERS)
            && !staff_said;
        if addressed
            || in_clause
            || strangers
            || trained
            || ((by_heading || by_title) && !staff_said)
        {
            g.actions.retain(|a| *a != Action::Study);
            g.actions.push(Action::Publicize);
            g.actions.sort();
            g.actions.dedup();
        }
    }

    /// The people a clause addresses: the words between 对, 为 or 面向 and the light verb that
    /// follows (对护边员进行《…》培训 → 护边员).
    fn audience(&self, clause: Range<usize>) -> Option<String> {
        let text = self.text;
        let open = clause.clone().find(|&i| {
            !text.masked[i] && (text.word_at(i, "面向") || "对为".contains(text.chars[i]))
        })?;
        let from = open + if text.word_at(open, "面向") { 2 } else { 1 };
        let close = (from..clause.end.min(from + 12)).find(|&i| {
            ["进行", "开展", "组织", "举办"]
                .iter()
                .any(|w| text.word_at(i, w))
        })?;
        let who = text.slice(from..close);
        (!who.is_empty() && !who.contains('《')).then_some(who)
    }

    /// The text of the nearest heading above character `i`.
    fn heading_text_above(&self, i: usize) -> Option<String> {
        let l = self.line_index(i)?;
        (0..=l).rev().find_map(|k| {
            let line = &self.lines[k];
            line.marker
                .filter(|m| m.is_heading())
                .map(|m| self.text.slice(line.range.start + m.len..line.range.end))
        })
    }

    /// In an article of a measure (第四条 考试内容包括：…《宪法》), a title the article lists,
    /// invokes (违反《…》的) or tells its addressees to act on (重点宣传《宪法》) is cited: a
    /// measure's articles are its rules, not work its author did or plans.
    fn in_measure_article(&self, g: &mut Governor, start: usize) {
        let listed = (g.actions.is_empty() && g.word.is_none()) || g.source == Source::Genre;
        let invoked = g.word.as_deref() == Some("违反") || !g.actions.is_empty();
        let article = self.in_article(start) || self.under_article(start);
        if self.genre == Some(Genre::Measure) && article && (listed || invoked) {
            g.actions = vec![Action::Cite];
            g.source = Source::Clause;
        }
    }

    /// Whether character `i` stands in the items of an article (第四条 …：\n（一）…).
    fn under_article(&self, i: usize) -> bool {
        let Some(l) = self.line_index(i) else {
            return false;
        };
        (0..=l)
            .rev()
            .take(12)
            .any(|k| self.in_article(self.lines[k].range.start))
    }

    /// The titles sharing a run with title `t`: indexes into `titles`.
    fn run(&self, t: usize) -> Range<usize> {
        let mut start = t;
        while start > 0 && self.glued(start - 1, start) {
            start -= 1;
        }
        let mut end = t + 1;
        while end < self.titles.len() && self.glued(end - 1, end) {
            end += 1;
        }
        start..end
    }

    /// Whether only separators, pins, version notes and list markers stand between titles `a`
    /// and `b`.
    fn glued(&self, a: usize, b: usize) -> bool {
        let text = self.text;
        let gap = self.titles[a].end..self.titles[b].start;
        let mut i = gap.start;
        let mut lines = 0;
        while i < gap.end {
            let c = text.chars[i];
            if text.masked[i] || RUN_GLUE.contains(&c) {
                i += 1;
            } else if c == '\n' {
                lines += 1;
                i += 1 + self.marker_len_at(i + 1);
            } else if let Some(n) = pin_len(text, i).or_else(|| inline_marker_len(text, i)) {
                i += n;
            } else {
                return false;
            }
        }
        lines <= 1
    }

    /// Characters of the list marker opening the line that starts at character `i`, if it does.
    fn marker_len_at(&self, i: usize) -> usize {
        self.line_index(i)
            .map(|l| &self.lines[l])
            .filter(|l| l.range.start == i)
            .and_then(|l| l.marker)
            .map_or(0, |m| m.len)
    }

    /// The line holding character `i`.
    fn line_index(&self, i: usize) -> Option<usize> {
        let n = self.lines.partition_point(|l| l.range.start <= i);
        n.checked_sub(1)
    }

    /// The nearest governing word before the run in its clause, else the first after it.
    fn in_clause(&self, start: usize, end: usize) -> Option<Governor> {
        let text = self.text;
        let mut clause = self.clause_start(start);
        let mut clause_end = text.end_of(end, CLAUSE_END);
        if let Some(cell) = self.cell_of(start) {
            clause = clause.max(cell.start);
            clause_end = clause_end.min(cell.end.max(end));
        }
        let compared = start > 0 && "与同跟".contains(text.chars[start - 1]);
        let stop = (end..clause_end)
            .find(|&i| compared && !text.masked[i] && text.chars[i] == '的')
            .unwrap_or(clause_end);
        let (before, passed) = self.before_noting(clause, start, Source::Clause);
        if start > 0 && text.chars[start - 1] == '以' {
            // 以《A》《B》为重点，开展集中宣讲: a topic frame; the sentence's verb after it governs.
            if let Some(topic) = TOPIC_FRAMES.iter().find(|f| text.word_at(end, f)) {
                let from = end + topic.chars().count();
                let sentence_end = text.end_of(from, SENTENCE_END);
                if let Some(g) = self.after_acting(from, sentence_end, Source::Sentence) {
                    return Some(g);
                }
            }
            // 普法工作以《…》为参照: the frame governs the title, not a word before 以.
            if let Some(frame) = FRAMES.iter().find(|f| text.word_at(end, f)) {
                return Some(Governor {
                    actions: vec![Action::Implement],
                    word: Some((*frame).to_owned()),
                    source: Source::Clause,
                    at: Some(end),
                });
            }
        }
        if let Some(g) = before {
            // 2016年印发的《…暂行规定》同时废止: a verb after the title that blocks it wins over
            // one describing it.
            let described = g.at.zip(g.word.as_deref()).is_some_and(|(at, w)| {
                matches!(text.at(at + w.chars().count()), Some('的' | '后'))
            });
            if described {
                let blocked = self
                    .after(end, stop, Source::Clause)
                    .filter(|a| a.actions.is_empty() && a.word.is_some());
                if blocked.is_some() {
                    return blocked;
                }
            }
            // 围绕《条例》作专题辅导: a coverb setting the topic yields to the verb after the title.
            let topical = g
                .word
                .as_deref()
                .is_some_and(|w| TOPIC_COVERBS.contains(&w));
            if topical {
                if let Some(main) = self.after_acting(end, stop, Source::Clause) {
                    return Some(main);
                }
                // 围绕《A》和《B》，在集市开展集中宣传: when the coverb's clause ends with the
                // titles, the verb of the next clause.
                let rest_empty =
                    (end..clause_end).all(|i| text.masked[i] || RUN_GLUE.contains(&text.chars[i]));
                let next = clause_end + 1;
                if rest_empty
                    && text
                        .chars
                        .get(clause_end)
                        .is_some_and(|c| "，,".contains(*c))
                {
                    let next_end = text.end_of(next, CLAUSE_END);
                    let around = |g: &Governor| {
                        g.actions
                            .iter()
                            .all(|a| matches!(a, Action::Publicize | Action::Study))
                    };
                    // …开展集中宣传 (around the titles), not …完成公司章程的修订 (of something
                    // else).
                    if let Some(main) = self
                        .after_acting(next, next_end, Source::Sentence)
                        .filter(around)
                    {
                        return Some(main);
                    }
                }
            }
            return Some(g);
        }
        if self.preposition_before(clause, start) && !self.time_phrase_after(end) {
            return Some(Governor::none());
        }
        if let Some(g) = self.after(end, stop, Source::Clause) {
            return Some(g);
        }
        if let Some(g) = self.pushed_forward(clause, start) {
            return Some(g);
        }
        if self.disposes(clause, start) {
            // 局党组把《A》、《B》…，逐一安排在党组会前进行学习: the verb of a 把 construction may
            // stand in a later clause of the sentence.
            let sentence_end = text.end_of(end, SENTENCE_END);
            if let Some(g) = self.after_acting(clause_end, sentence_end, Source::Sentence) {
                return Some(g);
            }
        }
        if passed {
            // 国务院办公厅印发《…》后，我局组织逐条研读: what the author did comes in a later clause
            // of the sentence, after 后 or 以来, or with the author or those it addresses as its
            // subject; else nothing.
            return Some(
                self.author_after(end, clause_end)
                    .unwrap_or_else(Governor::none),
            );
        }
        None
    }

    /// The author's own act in the clauses after another body's act that ends at `clause_end`.
    fn author_after(&self, end: usize, clause_end: usize) -> Option<Governor> {
        let text = self.text;
        let sentence_end = text.end_of(end, SENTENCE_END);
        let tail = text.slice(end..clause_end);
        let then = ["后", "以来", "之后", "以后"]
            .iter()
            .any(|w| tail.trim_end().ends_with(w));
        let next = (clause_end + 1..sentence_end).find(|&i| !text.chars[i].is_whitespace())?;
        let subject = text.slice(next..(next + 12).min(sentence_end));
        let named = subject.starts_with(SELF_MARKS)
            || subject.starts_with('各')
            || self.issuer.is_some_and(|issuer| {
                (2..=subject.chars().count()).any(|n| {
                    let head: String = subject.chars().take(n).collect();
                    head.chars().count() >= 3 && names_the_issuer(&head, issuer)
                })
            });
        (then || named)
            .then(|| self.after_acting(next, sentence_end, Source::Sentence))
            .flatten()
    }

    /// Start of the clause of character `i`, reaching back over clauses that continue an
    /// enumeration (，以及新修订的《…》) until one has a word.
    fn clause_start(&self, i: usize) -> usize {
        let text = self.text;
        let mut start = text.start_of(i, CLAUSE_END);
        loop {
            let first: String = text.slice(start..(start + 2).min(i));
            let continues = ["以及", "及", "和", "并"]
                .iter()
                .any(|w| first.starts_with(w));
            // 并在《南充日报》开设专栏: a clause with a channel of its own does not go on the last.
            let has_word = (start..i).any(|j| {
                word_at(text, j).is_some() || PREPOSITIONS.iter().any(|w| text.word_at(j, w))
            });
            if !continues || has_word || start == 0 || text.is_boundary(start - 1, SENTENCE_END) {
                return start;
            }
            start = text.start_of(start - 1, CLAUSE_END);
        }
    }

    /// The nearest word governing what follows it in `from..to`, with the words chained to it.
    fn before(&self, from: usize, to: usize, source: Source) -> Option<Governor> {
        self.before_noting(from, to, source).0
    }

    /// [`Doc::before`], and whether another body's act (国务院办公厅印发《…》) was passed over on
    /// the way.
    fn before_noting(&self, from: usize, to: usize, source: Source) -> (Option<Governor>, bool) {
        let text = self.text;
        let mut passed = false;
        let mut own: Option<Governor> = None;
        let mut i = to;
        while i > from {
            i -= 1;
            let Some(word) = word_at(text, i) else {
                if PRODUCE.iter().any(|w| text.word_at(i, w)) {
                    return (Some(self.produced(i, None, source)), passed);
                }
                continue;
            };
            let end = i + word.text.chars().count();
            if end > to {
                continue;
            }
            if self.attributive(word, end) {
                // 起草的《…办法（送审稿）》, 修订后的《霍家店村村规民约》: the author's own
                // document, described by what the author did with it.
                let formulated = matches!(word.sense, Sense::Act([Action::Formulate]));
                if formulated
                    && own.is_none()
                    && self.own_like_at(to)
                    && self.subject_org(from, i).is_none()
                {
                    own = Some(self.governor(&[word], i, source));
                }
                continue;
            }
            if self.other_body_acts(word, from, i) {
                passed = true;
                continue;
            }
            if MAKE_COPIES.contains(&word.text) {
                return (Some(self.produced(i, Some(word), source)), passed);
            }
            return (Some(self.chain_back(from, i, word, source)), passed);
        }
        // Only when nothing else governs it: 按照修订后的《…》 implements.
        (own, passed)
    }

    /// The first governing word in `from..to`, with the words chained after it. After a frame
    /// of disposal (把《X》纳入…学习内容, 作为…学习宣传的重点), every action the frame names.
    fn after(&self, from: usize, to: usize, source: Source) -> Option<Governor> {
        let text = self.text;
        if let Some(frame) =
            (from..to).find(|&i| DISPOSAL_FRAMES.iter().any(|f| text.word_at(i, f)))
        {
            if (from..frame).all(|i| word_at(text, i).is_none()) {
                return self.disposed(frame, to, source);
            }
        }
        for i in from..to {
            if let Some(frame) = FRAMES.iter().find(|f| text.word_at(i, f)) {
                return Some(Governor {
                    actions: vec![Action::Implement],
                    word: Some((*frame).to_owned()),
                    source,
                    at: Some(i),
                });
            }
            if let Some(word) = word_at(text, i) {
                if self.attributive(word, i + word.text.chars().count())
                    || self.passive_other(word, from, i)
                {
                    continue;
                }
                if word.text == "施行" && self.takes_effect(from, i) {
                    // 《法治宣传教育法》正式施行: the law comes into force; nobody acts on it.
                    return Some(Governor {
                        actions: Vec::new(),
                        word: Some("施行".to_owned()),
                        source,
                        at: Some(i),
                    });
                }
                return Some(self.chain_forward(i, word, to, source));
            }
        }
        None
    }

    /// Whether 施行 at `at`, after a title ending at `from`, says the title comes into force: only
    /// a date or an adverb (正式, 将, 于…起) stands between them.
    fn takes_effect(&self, from: usize, at: usize) -> bool {
        // 《行政复议法》施行第一年: a time in the law's life, which the sentence may act on.
        let ends = self
            .text
            .at(at + 2)
            .is_none_or(|c| CLAUSE_END.contains(&c) || c == '了');
        if !ends {
            return false;
        }
        self.text.slice(from..at).chars().all(|c| {
            c.is_ascii_digit() || c.is_whitespace() || "年月日号起正式将于自开始".contains(c)
        })
    }

    /// Every action named after the frame of disposal at `frame` (纳入…学习内容, 作为…学习宣传的
    /// 重点), up to `to`.
    fn disposed(&self, frame: usize, to: usize, source: Source) -> Option<Governor> {
        let text = self.text;
        let mut words = Vec::new();
        let mut first = None;
        let mut i = frame + 2;
        while i < to {
            match word_at(text, i) {
                Some(w) => {
                    first.get_or_insert(i);
                    words.push(w);
                    i += w.text.chars().count();
                }
                None => i += 1,
            }
        }
        let at = first?;
        let mut g = self.governor(&words, at, source);
        g.word = Some(
            text.slice(frame..frame + 2) + "…" + &words.iter().map(|w| w.text).collect::<String>(),
        );
        Some(g)
    }

    /// The first word with an action in `from..to` (past words without one, 违反 in 新增的违反
    /// 群众纪律情形).
    fn after_acting(&self, from: usize, to: usize, source: Source) -> Option<Governor> {
        let mut at = from;
        while at < to {
            let g = self.after(at, to, source)?;
            if !g.actions.is_empty() {
                return Some(g);
            }
            at = g.at.map_or(to, |i| i + 1);
        }
        None
    }

    /// `word` at `at` and the words right before it (学习宣传贯彻).
    fn chain_back(&self, from: usize, at: usize, word: Word, source: Source) -> Governor {
        let text = self.text;
        let mut words = vec![word];
        let mut start = at;
        let mut first_at = at;
        'outer: while start > from {
            for gap in 0..=1usize {
                let Some(end) = start.checked_sub(gap) else {
                    break;
                };
                if (end..start).any(|k| !VERB_JOINERS.contains(&text.chars[k]) || text.masked[k]) {
                    continue;
                }
                for len in (2..=4).rev() {
                    let Some(s) = end.checked_sub(len) else {
                        continue;
                    };
                    if s < from {
                        continue;
                    }
                    if let Some(w) = word_at(text, s).filter(|w| w.text.chars().count() == len) {
                        words.push(w);
                        start = s;
                        first_at = s;
                        continue 'outer;
                    }
                }
            }
            break;
        }
        words.reverse();
        self.governor(&words, first_at, source)
    }

    /// `word` at `at` and the words right after it (宣传解读, 贯彻落实).
    fn chain_forward(&self, at: usize, word: Word, to: usize, source: Source) -> Governor {
        let text = self.text;
        let mut words = vec![word];
        let mut end = at + word.text.chars().count();
        loop {
            let next = (0..=1usize).find_map(|gap| {
                let s = end + gap;
                let joined = s < to && (end..s).all(|k| VERB_JOINERS.contains(&text.chars[k]));
                (joined && s < to)
                    .then(|| word_at(text, s))
                    .flatten()
                    .map(|w| (s, w))
            });
            match next {
                Some((s, w)) => {
                    words.push(w);
                    end = s + w.text.chars().count();
                }
                None => break,
            }
        }
        self.governor(&words, at, source)
    }

    /// The governor of a chain of words; a chain opened by a word without actions governs
    /// nothing.
    fn governor(&self, words: &[Word], at: usize, source: Source) -> Governor {
        let mut actions: Vec<Action> = Vec::new();
        if !matches!(words.first().map(|w| w.sense), Some(Sense::Blocks)) {
            for w in words {
                if let Sense::Act(a) = w.sense {
                    actions.extend_from_slice(a);
                }
            }
        }
        actions.sort();
        actions.dedup();
        Governor {
            actions,
            word: Some(words.iter().map(|w| w.text).collect()),
            source,
            at: Some(at),
        }
    }

    /// Printed matter made at `at` (编印《汇编》, 印制《…》): formulated when compiled (编印), and
    /// publicized when the sentence goes on to hand it out.
    fn produced(&self, at: usize, word: Option<Word>, source: Source) -> Governor {
        let text = self.text;
        let end = text.end_of(at, SENTENCE_END);
        let handed = (at..end).find(|&i| HAND_OUT.iter().any(|w| text.word_at(i, w)));
        let mut actions = Vec::new();
        if let Some(Word {
            sense: Sense::Act(a),
            ..
        }) = word
        {
            actions.extend_from_slice(a);
        }
        if handed.is_some() {
            actions.push(Action::Publicize);
        }
        actions.sort();
        actions.dedup();
        let len = word.map_or(2, |w| w.text.chars().count());
        Governor {
            actions,
            word: Some(text.slice(at..at + len)),
            source,
            at: Some(at),
        }
    }

    /// 新修订的《…》, 新施行的《…》, 修改后的《…》, 国务院印发的《…》: a verb followed by 的 (or a
    /// verb of formulating followed by 后) describes the title; it does not say what this
    /// document did.
    fn attributive(&self, word: Word, end: usize) -> bool {
        // 新出台和新修订的法律: what is new, not what the author made.
        let start = end - word.text.chars().count();
        let formulate = matches!(word.sense, Sense::Act([Action::Formulate]));
        let new_and = start > 0
            && self.text.at(start - 1) == Some('新')
            && self.text.at(end).is_some_and(|c| "和、及与".contains(c));
        if formulate && new_and {
            return true;
        }
        match self.text.at(end) {
            // 新施行的《…》, 国务院印发的《…》, 组织学习的《…》.
            Some('的') => true,
            Some('后') => matches!(word.sense, Sense::Act([Action::Formulate])),
            // 2024年11月修订、2025年7月1日起施行的《…》: one of a list of dates in the title's life.
            Some('、') => {
                let text = self.text;
                (end + 1..text.len().min(end + 24))
                    .take_while(|&k| !CLAUSE_END.contains(&text.chars[k]) || text.masked[k])
                    .any(|k| text.chars[k] == '的' && text.masked.get(k + 1) == Some(&true))
            }
            _ => false,
        }
    }

    /// Whether the title starting at character `at` looks like the author's own document: a
    /// draft (送审稿, 草案), a village's or town's rules, a county's or a lower body's document.
    fn own_like_at(&self, at: usize) -> bool {
        let Some(t) = self.titles.iter().find(|t| t.start == at) else {
            return false;
        };
        let inner = self.text.slice(t.start + 1..t.end.saturating_sub(1));
        let draft = ["送审稿", "草案", "征求意见稿", "初稿", "讨论稿"]
            .iter()
            .any(|d| inner.contains(d));
        let local = crate::region::chain(&inner)
            .last()
            .is_some_and(|(level, _)| *level == crate::region::Level::County)
            || ["村规民约", "居民公约", "村", "镇", "街道", "社区"]
                .iter()
                .any(|w| inner.chars().take(8).collect::<String>().contains(w));
        draft || local
    }

    /// The organisation standing as the subject of the verb at `at` in `from..at`, if one does.
    fn subject_org(&self, from: usize, at: usize) -> Option<String> {
        let subject = self.text.slice(from..at);
        let subject = subject.trim_end_matches(|c: char| "已经于将新的后".contains(c));
        ORG_ENDINGS
            .iter()
            .any(|e| subject.ends_with(e))
            .then(|| subject.to_owned())
    }

    /// Whether the verb at `at` is another body's act of formulating (国务院办公厅印发《…》): an
    /// organisation other than the author stands as its subject.
    fn other_body_acts(&self, word: Word, from: usize, at: usize) -> bool {
        if !matches!(word.sense, Sense::Act(a) if a.contains(&Action::Formulate)) {
            return false;
        }
        let mut subject = self.text.slice(from..at);
        loop {
            let before = subject.clone();
            for adverb in SUBJECT_ADVERBS {
                if let Some(rest) = subject.strip_suffix(adverb) {
                    subject = rest.to_owned();
                }
            }
            subject = subject
                .trim_end_matches(|c: char| {
                    c.is_ascii_digit() || "年月日号初底中旬上下〇一二三四五六七八九十".contains(c)
                })
                .to_owned();
            if subject == before {
                break;
            }
        }
        let Some(org) = ORG_ENDINGS.iter().find(|e| subject.ends_with(*e)) else {
            return false;
        };
        if JOINT.iter().any(|j| subject.contains(j)) {
            // 联合县委宣传部印发, 县公安局会同…起草: the author acting with others.
            return false;
        }
        let name = subject
            .rsplit(['，', '、', ',', ' '])
            .next()
            .unwrap_or(&subject);
        let whole = matches!(*org, "国务院" | "中共中央" | "党中央");
        if name.chars().count() < org.chars().count() + 1 && !whole {
            return false;
        }
        // A plan or notice gives its tasks to bodies of its own place (市司法局编写…), and a
        // government's report tells its departments' work (区司法局编印…): only a higher body's
        // act is someone else's.
        let government = self
            .issuer
            .is_some_and(|i| i.ends_with("人民政府") || i.ends_with("政府办公室"));
        if self.genre == Some(Genre::Forward) || government {
            return is_higher_body(name) && !name.contains(SELF_MARKS);
        }
        self.is_other(name)
    }

    /// 《…》已由昌吉州…协调小组印发, 已于5月经市委依法治市办审议通过: a verb of formulating whose
    /// agent (由, 经, 被 …) is another body.
    fn passive_other(&self, word: Word, from: usize, at: usize) -> bool {
        if !matches!(word.sense, Sense::Act(a) if a.contains(&Action::Formulate)) {
            return false;
        }
        let text = self.text;
        let Some(agent) = (from..at)
            .rev()
            .find(|&i| !text.masked[i] && "由经被".contains(text.chars[i]))
        else {
            return false;
        };
        let name = text.slice(agent + 1..at);
        let name = name.trim_end_matches(|c: char| "审议研究讨论通过同意批准".contains(c));
        let name = name.trim_end_matches(|c: char| "审议研究讨论通过同意批准".contains(c));
        ORG_ENDINGS.iter().any(|e| name.ends_with(e)) && self.is_other(name)
    }

    /// Whether an organisation named in the text is someone else than the author.
    fn is_other(&self, name: &str) -> bool {
        if name.contains(SELF_MARKS) {
            return false;
        }
        match self.issuer {
            Some(issuer) => !names_the_issuer(name, issuer),
            None => true,
        }
    }

    /// Whether a preposition stands just before `end`, within `start..end` (在《闽西日报》开设…,
    /// 依托《法治在线》栏目): the title is then where something happens, not what a later verb acts
    /// on. A preposition farther away (拟在12月下旬开展《…》宣传) governs something else.
    fn preposition_before(&self, start: usize, end: usize) -> bool {
        let text = self.text;
        // 依托“高台司法”微信公众号和县电视台《法治在线》栏目: the channel phrase may be long, as
        // long as no verb stands in it (拟在12月下旬开展《…》宣传: 开展 ends it).
        let Some(p) = (start..end)
            .rev()
            .find(|&i| PREPOSITIONS.iter().any(|w| text.word_at(i, w)))
        else {
            return false;
        };
        let verb_between = (p + 1..end).any(|i| {
            word_at(text, i).is_some()
                || LIGHT_VERBS.iter().any(|w| text.word_at(i, w))
                || (!text.masked[i] && text.chars[i] == '把')
        });
        // 在此基础上突出《…》: the phrase of 在 closed before the title.
        let closed = text.chars[p] == '在'
            && (p + 1..end).any(|i| !text.masked[i] && "上中下里内时前后".contains(text.chars[i]));
        if closed {
            return false;
        }
        !verb_between && (text.chars[p] != '在' || end - p <= 16)
    }

    /// Whether 把 or 将 (as an object marker) stands before the title in its clause.
    fn disposes(&self, clause: usize, start: usize) -> bool {
        (clause..start).any(|i| {
            !self.text.masked[i]
                && (self.text.chars[i] == '把'
                    || (self.text.chars[i] == '将' && self.text.at(i + 1) == Some('《')))
        })
    }

    /// Whether a time phrase follows the title (在《…》施行前后, 《…》颁布之际): the title is then
    /// not a place or channel, and the clause's verb governs it.
    fn time_phrase_after(&self, end: usize) -> bool {
        const EVENTS: &[&str] = &[
            "施行", "实施", "颁布", "出台", "发布", "公布", "修订", "生效",
        ];
        const TIMES: &[&str] = &["前后", "之际", "以来", "之后", "后", "前", "周年", "期间"];
        EVENTS.iter().any(|e| {
            self.text.word_at(end, e)
                && TIMES
                    .iter()
                    .any(|t| self.text.word_at(end + e.chars().count(), t))
        })
    }

    /// A lead-in ending in a colon right before the run on its line: 重点学习以下法律法规：《A》….
    fn inline_lead(&self, start: usize) -> Option<Governor> {
        let text = self.text;
        let clause = text.start_of(start, CLAUSE_END);
        if clause == 0 || !matches!(text.chars[clause - 1], '：' | ':') {
            return None;
        }
        let between = text.slice(clause..start);
        if !between
            .chars()
            .all(|c| c.is_whitespace() || RUN_GLUE.contains(&c) || is_marker_char(c))
        {
            return None;
        }
        let lead_start = text.start_of(clause - 1, SENTENCE_END);
        self.before(lead_start, clause - 1, Source::Lead)
    }

    /// For a run that opens its sentence (《办法》已经…，现印发给你们): the first word after it in
    /// the sentence.
    fn in_sentence(&self, start: usize, end: usize) -> Option<Governor> {
        let text = self.text;
        let clause = text.start_of(start, CLAUSE_END);
        let line = self.line_index(start).map(|l| &self.lines[l]);
        let marker_end = line
            .filter(|l| l.range.start == clause)
            .and_then(|l| l.marker.map(|m| l.range.start + m.len))
            .unwrap_or(clause);
        // The run opens its clause (其中，新修订的《A》、《B》，由…作了专题辅导), with at most
        // words describing it before it.
        let bare = (marker_end..start).all(|j| text.masked[j] || text.chars[j].is_whitespace());
        let described = start > marker_end
            && text.chars[start - 1] == '的'
            && (marker_end..start).all(|j| {
                word_at(text, j).is_none_or(|w| self.attributive(w, j + w.text.chars().count()))
                    && !LIGHT_VERBS.iter().any(|w| text.word_at(j, w))
                    && !"对与同跟和在把将".contains(text.chars[j])
            });
        let opens = bare || described;
        if !opens {
            return None;
        }
        let sentence_end = text.end_of(end, SENTENCE_END);
        self.all_after(end, sentence_end, Source::Sentence)
    }

    /// A title listed by a verb of listing (培训内容要涵盖《A》, 优先安排《B》) takes the acting
    /// word of an earlier clause of its sentence (完成…年度培训，培训内容要涵盖《A》).
    fn listed_in_clause(&self, start: usize) -> Option<Governor> {
        let text = self.text;
        let clause = text.start_of(start, CLAUSE_END);
        let listed = (clause..start).any(|i| LISTING_VERBS.iter().any(|w| text.word_at(i, w)));
        if !listed {
            return None;
        }
        let sentence = text.start_of(start, SENTENCE_END);
        self.before(sentence, clause, Source::Sentence)
            .filter(|g| !g.actions.is_empty())
    }

    /// Every action of the words in `from..to` (《…》印发后，我传达学习，并抓好落实: study and
    /// implement), from the first acting word on.
    fn all_after(&self, from: usize, to: usize, source: Source) -> Option<Governor> {
        let first = self.after_acting(from, to, source)?;
        if first.actions.contains(&Action::Formulate) {
            // 《…》已经县政府常务会议审议通过，现印发给你们，请…贯彻落实: the issuing act.
            return Some(first);
        }
        let mut g = first.clone();
        let mut at = first.at.map_or(to, |i| i + 1);
        while let Some(next) = self.after_acting(at, to, source) {
            g.actions.extend(next.actions.iter().copied());
            at = next.at.map_or(to, |i| i + 1);
        }
        g.actions.sort();
        g.actions.dedup();
        Some(g)
    }

    /// The next sentence referring back to the titles (上述文件的贯彻落实): its first word.
    fn back_reference(&self, end: usize) -> Option<Governor> {
        let text = self.text;
        let sentence_end = text.end_of(end, SENTENCE_END);
        if (end..sentence_end).any(|i| {
            !text.masked[i] && !RUN_GLUE.contains(&text.chars[i]) && !text.chars[i].is_whitespace()
        }) {
            return None;
        }
        let next = sentence_end + 1;
        let next = (next..text.len()).find(|&i| !text.chars[i].is_whitespace())?;
        if !BACK_REFERENCES.iter().any(|w| text.word_at(next, w)) {
            return None;
        }
        let next_end = text.end_of(next, SENTENCE_END);
        self.after(next, next_end, Source::Sentence)
    }

    /// The table cell holding character `i`, if its line is a table row.
    fn cell_of(&self, i: usize) -> Option<Range<usize>> {
        let line = &self.lines[self.line_index(i)?];
        line.cells.iter().find(|c| c.contains(&i)).cloned()
    }

    /// A title in a table row: the header of its column.
    fn in_table(&self, start: usize) -> Option<Governor> {
        let l = self.line_index(start)?;
        let line = &self.lines[l];
        let column = line.cells.iter().position(|c| c.contains(&start))?;
        let mut top = l;
        while top > 0 && !self.lines[top - 1].cells.is_empty() {
            top -= 1;
        }
        if top == l {
            return None;
        }
        let header = self.lines[top].cells.get(column)?;
        self.before(header.start, header.end, Source::Table)
            .or_else(|| self.after(header.start, header.end, Source::Table))
            .filter(|g| !g.actions.is_empty())
            .or_else(|| {
                // A column that says nothing (内容): the row's activity (镇机关干部集中学法).
                line.cells
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| *k != column)
                    .find_map(|(_, c)| {
                        self.after(c.start, c.end, Source::Table)
                            .filter(|g| !g.actions.is_empty())
                    })
            })
            .or_else(|| self.in_list(self.lines[top].range.start))
    }

    /// A title in a list item or a line of titles: the lead-in or heading the list hangs from.
    fn in_list(&self, start: usize) -> Option<Governor> {
        let l = self.line_index(start)?;
        if !self.is_item(l) || self.sentence_has_word(start) {
            return None;
        }
        let item_level = self.lines[l].marker.map_or(7, |m| m.level);
        let mut k = l;
        let mut blanks = 0;
        while k > 0 {
            k -= 1;
            let line = &self.lines[k];
            let raw = self.text.slice(line.range.clone());
            let trimmed = raw.trim();
            if trimmed.is_empty() {
                blanks += 1;
                if blanks > 1 {
                    return None;
                }
                continue;
            }
            let heading = line
                .marker
                .filter(|m| m.is_heading() || m.level < item_level);
            let lead_in = trimmed.ends_with(['：', ':']);
            if let Some(m) = heading {
                // （一）提升法治素养。…学法12次，学习内容包括：: the heading's own lead-in first.
                let lead = lead_in.then(|| self.lead_of(line)).flatten();
                let from = line.range.start + m.len;
                return lead.or_else(|| self.heading_word(from, line.range.end));
            }
            if lead_in {
                return self.lead_of(line);
            }
            if !self.is_item(k) && line.cells.is_empty() {
                return None;
            }
        }
        None
    }

    /// The governing word of a line that leads into a list (重点学习以下法律法规：): before its
    /// colon, in its last sentence.
    fn lead_of(&self, line: &Line) -> Option<Governor> {
        let raw = self.text.slice(line.range.clone());
        let colon = line.range.start + raw.trim_end().chars().count() - 1;
        let from = self
            .text
            .start_of(colon, SENTENCE_END)
            .max(line.range.start);
        self.before(from, colon, Source::Lead)
    }

    /// Whether line `l` is a list item: numbered below the headings, a bullet, or a line of
    /// titles only.
    fn is_item(&self, l: usize) -> bool {
        self.lines[l].marker.is_some_and(|m| !m.is_heading()) || self.titles_only(l)
    }

    /// Whether line `l` holds titles only (with separators and its numbering).
    fn titles_only(&self, l: usize) -> bool {
        let line = &self.lines[l];
        let from = line.range.start + line.marker.map_or(0, |m| m.len);
        let titles_only = (from..line.range.end).all(|i| {
            let c = self.text.chars[i];
            self.text.masked[i]
                || RUN_GLUE.contains(&c)
                || c.is_whitespace()
                || FULL_STOPS.contains(&c)
        });
        titles_only && (from..line.range.end).any(|i| self.text.masked[i])
    }

    /// The word of a heading line's text (from the marker to its first full stop or colon).
    fn heading_word(&self, from: usize, to: usize) -> Option<Governor> {
        let text = self.text;
        let end = (from..to)
            .find(|&i| !text.masked[i] && matches!(text.chars[i], '。' | '：' | ':' | '；'))
            .unwrap_or(to);
        self.before(from, end, Source::Heading)
            .or_else(|| self.after(from, end, Source::Heading))
            .filter(|g| !g.actions.is_empty())
    }

    /// The nearest heading above the title, outermost last, that has a governing word — only for
    /// a title whose sentence has no word of its own.
    fn under_heading(&self, start: usize) -> Option<Governor> {
        if self.sentence_has_word(start) {
            return None;
        }
        let l = self.line_index(start)?;
        // （四）发放普法读物。向农户发放《A》；各村农家书屋配齐《B》: the heading that opens the
        // title's own line, before its first full stop.
        if let Some(g) = self.inline_heading(l, start) {
            return Some(g);
        }
        let mut level = self.lines[l]
            .marker
            .filter(|m| m.is_heading())
            .map_or(u8::MAX, |m| m.level);
        for k in (0..l).rev() {
            let line = &self.lines[k];
            let Some(m) = line.marker.filter(|m| m.is_heading() && m.level < level) else {
                continue;
            };
            level = m.level;
            if let Some(g) = self.heading_word(line.range.start + m.len, line.range.end) {
                return Some(g);
            }
            if level == 0 {
                break;
            }
        }
        None
    }

    /// 扎实推进《提升行政执法质量三年行动计划》: 推进 or 推动 right before a title with no word
    /// after it carries the title out.
    fn pushed_forward(&self, clause: usize, start: usize) -> Option<Governor> {
        let text = self.text;
        let at = start.checked_sub(2).filter(|&a| a >= clause)?;
        ["推进", "推动"]
            .iter()
            .any(|w| text.word_at(at, w))
            .then(|| Governor {
                actions: vec![Action::Implement],
                word: Some(text.slice(at..start)),
                source: Source::Clause,
                at: Some(at),
            })
    }

    /// The word of the heading opening line `l` (（四）发放普法读物。…) when character `i` stands
    /// after its full stop.
    fn inline_heading(&self, l: usize, i: usize) -> Option<Governor> {
        let line = &self.lines[l];
        let m = line.marker.filter(|m| m.is_heading())?;
        let from = line.range.start + m.len;
        let stop = (from..i).find(|&k| !self.text.masked[k] && self.text.chars[k] == '。')?;
        self.heading_word(from, stop + 1)
    }

    /// Whether the sentence of character `i` has a governing word of its own (not one describing
    /// a title, 新修订的).
    fn sentence_has_word(&self, i: usize) -> bool {
        let text = self.text;
        let sentence = text.start_of(i, SENTENCE_END)..text.end_of(i, SENTENCE_END);
        sentence.into_iter().any(|k| {
            word_at(text, k).is_some_and(|w| !self.attributive(w, k + w.text.chars().count()))
        })
    }

    /// A list in a document whose title says what is done with its lists: a 学法计划 studies, a
    /// 普法责任清单 or a 宣传 scheme publicizes.
    fn by_genre(&self, start: usize) -> Option<Governor> {
        let title = self.doc_title?;
        let l = self.line_index(start)?;
        if (!self.titles_only(l) && self.lines[l].cells.is_empty()) || self.sentence_has_word(start)
        {
            return None;
        }
        let (word, action) = [
            ("学法", Action::Study),
            ("学习", Action::Study),
            ("应知应会", Action::Study),
            ("普法", Action::Publicize),
            ("宣传", Action::Publicize),
        ]
        .into_iter()
        .find(|(w, _)| title.contains(w))?;
        Some(Governor {
            actions: vec![action],
            word: Some(word.to_owned()),
            source: Source::Genre,
            at: None,
        })
    }

    /// A title the document rests on (根据《…》，制定本办法; a measure's 依照《…》处罚) is cited as
    /// its basis, not implemented.
    fn as_basis(&self, g: &mut Governor, end: usize) {
        let Some(word) = g.word.as_deref() else {
            return;
        };
        if g.actions != [Action::Implement] || !BASIS_VERBS.iter().any(|v| word.ends_with(v)) {
            return;
        }
        let text = self.text;
        let sentence_end = text.end_of(end, SENTENCE_END);
        let ending = (end..sentence_end).any(|i| BASIS_ENDINGS.iter().any(|e| text.word_at(i, e)));
        if ending
            || self.genre == Some(Genre::Measure)
            || self.in_article(end)
            || self.makes_own(end, sentence_end)
        {
            g.actions = vec![Action::Cite];
        }
    }

    /// Whether character `i` stands in an article of a measure (第十条 …), for example in the
    /// draft a call for comments publishes.
    fn in_article(&self, i: usize) -> bool {
        let Some(l) = self.line_index(i) else {
            return false;
        };
        let line = self.text.slice(self.lines[l].range.clone());
        let line = line.trim_start();
        line.starts_with('第') && {
            let rest: String = line
                .chars()
                .skip(1)
                .take_while(|c| "零一二三四五六七八九十百".contains(*c))
                .collect();
            !rest.is_empty() && line.chars().nth(1 + rest.chars().count()) == Some('条')
        }
    }

    /// Whether the sentence goes on to make the document itself (根据《A》…编制了《本清单》, …制定了
    /// 《方案》。现将《方案》印发给你们): a title in `from..to` that the document issues.
    fn makes_own(&self, from: usize, to: usize) -> bool {
        let Some(own) = self.doc_title.map(own_core) else {
            return false;
        };
        let text = self.text;
        let formulated = (from..to).any(|i| {
            word_at(text, i)
                .is_some_and(|w| matches!(w.sense, Sense::Act(a) if a.contains(&Action::Formulate)))
        });
        formulated
            && self
                .titles
                .iter()
                .filter(|t| t.start >= from && t.end <= to)
                .any(|t| {
                    let inner = text.slice(t.start + 1..t.end - 1);
                    let long = inner.chars().count() >= 6;
                    inner == own
                        || (long && (inner.contains(&own) || own.contains(&inner)))
                        || self.issued.iter().any(|x| x == &inner)
                })
    }
}

/// Whether an organisation's name as a document writes it (县司法局, 市委依法治市办) names the
/// document's issuer (宣汉县司法局, 中共醴陵市委全面依法治市委员会办公室): its characters stand
/// in the issuer's name in order.
fn names_the_issuer(name: &str, issuer: &str) -> bool {
    let mut rest = issuer.chars();
    name.chars().all(|c| rest.any(|i| i == c))
}

/// Whether an organisation is above any county or city author: national, provincial or a
/// ministry (国务院办公厅, 省司法厅, 司法部).
fn is_higher_body(name: &str) -> bool {
    const HIGHER: &[&str] = &[
        "国务院",
        "中共中央",
        "党中央",
        "中央",
        "全国",
        "国家",
        "省",
        "自治区",
        "最高人民",
    ];
    HIGHER.iter().any(|h| name.contains(h))
        || ["部", "厅", "总局", "署"].iter().any(|e| name.ends_with(e))
}

/// Words that make the author one of several subjects (联合县委宣传部印发).
const JOINT: &[&str] = &["联合", "会同", "协同", "配合", "与", "共同"];

/// Verbs of compiling copies: 编印《汇编》 is formulated, and publicized too when handed out.
const MAKE_COPIES: &[&str] = &["编印", "编发", "编写", "编制"];

/// Sentence ends allowed on a line of titles: 《A》；《B》。
const FULL_STOPS: &[char] = &['。', '；', ';'];

/// The part of a document's title that names what it issues: 关于印发《X》的通知 → X.
fn own_core(title: &str) -> String {
    match title
        .split_once('《')
        .and_then(|(_, rest)| rest.split_once('》'))
    {
        Some((inner, _)) => inner.to_owned(),
        None => title.to_owned(),
    }
}

/// Whether `c` may stand in a list marker (1．, （2）, ①).
fn is_marker_char(c: char) -> bool {
    c.is_ascii_digit() || "．.、（）()①②③④⑤⑥⑦⑧⑨⑩一二三四五六七八九十".contains(c)
}

/// The length of a list marker written inside a line (；2．《…》, （3）《…》) at character `i`.
fn inline_marker_len(text: &Text, i: usize) -> Option<usize> {
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let c = text.at(i)?;
    if ('①'..='⑳').contains(&c) {
        return Some(1);
    }
    let open = usize::from(matches!(c, '（' | '('));
    let digits = (i + open..text.len())
        .take_while(|&k| numeral(text.chars[k]))
        .count();
    let close = text.at(i + open + digits)?;
    let closes = if open == 1 {
        matches!(close, '）' | ')')
    } else {
        matches!(close, '．' | '.' | '、')
    };
    (digits > 0 && digits <= 2 && closes).then_some(open + digits + 1)
}

/// The length of a pin such as 第十二条第三款 at character `i`.
fn pin_len(text: &Text, i: usize) -> Option<usize> {
    if text.at(i) != Some('第') {
        return None;
    }
    let digits = (i + 1..text.len())
        .take_while(|&k| {
            let c = text.chars[k];
            c.is_ascii_digit() || "零一二三四五六七八九十百千〇两".contains(c)
        })
        .count();
    let unit = text.at(i + 1 + digits)?;
    (digits > 0 && matches!(unit, '条' | '款' | '项' | '章')).then_some(digits + 2)
}

#[cfg(test)]
mod tests {
    use super::super::layout::lines;
    use super::*;

    /// The actions and source of every title of `text`.
    fn governed(
        text: &str,
        genre: Option<Genre>,
        title: Option<&str>,
    ) -> Vec<(Vec<Action>, Source)> {
        let marks = super::super::marks::scan(text);
        let spans: Vec<Range<usize>> = marks.iter().map(|m| m.span.clone()).collect();
        let t = Text::new(text, &spans);
        let lines = lines(&t.chars);
        let titles: Vec<Range<usize>> = spans
            .iter()
            .map(|s| t.index(s.start)..t.index(s.end))
            .collect();
        let doc = Doc {
            text: &t,
            lines: &lines,
            titles: &titles,
            genre,
            doc_title: title,
            issuer: Some("某县司法局"),
            issued: Vec::new(),
        };
        (0..titles.len())
            .map(|i| {
                let g = doc.govern(i);
                (g.actions, g.source)
            })
            .collect()
    }

    fn actions(text: &str) -> Vec<Vec<Action>> {
        governed(text, Some(Genre::Report), None)
            .into_iter()
            .map(|g| g.0)
            .collect()
    }

    use Action::{Cite as C, Formulate as F, Implement as I, Publicize as P, Study as S};

    #[test]
    fn clause_golden_table() {
        let cases: &[(&str, &[&[Action]])] = &[
            ("深入学习宣传贯彻《宪法》", &[&[P, S, I]]),
            ("学习、宣传《宪法》", &[&[P, S]]),
            (
                "根据《科学技术进步法》，结合我县实际，制定本办法。",
                &[&[C]],
            ),
            ("根据《规划》要求，我局开展了普法活动。", &[&[I]]),
            ("学习新修订的《条例》", &[&[S]]),
            ("按照修订后的《办法》组织申报", &[&[I]]),
            ("废止《高台县科技创新奖励暂行办法》", &[&[]]),
            ("组织编印《汇编》，向企业发放1200册", &[&[P, F]]),
            ("组织编印《汇编》。", &[&[F]]),
            ("印制《宪法》单行本。", &[&[]]),
            ("印制《宪法》单行本500册并发放。", &[&[P]]),
            (
                "《办法》已经县政府常务会议研究同意，现印发给你们。",
                &[&[F]],
            ),
            ("对与《民法典》不一致的文件及时修改", &[&[]]),
            ("县委宣传部组织召开《条例》座谈会", &[&[]]),
            ("开展《民法典》进村入户活动", &[&[P]]),
            (
                "推进《安全生产法》《消防法》和《道路交通安全法》实施",
                &[&[I], &[I], &[I]],
            ),
            ("发放《宪法》、《民法典》等宣传册", &[&[P], &[P]]),
            ("围绕《优化营商环境条例》开展执法检查", &[&[I]]),
            ("紧扣《乡村振兴促进法》", &[&[I]]),
            (
                "各乡镇围绕《民族区域自治法》和《若干规定》，在集市开展集中宣传52场。",
                &[&[P], &[P]],
            ),
            ("并在《南充日报》开设普法专栏", &[&[]]),
            ("并在7月1日前完成对《裁量权基准》的修订。", &[&[F]]),
            (
                "会议通读了2024年11月修订、2025年7月1日起施行的《矿产资源法》。",
                &[&[S]],
            ),
            (
                "村两委全年学了《村民委员会组织法》，给每户发了一本《农民必读》。",
                &[&[S], &[P]],
            ),
            ("县委办公室印发了《实施意见》", &[&[]]),
            (
                "制作《合规每日一课》短视频36期，在矿区电视台播出。",
                &[&[P]],
            ),
            ("严格履行《第一责任人职责规定》", &[&[I]]),
            (
                "扎实推进《提升行政执法质量三年行动计划》，组织执法人员培训",
                &[&[I]],
            ),
            (
                "配合司法所开展《农村集体经济组织法》施行一周年宣传",
                &[&[P]],
            ),
            ("《国家安全法》颁布施行十周年", &[&[]]),
            ("11月1日，《法治宣传教育法》正式施行。", &[&[]]),
            ("《条例》自2025年5月1日起施行", &[&[]]),
            ("推动《A》《B》落地实施", &[&[I], &[I]]),
            (
                "各子公司要紧扣《公司法》，在6月底前完成公司章程的修订。",
                &[&[I]],
            ),
            (
                "举办“法律明白人”培训班，邀请镇法律顾问讲解《农村土地承包法》，参训80人。",
                &[&[P]],
            ),
            ("局党组邀请党校教授专题解读《宪法》", &[&[S]]),
            (
                "请于12月10日前将活动总结和《活动情况统计表》报区司法局普法与依法治理股。",
                &[&[]],
            ),
            ("对照《法治政府建设实施纲要》查找差距", &[&[I]]),
            ("深入开展以案释法，讲解《反电信网络诈骗法》", &[&[P]]),
            ("送法进企业，普及《劳动合同法》知识", &[&[P]]),
            ("通读《民法典》", &[&[S]]),
            ("自学《行政处罚法》", &[&[S]]),
            ("将《宪法》纳入党组理论学习中心组学习内容", &[&[S]]),
            ("拟定《某县行政执法公示办法》", &[&[F]]),
            ("编写《农民必读法律常识》", &[&[F]]),
            (
                "国务院办公厅印发《关于加强行政规范性文件制定和监督管理工作的通知》",
                &[&[]],
            ),
            ("认真贯彻落实国务院办公厅印发的《意见》", &[&[I]]),
            ("守法普法协调小组印发的《方案》", &[&[]]),
            ("我局印发《普法责任清单》", &[&[F]]),
            ("县司法局制定了《实施方案》", &[&[F]]),
            ("在《法治日报》开设专栏", &[&[]]),
            ("以《宪法》为指导", &[&[I]]),
            ("以《环境保护法》为重点，开展集中宣讲不少于4场", &[&[P]]),
            ("今年是《国家安全法》颁布施行十周年", &[&[]]),
            (
                "市政府常务会议坚持会前学法，全年不少于8次，优先安排《行政复议法》",
                &[&[S]],
            ),
            ("《纪律处分条例》与《政务处分法》对照学习", &[&[S], &[S]]),
            ("邀请党校教授专题解读《民族区域自治法》", &[&[S]]),
            ("对护边员进行《陆地国界法》专题培训", &[&[P]]),
            ("对全省执法人员进行《行政处罚法》轮训", &[&[S]]),
            ("会议审议并原则通过了《低保实施细则》", &[&[F]]),
            ("2016年印发的《泗洪县养犬暂行规定》同时废止", &[&[]]),
            ("在广场集中展示《宪法》的重点条文", &[&[P]]),
            ("组织干部观看《法治在线》", &[&[]]),
        ];
        for (text, expected) in cases {
            assert_eq!(actions(text), *expected, "{text}");
        }
    }

    #[test]
    fn structure_golden_table() {
        type Expected<'a> = &'a [(&'a [Action], Source)];
        let cases: &[(&str, Expected)] = &[
            (
                "二、宣传重点：1．《宪法》；2．《民法典》",
                &[(&[P], Source::Lead), (&[P], Source::Lead)],
            ),
            (
                "## 三、宣传重点

（一）《民法典》中与群众生活密切相关的规定；

（二）2025年2月1日起施行的《解释（二）》；",
                &[(&[P], Source::Heading), (&[P], Source::Heading)],
            ),
            (
                "（四）发放普法读物。向全镇农户发放《农民必读》；各村农家书屋配齐《民法典百问百答》。",
                &[(&[P], Source::Clause), (&[P], Source::Heading)],
            ),
            (
                "重点学习以下法律法规：\n1．《行政处罚法》\n2．《行政许可法》\n（2）《行政复议法》",
                &[
                    (&[S], Source::Lead),
                    (&[S], Source::Lead),
                    (&[S], Source::Lead),
                ],
            ),
            (
                "一、学法内容及时间安排\n1、《行政强制法》，3-4月。\n2、《行政诉讼法》，5-6月。",
                &[(&[S], Source::Heading), (&[S], Source::Heading)],
            ),
            (
                "序号\t学习内容\t学习形式\n1\t《宪法》\t集中学习\n2\t《民法典》\t自学",
                &[(&[S], Source::Table), (&[S], Source::Table)],
            ),
            (
                "序号  学习内容  学习形式\n1  《宪法》  集中学习",
                &[(&[S], Source::Table)],
            ),
            (
                "（三）宣传\n《宪法》《民法典》。",
                &[(&[P], Source::Heading), (&[P], Source::Heading)],
            ),
            ("全年收到《宪法》读本。", &[(&[], Source::None)]),
            (
                "制定了《方案》《清单》。上述文件的贯彻落实情况纳入考核。",
                &[(&[F], Source::Clause), (&[F], Source::Clause)],
            ),
            (
                "《A办法》《B条例》。上述文件要抓好贯彻落实。",
                &[(&[I], Source::Sentence), (&[I], Source::Sentence)],
            ),
        ];
        for (text, expected) in cases {
            let got = governed(text, Some(Genre::Forward), None);
            let want: Vec<(Vec<Action>, Source)> =
                expected.iter().map(|(a, s)| (a.to_vec(), *s)).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn genre_lists_and_measures() {
        let plan = "一、内容\n《宪法》\n《民法典》";
        let got = governed(plan, Some(Genre::Forward), Some("某局2024年度学法计划"));
        assert_eq!(got, vec![(vec![S], Source::Genre); 2]);
        let measure = "第二十条 违反本办法规定的，依照《行政处罚法》予以处罚。";
        assert_eq!(governed(measure, Some(Genre::Measure), None)[0].0, vec![C]);
        // An article telling its addressees what to publicize is a rule of the measure.
        let article = "第七条　法律顾问履行下列职责：\n（二）每月开展一次法治宣传，重点宣传《宪法》《民法典》；";
        let got = governed(article, Some(Genre::Measure), None);
        assert_eq!(
            got.iter().map(|g| g.0.clone()).collect::<Vec<_>>(),
            vec![vec![C], vec![C]]
        );
    }
}
