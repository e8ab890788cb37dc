//! Claims about validation: leaks through selection and tuning, stratification, time order.

use mlproof_core::evidence::{Direction, Effect, Rope};
use mlproof_core::metrics::Metric;
use mlproof_core::model::{Logistic, Pipeline, SelectKBest, Standardize, Step};
use mlproof_core::{seed, Result};
use mlproof_validation::cv::{cross_validate, CvOptions};
use mlproof_validation::Splitter;
use ndarray::{Array2, Axis};

use super::imbalance::design;
use super::learners;
use super::{judged, Context, Outcome};

/// Pure-noise columns drawn for the selection claim (ESL §7.10.2's design, at our size).
pub const NOISE_FEATURES: usize = 500;
/// Features the selection keeps.
pub const SELECTED: usize = 10;
/// Tree depths the tuning claim chooses among.
pub const DEPTHS: std::ops::RangeInclusive<usize> = 1..=8;

fn options(seed: u64, metric: Metric) -> CvOptions {
    CvOptions {
        metrics: vec![metric],
        threshold: 0.5,
        train_scores: false,
        seed,
    }
}

pub fn selection_leak_inflates(ctx: &Context) -> Result<Outcome> {
    let d = design!(ctx);
    let mut rng = seed::rng(d.seed, "claims/noise", 0);
    let noise = Array2::from_shape_fn((d.y.len(), NOISE_FEATURES), |_| {
        seed::standard_normal(&mut rng)
    });
    // Leaky: the columns chosen on every row, then cross-validated.
    let chosen = SelectKBest { k: SELECTED }.fit(&noise, &d.y)?.apply(&noise);
    let leaky = d.scores_on(&chosen, learners::logistic()?.as_ref())?;
    // Honest: chosen again inside every training fold.
    let honest = Pipeline {
        steps: vec![Box::new(SelectKBest { k: SELECTED }), Box::new(Standardize)],
        learner: Box::new(Logistic::new(1.0)?),
    };
    let honest = d.scores_on(&noise, &honest)?;
    Ok(judged(
        "selection-leak-inflates",
        format!(
            "choosing {SELECTED} of {NOISE_FEATURES} pure-noise features on all rows reads a higher CV ROC-AUC than choosing them inside the folds"
        ),
        d.difference(&leaky, &honest, Metric::RocAuc),
        ctx.rope,
        Direction::Greater,
    ))
}

pub fn tuning_leak_inflates(ctx: &Context) -> Result<Outcome> {
    let d = design!(ctx);
    let metric = Metric::RocAuc;
    let per_depth = DEPTHS
        .map(|depth| {
            Ok(d.scored(&format!("tree depth {depth}"), || {
                learners::tree(Some(depth))
            })?["roc_auc"]
                .clone())
        })
        .collect::<Result<Vec<Vec<f64>>>>()?;
    // Not nested: each repeat picks the depth with the best mean over its own K folds and
    // reports that depth's fold scores.
    let mut chosen_scores = Vec::new();
    for r in 0..d.repeats {
        let span = r * d.k..(r + 1) * d.k;
        let mean = |s: &Vec<f64>| s[span.clone()].iter().sum::<f64>() / d.k as f64;
        let best = (0..per_depth.len())
            .max_by(|&a, &b| {
                mean(&per_depth[a])
                    .total_cmp(&mean(&per_depth[b]))
                    .then(b.cmp(&a))
            })
            .unwrap_or(0);
        chosen_scores.extend_from_slice(&per_depth[best][span]);
    }
    // Nested: each outer fold picks the depth by 3-fold CV inside its training rows.
    let nested = d
        .folds
        .iter()
        .enumerate()
        .map(|(i, fold)| {
            let (xt, yt) = (
                d.x.select(Axis(0), &fold.train),
                d.y.select(Axis(0), &fold.train),
            );
            let labels = yt.to_vec();
            let inner = Splitter::Stratified {
                n_splits: 3,
                shuffle: true,
            }
            .check()?
            .split(
                labels.len(),
                Some(&labels),
                seed::derive(d.seed, "claims/inner", i as u64),
            )?
            .folds;
            let mut best = (f64::NEG_INFINITY, 1);
            for depth in DEPTHS {
                let learner = learners::tree(Some(depth))?;
                let r =
                    cross_validate(&xt, &yt, learner.as_ref(), &inner, &options(d.seed, metric))?;
                let m = r.test["roc_auc"].mean;
                if m > best.0 {
                    best = (m, depth);
                }
            }
            let fitted = learners::tree(Some(best.1))?.fit(&xt, &yt, d.seed)?;
            let (xs, ys) = (
                d.x.select(Axis(0), &fold.test),
                d.y.select(Axis(0), &fold.test),
            );
            let proba = fitted.predict_proba(&xs).to_vec();
            let pred: Vec<usize> = proba.iter().map(|&p| usize::from(p >= 0.5)).collect();
            metric.compute(&ys.to_vec(), &pred, &proba)
        })
        .collect::<Result<Vec<f64>>>()?;
    let effect = crate::common::fold_difference(&chosen_scores, &nested, &d.folds, &d.describe());
    Ok(judged(
        "tuning-leak-inflates",
        "the CV ROC-AUC of the tree depth chosen by that CV exceeds the nested estimate",
        effect,
        ctx.rope,
        Direction::Greater,
    ))
}

