//! Build script: compiles the segmentation dictionary (jieba's words, the project's words and the
//! short titles of the national laws) into one `fst` map, embedded in the library, so that a
//! process can segment a query without building jieba's 349,045-word trie at start-up.

// A build script reports a failure by panicking: cargo prints the message and stops the build.
#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/cite/title.rs"]
mod title;

/// Frequency given to a law's short title, high enough to keep 科学技术进步法 one word and low
/// enough not to beat common splits such as 体育|法规.
const LAW_TITLE_FREQ: u64 = 3000;
/// Titles longer than this (in characters) are not added as words: they are cut into their parts.
const LAW_TITLE_MAX_CHARS: usize = 12;

fn main() {
    let dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let dict = dir.join("dict");
    let mut words: BTreeMap<String, u64> = BTreeMap::new();
    // Feature `default-dict`: jieba's general words. Without it the dictionary holds only the
    // project's words and the law titles, and users bring their own words.
    if env::var_os("CARGO_FEATURE_DEFAULT_DICT").is_some() {
        read_word_list(&dict.join("jieba.dict.txt"), &mut words, false);
    }
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
    let fingerprint = fnv1a(&bytes);
    fs::write(out.join("words.fst"), bytes).expect("write words.fst");
    fs::write(
        out.join("words_meta.rs"),
        format!(
            "/// Sum of all word frequencies.\npub const TOTAL_FREQ: u64 = {total};\n\
             /// A hash of the compiled dictionary (FNV-1a of the fst bytes).\npub const FINGERPRINT: u64 = {fingerprint};\n"
        ),
    )
    .expect("write words_meta.rs");
    law_dictionary(&dict, &out);
    simplifiable_chars(&out);
    for name in [
        "jieba.dict.txt",
        "zhengce.dict.txt",
        "laws.tsv",
        "party.tsv",
        "recent.tsv",
        "aliases.tsv",
        "successors.tsv",
    ] {
        println!("cargo:rerun-if-changed=dict/{name}");
    }
}

/// Characters that `fast2s` converts only inside certain words (its `T2S_SPECIAL_CONVERT_TYPE`,
/// fast2s 0.3.1), which a character tried alone does not reveal.
const FAST2S_CONTEXT_CHARS: &[char] = &['藉', '著', '苧', '闔', '鍾', '讎', '畫'];

