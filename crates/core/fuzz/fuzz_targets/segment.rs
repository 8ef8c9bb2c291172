//! Fuzz target: normalization maps back to character boundaries and is idempotent; grams and
//! query words slice back to the normalized text.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use zhengce_core::segment::{grams, normalize, Analyzer};

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::default);

fuzz_target!(|text: &str| {
    let n = normalize(text);
    for (i, c) in n.text.char_indices() {
        let r = n.original_range(text, i..i + c.len_utf8());
        assert!(r.start <= r.end && r.end <= text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    }
    assert_eq!(normalize(&n.text).text, n.text);
    for g in grams(&n.text) {
        assert_eq!(&n.text[g.start..g.start + g.text.len()], g.text);
    }
    for w in ANALYZER.query_words(&n.text) {
        assert_eq!(&n.text[w.start..w.end], w.text);
    }
});
