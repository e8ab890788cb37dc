//! The bootstrap rounds of the bias-variance decomposition: every model fitted once per
//! round on the same bootstrap sample of the training rows, predicting the test rows.

use mlproof_core::model::BinaryClassifier;
use mlproof_core::progress::Observer;
use mlproof_core::seed;
use mlproof_core::Result;
use mlproof_trees::boosting::{fit_staged, BoostingParams};
use mlproof_trees::ensemble::Forest;
use mlproof_trees::TreeClassifier;
use ndarray::{Array1, Array2, Axis};
use rand::Rng;
use rayon::prelude::*;

/// The models of one round.
pub struct Models<'a> {
    pub deep: &'a TreeClassifier,
    pub stage: &'a TreeClassifier,
    pub bagging: &'a Forest,
    pub forest: &'a Forest,
    pub boosting: &'a BoostingParams,
}

/// One round's predicted classes on the test rows.
pub struct Round {
    pub deep: Array1<usize>,
    pub stage: Array1<usize>,
    /// Per ensemble size: bagging, random forest, boosting.
    pub by_size: Vec<[Array1<usize>; 3]>,
}

/// Round `r` draws n rows with replacement from the seed stream `bias-variance/bootstrap`
/// and fits with `bias-variance/fit` (the streams of mlproof's other decompositions, so a
/// deep tree's numbers are the same here and there).
#[allow(clippy::too_many_arguments)]
pub fn run(
    x_tr: &Array2<f64>,
    y_tr: &Array1<usize>,
    x_te: &Array2<f64>,
    y_te: &[usize],
    models: &Models,
    sizes: &[usize],
    rounds: usize,
    seed: u64,
    progress: &dyn Observer,
) -> Result<Vec<Round>> {
    progress.start("ensembles: bootstrap rounds", rounds);
    let out = (0..rounds)
        .into_par_iter()
        .map(|r| {
            let mut rng = seed::rng(seed, "bias-variance/bootstrap", r as u64);
            let n = x_tr.nrows();
            let idx: Vec<usize> = (0..n).map(|_| rng.gen_range(0..n)).collect();
            let (xb, yb) = (x_tr.select(Axis(0), &idx), y_tr.select(Axis(0), &idx));
            let fit_seed = seed::derive(seed, "bias-variance/fit", r as u64);
            let deep = models.deep.fit(&xb, &yb, fit_seed)?.predict(x_te, 0.5);
            let stage = models.stage.fit(&xb, &yb, fit_seed)?.predict(x_te, 0.5);
            let bag = models.bagging.fit_forest(&xb, &yb, fit_seed)?;
            let rf = models.forest.fit_forest(&xb, &yb, fit_seed)?;
            let (gb, _) = fit_staged(&xb, &yb.to_vec(), x_te, y_te, models.boosting)?;
            let label = |p: Array1<f64>| p.mapv(|v| usize::from(v >= 0.5));
            let by_size = sizes
                .iter()
                .map(|&k| {
                    [
                        label(bag.predict_proba_first(x_te, k)),
                        label(rf.predict_proba_first(x_te, k)),
                        label(gb.predict_proba(x_te, k)),
                    ]
                })
                .collect();
            progress.tick();
            Ok(Round {
                deep,
                stage,
                by_size,
            })
        })
        .collect::<Result<Vec<_>>>();
    progress.finish();
    out
}

/// Rounds × test rows.
pub fn stack(rows: &[&Array1<usize>]) -> Array2<usize> {
    let cols = rows.first().map_or(0, |r| r.len());
    Array2::from_shape_fn((rows.len(), cols), |(r, j)| rows[r][j])
}

/// The main prediction per test row: the most frequent class over rounds (ties to the lower
/// class, as mlxtend's `np.argmax` of the counts).
pub fn main_prediction(pred: &Array2<usize>) -> Vec<usize> {
    pred.axis_iter(Axis(1))
        .map(|col| {
            let mut counts = vec![0usize; col.iter().max().map_or(1, |m| m + 1)];
            col.iter().for_each(|&c| counts[c] += 1);
            (0..counts.len()).fold(0, |best, c| if counts[c] > counts[best] { c } else { best })
        })
        .collect()
}

/// Each round's share of test rows predicted differently from the main prediction: the
/// round's term of the 0-1 variance (their mean is mlxtend's variance).
pub fn variance_by_round(pred: &Array2<usize>) -> Vec<f64> {
    let main = main_prediction(pred);
    pred.rows()
        .into_iter()
        .map(|row| {
            row.iter().zip(&main).filter(|(p, m)| p != m).count() as f64 / main.len().max(1) as f64
        })
        .collect()
}
