//! The region (地区) a document belongs to: the most specific province (省), city (市, 自治州)
//! or county (县, 区, 自治县) named in its issuer or title.

use super::org;

/// Provinces known by name.
const PROVINCES: &[&str] = &["甘肃省"];
/// Gansu's prefecture-level cities and autonomous prefectures (地级行政区).
const CITIES: &[&str] = &[
    "兰州市",
    "嘉峪关市",
    "金昌市",
    "白银市",
    "天水市",
    "武威市",
    "张掖市",
    "平凉市",
    "酒泉市",
    "庆阳市",
    "定西市",
    "陇南市",
    "临夏回族自治州",
    "甘南藏族自治州",
];
/// 张掖市's district and counties (区县).
const COUNTIES: &[&str] = &[
    "甘州区",
    "临泽县",
    "高台县",
    "山丹县",
    "民乐县",
    "肃南裕固族自治县",
];
/// Short forms read at the start of an issuer or title (甘肃祁连山… → 甘肃省).
const SHORT_FORMS: &[(&str, &str)] = &[
    ("甘肃", "甘肃省"),
    ("临夏州", "临夏回族自治州"),
    ("甘南州", "甘南藏族自治州"),
];
/// Party prefixes before a place name (中共高台县委).
const PARTY_PREFIXES: &[&str] = &["中国共产党", "中共"];
/// Longest place name without an ethnic 自治 part, in characters before the ending.
const MAX_NAME_CHARS: usize = 4;
/// Longest autonomous (自治) place name, in characters before the ending.
const MAX_AUTONOMOUS_CHARS: usize = 8;
/// Characters that do not begin a place name (全县, 本市, 各区).
const NOT_FIRST: &[char] = &['全', '本', '我', '该', '各', '省', '市', '县', '区', '州'];

/// How specific a place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Province = 1,
    City = 2,
    County = 3,
}

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
    let head = strip_party(head);
    if whole == head.len() && head.len() < title.len() {
        names
    } else {
        Vec::new()
    }
}

/// Known places anywhere in `s`.
fn known_inside(s: &str) -> Vec<(Level, String)> {
    let tables = [
        (Level::Province, PROVINCES),
        (Level::City, CITIES),
        (Level::County, COUNTIES),
    ];
    tables
        .iter()
        .flat_map(|&(level, names)| {
            names
                .iter()
                .filter(|n| s.contains(*n))
                .map(move |n| (level, (*n).to_owned()))
        })
        .collect()
}

/// The place names `s` starts with, outermost first: 甘肃省张掖市高台县… → 甘肃省, 张掖市, 高台县.
fn chain(s: &str) -> Vec<(Level, String)> {
    let mut rest = strip_party(s);
    let mut names: Vec<(Level, String)> = Vec::new();
    while let Some(place) = place_at(rest, names.last().map(|(l, _)| *l)) {
        rest = &rest[place.len..];
        names.push((place.level, place.name));
    }
    names
}

fn strip_party(s: &str) -> &str {
    PARTY_PREFIXES
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .unwrap_or(s)
}

/// A place name read at the start of a text.
struct Place {
    /// The full name (甘肃省 for 甘肃).
    name: String,
    level: Level,
    /// Bytes of the text it covers.
    len: usize,
}

/// The place name at the start of `s`: a known place, a short form (first in a chain only), or
/// a name with a place ending.
fn place_at(s: &str, outer: Option<Level>) -> Option<Place> {
    let tables = [
        (Level::Province, PROVINCES),
        (Level::City, CITIES),
        (Level::County, COUNTIES),
    ];
    for (level, names) in tables {
        if let Some(name) = names.iter().find(|n| s.starts_with(*n)) {
            let (name, len) = ((*name).to_owned(), name.len());
            return Some(Place { name, level, len });
        }
    }
    let short = SHORT_FORMS.iter().find(|(short, _)| s.starts_with(short));
    if let (None, Some(&(short, full))) = (outer, short) {
        let level = if PROVINCES.contains(&full) {
            Level::Province
        } else {
            Level::City
        };
        let (name, len) = (full.to_owned(), short.len());
        return Some(Place { name, level, len });
    }
    generic_place(s, outer)
}

/// A name ending in 省, 市, 县, 区, 自治州, 自治县 or 自治区 at the start of `s`: at most
/// [`MAX_NAME_CHARS`] characters before the ending, [`MAX_AUTONOMOUS_CHARS`] for 自治 names. A
/// 市 under a city is a county-level city; a 自治区 is a province.
fn generic_place(s: &str, outer: Option<Level>) -> Option<Place> {
    let chars: Vec<char> = s.chars().take(MAX_AUTONOMOUS_CHARS + 1).collect();
    if chars.first().is_none_or(|c| NOT_FIRST.contains(c)) {
        return None;
    }
    for (i, &c) in chars.iter().enumerate().skip(1) {
        if !crate::segment::is_han(c) {
            return None;
        }
        let autonomous = i >= 2 && chars[i - 2] == '自' && chars[i - 1] == '治';
        let level = match c {
            '省' => Level::Province,
            '市' if outer.is_some_and(|o| o >= Level::City) => Level::County,
            '市' => Level::City,
            '州' if autonomous => Level::City,
            '区' if autonomous => Level::Province,
            '县' | '区' => Level::County,
            _ => continue,
        };
        let limit = if autonomous {
            MAX_AUTONOMOUS_CHARS
        } else {
            MAX_NAME_CHARS
        };
        if i > limit {
            return None;
        }
        let name: String = chars[..=i].iter().collect();
        let len = name.len();
        return Some(Place { name, level, len });
    }
    None
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
            ("宁夏回族自治区科技厅工作要点", None, None),
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
