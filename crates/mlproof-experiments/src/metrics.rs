//! `metrics`: the accuracy paradox. On imbalanced data a model that never predicts the
//! positive class scores high accuracy. A majority baseline and a logistic regression are
//! fitted on the same stratified hold-out and judged by every metric, so the numbers show
//! which metrics see the difference.

use std::collections::BTreeMap;

use mlproof_core::evidence::{self, Direction, Effect, Finding, Findings, Rope};
use mlproof_core::holdout::stratified_holdout;
use mlproof_core::metrics::{self, no_skill, BinaryConfusion, Metric};
use mlproof_core::model::{standardized_logistic, BinaryClassifier, Logistic, MajorityClass};
use mlproof_core::params::{Check, Checked};
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::seed;
use mlproof_core::{Error, Result};
use mlproof_data::{encode, Dataset};
use rand::Rng;
use serde::Serialize;

/// The dataset used when none is named.
pub const DEFAULT_DATASET: &str = "yeast4";

/// Bootstrap resamples of the test rows behind each interval.
pub const BOOTSTRAP: usize = 1000;

/// The experiment's parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Params {
    /// Fraction of rows held out, per class.
    pub test_size: f64,
    /// Predict positive when P(positive) ≥ threshold.
    pub threshold: f64,
    /// The logistic model's L2 penalty α (scikit-learn's C = 1/α).
    pub alpha: f64,
    pub seed: u64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            test_size: 0.25,
            threshold: 0.5,
            alpha: 1.0,
            seed: seed::DEFAULT_SEED,
        }
    }
}

