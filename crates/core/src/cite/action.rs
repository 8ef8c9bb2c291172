//! What a document did with a title (行为): publicize, study, implement or formulate it, or cite
//! it as its own basis. Which word says so is `govern`'s business; done or planned is `mood`'s.

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
    /// 制定, 出台, 印发, 修订, 修改, 完善, 拟定, 编写.
    Formulate,
    /// The document's own basis (根据《…》，制定本办法) or a measure's article invoking it (依照
    /// 《…》予以处罚).
    Cite,
}

impl Action {
    /// Every action, in order.
    pub const ALL: [Action; 5] = [
        Action::Publicize,
        Action::Study,
        Action::Implement,
        Action::Formulate,
        Action::Cite,
    ];

    /// The snake_case name (`publicize`).
    pub fn name(self) -> &'static str {
        match self {
            Action::Publicize => "publicize",
            Action::Study => "study",
            Action::Implement => "implement",
            Action::Formulate => "formulate",
            Action::Cite => "cite",
        }
    }

    /// The action with this name (English, or one of its Chinese verbs such as 宣传; 引用 for
    /// `cite`).
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL
            .into_iter()
            .find(|a| a.name() == name)
            .or_else(|| (name == "引用").then_some(Action::Cite))
            .or_else(|| super::lexicon::action_named(name))
    }
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
    fn names_round_trip() {
        for a in Action::ALL {
            assert_eq!(Action::from_name(a.name()), Some(a));
        }
        assert_eq!(Action::from_name("宣传"), Some(Action::Publicize));
        assert_eq!(Action::from_name("引用"), Some(Action::Cite));
        assert_eq!(Action::from_name("围绕"), Some(Action::Implement));
        assert_eq!(Action::from_name("普法宣传"), None);
    }

    #[test]
    fn plan_titles() {
        assert!(is_plan_title("2025年普法工作要点"));
        assert!(is_plan_title("学法计划 "));
        assert!(!is_plan_title("2024年工作总结"));
    }
}
