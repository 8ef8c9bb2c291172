//! Fuzz target: the query parser never panics, and a parsed query prints back to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhengce_core::search::parse;

fuzz_target!(|input: &str| {
    if let Ok(query) = parse(input) {
        let printed = query.to_string();
        let again = parse(&printed).expect("a printed query parses");
        assert_eq!(again, query, "{input:?} printed as {printed:?}");
    }
});
