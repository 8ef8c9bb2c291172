//! Fuzz target: citation extraction never panics, and every span is on character boundaries
//! and holds what the citation says it does.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhengce_core::cite::extract;

fuzz_target!(|text: &str| {
    for c in extract(text) {
        let [start, end] = c.span;
        assert!(start < end && end <= text.len());
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        let span = &text[start..end];
        if c.inferred || c.nested {
            assert_eq!(span, c.raw);
        } else {
            assert!(span.starts_with('《') && span.ends_with('》'), "{span}");
        }
    }
});
