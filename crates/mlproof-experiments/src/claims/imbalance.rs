//! Claims about imbalanced data: SMOTE, under-sampling, class weights, threshold moving.

use mlproof_core::evidence::{Direction, Effect};
use mlproof_core::metrics::Metric;
use mlproof_core::model::Step;
use mlproof_core::{seed, Result};
use mlproof_imbalance::{SamplingStrategy, Smote, SmoteKind};
use mlproof_validation::cv::{cross_validate, CvOptions};
use mlproof_validation::Fold;

use super::design::{Design, FoldScores};
use super::learners::{self, SMOTE_K};
use super::{judged, Context, Outcome};

macro_rules! design {
    ($ctx:expr) => {
        match $ctx.design() {
            Ok(d) => d,
            Err(why) => return Ok(Outcome::NotApplicable(why.to_string())),
        }
    };
}
pub(super) use design;

pub fn smote_raises_recall(ctx: &Context) -> Result<Outcome> {
    let d = design!(ctx);
    let with = d.scored("smote, logistic", || learners::smote(learners::logistic()?))?;
    let without = d.scored("logistic", learners::logistic)?;
    Ok(judged(
        "smote-raises-recall",
        "in-fold SMOTE raises logistic regression's recall at threshold ½",
        d.difference(&with, &without, Metric::Recall),
        ctx.rope,
        Direction::Greater,
    ))
}

pub fn smote_helps_weak_learner(ctx: &Context) -> Result<Outcome> {
    let d = design!(ctx);
    let with = d.scored("smote, tree", || learners::smote(learners::tree(None)?))?;
    let without = d.scored("tree", || learners::tree(None))?;
    Ok(judged(
        "smote-helps-weak-learner",
        "in-fold SMOTE raises a full-depth tree's ROC-AUC",
        d.difference(&with, &without, Metric::RocAuc),
        ctx.rope,
        Direction::Greater,
    ))
}

pub fn smote_no_gain_strong_learner(ctx: &Context) -> Result<Outcome> {
    let d = design!(ctx);
    let with = d.scored("smote, boosting", || learners::smote(learners::boosting()?))?;
    let without = d.scored("boosting", learners::boosting)?;
    Ok(judged(
        "smote-no-gain-strong-learner",
        "with gradient boosting, in-fold SMOTE leaves ROC-AUC unchanged",
        d.difference(&with, &without, Metric::RocAuc),
        ctx.rope,
        Direction::Equivalent,
    ))
}

