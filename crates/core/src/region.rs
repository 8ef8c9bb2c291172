//! Regions (地区): China's provincial-level divisions, the prefecture-level divisions of 甘肃省 and
//! the districts and counties of 张掖市 by name, and any other place by its ending (安吉县, 湖州市,
//! 互助土族自治县). Pure data and rules; documents (`ingest::meta`) and cited titles (`cite`) use it.

/// Provincial-level divisions (省级行政区).
const PROVINCES: &[&str] = &[
    "北京市",
    "天津市",
    "上海市",
    "重庆市",
    "河北省",
    "山西省",
    "辽宁省",
    "吉林省",
    "黑龙江省",
    "江苏省",
    "浙江省",
    "安徽省",
    "福建省",
    "江西省",
    "山东省",
    "河南省",
    "湖北省",
    "湖南省",
    "广东省",
    "海南省",
    "四川省",
    "贵州省",
    "云南省",
    "陕西省",
    "甘肃省",
    "青海省",
    "台湾省",
    "内蒙古自治区",
    "广西壮族自治区",
    "西藏自治区",
    "宁夏回族自治区",
    "新疆维吾尔自治区",
    "香港特别行政区",
    "澳门特别行政区",
];
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
/// Short forms read at the start of an issuer or title (甘肃祁连山… → 甘肃省, 北京日报 → 北京市).
const SHORT_FORMS: &[(&str, &str)] = &[
    ("北京", "北京市"),
    ("天津", "天津市"),
    ("上海", "上海市"),
    ("重庆", "重庆市"),
    ("河北", "河北省"),
    ("山西", "山西省"),
    ("辽宁", "辽宁省"),
    ("吉林", "吉林省"),
    ("黑龙江", "黑龙江省"),
    ("江苏", "江苏省"),
    ("浙江", "浙江省"),
    ("安徽", "安徽省"),
    ("福建", "福建省"),
    ("江西", "江西省"),
    ("山东", "山东省"),
    ("河南", "河南省"),
    ("湖北", "湖北省"),
    ("湖南", "湖南省"),
    ("广东", "广东省"),
    ("海南", "海南省"),
    ("四川", "四川省"),
    ("贵州", "贵州省"),
    ("云南", "云南省"),
    ("陕西", "陕西省"),
    ("甘肃", "甘肃省"),
    ("青海", "青海省"),
    ("内蒙古", "内蒙古自治区"),
    ("广西", "广西壮族自治区"),
    ("西藏", "西藏自治区"),
    ("宁夏", "宁夏回族自治区"),
    ("新疆", "新疆维吾尔自治区"),
    ("香港", "香港特别行政区"),
    ("澳门", "澳门特别行政区"),
    ("临夏州", "临夏回族自治州"),
    ("甘南州", "甘南藏族自治州"),
    ("张掖", "张掖市"),
    ("高台", "高台县"),
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
pub enum Level {
    /// 省, 自治区, 直辖市.
    Province = 1,
    /// 地级市, 自治州.
    City = 2,
    /// 县, 区, 县级市, 自治县.
    County = 3,
}

/// The most specific place that a cited title starts with (甘肃省社会信用条例 → 甘肃省, 湖州市…
/// → 湖州市, 甘肃祁连山… → 甘肃省). A place known only by its ending needs two characters before
/// it and no word that is not a place (城区, 社区, 中心城区, 经济开发区 are not regions here).
pub fn leading_region(name: &str) -> Option<String> {
    let places = chain(name);
    let (_, last) = places
        .iter()
        .rev()
        .find(|(_, n)| is_listed(n) || plausible(n))?;
    Some(last.clone())
}

fn is_listed(name: &str) -> bool {
    PROVINCES.contains(&name) || CITIES.contains(&name) || COUNTIES.contains(&name)
}

/// Words that start titles but no place names.
const NOT_PLACES: &[&str] = &[
    "中心", "开发", "城区", "社区", "新区", "园区", "景区", "关于", "全国", "国家",
];

fn plausible(name: &str) -> bool {
    let n = name.chars().count();
    // 郏县, 沛县: a county's name may be one character before 县 (not 一县, 两县, 邻县 …).
    let short_county = n == 2
        && name.ends_with('县')
        && !name.starts_with(['一', '两', '每', '邻', '外', '多', '几', '本', '全']);
    (n >= 3 || short_county) && !NOT_PLACES.iter().any(|w| name.contains(w))
}

/// Known places anywhere in `s`.
pub fn known_inside(s: &str) -> Vec<(Level, String)> {
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
pub fn chain(s: &str) -> Vec<(Level, String)> {
    let mut rest = strip_party(s);
    let mut names: Vec<(Level, String)> = Vec::new();
    while let Some(place) = place_at(rest, names.last().map(|(l, _)| *l)) {
        rest = &rest[place.len..];
        names.push((place.level, place.name));
    }
    names
}

/// Whether `s` is place names only, outermost first (宝鸡市, 甘肃省张掖市): the part a full name
/// of a body adds to its short name (宝鸡市陈仓区人民政府办公室 for 陈仓区人民政府办公室).
pub fn is_places(s: &str) -> bool {
    let mut rest = s;
    let mut level = None;
    while let Some(place) = place_at(rest, level) {
        rest = &rest[place.len..];
        level = Some(place.level);
    }
    !s.is_empty() && rest.is_empty()
}

/// `s` without a leading party prefix (中共高台县委 → 高台县委).
pub fn strip_party(s: &str) -> &str {
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
    fn cited_titles_golden_table() {
        let cases: &[(&str, Option<&str>)] = &[
            ("甘肃省社会信用条例", Some("甘肃省")),
            ("甘肃祁连山国家级自然保护区管理条例", Some("甘肃省")),
            ("甘肃日报", Some("甘肃省")),
            ("北京日报", Some("北京市")),
            ("高台县科技特派员管理办法", Some("高台县")),
            ("中共高台县委全面依法治县委员会办公室", Some("高台县")),
            ("张掖市“十四五”生态环境保护规划", Some("张掖市")),
            ("安吉县法律援助案件质量评估办法", Some("安吉县")),
            ("互助土族自治县2025年工作要点", Some("互助土族自治县")),
            ("湖州市生态文明先行示范区建设条例", Some("湖州市")),
            ("县科技局2024年度领导干部学法计划", None),
            ("郏县重大行政决策程序规定", Some("郏县")),
            ("邻县的做法", None),
            ("市场监督管理行政处罚程序规定", None),
            ("城区建筑垃圾管理规定", None),
            ("中心城区规划", None),
            ("中华人民共和国宪法", None),
        ];
        for (name, region) in cases {
            assert_eq!(leading_region(name).as_deref(), *region, "{name}");
        }
    }

    #[test]
    fn places_only() {
        assert!(is_places("宝鸡市"));
        assert!(is_places("甘肃省张掖市"));
        assert!(!is_places("宝鸡市人民政府"));
        assert!(!is_places(""));
    }
}
