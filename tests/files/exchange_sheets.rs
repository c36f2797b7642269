//! CSV sheets, Eurostat tables and wide tables: each fixture imports to the exact records and report notes
//! computed by hand, and every bundled scenario goes to sheets and back unchanged.

use geodep::exchange::{self, ImportMapping, InputFile, NoteKind, WideTable, csv_sheets};
use geodep::model::*;
use proptest::prelude::*;

fn fixture(name: &str) -> InputFile {
    let path = format!("{}/tests/fixtures/exchange/{name}", env!("CARGO_MANIFEST_DIR"));
    InputFile { name: name.to_owned(), bytes: std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}")) }
}

fn notes(report: &exchange::FileReport) -> Vec<(NoteKind, String, String)> {
    report.notes.iter().map(|note| (note.kind, note.place.clone(), note.message.clone())).collect()
}

fn has_note(report: &exchange::FileReport, kind: NoteKind, place: &str, message_part: &str) -> bool {
    report.notes.iter().any(|note| note.kind == kind && note.place == place && note.message.contains(message_part))
}

/// (supplier, consumer, year, share, volume, certainty) of a flow, for exact comparisons.
type FlowRow = (String, String, Option<i32>, f64, Option<Volume>, Certainty);

fn flows(scenario: &Scenario) -> Vec<FlowRow> {
    scenario
        .energy
        .iter()
        .map(|flow| (flow.supplier.clone(), flow.consumer.clone(), flow.year, flow.share, flow.volume, flow.certainty))
        .collect()
}

fn flow_row(
    supplier: &str,
    consumer: &str,
    year: i32,
    share: f64,
    volume: Option<Volume>,
    certainty: Certainty,
) -> FlowRow {
    (supplier.to_owned(), consumer.to_owned(), Some(year), share, volume, certainty)
}

#[test]
fn a_sheet_libreoffice_wrote_in_a_german_locale_reads_its_decimal_commas() {
    let imported = exchange::import_one(&fixture("libreoffice-calc-de-energy.csv"), &ImportMapping::default());
    assert_eq!(
        flows(&imported.scenario),
        vec![
            flow_row("RUS", "SRB", 2023, 0.85, None, Certainty::Stated),
            flow_row("AZE", "SRB", 2023, 0.1, None, Certainty::Stated),
        ]
    );
    assert_eq!(imported.scenario.energy[0].via, ["BGR", "TUR"]);
    assert_eq!(imported.scenario.energy[0].sources, ["s1"]);
    // The volume column is not one of the sheet's (a volume is written `volume` with a `unit` column).
    assert!(has_note(&imported.report, NoteKind::Skipped, "column \"volume_bcm\"", ""));
}

// ---- Eurostat ----

