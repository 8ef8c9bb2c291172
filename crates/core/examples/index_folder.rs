//! Example: index a folder and search it — ranked hits, highlighted passages with their section.
//!
//! `cargo run -p zhengce-core --example index_folder -- [FOLDER] [QUERY]`
//! (defaults: the repository's `corpus/` and `科学技术进步法`). The index is built in a temporary
//! folder; a real program keeps it, for example in `FOLDER/.zhengce` as the CLI does.

use std::path::PathBuf;

use zhengce_core::{Index, SearchOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let folder = args.next().map_or_else(bundled_corpus, PathBuf::from);
    let query = args.next().unwrap_or_else(|| "科学技术进步法".to_owned());

    let index_dir = tempfile::tempdir()?;
    let index = Index::open_or_create(index_dir.path())?;
    let report = index.writer()?.add_folder(&folder)?;
    println!(
        "indexed {} documents ({} skipped) from {}",
        report.added,
        report.skipped.len(),
        folder.display()
    );

    let results = index.search(&query, &SearchOptions::default().limit(5).passages(2))?;
    println!("{} documents match {query}", results.total);
    for hit in &results.hits {
        println!("\n{:.2}  {}  ({})", hit.score, hit.title, hit.path);
        for passage in &hit.passages {
            println!("    [{}] {}", passage.section.join(" › "), marked(passage));
        }
    }
    if results.total == 0 {
        return Err(format!("nothing matches {query}").into());
    }
    Ok(())
}

/// The passage's text with its highlights in 【】.
fn marked(passage: &zhengce_core::Passage) -> String {
    let mut out = String::new();
    let mut at = 0;
    for &[start, end] in &passage.highlights {
        out.push_str(&passage.text[at..start]);
        out.push('【');
        out.push_str(&passage.text[start..end]);
        out.push('】');
        at = end;
    }
    out.push_str(&passage.text[at..]);
    out
}

/// The sample documents shipped in the repository.
fn bundled_corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}
