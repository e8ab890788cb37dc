//! Resampling all rows before CV against resampling inside each training fold.
//!
//! Resampling first does two things to the leaky protocol's test folds: copies (or synthetic
//! neighbours) of a test row sit in the training folds — memorisation — and the test folds
//! take the resampled positive rate (½ after balancing), which raises F1 by itself (its
//! always-positive baseline 2π/(1 + π) moves with the rate π). Both are measured: the leaky
//! folds' F1 is also computed with their positives reweighted to the honest positive rate,
//! w = π_h(1 − π_l) / ((1 − π_h)π_l), F1_w = 2w·TP / (2w·TP + FP + w·FN).

use mlproof_core::evidence::{self, Direction, Effect, Finding, Findings, Rope};
use mlproof_core::metrics::{self, Metric};
use mlproof_core::model::pipeline::Transform;
use mlproof_core::model::{BinaryClassifier, Pipeline, Step};
use mlproof_core::progress::Observer;
use mlproof_core::stats::Summary;
use mlproof_core::{seed, Result};
use mlproof_data::{encode, Dataset, FeatureKind};
use mlproof_imbalance::SamplingStrategy;
use mlproof_validation::cv::{cross_validate, CvOptions};
use mlproof_validation::leakage::Protocol;
use mlproof_validation::{Fold, Splitter};
use ndarray::{Array1, Array2, Axis};
use rayon::prelude::*;
use serde::Serialize;

use crate::common::fold_difference;

use super::{
    above_baseline, describe_gap, fold_baselines, inflation, inflation_points, mean, tree, Leakage,
    Method, Params,
};

/// SMOTE's and ADASYN's neighbours, and Borderline-SMOTE's danger neighbourhood.
const K_NEIGHBORS: usize = 5;
const M_NEIGHBORS: usize = 10;

/// The positive rates of the two protocols' test folds, and the leaky score at the honest rate.
#[derive(Debug, Clone, Serialize)]
pub struct PositiveRate {
    /// Positives / rows over the leaky protocol's test folds (after resampling).
    pub leaky_test_rate: f64,
    /// Positives / rows over the honest protocol's test folds (the data's own rate).
    pub honest_test_rate: f64,
    /// The leaky folds' F1 with their positives reweighted to `honest_test_rate`.
    pub leaky_folds_at_honest_rate: Vec<f64>,
    pub leaky_at_honest_rate: Summary,
}

/// The resampler `method` names, as an in-fold step (the same one `resample` uses).
fn resampler(method: Method, ratio: Option<f64>, categorical: Vec<bool>) -> Result<Box<dyn Step>> {
    crate::resample::resampler(method, K_NEIGHBORS, M_NEIGHBORS, ratio, categorical)
}

/// One-hot encoding of category codes (the columns with `Some(levels)`), as
/// [`encode::one_hot`]: SMOTE-NC resamples the codes, the model sees the indicators.
#[derive(Debug, Clone)]
struct OneHotCodes(Vec<Option<usize>>);

impl OneHotCodes {
    fn of(data: &Dataset) -> Self {
        OneHotCodes(
            data.feature_kinds
                .iter()
                .map(|k| match k {
                    FeatureKind::Categorical { levels } => Some(levels.len()),
                    FeatureKind::Numeric => None,
                })
                .collect(),
        )
    }
}

impl Transform for OneHotCodes {
    fn apply(&self, x: &Array2<f64>) -> Array2<f64> {
        let sources: Vec<(usize, Option<f64>)> = self
            .0
            .iter()
            .enumerate()
            .flat_map(|(j, levels)| match levels {
                None => vec![(j, None)],
                Some(n) => (0..*n).map(|c| (j, Some(c as f64))).collect(),
            })
            .collect();
        Array2::from_shape_fn((x.nrows(), sources.len()), |(i, c)| match sources[c] {
            (j, None) => x[[i, j]],
            (j, Some(code)) => f64::from(u8::from(x[[i, j]] == code)),
        })
    }
}

impl Step for OneHotCodes {
    fn name(&self) -> String {
        "one-hot".into()
    }

    fn fit(&self, _x: &Array2<f64>, _y: &Array1<usize>) -> Result<Box<dyn Transform>> {
        Ok(Box::new(self.clone()))
    }
}

