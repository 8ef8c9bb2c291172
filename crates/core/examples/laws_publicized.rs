//! Example: which laws were publicized (宣传, 发放) in a year — done, not only planned — and how
//! many documents say so.
//!
//! `cargo run -p zhengce-core --example laws_publicized -- [FOLDER] [YEAR]`
//! (defaults: the repository's `corpus/` and 2024).

use std::path::PathBuf;

use zhengce_core::cite::Action;
use zhengce_core::{Index, LawsOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let folder = args.next().map_or_else(bundled_corpus, PathBuf::from);
    let year: u16 = args.next().map_or(Ok(2024), |y| y.parse())?;

    let index = Index::create_in_ram()?;
    index.writer()?.add_folder(&folder)?;

    let options = LawsOptions::default()
        .action(Action::Publicize)
        .years(year, year)
        .planned(false);
    let rows = index.laws(&options)?;
    println!("laws publicized in {year} (done): {}", rows.len());
    println!("docs  mentions  title");
    for row in &rows {
        let replaced = if row.successors.is_empty() {
            String::new()
        } else {
            format!("  (repealed → {})", row.successors.join("、"))
        };
        println!(
            "{:>4}  {:>8}  {} [{}]{replaced}",
            row.documents,
            row.mentions,
            row.title,
            row.kind.name()
        );
    }
    if rows.is_empty() {
        return Err(format!("no law publicized in {year}").into());
    }
    Ok(())
}

/// The sample documents shipped in the repository.
fn bundled_corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}
