//! The library as other programs embed it: each example's job (crates/core/examples), done with
//! the public API only, plus what handles promise (Send + Sync, cheap clones, errors not panics).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use zhengce_core::cite::{extract, Action, Kind};
use zhengce_core::segment::Dictionary;
use zhengce_core::{
    Document, Error, Index, IndexReport, IndexWriter, LawsOptions, Query, SearchOptions,
    SearchResults, SkipReason,
};

use crate::util::{corpus, Dir, SAMPLE};

#[test]
fn handles_can_be_shared_between_threads() {
    fn shareable<T: Send + Sync + Clone>() {}
    fn sendable<T: Send>() {}
    shareable::<Index>();
    shareable::<Dictionary>();
    shareable::<SearchOptions>();
    shareable::<LawsOptions>();
    shareable::<SearchResults>();
    shareable::<Query>();
    sendable::<IndexWriter>();
    sendable::<Error>();
    // The error type is an ordinary error: it goes into Box<dyn Error> and anyhow.
    fn error<T: std::error::Error + Send + Sync + 'static>() {}
    error::<Error>();
}

#[test]
fn index_a_folder_on_disk_and_search_it() {
    let dir = Dir::new();
    let at = dir.path().join("index");
    let index = Index::open_or_create(&at).unwrap();
    let report: IndexReport = index.writer().unwrap().add_folder(&corpus()).unwrap();
    assert!(
        report.added >= 16 && report.skipped.is_empty(),
        "{report:?}"
    );

    // Opened again, as another process would: the same documents, the same answer.
    let again = Index::open_in_dir(&at).unwrap();
    assert_eq!(again.num_docs(), index.num_docs());
    let options = SearchOptions::default().limit(3).passages(2);
    let results = again.search("科学技术进步法", &options).unwrap();
    assert!(results.total >= 5, "{}", results.total);
    assert_eq!(results.hits.len(), 3);
    for hit in &results.hits {
        assert!(!hit.passages.is_empty(), "{}", hit.path);
        for p in &hit.passages {
            let marked: Vec<&str> = p.highlights.iter().map(|&[s, e]| &p.text[s..e]).collect();
            assert!(marked.contains(&"科学技术进步法"), "{marked:?}");
        }
    }
    // Offsets page through the same ranking.
    let next = again
        .search(
            "科学技术进步法",
            &SearchOptions::default().limit(3).offset(3),
        )
        .unwrap();
    let first: Vec<&str> = results.hits.iter().map(|h| h.path.as_str()).collect();
    assert!(next.hits.iter().all(|h| !first.contains(&h.path.as_str())));
}

#[test]
fn laws_publicized_in_a_year() {
    let index = Index::create_in_ram().unwrap();
    index.writer().unwrap().add_folder(&corpus()).unwrap();
    let options = LawsOptions::default()
        .action(Action::Publicize)
        .years(2024, 2024)
        .planned(false);
    let rows = index.laws(&options).unwrap();
    let titles: Vec<&str> = rows.iter().map(|r| r.title.as_str()).collect();
    // The user's own report (2024) hands out leaflets of these.
    for law in [
        "中华人民共和国科学技术进步法",
        "中华人民共和国促进科技成果转化法",
    ] {
        assert!(titles.contains(&law), "{law} missing from {titles:?}");
    }
    assert!(rows
        .iter()
        .all(|r| r.done > 0 && r.actions.contains_key("publicize")));
    // A plan of 2025 publicizes nothing yet; planned rows are kept apart.
    let planned = index
        .laws(&LawsOptions::default().years(2025, 2025).planned(true))
        .unwrap();
    assert!(planned.iter().all(|r| r.planned > 0 && r.done == 0));
}

#[test]
fn documents_citing_a_regulation_however_written() {
    let index = Index::create_in_ram().unwrap();
    index.writer().unwrap().add_folder(&corpus()).unwrap();
    let full = index
        .cites("高台县科技计划项目管理办法(试行)", false)
        .unwrap();
    let short = index.cites("科技计划项目管理办法", false).unwrap();
    assert!(!full.is_empty());
    assert_eq!(full, short);
    for hit in &full {
        assert_eq!(hit.citation.title, "高台县科技计划项目管理办法");
        let [s, e] = hit.highlight;
        assert!(hit.sentence[s..e].starts_with('《'), "{}", hit.sentence);
    }
    // 《办法》 defined as its short name resolves to it too.
    assert!(full.iter().any(|h| h.citation.raw == "办法"));
}

#[test]
fn extract_citations_from_a_string() {
    let text = "学习《宪法》，向群众发放《中华人民共和国科学技术进步法》第十二条解读。\
                下一步，将继续宣传《合同法》。";
    let found = extract(text);
    let titles: Vec<&str> = found.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "中华人民共和国宪法",
            "中华人民共和国科学技术进步法",
            "中华人民共和国合同法"
        ]
    );
    assert_eq!(found[0].actions, [Action::Study]);
    assert_eq!(found[1].actions, [Action::Publicize]);
    assert_eq!(found[1].pin.as_ref().map(|p| p.article), Some(Some(12)));
    assert!(found[2].planned && !found[1].planned);
    assert_eq!(found[2].successors, ["中华人民共和国民法典"]);
    assert!(found.iter().all(|c| c.kind == Kind::Law));
    for c in &found {
        let [s, e] = c.span;
        assert!(text[s..e].contains(&c.raw));
    }
}

