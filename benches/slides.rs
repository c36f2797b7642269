//! Slide export speed: building a step's slide (scene from the scenario, including the graph's layout),
//! rasterising it to PNG at full HD, and writing the whole story as a PDF handout, for the bundled scenario. Run with `cargo bench --bench slides`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use geodep::io::load_text;
use geodep::slide;

fn slides(criterion: &mut Criterion) {
    let scenario = load_text(geodep::library::BUNDLED_SCENARIO).scenario.expect("bundled scenario loads");
    let mut group = criterion.benchmark_group("slides of the bundled serbia-2023 story");
    group.sample_size(20);
    group.bench_function("build step 2 (graph) at 1920x1080", |bench| {
        bench.iter(|| slide::build(black_box(&scenario), 1, 1920, 1080))
    });
    let built = slide::build(&scenario, 1, 1920, 1080).expect("step 2 exists");
    group.bench_function("write step 2 as SVG", |bench| bench.iter(|| slide::svg::to_svg(black_box(&built))));
    group.bench_function("render step 2 to PNG at 1920x1080", |bench| {
        bench.iter(|| slide::render::to_png(black_box(&built)))
    });
    // The whole 8-step story with its notes and sources as a PDF, layout of the graph included, as
    // `geodep export --handout` writes it (less the file write).
    group.bench_function("write the 8-step handout with notes as PDF", |bench| {
        let options = slide::handout::HandoutOptions { notes: true };
        bench.iter(|| slide::handout::to_pdf(black_box(&scenario), options).expect("a handout"))
    });
    group.finish();
}

criterion_group!(benches, slides);
criterion_main!(benches);
