//! Fuzz target: the query parser never panics, and a parsed query prints back to itself (unless
//! the printed form, with the quotes it adds, is longer than a query may be).
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhengce_core::search::parse;
use zhengce_core::search::MAX_QUERY_CHARS;

fuzz_target!(|input: &str| {
    if let Ok(query) = parse(input) {
        let printed = query.to_string();
        if printed.chars().count() > MAX_QUERY_CHARS {
            return;
        }
        let again = parse(&printed).expect("a printed query parses");
        assert_eq!(again, query, "{input:?} printed as {printed:?}");
    }
});
