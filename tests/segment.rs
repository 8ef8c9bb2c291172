//! Segmentation is identical at index time (jieba with the whole dictionary) and at query time
//! (jieba holding only the dictionary words inside the query).

use zhengce_core::ingest::{read, walk};
use zhengce_core::segment::{normalize, Analyzer, HMM};

use crate::util::corpus;

#[test]
fn query_time_cut_equals_index_time_cut_on_the_corpus() {
    let analyzer = Analyzer::default();
    let full = analyzer.jieba();
    let (files, _) = walk(&corpus(), None);
    let mut lines = 0;
    for file in &files {
        let doc = read(file).unwrap();
        let text = normalize(&doc.body).text;
        for line in text.lines().filter(|l| !l.is_empty()) {
            let small = analyzer.dictionary().jieba_for(line);
            let words = |j: &jieba_rs::Jieba| -> Vec<String> {
                j.cut(line, HMM).iter().map(|t| t.word.to_owned()).collect()
            };
            let search = |j: &jieba_rs::Jieba| -> Vec<String> {
                j.cut_for_search(line, HMM)
                    .iter()
                    .map(|t| t.word.to_owned())
                    .collect()
            };
            assert_eq!(words(&full), words(&small), "cut of {line}");
            assert_eq!(search(&full), search(&small), "search cut of {line}");
            lines += 1;
        }
    }
    assert!(lines > 300, "{lines} lines compared");
}
