//! Build script: compiles the segmentation dictionary (jieba's words, the project's words and the
//! short titles of the national laws) into one `fst` map, embedded in the library, so that a
//! process can segment a query without building jieba's 349,045-word trie at start-up.

// A build script reports a failure by panicking: cargo prints the message and stops the build.
#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::env;
use std::fs;
use std::path::{Path, PathBuf};

/// Frequency given to a law's short title, high enough to keep 科学技术进步法 one word and low
/// enough not to beat common splits such as 体育|法规.
const LAW_TITLE_FREQ: u64 = 3000;
/// Titles longer than this (in characters) are not added as words: they are cut into their parts.
const LAW_TITLE_MAX_CHARS: usize = 12;

fn main() {
    let dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let dict = dir.join("dict");
    let mut words: BTreeMap<String, u64> = BTreeMap::new();
    read_word_list(&dict.join("jieba.dict.txt"), &mut words, false);
    read_law_titles(&dict.join("laws.tsv"), &mut words);
    read_law_titles(&dict.join("aliases.tsv"), &mut words);
    read_word_list(&dict.join("zhengce.dict.txt"), &mut words, true);

    let total: u64 = words.values().sum();
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut builder = fst::MapBuilder::memory();
    for (word, freq) in &words {
        builder
            .insert(word, *freq)
            .expect("keys are sorted and unique");
    }
    let bytes = builder.into_inner().expect("in-memory fst");
    fs::write(out.join("words.fst"), bytes).expect("write words.fst");
    fs::write(
        out.join("words_meta.rs"),
        format!("/// Sum of all word frequencies.\npub const TOTAL_FREQ: u64 = {total};\n"),
    )
    .expect("write words_meta.rs");
    for name in [
        "jieba.dict.txt",
        "zhengce.dict.txt",
        "laws.tsv",
        "aliases.tsv",
    ] {
        println!("cargo:rerun-if-changed=dict/{name}");
    }
}

/// Reads `word freq [tag]` lines. A later list overrides an earlier one when `overrides` is set;
/// otherwise duplicates (after folding) keep the larger frequency.
fn read_word_list(path: &Path, words: &mut BTreeMap<String, u64>, overrides: bool) {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split_whitespace();
        let word = fold(parts.next().unwrap_or_default());
        let freq: u64 = match parts.next() {
            Some(f) => f
                .parse()
                .unwrap_or_else(|_| panic!("{}:{}: bad frequency", path.display(), n + 1)),
            None => panic!(
                "{}:{}: a word needs an explicit frequency",
                path.display(),
                n + 1
            ),
        };
        insert(words, word, freq, overrides);
    }
}

/// Adds the short titles of the laws in `laws.tsv` (column `short`, else `title`), or the
/// abbreviations of `aliases.tsv` (column `alias`).
fn read_law_titles(path: &Path, words: &mut BTreeMap<String, u64>) {
    let Ok(text) = fs::read_to_string(path) else {
        return;
    };
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name);
    let (Some(title), Some(short)) = (col("title"), col("short").or(col("alias"))) else {
        panic!(
            "{}: needs columns title and short (or alias)",
            path.display()
        );
    };
    for line in lines {
        let cells: Vec<&str> = line.split('\t').collect();
        for cell in [cells.get(short), cells.get(title)].into_iter().flatten() {
            // 中华人民共和国X法 is cut into 中华人民共和国 | X法, so both parts stay words.
            if cell.starts_with("中华人民共和国") {
                continue;
            }
            let word = fold(cell);
            if !word.is_empty() && word.chars().count() <= LAW_TITLE_MAX_CHARS {
                insert(words, word, LAW_TITLE_FREQ, false);
            }
        }
    }
}

fn insert(words: &mut BTreeMap<String, u64>, word: String, freq: u64, overrides: bool) {
    if word.is_empty() {
        return;
    }
    let entry = words.entry(word).or_insert(freq);
    *entry = if overrides { freq } else { (*entry).max(freq) };
}

/// The same folding as `segment::normalize` applies to text: full-width ASCII to half-width,
/// ASCII upper case to lower case.
fn fold(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .map(|c| c.to_ascii_lowercase())
        .collect()
}
