//! The query language on the corpus: every filter and operator, sorting, facets, passages with
//! their sections, `zhengce show`, and golden files of the text output.

use serde::Deserialize;
use zhengce_core::search::Sort;
use zhengce_core::SearchOptions;

use crate::util::{corpus_index, paths, Dir, SAMPLE};

const NOTICE: &str = "中共高台县委全面依法治县委员会办公室2024年宪法宣传周活动通知.txt";
const FUNDS: &str = "高台县科学技术局2023年县级科技计划资金管理办法.txt";
const DECISION: &str = "高台县人民政府2024年关于修改和废止部分规范性文件的决定.txt";

#[test]
fn every_filter_narrows_to_the_documents_that_have_it() {
    let index = corpus_index().unwrap();
    let all = paths(&index, "法治");
    let subset = |q: &str| {
        let found = paths(&index, q);
        assert!(!found.is_empty(), "{q} finds something");
        assert!(found.len() < all.len() + 5, "{q}");
        found
    };
    assert_eq!(
        subset("title:简报"),
        vec!["高台县司法局普法工作简报2024年第3期.txt"]
    );
    assert!(subset("issuer:科学技术局")
        .iter()
        .all(|p| p.contains("科学技术局")));
    // The full name with its places finds the documents that use the short one.
    assert_eq!(
        subset("issuer:张掖市高台县科学技术局"),
        subset("issuer:高台县科学技术局")
    );
    assert!(paths(&index, "issuer:张掖市某某县科学技术局").is_empty());
    assert!(subset("region:张掖").iter().all(|p| p.contains("张掖市")));
    assert_eq!(subset("type:决定"), vec![DECISION]);
    assert_eq!(
        subset("doc:高科发[2023]12号"),
        vec![FUNDS],
        "bracket variants of a 文号 match"
    );
    assert_eq!(subset("doc:高科发"), vec![FUNDS]);
    let years = subset("法治 year:2022..2023");
    assert!(
        years
            .iter()
            .all(|p| p.contains("2022") || p.contains("2023")),
        "{years:?}"
    );
    assert!(subset("year:..2019").iter().all(|p| p.contains("2019")));
    assert_eq!(paths(&index, "year:1990"), Vec::<String>::new());
}

#[test]
fn operators_combine_as_written() {
    let index = corpus_index().unwrap();
    let a = paths(&index, "秸秆");
    let b = paths(&index, "校园欺凌");
    let either = paths(&index, "秸秆 OR 校园欺凌");
    let mut union: Vec<String> = a.iter().chain(&b).cloned().collect();
    union.sort();
    union.dedup();
    assert_eq!(either, union);
    let both = paths(&index, "民法典 宪法");
    let not = paths(&index, "民法典 -宪法");
    assert!(
        not.iter().all(|p| !both.contains(p)),
        "NOT removes what has both"
    );
    assert_eq!(not, paths(&index, "民法典 NOT 宪法"));
    let grouped = paths(&index, "(秸秆 OR 校园欺凌) 法治");
    assert!(grouped.iter().all(|p| either.contains(p)));
    assert_eq!(
        paths(&index, "\"大气污染防治\""),
        paths(&index, "“大气污染防治”")
    );
}

