//! Inputs nobody should send, each met with a clear message or a bounded answer, never a panic:
//! hostile files, hostile queries, damaged index folders, and many threads searching while one
//! indexes.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use zhengce_core::ingest::MAX_FILE_BYTES;
use zhengce_core::{Document, Index, SearchOptions, SkipReason};

use crate::util::Dir;

fn index_folder(dir: &Dir) -> (Index, zhengce_core::IndexReport) {
    let index = Index::create_in_ram().unwrap();
    let mut writer = index.writer_with_threads(1).unwrap();
    let report = writer.add_folder(&dir.path().join("docs")).unwrap();
    (index, report)
}

fn total(index: &Index, query: &str) -> usize {
    index
        .search(query, &SearchOptions::default())
        .unwrap()
        .total
}

#[test]
fn hostile_files_are_skipped_or_indexed_within_bounds() {
    let dir = Dir::new();
    dir.write("docs/ok.txt", "2024年工作总结\n推进法治政府建设。");
    // Larger than the per-file limit (32 MiB): skipped, not read — one byte over it, a 200 MB
    // file, and a file of one 50 MB line.
    let sized = |name: &str, len: u64| {
        let file = std::fs::File::create(dir.path().join("docs").join(name)).unwrap();
        file.set_len(len).unwrap();
    };
    sized("limit.txt", MAX_FILE_BYTES + 1);
    sized("huge.txt", 200_000_000);
    dir.write("docs/line50.txt", "法".repeat(50_000_000 / 3));
    // One long line without any punctuation (8 MB): indexed piece by piece.
    dir.write("docs/line.txt", "法治".repeat(1_400_000));
    // A million 《 without 》, and marks nested a thousand deep.
    dir.write(
        "docs/marks.txt",
        format!("{}民法典", "《".repeat(1_000_000)),
    );
    dir.write(
        "docs/nested.txt",
        format!("学习{}宪法{}", "《〈".repeat(1000), "〉》".repeat(1000)),
    );
    // Control characters; a NUL byte makes a file binary.
    dir.write("docs/control.txt", "普法\u{1}\u{7}宣传\u{1b}[31m活动\u{8}");
    dir.write("docs/nul.txt", b"\xe6\xb3\x95\x00\xe6\xb2\xbb");
    // Truncated UTF-8 and GB18030.
    let text = "学习宣传贯彻《中华人民共和国宪法》。".repeat(5);
    dir.write("docs/cut-utf8.txt", &text.as_bytes()[..text.len() - 1]);
    let (gb, _, _) = encoding_rs::GB18030.encode("开展科技特派员选派工作。");
    dir.write("docs/cut-gb.txt", &gb[..gb.len() - 1]);
    // A very deep folder.
    let deep: String = (0..120).map(|i| format!("d{i}/")).collect();
    dir.write(&format!("docs/{deep}deep.txt"), "深层目录中的乡村振兴文件");
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"docs/bad-\xff\xfe.txt");
        std::fs::write(dir.path().join(name), "文件名不是UTF-8的营商环境文件").unwrap();
    }
    let started = Instant::now();
    let (index, report) = index_folder(&dir);
    assert!(started.elapsed() < Duration::from_secs(120), "bounded time");
    let reason = |p: &str| {
        report
            .skipped
            .iter()
            .find(|s| s.path == p)
            .map(|s| s.reason.clone())
    };
    assert_eq!(
        reason("limit.txt"),
        Some(SkipReason::TooLarge(MAX_FILE_BYTES + 1))
    );
    assert_eq!(reason("huge.txt"), Some(SkipReason::TooLarge(200_000_000)));
    assert_eq!(
        reason("line50.txt"),
        Some(SkipReason::TooLarge(50_000_000 / 3 * 3))
    );
    assert_eq!(reason("nul.txt"), Some(SkipReason::Binary));
    assert_eq!(
        total(&index, "\"法治法治法治\""),
        1,
        "the long line is indexed"
    );
    assert_eq!(total(&index, "民法典"), 1);
    assert_eq!(
        total(&index, "宣传活动"),
        1,
        "control characters are white space"
    );
    assert_eq!(
        total(&index, "\"学习宣传贯彻《中华人民共和国宪法\""),
        1,
        "a truncated UTF-8 file keeps its text"
    );
    assert_eq!(
        total(&index, "科技特派员"),
        1,
        "a truncated GB18030 file keeps its text"
    );
    assert_eq!(total(&index, "乡村振兴"), 1, "a file 120 folders deep");
    #[cfg(unix)]
    assert_eq!(total(&index, "营商环境"), 1, "a name that is not UTF-8");
    let nested = index.search("宪法", &SearchOptions::default()).unwrap();
    assert!(nested.hits.iter().any(|h| h.path == "nested.txt"));
}

