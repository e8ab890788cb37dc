//! The validation curve of polynomial regression over its degree (1–12) on one feature,
//! scored by mean squared error (lower is better), against the mean's MSE as no skill.

use mlproof_core::evidence::Rope;
use mlproof_core::metrics::no_skill_mse;
use mlproof_core::model::{Polynomial, Regressor};
use mlproof_core::progress::Observer;
use mlproof_core::{Error, Result};
use mlproof_data::Dataset;
use mlproof_validation::curves::{regions, validation_curve_regression_observed};
use mlproof_validation::Splitter;

use super::sweep::Sweep;
use super::{design, Curve, Knob, Params};

/// What a baseline of the degree curve is.
pub const BASELINE_MODEL: &str = "the mean";

/// The degree curve's folds: shuffled k-fold unless told otherwise (generated rows have no
/// order, and a sorted file would bias k-fold), so a k-fold splitter is always shuffled.
pub fn splitter(given: Option<Splitter>) -> Splitter {
    match given {
        None | Some(Splitter::KFold { .. }) => Splitter::KFold {
            n_splits: match given {
                Some(Splitter::KFold { n_splits, .. }) => n_splits,
                _ => 5,
            },
            shuffle: true,
        },
        Some(other) => other,
    }
}

/// A regression target cannot be stratified.
pub(super) fn splitter_ok(given: Option<&Splitter>) -> Result<()> {
    match given {
        Some(Splitter::Stratified { .. } | Splitter::RepeatedStratified { .. }) => {
            Err(Error::param(
                "split",
                "cannot be stratified on a regression target; use k-fold or leave-one-out",
            ))
        }
        _ => Ok(()),
    }
}

pub(super) fn run(
    data: &Dataset,
    params: &Params,
    progress: &dyn Observer,
) -> Result<(Curve, Vec<String>)> {
    let y = match data.continuous_target() {
        Ok(y) => y.clone(),
        Err(_) => {
            return Err(Error::input(format!(
                "the degree curve fits a regression; {} has a class target (try synth-sine)",
                data.name
            )))
        }
    };
    if data.n_features() != 1 {
        return Err(Error::input(format!(
            "the degree curve fits a polynomial of one feature; {} has {} (try synth-sine)",
            data.name,
            data.n_features()
        )));
    }
    let splitter = splitter(params.splitter.clone());
    let splits = splitter.split(data.n_rows(), None, params.seed)?;
    let values = Knob::Degree.values();
    let at = |i: usize| -> Result<Box<dyn Regressor>> {
        Ok(Box::new(Polynomial {
            degree: values[i] as usize,
        }))
    };
    progress.start("degree sweep", values.len());
    let points = validation_curve_regression_observed(
        &data.features,
        &y,
        &values,
        &at,
        &splits.folds,
        params.seed,
        progress,
    );
    progress.finish();
    let points = points?;
    let regions = regions(&points, false);
    let y_all = y.to_vec();
    let baseline = no_skill_mse(&y_all);
    let fold_baselines: Vec<f64> = splits
        .folds
        .iter()
        .map(|f| no_skill_mse(&f.test.iter().map(|&i| y[i]).collect::<Vec<_>>()))
        .collect();
    let (findings, reading) = match &regions {
        Some(r) => {
            let sweep = Sweep {
                knob: Knob::Degree,
                points: &points,
                regions: r,
                fold_baselines: &fold_baselines,
                baseline,
                baseline_model: BASELINE_MODEL,
                score: "MSE",
                higher_is_better: false,
                // MSE has no natural scale: ±1% of the mean's MSE.
                rope: Rope::relative(baseline),
                rope_note: Some("±1% of the mean's MSE"),
                folds: &splits.folds,
                design: design(&splitter),
            };
            let findings = sweep.judge().into_vec();
            let reading = sweep.read(&findings);
            (findings, reading)
        }
        None => (Vec::new(), "No fold gave a defined CV MSE.".to_string()),
    };
    let curve = Curve {
        points,
        regions,
        model: "polynomial".into(),
        metric: "mse",
        higher_is_better: false,
        baseline,
        baseline_model: BASELINE_MODEL,
        fold_baselines,
        n_folds: splits.folds.len(),
        findings,
        reading,
    };
    Ok((curve, splits.warnings))
}
