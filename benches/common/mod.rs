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
