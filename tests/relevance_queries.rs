//! Relevance on documents of other counties (`tests/data/queries`): the queries officials type,
//! each with the document that must come first and the documents that must be on the first page.
//!
//! A query is right when its `first` file ranks first and every `relevant` file is among the first
//! 10 hits. The `tune` rows may be looked at one by one; the `heldout` rows are scored only in
//! aggregate, per class, and never printed one by one. `ZHENGCE_RELEVANCE_SETS=tune` scores the
//! tune rows alone (while tuning).

use std::collections::BTreeMap;
use std::path::Path;

use zhengce_core::{IndexBuilder, SearchOptions};

use crate::util::Dir;

/// The relevance set, in the repository.
fn data() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/queries")
}

/// One row of `queries.tsv`.
struct Row {
    id: String,
    set: String,
    class: String,
    query: String,
    first: String,
    relevant: Vec<String>,
}

fn rows() -> Vec<Row> {
    let text = std::fs::read_to_string(data().join("queries.tsv")).expect("queries.tsv");
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert!(
                cols.len() >= 6,
                "queries.tsv: a row needs 6 columns: {line}"
            );
            Row {
                id: cols[0].to_owned(),
                set: cols[1].to_owned(),
                class: cols[2].to_owned(),
                query: cols[3].to_owned(),
                first: cols[4].to_owned(),
                relevant: cols[5].split('|').map(str::to_owned).collect(),
            }
        })
        .collect()
}

/// Copies the documents, without hidden entries (an index a user's run left there).
fn copy_visible(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    let mut entries: Vec<_> = std::fs::read_dir(from)
        .expect("read folder")
        .map(|e| e.expect("entry"))
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let target = to.join(&name);
        if entry.file_type().expect("file type").is_dir() {
            copy_visible(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy file");
        }
    }
}

/// How one query did.
struct Outcome {
    /// `first` ranked first and every relevant file in the top 10.
    right: bool,
    /// `first` ranked first.
    first_first: bool,
    /// 1-based rank of `first`, if in the top 10.
    rank_of_first: Option<usize>,
    /// Relevant files not in the top 10.
    missing: Vec<String>,
    /// The top hits.
    top: Vec<String>,
}

fn score(row: &Row, top: Vec<String>) -> Outcome {
    let rank_of_first = top.iter().position(|p| *p == row.first).map(|i| i + 1);
    let missing: Vec<String> = row
        .relevant
        .iter()
        .filter(|r| !top.contains(r))
        .cloned()
        .collect();
    Outcome {
        right: rank_of_first == Some(1) && missing.is_empty(),
        first_first: rank_of_first == Some(1),
        rank_of_first,
        missing,
        top,
    }
}

/// Right and first-first counts over `outcomes`, as `right/n (first f/n)`.
fn tally<'a>(outcomes: impl Iterator<Item = &'a Outcome>) -> (usize, usize, usize) {
    outcomes.fold((0, 0, 0), |(r, f, n), o| {
        (
            r + usize::from(o.right),
            f + usize::from(o.first_first),
            n + 1,
        )
    })
}

#[test]
fn queries_officials_type_over_other_counties() {
    let sets: Vec<String> = std::env::var("ZHENGCE_RELEVANCE_SETS")
        .unwrap_or_else(|_| "tune,heldout".to_owned())
        .split(',')
        .map(str::to_owned)
        .collect();
    let dir = Dir::new();
    let docs = dir.path().join("docs");
    copy_visible(&data().join("docs"), &docs);
    let index = IndexBuilder::for_folder(&docs)
        .unwrap()
        .create_in_ram()
        .unwrap();
    let mut writer = index.writer_with_threads(1).unwrap();
    let report = writer.add_folder(&docs).unwrap();
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let rows: Vec<Row> = rows()
        .into_iter()
        .filter(|r| sets.contains(&r.set))
        .collect();
    let mut outcomes: Vec<(&Row, Outcome)> = Vec::new();
    for row in &rows {
        let results = index
            .search(&row.query, &SearchOptions::default().limit(10).passages(0))
            .unwrap_or_else(|e| panic!("{}: {e}", row.id));
        let top = results.hits.into_iter().map(|h| h.path).collect();
        outcomes.push((row, score(row, top)));
    }
    // Per class, for each set.
    let mut classes: BTreeMap<&str, BTreeMap<&str, Vec<&Outcome>>> = BTreeMap::new();
    for (row, o) in &outcomes {
        classes
            .entry(row.class.as_str())
            .or_default()
            .entry(row.set.as_str())
            .or_default()
            .push(o);
    }
    println!("relevance over tests/data/queries: right (first ranked first) / queries");
    for (class, by_set) in &classes {
        let cells: Vec<String> = sets
            .iter()
            .map(|s| {
                let (r, f, n) = tally(by_set.get(s.as_str()).into_iter().flatten().copied());
                format!("{s} {r}/{n} ({f})")
            })
            .collect();
        println!("  {class:<18} {}", cells.join("  "));
    }
    let mut totals = BTreeMap::new();
    for set in &sets {
        let (r, f, n) = tally(
            outcomes
                .iter()
                .filter(|(row, _)| row.set == *set)
                .map(|(_, o)| o),
        );
        println!("  {:<18} {set} {r}/{n} ({f})", "all");
        totals.insert(set.clone(), (r, n));
    }
    // What this version reaches (measured; see benches/README.md): a ranking change that loses
    // a query fails here. The target for the held-out rows is 95 % (38 of 40).
    let floors = [("tune", 19), ("heldout", 34)];
    for (set, floor) in floors {
        if let Some(&(right, n)) = totals.get(set) {
            assert!(
                right >= floor,
                "{set}: {right}/{n} right, at least {floor} expected"
            );
        }
    }
    // Tune rows one by one.
    for (row, o) in outcomes.iter().filter(|(row, _)| row.set == "tune") {
        if o.right {
            continue;
        }
        println!(
            "  tune {} {} `{}`: first at {:?}, missing {:?}, top {:?}",
            row.id,
            row.class,
            row.query,
            o.rank_of_first,
            o.missing,
            o.top.iter().take(5).collect::<Vec<_>>()
        );
    }
}
