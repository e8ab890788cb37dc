use ndarray::{Array1, Array2, ArrayView1};
use rand::Rng as _;

use crate::dataset::{Dataset, Origin, Target};
use crate::seed::{self, standard_normal};

/// A regression function known exactly, so error can be split into bias², variance and
/// noise against the truth rather than against noisy targets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TrueFunction {
    /// f(x) = sin(2πx₁).
    Sine,
    /// Friedman #1 (Friedman 1991, "Multivariate adaptive regression splines"):
    /// f(x) = 10 sin(πx₁x₂) + 20(x₃ − ½)² + 10x₄ + 5x₅; later features are noise.
    Friedman1,
}

impl TrueFunction {
    pub fn eval(&self, x: ArrayView1<f64>) -> f64 {
        use std::f64::consts::PI;
        match self {
            TrueFunction::Sine => (2.0 * PI * x[0]).sin(),
            TrueFunction::Friedman1 => {
                10.0 * (PI * x[0] * x[1]).sin()
                    + 20.0 * (x[2] - 0.5).powi(2)
                    + 10.0 * x[3]
                    + 5.0 * x[4]
            }
        }
    }
}

/// Generated regression data with its truth: `y = f(x) + ε`, ε ~ N(0, `noise_sd`²).
#[derive(Debug, Clone)]
pub struct Regression {
    pub dataset: Dataset,
    pub truth: TrueFunction,
    pub noise_sd: f64,
}

impl Regression {
    /// f(x) at every row of `x`.
    pub fn true_values(&self, x: &Array2<f64>) -> Array1<f64> {
        x.rows().into_iter().map(|r| self.truth.eval(r)).collect()
    }

    /// Fresh draws from the same distribution, for test sets and bootstrap-free rounds.
    pub fn resample(
        &self,
        n: usize,
        seed: u64,
        stream: &str,
        index: u64,
    ) -> (Array2<f64>, Array1<f64>) {
        let d = self.dataset.n_features();
        let mut rng = seed::rng(seed, stream, index);
        let x = Array2::from_shape_simple_fn((n, d), || rng.gen::<f64>());
        let y = x
            .rows()
            .into_iter()
            .map(|r| self.truth.eval(r) + self.noise_sd * standard_normal(&mut rng))
            .collect();
        (x, y)
    }
}

/// 1-D: x ~ U(0, 1), y = sin(2πx) + ε.
#[derive(Debug, Clone)]
pub struct SineSpec {
    pub n_samples: usize,
    pub noise_sd: f64,
}

impl Default for SineSpec {
    fn default() -> Self {
        SineSpec {
            n_samples: 200,
            noise_sd: 0.3,
        }
    }
}

/// Friedman #1 with 10 features, x ~ U(0, 1)¹⁰.
#[derive(Debug, Clone)]
pub struct Friedman1Spec {
    pub n_samples: usize,
    pub noise_sd: f64,
}

impl Default for Friedman1Spec {
    fn default() -> Self {
        Friedman1Spec {
            n_samples: 500,
            noise_sd: 1.0,
        }
    }
}

pub fn sine(spec: &SineSpec, seed: u64) -> Regression {
    build(
        "synth-sine",
        TrueFunction::Sine,
        1,
        spec.n_samples,
        spec.noise_sd,
        seed,
    )
}

pub fn friedman1(spec: &Friedman1Spec, seed: u64) -> Regression {
    build(
        "synth-friedman1",
        TrueFunction::Friedman1,
        10,
        spec.n_samples,
        spec.noise_sd,
        seed,
    )
}

fn build(
    name: &str,
    truth: TrueFunction,
    d: usize,
    n: usize,
    noise_sd: f64,
    seed: u64,
) -> Regression {
    let template = Regression {
        dataset: Dataset {
            name: name.into(),
            origin: Origin::Generated {
                truth: format!("{truth:?} + N(0, {noise_sd}²)"),
            },
            features: Array2::zeros((0, d)),
            feature_names: (1..=d).map(|j| format!("x{j}")).collect(),
            feature_kinds: super::numeric_kinds(d),
            target_name: "y".into(),
            target: Target::Continuous {
                y: Array1::zeros(0),
            },
            time: None,
            positive_named: false,
            dropped: Vec::new(),
        },
        truth,
        noise_sd,
    };
    let (x, y) = template.resample(n, seed, &format!("generate/{name}"), 0);
    let mut out = template;
    out.dataset.features = x;
    out.dataset.target = Target::Continuous { y };
    out
}

#[cfg(test)]
mod tests;
