//! Pieces several experiments share: the model a `--model` names, per-fold comparisons,
//! baselines beside scores.

pub mod baseline;
pub mod compare;
pub mod ids;
pub mod model;

pub use baseline::Scored;
pub use compare::{fold_difference, test_over_train};
pub use ids::feature_slug;
pub use model::{ModelKind, ModelSpec};
