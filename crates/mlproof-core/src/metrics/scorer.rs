//! Metrics by name, so commands, the cross-validation runner and curves can be told which
//! one to report.

use serde::Serialize;

use crate::Result;

/// A metric of a binary classifier; threshold metrics use the predicted labels, ranking and
/// probability metrics use P(y = 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    Accuracy,
    BalancedAccuracy,
    Precision,
    Recall,
    F1,
    Mcc,
    RocAuc,
    AveragePrecision,
    LogLoss,
    Brier,
}

impl Metric {
    pub fn name(self) -> &'static str {
        match self {
            Metric::Accuracy => "accuracy",
            Metric::BalancedAccuracy => "balanced_accuracy",
            Metric::Precision => "precision",
            Metric::Recall => "recall",
            Metric::F1 => "f1",
            Metric::Mcc => "mcc",
            Metric::RocAuc => "roc_auc",
            Metric::AveragePrecision => "average_precision",
            Metric::LogLoss => "log_loss",
            Metric::Brier => "brier",
        }
    }

    /// Whether the metric means anything on labels `y`: recall, F1 and average precision
    /// need a positive (their 0 there is scikit-learn's `zero_division` convention, not a
    /// score), ROC-AUC needs a positive and a negative. An experiment that averages a metric
    /// over folds leaves it out (as n/a) where it is undefined.
    pub fn defined_on(self, y: &[usize]) -> bool {
        let positive = y.contains(&1);
        match self {
            Metric::Recall | Metric::F1 | Metric::AveragePrecision => positive,
            Metric::RocAuc => positive && y.contains(&0),
            _ => true,
        }
    }

    /// Larger is better (false for the losses).
    pub fn higher_is_better(self) -> bool {
        !matches!(self, Metric::LogLoss | Metric::Brier)
    }

    pub fn compute(self, y: &[usize], pred: &[usize], proba: &[f64]) -> Result<f64> {
        use super::*;
        match self {
            Metric::Accuracy => accuracy(y, pred),
            Metric::BalancedAccuracy => balanced_accuracy(y, pred),
            Metric::Precision => precision(y, pred),
            Metric::Recall => recall(y, pred),
            Metric::F1 => f1(y, pred),
            Metric::Mcc => matthews_corrcoef(y, pred),
            Metric::RocAuc => roc_auc(y, proba),
            Metric::AveragePrecision => average_precision(y, proba),
            Metric::LogLoss => log_loss(y, proba),
            Metric::Brier => brier_score(y, proba),
        }
    }
}
