//! Sparsity: on data where only a few features matter, which features does each penalty
//! keep? The support an estimate recovers is scored by precision (kept features that are
//! truly informative) and recall (informative features that were kept).

use mlproof_core::seed;
use mlproof_core::{Error, Result};
use ndarray::Array1;
use serde::Serialize;

use crate::path::{fit_path, PathOptions, Response};

/// y = Σⱼ βⱼxⱼ + ε over `informative` of `features` independent N(0, 1) columns,
/// ε ~ N(0, noise²), |βⱼ| drawn from U[1, 3] with random signs.
#[derive(Debug, Clone, Serialize)]
pub struct SparsitySpec {
    pub rows: usize,
    pub features: usize,
    pub informative: usize,
    pub noise: f64,
}

impl Default for SparsitySpec {
    fn default() -> Self {
        SparsitySpec {
            rows: 200,
            features: 50,
            informative: 5,
            noise: 2.0,
        }
    }
}

/// One penalty at one α rule.
#[derive(Debug, Clone, Serialize)]
pub struct Recovery {
    pub penalty: &'static str,
    pub l1_ratio: f64,
    pub rule: &'static str,
    pub alpha: f64,
    pub kept: usize,
    pub true_kept: usize,
    /// NaN when nothing is kept.
    pub precision: f64,
    pub recall: f64,
    pub cv_mse: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Sparsity {
    pub spec: SparsitySpec,
    /// The informative columns and their true coefficients.
    pub truth: Vec<(usize, f64)>,
    pub rows: Vec<Recovery>,
}

/// The most rows the demo generates.
pub const MAX_ROWS: usize = 1_000_000;

/// The penalties compared: lasso, elastic net at ρ = 0.5, ridge.
pub const PENALTIES: [(&str, f64); 3] = [("L1", 1.0), ("elastic net", 0.5), ("L2", 0.0)];

pub fn sparsity(spec: &SparsitySpec, seed_value: u64) -> Result<Sparsity> {
    if !(20..=MAX_ROWS).contains(&spec.rows) {
        return Err(Error::param(
            "rows",
            format!("must be 20 to {MAX_ROWS} generated rows, got {}", spec.rows),
        ));
    }
    if spec.informative == 0 || spec.informative > spec.features {
        return Err(Error::usage(format!(
            "the sparsity demo needs 1 ≤ informative ≤ features, got {} informative of {}",
            spec.informative, spec.features
        )));
    }
    let mut rng = seed::rng(seed_value, "demo/sparsity", 0);
    let x = super::normal_matrix(&mut rng, spec.rows, spec.features);
    let order = seed::permutation(&mut rng, spec.features);
    let mut truth: Vec<(usize, f64)> = order[..spec.informative]
        .iter()
        .map(|&j| {
            let size = 1.0 + 2.0 * rand::Rng::gen::<f64>(&mut rng);
            let sign = if rand::Rng::gen::<bool>(&mut rng) {
                1.0
            } else {
                -1.0
            };
            (j, sign * size)
        })
        .collect();
    truth.sort_by_key(|t| t.0);
    let mut beta = Array1::zeros(spec.features);
    truth.iter().for_each(|&(j, b)| beta[j] = b);
    let noise =
        Array1::from_shape_simple_fn(spec.rows, || spec.noise * seed::standard_normal(&mut rng));
    let response = Response::Continuous(x.dot(&beta) + noise);
    let mut rows = Vec::new();
    for (penalty, l1_ratio) in PENALTIES {
        let mut opts = PathOptions::new(l1_ratio);
        opts.seed = seed_value;
        let path = fit_path(&x, &response, &opts)?;
        for (rule, i) in [("min CV", path.best), ("1-SE", path.one_se)] {
            let q = &path.points[i];
            let kept = q.n_nonzero;
            let true_kept = truth.iter().filter(|&&(j, _)| q.coef[j] != 0.0).count();
            rows.push(Recovery {
                penalty,
                l1_ratio,
                rule,
                alpha: q.alpha,
                kept,
                true_kept,
                precision: if kept == 0 {
                    f64::NAN
                } else {
                    true_kept as f64 / kept as f64
                },
                recall: true_kept as f64 / spec.informative as f64,
                cv_mse: q.cv_error,
            });
        }
    }
    Ok(Sparsity {
        spec: spec.clone(),
        truth,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ridge_keeps_every_feature_and_recall_is_counted_against_the_truth() {
        let s = sparsity(&SparsitySpec::default(), 7).unwrap();
        assert_eq!(s.truth.len(), 5);
        for r in s.rows.iter().filter(|r| r.penalty == "L2") {
            assert_eq!(r.kept, 50);
            assert!((r.precision - 0.1).abs() < 1e-12);
        }
        for r in &s.rows {
            assert!(r.true_kept <= r.kept && r.true_kept <= 5);
        }
    }

    #[test]
    fn bad_specs_are_usage_errors() {
        let spec = SparsitySpec {
            informative: 60,
            ..SparsitySpec::default()
        };
        assert_eq!(sparsity(&spec, 0).unwrap_err().exit_code(), 2);
        let spec = SparsitySpec {
            rows: 5,
            ..SparsitySpec::default()
        };
        assert!(matches!(
            sparsity(&spec, 0).unwrap_err(),
            Error::Parameter { name, .. } if name == "rows"
        ));
    }
}
