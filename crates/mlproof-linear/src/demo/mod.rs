//! Demos that turn claims about penalties into numbers measured on the run.

pub mod instability;
pub mod sparsity;

use mlproof_core::seed::{self, Rng};
use ndarray::Array2;

/// An n × p matrix of independent standard normal draws.
fn normal_matrix(rng: &mut Rng, n: usize, p: usize) -> Array2<f64> {
    Array2::from_shape_simple_fn((n, p), || seed::standard_normal(rng))
}
