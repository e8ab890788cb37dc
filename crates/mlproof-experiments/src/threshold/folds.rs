//! One outer fold of the threshold experiment: fit on the fitting rows, choose both
//! thresholds on the validation rows, score them on the held-out fold.

use mlproof_core::holdout::stratified_holdout;
use mlproof_core::model::BinaryClassifier;
use mlproof_core::{seed, Error, Result};
use mlproof_validation::Fold;
use ndarray::{Array1, Array2, Axis};

use super::operating::{operating, umbrella_point, validation_point};
use super::{umbrella, FoldPoints, Params, Promise};

/// A training fold split into fitting rows and validation rows (indices into the data).
pub(super) struct Inner {
    pub fit: Vec<usize>,
    pub validation: Vec<usize>,
}

pub(super) fn inner_splits(folds: &[Fold], y: &[usize], params: &Params) -> Result<Vec<Inner>> {
    folds
        .iter()
        .enumerate()
        .map(|(f, fold)| {
            let yt: Vec<usize> = fold.train.iter().map(|&i| y[i]).collect();
            let s = seed::derive(params.seed, "threshold/validation", f as u64);
            let (fit, val) = stratified_holdout(&yt, 2, params.validation_size, s)?;
            Ok(Inner {
                fit: fit.iter().map(|&k| fold.train[k]).collect(),
                validation: val.iter().map(|&k| fold.train[k]).collect(),
            })
        })
        .collect()
}

pub(super) fn fold_points(
    x: &Array2<f64>,
    y: &Array1<usize>,
    pipeline: &dyn BinaryClassifier,
    fold: &Fold,
    inner: &Inner,
    params: &Params,
    f: usize,
) -> Result<FoldPoints> {
    let (xf, yf) = (x.select(Axis(0), &inner.fit), y.select(Axis(0), &inner.fit));
    let model = pipeline.fit(
        &xf,
        &yf,
        seed::derive(params.seed, "threshold/fit", f as u64),
    )?;
    let score = |rows: &[usize]| -> (Vec<usize>, Vec<f64>) {
        let s = model.predict_proba(&x.select(Axis(0), rows)).to_vec();
        (rows.iter().map(|&i| y[i]).collect(), s)
    };
    let (yv, sv) = score(&inner.validation);
    let (yt, st) = score(&fold.test);
    let (cut, rank) = validation_point(params.promise, &yv, &sv);
    let inclusive = !matches!(params.promise, Promise::MaxFpr(_));
    let validation_point = operating(cut, rank, inclusive, (&yv, &sv), (&yt, &st));
    let delta = 1.0 - params.confidence;
    let (umbrella, violation_probability) = match umbrella_point(params.promise, delta, &yv, &sv) {
        None => (None, None),
        Some(Err(n)) => {
            return Err(Error::input(format!(
                "a fold has only {n} validation rows for the umbrella rule"
            )))
        }
        Some(Ok((c, r))) => {
            let n = yv.len() - yv.iter().sum::<usize>();
            let (n, k) = match params.promise {
                Promise::MaxFpr(_) => (n, r),
                _ => (yv.len() - n, yv.len() - n - r + 1),
            };
            (
                Some(operating(
                    Some(c),
                    Some(r),
                    inclusive,
                    (&yv, &sv),
                    (&yt, &st),
                )),
                Some(umbrella::violation_probability(
                    n,
                    k,
                    params.promise.alpha(),
                )),
            )
        }
    };
    Ok(FoldPoints {
        validation_point,
        umbrella,
        violation_probability,
    })
}
