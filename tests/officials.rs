//! Searching as officials type: terms written with marks inside them, laws discussed under a
//! short form, the field's short names, queries of several words that no document holds whole,
//! bare years, and the explanation of a score. Each test indexes a few documents written for it.

use zhengce_core::search::{Part, Sort};
use zhengce_core::{Index, SearchOptions, SearchResults};

use crate::util::Dir;

/// An in-memory index of `docs` (path, text), one writer thread.
fn index_of(docs: &[(&str, &str)]) -> Index {
    let index = Index::create_in_ram().unwrap();
    let mut writer = index.writer_with_threads(1).unwrap();
    for (path, text) in docs {
        writer
            .add_document(&zhengce_core::Document::from_text(path, text))
            .unwrap();
    }
    writer.commit().unwrap();
    index
}

fn search(index: &Index, query: &str) -> SearchResults {
    index
        .search(query, &SearchOptions::default().limit(20))
        .unwrap()
}

fn paths(results: &SearchResults) -> Vec<&str> {
    results.hits.iter().map(|h| h.path.as_str()).collect()
}

/// The paths of the documents holding every word (not the closest documents).
fn matching(results: &SearchResults) -> Vec<&str> {
    results
        .hits
        .iter()
        .filter(|h| h.missing.is_empty())
        .map(|h| h.path.as_str())
        .collect()
}

#[test]
fn marks_inside_a_term_neither_break_it_nor_stop_a_phrase() {
    let index = index_of(&[
        ("a.txt", "全面完成“八五”普法规划确定的目标任务。"),
        ("b.txt", "开展《民法典》宣传月活动，深化“放管服”改革。"),
        (
            "c.txt",
            "落实‘谁执法谁普法’责任制，推进「法律明白人」培养工程。",
        ),
        ("d.txt", "八五期间，普法工作稳步推进。民法典，宣传月。"),
    ]);
    // Unquoted, every word is required anywhere (d.txt holds 八五 and 普法 apart), and the words
    // side by side rank first.
    assert_eq!(paths(&search(&index, "八五普法"))[0], "a.txt");
    for (query, expected) in [
        ("\"八五普法\"", vec!["a.txt"]),
        ("\"民法典宣传月活动\"", vec!["b.txt"]),
        ("\"放管服改革\"", vec!["b.txt"]),
        ("\"谁执法谁普法责任制\"", vec!["c.txt"]),
        ("\"法律明白人培养工程\"", vec!["c.txt"]),
        // Sentence punctuation still separates.
        ("\"民法典宣传月\"", vec!["b.txt"]),
    ] {
        let results = search(&index, query);
        assert_eq!(paths(&results), expected, "{query}");
    }
    // The highlight is on the text as written, marks inside kept.
    let hit = &search(&index, "\"八五普法\"").hits[0];
    let [s, e] = hit.highlights[0];
    assert_eq!(&hit.snippet[s..e], "八五”普法");
}

#[test]
fn the_document_that_discusses_a_law_ranks_first() {
    // The report names the regulation once and then discusses it as 《条例》; the others name it
    // once in a list, in a longer text or in the title of a plan.
    let report = "关于党纪学习教育开展情况的报告\n\
        一、组织学习《中国共产党纪律处分条例》（以下简称《条例》）。\n\
        党组专题研读《条例》，逐章学习《条例》的修订内容，对照《条例》查摆问题。\n\
        二、以《条例》为标尺开展警示教育，把《条例》要求落到实处，组织《条例》知识测试。";
    let list = "2024年学法计划\n一、学习内容：《中华人民共和国宪法》《中华人民共和国民法典》\
        《中国共产党纪律处分条例》《中华人民共和国行政复议法》等法律法规。\n二、学习安排：每季度集中学法一次。";
    let plan =
        "党纪学习教育实施方案\n一、学习《中国共产党纪律处分条例》。\n二、组织开展党纪学习教育，\
        认真学习《中国共产党纪律处分条例》，做到学纪知纪明纪守纪。\n三、工作要求：加强组织领导，\
        确保学习教育取得实效，推动全面从严治党向纵深发展，营造风清气正的政治生态。";
    let index = index_of(&[
        ("list.txt", list),
        ("plan.txt", plan),
        ("report.txt", report),
    ]);
    for query in ["纪律处分条例", "中国共产党纪律处分条例"] {
        let results = search(&index, query);
        assert_eq!(
            paths(&results)[0],
            "report.txt",
            "{query}: {:?}",
            paths(&results)
        );
        assert_eq!(results.total, 3, "{query}");
    }
    // A document that writes only the short form the dictionary knows is found by the full title.
    let index = index_of(&[
        ("short.txt", "严格落实《个保法》，规范处理个人信息。"),
        ("none.txt", "规范处理个人信息。"),
    ]);
    assert_eq!(paths(&search(&index, "个人信息保护法")), vec!["short.txt"]);
}

