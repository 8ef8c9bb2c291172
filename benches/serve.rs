//! Bench `serve`: `zhengce serve` under load, against in-process search, over a copy of a folder
//! (`ZHENGCE_BENCH_CORPUS`, or a synthetic folder of `ZHENGCE_BENCH_MB` MB).
//!
//! 1. In-process: `Index::search` with the page's options (10 hits, 2 passages, facets) over the
//!    query bench's queries, one thread, then 16 threads.
//! 2. HTTP: `GET /api/search` with the same options from 16 clients (keep-alive connections) on
//!    loopback, `ZHENGCE_BENCH_REQUESTS` requests in all (default 10,000); every answer's total is
//!    checked against the in-process one, and any other answer counts as a failure.
//! 3. Memory of the server process (VmRSS, VmHWM) before and after the load.
//! 4. A change in the folder visible in search: a file added, changed, deleted, 5 times each; the
//!    time from the write to the first search that shows it.
//!
//! Prints the figures as Markdown. `ZHENGCE_BENCH_CORPUS=/work/shared/corpora/lawrefbook cargo
//! bench --bench serve`. The load is bounded (the request count) and stays on 127.0.0.1.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{percentile, QUERIES};
use zhengce_core::{Index, SearchOptions};

const CLIENTS: usize = 16;

fn options() -> SearchOptions {
    SearchOptions::default().limit(10).passages(2).facets(true)
}

fn requests() -> usize {
    std::env::var("ZHENGCE_BENCH_REQUESTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000)
}

/// `s` percent-encoded for a query string.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn search_url(addr: &str, q: &str) -> String {
    format!(
        "http://{addr}/api/search?q={}&limit=10&passages=2&facets=true",
        encode(q)
    )
}

