//! Keeping the index in step with a folder: add, modify, delete and rename cycles, search
//! refreshing a stale index, exclusions and symbolic links, two writers at once, and a run killed
//! half-way (kill -9) followed by a clean one.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{Dir, Run};

fn summary(run: &Run) -> serde_json::Value {
    let last = run.stdout.lines().last().unwrap_or_default();
    serde_json::from_str(last).unwrap_or_else(|e| panic!("{e}: {run:?}"))
}

fn counts(run: &Run) -> [u64; 4] {
    let s = summary(run);
    ["added", "updated", "removed", "unchanged"].map(|k| s[k].as_u64().unwrap())
}

fn hit_paths(dir: &Dir, query: &str, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["search", query, "docs", "--json", "--limit", "100"];
    args.extend_from_slice(extra);
    let run = dir.run(&args);
    run.stdout
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["type"] == "hit")
        .map(|v| v["path"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn only_changed_files_are_read_again() {
    let dir = Dir::new();
    dir.write("docs/a.txt", "2023年工作总结\n落实科技特派员制度。");
    dir.write("docs/b.txt", "2023年工作总结\n开展普法宣传。");
    dir.write("docs/sub/c.md", "# 通知\n学习民法典。");
    assert_eq!(counts(&dir.run(&["index", "docs", "--json"])), [3, 0, 0, 0]);
    assert_eq!(counts(&dir.run(&["index", "docs", "--json"])), [0, 0, 0, 3]);
    // Modify one file, delete one, add one, rename one.
    dir.write(
        "docs/a.txt",
        "2023年工作总结\n落实科技特派员制度，完善乡村振兴考核。",
    );
    std::fs::remove_file(dir.path().join("docs/b.txt")).unwrap();
    dir.write("docs/d.txt", "2024年计划\n宣传反电信网络诈骗法。");
    std::fs::rename(
        dir.path().join("docs/sub/c.md"),
        dir.path().join("docs/sub/e.md"),
    )
    .unwrap();
    assert_eq!(counts(&dir.run(&["index", "docs", "--json"])), [2, 1, 2, 0]);
    assert_eq!(hit_paths(&dir, "乡村振兴", &[]), vec!["a.txt"]);
    assert!(
        hit_paths(&dir, "普法宣传", &[]).is_empty(),
        "the deleted file is gone"
    );
    assert_eq!(
        hit_paths(&dir, "民法典", &[]),
        vec!["sub/e.md"],
        "renamed: old path gone, new path found"
    );
    // Rewriting a file with the same content re-reads it but changes nothing.
    std::thread::sleep(Duration::from_millis(20));
    dir.write("docs/d.txt", "2024年计划\n宣传反电信网络诈骗法。");
    let run = dir.run(&["index", "docs", "--json"]);
    assert_eq!(counts(&run), [0, 0, 0, 3]);
    // --rebuild reads everything again.
    assert_eq!(
        counts(&dir.run(&["index", "docs", "--json", "--rebuild"])),
        [3, 0, 0, 0]
    );
}

#[test]
fn search_refreshes_a_stale_index_unless_told_not_to() {
    let dir = Dir::new();
    dir.write("docs/a.txt", "2024年工作总结\n开展普法宣传。");
    assert_eq!(dir.run(&["index", "docs"]).code, 0);
    dir.write("docs/b.txt", "2024年工作总结\n推进乡村振兴。");
    assert!(hit_paths(&dir, "乡村振兴", &["--no-refresh"]).is_empty());
    let run = dir.run(&["search", "乡村振兴", "docs"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr.contains("index updated: 1 added"),
        "{}",
        run.stderr
    );
    assert_eq!(hit_paths(&dir, "乡村振兴", &[]), vec!["b.txt"]);
    let quiet = dir.run(&["search", "乡村振兴", "docs"]);
    assert!(
        quiet.stderr.is_empty(),
        "nothing changed, nothing said: {}",
        quiet.stderr
    );
}

#[test]
fn exclusions_and_symbolic_links_are_left_out() {
    let dir = Dir::new();
    dir.write("docs/keep.txt", "法治政府建设");
    dir.write("docs/drafts/old.txt", "法治政府建设");
    dir.write("docs/x.bak.txt", "法治政府建设");
    dir.write("outside/secret.txt", "法治政府建设");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.path().join("outside"), dir.path().join("docs/link"))
            .unwrap();
        std::os::unix::fs::symlink(dir.path().join("docs"), dir.path().join("docs/loop")).unwrap();
        std::os::unix::fs::symlink(
            dir.path().join("outside/secret.txt"),
            dir.path().join("docs/s.txt"),
        )
        .unwrap();
    }
    let run = dir.run(&[
        "index",
        "docs",
        "--exclude",
        "drafts/",
        "--exclude",
        "*.bak.txt",
        "--json",
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(counts(&run)[0], 1);
    assert_eq!(
        hit_paths(
            &dir,
            "法治政府",
            &["--exclude", "drafts/", "--exclude", "*.bak.txt"]
        ),
        vec!["keep.txt"]
    );
    #[cfg(unix)]
    for link in ["link", "loop", "s.txt"] {
        assert!(
            run.stdout.contains(&format!("\"path\":\"{link}\"")),
            "{link} reported: {}",
            run.stdout
        );
    }
}

/// A folder big enough that indexing it takes a while.
fn big_folder(dir: &Dir, files: usize) {
    let paragraph = "各乡镇、各部门要深入学习宣传贯彻《中华人民共和国宪法》和《中华人民共和国民法典》，推进法治政府建设，落实普法责任制。";
    for i in 0..files {
        dir.write(
            &format!("docs/{i:04}.txt"),
            format!(
                "{}年工作总结 第{i}号\n{}",
                2000 + i % 25,
                paragraph.repeat(300)
            ),
        );
    }
}

fn listing(dir: &Dir) -> Vec<(String, u64)> {
    let mut out: Vec<(String, u64)> = walkdir::WalkDir::new(dir.path().join("docs"))
        .into_iter()
        .flatten()
        .filter(|e| !e.path().components().any(|c| c.as_os_str() == ".zhengce"))
        .map(|e| {
            (
                e.path().display().to_string(),
                e.metadata().map(|m| m.len()).unwrap_or(0),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_run_killed_half_way_loses_nothing() {
    let dir = Dir::new();
    big_folder(&dir, 40);
    assert_eq!(dir.run(&["index", "docs"]).code, 0);
    big_folder(&dir, 400);
    let before = listing(&dir);
    for wait in [150, 400, 900] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_zhengce"))
            .args(["index", "docs", "--threads", "1"])
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(wait));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        // The last commit is intact and searchable.
        let run = dir.run(&["search", "第7号", "docs", "--no-refresh"]);
        assert_eq!(run.code, 0, "after a kill at {wait} ms: {run:?}");
    }
    assert_eq!(listing(&dir), before, "nothing in the folder was touched");
    let done = dir.run(&["index", "docs", "--json"]);
    assert_eq!(done.code, 0, "{done:?}");
    let [added, updated, removed, unchanged] = counts(&done);
    assert_eq!((added + unchanged + updated, removed), (400, 0), "{done:?}");
    assert_eq!(
        hit_paths(&dir, "第399号", &["--no-refresh"]),
        vec!["0399.txt"]
    );
}

#[test]
fn a_second_writer_is_told_to_wait() {
    let dir = Dir::new();
    big_folder(&dir, 300);
    let mut first = Command::new(env!("CARGO_BIN_EXE_zhengce"))
        .args(["index", "docs", "--threads", "1"])
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the first run holds the index.
    let started = Instant::now();
    while !dir.path().join("docs/.zhengce/zhengce.json").exists()
        && started.elapsed() < Duration::from_secs(20)
    {
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(100));
    let second = dir.run(&["index", "docs"]);
    // A search meanwhile sees the last commit, and says the index is being written.
    let search = dir.run(&["search", "第1号", "docs"]);
    let finished_first = first.try_wait().unwrap().is_some();
    first.wait().unwrap();
    assert!(
        !finished_first,
        "the first run (300 files) must still be running for this test to mean anything"
    );
    assert_eq!(second.code, 2, "{second:?}");
    assert!(
        second
            .stderr
            .contains("being written by another zhengce process"),
        "{}",
        second.stderr
    );
    assert!(search.code == 0 || search.code == 1, "{search:?}");
    assert!(
        search.stderr.contains("could not be updated"),
        "{}",
        search.stderr
    );
    assert_eq!(dir.run(&["search", "第1号", "docs"]).code, 0);
}
