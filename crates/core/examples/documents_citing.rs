//! Example: the documents that cite a regulation, however it is written (short name, full name,
//! old name), with the citing sentence.
//!
//! `cargo run -p zhengce-core --example documents_citing -- [FOLDER] [TITLE]`
//! (defaults: the repository's `corpus/` and `科技计划项目管理办法`).

use std::path::PathBuf;

use zhengce_core::Index;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let folder = args.next().map_or_else(bundled_corpus, PathBuf::from);
    let title = args
        .next()
        .unwrap_or_else(|| "科技计划项目管理办法".to_owned());

    let index = Index::create_in_ram()?;
    index.writer()?.add_folder(&folder)?;

    // `true`: titles named without 《》 count too (学习民法典).
    let hits = index.cites(&title, true)?;
    println!("{} citations of {title}", hits.len());
    for hit in &hits {
        let [start, end] = hit.highlight;
        println!(
            "\n{} ({})\n  cites 《{}》 as 《{}》\n  {}【{}】{}",
            hit.document_title,
            hit.year.map_or_else(|| "?".to_owned(), |y| y.to_string()),
            hit.citation.title,
            hit.citation.raw,
            &hit.sentence[..start],
            &hit.sentence[start..end],
            &hit.sentence[end..],
        );
    }
    if hits.is_empty() {
        return Err(format!("no document cites {title}").into());
    }
    Ok(())
}

/// The sample documents shipped in the repository.
fn bundled_corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}