/// Repeats of each scheme in the stratification claim: four times the design's.
fn spread_repeats(repeats: usize) -> usize {
    4 * repeats
}

pub fn stratified_lower_variance(ctx: &Context) -> Result<Outcome> {
    let d = design!(ctx);
    let labels = d.y.to_vec();
    let n = labels.len();
    let learner = learners::logistic()?;
    let spread = |splitter: Splitter, stream: &str, r: usize| -> Result<f64> {
        let folds = splitter
            .check()?
            .split(n, Some(&labels), seed::derive(d.seed, stream, r as u64))?
            .folds;
        let res = cross_validate(
            &d.x,
            &d.y,
            learner.as_ref(),
            &folds,
            &options(d.seed, Metric::Accuracy),
        )?;
        Ok(res.test["accuracy"].std)
    };
    let repeats = spread_repeats(d.repeats);
    let diffs = (0..repeats)
        .map(|r| {
            let plain = spread(
                Splitter::KFold {
                    n_splits: d.k,
                    shuffle: true,
                },
                "claims/plain",
                r,
            )?;
            let strat = spread(
                Splitter::Stratified {
                    n_splits: d.k,
                    shuffle: true,
                },
                "claims/strat",
                r,
            )?;
            Ok(plain - strat)
        })
        .collect::<Result<Vec<f64>>>()?;
    let effect = Effect::corrected_resampled_t(&diffs, 1.0 / (d.k as f64 - 1.0), "repeats");
    Ok(judged(
        "stratified-lower-variance",
        format!(
            "the fold-to-fold standard deviation of logistic regression's accuracy is larger under plain {}-fold than under stratified {}-fold",
            d.k, d.k
        ),
        effect,
        // A difference of standard deviations: a tenth of the score ROPE.
        Rope::symmetric(ctx.rope.hi / 10.0),
        Direction::Greater,
    ))
}

pub fn shuffled_kfold_overestimates_time(ctx: &Context) -> Result<Outcome> {
    if ctx.data.time.is_none() {
        return Ok(Outcome::NotApplicable(
            "the rows have no time order (no time column)".into(),
        ));
    }
    let d = design!(ctx);
    let n = d.y.len();
    let labels = d.y.to_vec();
    let learner = learners::tree(None)?;
    let opts = options(d.seed, Metric::BalancedAccuracy);
    let shuffled = Splitter::KFold {
        n_splits: d.k,
        shuffle: true,
    }
    .check()?
    .split(n, Some(&labels), d.seed)?
    .folds;
    let forward = Splitter::TimeSeries {
        n_splits: d.k,
        max_train_size: None,
        test_size: None,
        gap: 0,
    }
    .check()?
    .split(n, None, d.seed)?
    .folds;
    let score = |folds| -> Result<Vec<f64>> {
        let r = cross_validate(&d.x, &d.y, learner.as_ref(), folds, &opts)?;
        Ok(r.folds
            .iter()
            .map(|f| f.test["balanced_accuracy"])
            .collect())
    };
    let effect = Effect::welch(
        &score(&shuffled)?,
        &score(&forward)?,
        "folds (shuffled vs forward)",
    );
    Ok(judged(
        "shuffled-kfold-overestimates-time",
        "a full-depth tree's balanced accuracy reads higher under shuffled k-fold than under a time-series split",
        effect,
        ctx.rope,
        Direction::Greater,
    ))
}