#[test]
fn a_synthetic_eurostat_tsv_gives_shares_of_the_total_row_without_aggregates() {
    let imported = exchange::import_one(&fixture("synthetic-eurostat.tsv"), &ImportMapping::default());
    let report = &imported.report;
    assert_eq!(report.refused, None);
    // 2021: TOTAL 1000 = NO 600 + RU 300 + DZ 100 (e); 2022: TOTAL 800 (p), NO 400 (p), RU missing, DZ 200.
    let bcm = |amount| Some(Volume(amount, Unit::Bcm));
    assert_eq!(
        flows(&imported.scenario),
        vec![
            flow_row("DZA", "XA", 2021, 0.1, bcm(0.1), Certainty::Estimate),
            flow_row("NOR", "XA", 2021, 0.6, bcm(0.6), Certainty::Stated),
            flow_row("RUS", "XA", 2021, 0.3, bcm(0.3), Certainty::Stated),
            flow_row("DZA", "XA", 2022, 0.25, bcm(0.2), Certainty::Stated),
            flow_row("NOR", "XA", 2022, 0.5, bcm(0.4), Certainty::Estimate),
        ]
    );
    let flow = &imported.scenario.energy[0];
    assert_eq!(flow.commodity, Commodity::Gas);
    assert_eq!(flow.basis, ShareBasis::Imports);
    // No dataset code in the file or its name: the source is "eurostat", and the report asks to complete it.
    assert_eq!(flow.sources, vec!["eurostat".to_owned()]);
    assert!(has_note(report, NoteKind::Changed, "", "the dataset code is unknown"));
    assert_eq!(flow.note.as_deref(), Some("Eurostat flags: e (estimated)"));
    assert!(has_note(report, NoteKind::Skipped, "unit TJ_GCV", "the same imports of G3000 as in MIO_M3"));
    assert!(has_note(report, NoteKind::Skipped, "geo EU27_2020", "is an aggregate, not an importer"));
    assert!(has_note(report, NoteKind::Skipped, "partner NSP", "never a supplier"));
    assert!(has_note(report, NoteKind::Skipped, "partner EU27_2020", "never a supplier"));
    assert!(has_note(report, NoteKind::Skipped, "XA from RU, 2022", "1 of 1 values missing (:)"));
    assert!(has_note(report, NoteKind::Changed, "XA from NO, 2022", "Eurostat flags: p (provisional)"));
    assert!(has_note(report, NoteKind::Changed, "", "5 share(s) are of the importer's TOTAL row"));
    assert!(has_note(report, NoteKind::Changed, "", "became bcm: divided by 1000"));
    assert!(has_note(report, NoteKind::Changed, "code XA", "not a country code"));
    assert!(!imported.scenario.actors.iter().any(|actor| actor.id.contains("EU") || actor.id == "NSP"));
    let names: Vec<(&str, &str)> =
        imported.scenario.actors.iter().map(|actor| (actor.id.as_str(), actor.name.as_str())).collect();
    assert_eq!(names, vec![("DZA", "Algeria"), ("XA", "XA"), ("NOR", "Norway"), ("RUS", "Russian Federation")]);
}

#[test]
fn a_synthetic_sdmx_csv_cites_its_dataset_dated_by_last_update() {
    let imported = exchange::import_one(&fixture("synthetic-eurostat-sdmx.csv"), &ImportMapping::default());
    let mt = |amount| Some(Volume(amount, Unit::Mt));
    // No TOTAL row: shares of US 600 + AU 300 (p) + CO 100 = 1000; ZA missing and confidential.
    assert_eq!(
        flows(&imported.scenario),
        vec![
            flow_row("AUS", "XA", 2022, 0.3, mt(0.3), Certainty::Estimate),
            flow_row("COL", "XA", 2022, 0.1, mt(0.1), Certainty::Stated),
            flow_row("USA", "XA", 2022, 0.6, mt(0.6), Certainty::Stated),
        ]
    );
    assert_eq!(imported.scenario.energy[0].commodity, Commodity::Coal);
    let source = &imported.scenario.sources[0];
    assert_eq!(source.id, "eurostat-nrg_ti_sff");
    assert_eq!(source.title, "Eurostat: Imports of solid fossil fuels by partner country");
    assert_eq!(source.publisher.as_deref(), Some("Eurostat"));
    assert_eq!(source.date.as_deref(), Some("2024-03-28"));
    assert_eq!(source.url.as_deref(), Some("https://ec.europa.eu/eurostat/databrowser/view/nrg_ti_sff/default/table"));
    let report = &imported.report;
    assert!(has_note(report, NoteKind::Skipped, "partner EXT_EU27_2020", "never a supplier"));
    assert!(has_note(report, NoteKind::Skipped, "XA from ZA, 2022", "1 of 1 values missing (:)"));
    assert!(has_note(report, NoteKind::Changed, "", "3 share(s) are of the sum over the named partners"));
    assert!(has_note(report, NoteKind::Changed, "", "dated 2024-03-28, the table's LAST UPDATE"));
}

#[test]
fn the_retrieval_date_of_the_mapping_dates_the_source_and_codes_can_be_kept() {
    let mut mapping = ImportMapping::default();
    mapping.eurostat.retrieved = Some("2025-01-31".to_owned());
    mapping.eurostat.keep_eurostat_codes = true;
    mapping.eurostat.years = vec![2021];
    let imported = exchange::import_one(&fixture("synthetic-eurostat.tsv"), &mapping);
    assert_eq!(imported.scenario.sources[0].date.as_deref(), Some("2025-01-31"));
    let suppliers: Vec<&str> = imported.scenario.energy.iter().map(|flow| flow.supplier.as_str()).collect();
    assert_eq!(suppliers, vec!["DZ", "NO", "RU"]);
    assert_eq!(
        imported.scenario.actors.iter().find(|actor| actor.id == "NO").map(|actor| actor.name.as_str()),
        Some("Norway")
    );
}

