//! The words the attribution rules know (词表): verbs that govern a title, with the action each
//! means; verbs that govern one without any of the actions (废止); the activities that publicize a
//! title without a verb (进村入户, 知识竞赛); the markers of the future and of work done; and the
//! endings of a document's own basis (制定本办法). Gathered from how real county, city and
//! ministry documents write (docs/citations.md); every entry is tested.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::action::Action;
use super::text::Text;

/// What a word does to a title it governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sense {
    /// It means these actions (学习宣传 is one word of two actions when chained; 宣贯 is one).
    Act(&'static [Action]),
    /// It governs the title without any of the actions (废止《…》, 签订《…》): nothing farther
    /// governs it.
    Blocks,
}

/// A known word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub text: &'static str,
    pub sense: Sense,
}

const P: &[Action] = &[Action::Publicize];
const S: &[Action] = &[Action::Study];
const I: &[Action] = &[Action::Implement];
const F: &[Action] = &[Action::Formulate];
const PI: &[Action] = &[Action::Publicize, Action::Implement];
const PF: &[Action] = &[Action::Publicize, Action::Formulate];

/// Every word with its sense; longer words win over the shorter ones they start with.
const WORDS: &[(&str, Sense)] = &[
    // publicize: to the public.
    ("宣传", Sense::Act(P)),
    ("普法", Sense::Act(P)),
    ("宣讲", Sense::Act(P)),
    ("讲解", Sense::Act(P)),
    ("介绍", Sense::Act(P)),
    ("展示", Sense::Act(P)),
    ("展出", Sense::Act(P)),
    ("讲清楚", Sense::Act(P)),
    ("讲深讲透", Sense::Act(P)),
    ("讲透", Sense::Act(P)),
    ("普及", Sense::Act(P)),
    ("解读", Sense::Act(P)),
    ("送法", Sense::Act(P)),
    ("以案释法", Sense::Act(P)),
    ("以案说法", Sense::Act(P)),
    ("发放", Sense::Act(P)),
    ("分发", Sense::Act(P)),
    ("派发", Sense::Act(P)),
    ("散发", Sense::Act(P)),
    ("赠送", Sense::Act(P)),
    ("赠阅", Sense::Act(P)),
    ("张贴", Sense::Act(P)),
    ("展播", Sense::Act(P)),
    ("播放", Sense::Act(P)),
    ("推送", Sense::Act(P)),
    ("刊播", Sense::Act(P)),
    ("播出", Sense::Act(P)),
    // Plain words of village and township reports (全年学了《…》, 讲了《…》, 每户发了一本《…》);
    // `word_at` refuses them inside a longer word (印发了, 教学了, 演讲了).
    ("讲了", Sense::Act(P)),
    ("讲到", Sense::Act(P)),
    ("讲讲", Sense::Act(P)),
    ("发了", Sense::Act(P)),
    ("发给", Sense::Act(P)),
    ("学了", Sense::Act(S)),
    ("送到", Sense::Act(P)),
    ("送进", Sense::Act(P)),
    ("送入", Sense::Act(P)),
    ("送达", Sense::Act(P)),
    ("宣教", Sense::Act(P)),
    ("宣贯", Sense::Act(PI)),
    ("进村入户", Sense::Act(P)),
    ("进社区", Sense::Act(P)),
    ("进校园", Sense::Act(P)),
    ("进农村", Sense::Act(P)),
    ("进乡村", Sense::Act(P)),
    ("进机关", Sense::Act(P)),
    ("进企业", Sense::Act(P)),
    ("进万家", Sense::Act(P)),
    ("进家庭", Sense::Act(P)),
    ("进网络", Sense::Act(P)),
    ("进军营", Sense::Act(P)),
    ("进景区", Sense::Act(P)),
    ("进工地", Sense::Act(P)),
    ("进市场", Sense::Act(P)),
    ("知识竞赛", Sense::Act(P)),
    ("竞赛", Sense::Act(P)),
    ("竞答", Sense::Act(P)),
    ("知识竞答", Sense::Act(P)),
    ("有奖竞答", Sense::Act(P)),
    ("有奖问答", Sense::Act(P)),
    ("知识问答", Sense::Act(P)),
    // study: the unit's own staff.
    ("学习", Sense::Act(S)),
    ("对照学习", Sense::Act(S)),
    ("轮训", Sense::Act(S)),
    ("学法", Sense::Act(S)),
    ("研读", Sense::Act(S)),
    ("通读", Sense::Act(S)),
    ("自学", Sense::Act(S)),
    ("研学", Sense::Act(S)),
    ("研习", Sense::Act(S)),
    ("精读", Sense::Act(S)),
    ("领学", Sense::Act(S)),
    ("导学", Sense::Act(S)),
    ("促学", Sense::Act(S)),
    ("辅导", Sense::Act(S)),
    ("培训", Sense::Act(S)),
    ("学用", Sense::Act(S)),
    ("考学", Sense::Act(S)),
    ("知识测试", Sense::Act(S)),
    ("知识考试", Sense::Act(S)),
    ("测试", Sense::Act(S)),
    ("必学", Sense::Act(S)),
    ("必考", Sense::Act(S)),
    ("必讲", Sense::Act(S)),
    ("考试", Sense::Act(S)),
    ("讲授", Sense::Act(S)),
    ("授课", Sense::Act(S)),
    ("讲座", Sense::Act(S)),
    ("晨读", Sense::Act(P)),
    ("法治课", Sense::Act(P)),
    ("课程", Sense::Act(S)),
    // implement.
    ("贯彻", Sense::Act(I)),
    ("落实", Sense::Act(I)),
    ("执行", Sense::Act(I)),
    ("实施", Sense::Act(I)),
    ("施行", Sense::Act(I)),
    ("依据", Sense::Act(I)),
    ("依照", Sense::Act(I)),
    ("遵照", Sense::Act(I)),
    ("遵循", Sense::Act(I)),
    ("对照", Sense::Act(I)),
    ("按照", Sense::Act(I)),
    ("根据", Sense::Act(I)),
    ("参照", Sense::Act(I)),
    ("围绕", Sense::Act(I)),
    ("紧扣", Sense::Act(I)),
    ("紧贴", Sense::Act(I)),
    ("聚焦", Sense::Act(I)),
    ("适用", Sense::Act(I)),
    ("运用", Sense::Act(I)),
    ("遵守", Sense::Act(I)),
    ("践行", Sense::Act(I)),
    ("履行", Sense::Act(I)),
    ("对标", Sense::Act(I)),
    ("落地", Sense::Act(I)),
    ("据此", Sense::Act(I)),
    ("细化", Sense::Act(I)),
    ("分解", Sense::Act(I)),
    ("执法检查", Sense::Act(I)),
    // formulate: the author's own document.
    ("制定", Sense::Act(F)),
    ("制订", Sense::Act(F)),
    ("出台", Sense::Act(F)),
    ("印发", Sense::Act(F)),
    ("修订", Sense::Act(F)),
    ("修改", Sense::Act(F)),
    ("修正", Sense::Act(F)),
    ("修编", Sense::Act(F)),
    ("起草", Sense::Act(F)),
    ("草拟", Sense::Act(F)),
    ("完善", Sense::Act(F)),
    ("拟定", Sense::Act(F)),
    ("拟订", Sense::Act(F)),
    ("编写", Sense::Act(F)),
    ("编制", Sense::Act(F)),
    ("编印", Sense::Act(F)),
    ("编发", Sense::Act(PF)),
    ("编入", Sense::Act(F)),
    ("形成", Sense::Act(F)),
    ("下发", Sense::Act(F)),
    ("发布", Sense::Act(F)),
    ("颁布", Sense::Act(F)),
    ("公布", Sense::Act(F)),
    ("审议通过", Sense::Act(F)),
    ("审议", Sense::Act(F)),
    ("审定", Sense::Act(F)),
    ("原则通过", Sense::Act(F)),
    ("讨论通过", Sense::Act(F)),
    // Verbs that govern a title without any of the actions.
    ("废止", Sense::Blocks),
    ("废除", Sense::Blocks),
    ("签订", Sense::Blocks),
    ("签署", Sense::Blocks),
    ("填写", Sense::Blocks),
    ("填报", Sense::Blocks),
    ("核发", Sense::Blocks),
    ("颁发", Sense::Blocks),
    ("订阅", Sense::Blocks),
    ("刊发", Sense::Blocks),
    ("报送", Sense::Blocks),
    ("上报", Sense::Blocks),
    ("办理", Sense::Blocks),
    ("申领", Sense::Blocks),
    ("持有", Sense::Blocks),
    ("出具", Sense::Blocks),
    ("清理", Sense::Blocks),
    ("备案", Sense::Blocks),
    ("评估", Sense::Blocks),
    ("违反", Sense::Blocks),
];

