//! Resampling for imbalanced binary data, as pipeline [`Step`](mlproof_core::model::Step)s:
//! fitted on training rows only, seeded per fold, never applied to rows being predicted.
//!
//! So far: random over- and under-sampling with imbalanced-learn's `sampling_strategy`
//! semantics. The SMOTE family belongs to the imbalance issue.

mod random;

pub use random::{RandomOverSampler, RandomUnderSampler, SamplingStrategy};
