//! Regions (地区) named at the start of titles and issuers: China's provincial-level divisions,
//! the prefecture-level divisions of 甘肃省 and the districts and counties of 张掖市. Pure data.

/// Provincial-level divisions, with the short form used in names (甘肃日报, 甘肃祁连山…).
const PROVINCES: &[(&str, &str)] = &[
    ("北京市", "北京"),
    ("天津市", "天津"),
    ("上海市", "上海"),
    ("重庆市", "重庆"),
    ("河北省", "河北"),
    ("山西省", "山西"),
    ("辽宁省", "辽宁"),
    ("吉林省", "吉林"),
    ("黑龙江省", "黑龙江"),
    ("江苏省", "江苏"),
    ("浙江省", "浙江"),
    ("安徽省", "安徽"),
    ("福建省", "福建"),
    ("江西省", "江西"),
    ("山东省", "山东"),
    ("河南省", "河南"),
    ("湖北省", "湖北"),
    ("湖南省", "湖南"),
    ("广东省", "广东"),
    ("海南省", "海南"),
    ("四川省", "四川"),
    ("贵州省", "贵州"),
    ("云南省", "云南"),
    ("陕西省", "陕西"),
    ("甘肃省", "甘肃"),
    ("青海省", "青海"),
    ("台湾省", "台湾"),
    ("内蒙古自治区", "内蒙古"),
    ("广西壮族自治区", "广西"),
    ("西藏自治区", "西藏"),
    ("宁夏回族自治区", "宁夏"),
    ("新疆维吾尔自治区", "新疆"),
    ("香港特别行政区", "香港"),
    ("澳门特别行政区", "澳门"),
];

/// Prefecture-level divisions of 甘肃省, and the districts and counties of 张掖市.
const LOCAL: &[(&str, &str)] = &[
    ("兰州市", "兰州"),
    ("嘉峪关市", "嘉峪关"),
    ("金昌市", "金昌"),
    ("白银市", "白银"),
    ("天水市", "天水"),
    ("武威市", "武威"),
    ("张掖市", "张掖"),
    ("平凉市", "平凉"),
    ("酒泉市", "酒泉"),
    ("庆阳市", "庆阳"),
    ("定西市", "定西"),
    ("陇南市", "陇南"),
    ("临夏回族自治州", "临夏"),
    ("甘南藏族自治州", "甘南"),
    ("甘州区", "甘州"),
    ("临泽县", "临泽"),
    ("高台县", "高台"),
    ("山丹县", "山丹"),
    ("民乐县", "民乐"),
    ("肃南裕固族自治县", "肃南"),
];

/// The region that `name` starts with: by full name (高台县科技局 → 高台县) or, for provinces and
/// the local divisions, by short name (甘肃日报 → 甘肃省, 中共高台县委 → 高台县); else any name
/// of two to six Han characters ending in 县, 市, 区, 自治县 … (安吉县法律援助… → 安吉县).
pub fn leading_region(name: &str) -> Option<String> {
    let name = name.trim_start_matches("中共");
    let known = PROVINCES.iter().chain(LOCAL).find_map(|&(full, short)| {
        (name.starts_with(full) || name.starts_with(short)).then_some(full)
    });
    known.map(str::to_owned).or_else(|| general_region(name))
}

/// A name of two to six Han characters and an administrative suffix at the start of `name`
/// (安吉县, 湖州市, 互助土族自治县): the counties and cities that no table lists.
fn general_region(name: &str) -> Option<String> {
    const SUFFIXES: &[&str] = &["自治县", "自治州", "自治旗", "县", "市", "区", "旗", "盟"];
    let chars: Vec<char> = name.chars().take(10).collect();
    for end in 2..chars.len() {
        let prefix: String = chars[..end].iter().collect();
        if !prefix.chars().all(crate::segment::is_han)
            || NOT_PLACES.iter().any(|w| prefix.contains(w))
        {
            return None;
        }
        for suffix in SUFFIXES {
            if name[prefix.len()..].starts_with(suffix) {
                return Some(format!("{prefix}{suffix}"));
            }
        }
    }
    None
}

/// Words that start titles but no place names (中心城区, 经济开发区 are not regions here).
const NOT_PLACES: &[&str] = &[
    "中心", "开发", "城区", "社区", "关于", "中华", "全国", "国家", "中国", "省", "市", "县", "区",
];

/// The most specific region named anywhere in `text` (a county before its city before its province).
pub fn named_region(text: &str) -> Option<&'static str> {
    LOCAL
        .iter()
        .rev()
        .chain(PROVINCES)
        .find_map(|&(full, _)| text.contains(full).then_some(full))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_golden_table() {
        let cases: &[(&str, Option<&str>)] = &[
            ("甘肃省社会信用条例", Some("甘肃省")),
            ("甘肃祁连山国家级自然保护区管理条例", Some("甘肃省")),
            ("高台县科技特派员管理办法", Some("高台县")),
            ("中共高台县委全面依法治县委员会办公室", Some("高台县")),
            ("张掖市“十四五”生态环境保护规划", Some("张掖市")),
            ("安吉县法律援助案件质量评估办法", Some("安吉县")),
            ("互助土族自治县2025年工作要点", Some("互助土族自治县")),
            ("湖州市生态文明先行示范区建设条例", Some("湖州市")),
            ("县科技局2024年度领导干部学法计划", None),
            ("市场监督管理行政处罚程序规定", None),
            ("城区建筑垃圾管理规定", None),
            ("中心城区规划", None),
        ];
        for (name, region) in cases {
            assert_eq!(leading_region(name).as_deref(), *region, "{name}");
        }
        assert_eq!(named_region("张掖市高台县科技局"), Some("高台县"));
    }
}
