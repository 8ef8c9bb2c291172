//! Metadata on pages saved from government sites: the labelled set of `tests/data/pages`, each
//! file read as indexing reads it, scored field by field against its `meta.tsv`. The rules are
//! tuned on `tune/` and `tune2/` only; `heldout/` is scored as a whole and never printed row by
//! row.
//!
//! `cargo test --test tests pages:: -- --nocapture` prints the scores.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;
use zhengce_core::Document;

use crate::util::Dir;

/// The fields scored, as named in `meta.tsv` and in the metadata's JSON.
const FIELDS: &[&str] = &[
    "title",
    "year",
    "date",
    "published",
    "issuer",
    "doc_number",
    "index_no",
    "period",
    "doc_type",
];

/// Fields whose held-out accuracy issue 18 sets at 0.95 or more.
const HELDOUT_FIELDS: &[&str] = &["title", "year", "date", "issuer"];
const HELDOUT_MIN: f64 = 0.95;

/// What the held-out half measured, as floors. Before any change it measured title 0.176, year
/// 0.471, date 0.471, issuer 0.500, and 19 titles were furniture; after the rules were tuned on
/// `tune/`: title 0.794, year 0.971, date 0.971, published 0.941, issuer 0.912, doc_number 0.882,
/// index_no 0.882, period 1.000, doc_type 0.765, 3 titles furniture; after the second round,
/// tuned on `tune/` and `tune2/` (the one run at the end): title 0.882, year 1.000, date 1.000,
/// published 0.971, issuer 0.971, doc_number 0.912, index_no 0.912, period 1.000, doc_type
/// 0.794, 2 titles furniture. Title is still below issue 18's threshold: the test keeps the half
/// from falling back, [`heldout_half_meets_the_issue_thresholds`] states the goal.
const HELDOUT_MEASURED: &[(&str, f64)] = &[
    ("title", 0.88),
    ("year", 1.0),
    ("date", 1.0),
    ("published", 0.97),
    ("issuer", 0.97),
    ("doc_number", 0.91),
    ("index_no", 0.91),
    ("period", 1.0),
    ("doc_type", 0.79),
];
/// Held-out titles that are furniture, as measured.
const HELDOUT_MEASURED_FURNITURE: usize = 2;

/// What the tune half reaches (each field, the fraction of rows right): the test keeps it so.
const TUNE_MIN: &[(&str, f64)] = &[
    ("title", 1.0),
    ("year", 1.0),
    ("date", 1.0),
    ("published", 1.0),
    ("issuer", 1.0),
    ("doc_number", 1.0),
    ("index_no", 1.0),
    ("period", 1.0),
    // 管理办法 is kept as the kind of a 管理办法 (the set labels it 办法).
    ("doc_type", 0.96),
];

/// What the second tune half (`tune2/`, 38 pages in the layouts of other sites, written after
/// the first round of tuning) reaches after the second round: the test keeps it so. Before any
/// rule was changed for it it measured title 0.895, year 0.947, date 0.974, published 0.895,
/// issuer 1.000, doc_number 0.974, index_no 0.974, period 1.000, doc_type 0.895 (two titles
/// furniture: a menu item and a `site-column` page title).
const TUNE2_MIN: &[(&str, f64)] = &[
    ("title", 1.0),
    ("year", 1.0),
    ("date", 1.0),
    ("published", 1.0),
    ("issuer", 1.0),
    ("doc_number", 1.0),
    ("index_no", 1.0),
    ("period", 1.0),
    ("doc_type", 1.0),
];

fn half_dir(half: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/pages")
        .join(half)
}

/// One labelled row: the file and its expected cells by field name.
struct Row {
    path: String,
    want: BTreeMap<String, String>,
}

fn rows(half: &str) -> Vec<Row> {
    let table = std::fs::read_to_string(half_dir(half).join("meta.tsv")).expect("meta.tsv");
    let mut lines = table.lines();
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    lines
        .map(|line| {
            let cells: BTreeMap<String, String> = header
                .iter()
                .zip(line.split('\t'))
                .map(|(h, c)| ((*h).to_owned(), c.to_owned()))
                .collect();
            Row {
                path: cells["path"].clone(),
                want: cells,
            }
        })
        .collect()
}

