//! Page furniture (网页装饰): the lines a government site puts around a document — breadcrumbs
//! (首页 > 政务公开 > …), menus, toolbars and accessibility links (无障碍, 关怀版, 字体大小, 打印本页,
//! 关闭窗口, 分享到), header dates (今天是…星期三), bylines and 信息公开 fields (发布时间, 来源,
//! 索引号 …), links to other pages (上一篇, 相关链接) and footers (主办单位, 网站标识码, ICP备,
//! 版权所有). They come along when a page is saved or copied; they are no title, heading or
//! passage. Pure text work, one line at a time.

use super::meta::{is_field_line, is_org_line};

/// Links and controls of toolbars, longest first within a family.
const TOOLBAR_WORDS: &[&str] = &[
    "无障碍阅读",
    "无障碍浏览",
    "无障碍",
    "关怀版",
    "关怀模式",
    "长者版",
    "长者模式",
    "适老化",
    "适老版",
    "老年版",
    "简体中文",
    "繁体中文",
    "简体",
    "繁体",
    "繁體",
    "English",
    "ENGLISH",
    "登录",
    "注册",
    "返回首页",
    "网站首页",
    "开启左侧",
    "智能问答",
    "视力保护色",
    "字体大小",
    "字体",
    "字号",
    "打印本页",
    "打印此页",
    "打印",
    "关闭窗口",
    "关闭本页",
    "关闭",
    "返回顶部",
    "分享到",
    "分享",
    "收藏",
    "我要纠错",
    "纠错",
    "网站地图",
    "隐私声明",
    "设为首页",
    "加入收藏",
    "手机版",
    "移动版",
    "微信",
    "微博",
    "扫一扫",
];
/// Starts of lines that say where the page is on its site.
const LOCATION_PREFIXES: &[&str] = &[
    "当前位置",
    "您当前的位置",
    "您当前位置",
    "您的位置",
    "您现在的位置",
    "您所在的位置",
    "所在位置",
    "当前页面",
    "位置：",
    "位置:",
];
/// Starts of lines that are furniture: links to other pages, editors, greetings, controls.
const PREFIXES: &[&str] = &[
    "上一篇",
    "下一篇",
    "上一条",
    "下一条",
    "相关链接",
    "相关文件",
    "相关解读",
    "相关新闻",
    "相关附件",
    "相关阅读",
    "相关稿件",
    "相关信息",
    "责任编辑",
    "（责任编辑",
    "(责任编辑",
    "今天是",
    "欢迎访问",
    "欢迎光临",
    "扫一扫",
    "【打印",
    "【关闭",
    "［打印",
];
/// Footer marks: a line holding one is the site's footer.
const FOOTER_MARKS: &[&str] = &[
    "ICP备",
    "ICP证",
    "公网安备",
    "网站标识码",
    "版权所有",
    "技术支持：",
    "Copyright",
    "copyright",
    "©",
];
/// Footer marks that also name an event's organizers (主办单位：县司法局): a footer holds two.
const WEAK_FOOTER_MARKS: &[&str] = &["主办单位", "承办单位", "主办：", "承办：", "协办："];
/// Ends of a site's name on its own line.
const SITE_ENDINGS: &[&str] = &[
    "门户网站",
    "政府网站",
    "网站",
    "政务服务网",
    "政府网",
    "门户网",
    "客户端",
];
/// Names of a site's columns (栏目) shown above an article.
const COLUMN_NAMES: &[&str] = &[
    "通知公告",
    "政策文件",
    "政策解读",
    "图片新闻",
    "新闻中心",
    "新闻资讯",
    "政务公开",
    "信息公开",
    "政府信息公开",
    "正文",
    "详细信息",
    "文章详情",
    "内容详情",
];
/// Ends of a column's name (政务动态, 法定主动公开内容, 政府信息公开专栏).
const COLUMN_ENDINGS: &[&str] = &[
    "专栏",
    "动态",
    "要闻",
    "信息公开",
    "公开内容",
    "公开目录",
    "政府文件",
    "部门文件",
    "栏目",
    "频道",
    "专题",
];
/// A column's name is at most this many characters.
const MAX_COLUMN_CHARS: usize = 10;
/// Breadcrumb separators.
const CRUMB_SEPARATORS: &[char] = &['>', '＞', '»', '›', '→'];
/// A furniture line is at most this many characters.
const MAX_FURNITURE_CHARS: usize = 200;
/// A toolbar token may hold this many characters besides its toolbar words (a site's own
/// service name: 随申办).
const MAX_TOOLBAR_REST: usize = 4;
/// A breadcrumb's parts are at most this many characters.
const MAX_CRUMB_CHARS: usize = 24;

