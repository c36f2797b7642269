//! Building and writing out every slide of any scenario the loader accepts (as SVG; PNG rendering is left to
//! the tests, as it is slow for a fuzzer).
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let Some(scenario) = geodep::io::load_bytes(bytes).scenario else { return };
    let deck = geodep::slide::Deck::new(&scenario);
    for index in 0..deck.step_count().min(8) {
        if let Some(slide) = deck.slide(index, 640, 360) {
            let _ = geodep::slide::svg::to_svg(&slide);
        }
    }
});
