//! Quoted phrases return exactly the documents that contain their characters (after
//! normalization, which removes the transparent quotation and book-title marks), wherever jieba
//! cuts them; checked against a plain substring scan.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use zhengce_core::ingest::{read, walk};
use zhengce_core::segment::{is_han, normalize, TRANSPARENT_MARKS};

use crate::util::{corpus, corpus_index, paths, SAMPLE};

/// Each corpus document's path with its normalized title and body.
fn normalized_corpus() -> Vec<(String, String, String)> {
    let (files, _) = walk(&corpus(), None);
    files
        .iter()
        .filter_map(|f| read(f).ok())
        .map(|d| {
            (
                d.path.clone(),
                normalize(&d.meta.title).text,
                normalize(&d.body).text,
            )
        })
        .collect()
}

/// The documents whose normalized title or body — the text with the transparent marks removed —
/// contains `phrase`, sorted.
fn scan(docs: &[(String, String, String)], phrase: &str) -> Vec<String> {
    let phrase = normalize(phrase).text;
    assert!(!phrase.contains(TRANSPARENT_MARKS), "{phrase}");
    let mut out: Vec<String> = docs
        .iter()
        .filter(|(_, title, body)| title.contains(&phrase) || body.contains(&phrase))
        .map(|(path, _, _)| path.clone())
        .collect();
    out.sort();
    out
}

#[test]
fn phrase_matrix_matches_a_substring_scan() {
    let index = corpus_index().unwrap();
    let docs = normalized_corpus();
    let phrases = [
        "技计划项",
        "法治政府建设",
        "管理办法",
        "污染防治",
        "大气污染防治",
        "科学技术进步法",
        "技术进步法",
        "中华人民共和国",
        "民法典宣传月",
        "处理",
        "待处理",
        "科技特派员",
        "国家宪法日",
        "学习宣传贯彻",
        "個人信息保護法",
        "法",
        "县",
    ];
    for phrase in phrases {
        let expected = scan(&docs, phrase);
        assert!(!expected.is_empty(), "{phrase} occurs in the corpus");
        assert_eq!(
            paths(&index, &format!("\"{phrase}\"")),
            expected,
            "phrase {phrase}"
        );
    }
}

#[test]
fn the_sample_report_is_found_by_its_laws() {
    let index = corpus_index().unwrap();
    for query in [
        "科学技术进步法",
        "民法典",
        "高台县科技计划项目管理办法",
        "科技特派员",
    ] {
        assert!(
            paths(&index, query).contains(&SAMPLE.to_owned()),
            "{query} finds the sample"
        );
    }
}

#[test]
fn random_substrings_match_a_substring_scan() {
    let index = corpus_index().unwrap();
    let docs = normalized_corpus();
    // Runs of two or more Han characters in the normalized texts.
    let runs: Vec<Vec<char>> = docs
        .iter()
        .flat_map(|(_, _, body)| {
            body.split(|c: char| !is_han(c))
                .map(|r| r.chars().collect::<Vec<_>>())
        })
        .filter(|r| r.len() >= 2)
        .collect();
    let config = Config {
        cases: 400,
        failure_persistence: None,
        ..Config::default()
    };
    let rng = TestRng::deterministic_rng(RngAlgorithm::ChaCha);
    let mut runner = TestRunner::new_with_rng(config, rng);
    let strategy = (0..runs.len(), any::<prop::sample::Index>(), 2usize..9);
    runner
        .run(&strategy, |(run, start, len)| {
            let run = &runs[run];
            let len = len.min(run.len());
            let start = start.index(run.len() - len + 1);
            let phrase: String = run[start..start + len].iter().collect();
            let expected = scan(&docs, &phrase);
            prop_assert!(!expected.is_empty());
            prop_assert_eq!(
                paths(&index, &format!("\"{phrase}\"")),
                expected,
                "phrase {}",
                phrase
            );
            Ok(())
        })
        .unwrap();
}