/// F1 with the positives weighted by `w` (w = 1: plain F1; 0 when nothing is predicted or
/// present, as scikit-learn's zero_division=0).
fn weighted_f1(y: &[usize], pred: &[usize], w: f64) -> f64 {
    let count = |t: usize, p: usize| {
        y.iter()
            .zip(pred)
            .filter(|&(&a, &b)| a == t && b == p)
            .count() as f64
    };
    let (tp, fp, fn_) = (count(1, 1), count(0, 1), count(1, 0));
    let denom = 2.0 * w * tp + fp + w * fn_;
    if denom > 0.0 {
        2.0 * w * tp / denom
    } else {
        0.0
    }
}

/// The share of positives in the folds' test rows, pooled.
fn test_rate(y: &Array1<usize>, folds: &[Fold]) -> f64 {
    let (pos, n) = folds.iter().fold((0usize, 0usize), |(p, n), f| {
        (
            p + f.test.iter().filter(|&&i| y[i] == 1).count(),
            n + f.test.len(),
        )
    });
    pos as f64 / n as f64
}

/// Each fold's F1 (as cross-validation scores it) and its F1 at the positive rate `target`.
fn leaky_scores(
    x: &Array2<f64>,
    y: &Array1<usize>,
    learner: &dyn BinaryClassifier,
    folds: &[Fold],
    target: f64,
    seed_value: u64,
    progress: &dyn Observer,
) -> Result<Vec<(f64, f64)>> {
    folds
        .par_iter()
        .enumerate()
        .map(|(k, f)| {
            let (xt, yt) = (x.select(Axis(0), &f.train), y.select(Axis(0), &f.train));
            let fitted = learner.fit(&xt, &yt, seed::derive(seed_value, "cv/fit", k as u64))?;
            let proba = fitted.predict_proba(&x.select(Axis(0), &f.test));
            let threshold = fitted.threshold().unwrap_or(0.5);
            let pred: Vec<usize> = proba.iter().map(|&p| usize::from(p >= threshold)).collect();
            let labels: Vec<usize> = f.test.iter().map(|&i| y[i]).collect();
            let rate = labels.iter().sum::<usize>() as f64 / labels.len() as f64;
            let w = target * (1.0 - rate) / ((1.0 - target) * rate);
            progress.tick();
            Ok((metrics::f1(&labels, &pred)?, weighted_f1(&labels, &pred, w)))
        })
        .collect()
}

