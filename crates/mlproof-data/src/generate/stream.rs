use ndarray::{Array1, Array2};

use crate::dataset::{Dataset, Origin, Target};
use crate::seed::{self, standard_normal};

/// A time-ordered binary stream with autocorrelated features and two kinds of drift, one
/// after the other, so that a monitor can be seen telling them apart.
///
/// Features follow AR(1): zₜ = φ·zₜ₋₁ + √(1 − φ²)·εₜ (unit stationary variance), and
/// xₜ = zₜ except in the covariate phase. The label is 1 when w·xₜ + N(0, ½²) > 0.
/// - Rows `0..covariate_at`: w = (1, −1, ½, 0, …), the reference period.
/// - Rows `covariate_at..concept_at` (**covariate drift**): x₁ = `spread`·z₁, so x₁'s
///   distribution widens while P(y | x) keeps its rule. A model fitted before still applies;
///   with more rows far from its boundary its accuracy does not fall.
/// - Rows `concept_at..` (**concept drift**): x₁ is back to z₁ (every input has its
///   reference distribution) and w turns to (−½, 1, 0, 1, …), so a model fitted before is
///   wrong while no input moved.
#[derive(Debug, Clone)]
pub struct StreamSpec {
    pub n_samples: usize,
    pub n_features: usize,
    pub phi: f64,
    pub covariate_at: usize,
    pub concept_at: usize,
    pub spread: f64,
}

impl StreamSpec {
    /// The default design at `n` rows: covariate drift at n/2, concept drift at 3n/4.
    pub fn with_rows(n: usize) -> Self {
        StreamSpec {
            n_samples: n,
            n_features: 5,
            phi: 0.8,
            covariate_at: n / 2,
            concept_at: 3 * n / 4,
            spread: 4.0,
        }
    }
}

impl Default for StreamSpec {
    fn default() -> Self {
        StreamSpec::with_rows(2000)
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
        let covariate_phase = (spec.covariate_at..spec.concept_at).contains(&t);
        for (j, s) in state.iter_mut().enumerate() {
            *s = spec.phi * *s + innovation * standard_normal(&mut rng);
            let scale = if j == 0 && covariate_phase {
                spec.spread
            } else {
                1.0
            };
            x[[t, j]] = scale * *s;
        }
        let w: &dyn Fn(usize) -> f64 = if t < spec.concept_at { &before } else { &after };
        let score: f64 =
            (0..d).map(|j| w(j) * x[[t, j]]).sum::<f64>() + 0.5 * standard_normal(&mut rng);
        y.push(usize::from(score > 0.0));
    }
    Dataset {
        name: "synth-stream".into(),
        origin: Origin::Generated {
            truth: format!(
                "AR(1) features (φ = {}); covariate drift at t = {} (x1's spread ×{}), \
                 concept drift at t = {} (new weights, inputs as before)",
                spec.phi, spec.covariate_at, spec.spread, spec.concept_at
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