/// A metadata value as a `meta.tsv` cell: null → empty, a number → its digits, a period →
/// `from-to`.
fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Object(o)) => match (o.get("from"), o.get("to")) {
            (Some(from), Some(to)) => format!("{from}-{to}"),
            _ => Value::Object(o.clone()).to_string(),
        },
        Some(other) => other.to_string(),
    }
}

/// The metadata of each file of a half, read as indexing reads it, as cells by field name.
fn read_half(half: &str) -> Vec<(Row, BTreeMap<String, String>)> {
    let docs = half_dir(half).join("docs");
    rows(half)
        .into_iter()
        .map(|row| {
            let doc = Document::from_file(&docs.join(&row.path), &row.path)
                .unwrap_or_else(|e| panic!("{half}: a file is not read: {e}"));
            let json = serde_json::to_value(&doc.meta).expect("metadata as JSON");
            let got = FIELDS
                .iter()
                .map(|f| ((*f).to_owned(), cell(json.get(*f))))
                .collect();
            (row, got)
        })
        .collect()
}

/// The halves the rules may be tuned on: their wrong cells are printed.
const TUNABLE: &[&str] = &["tune", "tune2"];

/// Per-field accuracy of a half, printed; for a tunable half the wrong cells too.
fn score(half: &str) -> (BTreeMap<&'static str, f64>, Vec<String>) {
    let read = read_half(half);
    let mut right: BTreeMap<&str, usize> = FIELDS.iter().map(|f| (*f, 0)).collect();
    let mut wrong = Vec::new();
    for (row, got) in &read {
        for field in FIELDS {
            if row.want[*field] == got[*field] {
                *right.get_mut(field).expect("field") += 1;
            } else if TUNABLE.contains(&half) {
                wrong.push(format!(
                    "{}: {field}: got {:?}, want {:?}",
                    row.path, got[*field], row.want[*field]
                ));
            }
        }
    }
    let n = read.len().max(1) as f64;
    let scores: BTreeMap<&str, f64> = right.iter().map(|(f, r)| (*f, *r as f64 / n)).collect();
    let line: Vec<String> = FIELDS
        .iter()
        .map(|f| format!("{f} {:.3}", scores[f]))
        .collect();
    println!("{half} ({} documents): {}", read.len(), line.join(", "));
    for w in &wrong {
        println!("  {w}");
    }
    // A title right by the labels is no furniture, whatever words it holds.
    let furniture = read
        .iter()
        .filter(|(row, got)| got["title"] != row.want["title"] && is_furniture(&got["title"]))
        .map(|(row, got)| format!("{}: {:?}", row.path, got["title"]))
        .collect::<Vec<String>>();
    // The count alone: a held-out row is never shown.
    println!("{half}: {} titles are furniture", furniture.len());
    (scores, furniture)
}

/// Whether a title is page furniture: the browser's default title, a field name of the
/// 信息公开 table, a breadcrumb, a toolbar, a footer or a site's name.
fn is_furniture(title: &str) -> bool {
    const FIELD_NAMES: &[&str] = &[
        "Document",
        "标题",
        "名称",
        "索引号",
        "发布机构",
        "发文机关",
        "成文日期",
        "发布日期",
        "文号",
        "主题分类",
        "有效性",
        "首页",
    ];
    const WORDS: &[&str] = &[
        "无障碍",
        "关怀版",
        "长者版",
        "长者模式",
        "返回首页",
        "开启左侧",
        "打印本页",
        "关闭窗口",
        "分享到",
        "索引号",
        "网站标识码",
        "ICP备",
        "版权所有",
        "当前位置",
        "您的位置",
        "首页 >",
        "首页>",
        "»",
        "今天是",
    ];
    let t = title.trim();
    // `某县人民政府-计划总结`, `首页_某县`: a site's name and a column, as a page's <title> joins them.
    let site_and_column = t
        .split(['-', '_', '|', '－', '｜'])
        .filter(|p| !p.trim().is_empty())
        .count()
        >= 2
        && t.split(['-', '_', '|', '－', '｜']).any(|p| {
            let p = p.trim();
            p == "首页" || (p.ends_with("人民政府") && !p.contains("关于"))
        });
    t.is_empty()
        || site_and_column
        || FIELD_NAMES.contains(&t)
        || WORDS.iter().any(|w| t.contains(w))
        || t.ends_with("门户网站")
        || t.ends_with("人民政府网站")
        || (t.ends_with("人民政府") && !t.contains("关于"))
}