#[test]
fn several_threads_search_while_one_indexes() {
    let index = Index::create_in_ram().unwrap();
    let done = Arc::new(AtomicBool::new(false));
    let searchers: Vec<_> = (0..3)
        .map(|_| {
            let (index, done) = (index.clone(), Arc::clone(&done));
            std::thread::spawn(move || {
                let mut last = 0;
                while !done.load(Ordering::Acquire) {
                    let total = index
                        .search("法治", &SearchOptions::default())
                        .unwrap()
                        .total;
                    assert!(total >= last, "a search saw fewer documents than before");
                    last = total;
                }
            })
        })
        .collect();
    let mut writer = index.writer_with_threads(1).unwrap();
    let mut paths: Vec<_> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            !name.starts_with('.') && name != "README.md"
        })
        .collect();
    paths.sort();
    for path in &paths {
        let name = path.file_name().unwrap().to_string_lossy();
        writer
            .add_document(&Document::from_file(path, &name).unwrap())
            .unwrap();
        writer.commit().unwrap();
    }
    done.store(true, Ordering::Release);
    for s in searchers {
        s.join().unwrap();
    }
    let expected = paths
        .iter()
        .filter(|p| {
            std::fs::read(p)
                .unwrap()
                .windows(6)
                .any(|w| w == "法治".as_bytes())
        })
        .count();
    // GB18030 files hold 法治 in other bytes: count at least the UTF-8 ones.
    let total = index
        .search("法治", &SearchOptions::default())
        .unwrap()
        .total;
    assert!(
        total >= expected && total <= paths.len(),
        "{total} of {}",
        paths.len()
    );
}

#[test]
fn one_document_from_a_path_or_from_text_with_metadata() {
    let dir = Dir::new();
    let index = Index::create_in_ram().unwrap();
    let mut writer = index.writer_with_threads(1).unwrap();
    let report = Document::from_file(&corpus().join(SAMPLE), "reports/sample.txt").unwrap();
    assert_eq!(report.path, "reports/sample.txt");
    assert_eq!(report.meta.year, Some(2024));
    writer.add_document(&report).unwrap();

    let mut note = Document::from_text("note.txt", "学习《民法典》的体会");
    note.meta.issuer = Some("高台县司法局".into());
    note.meta.year = Some(2023);
    writer.add_document(&note).unwrap();
    writer.commit().unwrap();
    let hits = index
        .search("issuer:司法局 year:2023 民法典", &SearchOptions::default())
        .unwrap();
    assert_eq!(hits.total, 1);
    assert_eq!(hits.hits[0].path, "note.txt");

    // Deleting by path; adding the same path again replaces.
    writer.delete_document("note.txt");
    writer.add_document(&report).unwrap();
    writer.commit().unwrap();
    assert_eq!(index.num_docs(), 1);

    // Files an update would skip are errors that say why; so are folders.
    dir.write("empty.txt", "");
    let err = Document::from_file(&dir.path().join("empty.txt"), "empty.txt").unwrap_err();
    assert!(
        matches!(
            &err,
            Error::NotIndexed {
                reason: SkipReason::Empty,
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("empty.txt"), "{err}");
    let err = Document::from_file(dir.path(), "x").unwrap_err();
    assert!(err.to_string().contains("not a regular file"), "{err}");
    let err = Document::from_file(&dir.path().join("missing.txt"), "x").unwrap_err();
    assert!(matches!(err, Error::Io { .. }), "{err}");
}

#[test]
fn queries_can_be_built_as_well_as_typed() {
    let index = Index::create_in_ram().unwrap();
    index.writer().unwrap().add_folder(&corpus()).unwrap();
    let typed = index
        .search("\"科学技术进步法\" year:2024", &SearchOptions::default())
        .unwrap();
    let parsed: Query = zhengce_core::search::parse("\"科学技术进步法\" year:2024").unwrap();
    let built = index
        .search_query(&parsed, &SearchOptions::default())
        .unwrap();
    assert_eq!(typed, built);
    // A bad query is an error with the reason, not a panic.
    let err = index
        .search("year:", &SearchOptions::default())
        .unwrap_err();
    assert!(matches!(err, Error::Query { .. }), "{err}");
}

#[test]
fn results_serialize_as_the_cli_prints_them() {
    let index = Index::create_in_ram().unwrap();
    index.writer().unwrap().add_folder(&corpus()).unwrap();
    let results = index
        .search("民法典", &SearchOptions::default().facets(true))
        .unwrap();
    let json = serde_json::to_string(&results).unwrap();
    let back: SearchResults = serde_json::from_str(&json).unwrap();
    assert_eq!(back, results);
}

#[test]
fn a_documents_whole_text_with_the_matches_of_a_query() {
    let index = crate::util::corpus_index().unwrap();
    let text = index
        .document_text(SAMPLE)
        .unwrap()
        .expect("the sample is indexed");
    let on_disk = std::fs::read_to_string(corpus().join(SAMPLE)).unwrap();
    assert_eq!(text, on_disk.trim_start_matches('\u{feff}'));
    assert_eq!(index.document_text("no/such.txt").unwrap(), None);
    assert_eq!(index.document_text("../README.md").unwrap(), None);

    let query = zhengce_core::search::parse("科学技术进步法 -草案").unwrap();
    let marks = index.highlights(&query, &text);
    let marked: Vec<&str> = marks.iter().map(|&[s, e]| &text[s..e]).collect();
    // Every occurrence, not only the passages' (a substring count of the text).
    assert_eq!(marked.len(), text.matches("科学技术进步法").count());
    assert!(marked.iter().all(|m| *m == "科学技术进步法"), "{marked:?}");
    assert!(marks.windows(2).all(|w| w[0][1] < w[1][0]), "sorted, apart");
    // A query of filters only marks nothing.
    let filters = zhengce_core::search::parse("year:2024").unwrap();
    assert!(index.highlights(&filters, &text).is_empty());
}
