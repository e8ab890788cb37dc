//! Why paths use mlproof's own solvers, measured: a 100-α elastic-net path (ρ = 0.5) on
//! 10,000 × 20 rows of synth-imbalanced regressed on its first column, fitted with the Gram
//! coordinate descent and warm starts, against one linfa-elasticnet fit per α (linfa has
//! no warm start); and a 100-α L1 logistic path on the same rows' class.

use criterion::{criterion_group, criterion_main, Criterion};
use mlproof_core::data::registry;
use mlproof_linear::path::{alpha_grid, EPS, N_ALPHAS};
use mlproof_linear::{enet, Gram, LinearFit, LogisticProblem, Penalty, Standardized};
use ndarray::{Array1, Axis};

fn paths(c: &mut Criterion) {
    let data = registry::generate("synth-imbalanced", 10_000, 1).expect("generator");
    let labels = data.binary_target().expect("classes").to_vec();
    let y: Array1<f64> = data.features.column(0).to_owned();
    let rest: Vec<usize> = (1..data.n_features()).collect();
    let z = Standardized::fit(&data.features.select(Axis(1), &rest)).z;
    let gram = Gram::new(&z, &y);
    let alphas = alpha_grid(gram.alpha_max(0.5), N_ALPHAS, EPS).expect("grid");
    let mut g = c.benchmark_group("path_100_alphas_10k_x19");
    g.sample_size(10);
    g.bench_function("enet/gram-warm-start", |b| {
        b.iter(|| {
            let mut w = Array1::zeros(z.ncols());
            for &a in &alphas {
                w = gram.solve(Penalty::new(a, 0.5).expect("α > 0"), &w).coef;
            }
            w
        })
    });
    g.bench_function("enet/linfa-elasticnet-per-alpha", |b| {
        b.iter(|| {
            alphas
                .iter()
                .map(|&a| {
                    enet::fit_linfa(&z, &y, Penalty::new(a, 0.5).expect("α > 0")).expect("fit")
                })
                .collect::<Vec<_>>()
        })
    });
    let problem = LogisticProblem::new(&z, &labels).expect("two classes");
    let l_alphas = alpha_grid(problem.alpha_max(1.0), N_ALPHAS, EPS).expect("grid");
    g.bench_function("logistic-l1/proximal-newton-warm-start", |b| {
        b.iter(|| {
            let mut fit: LinearFit = problem.null_fit();
            for &a in &l_alphas {
                fit = problem
                    .solve(Penalty::lasso(a).expect("α > 0"), &fit)
                    .expect("fit");
            }
            fit
        })
    });
    g.finish();
}

criterion_group!(benches, paths);
criterion_main!(benches);
