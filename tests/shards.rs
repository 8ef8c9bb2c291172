//! A folder indexed in parts (shards, as a cluster builds it) and merged: the same documents,
//! hits, scores, laws table and file states as the folder indexed at once; the merged index is
//! a normal one that later updates keep in step.

use std::path::{Path, PathBuf};

use zhengce_core::cite::{Action, LawDict};
use zhengce_core::ingest::walk;
use zhengce_core::{Error, Index, IndexBuilder, LawsOptions, SearchOptions};

use crate::util::Dir;

const QUERIES: &[&str] = &[
    "科学技术进步法",
    "\"法治政府建设\"",
    "科技 特派员",
    "宪法 OR 民法典",
    "普法 -草案",
    "law:民法典 action:publicize",
    "year:2022..2024 宣传",
];

/// The folder's files, as the walk lists them, split into `n` contiguous parts.
fn split(folder: &Path, n: usize) -> Vec<Vec<String>> {
    let (files, _) = walk(folder, None);
    let paths: Vec<String> = files.into_iter().map(|f| f.path).collect();
    let size = paths.len().div_ceil(n);
    paths.chunks(size).map(<[String]>::to_vec).collect()
}

/// Builds one shard per part of `folder` under `root`.
fn build_shards(folder: &Path, root: &Path, parts: &[Vec<String>]) -> Vec<PathBuf> {
    let mut shards = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let dir = root.join(format!("shard-{i}"));
        let index = Index::create_in_dir(&dir).unwrap();
        let mut writer = index.writer_with_threads(1).unwrap();
        let report = writer.add_files(folder, part).unwrap();
        assert_eq!(report.added + report.skipped.len(), part.len());
        shards.push(dir);
    }
    shards
}

/// Every hit's path and score for each query, and the laws tables.
fn answers(index: &Index) -> (Vec<Vec<(String, f32)>>, String) {
    let options = SearchOptions::default().limit(1000);
    let hits = QUERIES
        .iter()
        .map(|q| {
            let results = index.search(q, &options).unwrap();
            results
                .hits
                .into_iter()
                .map(|h| (h.path, h.score))
                .collect()
        })
        .collect();
    let laws = [
        LawsOptions::default(),
        LawsOptions::default()
            .action(Action::Publicize)
            .years(2024, 2024),
    ]
    .iter()
    .map(|o| serde_json::to_string(&index.laws(o).unwrap()).unwrap())
    .collect();
    (hits, laws)
}

#[test]
fn a_merged_index_answers_as_the_index_built_at_once() {
    let dir = Dir::with_corpus();
    let folder = dir.path().join("corpus");
    let whole = Index::create_in_dir(&dir.path().join("whole")).unwrap();
    whole
        .writer_with_threads(1)
        .unwrap()
        .add_folder(&folder)
        .unwrap();

    let shards = build_shards(&folder, dir.path(), &split(&folder, 3));
    let merged = Index::create_merged(&dir.path().join("merged"), &shards).unwrap();

    assert!(whole.num_docs() > 10);
    assert_eq!(merged.num_docs(), whole.num_docs());
    assert_eq!(answers(&merged), answers(&whole));
    assert_eq!(merged.file_states().unwrap(), whole.file_states().unwrap());
    let view = |index: &Index| {
        let doc = index.document(crate::util::SAMPLE).unwrap().unwrap();
        serde_json::to_string(&doc).unwrap()
    };
    assert_eq!(view(&merged), view(&whole));

    // Reopened from its folder, as the command opens it, and seen in step with the folder.
    let reopened = Index::open_in_dir(&dir.path().join("merged")).unwrap();
    assert_eq!(answers(&reopened), answers(&whole));
    let options = zhengce_core::FolderOptions::default();
    assert!(!reopened.is_stale(&folder, &options).unwrap());

    // The shards are left as they were.
    let first = Index::open_in_dir(&shards[0]).unwrap();
    assert!(first.num_docs() > 0 && first.num_docs() < whole.num_docs());
}