/// Whether `line` is page furniture rather than text of the document.
///
/// ```
/// use zhengce_core::ingest::is_furniture;
///
/// assert!(is_furniture("首页 > 政务公开 > 政策文件"));
/// assert!(is_furniture("无障碍阅读 关怀版 返回首页"));
/// assert!(is_furniture("发布时间：2025-06-11 15:06　来源：新会区会城街道办事处"));
/// assert!(is_furniture("主办：某县人民政府办公室　网站标识码：1234567890　豫ICP备11022156号"));
/// assert!(!is_furniture("（三）推进无障碍设施和适老化改造"));
/// assert!(!is_furniture("关于开展2025年普法工作的通知"));
/// ```
pub fn is_furniture(line: &str) -> bool {
    let line = line.trim_matches(is_space);
    if line.is_empty() || line.chars().count() > MAX_FURNITURE_CHARS {
        return false;
    }
    let sentence = line.contains(['。', '；', '！', '？']);
    let bare = line.trim_start_matches(['【', '[', '［', '〖']);
    is_navigation(line)
        || PREFIXES.iter().any(|p| bare.starts_with(p))
        || (!sentence && is_footer(line))
        || (!sentence && (is_toolbar(line) || is_site_name(line)))
        || is_size_picker(line)
        || is_field_line(line)
}

/// Whether `line` says where a page is or leads elsewhere on its site: a breadcrumb
/// (`当前位置：首页 > 政务公开`), a menu (`首页　机构　新闻`). Above it stand the site's name and
/// banners, below it the document.
pub(crate) fn is_navigation(line: &str) -> bool {
    let line = line.trim_matches(is_space);
    let sentence = line.contains(['。', '；', '！', '？']);
    line.chars().count() <= MAX_FURNITURE_CHARS
        && (LOCATION_PREFIXES.iter().any(|p| line.starts_with(p))
            || (!sentence && (is_breadcrumb(line) || is_menu(line))))
}

/// A footer: one strong mark (ICP备, 网站标识码, 版权所有), or two of 主办/承办.
fn is_footer(line: &str) -> bool {
    let weak = WEAK_FOOTER_MARKS
        .iter()
        .filter(|m| line.contains(*m))
        .count();
    weak >= 2 || FOOTER_MARKS.iter().any(|m| line.contains(m))
}

/// `首页 > 政务公开 > 政策文件`, `瑞安市人民政府 > 新闻中心 > 部门动态`, `首页>>政务公开`: parts
/// separated by `>`; two separators, or one after 首页.
fn is_breadcrumb(line: &str) -> bool {
    let parts: Vec<&str> = line
        .split(CRUMB_SEPARATORS)
        .map(|p| p.trim_matches(is_space))
        .filter(|p| !p.is_empty())
        .collect();
    let short = parts.iter().all(|p| p.chars().count() <= MAX_CRUMB_CHARS);
    let home = parts.first().is_some_and(|p| p.ends_with("首页"));
    if short && (parts.len() >= 3 || (parts.len() == 2 && home)) {
        return true;
    }
    // `首页 / 政务公开 / 通知公告`, `首页-政务公开`: other separators after 首页 only.
    let parts: Vec<&str> = line
        .split(['/', '／', '-', '－', '—'])
        .map(|p| p.trim_matches(is_space))
        .filter(|p| !p.is_empty())
        .collect();
    let home = parts.first().is_some_and(|p| p.ends_with("首页"));
    home && parts.len() >= 2 && parts.iter().all(|p| p.chars().count() <= MAX_CRUMB_CHARS)
}

/// A menu: a line that starts with 首页 followed by short items (`首页　机构　新闻　政务公开`,
/// or the items run together: `首页新闻中心信息公开`).
fn is_menu(line: &str) -> bool {
    let squeezed: String = line.chars().filter(|c| !is_space(*c)).collect();
    (squeezed.starts_with("首页") || squeezed.starts_with("网站首页"))
        && !line.contains(['，', ',', '：', ':'])
        && squeezed.chars().count() <= 60
}

/// A toolbar or a header bar: every part (between spaces, `|` and brackets) is toolbar words
/// (with a few other characters: 随申办), a greeting (…欢迎您), a date or weekday, an
/// organization or site name, or one or two characters (大 中 小); at least one toolbar word,
/// greeting or weekday.
fn is_toolbar(line: &str) -> bool {
    let weekday = line.contains("星期");
    if !weekday && !line.contains("欢迎您") && !TOOLBAR_WORDS.iter().any(|w| line.contains(w)) {
        return false;
    }
    let parts: Vec<&str> = line
        .split(|c: char| is_space(c) || "|｜/【】[]（）()：:·•".contains(c))
        .filter(|p| !p.is_empty())
        .collect();
    let mut words = 0;
    for part in &parts {
        let rest = without_toolbar_words(part);
        if rest.len() < part.len() {
            words += 1;
            if rest.chars().count() > MAX_TOOLBAR_REST {
                return false;
            }
        } else if part.ends_with("欢迎您！") || part.ends_with("欢迎您") {
            words += 1;
        } else if !(part.chars().count() <= 2
            || is_date_part(part)
            || is_org_line(part)
            || is_site_name(part))
        {
            return false;
        }
    }
    words > 0 || (weekday && parts.iter().any(|p| p.starts_with("星期")))
}

/// The part without its toolbar words.
fn without_toolbar_words(part: &str) -> String {
    let mut rest = part.to_owned();
    for word in TOOLBAR_WORDS {
        rest = rest.replace(word, "");
    }
    rest
}

