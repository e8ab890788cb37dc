//! Squared loss over fresh training sets from a generator with a known truth.

use mlproof_core::evidence::{self, Direction, Effect, Finding, Rope};
use mlproof_core::model::{KNearest, Polynomial, Regressor};
use mlproof_core::progress::Observer;
use mlproof_core::{seed, Error, Result};
use mlproof_data::{registry, Dataset, Origin};
use mlproof_trees::cart::Presorted;
use mlproof_trees::{TreeParams, TreeRegressor};
use mlproof_validation::bias_variance::{squared, squared_per_point, sweep_rounds, Squared};
use ndarray::{Array1, Array2};

use super::judge::{sweep_findings, Terms, Words};
use super::DEFAULT_N_TEST;
use super::{argmin, default_n_train, BiasVariance, Params, Point, Points, SweepModel};

/// The sweep's predictions (one rounds × test matrix per knob value), rounds outer: each
/// round draws its training set once and fits every value on it, with what the values can
/// share done once per round ([`sweep_rounds`]):
///
/// * k-NN: one search for the largest k ([`KNearest::predict_each_k`]: the first k of the K
///   nearest, ties by row index, so the same numbers as each k fitted alone);
/// * trees: one presort, every depth grown on it ([`TreeRegressor::fit_each_depth`]);
/// * polynomials: each degree fitted on the round's draw.
///
/// Each value's matrix equals [`fresh_draw_predictions`] of that value's model
/// (`sweep_equals_one_fit_per_value` in the tests pins it).
///
/// [`fresh_draw_predictions`]: mlproof_validation::bias_variance::fresh_draw_predictions
pub(super) fn sweep(
    model: SweepModel,
    draw: &(dyn Fn(usize) -> (Array2<f64>, Array1<f64>) + Sync),
    x_test: &Array2<f64>,
    values: &[usize],
    rounds: usize,
    seed: u64,
    progress: &dyn Observer,
) -> Result<Vec<Array2<f64>>> {
    let tree = TreeRegressor::new(TreeParams::default())?;
    let round = |r: usize| {
        let (x, y) = draw(r);
        let fit_seed = seed::derive(seed, "bias-variance/fit", r as u64);
        let predictions: Vec<Array1<f64>> = match model {
            SweepModel::Knn => KNearest::predict_each_k(&x, &y, x_test, values)?,
            SweepModel::Tree => tree
                .fit_each_depth(&Presorted::new(x.view())?, &y.to_vec(), values)?
                .iter()
                .map(|t| t.predict_value(x_test))
                .collect(),
            SweepModel::Poly => values
                .iter()
                .map(|&degree| Ok(Polynomial { degree }.fit(&x, &y, fit_seed)?.predict(x_test)))
                .collect::<Result<_>>()?,
        };
        values.iter().for_each(|_| progress.tick());
        Ok(predictions)
    };
    sweep_rounds(rounds, values.len(), x_test.nrows(), &round)
}

