//! The complexity knobs a validation curve sweeps, with their grids and models.

use serde::Serialize;

use crate::common::{ModelKind, ModelSpec};

/// The knob a validation curve sweeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Knob {
    /// Tree depth 1–15 (more is more complex).
    MaxDepth,
    /// Tree leaf size 200 down to 1 (smaller is more complex).
    MinSamplesLeaf,
    /// Tree minimum rows to split, 400 down to 2 (smaller is more complex).
    MinSamplesSplit,
    /// Logistic L2 penalty 1e3 down to 1e-3 (smaller is more complex).
    Alpha,
    /// Polynomial regression degree 1–12 on one feature, scored by MSE.
    Degree,
}

impl Knob {
    /// The parameter's name (`max_depth`).
    pub fn name(self) -> &'static str {
        match self {
            Knob::MaxDepth => "max_depth",
            Knob::MinSamplesLeaf => "min_samples_leaf",
            Knob::MinSamplesSplit => "min_samples_split",
            Knob::Alpha => "alpha",
            Knob::Degree => "degree",
        }
    }

    /// The swept values, simplest first.
    pub fn values(self) -> Vec<f64> {
        match self {
            Knob::MaxDepth => (1..=15).map(f64::from).collect(),
            Knob::MinSamplesLeaf => vec![200.0, 100.0, 50.0, 20.0, 10.0, 5.0, 2.0, 1.0],
            Knob::MinSamplesSplit => vec![400.0, 200.0, 100.0, 50.0, 20.0, 10.0, 5.0, 2.0],
            Knob::Alpha => vec![1e3, 1e2, 1e1, 1.0, 1e-1, 1e-2, 1e-3],
            Knob::Degree => (1..=12).map(f64::from).collect(),
        }
    }

    /// The model the knob belongs to (`None`: the polynomial regression of the degree curve).
    pub fn model(self) -> Option<ModelKind> {
        match self {
            Knob::MaxDepth | Knob::MinSamplesLeaf | Knob::MinSamplesSplit => Some(ModelKind::Tree),
            Knob::Alpha => Some(ModelKind::Logistic),
            Knob::Degree => None,
        }
    }

    /// How complexity grows along the sweep, for statements ("with depth").
    pub fn growing(self) -> &'static str {
        match self {
            Knob::MaxDepth => "with depth",
            Knob::MinSamplesLeaf => "as min_samples_leaf shrinks",
            Knob::MinSamplesSplit => "as min_samples_split shrinks",
            Knob::Alpha => "as alpha shrinks",
            Knob::Degree => "with degree",
        }
    }

    /// The id of the finding "the train − CV gap grows with complexity" (`depth-overfits`).
    pub fn overfits_id(self) -> &'static str {
        match self {
            Knob::MaxDepth => "depth-overfits",
            Knob::MinSamplesLeaf => "min-samples-leaf-overfits",
            Knob::MinSamplesSplit => "min-samples-split-overfits",
            Knob::Alpha => "alpha-overfits",
            Knob::Degree => "degree-overfits",
        }
    }

    /// `spec` with the knob set to `value`.
    pub fn apply(self, spec: &ModelSpec, value: f64) -> ModelSpec {
        let mut s = spec.clone();
        match self {
            Knob::MaxDepth => s.max_depth = Some(value as usize),
            Knob::MinSamplesLeaf => s.min_samples_leaf = value as usize,
            Knob::MinSamplesSplit => s.min_samples_split = value as usize,
            Knob::Alpha => s.alpha = value,
            Knob::Degree => {}
        }
        s
    }
}