/// A sentence written the way documents write what each built-in short name stands for, without
/// the short name itself.
const SHORT_NAME_CASES: &[(&str, &str)] = &[
    (
        "八五普法",
        "认真贯彻落实《关于开展法治宣传教育的第八个五年规划（2021—2025年）》。",
    ),
    ("七五普法", "圆满完成法治宣传教育第七个五年规划各项任务。"),
    (
        "六五普法",
        "第六个五年法治宣传教育规划实施以来，普法工作成效明显。",
    ),
    ("宪法日", "开展“12·4”宪法集中宣传活动。"),
    ("宪法宣传周", "围绕国家宪法日开展系列主题宣传。"),
    (
        "民法典宣传月",
        "5月组织开展“美好生活·民法典相伴”主题宣传活动。",
    ),
    ("谁执法谁普法", "全面落实国家机关普法责任制。"),
    ("放管服", "持续深化简政放权、放管结合、优化服务改革。"),
    ("法治副校长", "全县中小学全部配齐法制副校长。"),
    (
        "行政执法三项制度",
        "全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。",
    ),
    (
        "双随机一公开",
        "推行随机抽取检查对象、随机选派执法检查人员、抽查情况及查处结果及时公开。",
    ),
    (
        "一规划两纲要",
        "贯彻落实法治中国建设规划、法治政府建设实施纲要和法治社会建设实施纲要。",
    ),
    ("一村一法律顾问", "全面落实一村（居）一法律顾问制度。"),
    // Bureaus as officials abbreviate them.
    ("卫健局", "县卫生健康局印发通知。"),
    ("卫健委", "市卫生健康委员会印发通知。"),
    ("市场监管局", "县市场监督管理局开展检查。"),
    ("人社局", "县人力资源和社会保障局开展检查。"),
    ("住建局", "县住房和城乡建设局开展检查。"),
    ("发改局", "县发展和改革局开展检查。"),
    ("发改委", "市发展和改革委员会开展检查。"),
    ("教体局", "市教育体育局开展检查。"),
    ("文旅局", "县文化广电和旅游局开展检查。"),
    ("医保局", "县医疗保障局开展检查。"),
    ("应急局", "县应急管理局开展检查。"),
    ("林草局", "县林业和草原局开展检查。"),
    ("自然资源局", "县自然资源和规划局开展检查。"),
    ("科技局", "县科学技术局开展检查。"),
    ("退役军人局", "县退役军人事务局开展检查。"),
    ("审批局", "县行政审批服务局开展检查。"),
];

#[test]
fn every_built_in_short_name_finds_what_it_stands_for() {
    let empty = Index::create_in_ram().unwrap();
    let names: Vec<&str> = empty.short_names().names().collect();
    let tested: Vec<&str> = SHORT_NAME_CASES.iter().map(|(n, _)| *n).collect();
    let mut sorted_names = names.clone();
    sorted_names.sort();
    let mut sorted_tested = tested.clone();
    sorted_tested.sort();
    assert_eq!(sorted_names, sorted_tested, "every entry has a test");
    // Named by number: a title taken from the file name must not hold the short name.
    let mut docs: Vec<(String, &str)> = SHORT_NAME_CASES
        .iter()
        .enumerate()
        .map(|(i, (_, text))| (format!("{i}.txt"), *text))
        .collect();
    docs.push((
        "other.txt".to_owned(),
        "开展普法宣传活动，推进依法行政工作。",
    ));
    let docs: Vec<(&str, &str)> = docs.iter().map(|(p, t)| (p.as_str(), *t)).collect();
    let index = index_of(&docs);
    for (i, (name, _)) in SHORT_NAME_CASES.iter().enumerate() {
        let found = search(&index, name);
        let wanted = format!("{i}.txt");
        assert!(
            paths(&found).contains(&wanted.as_str()),
            "{name}: {:?}",
            paths(&found)
        );
        assert!(!paths(&found).contains(&"other.txt"), "{name}");
        // A quoted short name is exact: no expansion.
        let quoted = search(&index, &format!("\"{name}\""));
        assert!(!paths(&quoted).contains(&wanted.as_str()), "\"{name}\"");
    }
}