#[test]
fn tune_half_keeps_its_scores() {
    let (scores, furniture) = score("tune");
    assert!(furniture.is_empty(), "furniture titles: {furniture:?}");
    let low: Vec<String> = TUNE_MIN
        .iter()
        .filter(|(f, min)| scores[f] < *min)
        .map(|(f, min)| format!("{f} {:.3} < {min}", scores[f]))
        .collect();
    assert!(low.is_empty(), "tune: {}", low.join(", "));
}

#[test]
fn tune2_half_keeps_its_scores() {
    let (scores, furniture) = score("tune2");
    assert!(furniture.is_empty(), "furniture titles: {furniture:?}");
    let low: Vec<String> = TUNE2_MIN
        .iter()
        .filter(|(f, min)| scores[f] < *min)
        .map(|(f, min)| format!("{f} {:.3} < {min}", scores[f]))
        .collect();
    assert!(low.is_empty(), "tune2: {}", low.join(", "));
}

#[test]
fn heldout_half_keeps_its_measured_scores() {
    let (scores, furniture) = score("heldout");
    // Counted, never shown: a held-out row is not read while the rules are tuned.
    assert!(
        furniture.len() <= HELDOUT_MEASURED_FURNITURE,
        "held-out titles that are furniture: {}",
        furniture.len()
    );
    let low: Vec<String> = HELDOUT_MEASURED
        .iter()
        .filter(|(f, min)| scores[f] < *min)
        .map(|(f, min)| format!("{f} {:.3} < {min}", scores[f]))
        .collect();
    assert!(low.is_empty(), "heldout: {}", low.join(", "));
}

/// Issue 18's goal on the held-out half; not met yet (title 0.882, two titles furniture; year,
/// date and issuer meet it): `cargo test --test tests pages:: -- --ignored` runs it.
#[test]
#[ignore = "issue 18's held-out thresholds are not met yet: title 0.882, two titles furniture"]
fn heldout_half_meets_the_issue_thresholds() {
    let (scores, furniture) = score("heldout");
    // Counted, never shown: a held-out row is not read while the rules are tuned.
    assert_eq!(furniture.len(), 0, "held-out titles that are furniture");
    let low: Vec<String> = HELDOUT_FIELDS
        .iter()
        .filter(|f| scores[*f] < HELDOUT_MIN)
        .map(|f| format!("{f} {:.3}", scores[f]))
        .collect();
    assert!(
        low.is_empty(),
        "heldout below {HELDOUT_MIN}: {}",
        low.join(", ")
    );
}

#[test]
fn furniture_titles_are_recognized() {
    for t in [
        "Document",
        "开启左侧 关怀版",
        "无障碍阅读 关怀版 返回首页",
        "标题",
        "首页 > 政务公开 > 政策文件",
        "索引号：11N2230000/2025-00041",
        "北京市大兴区人民政府",
        "中牟县人民政府-计划总结",
    ] {
        assert!(is_furniture(t), "{t}");
    }
    for t in [
        "北京市海淀区人民政府关于2025年度法治政府建设情况的报告",
        "宋庄镇2024年工作总结",
    ] {
        assert!(!is_furniture(t), "{t}");
    }
}

/// A plan's period as JSON.
#[derive(Debug, Deserialize, PartialEq)]
struct PeriodJson {
    from: u16,
    to: u16,
}