/// Writes `simplifiable.rs`: a bitset of the characters that `fast2s::convert` may change, so that
/// text without any of them (nearly all simplified text) skips the conversion. fast2s changes only
/// characters of three UTF-8 bytes (U+0800..U+FFFF); each is tried alone, and the characters it
/// converts only in context are added.
fn simplifiable_chars(out: &Path) {
    let mut bits = vec![0u64; 1024];
    let mut set = |u: u32| bits[(u >> 6) as usize] |= 1 << (u & 63);
    for u in 0x800..0x10000u32 {
        let Some(c) = char::from_u32(u) else { continue };
        let alone = c.to_string();
        if fast2s::convert(&alone) != alone {
            set(u);
        }
    }
    for &c in FAST2S_CONTEXT_CHARS {
        set(c as u32);
    }
    let mut src = String::from(
        "/// Bit `c % 64` of word `c / 64` is set when fast2s may change the character `c`.\n\
         static SIMPLIFIABLE: [u64; 1024] = [\n",
    );
    for word in &bits {
        writeln!(src, "    {word:#x},").expect("write to a String");
    }
    src.push_str("];\n");
    fs::write(out.join("simplifiable.rs"), src).expect("write simplifiable.rs");
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

/// FNV-1a, 64 bits: enough to tell two dictionaries apart.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// One law of the dictionary, as the build reads it.
struct Law {
    title: String,
    level: String,
    kind: String,
    region: String,
    first: String,
    latest: String,
    repealed: bool,
    successors: Vec<String>,
}

/// Compiles `laws.tsv` (with `party.tsv` and `recent.tsv`), `successors.tsv` and `aliases.tsv` into `law_entries.rs` (a static table
/// of laws) and `law_keys.fst` (canonical title or alias → index in the table), so that a process
/// resolves titles without parsing anything at start-up.
fn law_dictionary(dict: &Path, out: &Path) {
    let read =
        |name: &str| fs::read_to_string(dict.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let canon = |s: &str| title::canonicalize(s).title;
    let mut laws: Vec<Law> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    let mut aliases: BTreeMap<String, usize> = BTreeMap::new();
    // party.tsv and recent.tsv have laws.tsv's columns: their rows are appended (their comments
    // and headers left out).
    let party_rows: String = ["party.tsv", "recent.tsv"]
        .iter()
        .flat_map(|name| {
            read(name)
                .lines()
                .filter(|l| !l.starts_with('#'))
                .skip(1)
                .map(|l| format!("{l}\n"))
                .collect::<Vec<_>>()
        })
        .collect();
    let (laws_tsv, successors_tsv, aliases_tsv) = (
        format!("{}\n{party_rows}", read("laws.tsv").trim_end()),
        read("successors.tsv"),
        read("aliases.tsv"),
    );
    let mut lines = laws_tsv.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("laws.tsv: no column {name}"))
    };
    let cols = [
        "title", "short", "level", "kind", "region", "first", "latest", "status",
    ]
    .map(col);
    for line in lines {
        let cells: Vec<&str> = line.split('\t').collect();
        let cell = |i: usize| cells.get(cols[i]).copied().unwrap_or_default();
        let title = canon(cell(0));
        if title.is_empty() || index.contains_key(&title) {
            continue;
        }
        let short = canon(cell(1));
        let at = laws.len();
        if !short.is_empty() && short != title {
            aliases.entry(short).or_insert(at);
        }
        if let Some(rest) = title::without_prc(&title) {
            aliases.entry(rest.to_owned()).or_insert(at);
        }
        index.insert(title.clone(), at);
        laws.push(Law {
            title,
            level: cell(2).to_owned(),
            kind: cell(3).to_owned(),
            region: cell(4).to_owned(),
            first: cell(5).to_owned(),
            latest: cell(6).to_owned(),
            repealed: cell(7) == "repealed",
            successors: Vec::new(),
        });
    }
    // A repealed law is an entry of its own, pointing at the laws that replaced it.
    for line in successors_tsv.lines().skip(1) {
        let mut cells = line.split('\t');
        let (Some(old), Some(new)) = (cells.next(), cells.next()) else {
            continue;
        };
        let (old, new) = (canon(old), canon(new));
        let kind = index
            .get(&new)
            .map_or("law".to_owned(), |&i| laws[i].kind.clone());
        let at = match index.get(&old) {
            Some(&at) => at,
            None => {
                laws.push(Law {
                    title: old.clone(),
                    level: String::new(),
                    kind,
                    region: String::new(),
                    first: String::new(),
                    latest: String::new(),
                    repealed: true,
                    successors: Vec::new(),
                });
                index.insert(old.clone(), laws.len() - 1);
                laws.len() - 1
            }
        };
        laws[at].repealed = true;
        if !laws[at].successors.contains(&new) {
            laws[at].successors.push(new);
        }
        if let Some(rest) = title::without_prc(&old) {
            aliases.entry(rest.to_owned()).or_insert(at);
        }
    }
    // Common abbreviations, for titles already known.
    for line in aliases_tsv.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let Some((alias, full)) = line.split_once('\t') else {
            continue;
        };
        if let Some(&at) = index.get(&canon(full)) {
            aliases.insert(canon(alias), at);
        }
    }
    let mut keys = aliases;
    keys.extend(index.iter().map(|(k, &v)| (k.clone(), v)));
    let mut builder = fst::MapBuilder::memory();
    for (key, at) in &keys {
        builder
            .insert(key, *at as u64)
            .expect("keys are sorted and unique");
    }
    fs::write(
        out.join("law_keys.fst"),
        builder.into_inner().expect("in-memory fst"),
    )
    .expect("write law_keys.fst");
    let mut rs = String::from("/// The laws of the dictionary, in the order of `law_keys.fst`'s values.\npub static LAWS: &[RawLaw] = &[\n");
    for law in &laws {
        let successors: Vec<String> = law.successors.iter().map(|s| format!("{s:?}")).collect();
        writeln!(
            rs,
            "    RawLaw {{ title: {:?}, level: {:?}, kind: {:?}, region: {:?}, first: {:?}, latest: {:?}, repealed: {}, successors: &[{}] }},",
            law.title, law.level, law.kind, law.region, law.first, law.latest, law.repealed, successors.join(", ")
        )
        .expect("write to a String");
    }
    rs.push_str("];\n");
    let data = format!("{laws_tsv}\u{1f}{successors_tsv}\u{1f}{aliases_tsv}");
    writeln!(
        rs,
        "/// A hash of the three files.\npub const FINGERPRINT: u64 = {};",
        fnv1a(data.as_bytes())
    )
    .expect("write");
    fs::write(out.join("law_entries.rs"), rs).expect("write law_entries.rs");
}
