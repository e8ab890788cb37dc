//! SMOTE's cost on the workload: 100,000 × 20 generated rows, 5% positive.
//! `neighbours/*` times the k-NN search alone (5,000 × 20 positives, k = 5) by each
//! search mlproof has, which is how brute force was chosen as the default; `smote` times
//! the whole resampling (search, draws, 90,000 new rows).

use criterion::{criterion_group, criterion_main, Criterion};
use mlproof_core::data::registry;
use mlproof_imbalance::neighbors::{k_nearest, Search};
use mlproof_imbalance::{SamplingStrategy, Smote, SmoteKind};
use ndarray::Axis;

fn smote(c: &mut Criterion) {
    let data = registry::generate("synth-imbalanced", 100_000, 1).expect("generator");
    let y = data.binary_target().expect("classes");
    let x = data.features;
    let pos: Vec<usize> = (0..y.len()).filter(|&i| y[i] == 1).collect();
    let xp = x.select(Axis(0), &pos);
    let own: Vec<Option<usize>> = (0..pos.len()).map(Some).collect();
    let mut g = c.benchmark_group("smote_100k_x20");
    g.sample_size(10);
    for (name, search) in [
        ("neighbours/brute-force", Search::BruteForce),
        ("neighbours/kd-tree", Search::KdTree),
        ("neighbours/ball-tree", Search::BallTree),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| k_nearest(xp.view(), xp.view(), &own, 5, search).expect("search"))
        });
    }
    let smote = Smote::new(5, SamplingStrategy::Auto, SmoteKind::Regular).expect("params");
    g.bench_function("smote", |b| {
        b.iter(|| smote.synthesize(&x, &y, 0).expect("smote"))
    });
    g.finish();
}

criterion_group!(benches, smote);
criterion_main!(benches);
