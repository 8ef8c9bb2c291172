//! The region (地区) a document belongs to: the most specific province (省), city (市, 自治州)
//! or county (县, 区, 自治县) named in its issuer or title.

use super::org;
use crate::region::{chain, known_inside, Level};

/// The most specific place named in the issuer or the title: a known place anywhere in them, or
/// a name ending in 省/市/县/区/自治州/自治县 at the start of the issuer or of the title's leading
/// organization. On a tie the issuer wins.
pub fn region(title: &str, issuer: Option<&str>) -> Option<String> {
    let mut found: Vec<(Level, String)> = Vec::new();
    if let Some(issuer) = issuer {
        found.extend(chain(issuer));
        found.extend(known_inside(issuer));
    }
    found.extend(title_chain(title));
    found.extend(known_inside(title));
    let best = found.iter().map(|(level, _)| *level).max()?;
    found
        .into_iter()
        .find(|(level, _)| *level == best)
        .map(|(_, name)| name)
}

/// The places at the start of a title: of its leading organization, or of a head that is only
/// place names (高台县2021年… → 高台县).
fn title_chain(title: &str) -> Vec<(Level, String)> {
    if let Some(org) = org::leading(title) {
        return chain(org);
    }
    let head = org::head(title);
    let names = chain(head);
    let whole: usize = names.iter().map(|(_, n)| n.len()).sum();
    let head = crate::region::strip_party(head);
    if whole == head.len() && head.len() < title.len() {
        names
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_specific_place_of_title_and_issuer() {
        let table = [
            (
                "高台县司法局2019年普法依法治理工作总结",
                None,
                Some("高台县"),
            ),
            (
                "中共高台县委全面依法治县委员会办公室关于开展活动的通知",
                None,
                Some("高台县"),
            ),
            (
                "张掖市生态环境局2023年法治政府建设年度报告",
                None,
                Some("张掖市"),
            ),
            (
                "县科技局2024年度领导干部学法计划",
                Some("高台县科学技术局"),
                Some("高台县"),
            ),
            ("2024年法治建设工作总结", Some("县科技局"), None),
            (
                "高台县2021年“民法典宣传月”活动实施方案",
                Some("高台县司法局"),
                Some("高台县"),
            ),
            ("甘肃省人民政府关于加强普法的意见", None, Some("甘肃省")),
            (
                "甘肃祁连山国家级自然保护区管理局工作要点",
                None,
                Some("甘肃省"),
            ),
            (
                "关于印发《张掖市普法规划》的通知",
                Some("高台县教育局"),
                Some("高台县"),
            ),
            ("兰州市城关区人民政府工作报告", None, Some("城关区")),
            ("酒泉市玉门市人民政府工作报告", None, Some("玉门市")),
            (
                "临夏回族自治州积石山保安族东乡族撒拉族自治县工作总结",
                None,
                Some("临夏回族自治州"),
            ),
            (
                "天祝藏族自治县人民政府工作报告",
                None,
                Some("天祝藏族自治县"),
            ),
            ("西安市科技局2024年工作总结", None, Some("西安市")),
            (
                "宁夏回族自治区科技厅2024年工作要点",
                None,
                Some("宁夏回族自治区"),
            ),
            // Every provincial-level division is known by name, wherever it stands.
            ("宁夏回族自治区科技厅工作要点", None, Some("宁夏回族自治区")),
            ("加强社区矫正工作的意见", None, None),
            ("关于加强全县普法工作的通知", None, None),
            ("全县2024年普法工作要点", None, None),
            ("市场监督管理局2024年工作总结", None, None),
        ];
        for (title, issuer, expected) in table {
            assert_eq!(region(title, issuer).as_deref(), expected, "{title}");
        }
    }
}
