//! Analysis speed on a scenario the size of a large study (2,000 actors, 20,000 energy flows, 20,000 ties): the
//! measures the Analysis tab and `geodep report` compute for one year. Run with `cargo bench --bench analysis`.

mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use geodep::analysis::{dependence, diff, flags, network, shock};

fn analysis(criterion: &mut Criterion) {
    let large = common::large_scenario();
    let mut group = criterion.benchmark_group("analysis, 2,000 actors, 20,000 flows, 20,000 ties");
    group.sample_size(10);
    group.bench_function("dependence and HHI of every consumer", |bench| {
        bench.iter(|| dependence::dependences(black_box(&large), 2021))
    });
    let closed = shock::Disruption::CloseTransit { actor: common::busiest_transit(&large) };
    group.bench_function("shock: close a transit country", |bench| {
        bench.iter(|| shock::shock(black_box(&large), &closed, 2021))
    });
    group.bench_function("consistency flags", |bench| bench.iter(|| flags::flags(black_box(&large), 2021)));
    group.bench_function("tie network with betweenness", |bench| {
        bench.iter(|| network::tie_network(black_box(&large), 2021))
    });
    group.bench_function("changes between two years", |bench| {
        bench.iter(|| diff::diff_years(black_box(&large), 2021, 2023))
    });
    group.finish();
}

criterion_group!(benches, analysis);
criterion_main!(benches);