pub(super) fn run(
    data: &Dataset,
    params: &Params,
    progress: &dyn Observer,
) -> Result<BiasVariance> {
    let seed = params.seed;
    let generated = matches!(data.origin, Origin::Generated { .. });
    let generator = registry::regression_generator(&data.name, seed)
        .filter(|_| generated)
        .ok_or_else(|| {
            Error::input(format!(
                "squared loss needs a generator with a known truth (synth-sine, synth-friedman1), \
                 not '{}'; for real classification data use the 0-1 loss",
                data.name
            ))
        })?;
    let n_test = params.n_test.unwrap_or(DEFAULT_N_TEST);
    let n_train = params
        .n_train
        .unwrap_or_else(|| default_n_train(params.model, generator.dataset.n_rows()));
    let (x_test, y_test) = generator.resample(n_test, seed, "bias-variance/test", 0);
    let truth = generator.true_values(&x_test);
    let draw = |r: usize| generator.resample(n_train, seed, "bias-variance/train", r as u64);
    let (knob, values) = params.model.sweep();
    progress.start("bias-variance", values.len() * params.rounds);
    let predictions = sweep(
        params.model,
        &draw,
        &x_test,
        &values,
        params.rounds,
        seed,
        progress,
    )?;
    let mut points = Vec::new();
    let mut terms = Vec::new();
    for (&v, pred) in values.iter().zip(&predictions) {
        let per_point = squared_per_point(pred, &y_test, &truth);
        terms.push(Terms {
            loss: per_point.loss,
            bias: per_point.bias2,
            variance: per_point.variance,
        });
        points.push(Point {
            knob: v,
            decomposition: squared(pred, &y_test, Some(&truth)),
        });
    }
    progress.finish();
    let losses: Vec<f64> = points
        .iter()
        .map(|p| p.decomposition.expected_loss)
        .collect();
    let best = argmin(&losses);
    let y_mean = y_test.mean().unwrap_or(f64::NAN);
    let baseline: Vec<f64> = y_test.iter().map(|y| (y - y_mean).powi(2)).collect();
    let sigma2 = generator.noise_sd.powi(2);
    let words = Words {
        knob,
        ends: (values[0], values[values.len() - 1]),
        bias: "bias²",
        loss: "expected MSE",
        scale: format!("the noise variance σ² = {}", evidence::number(sigma2)),
    };
    let mut findings = sweep_findings(
        &terms,
        best,
        &baseline,
        Rope::relative(sigma2),
        &words,
        seed,
    );
    let gap = points
        .iter()
        .map(|p| {
            let d = &p.decomposition;
            (d.expected_loss - d.bias2 - d.variance).abs() / d.expected_loss.abs().max(1e-300)
        })
        .fold(0.0, f64::max);
    findings.push(Finding::new(
        "error-is-bias2-plus-variance",
        "expected MSE equals bias² against the observed targets plus variance at every point",
        Effect::exact(
            gap,
            "exact identity; the largest |E[MSE] − bias²(obs) − variance| / E[MSE] over the sweep, \
             which only rounding can move from zero",
        ),
        Rope::exact(),
        Direction::Equivalent,
    ));
    let reading = read(knob, &points, best, findings.as_slice());
    Ok(BiasVariance {
        loss: params.loss,
        model: params.model.regressor_name().to_owned(),
        knob,
        train_rows: n_train,
        test_rows: n_test,
        points: Points::Squared(points),
        best,
        loss_baseline: baseline.iter().sum::<f64>() / baseline.len() as f64,
        loss_baseline_model: "the test targets' mean",
        rope_scale: sigma2,
        findings: findings.into_vec(),
        reading,
    })
}

/// The decomposition against the truth (generated data always has it).
pub fn truth_terms(d: &Squared) -> (f64, f64, f64, f64) {
    d.truth
        .map_or((f64::NAN, f64::NAN, f64::NAN, f64::NAN), |t| {
            (t.bias2, t.noise, t.sum, t.margin95)
        })
}

fn read(knob: &str, points: &[Point<Squared>], best: usize, findings: &[Finding]) -> String {
    let n = evidence::number;
    let (first, last) = (&points[0], &points[points.len() - 1]);
    let bias2 = |p: &Point<Squared>| truth_terms(&p.decomposition).0;
    let residual = points
        .iter()
        .map(|p| (truth_terms(&p.decomposition).2 - p.decomposition.expected_loss).abs())
        .fold(0.0, f64::max);
    format!(
        "Expected MSE is lowest at {knob} {} ({}). From {knob} {} to {}, bias² against the truth \
         goes from {} to {} and variance from {} to {}. bias² + variance + noise is within {} of \
         the measured MSE at every point (the cross term 2·mean((ȳ − f)(f − y)), zero only in \
         expectation). {}",
        points[best].knob,
        n(points[best].decomposition.expected_loss),
        first.knob,
        last.knob,
        n(bias2(first)),
        n(bias2(last)),
        n(first.decomposition.variance),
        n(last.decomposition.variance),
        n(residual),
        evidence::reading(findings)
    )
}
