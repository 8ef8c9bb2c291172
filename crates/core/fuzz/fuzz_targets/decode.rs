//! Fuzz target: decoding bytes never panics, and decoded text is never blank.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhengce_core::ingest::decode;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(decoded) = decode(bytes) {
        assert!(!decoded.text.trim().is_empty());
    }
});