/// Characters after a verb that make it part of an organisation's name (宣传部, 普法办, 守法普法
/// 协调小组, 执行局) or a compound noun (学习强国, 执行力): such a verb governs nothing.
const NAME_AFTER: &[&str] = &[
    "部",
    "办",
    "科",
    "股",
    "处",
    "室",
    "站",
    "中心",
    "小组",
    "领导小组",
    "协调小组",
    "委员会",
    "局",
    "所",
    "队",
    "强国",
    "型",
    "力",
    "官",
    "员",
    "工作办公室",
    "工作领导小组",
    "工作小组",
    "工作委员会",
    "工作组",
    "工作部",
    "联络员",
    "志愿者",
    "志愿服务队",
];
/// Characters that make a word with a following 进 (推进, 促进, 先进): 进村入户 is no activity there.
const BEFORE_JIN: &str = "推促引跟先前增改精挺奋并演跃递循渐迈行上激突冒长共";

/// A verb right before these governs not the title after it but a time (《X》实施以来, 实施三周年)
/// or a document kind (制定实施方案).
const NOT_AFTER_IMPLEMENT: &[&str] = &[
    "以来", "周年", "之际", "后", "前", "方案", "细则", "办法", "意见", "计划", "以前", "之日",
];

/// Characters that make a longer word with the first character of a plain word (讲了, 发了, 学了):
/// 演讲了, 印发了, 教学了 hold none of them.
const BEFORE_PLAIN: &[(char, &str)] = &[
    ('讲', "宣开演主听专必精再"),
    (
        '发',
        "印下分派散编颁核转开出收引爆批激突首研配代补复揭告启蒸挥自萌生焕奋勃群统签",
    ),
    ('学', "教大中小科自研督上入升同数文哲医化法力治好勤劝留办"),
];

