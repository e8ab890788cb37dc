//! Early stopping: gradient boosting's training and validation log loss per stage on a
//! stratified hold-out (scikit-learn's `validation_fraction`), the lowest stage, and where
//! scikit-learn's patience rule (`n_iter_no_change`, `tol`) stops.
//!
//! Findings, each a bootstrap percentile interval over the validation rows (one fit):
//! `early-stopping-helps` — the mean per-row log loss of the last stage minus that of the
//! stage the patience rule keeps — and `beats-baseline` — the prior's log loss (π of the
//! validation rows for every row) minus the kept stage's. ROPE ±1% of the prior's log loss.

use mlproof_core::evidence::{self, Direction, Effect, Finding, Findings, Rope};
use mlproof_core::holdout::stratified_holdout;
use mlproof_core::metrics::{no_skill, Metric};
use mlproof_core::progress::Observer;
use mlproof_core::seed;
use mlproof_core::{Error, Result};
use mlproof_data::{encode, Dataset};
use mlproof_trees::boosting::{fit_staged_observed, patience_stop, BoostingParams};
use rand::Rng;
use serde::Serialize;

use super::{Kind, Params};
use crate::common::{ModelKind, ModelSpec};

/// Validation share, as scikit-learn's `validation_fraction` default.
pub const VALIDATION_FRACTION: f64 = 0.1;
/// scikit-learn's `tol` default.
pub const TOL: f64 = 1e-4;
/// The stage trees' depth when none is given (scikit-learn's default).
pub const DEFAULT_DEPTH: usize = 3;
/// Bootstrap resamples of the validation rows behind each interval.
pub const BOOTSTRAP: usize = 1000;

/// Early stopping's results.
#[derive(Debug, Clone, Serialize)]
pub struct Staged {
    pub train_loss: Vec<f64>,
    pub validation_loss: Vec<f64>,
    /// Stage (1-based) with the lowest validation loss.
    pub best_stage: usize,
    /// Stages scikit-learn's patience rule keeps, if it stops.
    pub patience_stop: Option<usize>,
    pub train_rows: usize,
    pub validation_rows: usize,
    /// The prior's log loss on the validation rows (no skill).
    pub baseline: f64,
    pub baseline_model: &'static str,
    pub findings: Vec<Finding>,
    /// The numbers in words, every judgement from `findings`.
    pub reading: String,
}

/// The boosting parameters the experiment fits.
pub fn boosting_params(params: &Params) -> BoostingParams {
    BoostingParams {
        n_stages: params.boosting.n_estimators,
        learning_rate: params.boosting.learning_rate,
        max_depth: params.model.max_depth.unwrap_or(DEFAULT_DEPTH),
    }
}

/// Ranges, and no model setting but the stage trees' `max_depth`.
pub(super) fn validate(params: &Params) -> Result<()> {
    debug_assert_eq!(params.kind, Kind::EarlyStopping);
    let b = &params.boosting;
    if !(1..=100_000).contains(&b.n_estimators) {
        return Err(Error::param(
            "n_estimators",
            format!("must be between 1 and 100000, got {}", b.n_estimators),
        ));
    }
    if !(b.learning_rate > 0.0 && b.learning_rate <= 1.0) {
        return Err(Error::param(
            "learning_rate",
            format!("must be in (0, 1], got {}", b.learning_rate),
        ));
    }
    if b.patience == 0 {
        return Err(Error::param("patience", "must be at least 1"));
    }
    if params.model.max_depth == Some(0) {
        return Err(Error::param("max_depth", "must be at least 1 (got 0)"));
    }
    let (m, d) = (&params.model, ModelSpec::of(ModelKind::Tree));
    let changed = [
        ("model", m.kind != d.kind),
        (
            "min_samples_split",
            m.min_samples_split != d.min_samples_split,
        ),
        ("min_samples_leaf", m.min_samples_leaf != d.min_samples_leaf),
        ("criterion", m.criterion != d.criterion),
        ("ccp_alpha", m.ccp_alpha != d.ccp_alpha),
        ("alpha", m.alpha != d.alpha),
        ("select_k", m.select_k != d.select_k),
    ];
    if let Some((name, _)) = changed.iter().find(|(_, c)| *c) {
        return Err(Error::param(
            name,
            "does not apply to early stopping: gradient boosting takes only the stage trees' max_depth",
        ));
    }
    if params.splitter.is_some() {
        return Err(Error::param(
            "split",
            "does not apply to early stopping, which holds out a validation fraction",
        ));
    }
    boosting_params(params).check().map(|_| ())
}

/// −ln p(true class), p clipped to [1e-15, 1 − 1e-15] as scikit-learn's `log_loss`.
fn row_loss(y: usize, p: f64) -> f64 {
    let p = p.clamp(1e-15, 1.0 - 1e-15);
    -(if y == 1 { p } else { 1.0 - p }).ln()
}

