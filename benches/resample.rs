//! SMOTE's cost on the workload: generated rows (synth-imbalanced, seed 1), 5%
//! positive, 20 features. `search/*` times the k-NN search alone over the positives
//! (k = 5, own row excluded) by each exact search mlproof has, which is how
//! [`choose`](mlproof_core::neighbors::choose) was set; `smote` times the whole resampling
//! (search, draws, the new rows) at 10⁴, 10⁵ and 3 × 10⁵ rows.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use mlproof_core::data::registry;
use mlproof_core::neighbors::{k_nearest, Search};
use mlproof_imbalance::{SamplingStrategy, Smote, SmoteKind};
use ndarray::Axis;

fn smote(c: &mut Criterion) {
    let mut g = c.benchmark_group("smote_x20");
    g.sample_size(10);
    for rows in [10_000, 100_000, 300_000] {
        let data = registry::generate("synth-imbalanced", rows, 1).expect("generator");
        let y = data.binary_target().expect("classes");
        let x = data.features;
        let pos: Vec<usize> = (0..y.len()).filter(|&i| y[i] == 1).collect();
        let xp = x.select(Axis(0), &pos);
        let own: Vec<Option<usize>> = (0..pos.len()).map(Some).collect();
        for (name, search) in [
            ("search/brute-force", Search::BruteForce),
            ("search/kd-tree", Search::KdTree),
        ] {
            g.bench_with_input(BenchmarkId::new(name, rows), &rows, |b, _| {
                b.iter(|| k_nearest(xp.view(), xp.view(), &own, 5, search).expect("search"))
            });
        }
        let smote = Smote::new(5, SamplingStrategy::Auto, SmoteKind::Regular).expect("params");
        g.bench_with_input(BenchmarkId::new("smote", rows), &rows, |b, _| {
            b.iter(|| smote.synthesize(&x, &y, 0).expect("smote"))
        });
    }
    g.finish();
}

criterion_group!(benches, smote);
criterion_main!(benches);
