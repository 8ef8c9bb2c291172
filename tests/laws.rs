//! Citations through the index: the `law:`/`action:`/`kind:`/`state:` filters, `zhengce laws`,
//! `zhengce cites` and `zhengce extract`, with their JSON Lines deserialized.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::util::{corpus_index, paths, Dir, SAMPLE};

#[test]
fn citation_filters_hold_for_one_citation() {
    let index = corpus_index().unwrap();
    // The sample publicized the science and technology progress law in 2024.
    let hits = paths(&index, "law:科技进步法 action:publicize year:2024");
    assert!(hits.contains(&SAMPLE.to_owned()), "{hits:?}");
    // Alias aware: short, full and typo forms give the same documents.
    let short = paths(&index, "law:科学技术进步法");
    assert_eq!(short, paths(&index, "law:中华人民共和国科学技术进步法"));
    assert_eq!(
        short,
        paths(&index, "law:《中华人民共和国中华人民共和国科学技术进步法》")
    );
    // The sample only plans to publicize the constitution; it did not do it.
    let planned = paths(&index, "law:宪法 action:publicize state:planned");
    assert!(planned.contains(&SAMPLE.to_owned()));
    let done = paths(&index, "law:宪法 action:publicize state:done");
    assert!(!done.contains(&SAMPLE.to_owned()), "{done:?}");
    // A part of a county title finds the documents citing it.
    let county = paths(&index, "law:科技特派员管理办法");
    assert!(county.contains(&SAMPLE.to_owned()));
    assert!(paths(&index, "kind:local_regulation").contains(&SAMPLE.to_owned()));
    assert!(paths(&index, "law:不存在的条例").is_empty());
    // Filters combine with words and with NOT.
    let both = paths(
        &index,
        "民法典 kind:party_regulation -law:中国共产党纪律处分条例",
    );
    assert!(both.contains(&SAMPLE.to_owned()), "{both:?}");
}

#[derive(Debug, Deserialize)]
struct LawLine {
    r#type: String,
    title: String,
    kind: String,
    documents: usize,
    mentions: usize,
    actions: BTreeMap<String, usize>,
}

