//! Fuzz target: the PDF reader never panics out of `extract` (a damaged file is a skip reason),
//! and its metadata is read without panicking either. The PDF library's own panics are caught
//! by the reader: the fuzzer's hook (which aborts) is told to let those through.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhengce_core::ingest::format;

fuzz_target!(
    init: {
        let abort = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !format::catching_panics() {
                abort(info);
            }
        }));
    },
    |bytes: &[u8]| {
        if let Ok(found) = format::extract("pdf", bytes) {
            let _ = format::metadata(&found, "fuzz.pdf");
        }
    }
);
