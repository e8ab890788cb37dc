//! The metrics engine and the accuracy-paradox demo.
//!
//! `cargo bench --bench metrics`. The whole-process comparison with scikit-learn is
//! `benches/compare/metrics.sh`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use mlproof_core::data::{registry, seed};
use mlproof_core::metrics;
use mlproof_core::params::Check;
use mlproof_core::progress::Silent;
use mlproof_experiments::metrics::{self as accuracy_paradox, Params};
use rand::Rng;

fn ranking(c: &mut Criterion) {
    let mut rng = seed::rng(1, "bench/metrics", 0);
    let n = 100_000;
    let y: Vec<usize> = (0..n)
        .map(|_| usize::from(rng.gen::<f64>() < 0.1))
        .collect();
    // Rounded scores: many ties, as real models' probabilities have.
    let s: Vec<f64> = y
        .iter()
        .map(|&v| ((0.3 * v as f64 + rng.gen::<f64>() * 0.7) * 1e3).round() / 1e3)
        .collect();
    c.bench_function("roc_auc 100k", |b| {
        b.iter(|| metrics::roc_auc(black_box(&y), black_box(&s)))
    });
    c.bench_function("average_precision 100k", |b| {
        b.iter(|| metrics::average_precision(black_box(&y), black_box(&s)))
    });
}

fn demo(c: &mut Criterion) {
    let data = registry::load("yeast4", 0).unwrap();
    let params = Params::default().check().unwrap();
    c.bench_function("accuracy paradox yeast4", |b| {
        b.iter(|| accuracy_paradox::run(black_box(&data), &params, &Silent))
    });
}

criterion_group!(benches, ranking, demo);
criterion_main!(benches);
