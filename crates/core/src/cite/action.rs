//! What a document did with a title (行为): publicize, study, implement or formulate it, and
//! whether that is done or only planned (下一步打算, 将, 拟, 要 …). Works on characters of the
//! original text, with other titles, parentheses and quotations masked out.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// What a document did, or plans to do, with a title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Action {
    /// 宣传, 发放, 普法, 宣讲, 解读.
    Publicize,
    /// 学习, 学法, 培训.
    Study,
    /// 落实, 执行, 贯彻, 依据, 按照, 根据.
    Implement,
    /// 制定, 出台, 印发, 修订, 修改.
    Formulate,
}

impl Action {
    /// Every action, in order.
    pub const ALL: [Action; 4] = [
        Action::Publicize,
        Action::Study,
        Action::Implement,
        Action::Formulate,
    ];

    /// The snake_case name (`publicize`).
    pub fn name(self) -> &'static str {
        match self {
            Action::Publicize => "publicize",
            Action::Study => "study",
            Action::Implement => "implement",
            Action::Formulate => "formulate",
        }
    }

    /// The action with this name (English, or one of its Chinese verbs such as 宣传).
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL
            .into_iter()
            .find(|a| a.name() == name)
            .or_else(|| VERBS.iter().find(|(v, _)| *v == name).and_then(|(_, a)| *a))
    }
}

/// Verbs that govern a title, with their action; `None` marks verbs that govern a title without
/// any of the four actions (废止《…》), so that no farther verb is taken instead.
const VERBS: &[(&str, Option<Action>)] = &[
    ("宣传", Some(Action::Publicize)),
    ("发放", Some(Action::Publicize)),
    ("普法", Some(Action::Publicize)),
    ("宣讲", Some(Action::Publicize)),
    ("解读", Some(Action::Publicize)),
    ("学习", Some(Action::Study)),
    ("学法", Some(Action::Study)),
    ("培训", Some(Action::Study)),
    ("研读", Some(Action::Study)),
    ("落实", Some(Action::Implement)),
    ("执行", Some(Action::Implement)),
    ("贯彻", Some(Action::Implement)),
    ("依据", Some(Action::Implement)),
    ("按照", Some(Action::Implement)),
    ("根据", Some(Action::Implement)),
    ("依照", Some(Action::Implement)),
    ("遵照", Some(Action::Implement)),
    ("制定", Some(Action::Formulate)),
    ("出台", Some(Action::Formulate)),
    ("印发", Some(Action::Formulate)),
    ("修订", Some(Action::Formulate)),
    ("修改", Some(Action::Formulate)),
    ("起草", Some(Action::Formulate)),
    ("废止", None),
    ("签订", None),
    ("填写", None),
    ("核发", None),
    ("订阅", None),
    ("刊发", None),
    ("报送", None),
    ("颁发", None),
    ("办理", None),
    ("申领", None),
    ("持有", None),
    ("出具", None),
];

/// Whether `c` is the first character of one of `VERBS` (every verb has two characters).
fn is_verb_start(c: char) -> bool {
    matches!(
        c,
        '宣' | '发'
            | '普'
            | '解'
            | '学'
            | '培'
            | '研'
            | '落'
            | '执'
            | '贯'
            | '依'
            | '按'
            | '根'
            | '遵'
            | '制'
            | '出'
            | '印'
            | '修'
            | '起'
            | '废'
            | '签'
            | '填'
            | '核'
            | '订'
            | '刊'
            | '报'
            | '颁'
            | '办'
            | '申'
            | '持'
    )
}

/// A verb followed by one of these characters is part of a noun (宣传部, 学习强国, 普法办).
fn is_noun_use(verb: &str, next: Option<char>) -> bool {
    let Some(next) = next else { return false };
    match verb {
        "宣传" => "部周月日栏车员处科股室站画".contains(next),
        "学习" => "强型室".contains(next),
        "普法" => "办".contains(next),
        "执行" => "力".contains(next),
        _ => false,
    }
}

