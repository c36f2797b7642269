//! Loading and checking speed: the bundled scenario, and a synthetic scenario the size of a large study
//! (2,000 actors, 20,000 energy flows and ties). Run with `cargo bench --bench load`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use geodep::io::{load_text, to_canonical_text};
mod common;

use common::large_scenario;

fn loading(criterion: &mut Criterion) {
    let bundled = geodep::library::BUNDLED_SCENARIO;
    criterion.bench_function("load bundled serbia-2023 (parse, index, validate)", |bench| {
        bench.iter(|| load_text(black_box(bundled)))
    });
    let large_text = to_canonical_text(&large_scenario());
    let mut group = criterion.benchmark_group("large scenario: 2,000 actors, 20,000 flows, 20,000 ties");
    group.sample_size(10);
    group.bench_function("load", |bench| bench.iter(|| load_text(black_box(&large_text))));
    let large = large_scenario();
    group.bench_function("validate", |bench| bench.iter(|| geodep::validate::validate(black_box(&large))));
    group.bench_function("canonical text", |bench| bench.iter(|| to_canonical_text(black_box(&large))));
    group.finish();
}

criterion_group!(benches, loading);
criterion_main!(benches);
