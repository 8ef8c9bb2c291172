//! Segmentation is identical at index time (jieba with the whole dictionary) and at query time
//! (jieba holding only the dictionary words inside the query).

use zhengce_core::ingest::{read, walk};
use zhengce_core::segment::{normalize, Analyzer};

use crate::util::corpus;

#[test]
fn query_time_cut_equals_index_time_cut_on_the_corpus() {
    let analyzer = Analyzer::default();
    let (files, _) = walk(&corpus(), None);
    let mut lines = 0;
    for file in &files {
        let doc = read(file).unwrap();
        let text = normalize(&doc.body).text;
        for line in text.lines().filter(|l| !l.is_empty()) {
            assert_eq!(
                analyzer.index_words(line),
                analyzer.query_words(line),
                "cut of {line}"
            );
            lines += 1;
        }
    }
    assert!(lines > 300, "{lines} lines compared");
}
