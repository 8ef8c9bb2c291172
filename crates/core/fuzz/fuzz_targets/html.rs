//! Fuzz target: the html reader never panics (a damaged file is a skip reason), and its
//! metadata is read without panicking either.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhengce_core::ingest::format;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(found) = format::extract("html", bytes) {
        let _ = format::metadata(&found, "fuzz.html");
    }
});
