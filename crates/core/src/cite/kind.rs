//! Kinds of cited documents (文件类别), told from the dictionary or, for titles it lacks, from the
//! title's issuer and ending.

use serde::{Deserialize, Serialize};

use crate::region::{chain, leading_region, Level};

/// What kind of document a title names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Kind {
    /// 法律 (including 宪法 and decisions of the NPC Standing Committee).
    Law,
    /// 行政法规.
    AdministrativeRegulation,
    /// 地方性法规 and 地方政府规章.
    LocalRegulation,
    /// 党内法规.
    PartyRegulation,
    /// 司法解释.
    JudicialInterpretation,
    /// 部门规章.
    DepartmentalRule,
    /// 规范性文件: 意见, 通知, 细则; county and city measures and decisions.
    NormativeDocument,
    /// 计划, 规划, 要点, 方案, 纲要.
    Plan,
    /// 汇编.
    Compilation,
    /// Newspapers and books (《人民日报》).
    Publication,
    /// Certificates, forms, lists, programmes and anything else.
    Other,
}

impl Kind {
    /// Every kind, in order.
    pub const ALL: [Kind; 11] = [
        Kind::Law,
        Kind::AdministrativeRegulation,
        Kind::LocalRegulation,
        Kind::PartyRegulation,
        Kind::JudicialInterpretation,
        Kind::DepartmentalRule,
        Kind::NormativeDocument,
        Kind::Plan,
        Kind::Compilation,
        Kind::Publication,
        Kind::Other,
    ];

    /// The snake_case name (`local_regulation`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Law => "law",
            Kind::AdministrativeRegulation => "administrative_regulation",
            Kind::LocalRegulation => "local_regulation",
            Kind::PartyRegulation => "party_regulation",
            Kind::JudicialInterpretation => "judicial_interpretation",
            Kind::DepartmentalRule => "departmental_rule",
            Kind::NormativeDocument => "normative_document",
            Kind::Plan => "plan",
            Kind::Compilation => "compilation",
            Kind::Publication => "publication",
            Kind::Other => "other",
        }
    }

    /// The kind with this snake_case name.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// Certificates, forms and letters: titles, but not rules.
const OTHER_ENDINGS: &[&str] = &[
    "证",
    "执照",
    "表",
    "任务书",
    "协议书",
    "合同书",
    "承诺书",
    "责任书",
    "申请书",
    "通知书",
    "决定书",
    "日志",
    "一封信",
    "台账",
    "名册",
    "倡议书",
    "告知书",
    "告知单",
    "协议",
    "明白卡",
    "提示卡",
    "联系卡",
    "须知",
];
/// Newspapers, books, readers, booklets and programmes' companions.
const PUBLICATION_ENDINGS: &[&str] = &[
    "日报",
    "报",
    "杂志",
    "周刊",
    "读本",
    "百问百答",
    "问答",
    "学习纲要",
    "摘编",
    "文选",
    "文集",
    "手册",
    "口袋书",
    "概论",
    "故事",
    "故事集",
    "画册",
    "图解",
    "图册",
    "漫画",
    "明白纸",
    "宣传册",
    "宣传单",
    "读物",
    "教材",
    "常识",
    "丛书",
    "案例",
    "案例集",
    "一本通",
    "指南针",
    "新闻",
    "内刊",
    "周报",
    "晚报",
    "月刊",
    "期刊",
    "画报",
    "服务指南",
    "法律问题",
    "百姓生活",
];
/// Television and radio programmes are not publications of rules either.
const PROGRAMMES: &[&str] = &["法治在线", "今日说法", "焦点访谈", "新闻联播", "以案说法"];
const PLAN_ENDINGS: &[&str] = &["计划", "规划", "要点", "方案", "纲要", "安排"];
/// Endings of the rules and lists a government or party body issues.
const NORMATIVE_ENDINGS: &[&str] = &[
    "意见", "通知", "细则", "大纲", "决定", "规则", "准则", "指引", "指南", "清单", "目录", "规范",
    "措施", "基准", "制度", "机制", "标准", "公约", "守则", "章程", "结果", "通报", "批复", "办法",
    "规定", "决议", "民约", "村规", "范本",
];
/// Bodies whose own rules are normative documents wherever they are (a company's, a college's).
const INSTITUTIONS: &[&str] = &[
    "公司", "集团", "学院", "大学", "学校", "中学", "小学", "医院", "中心", "协会", "村", "社区",
    "镇", "乡", "街道",
];

