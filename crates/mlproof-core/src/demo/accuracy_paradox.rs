//! The accuracy paradox: on imbalanced data a model that never predicts the positive class
//! scores high accuracy. A majority baseline and a logistic regression are fitted on the
//! same stratified hold-out and judged by every metric, so the numbers show which metrics
//! see the difference.

use mlproof_data::{encode, Dataset};
use serde::Serialize;

use crate::holdout::stratified_holdout;
use crate::metrics::{self, BinaryConfusion};
use crate::model::{standardized_logistic, BinaryClassifier, Logistic, MajorityClass};
use crate::{Error, Result};

/// Checked parameters of the demo.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Params {
    /// Fraction of rows held out (`--test-size`).
    pub test_size: f64,
    pub threshold: f64,
    /// The logistic model's L2 penalty α (scikit-learn's C = 1/α).
    pub alpha: f64,
    pub seed: u64,
}

impl Params {
    pub fn new(test_fraction: f64, threshold: f64, alpha: f64, seed: u64) -> Result<Self> {
        if !(0.0..=1.0).contains(&threshold) {
            return Err(Error::usage(format!(
                "--threshold {threshold} is out of range; use a probability in [0, 1]"
            )));
        }
        if !(test_fraction > 0.0 && test_fraction < 1.0) {
            return Err(Error::usage(format!(
                "--test-size {test_fraction} is out of range; use a fraction strictly between 0 and 1"
            )));
        }
        Logistic::new(alpha)?;
        Ok(Params {
            test_size: test_fraction,
            threshold,
            alpha,
            seed,
        })
    }
}

/// Every metric of one model on the test rows.
#[derive(Debug, Clone, Serialize)]
pub struct ModelMetrics {
    pub model: String,
    pub confusion: BinaryConfusion,
    pub accuracy: f64,
    pub balanced_accuracy: f64,
    pub precision: f64,
    pub recall: f64,
    pub specificity: f64,
    pub f1: f64,
    pub f2: f64,
    pub mcc: f64,
    pub roc_auc: f64,
    pub average_precision: f64,
    pub log_loss: f64,
    pub brier: f64,
}

impl ModelMetrics {
    /// Computes every metric from labels, predictions and P(y = 1).
    pub fn compute(model: &str, y: &[usize], pred: &[usize], proba: &[f64]) -> Result<Self> {
        Ok(ModelMetrics {
            model: model.to_owned(),
            confusion: BinaryConfusion::new(y, pred)?,
            accuracy: metrics::accuracy(y, pred)?,
            balanced_accuracy: metrics::balanced_accuracy(y, pred)?,
            precision: metrics::precision(y, pred)?,
            recall: metrics::recall(y, pred)?,
            specificity: metrics::specificity(y, pred)?,
            f1: metrics::f1(y, pred)?,
            f2: metrics::fbeta(y, pred, 2.0)?,
            mcc: metrics::matthews_corrcoef(y, pred)?,
            roc_auc: metrics::roc_auc(y, proba)?,
            average_precision: metrics::average_precision(y, proba)?,
            log_loss: metrics::log_loss(y, proba)?,
            brier: metrics::brier_score(y, proba)?,
        })
    }
}

/// The demo's result.
#[derive(Debug, Clone, Serialize)]
pub struct AccuracyParadox {
    pub positive_class: String,
    pub train_rows: usize,
    pub test_rows: usize,
    pub test_positives: usize,
    pub threshold: f64,
    pub models: Vec<ModelMetrics>,
    /// A plain reading of the numbers, worded from them.
    pub reading: String,
}

pub fn run(data: &Dataset, params: &Params) -> Result<AccuracyParadox> {
    let y = data.binary_target()?;
    let (x, _) = encode::one_hot(data);
    let (train, test) = stratified_holdout(
        y.as_slice().unwrap_or(&y.to_vec()),
        2,
        params.test_size,
        params.seed,
    )?;
    let pick = |rows: &[usize]| {
        (
            x.select(ndarray::Axis(0), rows),
            y.select(ndarray::Axis(0), rows),
        )
    };
    let (x_train, y_train) = pick(&train);
    let (x_test, y_test) = pick(&test);
    let y_test = y_test.to_vec();

    let logistic = standardized_logistic(params.alpha)?;
    let learners: [&dyn BinaryClassifier; 2] = [&MajorityClass, &logistic];
    let mut models = Vec::new();
    for learner in learners {
        let fitted = learner.fit(&x_train, &y_train, params.seed)?;
        let proba = fitted.predict_proba(&x_test).to_vec();
        let pred = fitted.predict(&x_test, params.threshold).to_vec();
        models.push(ModelMetrics::compute(
            learner.name(),
            &y_test,
            &pred,
            &proba,
        )?);
    }
    let reading = read(&models[0], &models[1]);
    Ok(AccuracyParadox {
        positive_class: data.positive_class().unwrap_or("1").to_owned(),
        train_rows: train.len(),
        test_rows: test.len(),
        test_positives: y_test.iter().filter(|&&v| v == 1).count(),
        threshold: params.threshold,
        models,
        reading,
    })
}

/// Words the comparison from the numbers: which metrics separate the models, and whether
/// accuracy and balanced accuracy even agree on the order.
fn read(base: &ModelMetrics, model: &ModelMetrics) -> String {
    let positives = base.confusion.tp + base.confusion.fn_;
    let points = |a: f64, b: f64| 100.0 * (a - b);
    let acc_gap = points(model.accuracy, base.accuracy);
    let bal_gap = points(model.balanced_accuracy, base.balanced_accuracy);
    let first = if base.confusion.tp == positives && base.confusion.tn == 0 {
        format!(
            "At this threshold the baseline flags every row: it finds all {positives} positives at {:.1}% accuracy",
            100.0 * base.accuracy
        )
    } else {
        format!(
            "The baseline scores {:.1}% accuracy while finding {} of {positives} positives",
            100.0 * base.accuracy,
            base.confusion.tp
        )
    };
    let second = format!(
        "logistic regression {} by {:.1} accuracy points, finds {} (recall {:.3}), and balanced accuracy moves {:+.1} points",
        if acc_gap >= 0.0 { "leads" } else { "trails" },
        acc_gap.abs(),
        model.confusion.tp,
        model.recall,
        bal_gap
    );
    let verdict = if acc_gap * bal_gap < 0.0 && acc_gap.abs() >= 0.05 && bal_gap.abs() >= 0.05 {
        "accuracy and balanced accuracy disagree on which model is better — accuracy counts mostly the majority class"
    } else if acc_gap.abs() < bal_gap.abs() {
        "accuracy understates the difference that balanced accuracy and recall show"
    } else {
        "here accuracy separates the models at least as much as balanced accuracy does"
    };
    format!("{first}; {second}: {verdict}.")
}

#[cfg(test)]
mod tests;