/// The metadata fields of a `hit` line and of `show`'s `meta`.
#[derive(Debug, Deserialize)]
struct MetaJson {
    title: String,
    year: Option<u16>,
    date: Option<String>,
    published: Option<String>,
    index_no: Option<String>,
    period: Option<PeriodJson>,
    issuer: Option<String>,
    doc_type: Option<String>,
}

#[derive(Debug, Deserialize)]
struct ShowLine {
    meta: MetaJson,
}

/// Three tune pages in a folder of their own: a plan (2023—2027年), a 2025年度 report issued
/// in 2026, a news item.
fn three_pages() -> Dir {
    let dir = Dir::new();
    let docs = half_dir("tune").join("docs");
    for name in [
        "content_7654321.htm",
        "t20260320_3390125.html",
        "post_11843290.html",
    ] {
        dir.write(name, std::fs::read(docs.join(name)).expect("tune page"));
    }
    dir
}

#[test]
fn search_and_show_carry_the_page_fields_as_json() {
    let dir = three_pages();
    let run = dir.run(&["search", "year:2023..2026", ".", "--json", "--sort", "date"]);
    assert_eq!(run.code, 0, "{run:?}");
    let hits: BTreeMap<String, MetaJson> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("JSON line"))
        .filter(|v| v["type"] == "hit")
        .map(|v| {
            let path = v["path"].as_str().expect("path").to_owned();
            (path, serde_json::from_value(v).expect("hit line"))
        })
        .collect();
    assert_eq!(hits.len(), 3, "{}", run.stdout);
    let plan = &hits["content_7654321.htm"];
    assert_eq!(
        plan.period,
        Some(PeriodJson {
            from: 2023,
            to: 2027
        })
    );
    assert_eq!(plan.year, Some(2023));
    assert_eq!(plan.published.as_deref(), Some("2023-08-22"));
    assert_eq!(plan.index_no.as_deref(), Some("410726-0101-2023-00587"));
    let report = &hits["t20260320_3390125.html"];
    assert_eq!(
        (report.year, report.date.as_deref()),
        (Some(2025), Some("2026-02-26"))
    );
    assert_eq!(report.issuer.as_deref(), Some("北京市海淀区人民政府"));
    let news = &hits["post_11843290.html"];
    assert_eq!(news.doc_type.as_deref(), Some("新闻"));
    assert_eq!((news.date.as_deref(), news.period.as_ref()), (None, None));

    let show = dir.run(&["show", "t20260320_3390125.html", ".", "--json"]);
    assert_eq!(show.code, 0, "{show:?}");
    let line: ShowLine = serde_json::from_str(show.stdout.trim()).expect("document line");
    assert_eq!(
        line.meta.title,
        "北京市海淀区人民政府关于2025年度法治政府建设情况的报告"
    );
    assert_eq!(line.meta.published.as_deref(), Some("2026-03-20"));
    assert_eq!(line.meta.index_no.as_deref(), Some("11N2130000/2026-00015"));
    let text = dir.run(&["show", "content_7654321.htm", "."]);
    assert!(
        text.stdout.contains("  period    2023–2027\n"),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout.contains("  published 2023-08-22\n"),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout.contains("  index     410726-0101-2023-00587\n"),
        "{}",
        text.stdout
    );
}

#[test]
fn year_filters_file_a_plan_under_its_first_year_and_a_report_under_its_year() {
    let dir = three_pages();
    let paths = |query: &str| -> Vec<String> {
        let run = dir.run(&["search", query, ".", "--json"]);
        run.stdout
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).expect("JSON line"))
            .filter(|v| v["type"] == "hit")
            .map(|v| v["path"].as_str().expect("path").to_owned())
            .collect()
    };
    assert_eq!(paths("year:2023"), ["content_7654321.htm"]);
    assert!(paths("year:2027").is_empty(), "not under the period's end");
    assert!(paths("year:2025").contains(&"t20260320_3390125.html".to_owned()));
    assert!(!paths("year:2026").contains(&"t20260320_3390125.html".to_owned()));
}
