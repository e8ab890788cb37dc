//! A score with its no-skill baseline beside it, as every report shows it.

use mlproof_core::metrics::{baseline::no_skill_model, no_skill, Metric};
use serde::Serialize;

/// `{metric, value, baseline, baseline_model}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scored {
    pub metric: Metric,
    pub value: f64,
    /// The score of a model that ignores the features (see [`no_skill`]).
    pub baseline: f64,
    pub baseline_model: &'static str,
}

impl Scored {
    /// `value` of `metric` on labels `y`, with the no-skill baseline on the same labels.
    pub fn new(metric: Metric, value: f64, y: &[usize]) -> Scored {
        Scored {
            metric,
            value,
            baseline: no_skill(metric, y),
            baseline_model: no_skill_model(metric),
        }
    }

    /// How far the score is from its baseline, in the metric's good direction (positive:
    /// better than no skill).
    pub fn lift(&self) -> f64 {
        let d = self.value - self.baseline;
        if self.metric.higher_is_better() {
            d
        } else {
            -d
        }
    }
}
