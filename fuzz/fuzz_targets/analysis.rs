//! Every analysis of the report on any scenario the loader accepts, for each year it names.
#![no_main]

use geodep::analysis::{alignment, coalition, dependence, flags, network};

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let Some(scenario) = geodep::io::load_bytes(bytes).scenario else { return };
    let Some(year) = scenario.latest_year() else { return };
    let _ = dependence::dependences(&scenario, year);
    let _ = flags::flags(&scenario, year);
    let _ = network::tie_network(&scenario, year);
    for target in coalition::targets(&scenario, year) {
        let _ = coalition::coalition(&scenario, &target, year);
        let _ = alignment::agreement_with(&scenario, &target);
    }
    let _ = geodep::analysis::diff::diff_years(&scenario, year - 1, year);
});
