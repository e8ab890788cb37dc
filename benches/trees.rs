//! CART fit time on generated data (the decision-tree issue names 2,000 × 20 and
//! 100,000 × 20), and one bias-variance round's worth of fits on pima.
//!
//! `cargo bench --bench trees`; the scikit-learn side is in `benches/compare/`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use mlproof_core::data::registry;
use mlproof_trees::{Tree, TreeParams};

fn fit(c: &mut Criterion) {
    let mut group = c.benchmark_group("cart fit");
    group.sample_size(10);
    for (n, depth) in [(2_000, None), (100_000, Some(10))] {
        // The data `benches/compare/tree_fit.sh` exports for scikit-learn: same generator, seed 1.
        let d = registry::generate("synth-imbalanced", n, 1).unwrap();
        let y = d.binary_target().unwrap().to_vec();
        let params = TreeParams {
            max_depth: depth,
            ..TreeParams::default()
        };
        group.bench_function(format!("{n} x 20, depth {depth:?}"), |b| {
            b.iter(|| {
                Tree::fit_classifier(black_box(d.features.view()), &y, 2, None, &params).unwrap()
            })
        });
    }
    let pima = registry::load("pima", 0).unwrap();
    let y = pima.binary_target().unwrap().to_vec();
    group.bench_function("pima, depth 12", |b| {
        let params = TreeParams {
            max_depth: Some(12),
            ..TreeParams::default()
        };
        b.iter(|| {
            Tree::fit_classifier(black_box(pima.features.view()), &y, 2, None, &params).unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, fit);
criterion_main!(benches);
