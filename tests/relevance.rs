//! Relevance on the bundled corpus: queries users type, each with the document that must come
//! first and, for some, the section of its best passage.

use zhengce_core::SearchOptions;

use crate::util::corpus_index;

/// (query, file the first hit must be, a text the first hit's best passage's section must hold).
const CASES: &[(&str, &str, Option<&str>)] = &[
    (
        "科技特派员管理办法",
        "高台县人民政府办公室2022年科技特派员管理办法.txt",
        None,
    ),
    (
        "科技计划项目管理办法",
        "高台县人民政府办公室2023年科技计划项目管理办法（试行）.txt",
        None,
    ),
    (
        "科技计划资金管理办法",
        "高台县科学技术局2023年县级科技计划资金管理办法.txt",
        None,
    ),
    (
        "宪法宣传周",
        "中共高台县委全面依法治县委员会办公室2024年宪法宣传周活动通知.txt",
        None,
    ),
    (
        "国家宪法日",
        "中共高台县委全面依法治县委员会办公室2024年宪法宣传周活动通知.txt",
        None,
    ),
    (
        "民法典宣传月",
        "高台县司法局2021年民法典宣传月活动实施方案.txt",
        None,
    ),
    (
        "大气污染防治",
        "张掖市生态环境局2023年法治政府建设年度报告.md",
        None,
    ),
    (
        "污染防治攻坚战",
        "张掖市生态环境局2023年法治政府建设年度报告.md",
        None,
    ),
    (
        "修改和废止 规范性文件",
        "高台县人民政府2024年关于修改和废止部分规范性文件的决定.txt",
        None,
    ),
    (
        "领导干部学法计划",
        "高台县科学技术局2024年度领导干部学法计划.txt",
        None,
    ),
    (
        "2025年法治政府建设工作要点",
        "高台县科学技术局2025年法治政府建设工作要点.txt",
        None,
    ),
    (
        "普法工作简报",
        "高台县司法局普法工作简报2024年第3期.txt",
        None,
    ),
    (
        "市场监督管理局 法治政府建设",
        "高台县市场监督管理局2022年法治政府建设工作总结.txt",
        None,
    ),
    (
        "教育局 法治政府建设 2024",
        "高台县教育局2024年法治政府建设工作总结.txt",
        None,
    ),
    (
        "农业农村局 年度报告",
        "高台县农业农村局2023年法治政府建设年度报告.txt",
        None,
    ),
    (
        "2019年普法依法治理工作总结",
        "高台县司法局2019年普法依法治理工作总结.txt",
        None,
    ),
    (
        "高台县人民政府 2020 法治政府建设年度报告",
        "高台县人民政府2020年法治政府建设年度报告.txt",
        None,
    ),
    (
        "县科技局 法治建设工作总结 2024",
        "高台县科技局2024年法治建设工作总结.txt",
        None,
    ),
    (
        "科技宣传",
        "高台县科技局2024年法治建设工作总结.txt",
        Some("开展科技宣传"),
    ),
    (
        "食品经营许可证",
        "高台县市场监督管理局2022年法治政府建设工作总结.txt",
        None,
    ),
    (
        "秸秆综合利用",
        "高台县农业农村局2023年法治政府建设年度报告.txt",
        None,
    ),
    (
        "法治副校长",
        "高台县教育局2024年法治政府建设工作总结.txt",
        None,
    ),
    (
        "科技特派员 选派 考核",
        "高台县人民政府办公室2022年科技特派员管理办法.txt",
        None,
    ),
    (
        "项目申报 评审 立项",
        "高台县人民政府办公室2023年科技计划项目管理办法（试行）.txt",
        None,
    ),
    (
        "专项资金 拨付",
        "高台县科学技术局2023年县级科技计划资金管理办法.txt",
        None,
    ),
    (
        "法律明白人 培训",
        "高台县司法局普法工作简报2024年第3期.txt",
        None,
    ),
    (
        "行政执法全过程记录",
        "高台县市场监督管理局2022年法治政府建设工作总结.txt",
        None,
    ),
    (
        "民法典 year:2020",
        "高台县人民政府2020年法治政府建设年度报告.txt",
        None,
    ),
    (
        "law:甘肃省大气污染防治条例",
        "张掖市生态环境局2023年法治政府建设年度报告.md",
        None,
    ),
    (
        "doc:高科发〔2023〕12号",
        "高台县科学技术局2023年县级科技计划资金管理办法.txt",
        None,
    ),
    (
        "简报 issuer:司法局",
        "高台县司法局普法工作简报2024年第3期.txt",
        None,
    ),
    (
        "學法計劃",
        "高台县科学技术局2024年度领导干部学法计划.txt",
        None,
    ),
];

#[test]
fn queries_users_type_find_the_right_document_first() {
    let index = corpus_index().unwrap();
    let mut failures = Vec::new();
    for &(query, expected, section) in CASES {
        let results = index
            .search(query, &SearchOptions::default().limit(3))
            .unwrap();
        let first = results.hits.first();
        let got = first.map_or("(nothing)", |h| h.path.as_str());
        if got != expected {
            let top: Vec<&str> = results.hits.iter().map(|h| h.path.as_str()).collect();
            failures.push(format!(
                "{query}: first {got}, expected {expected}; top {top:?}"
            ));
        }
        if let (Some(section), Some(hit)) = (section, first) {
            let path = hit
                .passages
                .iter()
                .map(|p| p.section.join(" › "))
                .collect::<Vec<_>>()
                .join(" | ");
            if !path.contains(section) {
                failures.push(format!("{query}: passage section {path:?} lacks {section}"));
            }
        }
    }
    println!("{} queries, {} failures", CASES.len(), failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
