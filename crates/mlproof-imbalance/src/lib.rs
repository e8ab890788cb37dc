//! Resampling for imbalanced binary data, as pipeline [`Step`](mlproof_core::model::Step)s:
//! fitted on training rows only, seeded per fold, never applied to rows being predicted.
//!
//! Random over- and under-sampling, SMOTE, Borderline-SMOTE, ADASYN and SMOTE-NC, each
//! with imbalanced-learn's `sampling_strategy` counts; the positive class (1) is the
//! minority.

pub mod adasyn;
pub mod anomaly;
pub mod compare;
pub mod neighbors;
mod random;
mod smote;
mod smote_nc;
mod strategy;
pub mod threshold;

pub use adasyn::Adasyn;
pub use anomaly::IsolationForest;
pub use random::{RandomOverSampler, RandomUnderSampler};
pub use smote::{in_danger, Smote, SmoteKind, Synthetic};
pub use smote_nc::SmoteNc;
pub use strategy::SamplingStrategy;
pub use threshold::{ThresholdMoving, ThresholdRule};