/// 新修订的《…》, 修改后的《…》: a verb of formulating used as an attribute describes the title,
/// it does not say what this document did.
fn is_attributive(action: Option<Action>, next: Option<char>) -> bool {
    action == Some(Action::Formulate) && matches!(next, Some('的' | '后'))
}

/// Separators allowed between the verbs of a chain: 学习、宣传和贯彻《…》.
const VERB_JOINERS: &[char] = &['、', '和', '与', '及', '并'];
/// Characters that end a clause.
const CLAUSE_END: &[char] = &[
    '。', '；', '！', '？', '，', ',', '：', ':', ';', '!', '?', '\n',
];
/// Characters that end a sentence.
const SENTENCE_END: &[char] = &['。', '；', '！', '？', ';', '!', '?', '\n'];

/// The characters of a text with the parts that are not the author's own words masked: the
/// contents of titles, short parenthetical groups and quotations.
pub struct Masked {
    chars: Vec<char>,
    /// Byte offset of each character, plus the text length at the end.
    offsets: Vec<usize>,
    masked: Vec<bool>,
}

impl Masked {
    /// Masks `text`; `titles` are the byte spans of its 《…》.
    pub fn new(text: &str, titles: &[Range<usize>]) -> Masked {
        let (mut offsets, chars): (Vec<usize>, Vec<char>) = text.char_indices().unzip();
        offsets.push(text.len());
        let mut masked = vec![false; chars.len()];
        let mut t = titles.iter().peekable();
        for (i, &at) in offsets[..chars.len()].iter().enumerate() {
            while t.peek().is_some_and(|r| r.end <= at) {
                t.next();
            }
            masked[i] = t.peek().is_some_and(|r| r.start <= at);
        }
        let mut m = Masked {
            chars,
            offsets,
            masked,
        };
        m.mask_groups();
        m
    }

    /// Masks （…）, (…) and “…” closed within the same line and 60 characters.
    fn mask_groups(&mut self) {
        let mut i = 0;
        while i < self.chars.len() {
            let close = match self.chars[i] {
                '（' => '）',
                '(' => ')',
                '“' => '”',
                _ => {
                    i += 1;
                    continue;
                }
            };
            let end = (i + 1..self.chars.len().min(i + 61))
                .take_while(|&j| self.chars[j] != '\n')
                .find(|&j| self.chars[j] == close);
            if let Some(end) = end {
                self.masked[i..=end].iter_mut().for_each(|m| *m = true);
                i = end + 1;
            } else {
                i += 1;
            }
        }
    }

    /// Index of the character at byte offset `at` (or the next one).
    pub fn index(&self, at: usize) -> usize {
        self.offsets.partition_point(|&o| o < at)
    }

    fn is_boundary(&self, i: usize, ends: &[char]) -> bool {
        !self.masked[i] && ends.contains(&self.chars[i])
    }

    /// First character of the clause (or sentence) holding character `i`.
    fn start_of(&self, i: usize, ends: &[char]) -> usize {
        (0..i)
            .rev()
            .find(|&j| self.is_boundary(j, ends))
            .map_or(0, |j| j + 1)
    }

    /// Just past the last character of the clause holding character `i`.
    fn end_of(&self, i: usize, ends: &[char]) -> usize {
        (i..self.chars.len())
            .find(|&j| self.is_boundary(j, ends))
            .unwrap_or(self.chars.len())
    }

    /// The verb starting at character `i`, if an unmasked one does.
    fn verb_at(&self, i: usize) -> Option<(&'static str, Option<Action>)> {
        let first = *self.chars.get(i)?;
        if self.masked[i] || !is_verb_start(first) {
            return None;
        }
        VERBS.iter().copied().find(|&(verb, action)| {
            let next = self.chars.get(i + 2).copied();
            self.word_at(i, verb) && !is_noun_use(verb, next) && !is_attributive(action, next)
        })
    }

    /// Whether a verb of making printed matter (编印, 印制) starts at character `i`.
    fn produces_at(&self, i: usize) -> bool {
        PRODUCE.iter().any(|w| self.word_at(i, w))
    }

    fn word_at(&self, i: usize, word: &str) -> bool {
        let n = word.chars().count();
        i + n <= self.chars.len()
            && !self.masked[i..i + n].iter().any(|&m| m)
            && word.chars().eq(self.chars[i..i + n].iter().copied())
    }