/// The kind of a title that the dictionary does not know.
pub fn classify(title: &str) -> Kind {
    let core = strip_period(title);
    let ends = |list: &[&str]| list.iter().any(|e| core.ends_with(e));
    let starts = |list: &[&str]| list.iter().any(|s| title.starts_with(s));
    let region = region_level(title);
    if ["汇编", "选编", "案例选"].iter().any(|e| core.ends_with(e)) {
        Kind::Compilation
    } else if PROGRAMMES.contains(&core) {
        Kind::Other
    } else if (ends(PUBLICATION_ENDINGS) && !core.ends_with("通报") && !core.ends_with("简报"))
        || is_questions_book(core)
        || is_book_about_a_law(core)
    {
        Kind::Publication
    } else if ends(OTHER_ENDINGS) {
        Kind::Other
    } else if core.ends_with("普法") {
        // 《梨树普法》: a county's bulletin or column, no law.
        Kind::Publication
    } else if starts(&["中国共产党", "党政", "党内", "党委", "党组"])
        || (core.contains("党组织工作")
            && ["规则", "条例", "规定"].iter().any(|e| core.ends_with(e)))
    {
        Kind::PartyRegulation
    } else if starts(&["最高人民法院", "最高人民检察院"]) {
        Kind::JudicialInterpretation
    } else if ends(PLAN_ENDINGS) {
        Kind::Plan
    } else if is_law(core) {
        Kind::Law
    } else if core.ends_with("条例") {
        if region.is_some() {
            Kind::LocalRegulation
        } else {
            Kind::AdministrativeRegulation
        }
    } else if is_institutions_own(core) && ends(NORMATIVE_ENDINGS) {
        Kind::NormativeDocument
    } else if region == Some(Level::Province)
        && !core.contains("关于")
        && !names_a_department(core)
        && ["规定", "办法", "细则"].iter().any(|e| core.ends_with(e))
    {
        // 江苏省行政程序规定, 湖南省实施〈义务教育法〉办法: a province's rule (省政府规章) or
        // implementing regulation.
        Kind::LocalRegulation
    } else if region.is_some() {
        Kind::NormativeDocument
    } else if implements_a_rule(core) {
        // 医疗保障基金使用监督管理条例实施细则: a ministry's rule carrying out a regulation.
        Kind::DepartmentalRule
    } else if (core.ends_with("规定") || core.ends_with("办法") || core.ends_with("规程"))
        && !title.starts_with("国务院")
    {
        Kind::DepartmentalRule
    } else if ends(NORMATIVE_ENDINGS) {
        Kind::NormativeDocument
    } else {
        Kind::Other
    }
}

/// Whether a title names a company's, a school's, a hospital's or a village's own rules (山西路桥
/// 建设集团有限公司合规管理办法, 河口镇行政执法公示办法).
fn is_institutions_own(title: &str) -> bool {
    const GENERIC_PREFIXES: &[&str] = &[
        "中小",
        "高等",
        "普通",
        "民办",
        "未成年",
        "全国",
        "国家",
        "农",
    ];
    // 集团合规管理办法: the author's own group or company, named first.
    if title.contains("有限公司")
        || title.contains("股份公司")
        || title.starts_with("集团")
        || title.starts_with("公司")
    {
        return true;
    }
    let head: Vec<char> = title.chars().take(16).collect();
    INSTITUTIONS.iter().any(|i| {
        let word: Vec<char> = i.chars().collect();
        (2..head.len().saturating_sub(word.len()) + 1).any(|p| {
            let prefix: String = head[..p].iter().collect();
            head[p..].starts_with(&word) && !GENERIC_PREFIXES.iter().any(|g| prefix.contains(g))
        })
    })
}

/// Whether a province's title names one of its departments or a fund (甘肃省自然资源厅…办法,
/// …补助奖励资金管理办法): a normative document, not the province's own rule (规章).
fn names_a_department(title: &str) -> bool {
    let head: String = title.chars().take(12).collect();
    ["厅", "局", "委员会", "办公室"]
        .iter()
        .any(|d| head.contains(d))
        || title.contains("资金")
}

/// The level of the place a title begins with, if it begins with one.
fn region_level(title: &str) -> Option<Level> {
    leading_region(title)?;
    chain(title).last().map(|(level, _)| *level)
}

/// A booklet of questions: 劳动者维权法律知识100问, 民法典50问, 百问.
fn is_questions_book(title: &str) -> bool {
    let Some(rest) = title.strip_suffix('问') else {
        return false;
    };
    rest.ends_with(|c: char| c.is_ascii_digit() || "百十千".contains(c))
}

/// A book named after a law (农民身边的民法典, 我们的宪法): a law's name after 的.
fn is_book_about_a_law(title: &str) -> bool {
    title.rsplit_once('的').is_some_and(|(_, law)| {
        law.chars().count() <= 4 && (law.ends_with('法') || law.ends_with("法典"))
    })
}