/// The known word starting at character `i` of `text`, if an unmasked one does and it is used as
/// a verb there (not inside a name).
pub fn word_at(text: &Text, i: usize) -> Option<Word> {
    let first = text.at(i)?;
    if text.masked[i] {
        return None;
    }
    if let Some(word) = plain_verb(text, i, first) {
        return Some(word);
    }
    let candidates = index().get(&first)?;
    let word = candidates.iter().find(|w| text.word_at(i, w.text))?;
    // 推进乡村依法治理 holds no 进乡村: 进 closes a word of its own there.
    if first == '进' && i > 0 && text.at(i - 1).is_some_and(|p| BEFORE_JIN.contains(p)) {
        return None;
    }
    let plain = word.text.chars().count() == 2
        && matches!(word.text.chars().nth(1), Some('了' | '到' | '给' | '讲'));
    if plain && inside_longer_word(text, i, first) {
        return None;
    }
    let after = i + word.text.chars().count();
    let follows = |list: &[&str]| list.iter().any(|s| text.word_at(after, s));
    if follows(NAME_AFTER) && !matches!(word.text, "知识竞赛" | "进村入户") {
        return None;
    }
    if matches!(word.text, "实施" | "施行")
        && (follows(NOT_AFTER_IMPLEMENT)
            || text
                .at(after)
                .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十两多".contains(c)))
    {
        // 《…》实施以来, 已施行五年: a time, not an act.
        return None;
    }
    Some(*word)
}

/// A one-character verb of plain speech at character `i` (first character `first`): 讲, 学 or 发
/// right before a title (村两委要学《…》), 讲 before a count of lessons (讲2节), 发 before a count
/// of copies (再发一批《…》) — not inside a longer word (演讲, 上学, 印发).
fn plain_verb(text: &Text, i: usize, first: char) -> Option<Word> {
    let (word, sense, units) = match first {
        '讲' => ("讲", Sense::Act(P), "节课堂场次期回"),
        '学' => ("学", Sense::Act(S), ""),
        '发' => ("发", Sense::Act(P), "本份册批套张"),
        _ => return None,
    };
    let inside = inside_longer_word(text, i, first);
    let before_title = text.at(i + 1) == Some('《') && text.masked.get(i + 1) == Some(&true);
    let counted = !units.is_empty() && count_after(text, i + 1, units);
    (!inside && (before_title || counted)).then_some(Word { text: word, sense })
}

/// Whether the character before `i` makes a longer word with `first` (印发, 演讲, 上学).
fn inside_longer_word(text: &Text, i: usize, first: char) -> bool {
    BEFORE_PLAIN.iter().any(|(c, before)| {
        *c == first && i > 0 && text.at(i - 1).is_some_and(|p| before.contains(p))
    })
}

/// Whether a count of one of `units` starts at character `i`: 2节, 一堂, 两回, 一批.
fn count_after(text: &Text, i: usize, units: &str) -> bool {
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十两几".contains(c);
    let n = (i..i + 3)
        .take_while(|&k| text.at(k).is_some_and(numeral))
        .count();
    n > 0 && text.at(i + n).is_some_and(|c| units.contains(c))
}

/// The words by first character, longest first.
fn index() -> &'static HashMap<char, Vec<Word>> {
    static INDEX: OnceLock<HashMap<char, Vec<Word>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map: HashMap<char, Vec<Word>> = HashMap::new();
        for &(text, sense) in WORDS {
            if let Some(first) = text.chars().next() {
                map.entry(first).or_default().push(Word { text, sense });
            }
        }
        for words in map.values_mut() {
            words.sort_by_key(|w| std::cmp::Reverse(w.text.chars().count()));
        }
        map
    })
}

