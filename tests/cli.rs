//! The command line end to end: index, search, output formats, exit codes and errors.

use serde::Deserialize;

use crate::util::{Dir, SAMPLE};

/// A line of `zhengce search --json`.
#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum SearchLine {
    Hit {
        path: String,
        title: String,
        year: Option<u16>,
        score: f32,
        snippet: String,
        highlights: Vec<[usize; 2]>,
        passages: Vec<serde_json::Value>,
        missing: Vec<String>,
    },
    SearchSummary {
        total: usize,
        closest: usize,
        offset: usize,
        returned: usize,
    },
}

fn search_json(dir: &Dir, query: &str) -> Vec<SearchLine> {
    let run = dir.run(&["search", query, "corpus", "--json", "--limit", "100"]);
    assert!(run.code == 0 || run.code == 1, "{run:?}");
    run.stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

#[test]
fn search_builds_the_index_then_finds_the_sample_report() {
    let dir = Dir::with_corpus();
    let run = dir.run(&["search", "科学技术进步法", "corpus"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr.contains("indexing corpus first"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains(SAMPLE), "{}", run.stdout);
    assert!(
        run.stdout.contains("【科学技术进步法】"),
        "highlighted without color: {}",
        run.stdout
    );
    assert!(dir.path().join("corpus/.zhengce/zhengce.json").exists());
    // The second search uses the index without rebuilding it.
    let again = dir.run(&["search", "民法典", "corpus"]);
    assert_eq!(again.code, 0);
    assert!(again.stderr.is_empty(), "{}", again.stderr);
}

#[test]
fn json_lines_deserialize_with_highlights_inside_the_snippet() {
    let dir = Dir::with_corpus();
    assert_eq!(dir.run(&["index", "corpus"]).code, 0);
    for query in [
        "科学技术进步法",
        "民法典",
        "高台县科技计划项目管理办法",
        "科技特派员",
    ] {
        let lines = search_json(&dir, query);
        let mut paths = Vec::new();
        let mut closest = 0;
        for line in &lines {
            if let SearchLine::Hit {
                path,
                title,
                snippet,
                highlights,
                score,
                passages,
                year,
                missing,
            } = line
            {
                assert!(!title.is_empty() && *score > 0.0 && !passages.is_empty());
                assert!(year.is_some(), "{path} has a year");
                for [s, e] in highlights {
                    let marked = snippet.get(*s..*e).expect("highlight on char boundaries");
                    assert!(!marked.is_empty());
                }
                if missing.is_empty() {
                    assert!(closest == 0, "{path}: matching documents come first");
                    paths.push(path.clone());
                } else {
                    closest += 1;
                }
            }
        }
        assert!(paths.contains(&SAMPLE.to_owned()), "{query}: {paths:?}");
        match lines.last() {
            Some(SearchLine::SearchSummary {
                total,
                closest: c,
                offset: 0,
                returned,
            }) => {
                assert_eq!(*total, paths.len());
                assert_eq!(*c, closest, "{query}: every closest document shown");
                assert_eq!(*returned, paths.len() + closest);
            }
            other => panic!("last line {other:?}"),
        }
    }
}

#[test]
fn exit_codes_say_match_no_match_error() {
    let dir = Dir::with_corpus();
    assert_eq!(dir.run(&["search", "民法典", "corpus"]).code, 0);
    let none = dir.run(&["search", "量子引力", "corpus"]);
    assert_eq!(none.code, 1, "{none:?}");
    assert!(none.stdout.contains("no documents matched"));
    let bad = dir.run(&["search", "\"法治政府", "corpus"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("unclosed quote"), "{}", bad.stderr);
    assert!(!bad.stderr.contains("panicked"));
    let empty = dir.run(&["search", "", "corpus"]);
    assert_eq!(empty.code, 2);
    assert!(empty.stderr.contains("empty query"), "{}", empty.stderr);
    let missing = dir.run(&["search", "民法典", "no-such-folder"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("no-such-folder: no such folder"),
        "{}",
        missing.stderr
    );
    assert_eq!(
        missing.stderr.lines().count(),
        1,
        "one line: {}",
        missing.stderr
    );
}

#[test]
fn color_follows_the_flag_and_no_color() {
    let dir = Dir::with_corpus();
    let always = dir.run(&["search", "民法典", "corpus", "--color", "always"]);
    assert!(
        always.stdout.contains("\x1b[1;31m民法典\x1b[0m"),
        "{}",
        always.stdout
    );
    let never = dir.run(&["search", "民法典", "corpus", "--color", "never"]);
    assert!(!never.stdout.contains('\x1b'));
    // Output to a pipe is not a terminal: auto means no color.
    let auto = dir.run(&["search", "民法典", "corpus"]);
    assert!(!auto.stdout.contains('\x1b'));
}

#[test]
fn limit_and_offset_page_through_the_hits() {
    let dir = Dir::with_corpus();
    let all: Vec<String> = search_json(&dir, "法治")
        .into_iter()
        .filter_map(|l| match l {
            SearchLine::Hit { path, .. } => Some(path),
            SearchLine::SearchSummary { .. } => None,
        })
        .collect();
    assert!(all.len() > 4);
    let run = dir.run(&[
        "search", "法治", "corpus", "--json", "--limit", "2", "--offset", "2",
    ]);
    let page: Vec<SearchLine> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let page: Vec<&String> = page
        .iter()
        .filter_map(|l| match l {
            SearchLine::Hit { path, .. } => Some(path),
            SearchLine::SearchSummary { .. } => None,
        })
        .collect();
    assert_eq!(page, vec![&all[2], &all[3]]);
}

/// An index kept apart (`--index DIR`) that another analyzer built is refused with a hint, and
/// `zhengce index` rebuilds it; the folder's own index is rebuilt by the search itself
/// (`r12_an_index_of_an_older_version_is_rebuilt_by_search`).
#[test]
fn an_index_from_another_analyzer_is_refused_with_a_rebuild_hint() {
    let dir = Dir::with_corpus();
    let apart = ["--index", "apart"];
    assert_eq!(
        dir.run(&[&["index", "corpus"][..], &apart].concat()).code,
        0
    );
    let state = dir.path().join("apart/zhengce.json");
    let text = std::fs::read_to_string(&state).unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["analyzer"] = "0000000000000000ffffffffffffffff".into();
    std::fs::write(&state, json.to_string()).unwrap();
    let search = [&["search", "民法典", "corpus"][..], &apart].concat();
    let run = dir.run(&search);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("zhengce index --index apart"),
        "{}",
        run.stderr
    );
    // `zhengce index` rebuilds it.
    let rebuild = dir.run(&[&["index", "corpus"][..], &apart].concat());
    assert_eq!(rebuild.code, 0, "{rebuild:?}");
    assert!(rebuild.stderr.contains("rebuilding"));
    assert_eq!(dir.run(&search).code, 0);
}

#[test]
fn index_json_reports_counts() {
    let dir = Dir::with_corpus();
    dir.write("corpus/broken.txt", [0u8, 159, 146, 150]);
    let run = dir.run(&["index", "corpus", "--json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let skipped = &lines[0];
    assert_eq!(skipped["type"], "skipped");
    assert_eq!(skipped["path"], "broken.txt");
    let summary = lines.last().unwrap();
    assert_eq!(summary["type"], "index_summary");
    assert_eq!(summary["added"], 16);
    assert_eq!(summary["skipped"], 1);
}

/// Issue 12: the README's first command indexes `corpus/` into `corpus/.zhengce/`; a test that
/// copies such a folder must not copy the index with it (the copy was already indexed, and
/// `index --json` reported 0 added).
#[test]
fn r12_a_copied_corpus_leaves_behind_the_index_a_run_wrote_in_it() {
    let first = Dir::with_corpus();
    assert_eq!(first.run(&["search", "科学技术进步法", "corpus"]).code, 0);
    assert!(first.path().join("corpus/.zhengce").is_dir());

    let second = Dir::new();
    crate::util::copy_dir(&first.path().join("corpus"), &second.path().join("corpus"));
    assert!(!second.path().join("corpus/.zhengce").exists());
    assert!(second.path().join("corpus/.zhengceignore").is_file());
    let run = second.run(&["index", "corpus", "--json"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("\"added\":16"), "{}", run.stdout);
}

/// A folder's index built by an older zhengce (another schema) is rebuilt by the next search,
/// laws or cites, not refused: a user who ran the README's first command with an older build and
/// then updated must not be stopped by it.
#[test]
fn r12_an_index_of_an_older_version_is_rebuilt_by_search() {
    let dir = Dir::with_corpus();
    assert_eq!(dir.run(&["index", "corpus"]).code, 0);
    let state = dir.path().join("corpus/.zhengce/zhengce.json");
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&state).unwrap()).unwrap();
    json["schema_version"] = 1.into();
    std::fs::write(&state, json.to_string()).unwrap();
    let run = dir.run(&["search", "科学技术进步法", "corpus"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("rebuilding it now"), "{}", run.stderr);
    assert!(run.stdout.contains(crate::util::SAMPLE), "{}", run.stdout);
    let laws = dir.run(&["laws", "corpus"]);
    assert_eq!(laws.code, 0, "{laws:?}");
    assert!(!laws.stderr.contains("rebuilding"), "{}", laws.stderr);
}

/// The corpus the tests read holds no index, whatever a user's run left in `corpus/`.
#[test]
fn r12_the_tests_corpus_holds_no_index() {
    let corpus = crate::util::corpus();
    assert!(!corpus.join(zhengce_core::INDEX_DIR).exists());
    assert!(corpus.join(crate::util::SAMPLE).is_file());
}

/// A newcomer's first mistakes get a message that says what to do.
#[test]
fn r12_a_file_or_a_missing_folder_is_named_as_such() {
    let dir = Dir::with_corpus();
    let run = dir.run(&["search", "宪法", "corpus/README.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("a file, not a folder"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("zhengce extract"), "{}", run.stderr);
    let run = dir.run(&["search", "宪法", "corpu"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("corpu: no such folder"),
        "{}",
        run.stderr
    );
    let run = dir.run(&["--help"]);
    assert!(run.stdout.contains("Examples"), "{}", run.stdout);
}