#[test]
fn hostile_queries_get_a_message_or_a_bounded_answer() {
    let dir = Dir::with_corpus();
    assert_eq!(dir.run(&["index", "corpus"]).code, 0);
    // The command line holds at most about 128 KiB per argument; the library takes longer ones.
    let long = "法".repeat(30_000);
    assert!(zhengce_core::search::parse(&"法".repeat(1_000_000)).is_err());
    let many = vec!["法治"; 10_000].join(" ");
    let deep = format!("{}法{}", "(".repeat(5_000), ")".repeat(5_000));
    let cases: Vec<(&str, Option<&str>)> = vec![
        ("", Some("empty query")),
        ("，。、；", Some("nothing to search")),
        ("\"法治政府", Some("unclosed quote")),
        ("((法治 OR 宪法)", Some("unclosed `(`")),
        (long.as_str(), Some("too long")),
        (many.as_str(), Some("too long")),
        (deep.as_str(), Some("too long")),
        ("colour:red", Some("unknown field `colour`")),
        ("year:2024..2020", Some("is not a year")),
        ("year:99999", Some("is not a year")),
        ("\u{1}\u{2}法治\u{7f}", None),
        ("法 的 了 是 在", None),
        ("\"的\"", None),
    ];
    for (query, message) in cases {
        let started = Instant::now();
        let run = dir.run(&["search", query, "corpus", "--no-refresh"]);
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "bounded time for {:?}",
            &query[..query.len().min(20)]
        );
        assert!(!run.stderr.contains("panicked"), "{run:?}");
        match message {
            Some(m) => {
                assert_eq!(run.code, 2, "{:?}: {run:?}", &query[..query.len().min(20)]);
                assert!(run.stderr.contains(m), "{m}: {}", run.stderr);
            }
            None => assert!(run.code == 0 || run.code == 1, "{run:?}"),
        }
    }
}

#[test]
fn damaged_or_foreign_index_folders_get_a_message_saying_what_to_do() {
    let dir = Dir::with_corpus();
    assert_eq!(dir.run(&["index", "corpus"]).code, 0);
    // Not an index: a folder of other files.
    dir.write("elsewhere/notes.txt", "私人笔记");
    let run = dir.run(&[
        "search",
        "民法典",
        "corpus",
        "--index",
        "elsewhere",
        "--no-refresh",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("is not a zhengce index"),
        "{}",
        run.stderr
    );
    // A truncated segment file.
    let index_dir = dir.path().join("corpus/.zhengce");
    let segment = std::fs::read_dir(&index_dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "idx"))
        .unwrap();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&segment)
        .unwrap()
        .set_len(100)
        .unwrap();
    let run = dir.run(&["search", "民法典", "corpus", "--no-refresh"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("is damaged") && run.stderr.contains("zhengce index --rebuild corpus"),
        "{}",
        run.stderr
    );
    // `zhengce index` rebuilds it.
    let rebuilt = dir.run(&["index", "corpus"]);
    assert_eq!(rebuilt.code, 0, "{rebuilt:?}");
    assert_eq!(dir.run(&["search", "民法典", "corpus"]).code, 0);
    // An empty folder: an index is built there.
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let run = dir.run(&["search", "民法典", "corpus", "--index", "empty"]);
    assert_eq!(run.code, 0, "{run:?}");
    // A missing folder.
    let run = dir.run(&[
        "search",
        "民法典",
        "corpus",
        "--index",
        "no/such/dir",
        "--no-refresh",
    ]);
    assert!(run.code == 0, "an index is built where asked: {run:?}");
}

#[test]
fn many_threads_search_while_one_indexes() {
    let index = Index::create_in_ram().unwrap();
    let mut writer = index.writer_with_threads(1).unwrap();
    writer
        .add_document(&Document::from_text(
            "0.txt",
            "2024年工作总结\n批次0 推进法治政府建设。",
        ))
        .unwrap();
    writer.commit().unwrap();
    let done = Arc::new(AtomicBool::new(false));
    let searchers: Vec<_> = (0..4)
        .map(|_| {
            let (index, done) = (index.clone(), done.clone());
            std::thread::spawn(move || {
                let mut seen = 0;
                while !done.load(Ordering::Relaxed) {
                    let results = index
                        .search("法治政府建设", &SearchOptions::default().limit(1000))
                        .unwrap();
                    // Every result is a whole commit: commits add ten documents at a time.
                    assert_eq!(
                        results.total % 10,
                        1,
                        "a half-committed state was seen: {}",
                        results.total
                    );
                    assert!(results.total >= seen, "results never go back in time");
                    seen = results.total;
                }
                seen
            })
        })
        .collect();
    for batch in 0..20 {
        for i in 0..10 {
            let path = format!("{batch}-{i}.txt");
            writer
                .add_document(&Document::from_text(
                    &path,
                    &format!("批次{batch} 推进法治政府建设。"),
                ))
                .unwrap();
        }
        writer.commit().unwrap();
    }
    done.store(true, Ordering::Relaxed);
    for s in searchers {
        assert!(s.join().unwrap() <= 201);
    }
    assert_eq!(total(&index, "法治政府建设"), 201);
}

