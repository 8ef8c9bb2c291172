//! Citation statistics over a folder: citations found (outer, nested, inferred), how many resolve
//! to the dictionary, and extraction throughput.
//!
//! `cargo run --release -p zhengce-core --example cite_stats -- FOLDER`

use std::collections::BTreeMap;
use std::time::Instant;

use zhengce_core::cite::{extract, Kind, Resolution};
use zhengce_core::ingest::{read, walk};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = std::env::args().nth(1).ok_or("usage: cite_stats FOLDER")?;
    let (files, _) = walk(std::path::Path::new(&root), None);
    let docs: Vec<String> = files
        .iter()
        .filter_map(|f| read(f).ok())
        .map(|d| d.body)
        .collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    extract("《民法典》"); // builds the dictionary before the clock starts
    let started = Instant::now();
    let all: Vec<_> = docs.iter().map(|d| extract(d)).collect();
    let seconds = started.elapsed().as_secs_f64();

    let (mut outer, mut nested, mut inferred, mut law_like, mut law_like_resolved) =
        (0, 0, 0, 0, 0);
    let mut by_resolution: BTreeMap<String, usize> = BTreeMap::new();
    for c in all.iter().flatten() {
        if c.inferred {
            inferred += 1;
            continue;
        }
        if c.nested {
            nested += 1;
        } else {
            outer += 1;
        }
        *by_resolution
            .entry(format!("{:?}", c.resolution))
            .or_default() += 1;
        let law = matches!(
            c.kind,
            Kind::Law
                | Kind::AdministrativeRegulation
                | Kind::LocalRegulation
                | Kind::JudicialInterpretation
                | Kind::DepartmentalRule
        );
        if law {
            law_like += 1;
            law_like_resolved += usize::from(c.resolution == Resolution::Dictionary);
        }
    }
    let total = outer + nested;
    let dictionary = by_resolution.get("Dictionary").copied().unwrap_or(0);
    let mb = bytes as f64 / 1e6;
    println!(
        "{} documents, {mb:.1} MB, {seconds:.2} s, {:.1} MB/s",
        docs.len(),
        mb / seconds
    );
    println!("citations: {outer} outer + {nested} nested = {total}; bare mentions (inferred): {inferred}");
    let share = |n: usize, of: usize| 100.0 * n as f64 / of.max(1) as f64;
    println!(
        "resolved to the dictionary: {dictionary} of {total} ({:.1} %)",
        share(dictionary, total)
    );
    println!(
        "law-like: {law_like}, resolved {law_like_resolved} ({:.1} %)",
        share(law_like_resolved, law_like)
    );
    println!("by resolution: {by_resolution:?}");
    Ok(())
}
