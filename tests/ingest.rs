//! Reading folders: every encoding the corpus uses, bad files skipped with a reason while the rest
//! is indexed, ignore rules.

use zhengce_core::ingest::decode;
use zhengce_core::{Index, SearchOptions, SkipReason};

use crate::util::Dir;

fn index_folder(dir: &Dir) -> (Index, zhengce_core::IndexReport) {
    let index = Index::create_in_ram().unwrap();
    let mut writer = index.writer_with_threads(1).unwrap();
    let report = writer.add_folder(dir.path()).unwrap();
    writer.commit().unwrap();
    (index, report)
}

fn hit_paths(index: &Index, query: &str) -> Vec<String> {
    index
        .search(query, &SearchOptions::default())
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.path)
        .collect()
}

#[test]
fn gb18030_and_bom_files_are_found_by_their_chinese_content() {
    let dir = Dir::new();
    let (gb, _, _) =
        encoding_rs::GB18030.encode("县级科技计划资金管理办法\n第一条 为规范资金管理。");
    dir.write("gb.txt", &gb);
    dir.write(
        "bom.txt",
        "\u{FEFF}科技特派员管理办法\n第二条 选派科技特派员。",
    );
    let (index, report) = index_folder(&dir);
    assert_eq!(report.added, 2);
    assert_eq!(hit_paths(&index, "资金管理"), vec!["gb.txt"]);
    assert_eq!(hit_paths(&index, "\"选派科技特派员\""), vec!["bom.txt"]);
    let hit = &index
        .search("特派员", &SearchOptions::default())
        .unwrap()
        .hits[0];
    assert_eq!(
        hit.title, "科技特派员管理办法",
        "the BOM is not part of the title"
    );
}

#[test]
fn bad_files_are_skipped_and_reported_and_the_rest_is_indexed() {
    let dir = Dir::new();
    dir.write("good.txt", "高台县科技局法治建设工作总结");
    dir.write("empty.txt", "");
    dir.write("blank.md", "  \n\n ");
    dir.write("binary.txt", b"\x7fELF\x00\x00\x01");
    dir.write("latin1.txt", b"caf\xe9 \xff\xfe\xfd \x80\x81");
    dir.write("picture.png", b"\x89PNG");
    dir.write("sub/deeper/ok.md", "# 民法典宣传月\n内容");
    let (index, report) = index_folder(&dir);
    assert_eq!(report.added, 2);
    let reasons: Vec<(&str, &SkipReason)> = report
        .skipped
        .iter()
        .map(|s| (s.path.as_str(), &s.reason))
        .collect();
    assert_eq!(
        reasons,
        vec![
            ("binary.txt", &SkipReason::Binary),
            ("blank.md", &SkipReason::Empty),
            ("empty.txt", &SkipReason::Empty),
            ("latin1.txt", &SkipReason::Encoding),
            ("picture.png", &SkipReason::NotRead("png".into())),
        ]
    );
    assert_eq!(hit_paths(&index, "民法典"), vec!["sub/deeper/ok.md"]);
}

#[test]
fn hidden_entries_and_ignored_files_are_left_out() {
    let dir = Dir::new();
    dir.write("keep.txt", "法治政府建设");
    dir.write(".hidden/secret.txt", "法治政府建设");
    dir.write("drafts/old.txt", "法治政府建设");
    dir.write("notes.md", "法治政府建设");
    dir.write(".zhengceignore", "drafts/\n*.md\n");
    let (index, report) = index_folder(&dir);
    assert_eq!(report.added, 1);
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert_eq!(hit_paths(&index, "法治政府"), vec!["keep.txt"]);
}

#[test]
fn decode_names_the_encoding() {
    assert_eq!(decode(b"abc").unwrap().encoding, "utf-8");
    assert_eq!(decode(b"\xEF\xBB\xBFabc").unwrap().encoding, "utf-8-bom");
    assert_eq!(decode(b"\xFF\xFEa\x00").unwrap().text, "a");
    let (gb, _, _) = encoding_rs::GB18030.encode("政策");
    assert_eq!(decode(&gb).unwrap().encoding, "gb18030");
}

#[test]
fn a_walk_lists_files_as_a_walk_sorted_by_name_in_every_folder() {
    let dir = Dir::new();
    for path in [
        "b.txt",
        "a.txt",
        "a/z.txt",
        "a/b/c.txt",
        "a-b.txt",
        "a b.txt",
        "ab/a.txt",
        "甲.txt",
        "a/a.txt",
        "A.txt",
    ] {
        dir.write(path, "法治政府建设");
    }
    let (files, _) = zhengce_core::ingest::walk(dir.path(), None);
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    // Folder `a` sorts as its name: before `a b.txt`, `a-b.txt` and `a.txt`, after `A.txt`.
    assert_eq!(
        paths,
        [
            "A.txt",
            "a/a.txt",
            "a/b/c.txt",
            "a/z.txt",
            "a b.txt",
            "a-b.txt",
            "a.txt",
            "ab/a.txt",
            "b.txt",
            "甲.txt"
        ]
    );
}

#[test]
fn a_walk_gives_each_file_the_size_and_time_the_file_system_gives() {
    let dir = Dir::new();
    for (i, path) in ["a.txt", "b/c.txt", "b/d/e.md", "甲 乙.txt"]
        .iter()
        .enumerate()
    {
        dir.write(path, "法治".repeat(i + 1));
    }
    let (files, _) = zhengce_core::ingest::walk(dir.path(), None);
    assert_eq!(files.len(), 4);
    for f in &files {
        let meta = std::fs::symlink_metadata(&f.full_path).unwrap();
        let since_1970 = meta
            .modified()
            .unwrap()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap();
        assert_eq!(f.size, meta.len(), "{}", f.path);
        assert_eq!(u128::from(f.mtime), since_1970.as_nanos(), "{}", f.path);
    }
}
