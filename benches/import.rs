//! Import speed on large inputs, each beside a bare parse of the same bytes (the floor any importer pays):
//! a 100,000-row energy sheet beside the `csv` crate reading its records, and a GEXF of about 50 MB (the export
//! of a large scenario) beside `quick-xml` reading its events. Run with `cargo bench --bench import`; it prints
//! the median of five runs of each and the ratio.

use std::hint::black_box;
use std::time::{Duration, Instant};

use geodep::exchange::{self, ImportMapping, InputFile};

mod common;

fn main() {
    let sheet = energy_sheet(100_000);
    println!("{:<44} {:>10} {:>12} {:>7}", "input", "import", "bare parse", "ratio");
    let import = median(|| exchange::import_one(black_box(&sheet), &ImportMapping::default()));
    let bare = median(|| bare_csv(black_box(&sheet.bytes)));
    report(&format!("energy sheet, 100,000 rows ({:.1} MB)", megabytes(&sheet)), import, bare);

    let gexf = large_gexf();
    let import = median(|| exchange::import_one(black_box(&gexf), &ImportMapping::default()));
    let bare = median(|| bare_xml(black_box(&gexf.bytes)));
    report(&format!("GEXF 1.3 export ({:.1} MB)", megabytes(&gexf)), import, bare);
}

fn report(what: &str, import: Duration, bare: Duration) {
    let ratio = import.as_secs_f64() / bare.as_secs_f64().max(1e-9);
    println!("{what:<44} {:>8.0} ms {:>9.0} ms {ratio:>6.1}×", millis(import), millis(bare));
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn megabytes(file: &InputFile) -> f64 {
    file.bytes.len() as f64 / 1e6
}

fn median<T>(mut work: impl FnMut() -> T) -> Duration {
    let mut times: Vec<Duration> = (0..5)
        .map(|_| {
            let started = Instant::now();
            black_box(work());
            started.elapsed()
        })
        .collect();
    times.sort();
    times[2]
}

fn energy_sheet(rows: usize) -> InputFile {
    let mut text = String::from("supplier,consumer,commodity,share,year,sources\n");
    for row in 0..rows {
        text.push_str(&format!("S{},C{},Gas,0.05,{},s\n", row % 100, row % 37, 2000 + row % 20));
    }
    InputFile { name: "energy.csv".to_owned(), bytes: text.into_bytes() }
}

/// The benchmarks' large scenario (2,000 actors), its records repeated until its GEXF export is about 50 MB:
/// 60,000 energy flows and 40,000 ties.
fn large_gexf() -> InputFile {
    let mut scenario = common::large_scenario();
    let (energy, ties) = (scenario.energy.clone(), scenario.ties.clone());
    scenario.energy.extend(energy.iter().cloned());
    scenario.energy.extend(energy.iter().cloned());
    scenario.ties.extend(ties.iter().cloned());
    let positions = vec![[0.0, 0.0]; scenario.actors.len()];
    let text = exchange::gexf::export(&scenario, &positions);
    InputFile { name: "large.gexf".to_owned(), bytes: text.into_bytes() }
}

fn bare_csv(bytes: &[u8]) -> usize {
    let mut reader = csv::Reader::from_reader(bytes);
    reader.records().filter_map(Result::ok).map(|record| record.len()).sum()
}

fn bare_xml(bytes: &[u8]) -> usize {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buffer = Vec::new();
    let mut events = 0;
    loop {
        match reader.read_event_into(&mut buffer) {
            Ok(quick_xml::events::Event::Eof) | Err(_) => return events,
            Ok(_) => events += 1,
        }
        buffer.clear();
    }
}