    /// The actions governing the title at characters `title` (start..end): the nearest verb
    /// before it in its clause with the verbs chained to it; else the first verb after it in its
    /// clause (not past the 的 of 与《X》不一致的…, where the verb has another object); else, for a title
    /// opening its sentence (《X》已经…同意，现印发给你们), the first verb of the sentence after it.
    pub fn actions(&self, title: Range<usize>) -> Vec<Action> {
        let start = self.clause_start(title.start);
        let before: Vec<usize> = (start..title.start)
            .filter(|&i| self.verb_at(i).is_some())
            .collect();
        let produced = (start..title.start).rev().find(|&i| self.produces_at(i));
        if let Some(p) = produced.filter(|&p| before.last().is_none_or(|&v| p > v)) {
            return self.distributed_after(p);
        }
        let chain = match before.last() {
            Some(&last) => self.chain(&before, last),
            None => {
                let clause_end = self.end_of(title.end, CLAUSE_END);
                let compared = title.start > 0 && "与同跟".contains(self.chars[title.start - 1]);
                let end = (title.end..clause_end)
                    .find(|&i| compared && !self.masked[i] && self.chars[i] == '的')
                    .unwrap_or(clause_end);
                let mut after: Vec<usize> = if self.preposition_before(start, title.start) {
                    Vec::new()
                } else {
                    (title.end..end)
                        .filter(|&i| self.verb_at(i).is_some())
                        .collect()
                };
                if after.is_empty() && end == clause_end && self.opens_sentence(title.start) {
                    let sentence_end = self.end_of(title.end, SENTENCE_END);
                    after = (title.end..sentence_end)
                        .filter(|&i| self.verb_at(i).is_some())
                        .collect();
                }
                match after.first() {
                    Some(&first) => self.chain_forward(&after, first),
                    None => Vec::new(),
                }
            }
        };
        let mut actions: Vec<Action> = chain
            .iter()
            .filter_map(|&i| self.verb_at(i).and_then(|(_, a)| a))
            .collect();
        // A chain of verbs without action (废止) governs nothing.
        if chain
            .first()
            .and_then(|&i| self.verb_at(i))
            .is_some_and(|(_, a)| a.is_none())
        {
            actions.clear();
        }
        actions.sort();
        actions.dedup();
        actions
    }

    /// Start of the clause of character `i`, reaching back over clauses that continue an
    /// enumeration (，以及新修订的《…》) until one has a verb.
    fn clause_start(&self, i: usize) -> usize {
        let mut start = self.start_of(i, CLAUSE_END);
        loop {
            let first: String = self.chars[start..i].iter().take(2).collect();
            let continues = ["以及", "及", "和", "并"]
                .iter()
                .any(|w| first.starts_with(w));
            let has_verb = (start..i).any(|j| self.verb_at(j).is_some());
            if !continues || has_verb || start == 0 || self.is_boundary_not_comma(start - 1) {
                return start;
            }
            start = self.start_of(start - 1, CLAUSE_END);
        }
    }

    fn is_boundary_not_comma(&self, i: usize) -> bool {
        self.is_boundary(i, SENTENCE_END)
    }

    /// Printed matter made (编印《汇编》) is publicized if the sentence goes on to hand it out.
    fn distributed_after(&self, produced: usize) -> Vec<Action> {
        let end = self.end_of(produced, SENTENCE_END);
        let handed_out = (produced..end).any(|i| {
            self.verb_at(i)
                .is_some_and(|(_, a)| a == Some(Action::Publicize))
        });
        if handed_out {
            vec![Action::Publicize]
        } else {
            Vec::new()
        }
    }

    /// Whether a preposition stands just before `end`, within `start..end` (在《闽西日报》开设…,
    /// 依托市电视台《法治在线》栏目): the title is then where something happens, not what a later verb
    /// acts on. A preposition farther away (拟在12月下旬开展《…》宣传) governs something else.
    fn preposition_before(&self, start: usize, end: usize) -> bool {
        (start.max(end.saturating_sub(PREPOSITION_REACH))..end)
            .any(|i| PREPOSITIONS.iter().any(|p| self.word_at(i, p)))
    }