#[test]
fn the_real_eurostat_extract_gives_russian_shares_of_each_importers_total() {
    let imported = exchange::import_one(&fixture("eurostat-nrg_ti_gasm-extract.tsv"), &ImportMapping::default());
    assert_eq!(imported.report.format, Some(exchange::InputFormat::EurostatTsv));
    // Hand-summed from the 12 monthly values of each row (million m³): RU ÷ TOTAL.
    let expected = [
        ("BGR", 2021, 11905.058, 12777.218),
        ("BGR", 2022, 11864.683, 15360.960),
        ("DEU", 2021, 57963.018, 154452.948),
        ("DEU", 2022, 29132.611, 133624.219),
        ("FIN", 2021, 1965.0, 2630.0),
        ("FIN", 2022, 708.0, 1418.94),
        ("LVA", 2021, 1851.995, 2013.083),
        ("LVA", 2022, 477.238, 1915.93),
    ];
    assert_eq!(imported.scenario.energy.len(), expected.len());
    for (flow, (consumer, year, russian, total)) in imported.scenario.energy.iter().zip(expected) {
        assert_eq!((flow.supplier.as_str(), flow.consumer.as_str(), flow.year), ("RUS", consumer, Some(year)));
        assert!((flow.share - russian / total).abs() < 1e-9, "{consumer} {year}: {}", flow.share);
        let Some(Volume(bcm, Unit::Bcm)) = flow.volume else { panic!("no volume in bcm") };
        assert!((bcm - russian / 1000.0).abs() < 1e-9);
        assert_eq!(flow.note, None);
    }
    assert_eq!(imported.scenario.sources[0].id, "eurostat-nrg_ti_gasm");
    assert!(has_note(&imported.report, NoteKind::Changed, "", "8 share(s) are of the importer's TOTAL row"));
}

// ---- Wide tables ----

fn wide_mapping(unit: Option<Unit>) -> ImportMapping {
    ImportMapping {
        wide_table: Some(WideTable {
            importer: "SRB".to_owned(),
            commodity: Commodity::Gas,
            unit,
            date_column: None,
            ignore_columns: Vec::new(),
        }),
        ..ImportMapping::default()
    }
}

/// What the report says of a supplier column whose header is no country code.
const NOT_A_COUNTRY_CODE: &str = "not an ISO 3166 alpha-3 country code: it became a State actor; change its kind in \
                                  the Data tab if it is a route, a company or a bloc";

#[test]
fn a_wide_table_sums_months_to_a_partial_year() {
    let imported = exchange::import_one(&fixture("synthetic-wide-monthly.csv"), &wide_mapping(Some(Unit::Bcm)));
    // Norway 60 + 30 = 90, Algeria 40 + 70 = 110, of 200; the Total column is not a supplier.
    assert_eq!(
        flows(&imported.scenario),
        vec![
            flow_row("Norway", "SRB", 2023, 0.45, Some(Volume(90.0, Unit::Bcm)), Certainty::Stated),
            flow_row("Algeria", "SRB", 2023, 0.55, Some(Volume(110.0, Unit::Bcm)), Certainty::Stated),
        ]
    );
    assert_eq!(imported.scenario.energy[0].note.as_deref(), Some("partial year: 2 of 12 months"));
    assert_eq!(
        notes(&imported.report),
        vec![
            (NoteKind::Skipped, "column \"Total\"".to_owned(), "a total, not a supplier".to_owned()),
            (NoteKind::Changed, "2023".to_owned(), "partial year: 2 of 12 months".to_owned()),
            (NoteKind::Changed, "column \"Norway\"".to_owned(), NOT_A_COUNTRY_CODE.to_owned()),
            (NoteKind::Changed, "column \"Algeria\"".to_owned(), NOT_A_COUNTRY_CODE.to_owned()),
        ]
    );
}

