//! Median time of a 100-α elastic-net path (ρ = 0.5, α_min = α_max/1000) on a CSV, for
//! `benches/compare/enet_path.sh`, which times scikit-learn's `enet_path` on the same file.
//! Timed: standardising the columns, the Gram matrix, the grid and the 100 warm-started fits
//! (the data is already in memory). Also prints Σ|w| at the smallest α as a checksum.
//!
//! `cargo bench --bench enet_path_time -- FILE.csv TARGET RUNS`

use std::time::Instant;

use mlproof_core::data::{load_csv, CsvOptions, Task};
use mlproof_linear::path::{alpha_grid, EPS, N_ALPHAS};
use mlproof_linear::{Gram, LinearFit, Penalty, Standardized};
use ndarray::{Array1, Array2};

const L1_RATIO: f64 = 0.5;

fn path(x: &Array2<f64>, y: &Array1<f64>) -> Vec<LinearFit> {
    let z = Standardized::fit(x).z;
    let gram = Gram::new(&z, y);
    let alphas = alpha_grid(gram.alpha_max(L1_RATIO), N_ALPHAS, EPS).unwrap_or_default();
    let mut fits: Vec<LinearFit> = Vec::with_capacity(alphas.len());
    for a in alphas {
        let start = fits
            .last()
            .map_or_else(|| Array1::zeros(x.ncols()), |f| f.coef.clone());
        let pen = Penalty::new(a, L1_RATIO).expect("grid α are positive");
        fits.push(gram.solve(pen, &start));
    }
    fits
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if args.len() != 3 {
        eprintln!("usage: cargo bench --bench enet_path_time -- FILE.csv TARGET RUNS");
        std::process::exit(2);
    }
    let opts = CsvOptions {
        target: args[1].clone(),
        task: Some(Task::Regression),
        ..CsvOptions::default()
    };
    let data = load_csv(std::path::Path::new(&args[0]), &opts).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    });
    let y = data.continuous_target().unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    });
    let runs: usize = args[2].parse().unwrap_or(5);
    let mut checksum = 0.0;
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let fits = path(&data.features, y);
            let t = start.elapsed().as_secs_f64() * 1e3;
            checksum = fits
                .last()
                .map_or(0.0, |f| f.coef.iter().map(|w| w.abs()).sum());
            t
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!("{:.3} {checksum:.9}", times[times.len() / 2]);
}
