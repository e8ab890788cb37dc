//! Leakage, measured: the same model scored by an honest and a leaky protocol on the same
//! data, the inflation reported in points of the metric.

use ndarray::{Array1, Array2};
use serde::Serialize;

use mlproof_core::data::{Dataset, FeatureKind};
use mlproof_core::metrics::Metric;
use mlproof_core::model::{BinaryClassifier, Pipeline, SelectKBest, Step};
use mlproof_core::stats::Summary;
use mlproof_core::{Error, Result};

use crate::cv::{cross_validate, CvOptions};
use crate::split::{Fold, Splitter};

/// Features and a forward-looking label from a time-ordered numeric table.
///
/// Row t (for t = w−1 … n−h−1) has as features the mean of every numeric column over the
/// trailing window t−w+1 … t, and as label 1 when the `series` column summed over the next
/// h rows t+1 … t+h is positive. Consecutive labels share h − 1 of their h future rows, so
/// neighbouring rows are near-duplicates in both features and label: a shuffled k-fold
/// puts a row's neighbours in training, and the score measures memory, not forecasting.
pub fn forward_label_design(
    data: &Dataset,
    series: &str,
    window: usize,
    horizon: usize,
) -> Result<(Array2<f64>, Array1<usize>)> {
    if window == 0 || horizon == 0 {
        return Err(Error::param(
            if window == 0 { "window" } else { "horizon" },
            "must be at least 1",
        ));
    }
    let j = data
        .feature_names
        .iter()
        .position(|f| f == series)
        .ok_or_else(|| {
            Error::usage(format!(
                "no feature column '{series}' to build the forward label from; columns: {}",
                data.feature_names.join(", ")
            ))
        })?;
    let numeric: Vec<usize> = (0..data.n_features())
        .filter(|&c| data.feature_kinds[c] == FeatureKind::Numeric)
        .collect();
    let n = data.n_rows();
    if n < window.saturating_add(horizon).saturating_add(10) {
        return Err(Error::input(format!(
            "{n} rows are too few for --window {window} and --horizon {horizon}"
        )));
    }
    let x = &data.features;
    let rows: Vec<usize> = (window - 1..n - horizon).collect();
    let features = Array2::from_shape_fn((rows.len(), numeric.len()), |(r, c)| {
        let t = rows[r];
        x.slice(ndarray::s![t + 1 - window..=t, numeric[c]]).sum() / window as f64
    });
    let labels = rows
        .iter()
        .map(|&t| usize::from(x.slice(ndarray::s![t + 1..=t + horizon, j]).sum() > 0.0))
        .collect();
    Ok((features, labels))
}

/// One protocol's fold scores.
#[derive(Debug, Clone, Serialize)]
pub struct Protocol {
    pub name: String,
    pub leaky: bool,
    pub splitter: Splitter,
    pub folds: Vec<f64>,
    pub summary: Summary,
}

/// Honest and leaky protocols side by side.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub metric: Metric,
    pub protocols: Vec<Protocol>,
    /// First leaky mean minus first honest mean, in points (×100).
    pub inflation_points: f64,
    /// Standard error of that difference, in points: √(s₁²/k₁ + s₂²/k₂).
    pub inflation_se_points: f64,
}

fn score(
    x: &Array2<f64>,
    y: &Array1<usize>,
    learner: &dyn BinaryClassifier,
    folds: &[Fold],
    metric: Metric,
    seed: u64,
) -> Result<Vec<f64>> {
    let opts = CvOptions {
        metrics: vec![metric],
        threshold: 0.5,
        train_scores: false,
        seed,
    };
    let r = cross_validate(x, y, learner, folds, &opts)?;
    Ok(r.folds.iter().map(|f| f.test[metric.name()]).collect())
}

/// The first leaky protocol against the first honest one. With `paired` (both scored on the
/// same folds) the standard error is that of the per-fold differences, sd(d)/√k; otherwise
/// √(s₁²/k₁ + s₂²/k₂).
fn compare(metric: Metric, protocols: Vec<Protocol>, paired: bool) -> Comparison {
    let leaky = protocols.iter().find(|p| p.leaky);
    let honest = protocols.iter().find(|p| !p.leaky);
    let (inflation_points, inflation_se_points) = match (leaky, honest) {
        (Some(l), Some(h)) => {
            let se = if paired {
                let d: Vec<f64> = l.folds.iter().zip(&h.folds).map(|(a, b)| a - b).collect();
                Summary::of(&d).std / (d.len() as f64).sqrt()
            } else {
                (l.summary.std.powi(2) / l.summary.n as f64
                    + h.summary.std.powi(2) / h.summary.n as f64)
                    .sqrt()
            };
            (100.0 * (l.summary.mean - h.summary.mean), 100.0 * se)
        }
        _ => (f64::NAN, f64::NAN),
    };
    Comparison {
        metric,
        protocols,
        inflation_points,
        inflation_se_points,
    }
}

