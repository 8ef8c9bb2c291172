//! Bench `query`: in-process latency of `Index::search` (3 passages per hit, facets on, the first
//! 10 hits) over a fixed set of queries — words, phrases, filters, single characters, OR/NOT — on
//! an index of a synthetic folder (`ZHENGCE_BENCH_MB`, default 20 MB) and, when
//! `ZHENGCE_BENCH_CORPUS` names a folder, of that folder too. Prints p50/p99 per query from a
//! plain loop, then criterion's mean per query. The hit count of every query is recorded once
//! and checked on every search; phrase counts are checked against a substring scan of the texts.
//!
//! `cargo bench --bench query`

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::QUERIES;
use criterion::{criterion_group, criterion_main, Criterion};
use tempfile::TempDir;
use zhengce_core::segment::normalize;
use zhengce_core::{FolderOptions, Index, IndexBuilder, SearchOptions};

/// Rounds over the whole set in the plain loop that gives the percentiles.
const ROUNDS: usize = 30;

fn options() -> SearchOptions {
    SearchOptions::default().passages(3).facets(true)
}

/// Builds the index of `folder` in `into` (2 writer threads).
fn build(folder: &Path, into: &Path) -> Index {
    let index = IndexBuilder::for_folder(folder)
        .unwrap()
        .create_in_dir(into)
        .unwrap();
    let mut writer = index.writer_with_threads(2).unwrap();
    writer
        .update_folder(folder, &FolderOptions::default(), &mut |_| {})
        .unwrap();
    index
}

/// The phrase of a query that is one quoted phrase, possibly after filters.
fn quoted_phrase(query: &str) -> Option<&str> {
    let start = query.find('"')?;
    let end = query[start + 1..].find('"')? + start + 1;
    Some(&query[start + 1..end])
}

/// Records each query's hit count, checks phrases against a substring scan, prints percentiles
/// from a plain loop, then runs criterion over each query.
fn bench_index(c: &mut Criterion, name: &str, index: &Index, texts: &[(String, String)]) {
    let opts = options();
    let normalized: Vec<(String, String)> = texts
        .iter()
        .map(|(p, t)| (normalize(p).text, normalize(t).text))
        .collect();
    let mut expected = Vec::new();
    for (label, q) in QUERIES {
        let total = index.search(q, &opts).unwrap().total;
        if let Some(phrase) = quoted_phrase(q).filter(|_| !q.contains(':')) {
            // Exact for phrases: the documents whose text holds it (or, for a title taken
            // from the file name, whose path does).
            let phrase = normalize(phrase).text;
            let in_body = normalized
                .iter()
                .filter(|(_, t)| t.contains(&phrase))
                .count();
            let in_either = normalized
                .iter()
                .filter(|(p, t)| t.contains(&phrase) || p.contains(&phrase))
                .count();
            assert!(
                (in_body..=in_either).contains(&total),
                "{label} {q}: {total} hits, {in_body} documents hold the phrase"
            );
        }
        if name == "synthetic" {
            assert!(total > 0, "{label} {q}: no hit on the synthetic folder");
        }
        expected.push(total);
    }

    let mut per_query: Vec<Vec<f64>> = vec![Vec::with_capacity(ROUNDS); QUERIES.len()];
    for _ in 0..ROUNDS {
        for (i, (_, q)) in QUERIES.iter().enumerate() {
            let started = Instant::now();
            let results = index.search(q, &opts).unwrap();
            per_query[i].push(started.elapsed().as_secs_f64() * 1e3);
            assert_eq!(results.total, expected[i], "{q}");
        }
    }
    let mut all: Vec<f64> = per_query.iter().flatten().copied().collect();
    all.sort_by(f64::total_cmp);
    eprintln!(
        "query ({name}): {} documents; {} queries × {ROUNDS} rounds, passages 3, facets on",
        index.num_docs(),
        QUERIES.len()
    );
    eprintln!(
        "  {:<18} {:>7} {:>9} {:>9}  query",
        "label", "hits", "p50 ms", "p99 ms"
    );
    for (i, (label, q)) in QUERIES.iter().enumerate() {
        let v = &mut per_query[i];
        v.sort_by(f64::total_cmp);
        eprintln!(
            "  {label:<18} {:>7} {:>9.2} {:>9.2}  {q}",
            expected[i],
            common::percentile(v, 50.0),
            common::percentile(v, 99.0)
        );
    }
    eprintln!(
        "  {:<18} {:>7} {:>9.2} {:>9.2}",
        "all",
        "",
        common::percentile(&all, 50.0),
        common::percentile(&all, 99.0)
    );

    let mut g = c.benchmark_group(format!("query_{name}"));
    g.sample_size(20);
    g.warm_up_time(Duration::from_millis(300));
    g.measurement_time(Duration::from_secs(2));
    for (i, (label, q)) in QUERIES.iter().enumerate() {
        g.bench_function(*label, |b| {
            b.iter(|| assert_eq!(index.search(q, &opts).unwrap().total, expected[i]))
        });
    }
    g.finish();
}

fn query(c: &mut Criterion) {
    let scratch = TempDir::new().unwrap();
    let folder = scratch.path().join("docs");
    zhengce_synth::write_folder(&folder, common::synth_bytes(), common::SEED).unwrap();
    let index = build(&folder, &scratch.path().join("index"));
    let texts: Vec<(String, String)> = common::read_folder(&folder);
    assert_eq!(index.num_docs(), texts.len() as u64);
    bench_index(c, "synthetic", &index, &texts);
    if let Some(corpus) = common::corpus() {
        let index = build(&corpus, &scratch.path().join("corpus-index"));
        let texts = common::read_folder(&corpus);
        assert_eq!(index.num_docs(), texts.len() as u64);
        bench_index(c, "corpus", &index, &texts);
    }
}

criterion_group!(benches, query);
criterion_main!(benches);
