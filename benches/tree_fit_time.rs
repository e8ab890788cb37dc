//! Median fit time of mlproof's CART on a CSV, for `benches/compare/tree_fit.sh`, which times
//! scikit-learn's `DecisionTreeClassifier` on the same file.
//!
//! `cargo bench --bench tree_fit_time -- FILE.csv TARGET MAX_DEPTH|none RUNS`

use std::time::Instant;

use mlproof_core::data::{load_csv, CsvOptions};
use mlproof_trees::{Tree, TreeParams};

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if args.len() != 4 {
        eprintln!(
            "usage: cargo bench --bench tree_fit_time -- FILE.csv TARGET MAX_DEPTH|none RUNS"
        );
        std::process::exit(2);
    }
    let opts = CsvOptions {
        target: args[1].clone(),
        ..CsvOptions::default()
    };
    let data = match load_csv(std::path::Path::new(&args[0]), &opts) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let y = data.binary_target().map(|y| y.to_vec()).unwrap_or_default();
    let params = TreeParams {
        max_depth: args[2].parse().ok(),
        ..TreeParams::default()
    };
    let runs: usize = args[3].parse().unwrap_or(5);
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let tree = Tree::fit_classifier(data.features.view(), &y, 2, None, &params);
            std::hint::black_box(&tree);
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!("{:.3}", times[times.len() / 2]);
}