#[test]
fn a_wide_daily_table_with_day_first_dates_and_decimal_commas() {
    let mut text = String::from("Datum;TurkStream;LNG\n");
    for day in 1..=365 {
        let (month, day_of_month) = month_and_day(day);
        text.push_str(&format!("{day_of_month:02}.{month:02}.2023;3,0;1,0\n"));
    }
    text.push_str("01.01.2024;1;1\nnot a date;1;1\n");
    let file = InputFile { name: "daily.csv".to_owned(), bytes: text.into_bytes() };
    let imported = exchange::import_one(&file, &wide_mapping(None));
    assert_eq!(
        flows(&imported.scenario),
        vec![
            flow_row("TurkStream", "SRB", 2023, 0.75, None, Certainty::Stated),
            flow_row("LNG", "SRB", 2023, 0.25, None, Certainty::Stated),
            flow_row("TurkStream", "SRB", 2024, 0.5, None, Certainty::Stated),
            flow_row("LNG", "SRB", 2024, 0.5, None, Certainty::Stated),
        ]
    );
    assert_eq!(imported.scenario.energy[0].note, None);
    assert_eq!(imported.scenario.energy[2].note.as_deref(), Some("partial year: 1 of 366 days"));
    assert!(has_note(&imported.report, NoteKind::Skipped, "row 368", "\"not a date\" is not a date"));
}

fn month_and_day(day_of_year: u32) -> (u32, u32) {
    let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut left = day_of_year;
    for (month, length) in lengths.iter().enumerate() {
        if left <= *length {
            return (month as u32 + 1, left);
        }
        left -= length;
    }
    (12, 31)
}

// ---- CSV sheets as spreadsheet programs write them ----

#[test]
fn a_libreoffice_sheet_with_semicolons_decimal_commas_and_percentages() {
    let imported = exchange::import_one(&fixture("libreoffice-energy.csv"), &ImportMapping::default());
    let energy = &imported.scenario.energy;
    assert_eq!(energy.len(), 2);
    assert_eq!((energy[0].share, energy[0].volume), (0.85, Some(Volume(2.2, Unit::Bcm))));
    assert_eq!(energy[0].via, vec!["BGR".to_owned(), "TUR".to_owned()]);
    assert_eq!(energy[0].sources, vec!["s1".to_owned()]);
    assert_eq!((energy[1].supplier.as_str(), energy[1].share, energy[1].volume), ("AZE", 0.125, None));
    assert_eq!(
        notes(&imported.report),
        vec![
            (
                NoteKind::Skipped,
                "column \"colour\"".to_owned(),
                "not a column of the energy sheet; its cells were not imported".to_owned()
            ),
            (NoteKind::Skipped, "row 4".to_owned(), "share \"lots\" is not a number".to_owned()),
        ]
    );
}

#[test]
fn an_excel_sheet_with_bom_crlf_and_quoted_newlines() {
    let imported = exchange::import_one(&fixture("excel-actors.csv"), &ImportMapping::default());
    let actors = &imported.scenario.actors;
    assert_eq!(actors.len(), 2);
    assert_eq!(actors[0].note.as_deref(), Some("Candidate, since 2012"));
    assert_eq!(actors[0].groups, vec!["Western Balkans".to_owned()]);
    assert_eq!(actors[1].note.as_deref(), Some("Member of the EU\r\nand NATO"));
    assert_eq!(actors[1].groups, vec!["EU".to_owned(), "NATO".to_owned()]);
    assert_eq!(notes(&imported.report), vec![(NoteKind::Skipped, "row 4".to_owned(), "no name".to_owned())]);
}

