//! The scenarios shipped inside the binary: the start screen's gallery and File → New from template. Only the
//! texts live here; parsing and drawing them belong to `io` and `ui`.

/// One scenario file from `scenarios/`, compiled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BundledScenario {
    /// The file's name in `scenarios/`, suggested again when the scenario is first saved.
    pub file_name: &'static str,
    pub text: &'static str,
}

impl BundledScenario {
    /// The name a document opened from it carries until it is saved.
    pub fn display_name(&self) -> String {
        format!("{} (bundled)", self.file_name)
    }
}

macro_rules! bundled {
    ($($file:literal),* $(,)?) => {
        [$(BundledScenario { file_name: $file, text: include_str!(concat!("../scenarios/", $file)) }),*]
    };
}

/// Every bundled scenario, the one opened at start first.
pub const BUNDLED: [BundledScenario; 5] = bundled![
    "serbia-2023.ron",
    "western-balkans-gas.ron",
    "eu-russia-energy.ron",
    "unga-ukraine-votes.ron",
    "world-2022-2023.ron",
];

/// A bundled scenario by its file name.
/// The scenario opened when GeoDep starts without a file: the first of `BUNDLED`.
pub const BUNDLED_SCENARIO: &str = BUNDLED[0].text;

pub fn find(file_name: &str) -> Option<&'static BundledScenario> {
    BUNDLED.iter().find(|bundled| bundled.file_name == file_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_bundled_scenario_is_serbia() {
        assert_eq!(BUNDLED[0].file_name, "serbia-2023.ron");
        assert_eq!(find("serbia-2023.ron"), Some(&BUNDLED[0]));
        assert_eq!(find("missing.ron"), None);
    }

    #[test]
    fn every_file_in_the_scenarios_folder_is_bundled() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios");
        let mut on_disk: Vec<String> = std::fs::read_dir(folder)
            .expect("scenarios folder")
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .filter(|name| name.ends_with(".ron"))
            .collect();
        on_disk.sort();
        let mut bundled: Vec<String> = BUNDLED.iter().map(|bundled| bundled.file_name.to_owned()).collect();
        bundled.sort();
        assert_eq!(bundled, on_disk);
    }
}
