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

/// The region that `name` starts with, by full name (高台县科技局 → 高台县) or, for provinces and
/// the local divisions, by short name (甘肃日报 → 甘肃省, 中共高台县委 → 高台县 via 中共).
pub fn leading_region(name: &str) -> Option<&'static str> {
    let name = name.trim_start_matches("中共");
    PROVINCES.iter().chain(LOCAL).find_map(|&(full, short)| {
        (name.starts_with(full) || name.starts_with(short)).then_some(full)
    })
}

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
    fn regions_by_full_and_short_name() {
        assert_eq!(leading_region("甘肃省社会信用条例"), Some("甘肃省"));
        assert_eq!(
            leading_region("甘肃祁连山国家级自然保护区管理条例"),
            Some("甘肃省")
        );
        assert_eq!(leading_region("高台县科技特派员管理办法"), Some("高台县"));
        assert_eq!(
            leading_region("中共高台县委全面依法治县委员会办公室"),
            Some("高台县")
        );
        assert_eq!(
            leading_region("张掖市“十四五”生态环境保护规划"),
            Some("张掖市")
        );
        assert_eq!(leading_region("县科技局2024年度领导干部学法计划"), None);
        assert_eq!(leading_region("市场监督管理行政处罚程序规定"), None);
        assert_eq!(named_region("张掖市高台县科技局"), Some("高台县"));
    }
}
