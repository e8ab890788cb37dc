//! CART fit time on generated data (the decision-tree issue names 2,000 × 20 and
//! 100,000 × 20), and one bias-variance round's worth of fits on pima.
//!
//! Gradient boosting's stage fitting (100 depth-3 stages) on pima and on 5,000 × 10 rows.
//!
//! Forests: 100 trees at 10,000 × 20 (the comparison with scikit-learn's
//! `RandomForestClassifier(n_jobs=2)`), and bagging of 25 full trees at 3,500 × 20 (one round
//! of `tree ensemble` on a 5,000-row CSV), with the columns presorted once or per tree.
//!
//! `cargo bench --bench trees`; the scikit-learn side is in `benches/compare/`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use mlproof_core::data::registry;
use mlproof_trees::boosting::{fit_staged, BoostingParams};
use mlproof_trees::cart::Presorted;
use mlproof_trees::ensemble::Forest;
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

fn forest(c: &mut Criterion) {
    let mut group = c.benchmark_group("forest");
    group.sample_size(10);
    let d = registry::generate("synth-imbalanced", 10_000, 1).unwrap();
    let y = d.binary_target().unwrap();
    let rf = Forest::new(100, Some(4), TreeParams::default()).unwrap();
    group.bench_function("random forest, 100 trees, 10000 x 20", |b| {
        b.iter(|| rf.fit_forest(black_box(&d.features), &y, 42).unwrap())
    });
    let d = registry::generate("synth-imbalanced", 3_500, 1).unwrap();
    let y = d.binary_target().unwrap();
    let bagging = Forest::new(25, None, TreeParams::default()).unwrap();
    let presorted = Presorted::new(d.features.view()).unwrap();
    group.bench_function("bagging, 25 trees, 3500 x 20, presorted once", |b| {
        b.iter(|| {
            bagging
                .fit_forest_presorted(&presorted, black_box(&d.features), &y, 42)
                .unwrap()
        })
    });
    group.bench_function("bagging, 25 trees, 3500 x 20, sorted per call", |b| {
        b.iter(|| bagging.fit_forest(black_box(&d.features), &y, 42).unwrap())
    });
    group.finish();
}

criterion_group!(benches, fit, boosting, forest);
criterion_main!(benches);