#[test]
fn files_deleted_or_rewritten_while_indexing_are_reported_and_caught_up() {
    let dir = Dir::new();
    let paragraph = "深入学习宣传贯彻《中华人民共和国宪法》，推进法治政府建设。".repeat(200);
    for i in 0..300 {
        dir.write(
            &format!("docs/{i:03}.txt"),
            format!("第{i}号 原文\n{paragraph}"),
        );
    }
    let index = Index::create_in_ram().unwrap();
    let mut writer = index.writer_with_threads(1).unwrap();
    let root = dir.path().join("docs");
    let churn = {
        let root = root.clone();
        std::thread::spawn(move || {
            // Delete the even files and rewrite the odd ones, from the end, while the index
            // reads from the start.
            for i in (0..300).rev() {
                let path = root.join(format!("{i:03}.txt"));
                if i % 2 == 0 {
                    std::fs::remove_file(&path).unwrap();
                } else {
                    std::fs::write(&path, format!("第{i}号 改写后的文件")).unwrap();
                }
            }
        })
    };
    let report = writer.add_folder(&root).unwrap();
    churn.join().unwrap();
    // A file deleted before the walk lists it is not seen at all; one caught between
    // truncation and rewrite reads as empty. The 150 odd files always exist.
    for s in &report.skipped {
        let expected = matches!(s.reason, SkipReason::Unreadable(_) | SkipReason::Empty);
        assert!(expected, "{s:?}");
    }
    let seen = report.added + report.skipped.len();
    assert!((150..=300).contains(&seen), "{report:?}");
    // The next update catches up with the folder as it is now.
    writer.add_folder(&root).unwrap();
    assert_eq!(index.num_docs(), 150);
    assert_eq!(total(&index, "改写后"), 150);
    assert_eq!(total(&index, "原文"), 0);
}

#[test]
fn a_fifo_is_not_read() {
    let dir = Dir::new();
    dir.write("docs/ok.txt", "推进法治政府建设");
    #[cfg(unix)]
    {
        let fifo = dir.path().join("docs/pipe.txt");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
    }
    // Reading a FIFO would wait for a writer for ever.
    let (index, report) = index_folder(&dir);
    assert_eq!(report.added, 1);
    assert_eq!(total(&index, "法治政府"), 1);
}

/// Runs `zhengce` in `dir` as a user that permissions apply to: this one, or `nobody` (through
/// `setpriv`, owning the folder) when the tests run as root, who may read anything.
#[cfg(unix)]
struct Unprivileged {
    as_nobody: bool,
}

#[cfg(unix)]
impl Unprivileged {
    fn new(dir: &Dir) -> Unprivileged {
        let uid = std::process::Command::new("id").arg("-u").output().unwrap();
        let as_nobody = String::from_utf8_lossy(&uid.stdout).trim() == "0";
        if as_nobody {
            let chown = std::process::Command::new("chown")
                .args(["-R", "65534:65534"])
                .arg(dir.path())
                .status()
                .unwrap();
            assert!(chown.success());
        }
        Unprivileged { as_nobody }
    }

    fn run(&self, dir: &Dir, args: &[&str]) -> crate::util::Run {
        let bin = env!("CARGO_BIN_EXE_zhengce");
        let mut command = if self.as_nobody {
            let mut c = std::process::Command::new("setpriv");
            c.args([
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                "--",
                bin,
            ]);
            c
        } else {
            std::process::Command::new(bin)
        };
        let output = command
            .args(args)
            .current_dir(dir.path())
            .env_remove("RUST_BACKTRACE")
            .output()
            .unwrap();
        crate::util::Run::from(output)
    }
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_folders_are_reported_and_read_only_indexes_searched() {
    use std::os::unix::fs::PermissionsExt;
    let dir = Dir::new();
    dir.write("docs/ok.txt", "推进法治政府建设");
    dir.write("docs/locked.txt", "法治政府");
    dir.write("docs/closed/inner.txt", "法治政府");
    let user = Unprivileged::new(&dir);
    let mode = |p: &str, m: u32| {
        std::fs::set_permissions(dir.path().join(p), std::fs::Permissions::from_mode(m)).unwrap();
    };
    mode("docs/locked.txt", 0o000);
    mode("docs/closed", 0o000);
    let run = user.run(&dir, &["index", "docs", "--json"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains("\"path\":\"locked.txt\""),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("\"path\":\"closed\""), "{}", run.stdout);
    // A read-only index is searched; the refresh it cannot do is reported.
    mode("docs/.zhengce", 0o555);
    dir.write("docs/new.txt", "法治政府");
    let run = user.run(&dir, &["search", "法治政府", "docs"]);
    mode("docs/.zhengce", 0o755);
    mode("docs/locked.txt", 0o644);
    mode("docs/closed", 0o755);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("ok.txt"), "{run:?}");
    assert!(
        run.stderr.contains("could not be updated"),
        "{}",
        run.stderr
    );
}
