//! Bench `cite`: throughput (MB/s) of citation extraction (`cite::extract`: 《》 titles, nested
//! 〈〉 titles, pins, resolution, actions, bare mentions) over ~5 MB of synthetic documents, and
//! over the real corpus when `ZHENGCE_BENCH_CORPUS` names a folder. Every book-title mark the
//! generator wrote must come back as a citation.
//!
//! `cargo bench --bench cite`

mod common;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use zhengce_core::cite::extract;

/// Bytes of synthetic text per iteration.
const BYTES: u64 = 5_000_000;

/// Citations found in marks (outer and nested) and named without marks.
fn count(texts: &[&str]) -> (usize, usize) {
    let (mut marked, mut bare) = (0, 0);
    for t in texts {
        for c in extract(black_box(t)) {
            if c.inferred {
                bare += 1;
            } else {
                marked += 1;
            }
        }
    }
    (marked, bare)
}

fn cite(c: &mut Criterion) {
    extract("《民法典》"); // the dictionary and automata, built before the clock starts
    let docs = zhengce_synth::documents(common::SEED, BYTES);
    let bytes: u64 = docs.iter().map(|d| d.text.len() as u64).sum();
    let marks: usize = docs.iter().map(|d| d.marks).sum();
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let expected = count(&texts);
    assert_eq!(
        expected.0, marks,
        "citations in marks vs. marks written by the generator"
    );
    eprintln!(
        "cite (synthetic): {} documents, {}: {} marked citations (= marks written), {} bare",
        docs.len(),
        common::mb(bytes),
        expected.0,
        expected.1
    );
    let mut g = c.benchmark_group("cite");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("synthetic", |b| {
        b.iter(|| assert_eq!(count(&texts), expected))
    });

    if let Some(dir) = common::corpus() {
        let docs = common::read_folder(&dir);
        let bytes: u64 = docs.iter().map(|(_, t)| t.len() as u64).sum();
        let texts: Vec<&str> = docs.iter().map(|(_, t)| t.as_str()).collect();
        let opening_marks: usize = texts.iter().map(|t| t.matches('《').count()).sum();
        let expected = count(&texts);
        // Outer citations are one per 《 (a title broken across lines still counts once).
        assert!(
            expected.0 >= opening_marks * 95 / 100,
            "{} marked citations for {opening_marks} opening marks",
            expected.0
        );
        eprintln!(
            "cite ({}): {} documents, {}: {opening_marks} 《, {} marked citations, {} bare",
            dir.display(),
            docs.len(),
            common::mb(bytes),
            expected.0,
            expected.1
        );
        g.throughput(Throughput::Bytes(bytes));
        g.bench_function("corpus", |b| b.iter(|| assert_eq!(count(&texts), expected)));
    }
    g.finish();
}

criterion_group!(benches, cite);
criterion_main!(benches);
