//! Where the KD-tree beats brute force: each point's 5 nearest among n standard-normal
//! points in d columns, by both exact searches, alternating, the fastest of three runs.
//! The table in `mlproof_core::neighbors::choose` is this program's output.
//! Run: `cargo run --release -p mlproof-imbalance --example knn_cross`

use std::time::Instant;

use mlproof_core::neighbors::{k_nearest, Search};
use mlproof_core::seed;
use ndarray::Array2;

fn main() -> mlproof_core::Result<()> {
    let mut rng = seed::rng(1, "example/knn-cross", 0);
    for n in [1_000usize, 10_000, 50_000] {
        for d in [2usize, 4, 6, 8, 10, 12] {
            let x = Array2::from_shape_fn((n, d), |_| seed::standard_normal(&mut rng));
            let own: Vec<Option<usize>> = (0..n).map(Some).collect();
            let mut best = [f64::MAX; 2];
            for _ in 0..3 {
                for (t, search) in best.iter_mut().zip([Search::BruteForce, Search::KdTree]) {
                    let start = Instant::now();
                    std::hint::black_box(k_nearest(x.view(), x.view(), &own, 5, search)?);
                    *t = t.min(start.elapsed().as_secs_f64() * 1e3);
                }
            }
            println!(
                "n {n:6} d {d:2}  brute force {:9.1} ms  KD-tree {:9.1} ms  brute / tree {:.2}",
                best[0],
                best[1],
                best[0] / best[1]
            );
        }
    }
    Ok(())
}