#[test]
fn ragged_rows_and_unknown_headers_are_reported() {
    let text = "by,target,stance,year\nEU,RUS,Imposes,2022,extra\nSRB,RUS\n";
    let imported =
        exchange::import_one(&InputFile { name: "x.csv".to_owned(), bytes: text.into() }, &ImportMapping::default());
    assert_eq!(imported.scenario.sanctions.len(), 1);
    assert_eq!(
        notes(&imported.report),
        vec![
            (
                NoteKind::Changed,
                "row 2".to_owned(),
                "5 cells where the header has 4; the extra cells were left out".to_owned()
            ),
            (
                NoteKind::Skipped,
                "row 3".to_owned(),
                "stance \"\" is not one of Imposes, Aligns, Partial, Refuses, Opposes".to_owned()
            ),
        ]
    );
    let unknown = exchange::import_one(
        &InputFile { name: "x.csv".to_owned(), bytes: b"foo,bar\n1,2\n".to_vec() },
        &ImportMapping::default(),
    );
    assert!(unknown.report.refused.as_deref().is_some_and(|why| why.contains("not those of any sheet")));
}

#[test]
fn the_file_name_tells_the_kind_when_headers_do_not() {
    let file = InputFile { name: "serbia-layout.csv".to_owned(), bytes: b"actor,x\nSRB,1\n".to_vec() };
    let imported = exchange::import_one(&file, &ImportMapping::default());
    assert_eq!(imported.report.refused.as_deref(), Some("a layout sheet needs the column(s) y"));
}

#[test]
fn latin1_and_utf16_sheets_are_decoded() {
    let latin1 = b"id,name,kind\nCIV,C\xf4te d'Ivoire,State\n".to_vec();
    let imported =
        exchange::import_one(&InputFile { name: "a.csv".to_owned(), bytes: latin1 }, &ImportMapping::default());
    assert_eq!(imported.scenario.actors[0].name, "Côte d'Ivoire");
    assert!(imported.report.notes[0].message.contains("read as Latin-1"));
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("id\tname\tkind\r\nSRB\tСрбија\tState\r\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let imported =
        exchange::import_one(&InputFile { name: "a.txt".to_owned(), bytes: utf16 }, &ImportMapping::default());
    assert_eq!(imported.scenario.actors[0].name, "Србија");
}

#[test]
fn a_hundred_thousand_row_sheet_imports_every_row() {
    let mut text = String::from("supplier,consumer,commodity,share,year\n");
    for row in 0..100_000 {
        text.push_str(&format!("S{},C{},Gas,0.5,{}\n", row % 100, row % 37, 2000 + row % 20));
    }
    // How long it takes is measured by `cargo bench --bench import`, not here.
    let imported = exchange::import_one(
        &InputFile { name: "big.csv".to_owned(), bytes: text.into_bytes() },
        &ImportMapping::default(),
    );
    assert_eq!(imported.scenario.energy.len(), 100_000);
    assert_eq!(imported.report.mapped.get("energy flows"), Some(&100_000));
    assert_eq!(imported.scenario.energy[99_999].supplier, "S99");
}

// ---- Round trips ----

fn sheets_back(scenario: &Scenario) -> Scenario {
    let files: Vec<InputFile> = csv_sheets::export(scenario)
        .into_iter()
        .map(|sheet| InputFile { name: format!("scenario-{}.csv", sheet.kind), bytes: sheet.text.into_bytes() })
        .collect();
    let (back, report) = exchange::import(&files, &ImportMapping::default(), &mut |_| {});
    for file in &report.files {
        assert_eq!(file.notes, vec![], "{}", file.name);
        assert_eq!(file.refused, None, "{}", file.name);
    }
    back
}

fn assert_same_records(original: &Scenario, back: &Scenario) {
    // Dated memberships have no sheet: a bloc's `members` are kept, its `memberships` are not.
    let mut kept = original.actors.clone();
    kept.iter_mut().for_each(|actor| actor.memberships.clear());
    assert_eq!(back.actors, kept);
    assert_eq!(back.energy, original.energy);
    assert_eq!(back.sanctions, original.sanctions);
    assert_eq!(back.ties, original.ties);
    assert_eq!(back.votes, original.votes);
    assert_eq!(back.events, original.events);
    assert_eq!(back.layout, original.layout);
    // The import may add a source for records that cited none; every original source comes back as it was.
    assert_eq!(back.sources[..original.sources.len()], original.sources[..]);
}

#[test]
fn every_bundled_scenario_goes_to_sheets_and_back_unchanged() {
    let folder = format!("{}/scenarios", env!("CARGO_MANIFEST_DIR"));
    let mut seen = 0;
    for entry in std::fs::read_dir(&folder).expect("scenarios folder") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|extension| extension != "ron") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("readable scenario");
        let scenario = geodep::io::load_text(&text).scenario.expect("a valid bundled scenario");
        assert_same_records(&scenario, &sheets_back(&scenario));
        seen += 1;
    }
    assert!(seen >= 4, "only {seen} scenarios");
}