pub(super) fn run(data: &Dataset, params: &Params, progress: &dyn Observer) -> Result<Staged> {
    let boosting = boosting_params(params).check()?;
    let y = data.binary_target()?;
    let (x, _) = encode::one_hot(data);
    let (train, val) = stratified_holdout(&y.to_vec(), 2, VALIDATION_FRACTION, params.seed)?;
    let pick = |rows: &[usize]| {
        (
            x.select(ndarray::Axis(0), rows),
            rows.iter().map(|&i| y[i]).collect::<Vec<usize>>(),
        )
    };
    let ((x_tr, y_tr), (x_val, y_val)) = (pick(&train), pick(&val));
    progress.start("boosting stages", boosting.n_stages);
    let fitted = fit_staged_observed(&x_tr, &y_tr, &x_val, &y_val, &boosting, progress);
    progress.finish();
    let (model, staged) = fitted?;
    let n = staged.validation.len();
    let best = (0..n)
        .min_by(|&a, &b| staged.validation[a].total_cmp(&staged.validation[b]))
        .unwrap_or(0);
    let stop = patience_stop(&staged.validation, params.boosting.patience, TOL);
    let kept = stop.unwrap_or(n);
    let loss_at = |stages: usize| -> Vec<f64> {
        let p = model.predict_proba(&x_val, stages);
        y_val
            .iter()
            .zip(&p)
            .map(|(&t, &q)| row_loss(t, q))
            .collect()
    };
    let (kept_loss, last_loss) = (loss_at(kept), loss_at(n));
    let prior = y_val.iter().filter(|&&v| v == 1).count() as f64 / y_val.len().max(1) as f64;
    let prior_loss: Vec<f64> = y_val.iter().map(|&t| row_loss(t, prior)).collect();
    let baseline = no_skill(Metric::LogLoss, &y_val);
    let findings = judge(
        &[(&last_loss, &kept_loss), (&prior_loss, &kept_loss)],
        kept,
        n,
        baseline,
        params.seed,
    );
    let reading = read(
        &staged.train,
        &staged.validation,
        best,
        stop,
        params,
        findings.as_slice(),
    );
    Ok(Staged {
        train_loss: staged.train,
        validation_loss: staged.validation,
        best_stage: best + 1,
        patience_stop: stop,
        train_rows: train.len(),
        validation_rows: val.len(),
        baseline,
        baseline_model: "the prior",
        findings: findings.into_vec(),
        reading,
    })
}

/// Each pair (a, b) of per-row losses gives mean(a − b) with a bootstrap percentile interval
/// over the validation rows (the same resampled rows for every pair).
fn judge(
    pairs: &[(&Vec<f64>, &Vec<f64>); 2],
    kept: usize,
    n: usize,
    baseline: f64,
    seed: u64,
) -> Findings {
    let rows = pairs[0].0.len();
    let mean_diff = |(a, b): (&Vec<f64>, &Vec<f64>), idx: &[usize]| {
        idx.iter().map(|&i| a[i] - b[i]).sum::<f64>() / idx.len().max(1) as f64
    };
    let all: Vec<usize> = (0..rows).collect();
    let mut rng = seed::rng(seed, "early-stopping-bootstrap", 0);
    let mut reps = [Vec::with_capacity(BOOTSTRAP), Vec::with_capacity(BOOTSTRAP)];
    for _ in 0..BOOTSTRAP {
        let idx: Vec<usize> = (0..rows).map(|_| rng.gen_range(0..rows.max(1))).collect();
        for (k, pair) in pairs.iter().enumerate() {
            reps[k].push(mean_diff(*pair, &idx));
        }
    }
    let what = "resamples of the validation rows";
    let noted = |e: Effect| {
        let method = format!(
            "{} (per-row log loss differences); ROPE ±1% of the prior's log loss",
            e.method
        );
        e.described(method)
    };
    let rope = Rope::relative(baseline);
    let mut out = Findings::default();
    out.push(Finding::new(
        "early-stopping-helps",
        format!(
            "early-stopped boosting (stage {kept}) has lower validation loss than the last stage ({n})"
        ),
        noted(Effect::bootstrap_percentile(mean_diff(pairs[0], &all), &reps[0], what)),
        rope,
        Direction::Greater,
    ));
    out.push(Finding::new(
        "beats-baseline",
        format!(
            "boosting at stage {kept} has lower validation log loss than the prior ({})",
            evidence::number(baseline)
        ),
        noted(Effect::bootstrap_percentile(
            mean_diff(pairs[1], &all),
            &reps[1],
            what,
        )),
        rope,
        Direction::Greater,
    ));
    out
}

/// The numbers in words (no judgement), then one sentence per finding.
fn read(
    train: &[f64],
    val: &[f64],
    best: usize,
    stop: Option<usize>,
    params: &Params,
    findings: &[Finding],
) -> String {
    let last = val.len() - 1;
    let n = evidence::number;
    let mut text = format!(
        "Validation log loss is lowest at stage {} ({}); by stage {} it is {} while training loss has \
         fallen to {}.",
        best + 1,
        n(val[best]),
        last + 1,
        n(val[last]),
        n(train[last]),
    );
    match stop {
        Some(k) => text.push_str(&format!(
            " The patience rule ({} stages without improvement, tol {TOL}) stops at stage {k}, with \
             validation loss {} ({} above the lowest).",
            params.boosting.patience,
            n(val[k - 1]),
            n(val[k - 1] - val[best])
        )),
        None => text.push_str(&format!(
            " The patience rule ({} stages without improvement, tol {TOL}) never triggers within these \
             {} stages.",
            params.boosting.patience,
            last + 1
        )),
    }
    format!("{text} {}", evidence::reading(findings))
}
