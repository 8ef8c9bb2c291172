//! Example: embed zhengce in a multi-threaded service — several threads search one shared
//! [`Index`] while one thread indexes and commits; each search sees the last commit.
//!
//! `cargo run -p zhengce-core --example multithreaded_service -- [FOLDER]`
//! (default: the repository's `corpus/`).

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use zhengce_core::{Document, Index, SearchOptions};

const SEARCHERS: usize = 3;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let folder = std::env::args()
        .nth(1)
        .map_or_else(bundled_corpus, PathBuf::from);
    let index = Index::create_in_ram()?; // `Index` is Clone + Send + Sync: share it
    let done = Arc::new(AtomicBool::new(false));

    // The searchers: each counts the documents holding 法治 until the writer is done. A search
    // never sees fewer documents than the one before it: commits only add.
    let searchers: Vec<_> = (0..SEARCHERS)
        .map(|_| {
            let (index, done) = (index.clone(), Arc::clone(&done));
            std::thread::spawn(move || -> zhengce_core::Result<(usize, usize)> {
                let (mut searches, mut last) = (0, 0);
                while !done.load(Ordering::Acquire) {
                    let total = index
                        .search("法治", &SearchOptions::default().limit(1))?
                        .total;
                    assert!(total >= last, "a commit never removes documents here");
                    (searches, last) = (searches + 1, total);
                }
                Ok((searches, last))
            })
        })
        .collect();

    // The one writer (one per index): add the folder's documents one commit at a time.
    let mut writer = index.writer()?;
    let mut commits = 0;
    let mut paths = std::fs::read_dir(&folder)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()?;
    paths.sort();
    for path in paths {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let Some(name) = name.filter(|n| !n.starts_with('.') && n != "README.md") else {
            continue;
        };
        match Document::from_file(&path, &name) {
            Ok(doc) => {
                writer.add_document(&doc)?;
                writer.commit()?;
                commits += 1;
            }
            Err(e) => eprintln!("skipped: {e}"),
        }
    }
    done.store(true, Ordering::Release);

    for (i, s) in searchers.into_iter().enumerate() {
        let (searches, last) = s.join().map_err(|_| "a searcher panicked")??;
        println!("searcher {i}: {searches} searches, last saw {last} documents holding 法治");
    }
    let total = index.search("法治", &SearchOptions::default())?.total;
    println!("{commits} commits; now {total} documents hold 法治");
    if total == 0 {
        return Err("nothing indexed".into());
    }
    Ok(())
}

/// The sample documents shipped in the repository.
fn bundled_corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}
