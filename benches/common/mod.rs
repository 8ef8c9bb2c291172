//! What the benches share: sizes and folders from the environment (`ZHENGCE_BENCH_MB`,
//! `ZHENGCE_BENCH_CORPUS`), synthetic documents, reading a real folder, and percentiles.
#![allow(dead_code)]

use std::path::PathBuf;

/// The seed of every synthetic set in the benches.
pub const SEED: u64 = 7;

/// Megabytes (10^6 bytes) of synthetic text for the index and query benches: `ZHENGCE_BENCH_MB`,
/// default 20.
pub fn synth_bytes() -> u64 {
    let mb: f64 = std::env::var("ZHENGCE_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|mb: &f64| *mb > 0.0)
        .unwrap_or(20.0);
    (mb * 1_000_000.0) as u64
}

/// The real corpus named by `ZHENGCE_BENCH_CORPUS`, when it names a folder; otherwise `None`
/// (with a note on stderr when the variable is set to something else).
pub fn corpus() -> Option<PathBuf> {
    let dir = PathBuf::from(std::env::var_os("ZHENGCE_BENCH_CORPUS")?);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "ZHENGCE_BENCH_CORPUS={} is not a folder: its benches are skipped",
            dir.display()
        );
        None
    }
}

/// The path and text of every document of `dir` that zhengce would index, in walk order.
pub fn read_folder(dir: &std::path::Path) -> Vec<(String, String)> {
    let (files, _) = zhengce_core::ingest::walk(dir, None);
    files
        .iter()
        .filter_map(|f| zhengce_core::ingest::read(f).ok())
        .map(|d| (d.path, d.body))
        .collect()
}

/// Human-readable bytes.
pub fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

/// The `p`-th percentile (0–100) of sorted `values`, nearest rank.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// The queries of the query and serve benches: a label (the bench's name) and the query —
/// words, phrases, filters, single characters, OR/NOT.
pub const QUERIES: &[(&str, &str)] = &[
    ("word_law", "科学技术进步法"),
    ("word_term", "法治政府建设"),
    ("two_words", "安全生产 隐患排查"),
    ("phrase", "\"污染防治\""),
    ("phrase_duty", "\"普法责任制\""),
    ("phrase_full_title", "\"中华人民共和国行政处罚法\""),
    ("phrase_long", "\"运用法治思维和法治方式\""),
    ("or", "宪法 OR 民法典"),
    ("not", "宣传 -草案"),
    ("group", "(宪法 OR 民法典) 宣传"),
    ("year_law", "year:2023 law:民法典"),
    ("law_action", "law:宪法 action:study"),
    ("law_planned", "law:民法典 state:planned"),
    ("title", "title:管理办法"),
    ("issuer_years", "issuer:科学技术局 year:2020..2024"),
    ("type_word", "type:通知 宪法"),
    ("region_phrase", "region:高台县 \"乡村振兴\""),
    ("char_fa", "法"),
    ("char_xian", "县"),
    ("number_2024", "2024"),
];
