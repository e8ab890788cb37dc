//! CART fit time on generated data (the decision-tree issue names 2,000 × 20 and
//! 100,000 × 20), and one bias-variance round's worth of fits on pima.
//!
//! Gradient boosting's stage fitting (100 depth-3 stages) on pima and on 5,000 × 10 rows.
//!
//! `cargo bench --bench trees`; the scikit-learn side is in `benches/compare/`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use mlproof_core::data::registry;
use mlproof_trees::boosting::{fit_staged, BoostingParams};
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

fn boosting(c: &mut Criterion) {
    let mut group = c.benchmark_group("boosting");
    group.sample_size(10);
    let params = BoostingParams {
        n_stages: 100,
        learning_rate: 0.1,
        max_depth: 3,
    };
    let pima = registry::load("pima", 0).unwrap();
    let y = pima.binary_target().unwrap().to_vec();
    let n_train = pima.features.nrows() * 4 / 5;
    let (x_tr, x_val) = pima.features.view().split_at(ndarray::Axis(0), n_train);
    let (x_tr, x_val) = (x_tr.to_owned(), x_val.to_owned());
    let (y_tr, y_val) = y.split_at(n_train);
    group.bench_function("pima 614 x 8, 100 stages of depth 3", |b| {
        b.iter(|| fit_staged(black_box(&x_tr), y_tr, &x_val, y_val, &params).unwrap())
    });
    let d = registry::generate("synth-imbalanced", 5_000, 1).unwrap();
    let x = d.features.slice(ndarray::s![.., ..10]).to_owned();
    let y = d.binary_target().unwrap().to_vec();
    let empty = ndarray::Array2::zeros((0, 10));
    group.bench_function("5000 x 10, 100 stages of depth 3", |b| {
        b.iter(|| fit_staged(black_box(&x), &y, &empty, &[], &params).unwrap())
    });
    group.finish();
}

criterion_group!(benches, fit, boosting);
criterion_main!(benches);