fn implements_a_rule(title: &str) -> bool {
    ["实施细则", "实施办法"].iter().any(|e| {
        title
            .strip_suffix(e)
            .is_some_and(|base| base.ends_with("条例") || base.ends_with('法'))
    })
}

fn is_law(title: &str) -> bool {
    (title.ends_with('法') && !title.ends_with("办法") && !title.ends_with("方法"))
        || title.ends_with("法典")
        || title.contains("修正案")
        || (title.starts_with("全国人民代表大会")
            && (title.ends_with("决定") || title.ends_with("决议")))
}

/// `title` without a trailing period such as （2021—2025年） or （2020年度）.
fn strip_period(title: &str) -> &str {
    match title
        .strip_suffix('）')
        .and_then(|t| t.rfind('（').map(|i| &t[..i]))
    {
        Some(core) if !core.is_empty() => core,
        _ => title,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_golden_table() {
        let cases: &[(&str, Kind)] = &[
            ("领导干部应知应会党内法规和国家法律汇编", Kind::Compilation),
            ("人民日报", Kind::Publication),
            ("甘肃日报", Kind::Publication),
            ("习近平法治思想学习纲要", Kind::Publication),
            ("法治在线", Kind::Other),
            ("营业执照", Kind::Other),
            (
                "高台县重大行政决策事项目录（2020年度）",
                Kind::NormativeDocument,
            ),
            (
                "汨罗市2024年度国家机关普法责任清单",
                Kind::NormativeDocument,
            ),
            ("劳动者维权法律知识100问", Kind::Publication),
            ("民法典婚姻家庭编图解", Kind::Publication),
            ("梨树普法", Kind::Publication),
            ("中小学校党组织工作规则（试行）", Kind::PartyRegulation),
            ("集团合规管理办法", Kind::NormativeDocument),
            ("河口镇村规民约范本", Kind::NormativeDocument),
            ("小微企业合规经营手册", Kind::Publication),
            ("农民身边的民法典", Kind::Publication),
            ("习近平法治思想概论", Kind::Publication),
            ("江苏省行政程序规定", Kind::LocalRegulation),
            ("郏县重大行政决策程序规定", Kind::NormativeDocument),
            ("2025年醴陵市“民法典宣传月”工作安排", Kind::Plan),
            (
                "关于深化“八五”普法规划实施的若干措施",
                Kind::NormativeDocument,
            ),
            (
                "全国人民代表大会常务委员会关于开展第八个五年法治宣传教育的决议",
                Kind::Law,
            ),
            ("中国共产党统一战线工作条例", Kind::PartyRegulation),
            (
                "党政主要负责人履行推进法治建设第一责任人职责规定",
                Kind::PartyRegulation,
            ),
            (
                "最高人民法院关于行政机关负责人出庭应诉若干问题的规定",
                Kind::JudicialInterpretation,
            ),
            ("县科技局2024年度领导干部学法计划", Kind::Plan),
            ("法治政府建设实施纲要（2021—2025年）", Kind::Plan),
            ("高台县推进大众创业万众创新实施方案", Kind::Plan),
            ("中华人民共和国民法典", Kind::Law),
            (
                "全国人民代表大会常务委员会关于修改《中华人民共和国安全生产法》的决定",
                Kind::Law,
            ),
            ("甘肃祁连山国家级自然保护区管理条例", Kind::LocalRegulation),
            ("企业信息公示暂行条例", Kind::AdministrativeRegulation),
            ("高台县科技特派员管理办法", Kind::NormativeDocument),
            (
                "高台县人民政府关于修改和废止部分规范性文件的决定",
                Kind::NormativeDocument,
            ),
            ("科学技术活动违规行为处理规定", Kind::DepartmentalRule),
            (
                "国务院办公厅关于深入推行科技特派员制度的若干意见",
                Kind::NormativeDocument,
            ),
            ("公平竞争审查制度实施细则", Kind::NormativeDocument),
            (
                "医疗保障基金使用监督管理条例实施细则",
                Kind::DepartmentalRule,
            ),
            ("习近平关于全面依法治国论述摘编", Kind::Publication),
            ("儋州市场监管以案释法案例选编（2024）", Kind::Compilation),
            (
                "山西路桥建设集团有限公司合规管理办法",
                Kind::NormativeDocument,
            ),
            ("河口镇行政执法公示办法", Kind::NormativeDocument),
            ("友联村村规民约", Kind::NormativeDocument),
            ("民法典与百姓生活", Kind::Publication),
            ("中小学法治副校长聘任与管理办法", Kind::DepartmentalRule),
            ("未成年人学校保护规定", Kind::DepartmentalRule),
            ("安吉县“法律明白人”管理办法", Kind::NormativeDocument),
        ];
        for (title, kind) in cases {
            assert_eq!(classify(title), *kind, "{title}");
        }
    }
}
