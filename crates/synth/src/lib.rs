//! zhengce-synth: deterministic synthetic Chinese policy documents, for zhengce's benches.
//!
//! Each document is a function of `(seed, index)` alone: a work summary (工作总结), an annual
//! report (年度报告), a county measure (管理办法 with 第一章/第一条) or a notice (通知), set in one
//! of twenty counties, issued by one of eighteen bureaus, dated 2016–2025, citing laws of the
//! bureau's field from the project's law dictionary (`crates/core/dict/laws.tsv`) in 《》 — full
//! and short titles, abbreviations, some nested in 〈〉, some pinned to an article (第十二条) — with
//! 学习/宣传/落实/制定 verbs and a 下一步打算 section of planned work.
//!
//! ```
//! let (path, text) = zhengce_synth::generate(7, 0);
//! assert!(path.ends_with(".txt") || path.ends_with(".md"));
//! assert!(text.contains('《'));
//! assert_eq!(zhengce_synth::generate(7, 0), (path, text)); // the same every time
//! ```

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

mod compose;
mod laws;
mod rng;
pub mod vocab;

use std::io;
use std::path::Path;

pub use compose::{cn_number, cn_year};
pub use laws::{catalog, Catalog, Law};
pub use rng::Rng;

/// The kind of a generated document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// 工作总结: work done under 一、/（一） headings, problems, 下一步打算.
    Summary,
    /// 年度报告: as a summary, with a section on the first responsible person's duties.
    AnnualReport,
    /// A county measure (管理办法, 实施细则 …) issued by a notice: chapters and articles.
    Measure,
    /// 通知: an activity's theme, time, content and requirements.
    Notice,
}

/// One generated document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Path relative to the folder: `省/县/年/000123-标题.txt` (`.md` for Markdown).
    pub path: String,
    /// Its title.
    pub title: String,
    /// The text (UTF-8).
    pub text: String,
    /// The kind.
    pub kind: Kind,
    /// The year it is set in.
    pub year: u32,
    /// Book-title marks in the text: each 《…》 and each 〈…〉 nested in one. Every one is a
    /// citation that an extractor should find.
    pub marks: usize,
}

/// Document `index` of the set `seed`: its relative path and text.
pub fn generate(seed: u64, index: u64) -> (String, String) {
    let d = document(seed, index);
    (d.path, d.text)
}

/// Document `index` of the set `seed`, with what is known about it.
pub fn document(seed: u64, index: u64) -> Document {
    let mut rng = Rng::for_document(seed, index);
    let kind = match rng.below(100) {
        0..=34 => Kind::Summary,
        35..=54 => Kind::AnnualReport,
        55..=79 => Kind::Measure,
        _ => Kind::Notice,
    };
    let writer = compose::Writer::new(rng);
    let year = writer.year();
    let place = writer.place();
    let (title, text) = writer.write(kind);
    let ext = if text.starts_with("---\n") {
        "md"
    } else {
        "txt"
    };
    let stem: String = title
        .chars()
        .filter(|c| !matches!(c, '《' | '》' | '〈' | '〉' | '“' | '”' | '/' | '\\'))
        .take(48)
        .collect();
    let path = format!(
        "{}/{}/{year}/{index:06}-{stem}.{ext}",
        place.province, place.county
    );
    let marks = text.matches('《').count() + text.matches('〈').count();
    Document {
        path,
        title,
        text,
        kind,
        year,
        marks,
    }
}

/// Documents `0, 1, 2 …` of the set `seed`, until their texts hold at least `total_bytes` bytes.
pub fn documents(seed: u64, total_bytes: u64) -> Vec<Document> {
    let mut out = Vec::new();
    let mut bytes = 0u64;
    let mut index = 0u64;
    while bytes < total_bytes {
        let d = document(seed, index);
        bytes += d.text.len() as u64;
        out.push(d);
        index += 1;
    }
    out
}

/// What [`write_folder`] wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FolderSummary {
    /// Files written.
    pub files: usize,
    /// Bytes of text written.
    pub bytes: u64,
    /// Book-title marks in all the files (see [`Document::marks`]).
    pub marks: usize,
}

/// Writes documents `0, 1, 2 …` of the set `seed` into `dir` (created if missing) until they
/// hold at least `total_bytes` bytes. A smaller folder of the same seed is a prefix of a larger
/// one. Existing files of the same names are replaced; nothing else in `dir` is touched.
pub fn write_folder(dir: &Path, total_bytes: u64, seed: u64) -> io::Result<FolderSummary> {
    let mut summary = FolderSummary::default();
    let mut index = 0u64;
    while summary.bytes < total_bytes {
        let d = document(seed, index);
        let path = dir.join(&d.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, d.text.as_bytes())?;
        summary.files += 1;
        summary.bytes += d.text.len() as u64;
        summary.marks += d.marks;
        index += 1;
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_deterministic_and_varied() {
        let docs = documents(7, 400_000);
        assert!(docs.len() > 20, "{}", docs.len());
        for (i, d) in docs.iter().enumerate() {
            assert_eq!(*d, document(7, i as u64));
        }
        assert_ne!(document(7, 0).text, document(8, 0).text);
        for kind in [
            Kind::Summary,
            Kind::AnnualReport,
            Kind::Measure,
            Kind::Notice,
        ] {
            assert!(docs.iter().any(|d| d.kind == kind), "{kind:?}");
        }
        let all: String = docs.iter().map(|d| d.text.as_str()).collect();
        for needle in [
            "一、",
            "（一）",
            "第一章",
            "第一条",
            "〔",
            "号\n",
            "下一步",
            "〈",
            "第",
            "条",
        ] {
            assert!(all.contains(needle), "{needle}");
        }
        let paths: std::collections::BTreeSet<&str> =
            docs.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths.len(), docs.len());
        assert!(
            docs.iter().all(|d| !d.text.contains('{')),
            "an unfilled slot"
        );
    }

    #[test]
    fn a_measure_reads_like_one() {
        let d = (0..)
            .map(|i| document(3, i))
            .find(|d| d.kind == Kind::Measure)
            .unwrap();
        assert!(d.title.contains("关于印发《"), "{}", d.title);
        assert!(d.text.contains("第一章　总则\n第一条　为了"), "{}", d.text);
        assert!(d.text.contains("附则"));
    }

    #[test]
    fn write_folder_writes_what_it_counts() {
        let tmp = std::env::temp_dir().join(format!("zhengce-synth-test-{}", std::process::id()));
        let s = write_folder(&tmp, 100_000, 1).unwrap();
        let mut bytes = 0;
        let mut files = 0;
        let mut stack = vec![tmp.clone()];
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(dir).unwrap() {
                let e = e.unwrap();
                if e.file_type().unwrap().is_dir() {
                    stack.push(e.path());
                } else {
                    files += 1;
                    bytes += e.metadata().unwrap().len();
                }
            }
        }
        std::fs::remove_dir_all(&tmp).unwrap();
        assert_eq!((files, bytes), (s.files, s.bytes));
        assert!(s.bytes >= 100_000 && s.marks > 0);
    }
}
