//! Validation: splitters that give scikit-learn's fold indices, and (built on them) the
//! cross-validation runner, curves and the bias-variance decomposition.

pub mod bias_variance;
pub mod curves;
pub mod cv;
pub mod importance;
pub mod leakage;
pub mod schemes;
pub mod split;

pub use split::{Fold, Splitter};
