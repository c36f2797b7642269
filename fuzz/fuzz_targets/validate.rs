//! The validator on any scenario ron can read, valid or not (the loader only validates what parses whole).
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let options = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    if let Ok(scenario) = options.from_str::<geodep::model::Scenario>(text) {
        let _ = geodep::validate::validate(&scenario);
    }
});