#[test]
fn a_folder_adds_its_own_short_names() {
    let dir = Dir::new();
    dir.write("docs/a.txt", "坚持服务企业、服务群众、服务基层。");
    dir.write("docs/b.txt", "开展三服务活动。");
    dir.write(
        "docs/.zhengcetitles",
        "高台县科技特派员管理办法\tnormative_document\n三服务\tshort\t服务企业 服务群众 服务基层\n",
    );
    let run = dir.run(&["search", "三服务", "docs"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains("a.txt") && run.stdout.contains("b.txt"),
        "{}",
        run.stdout
    );
    dir.write("docs/.zhengcetitles", "三服务\tshort\tyear:2024\n");
    let run = dir.run(&["search", "三服务", "docs"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains(".zhengcetitles") && run.stderr.contains("line 1"),
        "{}",
        run.stderr
    );
}

#[test]
fn without_a_document_holding_every_word_the_closest_come_marked() {
    let index = index_of(&[
        ("bulletin.txt", "生态环境局简报\n大气污染防治成效明显。"),
        ("report.txt", "生态环境局自查报告\n大气污染防治法执法检查。"),
        ("other.txt", "教育局工作总结\n开展法治教育。"),
    ]);
    // Nothing holds all three words: the documents holding most of them, each with what it lacks.
    let results = search(&index, "生态环境局 大气污染防治 通知");
    assert_eq!(results.total, 0);
    assert_eq!(results.closest, 2);
    let hits = &results.hits;
    assert_eq!(hits.len(), 2);
    assert!(hits.iter().all(|h| h.missing == vec!["通知".to_owned()]));
    // One document holds every word: it comes first, then those lacking one of three.
    let results = search(&index, "生态环境局 大气污染防治 简报");
    assert_eq!(results.total, 1);
    assert_eq!(paths(&results), vec!["bulletin.txt", "report.txt"]);
    assert!(results.hits[0].missing.is_empty());
    assert_eq!(results.hits[1].missing, vec!["简报".to_owned()]);
    // Two words: a document holding one of them is a closest document.
    let results = search(&index, "生态环境局 简报");
    assert_eq!((results.total, results.closest), (1, 1));
    assert_eq!(results.hits[1].missing, vec!["简报".to_owned()]);
    // Filters and exclusions still hold for the closest documents.
    let results = search(&index, "生态环境局 大气污染防治 通知 -执法");
    assert_eq!(paths(&results), vec!["bulletin.txt"]);
    // Sorted by date, matching documents still come first.
    let results = index
        .search(
            "生态环境局 大气污染防治 简报",
            &SearchOptions::default().sort(Sort::Date),
        )
        .unwrap();
    assert_eq!(paths(&results), vec!["bulletin.txt", "report.txt"]);
}

#[test]
fn a_bare_year_means_the_documents_year_or_the_text() {
    // Years from the file names; only the 2023 notice writes 2022 in its text.
    let index = index_of(&[
        (
            "2022年农业农村局报告.txt",
            "农业农村局法治政府建设年度报告\n全年办理行政许可120件。",
        ),
        (
            "2023年农业农村局通知.txt",
            "农业农村局关于开展宣贯活动的通知\n各乡镇：\n现将有关事项通知如下。\n一、时间安排\n二、工作要求\n新修订的法律于2022年9月通过。",
        ),
        (
            "2021年农业农村局总结.txt",
            "农业农村局工作总结\n开展普法宣传。",
        ),
    ]);
    for query in ["农业农村局 2022", "农业农村局 2022年"] {
        let results = search(&index, query);
        assert_eq!(
            matching(&results),
            vec!["2022年农业农村局报告.txt", "2023年农业农村局通知.txt"],
            "{query}"
        );
    }
    assert_eq!(
        index
            .search("年度报告 2022", &SearchOptions::default())
            .unwrap()
            .hits[0]
            .year,
        Some(2022)
    );
}

#[test]
fn explanations_split_the_score_into_its_parts() {
    let index = index_of(&[
        (
            "2024年总结.md",
            "---\ntitle: 民法典宣传工作总结\n---\n深入学习宣传《民法典》，民法典进社区。",
        ),
        ("b.txt", "开展宣传活动。"),
    ]);
    let options = SearchOptions::default().explain(true);
    let results = index.search("民法典 宣传 2024", &options).unwrap();
    let hit = &results.hits[0];
    let e = hit.explanation.as_ref().unwrap();
    let sum: f32 = e.parts.iter().map(|p| p.score).sum();
    assert!((sum - hit.score).abs() < 1e-3 * hit.score.max(1.0), "{e:?}");
    let part = |p: Part| e.parts.iter().find(|s| s.part == p).unwrap().score;
    assert!(part(Part::Title) > 0.0 && part(Part::Citation) > 0.0 && part(Part::Year) > 0.0);
    let words: Vec<&str> = e.words.iter().map(|w| w.word.as_str()).collect();
    assert_eq!(words, ["民法典", "宣传", "2024"]);
    assert!(e.words[0].parts.contains(&Part::Citation));
    // Without asking, no explanation.
    let plain = index
        .search("民法典 宣传", &SearchOptions::default())
        .unwrap();
    assert!(plain.hits.iter().all(|h| h.explanation.is_none()));
    // The closest documents are explained too: the word they lack scores nowhere.
    let results = index.search("宣传 活动 通知", &options).unwrap();
    assert_eq!(results.total, 0);
    let b = results.hits.iter().find(|h| h.path == "b.txt").unwrap();
    let sum: f32 = b
        .explanation
        .as_ref()
        .unwrap()
        .parts
        .iter()
        .map(|p| p.score)
        .sum();
    assert!((sum - b.score).abs() < 1e-3 * b.score.max(1.0), "{b:?}");
    let e = b.explanation.as_ref().unwrap();
    assert!(e.words[2].parts.is_empty() && !e.words[0].parts.is_empty());
}

#[test]
fn the_cli_explains_and_marks_what_is_lacking() {
    let dir = Dir::new();
    dir.write("docs/a.txt", "生态环境局简报\n大气污染防治成效明显。");
    let run = dir.run(&["search", "生态环境局 大气污染防治 通知", "docs"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("lacks 通知"), "{}", run.stdout);
    assert!(
        run.stdout.contains("no document holds every word"),
        "{}",
        run.stdout
    );
    let run = dir.run(&["search", "大气污染防治 简报", "docs", "--explain"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("why: "), "{}", run.stdout);
    let run = dir.run(&[
        "search",
        "生态环境局 大气污染防治 通知",
        "docs",
        "--json",
        "--explain",
    ]);
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["missing"][0], "通知");
    assert!(lines[0]["explanation"]["parts"].is_array());
    let summary = lines.last().unwrap();
    assert_eq!(
        (summary["total"].as_u64(), summary["closest"].as_u64()),
        (Some(0), Some(1))
    );
}

#[test]
fn a_document_matching_through_a_short_name_lacks_nothing() {
    // Regression: the words of a one-term query were checked one by one, so a document found
    // through the term's expansion was also listed as lacking them.
    let names = zhengce_core::search::ShortNames::builtin()
        .with_lines("科技人才引进工程\tshort\t人才计划\n", true)
        .unwrap();
    let index = Index::builder().short_names(names).create_in_ram().unwrap();
    let mut writer = index.writer_with_threads(1).unwrap();
    for (path, text) in [
        ("a.txt", "全面实施人才计划。"),
        ("b.txt", "推进科技人才引进。"),
    ] {
        writer
            .add_document(&zhengce_core::Document::from_text(path, text))
            .unwrap();
    }
    writer.commit().unwrap();
    let results = search(&index, "科技人才引进工程");
    assert_eq!(matching(&results), vec!["a.txt"]);
    assert_eq!(results.closest, 1);
    assert!(
        results.hits[1].missing.contains(&"工程".to_owned()),
        "{:?}",
        results.hits[1]
    );
}