/// The English or Chinese name of an action: `publicize`, or one of its verbs (宣传).
pub fn action_named(name: &str) -> Option<Action> {
    WORDS.iter().find_map(|(w, sense)| match sense {
        Sense::Act([one]) if *w == name => Some(*one),
        _ => None,
    })
}

/// Verbs whose object is the basis of what follows (根据《…》，制定本办法): with a basis ending
/// later in the sentence, or in a measure's articles, they cite rather than implement.
pub const BASIS_VERBS: &[&str] = &["根据", "依据", "依照", "按照", "遵照", "参照"];

/// What follows a document's own basis in its sentence: 制定本办法, 特制定, 现就…通知如下.
pub const BASIS_ENDINGS: &[&str] = &[
    "制定本",
    "制订本",
    "特制定",
    "特制订",
    "制定如下",
    "规定如下",
    "意见如下",
    "特作如下",
    "本办法",
    "本规定",
    "本细则",
    "本制度",
    "本方案",
    "本计划",
    "本要点",
    "本清单",
    "本规则",
    "本意见",
    "本条例",
    "本标准",
    "本指引",
    "本准则",
    "本公约",
    "本章程",
    "本实施",
];

/// People outside the author's own staff: studying or training them is publicizing (为学校食堂
/// 从业人员进行《…》培训, 纳入“法律明白人”培训内容).
pub const OUTSIDERS: &[&str] = &[
    "群众",
    "居民",
    "村民",
    "农民",
    "牧民",
    "渔民",
    "农户",
    "市民",
    "公众",
    "学生",
    "新生",
    "师生",
    "家长",
    "青少年",
    "未成年人",
    "法律明白人",
    "经营者",
    "经营户",
    "经营主体",
    "从业人员",
    "企业",
    "职工群众",
    "务工人员",
    "农民工",
    "业主",
    "物业",
    "网格员",
    "村（社区）",
    "游客",
    "患者",
    "消费者",
    "商户",
    "驾驶人",
    "外卖骑手",
    "快递员",
];
/// Words that name the author's own people without naming a rank (全体人员, 本系统, 新任职):
/// an audience holding one is the author's staff.
pub const OWN_PEOPLE: &[&str] = &[
    "本",
    "我",
    "全体",
    "机关",
    "系统",
    "内部",
    "新任",
    "新录用",
    "新入职",
    "所属",
    "干部",
    "员工",
    "党员",
    "人员",
    "经理",
];
/// The author's own staff: studying with them is study.
pub const STAFF: &[&str] = &[
    "干部职工",
    "机关干部",
    "党员干部",
    "执法人员",
    "工作人员",
    "领导干部",
    "班子成员",
    "党组",
    "中心组",
    "公务员",
    "全局",
    "全体干部",
    "医务人员",
    "教职工",
    "教师",
];