#[test]
fn a_merged_index_is_updated_and_merged_like_any_other() {
    let dir = Dir::with_corpus();
    let folder = dir.path().join("corpus");
    let shards = build_shards(&folder, dir.path(), &split(&folder, 2));
    let out = dir.path().join("merged");
    let merged = Index::create_merged(&out, &shards).unwrap();
    let total = merged.num_docs();
    for shard in &shards {
        std::fs::remove_dir_all(shard).unwrap();
    }

    let mut writer = merged.writer_with_threads(1).unwrap();
    let report = writer.add_folder(&folder).unwrap();
    assert_eq!((report.added, report.updated, report.removed), (0, 0, 0));
    assert_eq!(report.unchanged as u64, total);

    dir.write(
        "corpus/新增.txt",
        "2025年工作要点\n深入宣传《中华人民共和国民法典》。",
    );
    let sample = folder.join(crate::util::SAMPLE);
    std::fs::remove_file(&sample).unwrap();
    let report = writer.add_folder(&folder).unwrap();
    assert_eq!((report.added, report.removed), (1, 1));
    assert_eq!(merged.num_docs(), total);
    drop(writer);

    // Rebuilt from scratch in the same index: every copied segment is replaced, and its files
    // are removed with it (they belong to the index, not to the shards).
    let before: Vec<PathBuf> = segment_files(&out);
    let mut writer = merged.writer_with_threads(1).unwrap();
    let options = zhengce_core::FolderOptions::default().rebuild(true);
    writer
        .update_folder(&folder, &options, &mut |_| {})
        .unwrap();
    drop(writer);
    let after = segment_files(&out);
    assert!(before.iter().all(|f| !after.contains(f)), "{after:?}");
    assert_eq!(Index::open_in_dir(&out).unwrap().num_docs(), total);
}

/// The segment files of the index in `dir`.
fn segment_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "idx" || e == "store"))
        .collect();
    files.sort();
    files
}

#[test]
fn shards_that_do_not_fit_together_are_refused() {
    let dir = Dir::with_corpus();
    let folder = dir.path().join("corpus");
    let parts = split(&folder, 2);
    let shards = build_shards(&folder, dir.path(), &parts);

    // The same file in two shards.
    let twice = [shards[0].clone(), shards[0].clone()];
    match Index::create_merged(&dir.path().join("twice"), &twice) {
        Err(Error::Path { message, .. }) => assert!(message.contains("holds"), "{message}"),
        other => panic!("{other:?}"),
    }

    // A shard built with other law titles.
    let titles = LawDict::with_user_titles("特派员办法\tnormative_document\n").unwrap();
    let other = IndexBuilder::default()
        .law_titles(titles)
        .create_in_dir(&dir.path().join("other"))
        .unwrap();
    other
        .writer_with_threads(1)
        .unwrap()
        .add_files(&folder, &parts[1][..1])
        .unwrap();
    let mixed = [shards[0].clone(), dir.path().join("other")];
    assert!(matches!(
        Index::create_merged(&dir.path().join("mixed"), &mixed),
        Err(Error::Incompatible { .. })
    ));

    // The merged index may not replace a shard, nor a folder holding one.
    assert!(matches!(
        Index::create_merged(&shards[0], &shards),
        Err(Error::Path { .. })
    ));
    assert!(matches!(
        Index::create_merged(dir.path(), &shards),
        Err(Error::Path { .. })
    ));
    assert!(Index::open_in_dir(&shards[0]).unwrap().num_docs() > 0);

    // Not an index at all.
    assert!(Index::create_merged(&dir.path().join("x"), std::slice::from_ref(&folder)).is_err());
}

#[test]
fn add_files_reads_only_the_files_named_and_reports_the_others() {
    let dir = Dir::new();
    dir.write("docs/a.txt", "2024年工作总结\n学习《宪法》。");
    dir.write("docs/b.txt", "2023年工作总结\n宣传《民法典》。");
    dir.write("docs/c.xls", "not read");
    let folder = dir.path().join("docs");
    let index = Index::create_in_ram().unwrap();
    let mut writer = index.writer_with_threads(1).unwrap();
    let paths: Vec<String> = ["a.txt", "c.xls", "missing.txt", "../docs/b.txt"]
        .iter()
        .map(|p| (*p).to_owned())
        .collect();
    let report = writer.add_files(&folder, &paths).unwrap();
    assert_eq!(report.added, 1);
    let skipped: Vec<&str> = report.skipped.iter().map(|s| s.path.as_str()).collect();
    assert_eq!(skipped, ["../docs/b.txt", "c.xls", "missing.txt"]);
    assert_eq!(index.num_docs(), 1);
    // Named again, an unchanged file is not read again.
    let report = writer.add_files(&folder, &paths[..1]).unwrap();
    assert_eq!((report.added, report.unchanged), (0, 1));
}
