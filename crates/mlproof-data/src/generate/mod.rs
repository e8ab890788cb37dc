//! Seeded generators for controlled experiments, where the truth is known.
//!
//! Each draws from its own named seed stream (see [`crate::seed`]), so the same seed gives
//! the same rows on every machine.

mod classification;
mod regression;
mod stream;

pub use classification::{imbalanced, ImbalancedSpec};
pub use regression::{friedman1, sine, Friedman1Spec, Regression, SineSpec, TrueFunction};
pub use stream::{stream, StreamSpec};

use crate::dataset::FeatureKind;

fn numeric_kinds(n: usize) -> Vec<FeatureKind> {
    vec![FeatureKind::Numeric; n]
}
