use ndarray::{Array1, Array2};

use crate::dataset::{Dataset, Origin, Target};
use crate::seed::{self, standard_normal};

/// A time-ordered binary stream with autocorrelated features and a drift point.
///
/// Features follow AR(1): xₜ = φ·xₜ₋₁ + √(1 − φ²)·εₜ (unit stationary variance).
/// The label is 1 when w·xₜ + N(0, ½²) > 0. At `drift_at` the weights change (concept
/// drift: w turns from (1, −1, ½, 0, …) to (−½, 1, 0, 1, …)) and feature 1's mean shifts by
/// `covariate_shift` (covariate drift).
#[derive(Debug, Clone)]
pub struct StreamSpec {
    pub n_samples: usize,
    pub n_features: usize,
    pub phi: f64,
    pub drift_at: usize,
    pub covariate_shift: f64,
}

impl Default for StreamSpec {
    fn default() -> Self {
        StreamSpec {
            n_samples: 2000,
            n_features: 5,
            phi: 0.8,
            drift_at: 1000,
            covariate_shift: 1.0,
        }
    }
}

pub fn stream(spec: &StreamSpec, seed: u64) -> Dataset {
    let (n, d) = (spec.n_samples, spec.n_features.max(2));
    let mut rng = seed::rng(seed, "generate/stream", 0);
    let before = |j: usize| [1.0, -1.0, 0.5].get(j).copied().unwrap_or(0.0);
    let after = |j: usize| [-0.5, 1.0, 0.0, 1.0].get(j).copied().unwrap_or(0.0);
    let innovation = (1.0 - spec.phi * spec.phi).sqrt();
    let mut state = vec![0.0; d];
    let mut x = Array2::zeros((n, d));
    let mut y = Vec::with_capacity(n);
    for t in 0..n {
        for (j, s) in state.iter_mut().enumerate() {
            *s = spec.phi * *s + innovation * standard_normal(&mut rng);
            let shift = if j == 0 && t >= spec.drift_at {
                spec.covariate_shift
            } else {
                0.0
            };
            x[[t, j]] = *s + shift;
        }
        let w: &dyn Fn(usize) -> f64 = if t < spec.drift_at { &before } else { &after };
        let score: f64 =
            (0..d).map(|j| w(j) * x[[t, j]]).sum::<f64>() + 0.5 * standard_normal(&mut rng);
        y.push(usize::from(score > 0.0));
    }
    Dataset {
        name: "synth-stream".into(),
        origin: Origin::Generated {
            truth: format!(
                "AR(1) features (φ = {}), concept and covariate drift at t = {}",
                spec.phi, spec.drift_at
            ),
        },
        features: x,
        feature_names: (1..=d).map(|j| format!("x{j}")).collect(),
        feature_kinds: super::numeric_kinds(d),
        target_name: "class".into(),
        target: Target::Classes {
            y: Array1::from(y),
            classes: vec!["0".into(), "1".into()],
            positive: 1,
        },
        time: Some(("t".into(), (0..n).map(|t| t.to_string()).collect())),
        positive_named: false,
        dropped: Vec::new(),
    }
}

#[cfg(test)]
mod tests;