#[test]
fn export_writes_the_documented_headers_with_bom_and_crlf() {
    let scenario = Scenario::default();
    let sheets = csv_sheets::export(&scenario);
    let kinds: Vec<&str> = sheets.iter().map(|sheet| sheet.kind).collect();
    assert_eq!(kinds, vec!["actors", "sources"]);
    assert_eq!(
        sheets[0].text,
        "\u{feff}id,name,local_name,kind,lat,lon,region,subregion,groups,members,note,sources\r\n"
    );
}

fn text() -> impl Strategy<Value = String> {
    prop::string::string_regex("[a-zA-Z0-9 \",;\n\tčćЧВ%|-]{0,16}").expect("a regex")
}

fn optional_text() -> impl Strategy<Value = Option<String>> {
    // An empty cell reads back as no value, so a generated value is never empty or padded.
    prop::option::of(
        text().prop_filter_map("non-empty", |text| Some(text.trim().to_owned()).filter(|text| !text.is_empty())),
    )
}

fn id() -> impl Strategy<Value = String> {
    prop::string::string_regex("[A-Z]{3}").expect("a regex")
}

prop_compose! {
    fn energy_flow()(
        supplier in id(), consumer in id(), share in 0.0..=1.0f64, volume in prop::option::of(0.0..1e6f64),
        via in prop::collection::vec(id(), 0..3), year in prop::option::of(1990..2040i32),
        route in optional_text(), note in optional_text(), estimate in any::<bool>(),
    ) -> EnergyFlow {
        EnergyFlow {
            supplier, consumer, commodity: Commodity::Oil, share, basis: ShareBasis::Imports,
            volume: volume.map(|amount| Volume(amount, Unit::Mt)), via, route, year, from: None, until: None,
            certainty: if estimate { Certainty::Estimate } else { Certainty::Stated }, note,
            sources: vec!["s".to_owned()],
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn generated_flows_go_to_a_sheet_and_back(energy in prop::collection::vec(energy_flow(), 0..8)) {
        let scenario = Scenario { energy, ..Scenario::default() };
        let files: Vec<InputFile> = csv_sheets::export(&scenario)
            .into_iter()
            .map(|sheet| InputFile { name: format!("p-{}.csv", sheet.kind), bytes: sheet.text.into_bytes() })
            .collect();
        let mut back = Vec::new();
        for file in &files {
            back.extend(exchange::import_one(file, &ImportMapping::default()).scenario.energy);
        }
        prop_assert_eq!(back, scenario.energy);
    }
}

#[test]
fn the_mappings_id_renames_apply_everywhere_at_once() {
    let actors = "id,name,kind\nEL,Greece,State\nRS,Serbia,State\n";
    let energy = "supplier,consumer,commodity,share,year,via\nEL,RS,Gas,0.5,2023,EL\n";
    let files = [
        InputFile { name: "actors.csv".to_owned(), bytes: actors.as_bytes().to_vec() },
        InputFile { name: "energy.csv".to_owned(), bytes: energy.as_bytes().to_vec() },
    ];
    let mapping = ImportMapping::from_ron(r#"(actor_ids: {"EL": "GRC", "RS": "SRB"})"#).unwrap();
    let (scenario, _) = exchange::import(&files, &mapping, &mut |_| {});
    let ids: Vec<&str> = scenario.actors.iter().map(|actor| actor.id.as_str()).collect();
    assert_eq!(ids, ["GRC", "SRB"]);
    let flow = &scenario.energy[0];
    assert_eq!(
        (flow.supplier.as_str(), flow.consumer.as_str(), flow.via.as_slice()),
        ("GRC", "SRB", &["GRC".to_owned()][..])
    );
}