pub(super) fn run(
    data: &Dataset,
    params: &Params,
    progress: &dyn Observer,
) -> Result<(Leakage, Vec<String>)> {
    let seed = params.seed;
    let metric = Metric::F1;
    let y = data.binary_target()?;
    let categorical: Vec<&str> = data
        .feature_names
        .iter()
        .zip(&data.feature_kinds)
        .filter(|(_, k)| matches!(k, FeatureKind::Categorical { .. }))
        .map(|(n, _)| n.as_str())
        .collect();
    let mut warnings = Vec::new();
    let interpolates = matches!(
        params.method,
        Method::Smote | Method::Borderline | Method::Adasyn
    );
    if interpolates && !categorical.is_empty() {
        warnings.push(format!(
            "{:?} interpolates between the one-hot indicator columns of the categorical feature(s) {}; \
             SMOTE-NC treats them as categories",
            params.method,
            categorical.join(", ")
        ));
    }
    // SMOTE-NC resamples the category codes and one-hot encodes afterwards; the others
    // resample the one-hot design directly (encoding from the schema leaks nothing).
    let codes = params.method == Method::SmoteNc;
    let one_hot = OneHotCodes::of(data);
    let x = if codes {
        data.features.clone()
    } else {
        encode::one_hot(data).0
    };
    let mask: Vec<bool> = data
        .feature_kinds
        .iter()
        .map(|k| matches!(k, FeatureKind::Categorical { .. }))
        .collect();
    let step = || resampler(params.method, params.ratio, mask.clone());
    let name = step()?.name();
    let (model, model_name) = tree(params.max_depth)?;
    let splitter = Splitter::Stratified {
        n_splits: params.n_splits,
        shuffle: true,
    }
    .check()?;
    progress.start("resampling leakage", params.n_splits + 1);
    let (xr, yr, _) = step()?.fit_resample(&x, &y, seed::derive(seed, "leakage/resample", 0))?;
    let xr = if codes { one_hot.apply(&xr) } else { xr };
    let leaky_folds = splitter.split(xr.nrows(), Some(&yr.to_vec()), seed)?.folds;
    let honest_folds = splitter.split(x.nrows(), Some(&y.to_vec()), seed)?.folds;
    let honest_rate = test_rate(&y, &honest_folds);
    let leaky_rate = test_rate(&yr, &leaky_folds);
    let scored = leaky_scores(&xr, &yr, &model, &leaky_folds, honest_rate, seed, progress)?;
    let (leaky, at_rate): (Vec<f64>, Vec<f64>) = scored.into_iter().unzip();
    let mut steps = vec![step()?];
    if codes {
        steps.push(Box::new(one_hot.clone()));
    }
    let pipeline = Pipeline {
        steps,
        learner: Box::new(model),
    };
    let opts = CvOptions {
        metrics: vec![metric],
        threshold: 0.5,
        train_scores: false,
        seed,
    };
    let honest: Vec<f64> = cross_validate(&x, &y, &pipeline, &honest_folds, &opts)?
        .folds
        .iter()
        .map(|f| f.test[metric.name()])
        .collect();
    progress.tick();
    progress.finish();
    let protocol = |label: String, leaky: bool, folds: Vec<f64>| Protocol {
        name: label,
        leaky,
        splitter: splitter.clone(),
        summary: Summary::of(&folds),
        folds,
    };
    let protocols = vec![
        protocol(format!("{name} on all rows, then CV"), true, leaky.clone()),
        protocol(
            format!("{name} inside each training fold"),
            false,
            honest.clone(),
        ),
    ];
    let baselines = [
        fold_baselines(metric, &yr, &leaky_folds),
        fold_baselines(metric, &y, &honest_folds),
    ];
    let slug = params.method.slug();
    let design = "stratified k-fold";
    let mut findings = Findings::default();
    findings.push(inflation(
        &format!("leaky-{slug}-inflates"),
        &format!("{name} before the split inflates CV F1"),
        (&leaky, &leaky_folds),
        (&honest, &honest_folds),
        design,
    ));
    findings.push(Finding::new(
        "leaky-folds-raise-positive-rate",
        "the leaky protocol's test folds hold a larger share of positives than the honest ones",
        Effect::exact(
            leaky_rate - honest_rate,
            "exact: pooled positive rate of the leaky test folds minus the honest ones'",
        ),
        Rope::score(),
        Direction::Greater,
    ));
    findings.push(inflation(
        &format!("leaky-{slug}-inflates-at-honest-rate"),
        &format!(
            "{name} before the split still inflates CV F1 with the leaky folds reweighted to the honest positive rate (memorisation)"
        ),
        (&at_rate, &leaky_folds),
        (&honest, &honest_folds),
        design,
    ));
    findings.push(Finding::new(
        "positive-rate-inflates-f1",
        "the leaky folds' higher positive rate by itself raises their F1",
        fold_difference(
            &leaky,
            &at_rate,
            &leaky_folds,
            "leaky stratified k-fold (each at its own and at the honest positive rate)",
        ),
        Rope::score(),
        Direction::Greater,
    ));
    let who = |i: usize| protocols[i].name.clone();
    findings.push(above_baseline(
        "leaky-above-baseline",
        &who(0),
        &leaky,
        &baselines[0],
        &leaky_folds,
        design,
    ));
    findings.push(above_baseline(
        "honest-above-baseline",
        &who(1),
        &honest,
        &baselines[1],
        &honest_folds,
        design,
    ));
    let n = evidence::number;
    let reading = format!(
        "{}. The leaky test folds are {} positive against {} in the honest ones, so F1's \
         always-positive baseline is {} there against {}; with the leaky folds' positives \
         reweighted to the honest rate their F1 is {}. {}",
        describe_gap(metric, &protocols[0], &protocols[1]),
        n(leaky_rate),
        n(honest_rate),
        n(mean(&baselines[0])),
        n(mean(&baselines[1])),
        n(mean(&at_rate)),
        evidence::reading(findings.as_slice())
    );
    let (inflation_points, inflation_se_points) = inflation_points(&protocols, false);
    let strategy = params
        .ratio
        .map_or(SamplingStrategy::Auto, SamplingStrategy::Ratio);
    Ok((
        Leakage {
            design: format!("{name} (ratio {strategy:?}) before vs inside the folds"),
            model: model_name,
            metric,
            protocol_baselines: baselines.iter().map(|b| mean(b)).collect(),
            baseline_model: "always positive, on each protocol's test folds",
            protocols,
            inflation_points,
            inflation_se_points,
            resampling: Some(PositiveRate {
                leaky_test_rate: leaky_rate,
                honest_test_rate: honest_rate,
                leaky_at_honest_rate: Summary::of(&at_rate),
                leaky_folds_at_honest_rate: at_rate,
            }),
            findings: findings.into_vec(),
            reading,
        },
        warnings,
    ))
}
