//! Graph layout speed: one force-directed step at the largest size the graph view must handle (2,000 nodes and
//! 20,000 links), a whole force layout of a mid-sized graph (200 nodes, 600 links), and the grouped circular layout
//! of 2,000 nodes. Run with `cargo bench --bench layout`.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use geodep::layout::{ForceLayout, ForceSettings, LayoutInput, circular_grouped};

/// A reproducible pseudo-random number below `bound` for the `index`-th draw (SplitMix64's mixer), so that the
/// benchmark graphs are the same on every run without a dependency.
fn draw(index: u64, bound: usize) -> usize {
    let mut z = index.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    ((z ^ (z >> 31)) % bound as u64) as usize
}

/// `node_count` nodes of radius 6–14 joined by `link_count` random links of weight 0.5–1.5.
fn random_graph(node_count: usize, link_count: usize) -> LayoutInput {
    let links = (0..link_count as u64)
        .map(|link| {
            let weight = 0.5 + draw(3 * link + 2, 1_000) as f32 / 1_000.0;
            (draw(3 * link, node_count), draw(3 * link + 1, node_count), weight)
        })
        .collect();
    let radii = (0..node_count as u64).map(|node| 6.0 + draw(node + 1_000_000, 8) as f32).collect();
    LayoutInput { node_count, links, radii, pinned: vec![None; node_count] }
}

fn force_step(criterion: &mut Criterion) {
    let mut layout = ForceLayout::new(random_graph(2_000, 20_000), 1, ForceSettings::default());
    // A few steps in, so that the measured step works on a graph that is unfolding, not on the initial spiral.
    layout.step(20);
    criterion.bench_function("force step, 2,000 nodes / 20,000 links", |bencher| {
        bencher.iter_batched_ref(|| layout.clone(), |layout| black_box(layout.step(1)), BatchSize::LargeInput)
    });
}

fn force_run_to_end(criterion: &mut Criterion) {
    let input = random_graph(200, 600);
    criterion.bench_function("force run_to_end, 200 nodes / 600 links", |bencher| {
        bencher.iter_batched(
            || input.clone(),
            |input| black_box(ForceLayout::new(input, 1, ForceSettings::default()).run_to_end()),
            BatchSize::SmallInput,
        )
    });
}

fn circular(criterion: &mut Criterion) {
    let groups: Vec<usize> = (0..2_000).map(|node| node % 12).collect();
    let radii = random_graph(2_000, 0).radii;
    criterion.bench_function("circular_grouped, 2,000 nodes in 12 groups", |bencher| {
        bencher.iter(|| black_box(circular_grouped(black_box(&groups), black_box(&radii))))
    });
}

criterion_group!(benches, force_step, force_run_to_end, circular);
criterion_main!(benches);