/// Shuffled k-fold (leaky for time-ordered rows) against a time-series split, without and
/// with a gap of `gap` rows, on the same rows and learner.
pub fn time_order(
    x: &Array2<f64>,
    y: &Array1<usize>,
    learner: &dyn BinaryClassifier,
    n_splits: usize,
    gap: usize,
    seed: u64,
) -> Result<Comparison> {
    let metric = Metric::Accuracy;
    let schemes = [
        (
            "shuffled k-fold",
            true,
            Splitter::KFold {
                n_splits,
                shuffle: true,
            },
        ),
        (
            "time-series split",
            false,
            Splitter::TimeSeries {
                n_splits,
                max_train_size: None,
                test_size: None,
                gap: 0,
            },
        ),
        (
            "time-series split with gap",
            false,
            Splitter::TimeSeries {
                n_splits,
                max_train_size: None,
                test_size: None,
                gap,
            },
        ),
    ];
    let mut protocols = Vec::new();
    for (name, leaky, splitter) in schemes {
        if !leaky && name.ends_with("gap") && gap == 0 {
            continue;
        }
        let splitter = splitter.check()?;
        let folds = splitter.split(x.nrows(), None, seed)?.folds;
        let scores = score(x, y, learner, &folds, metric, seed)?;
        let summary = Summary::of(&scores);
        protocols.push(Protocol {
            name: name.into(),
            leaky,
            splitter,
            folds: scores,
            summary,
        });
    }
    Ok(compare(metric, protocols, false))
}

/// Feature selection fitted on all rows before cross-validation (leaky) against the same
/// selection refitted inside every training fold (honest), scored by ROC-AUC.
pub fn preprocessing(
    x: &Array2<f64>,
    y: &Array1<usize>,
    learner: Box<dyn BinaryClassifier>,
    k: usize,
    folds: &[Fold],
    seed: u64,
) -> Result<Comparison> {
    let metric = Metric::RocAuc;
    let select = SelectKBest { k };
    // Leaky: the columns are chosen looking at every row's label, test rows included.
    let chosen = select.fit(x, y)?.apply(x);
    let leaky_scores = score(&chosen, y, learner.as_ref(), folds, metric, seed)?;
    let honest = Pipeline {
        steps: vec![Box::new(select)],
        learner,
    };
    let honest_scores = score(x, y, &honest, folds, metric, seed)?;
    let stratified = Splitter::Stratified {
        n_splits: folds.len(),
        shuffle: true,
    };
    let protocol = |name: &str, leaky: bool, folds: Vec<f64>| Protocol {
        name: name.into(),
        leaky,
        splitter: stratified.clone(),
        summary: Summary::of(&folds),
        folds,
    };
    Ok(compare(
        metric,
        vec![
            protocol(
                &format!("select {k} features on all rows, then CV"),
                true,
                leaky_scores,
            ),
            protocol(
                &format!("select {k} features inside each training fold"),
                false,
                honest_scores,
            ),
        ],
        true,
    ))
}

/// Pure noise: `n` rows of `d` independent N(0, 1) features and balanced random labels, so
/// every honest estimate of ROC-AUC should be near ½.
pub fn noise(n: usize, d: usize, seed: u64) -> (Array2<f64>, Array1<usize>) {
    use rand::Rng;
    let mut rng = mlproof_core::seed::rng(seed, "leakage/noise", 0);
    let x = Array2::from_shape_simple_fn((n, d), || mlproof_core::seed::standard_normal(&mut rng));
    let y = (0..n).map(|_| usize::from(rng.gen::<bool>())).collect();
    (x, y)
}

/// Resampling before the split (leaky: copies of a test row can sit in the training folds)
/// against the same resampler refitted inside every training fold (honest), scored by F1
/// on the positive class, stratified k-fold both ways.
pub fn resampling(
    x: &Array2<f64>,
    y: &Array1<usize>,
    learner: Box<dyn BinaryClassifier>,
    resampler: Box<dyn Step>,
    n_splits: usize,
    seed: u64,
) -> Result<Comparison> {
    let metric = Metric::F1;
    let splitter = Splitter::Stratified {
        n_splits,
        shuffle: true,
    }
    .check()?;
    let name = resampler.name();
    let (xr, yr, _) = resampler.fit_resample(
        x,
        y,
        mlproof_core::seed::derive(seed, "leakage/resample", 0),
    )?;
    let leaky_folds = splitter.split(xr.nrows(), Some(&yr.to_vec()), seed)?.folds;
    let leaky = score(&xr, &yr, learner.as_ref(), &leaky_folds, metric, seed)?;
    let honest_folds = splitter.split(x.nrows(), Some(&y.to_vec()), seed)?.folds;
    let pipeline = Pipeline {
        steps: vec![resampler],
        learner,
    };
    let honest = score(x, y, &pipeline, &honest_folds, metric, seed)?;
    let protocol = |label: String, leaky: bool, folds: Vec<f64>| Protocol {
        name: label,
        leaky,
        splitter: splitter.clone(),
        summary: Summary::of(&folds),
        folds,
    };
    Ok(compare(
        metric,
        vec![
            protocol(format!("{name} on all rows, then CV"), true, leaky),
            protocol(format!("{name} inside each training fold"), false, honest),
        ],
        false,
    ))
}