impl Check for Params {
    fn validate(&self) -> Result<()> {
        if !(0.0..=1.0).contains(&self.threshold) {
            return Err(Error::param(
                "threshold",
                format!(
                    "{} is out of range; use a probability in [0, 1]",
                    self.threshold
                ),
            ));
        }
        if !(self.test_size > 0.0 && self.test_size < 1.0) {
            return Err(Error::param(
                "test_size",
                format!(
                    "{} is out of range; use a fraction strictly between 0 and 1",
                    self.test_size
                ),
            ));
        }
        Logistic::new(self.alpha).map(|_| ())
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

/// The experiment's results.
#[derive(Debug, Clone, Serialize)]
pub struct AccuracyParadox {
    pub positive_class: String,
    pub train_rows: usize,
    pub test_rows: usize,
    pub test_positives: usize,
    pub threshold: f64,
    pub models: Vec<ModelMetrics>,
    /// Each metric's no-skill baseline on the test labels (see [`no_skill`]).
    pub baselines: BTreeMap<&'static str, f64>,
    pub findings: Vec<Finding>,
    /// The numbers in words, every judgement from `findings`.
    pub reading: String,
}

pub type MetricsReport = Report<Checked<Params>, AccuracyParadox>;

/// The metrics with a baseline, in table order.
pub const METRICS: [Metric; 10] = [
    Metric::Accuracy,
    Metric::BalancedAccuracy,
    Metric::Precision,
    Metric::Recall,
    Metric::F1,
    Metric::Mcc,
    Metric::RocAuc,
    Metric::AveragePrecision,
    Metric::LogLoss,
    Metric::Brier,
];

pub fn run(
    data: &Dataset,
    params: &Checked<Params>,
    _progress: &dyn Observer,
) -> Result<MetricsReport> {
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
    let mut outputs = Vec::new();
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
        outputs.push((pred, proba));
    }
    let findings = judge(&y_test, &outputs[0], &outputs[1], params.seed);
    let reading = read(&models[0], &models[1], findings.as_slice());
    let results = AccuracyParadox {
        positive_class: data.positive_class().unwrap_or("1").to_owned(),
        train_rows: train.len(),
        test_rows: test.len(),
        test_positives: y_test.iter().filter(|&&v| v == 1).count(),
        threshold: params.threshold,
        models,
        baselines: METRICS
            .iter()
            .map(|&m| (m.name(), no_skill(m, &y_test)))
            .collect(),
        findings: findings.into_vec(),
        reading,
    };
    Ok(Report::new(
        "metrics",
        params.clone(),
        Some(data.summary()),
        results,
    ))
}

type Output = (Vec<usize>, Vec<f64>);

/// The findings: whether each of accuracy, balanced accuracy and ROC-AUC separates
/// logistic regression from the baseline, and whether accuracy separates them less than
/// balanced accuracy (the paradox). Accuracy's difference uses McNemar's table of the test
/// rows; the others a bootstrap of the test rows.
fn judge(y: &[usize], base: &Output, model: &Output, seed: u64) -> Findings {
    let mut out = Findings::default();
    let right = |p: &[usize], i: usize| p[i] == y[i];
    let b = (0..y.len())
        .filter(|&i| right(&model.0, i) && !right(&base.0, i))
        .count();
    let c = (0..y.len())
        .filter(|&i| !right(&model.0, i) && right(&base.0, i))
        .count();
    out.push(Finding::new(
        "accuracy-separates",
        "logistic regression's accuracy is above the majority baseline's",
        Effect::paired_proportions(b, c, y.len()),
        Rope::score(),
        Direction::Greater,
    ));
    let stat = |rows: &[usize]| -> [f64; 4] {
        let yy: Vec<usize> = rows.iter().map(|&i| y[i]).collect();
        let sub = |v: &[usize]| rows.iter().map(|&i| v[i]).collect::<Vec<_>>();
        let (pb, pm) = (sub(&base.0), sub(&model.0));
        let proba: Vec<f64> = rows.iter().map(|&i| model.1[i]).collect();
        let acc = |p: &[usize]| metrics::accuracy(&yy, p).unwrap_or(f64::NAN);
        let bal = |p: &[usize]| metrics::balanced_accuracy(&yy, p).unwrap_or(f64::NAN);
        let both = yy.contains(&0) && yy.contains(&1);
        let nan_unless = |v: f64| if both { v } else { f64::NAN };
        let bal_gap = nan_unless(bal(&pm) - bal(&pb));
        [
            bal_gap,
            nan_unless(metrics::roc_auc(&yy, &proba).unwrap_or(f64::NAN)),
            bal_gap - (acc(&pm) - acc(&pb)),
            0.0,
        ]
    };
    let all: Vec<usize> = (0..y.len()).collect();
    let point = stat(&all);
    let mut rng = seed::rng(seed, "metrics-bootstrap", 0);
    let reps: Vec<[f64; 4]> = (0..BOOTSTRAP)
        .map(|_| {
            let rows: Vec<usize> = (0..y.len()).map(|_| rng.gen_range(0..y.len())).collect();
            stat(&rows)
        })
        .collect();
    let column = |k: usize| reps.iter().map(|r| r[k]).collect::<Vec<_>>();
    let what = "resamples of the test rows";
    out.push(Finding::new(
        "balanced-accuracy-separates",
        "logistic regression's balanced accuracy is above the baseline's",
        Effect::bootstrap_percentile(point[0], &column(0), what),
        Rope::score(),
        Direction::Greater,
    ));
    out.push(Finding::new(
        "model-beats-baseline",
        "logistic regression ranks positives above negatives better than chance (ROC-AUC above 0.5)",
        Effect::bootstrap_percentile(point[1], &column(1), what),
        Rope { lo: 0.49, hi: 0.51 },
        Direction::Greater,
    ));
    out.push(Finding::new(
        "accuracy-misleads",
        "accuracy separates the two models by less than balanced accuracy does",
        Effect::bootstrap_percentile(point[2], &column(2), what),
        Rope::score(),
        Direction::Greater,
    ));
    out
}

/// The numbers in words (no judgement), then one sentence per finding.
fn read(base: &ModelMetrics, model: &ModelMetrics, findings: &[Finding]) -> String {
    let positives = base.confusion.tp + base.confusion.fn_;
    let describe = |m: &ModelMetrics| {
        format!(
            "{} scores accuracy {}, balanced accuracy {} and finds {} of {positives} positives",
            m.model,
            evidence::number(m.accuracy),
            evidence::number(m.balanced_accuracy),
            m.confusion.tp
        )
    };
    format!(
        "On the test rows, {}; {}. {}",
        describe(base),
        describe(model),
        evidence::reading(findings)
    )
}

#[cfg(test)]
mod tests;