/// Logistic regression under each correction, and without one.
fn corrections(d: &Design) -> Result<(FoldScores, Vec<(&'static str, FoldScores)>)> {
    let none = d.scored("logistic", learners::logistic)?;
    let scored = vec![
        (
            "SMOTE",
            d.scored("smote, logistic", || learners::smote(learners::logistic()?))?,
        ),
        (
            "random under-sampling",
            d.scored("under, logistic", || {
                Ok(learners::under(learners::logistic()?))
            })?,
        ),
        (
            "class weights",
            d.scored("weighted logistic", learners::weighted_logistic)?,
        ),
    ];
    Ok((none, scored))
}

/// The effect of the correction least favourable to the claim, named in the method: a claim
/// about all three corrections holds only if it holds for the weakest.
fn weakest(
    d: &Design,
    none: &FoldScores,
    scored: &[(&str, FoldScores)],
    metric: Metric,
    worse: impl Fn(&Effect) -> f64,
) -> Result<Effect> {
    let effects: Vec<(&str, Effect)> = scored
        .iter()
        .map(|(name, s)| (*name, d.difference(s, none, metric)))
        .collect();
    let (name, e) = effects
        .into_iter()
        .max_by(|a, b| worse(&a.1).total_cmp(&worse(&b.1)))
        .ok_or_else(|| mlproof_core::Error::internal("no correction was scored"))?;
    let method = format!(
        "{}; the least favourable of three corrections: {name}",
        e.method
    );
    Ok(e.described(method))
}

pub fn corrections_hurt_calibration(ctx: &Context) -> Result<Outcome> {
    let d = design!(ctx);
    let (none, scored) = corrections(d)?;
    // Least favourable to "worsens": the smallest lower bound of the Brier increase.
    let e = weakest(d, &none, &scored, Metric::Brier, |e| -e.interval[0])?;
    Ok(judged(
        "corrections-hurt-calibration",
        "SMOTE, under-sampling and class weights each raise logistic regression's Brier score",
        e,
        ctx.rope,
        Direction::Greater,
    ))
}

pub fn corrections_keep_auc(ctx: &Context) -> Result<Outcome> {
    let d = design!(ctx);
    let (none, scored) = corrections(d)?;
    // Least favourable to "unchanged": the interval reaching furthest from zero.
    let e = weakest(d, &none, &scored, Metric::RocAuc, |e| {
        e.interval[0].abs().max(e.interval[1].abs())
    })?;
    Ok(judged(
        "corrections-keep-auc",
        "SMOTE, under-sampling and class weights each leave logistic regression's ROC-AUC unchanged",
        e,
        ctx.rope,
        Direction::Equivalent,
    ))
}

pub fn threshold_matches_resampling(ctx: &Context) -> Result<Outcome> {
    let d = design!(ctx);
    let moved = d.scores(learners::threshold_moved(learners::logistic()?).as_ref())?;
    let resampled = d.scored("smote, logistic", || learners::smote(learners::logistic()?))?;
    Ok(judged(
        "threshold-matches-resampling",
        "logistic regression with its threshold moved to the best inner-fold F1 matches SMOTE's F1",
        d.difference(&moved, &resampled, Metric::F1),
        ctx.rope,
        Direction::Equivalent,
    ))
}

/// SMOTE on every row before the folds: each original row keeps its fold, and each repeat
/// deals the synthetic rows to its K folds at random, as splitting the resampled data would.
pub fn leaky_smote_inflates(ctx: &Context) -> Result<Outcome> {
    let d = design!(ctx);
    let smote = Smote::new(SMOTE_K, SamplingStrategy::Auto, SmoteKind::Regular)?;
    let (xr, yr, _) = smote.fit_resample(&d.x, &d.y, seed::derive(d.seed, "claims/leak", 0))?;
    let n = d.y.len();
    let synthetic = xr.nrows() - n;
    let folds: Vec<Fold> = d
        .folds
        .chunks(d.k)
        .enumerate()
        .flat_map(|(r, repeat)| {
            let order = seed::permutation(
                &mut seed::rng(d.seed, "claims/leak-folds", r as u64),
                synthetic,
            );
            repeat
                .iter()
                .enumerate()
                .map(|(f, fold)| {
                    let mut out = fold.clone();
                    for (pos, &s) in order.iter().enumerate() {
                        let to = if pos % d.k == f {
                            &mut out.test
                        } else {
                            &mut out.train
                        };
                        to.push(n + s);
                    }
                    out
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let opts = CvOptions {
        metrics: vec![Metric::F1],
        threshold: 0.5,
        train_scores: false,
        seed: seed::derive(d.seed, "claims/fit", 0),
    };
    let leaky = cross_validate(&xr, &yr, learners::logistic()?.as_ref(), &folds, &opts)?;
    let leaky: Vec<f64> = leaky.folds.iter().map(|f| f.test["f1"]).collect();
    let honest = d.scored("smote, logistic", || learners::smote(learners::logistic()?))?;
    let effect = crate::common::fold_difference(&leaky, &honest["f1"], &d.folds, &d.describe());
    let method = format!(
        "{} (folds paired by position; the leaky folds also hold synthetic rows)",
        effect.method
    );
    Ok(judged(
        "leaky-smote-inflates",
        "SMOTE on all rows before the split reads a higher CV F1 than SMOTE inside the training folds",
        effect.described(method),
        ctx.rope,
        Direction::Greater,
    ))
}
