//! Demos that live in core because they need nothing beyond a model and the metrics.

pub mod accuracy_paradox;