#[test]
fn sort_by_date_puts_the_newest_first() {
    let index = corpus_index().unwrap();
    let options = SearchOptions::default().limit(100).sort(Sort::Date);
    let hits = index.search("法治", &options).unwrap().hits;
    let dates: Vec<String> = hits
        .iter()
        .map(|h| {
            h.date
                .clone()
                .unwrap_or_else(|| h.year.map(|y| format!("{y}")).unwrap_or_default())
        })
        .collect();
    let years: Vec<Option<u16>> = hits.iter().map(|h| h.year).collect();
    assert!(years.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    assert_eq!(
        hits[0].path,
        "高台县科学技术局2025年法治政府建设工作要点.txt"
    );
}

#[test]
fn facets_count_the_whole_result_set() {
    let index = corpus_index().unwrap();
    let options = SearchOptions::default().limit(100).facets(true);
    let results = index.search("科技", &options).unwrap();
    let facets = results.facets.unwrap();
    let count = |values: &[zhengce_core::search::FacetCount], value: &str| {
        values
            .iter()
            .find(|c| c.value == value)
            .map_or(0, |c| c.count)
    };
    let years: usize = facets.year.iter().map(|c| c.count).sum();
    assert_eq!(years, results.total, "every corpus document has a year");
    for hit in &results.hits {
        let year = hit.year.unwrap().to_string();
        let same_year = results.hits.iter().filter(|h| h.year == hit.year).count();
        assert_eq!(count(&facets.year, &year), same_year);
        if let Some(t) = &hit.doc_type {
            let same_type = results
                .hits
                .iter()
                .filter(|h| h.doc_type.as_ref() == Some(t))
                .count();
            assert_eq!(count(&facets.doc_type, t), same_type, "{t}");
        }
    }
    assert_eq!(facets.region[0].value, "高台县");
    assert!(
        facets.year.windows(2).all(|w| w[0].value > w[1].value),
        "years newest first"
    );
    assert!(
        facets.issuer.windows(2).all(|w| w[0].count >= w[1].count),
        "most frequent first"
    );
    let only_2023 = index
        .search("科技 year:2023", &options)
        .unwrap()
        .facets
        .unwrap();
    assert_eq!(only_2023.year.len(), 1, "facets follow the filters");
}

#[test]
fn passages_come_with_their_section_and_whole_word_highlights() {
    let index = corpus_index().unwrap();
    let options = SearchOptions::default().passages(3);
    let hit = index
        .search("科技宣传 民法典", &options)
        .unwrap()
        .hits
        .into_iter()
        .find(|h| h.path == SAMPLE)
        .unwrap();
    assert!(hit.passages.len() >= 2 && hit.passages.len() <= 3);
    let sections: Vec<String> = hit.passages.iter().map(|p| p.section.join(" › ")).collect();
    assert!(
        sections
            .contains(&"一、工作进展情况 › (三)开展科技宣传,着力构建优质高效普法环境".to_owned()),
        "{sections:?}"
    );
    for p in &hit.passages {
        let chars = p.text.chars().count();
        assert!(chars <= 130, "passage of {chars} characters");
        for [s, e] in &p.highlights {
            let marked = &p.text[*s..*e];
            assert!(
                ["科技宣传", "科技", "宣传", "民法典"]
                    .iter()
                    .any(|w| marked.contains(w)),
                "{marked}"
            );
        }
        assert!(
            p.highlights.windows(2).all(|w| w[0][1] < w[1][0]),
            "merged, not overlapping"
        );
    }
}

#[derive(Debug, Deserialize)]
struct FacetLine {
    value: String,
    count: usize,
}

#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Line {
    Passage {
        path: String,
        section: Vec<String>,
        text: String,
        highlights: Vec<[usize; 2]>,
    },
    Facets {
        year: Vec<FacetLine>,
        issuer: Vec<FacetLine>,
        region: Vec<FacetLine>,
        doc_type: Vec<FacetLine>,
    },
    SearchSummary {
        total: usize,
    },
}