#[test]
fn unquoted_terms_need_every_word_and_rank_whole_words_first() {
    let index = corpus_index().unwrap();
    let docs = normalized_corpus();
    // 处理 as a word, and only inside 待处理 in the 2022 market supervision summary.
    let hits = paths(&index, "处理");
    assert_eq!(hits, scan(&docs, "处理"));
    let options = zhengce_core::SearchOptions::default().limit(100);
    let ranked = index.search("处理", &options).unwrap().hits;
    let inside_only = ranked
        .iter()
        .position(|h| h.path.contains("市场监督管理局2022"))
        .unwrap();
    assert_eq!(
        inside_only,
        ranked.len() - 1,
        "the match inside 待处理 ranks last"
    );
    // Two words, adjacent or not: every hit holds both.
    for path in paths(&index, "科技局 民法典") {
        let (_, _, body) = docs.iter().find(|(p, _, _)| *p == path).unwrap();
        assert!(body.contains("科技局") && body.contains("民法典"), "{path}");
    }
}

#[test]
fn adjacent_words_rank_above_scattered_ones() {
    let index = corpus_index().unwrap();
    let options = zhengce_core::SearchOptions::default().limit(100);
    let hits = index.search("法治宣传", &options).unwrap().hits;
    let docs = normalized_corpus();
    let adjacent = |path: &str| {
        docs.iter()
            .any(|(p, _, b)| p == path && b.contains("法治宣传"))
    };
    let first_scattered = hits
        .iter()
        .position(|h| !adjacent(&h.path))
        .unwrap_or(hits.len());
    assert!(first_scattered > 0);
    assert!(
        hits[first_scattered..].iter().all(|h| !adjacent(&h.path)),
        "adjacent matches come first"
    );
}

/// Windows of the bodies as written that cross a transparent mark (“八五”普法, 《民法典》宣传月):
/// Han characters and marks only, with a mark inside and a Han character at each end.
fn windows_across_marks() -> Vec<String> {
    let (files, _) = walk(&corpus(), None);
    let mut out = Vec::new();
    for doc in files.iter().filter_map(|f| read(f).ok()) {
        let chars: Vec<char> = doc.body.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            if !TRANSPARENT_MARKS.contains(c) || *c == '"' {
                continue;
            }
            let inner = |c: &char| is_han(*c) || (TRANSPARENT_MARKS.contains(c) && *c != '"');
            let from = (i.saturating_sub(3)..i)
                .find(|&s| chars[s..i].iter().all(inner))
                .unwrap_or(i);
            let to = (i + 1..=(i + 4).min(chars.len()))
                .rev()
                .find(|&e| chars[i + 1..e].iter().all(inner))
                .unwrap_or(i + 1);
            let mut window = &chars[from..to];
            while window.first().is_some_and(|c| !is_han(*c)) {
                window = &window[1..];
            }
            while window.last().is_some_and(|c| !is_han(*c)) {
                window = &window[..window.len() - 1];
            }
            if window.iter().filter(|c| is_han(**c)).count() >= 2
                && window.iter().any(|c| TRANSPARENT_MARKS.contains(c))
            {
                out.push(window.iter().collect());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn phrases_across_marks_match_a_substring_scan() {
    let index = corpus_index().unwrap();
    let docs = normalized_corpus();
    let windows = windows_across_marks();
    assert!(windows.len() > 100, "{} windows", windows.len());
    let config = Config {
        cases: 300,
        failure_persistence: None,
        ..Config::default()
    };
    let rng = TestRng::deterministic_rng(RngAlgorithm::ChaCha);
    let mut runner = TestRunner::new_with_rng(config, rng);
    runner
        .run(&(0..windows.len()), |i| {
            let window = &windows[i];
            let expected = scan(&docs, window);
            prop_assert!(!expected.is_empty(), "{}", window);
            // Typed with the marks, or without them: the same documents.
            let bare: String = window
                .chars()
                .filter(|c| !TRANSPARENT_MARKS.contains(c))
                .collect();
            for typed in [window.as_str(), bare.as_str()] {
                prop_assert_eq!(
                    paths(&index, &format!("\"{typed}\"")),
                    expected.clone(),
                    "phrase {}",
                    typed
                );
            }
            Ok(())
        })
        .unwrap();
}