    /// Whether only masked text or white space stands before character `i` in its sentence.
    fn opens_sentence(&self, i: usize) -> bool {
        let start = self.start_of(i, SENTENCE_END);
        (start..i).all(|j| self.masked[j] || self.chars[j].is_whitespace())
    }

    /// `last` and the verbs right before it (学习宣传贯彻, 学习、宣传).
    fn chain(&self, verbs: &[usize], last: usize) -> Vec<usize> {
        let mut chain = vec![last];
        let mut at = last;
        for &v in verbs.iter().rev().skip(1) {
            let len = self.verb_at(v).map_or(2, |(w, _)| w.chars().count());
            let gap = &self.chars[v + len..at];
            if v + len <= at && gap.iter().all(|c| VERB_JOINERS.contains(c)) && gap.len() <= 1 {
                chain.push(v);
                at = v;
            } else {
                break;
            }
        }
        chain.reverse();
        chain
    }

    /// `first` and the verbs right after it.
    fn chain_forward(&self, verbs: &[usize], first: usize) -> Vec<usize> {
        let mut chain = vec![first];
        let mut end = first + self.verb_at(first).map_or(2, |(w, _)| w.chars().count());
        for &v in verbs.iter().skip(1) {
            let gap = self.chars.get(end..v).unwrap_or_default();
            if gap.len() <= 1 && gap.iter().all(|c| VERB_JOINERS.contains(c)) {
                chain.push(v);
                end = v + self.verb_at(v).map_or(2, |(w, _)| w.chars().count());
            } else {
                break;
            }
        }
        chain
    }

    /// Whether a marker of the future governs the title starting at character `i`: 将 (not as the
    /// object marker of 现将《…》印发), 拟, 计划 (as a verb), 要 (as a modal), 准备, 力争 …
    /// earlier in its sentence.
    pub fn future(&self, i: usize) -> bool {
        let start = self.start_of(i, SENTENCE_END);
        (start..i).any(|j| !self.masked[j] && self.future_marker(j))
    }

    /// Whether an adverb or a verb of doing starts at character `k` (将继续…, 计划开展…).
    fn doing_at(&self, k: usize) -> bool {
        let rest = self.chars.get(k..).unwrap_or_default();
        self.verb_at(k).is_some()
            || FUTURE_AFTER_JIANG.iter().any(|w| {
                rest.len() >= w.chars().count() && w.chars().zip(rest).all(|(a, b)| a == *b)
            })
    }

    /// 将 marks the future unless it is the object marker of 现将《…》印发 or 将…纳入: followed by a
    /// title or quotation, after 现, or with a verb of disposal later in its clause.
    fn jiang_is_future(&self, j: usize) -> bool {
        let c = |k: usize| self.chars.get(k).copied();
        if matches!(c(j + 1), Some('《' | '“' | '来' | '近' | '军'))
            || j.checked_sub(1).and_then(c) == Some('现')
        {
            return false;
        }
        let end = self.end_of(j, CLAUSE_END);
        !(j + 1..end).any(|k| DISPOSAL.iter().any(|w| self.word_at(k, w)))
    }

    fn future_marker(&self, j: usize) -> bool {
        let c = |k: usize| self.chars.get(k).copied();
        let next2: String = self.chars[j + 1..(j + 3).min(self.chars.len())]
            .iter()
            .collect();
        let prev = j.checked_sub(1).and_then(c);
        match self.chars[j] {
            '将' => self.jiang_is_future(j),
            '拟' => !prev.is_some_and(|p| "模虚比草".contains(p)) && self.doing_at(j + 1),
            '要' => {
                !prev.is_some_and(|p| "重主需纲必只首概摘提简扼紧".contains(p))
                    && !c(j + 1).is_some_and(|n| "求点素件害闻务领塞".contains(n))
            }
            '计' => c(j + 1) == Some('划') && self.doing_at(j + 2),
            '准' => c(j + 1) == Some('备'),
            '力' => c(j + 1) == Some('争'),
            '争' => c(j + 1) == Some('取') && prev != Some('力'),
            '下' => next2 == "一步",
            _ => false,
        }
    }
}