/// A date or a weekday of a header bar: `2025年3月19日`, `星期三`, `2025-03-19`.
fn is_date_part(part: &str) -> bool {
    super::meta::parse_date_start(part).is_some()
        || (part.starts_with("星期") && part.chars().count() == 3)
        || part.starts_with("今天是")
}

/// A column's name on its own line (`通知公告`, `法定主动公开内容`): above a web page's title it
/// is no title. Elsewhere such a line may be a section of the text (a 简报's 各乡镇工作动态).
pub(crate) fn is_column_name(line: &str) -> bool {
    COLUMN_NAMES.contains(&line)
        || (line.chars().count() <= MAX_COLUMN_CHARS
            && COLUMN_ENDINGS.iter().any(|e| line.ends_with(e))
            && !line.contains(|c: char| c.is_ascii_digit() || "，,“《".contains(c)))
}

/// A font size picker: single characters between brackets or spaces (`【大】【中】【小】`).
fn is_size_picker(line: &str) -> bool {
    let parts: Vec<&str> = line
        .split(|c: char| is_space(c) || "|｜【】[]（）()".contains(c))
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() >= 3 && parts.iter().all(|p| p.chars().count() == 1)
}

/// A site's name on its own line: `江门市新会区人民政府门户网站`.
fn is_site_name(line: &str) -> bool {
    line.chars().count() <= 30
        && SITE_ENDINGS.iter().any(|e| line.ends_with(e))
        && !line.contains(['，', ',', '“', '《'])
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{A0}' || c == '\u{FEFF}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines_of_real_layouts() {
        for line in [
            "江门市新会区人民政府门户网站",
            "首页 > 新闻动态 > 镇街动态",
            "当前位置：首页>政务公开>法定主动公开内容>计划总结",
            "瑞安市人民政府 > 新闻中心 > 部门动态",
            "首页 >> 政务公开 >> 政府文件 >> 县政府办文件",
            "首页 / 政务公开 / 通知公告",
            "位置：首页 政务公开",
            "首页　机构　新闻　政务公开　服务　互动",
            "首页新闻中心信息公开政务服务互动交流",
            "发布时间：2025-06-11 15:06　来源：新会区会城街道办事处　字号：大 中 小　分享到：",
            "【打印本页】【关闭窗口】",
            "【字体：大 中 小】　【打印】　【关闭】",
            "字体：[大 中 小]   打印   关闭",
            "分享到：",
            "打印　　关闭",
            "无障碍阅读关怀版返回首页English",
            "欢迎访问苏州市吴江区人民政府网站　简体 | 繁體 | 无障碍 | 适老化",
            "2025年5月23日 星期五 无障碍关怀模式随申办",
            "上海市宝山区人民政府 无障碍浏览长者版随申办",
            "今天是：2025年2月14日 星期五　　西峡县人民政府欢迎您！　　无障碍　关怀版",
            "开启左侧关怀版智能问答登录",
            "2025年3月19日 星期三",
            "某某县人民政府 欢迎您",
            "主办：江门市新会区人民政府办公室　承办：江门市新会区政务服务数据管理局",
            "网站标识码：4407050001　粤ICP备05016817号　粤公网安备44070502000220号",
            "上海市松江区人民政府办公室主办　　沪ICP备05003752号-2",
            "版权所有：中华人民共和国司法部　网站标识码：bm22000002",
            "上一篇：瑞安市召开2024年行政复议工作推进会",
            "相关链接：济南市历城区2024年普法依法治理工作总结",
            "主办单位：某市人民政府办公室　承办单位：某市大数据中心",
            "（责任编辑：区政府办）",
            "【大】【中】【小】",
            "某某县人民政府网",
            "索引号：11411323005730214R/2025-00007 主题分类：司法 发布机构：西峡县司法局",
            "来源：瑞安市司法局    发布时间：2024-12-06 10:21    浏览次数：403",
        ] {
            assert!(is_furniture(line), "{line}");
        }
    }

    #[test]
    fn column_names() {
        for line in [
            "法定主动公开内容",
            "通知公告",
            "政府信息公开专栏",
            "部门动态",
        ] {
            assert!(is_column_name(line), "{line}");
        }
        for line in [
            "某县2024年工作动态",
            "关于开展普法工作的通知",
            "政策解读：某办法",
        ] {
            assert!(!is_column_name(line), "{line}");
        }
    }

    #[test]
    fn text_is_not_furniture() {
        for line in [
            "（三）推进无障碍设施和适老化改造",
            "一、打印机采购和网站维护",
            "吴江区司法局2024年工作总结",
            "关于2024年第四季度政府网站和政务新媒体检查情况的通报",
            "2024年，区司法局围绕全区中心工作，统筹推进法治建设。",
            "时间：2024年5月1日至5月31日。",
            "联系人及电话：公共法律服务管理局　010-55392000",
            "北京市海淀区人民政府",
            "2026年2月26日",
            "主办单位：县委宣传部、县司法局",
            "各乡镇普法工作动态",
            "一、二、三",
            "第一条　为加强城市道路挖掘管理，制定本办法。",
            "宁波市鄞州区人民政府关于废止和修改部分行政规范性文件的决定",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
    }
}
