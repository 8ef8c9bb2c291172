//! Kinds of cited documents (文件类别), told from the dictionary or, for titles it lacks, from the
//! title's issuer and ending.

use serde::{Deserialize, Serialize};

use crate::region::leading_region;

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

/// Certificates, forms, lists and letters: titles, but not rules.
const OTHER_ENDINGS: &[&str] = &[
    "证",
    "执照",
    "清单",
    "目录",
    "表",
    "任务书",
    "协议书",
    "合同书",
    "承诺书",
    "责任书",
    "申请书",
    "通知书",
    "日志",
    "一封信",
    "台账",
    "名册",
    "手册",
];
/// Newspapers, books and programmes.
const PUBLICATION_ENDINGS: &[&str] = &[
    "日报",
    "报",
    "杂志",
    "周刊",
    "读本",
    "百问百答",
    "问答",
    "学习纲要",
    "选编",
    "摘编",
    "文选",
    "文集",
];
/// Television programmes are not publications of rules either.
const PROGRAMMES: &[&str] = &["法治在线", "今日说法", "焦点访谈", "新闻联播"];
const PLAN_ENDINGS: &[&str] = &["计划", "规划", "要点", "方案", "纲要"];

/// The kind of a title that the dictionary does not know.
pub fn classify(title: &str) -> Kind {
    let core = strip_period(title);
    let ends = |list: &[&str]| list.iter().any(|e| core.ends_with(e));
    let starts = |list: &[&str]| list.iter().any(|s| title.starts_with(s));
    let region = leading_region(title).is_some();
    if core.ends_with("汇编") {
        Kind::Compilation
    } else if PROGRAMMES.contains(&core) {
        Kind::Other
    } else if ends(PUBLICATION_ENDINGS) && !core.ends_with("通报") {
        Kind::Publication
    } else if ends(OTHER_ENDINGS) {
        Kind::Other
    } else if starts(&["中国共产党", "党政", "党内", "党委", "党组"]) {
        Kind::PartyRegulation
    } else if starts(&["最高人民法院", "最高人民检察院"]) {
        Kind::JudicialInterpretation
    } else if ends(PLAN_ENDINGS) {
        Kind::Plan
    } else if is_law(core) {
        Kind::Law
    } else if core.ends_with("条例") {
        if region {
            Kind::LocalRegulation
        } else {
            Kind::AdministrativeRegulation
        }
    } else if region {
        Kind::NormativeDocument
    } else if implements_a_rule(core) {
        // 医疗保障基金使用监督管理条例实施细则: a ministry's rule carrying out a regulation.
        Kind::DepartmentalRule
    } else if (core.ends_with("规定") || core.ends_with("办法")) && !title.starts_with("国务院")
    {
        Kind::DepartmentalRule
    } else if ends(&[
        "意见", "通知", "细则", "大纲", "决定", "规则", "准则", "指引", "指南",
    ]) {
        Kind::NormativeDocument
    } else {
        Kind::Other
    }
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
        || (title.starts_with("全国人民代表大会") && title.ends_with("决定"))
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
            ("高台县重大行政决策事项目录（2020年度）", Kind::Other),
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
            ("安吉县“法律明白人”管理办法", Kind::NormativeDocument),
        ];
        for (title, kind) in cases {
            assert_eq!(classify(title), *kind, "{title}");
        }
    }
}
