//! Tests of metadata extraction: the bundled corpus against `tests/data/corpus_meta.tsv`, and
//! made-up documents for each rule.

use std::collections::BTreeMap;

use super::*;
use crate::ingest::decode;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
const CORPUS_META: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/data/corpus_meta.tsv"
);

/// The rows of `corpus_meta.tsv` as maps from column name to cell.
fn expected_rows() -> Vec<BTreeMap<String, String>> {
    let table = std::fs::read_to_string(CORPUS_META).unwrap();
    let mut lines = table.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    lines
        .map(|line| {
            let cells = line.split('\t').map(str::to_owned);
            header.iter().map(|h| (*h).to_owned()).zip(cells).collect()
        })
        .collect()
}

fn opt(cell: &str) -> Option<String> {
    (!cell.is_empty()).then(|| cell.to_owned())
}

#[test]
fn corpus_metadata_matches_the_golden_table() {
    let rows = expected_rows();
    let mut documents: Vec<String> = std::fs::read_dir(CORPUS)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.') && name != "README.md")
        .collect();
    documents.sort();
    let listed: Vec<String> = rows.iter().map(|r| r["path"].clone()).collect();
    assert_eq!(documents, listed, "one row per corpus document");

    let mut wrong = Vec::new();
    for row in &rows {
        let path = &row["path"];
        let bytes = std::fs::read(format!("{CORPUS}/{path}")).unwrap();
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.encoding, row["encoding"], "{path}");
        let got = of_file(&decoded.text, path);
        let want = Metadata {
            title: row["title"].clone(),
            date: opt(&row["date"]),
            year: row["year"].parse().ok(),
            issuer: opt(&row["issuer"]),
            region: opt(&row["region"]),
            doc_type: opt(&row["type"]),
            doc_number: opt(&row["doc_number"]),
            ..Metadata::default()
        };
        if got != want {
            wrong.push(format!("{path}\n  got  {got:?}\n  want {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

fn meta(text: &str) -> Metadata {
    extract(text, "未命名.txt", None)
}

#[test]
fn red_header_number_and_signature() {
    let text = "高台县人民政府办公室文件\n\n高政办发〔2022〕45号\n\n\
                高台县人民政府办公室关于做好2022年普法工作的通知\n各乡镇人民政府：\n\
                现将有关事项通知如下。\n一、加强领导\n（一）压实责任。\n\
                \u{3000}\u{3000}高台县人民政府办公室\n\u{3000}\u{3000}2022年8月16日\n";
    assert_eq!(
        meta(text),
        Metadata {
            title: "高台县人民政府办公室关于做好2022年普法工作的通知".into(),
            date: Some("2022-08-16".into()),
            year: Some(2022),
            issuer: Some("高台县人民政府办公室".into()),
            region: Some("高台县".into()),
            doc_type: Some("通知".into()),
            doc_number: Some("高政办发〔2022〕45号".into()),
            ..Metadata::default()
        }
    );
}

#[test]
fn document_numbers_in_every_bracket_are_read_from_the_header() {
    for number in [
        "甘政发〔2021〕7号",
        "甘政发[2021]7号",
        "甘政发(2021)7号",
        "甘政发（2021）7号",
        "甘政发【2021】7号",
    ] {
        let text =
            format!("甘肃省人民政府文件\n{number}\n甘肃省人民政府关于加强法治建设的意见\n正文。");
        let got = meta(&text);
        assert_eq!(got.doc_number.as_deref(), Some(number));
        assert_eq!(got.title, "甘肃省人民政府关于加强法治建设的意见");
        assert_eq!(got.region.as_deref(), Some("甘肃省"));
        assert_eq!(got.doc_type.as_deref(), Some("意见"));
    }
    let signed =
        meta("高台县科学技术局文件\n高科发〔2023〕12号　　　　签发人：张三\n关于X的通知\n正文。");
    assert_eq!(signed.doc_number.as_deref(), Some("高科发〔2023〕12号"));
    assert_eq!(signed.title, "关于X的通知");
    let cited = meta("关于X的通知\n根据《Y办法》（高政办发〔2023〕28号）制定。\n");
    assert_eq!(
        cited.doc_number, None,
        "a 文号 cited in the body is not the document's"
    );
    let bulletin = meta("普法工作简报\n2024年第3期（总第27期）\n县司法局编\n【工作动态】\n");
    assert_eq!(bulletin.doc_number, None, "an issue number is not a 文号");
    assert_eq!(bulletin.title, "普法工作简报2024年第3期");
    assert_eq!(bulletin.issuer.as_deref(), Some("县司法局"));
    assert_eq!(bulletin.year, Some(2024));
}

#[test]
fn chinese_numeral_signature_dates() {
    let text = "高台县教育局2024年法治政府建设工作总结\n2024年，县教育局坚持依法治教。\n\
                高台县教育局\n二〇二四年十二月二十日\n";
    let got = meta(text);
    assert_eq!(got.date.as_deref(), Some("2024-12-20"));
    assert_eq!(got.issuer.as_deref(), Some("高台县教育局"));
    let circle = meta("某某总结\n正文。\n某某局\n二○二三年五月十日");
    assert_eq!(circle.date.as_deref(), Some("2023-05-10"));
    assert_eq!(circle.year, Some(2023), "the year from the date");
}

#[test]
fn printed_measures_take_the_measure_title() {
    let quoted = "高台县人民政府办公室文件\n高政办发〔2023〕28号\n\
                  高台县人民政府办公室关于印发《高台县科技计划项目管理办法(试行)》的通知\n\
                  各乡镇：\n现印发给你们。\n高台县科技计划项目管理办法（试行）\n第一章　总则\n";
    assert_eq!(meta(quoted).title, "高台县科技计划项目管理办法（试行）");
    assert_eq!(meta(quoted).doc_type.as_deref(), Some("管理办法"));
    let bare =
        "关于印发高台县科技特派员管理办法的通知\n各乡镇：\n高台县科技特派员管理办法\n第一条　为…";
    assert_eq!(meta(bare).title, "高台县科技特派员管理办法");
    let notice_only = "关于印发《某某办法》的通知\n各乡镇：\n现将《某某办法》印发给你们。\n";
    assert_eq!(meta(notice_only).title, "关于印发《某某办法》的通知");
    assert_eq!(meta(notice_only).doc_type.as_deref(), Some("通知"));
    let broken = "高台县人民政府办公室关于印发\n高台县科技特派员管理办法的通知\n各乡镇：\n";
    assert_eq!(
        meta(broken).title,
        "高台县人民政府办公室关于印发高台县科技特派员管理办法的通知"
    );
}

#[test]
fn without_a_title_line_the_file_name_gives_the_title() {
    let text = "2024年,县科技局在县委、县政府的坚强领导下,坚持依法行政。\n一、工作进展情况\n";
    let got = extract(text, "dir/高台县科技局2024年法治建设工作总结.txt", None);
    assert_eq!(got.title, "2024年法治建设工作总结");
    assert_eq!(got.issuer.as_deref(), Some("县科技局"));
    assert_eq!(got.region, None);
    assert_eq!(got.doc_type.as_deref(), Some("工作总结"));
    assert_eq!(got.year, Some(2024));
    let plain = extract("这是正文。", "笔记.txt", None);
    assert_eq!(plain.title, "笔记");
    assert_eq!(plain.year, None);
    let from_name = extract("正文没有年份。", "2019年总结.txt", None);
    assert_eq!(from_name.year, Some(2019));
}

#[test]
fn front_matter_wins_and_is_not_the_title() {
    let text = "---\ntitle: 张掖市生态环境局2023年法治政府建设年度报告\ndate: 2023-12-28\n\
                issuer: 张掖市生态环境局\ndoc_number: \"张环发〔2023〕156号\"\n---\n\n# 标题行\n\n正文。\n";
    let got = of_file(text, "a.md");
    assert_eq!(got.title, "张掖市生态环境局2023年法治政府建设年度报告");
    assert_eq!(got.date.as_deref(), Some("2023-12-28"));
    assert_eq!(got.doc_number.as_deref(), Some("张环发〔2023〕156号"));
    assert_eq!(got.region.as_deref(), Some("张掖市"));
    let untitled = of_file("---\ndate: 2023/1/2\n---\n# 民法典宣传月\n内容", "b.md");
    assert_eq!(
        untitled.title, "民法典宣传月",
        "Markdown marks are not the title"
    );
    assert_eq!(untitled.date.as_deref(), Some("2023-01-02"));
    let txt = of_file(
        "---\ntitle: x\ndate: 2020-01-01\n---\n这是一段正文。",
        "c.txt",
    );
    assert_eq!(
        (txt.title.as_str(), txt.date),
        ("c", None),
        "front matter is only read from Markdown files"
    );
}

#[test]
fn years_of_titles_skip_range_ends() {
    assert_eq!(
        title_year("高台县法治宣传教育第八个五年规划（2021—2025年）"),
        Some(2021)
    );
    assert_eq!(title_year("县科技局2024年度领导干部学法计划"), Some(2024));
    assert_eq!(title_year("2016-2020年规划"), Some(2016));
    assert_eq!(title_year("第12016-2020年"), Some(2020));
    assert_eq!(first_year("第12024年"), None);
    assert_eq!(first_year("２０２４年"), Some(2024));
}

#[test]
fn odd_inputs_and_every_prefix_of_documents_are_read_without_panicking() {
    for text in [
        "",
        "#",
        "---",
        "第",
        "（",
        "(",
        "附件",
        "2024年",
        "〔2024〕1号",
        "编",
        "高台县文件",
        "\u{FEFF}",
        "二〇二四年",
        "一、",
        "1.",
        "【】",
        "---\ntitle: x\n---",
    ] {
        let _ = extract(text, "", None);
        let _ = of_file(text, ".md");
        let _ = crate::ingest::outline(text);
    }
    for name in [
        "高台县司法局普法工作简报2024年第3期.txt",
        "高台县人民政府办公室2022年科技特派员管理办法.txt",
        "张掖市生态环境局2023年法治政府建设年度报告.md",
    ] {
        let bytes = std::fs::read(format!("{CORPUS}/{name}")).unwrap();
        let text = decode(&bytes).unwrap().text;
        for (end, _) in text.char_indices().step_by(7) {
            let _ = of_file(&text[..end], name);
            let _ = of_file(&text[end..], name);
            let headings = crate::ingest::outline(&text[end..]);
            let _ = crate::ingest::section_path(&headings, end);
        }
    }
}

/// Metadata of a page saved from a site, as its HTML reader passes it (a declared title).
fn page(text: &str, declared_title: &str) -> Metadata {
    of_file_declared(
        text,
        "t20250101_1.html",
        &Declared::new().title(declared_title),
    )
}

#[test]
fn copied_news_page_takes_title_source_and_published_date() {
    let text = "某市某区人民政府门户网站\n首页 > 新闻动态 > 镇街动态\n\
                某街道开展“民法典进万家”普法宣传\n\
                2025-06-11 15:06　来源：某区某街道办事处　字号：大 中 小　分享到：\n\
                6月上旬，某街道组织司法所开展普法宣传活动。\n【打印本页】【关闭窗口】\n\
                主办：某区人民政府办公室　承办：某区政务服务数据管理局\n网站标识码：4407050001　粤ICP备05016817号";
    let m = of_file(text, "普法宣传.txt");
    assert_eq!(m.title, "某街道开展“民法典进万家”普法宣传");
    assert_eq!(m.published.as_deref(), Some("2025-06-11"));
    assert_eq!(m.date, None, "a news item has no 成文日期");
    assert_eq!(m.year, Some(2025));
    assert_eq!(m.issuer.as_deref(), Some("某区某街道办事处"));
    assert_eq!(m.doc_type.as_deref(), Some("新闻"));
}

#[test]
fn the_table_wins_over_the_page_furniture_and_the_header_date() {
    let text = "今天是2026年3月21日 星期六　无障碍　关怀版\n某市某区人民政府\n\
                首页 > 政务公开 > 法治政府建设年度报告\n索 引 号：\n11N2130000/2026-00015\n\
                发文机关：\n某市某区人民政府\n发布机构：\n某市某区司法局\n成文日期：\n2026年02月26日\n\
                发布日期：\n2026年03月20日\n发文字号：\n某政发〔2026〕5号\n\
                标　　题：\n某市某区人民政府关于2025年度法治政府建设情况的报告\n\
                某市某区人民政府关于2025年度法治政府建设情况的报告\n某市人民政府：\n\
                2025年，区政府推进法治政府建设。\n三、2026年工作安排\n2026年，区政府将继续努力。\n\
                某市某区人民政府\n2026年2月26日\n分享到：微信 微博　打印　关闭";
    let m = page(text, "Document");
    assert_eq!(
        m.title,
        "某市某区人民政府关于2025年度法治政府建设情况的报告"
    );
    assert_eq!(m.year, Some(2025), "the year the report is about");
    assert_eq!(m.date.as_deref(), Some("2026-02-26"));
    assert_eq!(m.published.as_deref(), Some("2026-03-20"));
    assert_eq!(
        m.issuer.as_deref(),
        Some("某市某区人民政府"),
        "发文机关, not 发布机构"
    );
    assert_eq!(m.doc_number.as_deref(), Some("某政发〔2026〕5号"));
    assert_eq!(m.index_no.as_deref(), Some("11N2130000/2026-00015"));
    assert_eq!(m.doc_type.as_deref(), Some("年度报告"));
}

#[test]
fn plans_keep_their_period_and_are_filed_under_its_first_year() {
    for (title, period) in [
        ("某县高标准农田建设实施方案（2023—2027年）", (2023, 2027)),
        ("某县“十四五”交通发展规划（2021-2025年）", (2021, 2025)),
        ("某区养老服务三年行动计划（2024年—2026年）", (2024, 2026)),
        ("某县普法规划（2021至2025年）", (2021, 2025)),
        ("某县规划（2026–2030年）", (2026, 2030)),
    ] {
        let m = extract(
            &format!("{title}\n正文。\n某县人民政府\n2022年1月10日"),
            "a.txt",
            None,
        );
        let (from, to) = period;
        assert_eq!(m.period, Some(Period { from, to }), "{title}");
        assert_eq!(m.year, Some(from), "{title}");
    }
    let valid = meta(
        "某区关于加快发展银发经济的实施意见\n本意见有效期至2030年。\n某区人民政府\n2025年5月30日",
    );
    assert_eq!((valid.period, valid.year), (None, Some(2025)));
    let report = meta("某区2025年度法治政府建设情况报告\n正文。\n某区人民政府\n2026年2月27日");
    assert_eq!(report.year, Some(2025), "2025年度 issued in 2026");
}

#[test]
fn issuers_are_names_never_clauses_or_sites() {
    let clause = meta("2024年，某街道在区委区政府的坚强领导下，坚持党建引领。\n一、经济运行\n");
    assert_eq!(clause.issuer.as_deref(), Some("某街道"));
    let town = meta("宋庄镇2024年工作总结\n2024年，宋庄镇在区委区政府的坚强领导下。\n");
    assert_eq!(town.issuer.as_deref(), Some("宋庄镇"));
    let signed = of_file(
        "当前位置：首页 > 信息公开 > 区司法局\n某区司法局2024年工作总结\n\
         发布时间：2025-01-16　来源：区司法局\n2024年，区司法局统筹推进法治建设。\n\
         苏州市某区司法局\n2025年1月10日\n上一篇：某区司法局年度报告",
        "Document.html",
    );
    assert_eq!(
        signed.issuer.as_deref(),
        Some("苏州市某区司法局"),
        "the 落款's full name"
    );
    assert_eq!(signed.date.as_deref(), Some("2025-01-10"));
    assert_eq!(signed.published.as_deref(), Some("2025-01-16"));
    let one_line = meta("某县司法局2025年度普法工作计划\n正文。\n某县司法局　2025年2月10日");
    assert_eq!(one_line.date.as_deref(), Some("2025-02-10"));
    assert_eq!(one_line.issuer.as_deref(), Some("某县司法局"));
}

#[test]
fn titles_broken_after_the_issuer_and_declared_titles() {
    let broken =
        meta("某市某区人民政府\n关于2024年法治政府建设工作情况的报告\n某市人民政府：\n正文。");
    assert_eq!(
        broken.title,
        "某市某区人民政府关于2024年法治政府建设工作情况的报告"
    );
    let text = "上海某区\n首页 > 某区 > 街镇动态\n某镇开展主题宣传活动\n\
                发布时间：2025-05-22　信息来源：某镇人民政府\n5月20日，某镇举办活动。";
    assert_eq!(
        page(text, "上海市某区人民政府").title,
        "某镇开展主题宣传活动"
    );
    assert_eq!(page(text, "Document").title, "某镇开展主题宣传活动");
    let shorter = page(
        "某区人民政府办公室关于印发某计划的通知\n各镇：\n正文。",
        "区人民政府办公室关于印发某计划的通知",
    );
    assert_eq!(shorter.title, "某区人民政府办公室关于印发某计划的通知");
    // The site's name after the page's title is no part of it.
    let suffixed = page(
        "某区人民政府办公室关于转发《某市2025年普法工作要点》的通知
各镇：
正文。",
        "某市某区人民政府办公室关于转发《某市2025年普法工作要点》的通知-某区人民政府",
    );
    assert_eq!(
        suffixed.title,
        "某市某区人民政府办公室关于转发《某市2025年普法工作要点》的通知"
    );
    let untitled = page(
        "全面推进严格规范公正文明执法。",
        "2023年法治政府建设年度报告",
    );
    assert_eq!(untitled.title, "2023年法治政府建设年度报告");
}

#[test]
fn a_notice_printing_a_measure_is_dated_by_its_signature() {
    let text = "某区人民政府办公室关于印发某区代建管理办法的通知\n各镇人民政府：\n\
                《某区代建管理办法》已经区人民政府同意，现印发给你们。\n某区人民政府办公室\n\
                2024年6月5日\n某区代建管理办法\n第一条　为规范代建管理，制定本办法。\n\
                第二条　本办法所称代建，是指……\n第三条　……\n第四条　……\n第五条　本办法自2024年7月1日起施行。";
    let m = meta(text);
    assert_eq!(m.date.as_deref(), Some("2024-06-05"));
    assert_eq!(m.issuer.as_deref(), Some("某区人民政府办公室"));
}

#[test]
fn a_page_heading_is_the_line_above_its_byline_not_a_column_menu_or_slogan() {
    // Menu items copied a line each, a column's name of eight characters.
    let menu = "设为首页\n加入收藏\n某县人民政府欢迎您\n网站首页\n政务公开\n政务服务\n互动交流\n\
                走进某县\n专题专栏\n镇街部门工作信息\n某县应急管理局开展汛前安全隐患排查整治\n\
                发布时间：2025-05-12　作者：刘洋　来源：某县应急管理局\n\
                5月上旬，县应急管理局组织排查。\n打印　关闭";
    let m = of_file(menu, "排查.txt");
    assert_eq!(m.title, "某县应急管理局开展汛前安全隐患排查整治");
    // A column's name above the heading, the page's <title> joining site and column.
    let column = "计划总结\n某县人力资源和社会保障局2024年工作总结及2025年工作计划\n\
                  发布日期：2025-01-21　来源：某县人力资源和社会保障局\n2024年，县人社局坚持……。";
    let m = page(column, "某县人民政府-计划总结");
    assert_eq!(
        m.title,
        "某县人力资源和社会保障局2024年工作总结及2025年工作计划"
    );
    assert_eq!((m.year, m.doc_type.as_deref()), (Some(2024), Some("计划")));
    // A slogan above a whole title is not joined to it.
    let slogan = "荆山楚源　文化某县\n某县2025年城乡环境综合整治工作方案\n\
                  发布日期：2025-03-28　信息来源：某县住房和城乡建设局\n为贯彻落实部署，制定本方案。";
    assert_eq!(
        page(slogan, "Document").title,
        "某县2025年城乡环境综合整治工作方案"
    );
    // A heading broken after 关于 above the byline is joined.
    let broken =
        "首页 > 通知公告\n某县人民政府办公室关于印发某县农村人居环境\n整治提升实施方案的通知\n\
                  发布日期：2025-03-28　信息来源：某县人民政府办公室\n各乡镇人民政府：现印发。";
    assert_eq!(
        page(broken, "Document").title,
        "某县人民政府办公室关于印发某县农村人居环境整治提升实施方案的通知"
    );
}

#[test]
fn a_date_or_number_under_a_page_heading_is_no_signature_and_no_title() {
    let text = "某县人民政府\n繁體 | 无障碍 | 关怀版\n首页 > 新闻中心 > 某县要闻\n\
                某县召开2025年安全生产工作会议\n2025-02-18 16:40\n来源：某县融媒体中心\n\
                2月17日，全县安全生产工作会议召开。\n会议要求压实责任。";
    let m = of_file(text, "会议.txt");
    assert_eq!(m.title, "某县召开2025年安全生产工作会议");
    assert_eq!(m.date, None, "the page's date is no 落款");
    assert_eq!(m.published.as_deref(), Some("2025-02-18"));
    let numbered = "首页 > 信息公开 > 通知公告\n某总局关于开展2025年产品质量监督抽查工作的通知\n\
                    国市监质监发〔2025〕18号\n发布时间：2025-03-14　来源：质量监督司\n\
                    各省市场监管局：现将有关事项通知如下。\n某总局\n2025年3月10日";
    let m = of_file(numbered, "抽查.txt");
    assert_eq!(m.title, "某总局关于开展2025年产品质量监督抽查工作的通知");
    assert_eq!(m.doc_number.as_deref(), Some("国市监质监发〔2025〕18号"));
}

#[test]
fn a_web_page_printing_a_measure_keeps_the_notice_heading() {
    let text = "首页 > 政务公开 > 政策文件\n\
                索引号：002482531/2025-00077 发文机关：某市某区人民政府 成文日期：2025-04-02\n\
                某区人民政府关于印发某区推进制造业数字化改造\n三年行动方案（2025—2027年）的通知\n\
                各镇人民政府、街道办事处：\n现将《某区推进制造业数字化改造三年行动方案（2025—2027年）》印发给你们。\n\
                某市某区人民政府\n二〇二五年四月二日\n某区推进制造业数字化改造三年行动方案（2025—2027年）\n\
                一、总体要求\n坚持问题导向。";
    let m = page(text, "Document");
    assert_eq!(
        m.title,
        "某区人民政府关于印发某区推进制造业数字化改造三年行动方案（2025—2027年）的通知"
    );
    assert_eq!(m.doc_type.as_deref(), Some("通知"));
    assert_eq!(m.year, Some(2025));
}

#[test]
fn a_document_title_is_found_below_short_lines_and_above_a_subtitle() {
    // Copied text: the site's name (an organization, read as a 版头), two column names.
    let text = "某县人民政府\n政务公开\n通知公告\n某县人民政府办公室关于做好2025年春季农业生产工作的通知\n\
                各乡镇人民政府：\n现将有关事项通知如下。\n某县人民政府办公室\n2025年2月17日";
    let m = of_file(text, "通知.txt");
    assert_eq!(
        m.title,
        "某县人民政府办公室关于做好2025年春季农业生产工作的通知"
    );
    assert_eq!(m.date.as_deref(), Some("2025-02-17"));
    // A subtitle between the heading and the byline.
    let speech = "首页 > 领导讲话\n在全县2025年经济工作会议上的讲话\n——县长　某某\n\
                  发布时间：2025-01-08　来源：某县人民政府办公室\n同志们：今天召开会议。";
    assert_eq!(
        page(speech, "Document").title,
        "在全县2025年经济工作会议上的讲话"
    );
}

#[test]
fn a_page_title_joining_a_site_and_a_column_is_no_title() {
    let text = "各乡镇人民政府：\n现将有关事项通知如下。\n某县人民政府办公室\n2025年2月17日";
    let m = page(text, "某县人民政府-计划总结");
    assert_eq!(
        m.title, "t20250101_1",
        "the file name, not the site and column"
    );
}
