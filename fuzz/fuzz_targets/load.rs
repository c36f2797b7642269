//! The loader on any bytes: it must return a report, never panic, hang or take memory out of proportion.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let _ = geodep::io::load_bytes(bytes);
});