#[test]
fn json_passages_facets_and_show() {
    let dir = Dir::with_corpus();
    let run = dir.run(&[
        "search",
        "国家宪法日",
        "corpus",
        "--by",
        "passage",
        "--facets",
        "--json",
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    let lines: Vec<Line> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let passages: Vec<&Line> = lines
        .iter()
        .filter(|l| matches!(l, Line::Passage { .. }))
        .collect();
    assert!(!passages.is_empty());
    for line in &passages {
        if let Line::Passage {
            text, highlights, ..
        } = line
        {
            assert!(
                highlights
                    .iter()
                    .all(|[s, e]| &text[*s..*e] == "国家宪法日"),
                "{text}"
            );
        }
    }
    let first_path = match passages[0] {
        Line::Passage { path, .. } => path.as_str(),
        _ => "",
    };
    assert_eq!(first_path, NOTICE);
    let with_section = passages
        .iter()
        .any(|l| matches!(l, Line::Passage { section, .. } if !section.is_empty()));
    assert!(
        with_section,
        "passages under a heading carry its section path"
    );
    match &lines[lines.len() - 2] {
        Line::Facets {
            year,
            issuer,
            region,
            doc_type,
        } => {
            for values in [year, issuer, region, doc_type] {
                assert!(values.iter().all(|v| !v.value.is_empty() && v.count > 0));
            }
        }
        other => panic!("facets line expected, got {other:?}"),
    }
    assert!(matches!(lines[lines.len() - 1], Line::SearchSummary { total } if total > 1));
    let show = dir.run(&["show", SAMPLE, "corpus", "--json"]);
    assert_eq!(show.code, 0, "{show:?}");
    let doc: serde_json::Value = serde_json::from_str(show.stdout.trim()).unwrap();
    assert_eq!(doc["type"], "document");
    assert_eq!(doc["meta"]["issuer"], "县科技局");
    assert_eq!(doc["outline"][0]["text"], "一、工作进展情况");
    assert_eq!(
        doc["citations"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["inferred"] == false)
            .count(),
        20
    );
    let missing = dir.run(&["show", "no-such.txt", "corpus"]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("no-such.txt"), "{}", missing.stderr);
}

/// Compares the text output of `zhengce ARGS` with `tests/golden/NAME.txt`.
fn golden(dir: &Dir, name: &str, args: &[&str]) {
    let run = dir.run(args);
    assert_eq!(run.code, 0, "{run:?}");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{name}.txt"));
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        run.stdout == expected,
        "text output of `zhengce {}` differs from {}.\n--- got ---\n{}\n--- expected ---\n{}",
        args.join(" "),
        path.display(),
        run.stdout,
        expected
    );
}

#[test]
fn text_output_matches_the_golden_files() {
    let dir = Dir::with_corpus();
    assert_eq!(dir.run(&["index", "corpus"]).code, 0);
    golden(
        &dir,
        "search_keji_xuanchuan",
        &["search", "科技宣传", "corpus", "-n", "2", "--passages", "2"],
    );
    golden(
        &dir,
        "search_phrase_facets",
        &["search", "\"污染防治\"", "corpus", "--facets"],
    );
    golden(
        &dir,
        "search_by_passage",
        &[
            "search",
            "法治副校长",
            "corpus",
            "--by",
            "passage",
            "-n",
            "1",
        ],
    );
    golden(
        &dir,
        "laws_publicized_2024",
        &[
            "laws",
            "corpus",
            "--action",
            "publicize",
            "--year",
            "2024",
            "--done",
        ],
    );
    golden(&dir, "show_sample", &["show", SAMPLE, "corpus"]);
}

#[test]
fn every_page_is_the_slice_of_the_whole_order_with_ties_broken_by_path() {
    // Three bodies, each written by many files: documents of one body tie on score and date,
    // so their order is by path, across the page boundaries too.
    let index = zhengce_core::Index::create_in_ram().unwrap();
    let mut writer = index.writer_with_threads(2).unwrap();
    let bodies = [
        "法治政府建设年度报告",
        "法治政府建设，法治政府建设",
        "推进法治政府建设工作",
    ];
    for i in 0..90 {
        let path = format!("{:02}/{}.txt", (i * 37) % 90, i);
        let doc = zhengce_core::Document::from_text(&path, bodies[i % 3]);
        writer.add_document(&doc).unwrap();
    }
    writer.commit().unwrap();
    let page = |offset: usize, limit: usize| -> Vec<String> {
        let options = SearchOptions::default().offset(offset).limit(limit);
        let results = index.search("法治政府建设", &options).unwrap();
        assert_eq!(results.total, 90);
        results.hits.into_iter().map(|h| h.path).collect()
    };
    let all = page(0, 1000);
    assert_eq!(all.len(), 90);
    for (offset, limit) in [
        (0, 1),
        (0, 10),
        (5, 10),
        (25, 10),
        (29, 2),
        (30, 31),
        (85, 10),
    ] {
        let end = (offset + limit).min(90);
        assert_eq!(
            page(offset, limit),
            all[offset..end],
            "offset {offset} limit {limit}"
        );
    }
    // Within a tie the paths ascend.
    let scores: Vec<f32> = {
        let options = SearchOptions::default().limit(1000);
        let hits = index.search("法治政府建设", &options).unwrap().hits;
        hits.iter().map(|h| h.score).collect()
    };
    for i in 1..90 {
        if scores[i] == scores[i - 1] {
            assert!(all[i - 1] < all[i], "{} then {}", all[i - 1], all[i]);
        }
    }
}