/// Prepositions that make a title the place or means of an action rather than its object.
const PREPOSITIONS: &[&str] = &["在", "依托", "通过", "利用", "借助", "经由"];
/// How many characters before a title a preposition governs it.
const PREPOSITION_REACH: usize = 6;

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
];

/// Verbs of making printed matter: they govern a title without an action of their own.
const PRODUCE: &[&str] = &["编印", "印制", "制作", "汇编"];

/// What follows 将 when it marks the future: an adverb or a verb of doing.
const FUTURE_AFTER_JIANG: &[&str] = &[
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
];

/// Whether a heading names a part about what is not done yet (下一步打算, 2025年工作计划 …).
pub fn is_planning_heading(heading: &str) -> bool {
    const WORDS: &[&str] = &[
        "下一步",
        "下步",
        "工作计划",
        "工作打算",
        "工作思路",
        "工作安排",
        "今后",
        "明年",
    ];
    WORDS.iter().any(|w| heading.contains(w))
}

/// Whether a title names a plan as a whole (计划, 要点, 方案, 规划, 打算).
pub fn is_plan_title(title: &str) -> bool {
    const ENDINGS: &[&str] = &["计划", "要点", "方案", "规划", "打算", "安排"];
    ENDINGS.iter().any(|e| title.trim().ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_verb_starts_with_a_listed_character() {
        for (verb, _) in VERBS {
            assert_eq!(verb.chars().count(), 2, "{verb}");
            assert!(is_verb_start(verb.chars().next().unwrap()), "{verb}");
        }
    }

    fn actions_of(text: &str) -> Vec<Action> {
        let start = text.find('《').unwrap();
        let end = text.find('》').unwrap() + '》'.len_utf8();
        let m = Masked::new(text, std::slice::from_ref(&(start..end)));
        m.actions(m.index(start)..m.index(end))
    }

    #[test]
    fn governing_verbs_golden_table() {
        let cases: &[(&str, &[Action])] = &[
            (
                "深入学习宣传贯彻《宪法》",
                &[Action::Publicize, Action::Study, Action::Implement],
            ),
            ("学习、宣传《宪法》", &[Action::Publicize, Action::Study]),
            (
                "根据《科学技术进步法》，结合我县实际，制定本办法。",
                &[Action::Implement],
            ),
            ("学习新修订的《条例》", &[Action::Study]),
            ("按照修订后的《办法》组织申报", &[Action::Implement]),
            ("废止《高台县科技创新奖励暂行办法》", &[]),
            ("组织编印《汇编》，向企业发放1200册", &[Action::Publicize]),
            ("组织编印《汇编》。", &[]),
            (
                "《办法》已经县政府常务会议研究同意，现印发给你们。",
                &[Action::Formulate],
            ),
            ("对与《民法典》不一致的文件及时修改", &[]),
            (
                "将《办法》第十三条中的“二年”修改为“三年”",
                &[Action::Formulate],
            ),
            ("县委宣传部组织召开《条例》座谈会", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(actions_of(text), *expected, "{text}");
        }
    }

    #[test]
    fn future_markers_golden_table() {
        let cases: &[(&str, bool)] = &[
            ("我局将继续深入宣传《宪法》", true),
            ("县司法局将以此次活动为契机，继续宣传《民法典》", true),
            ("现将《办法》印发给你们", false),
            ("将《宪法》纳入学习内容", false),
            ("各部门要把《民法典》列入学习内容", true),
            ("重要的是学习《民法典》", false),
            ("拟于明年修订《办法》", true),
            ("举办模拟法庭，宣传《宪法》", false),
            ("计划开展《民法典》宣讲", true),
            ("制定了学法计划，学习《宪法》", false),
        ];
        for (text, expected) in cases {
            let start = text.find('《').unwrap();
            let end = text.find('》').unwrap() + '》'.len_utf8();
            let m = Masked::new(text, std::slice::from_ref(&(start..end)));
            assert_eq!(m.future(m.index(start)), *expected, "{text}");
        }
    }
}
