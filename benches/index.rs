//! Bench `index`: indexing throughput (MB/s of text) of a folder into an index on disk, as
//! `zhengce index` does it (walk, read, decode, metadata, citations, words, grams, commit), with a
//! writer of 2 threads. The folder is synthetic (`ZHENGCE_BENCH_MB`, default 20 MB) and, when
//! `ZHENGCE_BENCH_CORPUS` names a folder, that folder too. Every iteration must index every file.
//!
//! `cargo bench --bench index`

mod common;

use std::path::Path;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, SamplingMode, Throughput};
use tempfile::TempDir;
use zhengce_core::{FolderOptions, IndexBuilder, IndexReport};

/// Writer threads, as `zhengce index` uses on a 2-core machine.
const THREADS: usize = 2;

/// Indexes `folder` into a new index in `into`.
fn index_folder(folder: &Path, into: &Path) -> (IndexReport, u64) {
    let index = IndexBuilder::for_folder(folder)
        .unwrap()
        .create_in_dir(into)
        .unwrap();
    let mut writer = index.writer_with_threads(THREADS).unwrap();
    let report = writer
        .update_folder(folder, &FolderOptions::default(), &mut |_| {})
        .unwrap();
    drop(writer);
    (report, index.num_docs())
}

/// Indexes `folder` once to learn what an iteration must do, then benches it.
fn bench_folder(c: &mut Criterion, name: &str, folder: &Path, expected_docs: Option<usize>) {
    let scratch = TempDir::new().unwrap();
    let started = Instant::now();
    let (first, docs) = index_folder(folder, &scratch.path().join("first"));
    let seconds = started.elapsed().as_secs_f64();
    if let Some(n) = expected_docs {
        assert_eq!(first.added, n, "documents indexed");
    }
    assert!(first.added > 0, "nothing indexed in {}", folder.display());
    assert_eq!(docs, first.added as u64, "documents searchable");
    let size = dir_size(&scratch.path().join("first"));
    eprintln!(
        "index ({name}): {} documents, {} of text, {} skipped; first run {:.1} s = {:.1} MB/s; \
         index {} = {:.2}× the text",
        first.added,
        common::mb(first.bytes),
        first.skipped.len(),
        seconds,
        first.bytes as f64 / 1e6 / seconds,
        common::mb(size),
        size as f64 / first.bytes as f64
    );
    let mut g = c.benchmark_group("index");
    g.sampling_mode(SamplingMode::Flat);
    g.sample_size(10);
    g.warm_up_time(std::time::Duration::from_millis(1));
    // One iteration per sample (criterion's minimum of 10 samples): flat sampling rounds the
    // iterations per sample up, so the target stays a little below 10 runs of the first.
    g.measurement_time(std::time::Duration::from_secs_f64(seconds * 9.0));
    g.throughput(Throughput::Bytes(first.bytes));
    g.bench_function(name, |b| {
        b.iter_batched(
            || TempDir::new_in(scratch.path()).unwrap(),
            |dir| {
                let (report, docs) = index_folder(folder, &dir.path().join("ix"));
                assert_eq!(
                    (report.added, report.bytes, docs),
                    (first.added, first.bytes, first.added as u64)
                );
                dir // removed after the clock stops
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| match e.file_type() {
                    Ok(t) if t.is_dir() => dir_size(&e.path()),
                    _ => e.metadata().map_or(0, |m| m.len()),
                })
                .sum()
        })
        .unwrap_or(0)
}

fn index(c: &mut Criterion) {
    zhengce_core::segment::Analyzer::default().index_words(""); // the trie, built once per process
    let synth = TempDir::new().unwrap();
    let written =
        zhengce_synth::write_folder(synth.path(), common::synth_bytes(), common::SEED).unwrap();
    bench_folder(c, "synthetic", synth.path(), Some(written.files));
    if let Some(corpus) = common::corpus() {
        // Every text file the walk finds is indexed unless it is empty or undecodable.
        let (files, _) = zhengce_core::ingest::walk(&corpus, None);
        let readable = files
            .iter()
            .filter(|f| zhengce_core::ingest::read(f).is_ok())
            .count();
        bench_folder(c, "corpus", &corpus, Some(readable));
    }
}

criterion_group!(benches, index);
criterion_main!(benches);
