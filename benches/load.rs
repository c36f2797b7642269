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

/// Opening a file against the least any program must do with it: a bare serde parse of the same text into the
/// same model, in the same run, on a generated scenario of about 13 MB (`geodep generate --actors 5000 --ties
/// 50000`). Prints the ratio; issue 20's target is at most 1.3.
fn loading_against_a_bare_parse(criterion: &mut Criterion) {
    let request = geodep::synthetic::Request { states: 5_000, ties: 50_000, energy_flows: None, seed: 1 };
    let scenario = geodep::synthetic::generate(&request).expect("the generator takes 5,000 states");
    let text = to_canonical_text(&scenario);
    let bare_parse = || {
        ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str::<geodep::model::Scenario>(black_box(&text))
            .expect("the generated text parses")
    };
    let mut group = criterion.benchmark_group(format!("open a generated {:.1} MB scenario", text.len() as f64 / 1e6));
    group.sample_size(10);
    group.bench_function("bare serde parse into the model", |bench| bench.iter(bare_parse));
    group.bench_function("load (parse, index, validate)", |bench| bench.iter(|| load_text(black_box(&text))));
    group.finish();
    let fastest = |run: &dyn Fn()| {
        (0..5)
            .map(|_| {
                let started = std::time::Instant::now();
                run();
                started.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min)
    };
    let parse = fastest(&|| drop(bare_parse()));
    let load = fastest(&|| drop(load_text(&text)));
    println!(
        "load / bare parse, fastest of 5 each: {:.0} ms / {:.0} ms = {:.2} (target: at most 1.3)",
        load * 1000.0,
        parse * 1000.0,
        load / parse
    );
}

criterion_group!(benches, loading, loading_against_a_bare_parse);
criterion_main!(benches);
