//! Median fit time of mlproof's CART (or of a random forest of N_TREES trees) on a CSV, for
//! `benches/compare/run`, which times scikit-learn's `DecisionTreeClassifier` (or
//! `RandomForestClassifier(n_jobs=2)`) on the same file with `benches/compare/tree_fit.py`.
//! The forest is scikit-learn's default design: bootstrap samples, ⌊√d⌋ candidate features per
//! split, trees grown to MAX_DEPTH; mlproof's forest also computes the out-of-bag
//! probabilities, which scikit-learn skips by default.
//!
//! `cargo bench --bench tree_fit_time -- FILE.csv TARGET MAX_DEPTH|none RUNS [N_TREES]`

use std::time::Instant;

use mlproof_core::data::{load_csv, CsvOptions};
use mlproof_trees::ensemble::Forest;
use mlproof_trees::{Tree, TreeParams};

const USAGE: &str =
    "usage: cargo bench --bench tree_fit_time -- FILE.csv TARGET MAX_DEPTH|none RUNS [N_TREES]";

fn fail(message: impl std::fmt::Display) -> ! {
    eprintln!("{message}");
    std::process::exit(2)
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if !(4..=5).contains(&args.len()) {
        fail(USAGE);
    }
    let opts = CsvOptions {
        target: args[1].clone(),
        ..CsvOptions::default()
    };
    let data = load_csv(std::path::Path::new(&args[0]), &opts).unwrap_or_else(|e| fail(e));
    let y = data.binary_target().unwrap_or_else(|e| fail(e));
    let params = TreeParams {
        max_depth: args[2].parse().ok(),
        ..TreeParams::default()
    };
    let runs: usize = args[3].parse().unwrap_or(5);
    let forest = args.get(4).map(|t| {
        let n_trees = t.parse().unwrap_or_else(|_| fail(USAGE));
        let max_features = (data.features.ncols() as f64).sqrt().floor().max(1.0) as usize;
        Forest::new(n_trees, Some(max_features), params).unwrap_or_else(|e| fail(e))
    });
    let labels = y.to_vec();
    let mut times: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            match &forest {
                Some(f) => {
                    let fitted = f.fit_forest(&data.features, &y, 0);
                    std::hint::black_box(&fitted.map(|f| f.trees.len()));
                }
                None => {
                    let tree =
                        Tree::fit_classifier(data.features.view(), &labels, 2, None, &params);
                    std::hint::black_box(&tree);
                }
            }
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!("{:.3}", times[times.len() / 2]);
}