/// Copies `from` into `to`, leaving out hidden entries (such as an index folder).
fn copy_visible(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_visible(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The server process, killed when dropped.
struct Served {
    child: Child,
    addr: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(folder: &Path) -> Served {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhengce"))
        .arg("serve")
        .arg(folder)
        .args(["--bind", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .trim()
        .strip_prefix("listening on http://")
        .unwrap()
        .to_owned();
    Served { child, addr }
}

/// VmRSS and VmHWM of a process, in MiB.
fn memory(pid: u32) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(f64::NAN, |kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn total_of(body: &str) -> Option<u64> {
    let v: serde_json::Value = serde_json::from_str(body).ok()?;
    v["summary"]["total"].as_u64()
}

/// Milliseconds per search from `threads` threads, `n` searches in all, round-robin over the
/// queries; the elapsed wall time.
fn in_process(index: &Index, expected: &[usize], threads: usize, n: usize) -> (Vec<f64>, f64) {
    let started = Instant::now();
    let per_thread: Vec<Vec<f64>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    let mut out = Vec::new();
                    for i in (t..n).step_by(threads) {
                        let (_, q) = QUERIES[i % QUERIES.len()];
                        let at = Instant::now();
                        let total = index.search(q, &options()).unwrap().total;
                        out.push(at.elapsed().as_secs_f64() * 1e3);
                        assert_eq!(total, expected[i % QUERIES.len()], "{q}");
                    }
                    out
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut all: Vec<f64> = per_thread.into_iter().flatten().collect();
    all.sort_by(f64::total_cmp);
    (all, started.elapsed().as_secs_f64())
}

/// Milliseconds per request from `CLIENTS` clients, `n` requests in all; failures; wall time.
fn over_http(addr: &str, expected: &[usize], n: usize) -> (Vec<f64>, usize, f64) {
    let expected = Arc::new(expected.to_vec());
    let started = Instant::now();
    let handles: Vec<_> = (0..CLIENTS)
        .map(|t| {
            let (addr, expected) = (addr.to_owned(), Arc::clone(&expected));
            std::thread::spawn(move || {
                let agent: ureq::Agent = ureq::Agent::config_builder()
                    .http_status_as_error(false)
                    .timeout_global(Some(Duration::from_secs(30)))
                    .build()
                    .into();
                let (mut times, mut failed) = (Vec::new(), 0);
                for i in (t..n).step_by(CLIENTS) {
                    let (_, q) = QUERIES[i % QUERIES.len()];
                    let at = Instant::now();
                    let answer = agent.get(&search_url(&addr, q)).call();
                    let ok = match answer {
                        Ok(mut r) if r.status() == 200 => {
                            r.body_mut()
                                .read_to_string()
                                .ok()
                                .and_then(|b| total_of(&b))
                                == Some(expected[i % QUERIES.len()] as u64)
                        }
                        _ => false,
                    };
                    times.push(at.elapsed().as_secs_f64() * 1e3);
                    failed += usize::from(!ok);
                }
                (times, failed)
            })
        })
        .collect();
    let mut all = Vec::new();
    let mut failed = 0;
    for h in handles {
        let (times, f) = h.join().unwrap();
        all.extend(times);
        failed += f;
    }
    all.sort_by(f64::total_cmp);
    (all, failed, started.elapsed().as_secs_f64())
}

/// Milliseconds from a change (done by `change`) until `GET /api/search?q="phrase"` reports
/// `want` documents.
fn visible_after(addr: &str, phrase: &str, want: u64, change: impl FnOnce()) -> f64 {
    let url = search_url(addr, &format!("\"{phrase}\""));
    change();
    let started = Instant::now();
    loop {
        let body = ureq::get(&url)
            .call()
            .ok()
            .and_then(|mut r| r.body_mut().read_to_string().ok());
        if body.as_deref().and_then(total_of) == Some(want) {
            return started.elapsed().as_secs_f64() * 1e3;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{phrase} never showed"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn row(label: &str, times: &[f64], wall: f64) -> String {
    format!(
        "| {label} | {} | {:.2} ms | {:.2} ms | {:.0} |",
        times.len(),
        percentile(times, 50.0),
        percentile(times, 99.0),
        times.len() as f64 / wall
    )
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` runs this as a test: skip it there.
    if !std::env::args().any(|a| a == "--bench") {
        eprintln!("serve bench: run with `cargo bench --bench serve`");
        return;
    }
    let scratch = tempfile::TempDir::new().unwrap();
    let folder = scratch.path().join("docs");
    match common::corpus() {
        Some(corpus) => copy_visible(&corpus, &folder),
        None => {
            zhengce_synth::write_folder(&folder, common::synth_bytes(), common::SEED).unwrap();
        }
    }
    let built = Command::new(env!("CARGO_BIN_EXE_zhengce"))
        .arg("index")
        .arg(&folder)
        .output()
        .unwrap();
    assert!(built.status.success(), "{built:?}");

    let index = Index::open_in_dir(&folder.join(".zhengce")).unwrap();
    let expected: Vec<usize> = QUERIES
        .iter()
        .map(|(_, q)| index.search(q, &options()).unwrap().total)
        .collect();
    let documents = index.num_docs();
    let n = requests();
    let (one, one_wall) = in_process(&index, &expected, 1, n.min(2000));
    let (sixteen, sixteen_wall) = in_process(&index, &expected, CLIENTS, n);
    drop(index);

    let served = serve(&folder);
    let (idle_rss, _) = memory(served.child.id());
    // Warm up: every query once.
    let _ = over_http(&served.addr, &expected, QUERIES.len());
    let (http, failed, http_wall) = over_http(&served.addr, &expected, n);
    let (rss, hwm) = memory(served.child.id());

    let mut latencies: Vec<(&str, Vec<f64>)> =
        vec![("add", vec![]), ("change", vec![]), ("delete", vec![])];
    for round in 0..5 {
        let file = folder.join(format!("bench-change-{round}.txt"));
        let first = format!("鑫淼焱垚第{round}号甲");
        let second = format!("鑫淼焱垚第{round}号乙");
        let text = |p: &str| format!("2025年工作总结\n开展{p}检查。\n");
        latencies[0]
            .1
            .push(visible_after(&served.addr, &first, 1, || {
                std::fs::write(&file, text(&first)).unwrap()
            }));
        latencies[1]
            .1
            .push(visible_after(&served.addr, &second, 1, || {
                std::fs::write(&file, text(&second)).unwrap()
            }));
        latencies[2]
            .1
            .push(visible_after(&served.addr, &second, 0, || {
                std::fs::remove_file(&file).unwrap()
            }));
    }

    println!(
        "serve: {} ({} documents), {} queries round-robin, 10 hits, 2 passages, facets",
        common::corpus().map_or("synthetic".to_owned(), |c| c.display().to_string()),
        documents,
        QUERIES.len()
    );
    println!();
    println!("| run | requests | p50 | p99 | per second |");
    println!("|---|---|---|---|---|");
    println!("{}", row("in-process, 1 thread", &one, one_wall));
    println!("{}", row("in-process, 16 threads", &sixteen, sixteen_wall));
    println!("{}", row("HTTP /api/search, 16 clients", &http, http_wall));
    println!();
    println!(
        "HTTP / in-process 16 threads: p50 {:.2}, p99 {:.2}; HTTP / in-process 1 thread: p50 {:.2}, p99 {:.2}",
        percentile(&http, 50.0) / percentile(&sixteen, 50.0),
        percentile(&http, 99.0) / percentile(&sixteen, 99.0),
        percentile(&http, 50.0) / percentile(&one, 50.0),
        percentile(&http, 99.0) / percentile(&one, 99.0),
    );
    println!("failed requests: {failed} of {}", http.len());
    println!("server memory: {idle_rss:.0} MiB RSS idle, {rss:.0} MiB RSS after the load, {hwm:.0} MiB peak");
    println!();
    println!("| change | rounds | median | max |");
    println!("|---|---|---|---|");
    for (label, mut times) in latencies {
        times.sort_by(f64::total_cmp);
        println!(
            "| {label} | {} | {:.0} ms | {:.0} ms |",
            times.len(),
            percentile(&times, 50.0),
            times.last().copied().unwrap_or(f64::NAN)
        );
    }
    assert_eq!(failed, 0, "failed requests");
}