#[test]
fn laws_table_answers_which_laws_were_publicized() {
    let dir = Dir::with_corpus();
    let run = dir.run(&[
        "laws",
        "corpus",
        "--action",
        "publicize",
        "--year",
        "2024",
        "--done",
        "--json",
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    let rows: Vec<LawLine> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(rows
        .iter()
        .all(|r| r.r#type == "law" && r.actions.get("publicize").copied().unwrap_or(0) > 0));
    let titles: Vec<&str> = rows.iter().map(|r| r.title.as_str()).collect();
    for title in [
        "中华人民共和国食品安全法",
        "甘肃省社会信用条例",
        "中国共产党统一战线工作条例",
    ] {
        assert!(titles.contains(&title), "{title} in {titles:?}");
    }
    assert!(
        !titles.contains(&"中华人民共和国个人信息保护法"),
        "studied, not publicized"
    );
    let sorted = rows
        .windows(2)
        .all(|w| (w[0].documents, w[0].mentions) >= (w[1].documents, w[1].mentions));
    assert!(sorted, "sorted by documents, then mentions");
    let civil = rows
        .iter()
        .find(|r| r.title == "中华人民共和国民法典")
        .unwrap();
    assert_eq!(civil.kind, "law");
    assert!(civil.documents >= 2 && civil.mentions >= civil.documents);
    let text = dir.run(&["laws", "corpus", "--by", "year", "--kind", "地方性法规"]);
    assert_eq!(text.code, 0);
    assert!(
        text.stdout.contains("== 2024 ==") && text.stdout.contains("甘肃省社会信用条例"),
        "{}",
        text.stdout
    );
}

#[derive(Debug, Deserialize)]
struct ExplainedLaw {
    title: String,
    mentions: usize,
    citing: Vec<ExplainedCite>,
}

#[derive(Debug, Deserialize)]
struct ExplainedCite {
    path: String,
    sentence: String,
    highlight: [usize; 2],
    citation: ExplainedCitation,
}

#[derive(Debug, Deserialize)]
struct ExplainedCitation {
    actions: Vec<String>,
    planned: bool,
    evidence: Evidence,
}

#[derive(Debug, Deserialize)]
struct Evidence {
    word: Option<String>,
    source: String,
    mood: Mood,
}

#[derive(Debug, Deserialize)]
struct Mood {
    planned: bool,
    source: String,
}

#[test]
fn laws_explain_gives_each_row_its_sentences_and_evidence() {
    let dir = Dir::with_corpus();
    let args = ["laws", "corpus", "--action", "publicize", "--year", "2024"];
    let run = dir.run(&[&args[..], &["--done", "--explain", "--json"]].concat());
    assert_eq!(run.code, 0, "{run:?}");
    let rows: Vec<ExplainedLaw> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!rows.is_empty());
    for row in &rows {
        // Every citation the row counts, and only those: publicized, done.
        assert_eq!(row.citing.len(), row.mentions, "{}", row.title);
        for hit in &row.citing {
            let c = &hit.citation;
            assert!(c.actions.contains(&"publicize".to_owned()) && !c.planned);
            assert_eq!(c.evidence.mood.planned, c.planned);
            assert!(c.evidence.word.is_some(), "{hit:?}");
            assert_ne!(c.evidence.source, "none");
            assert!(!c.evidence.mood.source.is_empty());
            let [s, e] = hit.highlight;
            assert!(hit.sentence[s..e].contains('《'), "{hit:?}");
        }
    }
    let science = rows
        .iter()
        .find(|r| r.title == "中华人民共和国科学技术进步法")
        .unwrap();
    let sample = science.citing.iter().find(|h| h.path == SAMPLE).unwrap();
    assert_eq!(sample.citation.evidence.word.as_deref(), Some("发放"));
    // The text form prints the evidence under each row; without --explain, rows carry none.
    let text = dir.run(&[&args[..], &["--done", "--explain"]].concat());
    assert!(
        text.stdout.contains("发放 (clause) → publicize"),
        "{}",
        text.stdout
    );
    let plain = dir.run(&[&args[..], &["--json"]].concat());
    assert!(!plain.stdout.contains("\"citing\""));
}

#[derive(Debug, Deserialize)]
struct CiteLine {
    r#type: String,
    path: String,
    year: Option<u16>,
    sentence: String,
    highlight: [usize; 2],
    citation: serde_json::Value,
}

#[test]
fn cites_lists_the_citing_sentences_however_the_title_is_written() {
    let dir = Dir::with_corpus();
    let run = dir.run(&[
        "cites",
        "高台县科技计划项目管理办法（试行）",
        "corpus",
        "--json",
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    let hits: Vec<CiteLine> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(
        hits.iter().any(|h| h.path == SAMPLE),
        "the sample cites it as (试行) with half-width brackets"
    );
    for h in &hits {
        assert_eq!(h.r#type, "cite");
        assert_eq!(h.citation["title"], "高台县科技计划项目管理办法");
        let marked = &h.sentence[h.highlight[0]..h.highlight[1]];
        assert!(
            marked.contains("管理办法") || marked.contains("办法"),
            "{marked}"
        );
    }
    let years: Vec<Option<u16>> = hits.iter().map(|h| h.year).collect();
    assert!(
        years.windows(2).all(|w| w[0] >= w[1]),
        "newest first: {years:?}"
    );
    let none = dir.run(&["cites", "不存在的办法", "corpus"]);
    assert_eq!(none.code, 1);
}

#[test]
fn extract_needs_no_index() {
    let dir = Dir::new();
    dir.write(
        "a.txt",
        "根据《中华人民共和国民法典》第一千零八十条，学习《宪法》。",
    );
    let run = dir.run(&["extract", "a.txt", "--json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["type"], "citation");
    assert_eq!(lines[0]["raw"], "中华人民共和国民法典");
    assert_eq!(lines[0]["pin"]["article"], 1080);
    assert_eq!(lines[0]["actions"][0], "implement");
    assert_eq!(lines[1]["title"], "中华人民共和国宪法");
    assert_eq!(
        lines[1]["span"][0],
        "根据《中华人民共和国民法典》第一千零八十条，学习".len()
    );
    assert!(!dir.path().join(".zhengce").exists());
    let missing = dir.run(&["extract", "nope.txt"]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("nope.txt"));
}

#[test]
fn users_add_their_own_titles_and_aliases() {
    let dir = Dir::new();
    dir.write(
        "docs/a.txt",
        "2024年工作总结\n认真落实《特派员办法》，宣传《县志编纂规定》。",
    );
    dir.write(
        "docs/b.txt",
        "2023年工作总结\n严格执行《高台县科技特派员管理办法》。",
    );
    let titles = "# 县里的文件\n高台县科技特派员管理办法\tnormative_document\n特派员办法\t高台县科技特派员管理办法\n县志编纂规定\tother\n";
    dir.write("docs/.zhengcetitles", titles);
    let run = dir.run(&["laws", "docs", "--json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let rows: Vec<LawLine> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let county = rows
        .iter()
        .find(|r| r.title == "高台县科技特派员管理办法")
        .unwrap();
    assert_eq!(
        (county.documents, county.kind.as_str()),
        (2, "normative_document")
    );
    let gazetteer = rows.iter().find(|r| r.title == "县志编纂规定").unwrap();
    assert_eq!(
        gazetteer.kind, "other",
        "the user's kind wins over the title's ending"
    );
    let search = dir.run(&["search", "law:特派员办法", "docs", "--json"]);
    assert_eq!(
        search.stdout.lines().count(),
        3,
        "two hits and a summary: {}",
        search.stdout
    );
    // Editing the file changes how citations resolve: the next search rebuilds the folder's
    // index (saying so), and with --no-refresh the old one is refused with the command.
    dir.write(
        "docs/.zhengcetitles",
        "特派员办法\t高台县科技特派员管理办法\n",
    );
    let kept = dir.run(&["search", "law:特派员办法", "docs", "--no-refresh"]);
    assert_eq!(kept.code, 2, "{kept:?}");
    assert!(
        kept.stderr.contains("zhengce index docs"),
        "{}",
        kept.stderr
    );
    let stale = dir.run(&["search", "law:特派员办法", "docs"]);
    assert_eq!(stale.code, 0, "{stale:?}");
    assert!(
        stale.stderr.contains("rebuilding it now"),
        "{}",
        stale.stderr
    );
    assert_eq!(dir.run(&["index", "docs"]).code, 0);
    let bad = Dir::new();
    bad.write("docs/a.txt", "文本");
    bad.write("docs/.zhengcetitles", "no tab here\n");
    let run = bad.run(&["index", "docs"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(".zhengcetitles") && run.stderr.contains("line 1"),
        "{}",
        run.stderr
    );
}