/// Subjects that are the author itself: 我局, 本单位 …
pub const SELF_MARKS: &[char] = &['我', '本'];

/// Endings of an organisation's name standing as the subject of a verb (国务院办公厅印发, 省委
/// 依法治省办制定, 县司法局出台).
pub const ORG_ENDINGS: &[&str] = &[
    "国务院",
    "中共中央",
    "中央",
    "党中央",
    "办公厅",
    "办公室",
    "部",
    "厅",
    "局",
    "委",
    "委员会",
    "政府",
    "人大",
    "常委会",
    "法院",
    "检察院",
    "小组",
    "办",
    "署",
    "总局",
    "中心",
    "所",
    "院",
    "会",
    "部门",
    "单位",
    "机关",
];

/// Adverbs that may stand between a subject and its verb (国务院办公厅近日印发).
pub const SUBJECT_ADVERBS: &[&str] = &[
    "联合", "先后", "分别", "近日", "日前", "正式", "已", "已经", "相继", "共同", "专门", "于",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn first_word(text: &str) -> Option<&'static str> {
        let t = Text::new(text, &[]);
        (0..t.len()).find_map(|i| word_at(&t, i)).map(|w| w.text)
    }

    fn last_word(text: &str) -> Option<&'static str> {
        let t = Text::new(text, &[]);
        (0..t.len())
            .rev()
            .find_map(|i| word_at(&t, i))
            .map(|w| w.text)
    }

    #[test]
    fn every_word_is_found_as_written() {
        for (word, _) in WORDS {
            let t = Text::new(word, &[]);
            assert_eq!(word_at(&t, 0).map(|w| w.text), Some(*word), "{word}");
        }
    }

    #[test]
    fn names_and_compounds_are_not_verbs() {
        assert_eq!(first_word("县委宣传部组织"), None);
        assert_eq!(first_word("守法普法协调小组"), None);
        assert_eq!(first_word("学习强国平台"), None);
        assert_eq!(first_word("《宪法》实施以来"), None);
        assert_eq!(first_word("推进实施"), Some("实施"));
        assert_eq!(first_word("以案释法"), Some("以案释法"));
        assert_eq!(first_word("知识竞赛"), Some("知识竞赛"));
        assert_eq!(first_word("推进乡村依法治理"), None);
        assert_eq!(first_word("开展民法典进乡村活动"), Some("进乡村"));
        assert_eq!(first_word("全年学了"), Some("学了"));
        assert_eq!(first_word("印发了"), Some("印发"));
        assert_eq!(last_word("印发了"), Some("印发"));
        assert_eq!(last_word("每户发了一本"), Some("发了"));
        assert_eq!(last_word("上学了"), None);
        assert_eq!(last_word("围绕专章讲2节"), Some("讲"));
        assert_eq!(first_word("讲话精神"), None);
        assert_eq!(last_word("再发一批"), Some("发"));
        assert_eq!(last_word("印发一批"), Some("印发"));
    }

    #[test]
    fn action_names() {
        assert_eq!(action_named("宣传"), Some(Action::Publicize));
        assert_eq!(action_named("通读"), Some(Action::Study));
        assert_eq!(action_named("对照"), Some(Action::Implement));
        assert_eq!(action_named("拟定"), Some(Action::Formulate));
        assert_eq!(action_named("宣贯"), None);
    }
}
