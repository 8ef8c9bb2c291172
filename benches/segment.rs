//! Bench `segment`: throughput (MB/s of original text) of normalization, jieba words (exact mode,
//! the full dictionary) and grams, alone and together as indexing runs them, over ~5 MB of
//! synthetic documents. Token counts are computed once and checked on every iteration.
//!
//! `cargo bench --bench segment`

mod common;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use zhengce_core::segment::{grams, is_han, normalize, Analyzer};

/// Bytes of synthetic text segmented per iteration.
const BYTES: u64 = 5_000_000;

fn segment(c: &mut Criterion) {
    let docs = zhengce_synth::documents(common::SEED, BYTES);
    let bytes: u64 = docs.iter().map(|d| d.text.len() as u64).sum();
    let analyzer = Analyzer::default();
    analyzer.index_words(""); // the full trie, built before the clock starts
    let normalized: Vec<String> = docs.iter().map(|d| normalize(&d.text).text).collect();

    let count_words = |texts: &[String]| {
        texts
            .iter()
            .map(|t| analyzer.index_words(t).len())
            .sum::<usize>()
    };
    let count_grams = |texts: &[String]| texts.iter().map(|t| grams(t).count()).sum::<usize>();
    let normalized_len: usize = normalized.iter().map(String::len).sum();
    let words = count_words(&normalized);
    let grams_n = count_grams(&normalized);
    let han: usize = normalized
        .iter()
        .map(|t| t.chars().filter(|c| is_han(*c)).count())
        .sum();
    // The counts a working analyzer gives on Chinese prose: words of 1–4 characters on average,
    // about one gram per unit.
    assert!(
        han > bytes as usize / 4,
        "{han} Han characters in {bytes} bytes"
    );
    assert!(
        words > han / 4 && words < han,
        "{words} words for {han} Han characters"
    );
    assert!(
        grams_n > han * 9 / 10 && grams_n < han * 3 / 2,
        "{grams_n} grams for {han} Han characters"
    );
    eprintln!(
        "segment: {} documents, {}, {han} Han characters → {words} words, {grams_n} grams",
        docs.len(),
        common::mb(bytes)
    );

    let mut g = c.benchmark_group("segment");
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(10);
    g.bench_function("normalize", |b| {
        b.iter(|| {
            let n: usize = docs
                .iter()
                .map(|d| normalize(black_box(&d.text)).text.len())
                .sum();
            assert_eq!(n, normalized_len);
        })
    });
    g.bench_function("words", |b| {
        b.iter(|| assert_eq!(count_words(black_box(&normalized)), words))
    });
    g.bench_function("grams", |b| {
        b.iter(|| assert_eq!(count_grams(black_box(&normalized)), grams_n))
    });
    g.bench_function("normalize+words+grams", |b| {
        b.iter(|| {
            let (mut w, mut gr) = (0usize, 0usize);
            for d in &docs {
                let n = normalize(black_box(&d.text));
                w += analyzer.index_words(&n.text).len();
                gr += grams(&n.text).count();
            }
            assert_eq!((w, gr), (words, grams_n));
        })
    });
    g.finish();
}

criterion_group!(benches, segment);
criterion_main!(benches);
