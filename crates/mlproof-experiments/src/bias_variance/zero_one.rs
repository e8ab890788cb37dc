//! 0-1 loss over bootstrap rounds of the training rows (mlxtend's protocol).

use mlproof_core::evidence::{self, Finding, Rope};
use mlproof_core::holdout::stratified_holdout;
use mlproof_core::model::FittedBinary;
use mlproof_core::progress::Observer;
use mlproof_core::Result;
use mlproof_data::{encode, Dataset};
use mlproof_trees::cart::Presorted;
use mlproof_trees::{TreeClassifier, TreeParams};
use mlproof_validation::bias_variance::{
    bootstrap, sweep_rounds, zero_one, zero_one_per_point, ZeroOne,
};
use ndarray::{Array2, Axis};

use super::judge::{sweep_findings, Terms, Words};
use super::{argmin, BiasVariance, Params, Point, Points, DEFAULT_TEST_SIZE};

pub(super) fn run(
    data: &Dataset,
    params: &Params,
    progress: &dyn Observer,
) -> Result<BiasVariance> {
    let seed = params.seed;
    let y = data.binary_target()?;
    let (x, _) = encode::one_hot(data);
    let test_size = params.test_size.unwrap_or(DEFAULT_TEST_SIZE);
    let (train, test) = stratified_holdout(&y.to_vec(), 2, test_size, seed)?;
    let (x_train, y_train) = (x.select(Axis(0), &train), y.select(Axis(0), &train));
    let (x_test, y_test) = (x.select(Axis(0), &test), y.select(Axis(0), &test).to_vec());
    let (knob, values) = params.model.sweep();
    progress.start("bias-variance", values.len() * params.rounds);
    let predictions = tree_sweep(
        &x_train,
        &y_train.to_vec(),
        &x_test,
        &values,
        params,
        progress,
    )?;
    let mut points = Vec::new();
    let mut terms = Vec::new();
    for (&v, pred) in values.iter().zip(&predictions) {
        let per_point = zero_one_per_point(pred, &y_test);
        terms.push(Terms {
            loss: per_point.loss,
            bias: per_point.bias,
            variance: per_point.variance,
        });
        points.push(Point {
            knob: v,
            decomposition: zero_one(pred, &y_test),
        });
    }
    progress.finish();
    let losses: Vec<f64> = points
        .iter()
        .map(|p| p.decomposition.expected_loss)
        .collect();
    let best = argmin(&losses);
    // The no-skill model predicts the training majority class at every test point.
    let positives = y_train.iter().filter(|&&v| v == 1).count();
    let majority = usize::from(2 * positives > y_train.len());
    let baseline: Vec<f64> = y_test
        .iter()
        .map(|&v| f64::from(u8::from(v != majority)))
        .collect();
    let scale = losses[0];
    let words = Words {
        knob,
        ends: (values[0], values[values.len() - 1]),
        bias: "bias",
        loss: "expected error",
        scale: format!(
            "the expected error of {knob} {} ({})",
            values[0],
            evidence::number(scale)
        ),
    };
    let findings = sweep_findings(&terms, best, &baseline, Rope::relative(scale), &words, seed);
    let reading = read(knob, &points, best, findings.as_slice());
    Ok(BiasVariance {
        loss: params.loss,
        model: "classification tree".to_owned(),
        knob,
        train_rows: train.len(),
        test_rows: test.len(),
        points: Points::ZeroOne(points),
        best,
        loss_baseline: baseline.iter().sum::<f64>() / baseline.len() as f64,
        loss_baseline_model: "the training majority class",
        rope_scale: scale,
        findings: findings.into_vec(),
        reading,
    })
}

/// The depth sweep's predictions (one rounds × test matrix per depth): round r presorts
/// [`bootstrap`] sample r of the training rows once, from the training rows' own presort
/// ([`Presorted::select`], no sort), and grows every depth on it. The same trees, so the same
/// numbers, as [`bootstrap_predictions`] with a `TreeClassifier` for each depth, which
/// presorts every sample again for every depth (`tree_sweep_equals_one_bootstrap_fit_per_depth`
/// in the tests pins it).
///
/// [`bootstrap_predictions`]: mlproof_validation::bias_variance::bootstrap_predictions
pub(super) fn tree_sweep(
    x_train: &Array2<f64>,
    y_train: &[usize],
    x_test: &Array2<f64>,
    depths: &[usize],
    params: &Params,
    progress: &dyn Observer,
) -> Result<Vec<Array2<usize>>> {
    let tree = TreeClassifier::new(TreeParams::default())?;
    let presorted = Presorted::new(x_train.view())?;
    let round = |r: usize| {
        let idx = bootstrap(x_train.nrows(), params.seed, r);
        let labels: Vec<usize> = idx.iter().map(|&i| y_train[i]).collect();
        let trees = tree.fit_each_depth(&presorted.select(&idx)?, &labels, depths)?;
        Ok(trees
            .iter()
            .map(|t| {
                progress.tick();
                FittedBinary::predict(t, x_test, 0.5)
            })
            .collect())
    };
    sweep_rounds(params.rounds, depths.len(), x_test.nrows(), &round)
}

fn read(knob: &str, points: &[Point<ZeroOne>], best: usize, findings: &[Finding]) -> String {
    let n = evidence::number;
    let (first, last) = (
        &points[0].decomposition,
        &points[points.len() - 1].decomposition,
    );
    format!(
        "Expected error is lowest at {knob} {} ({}). From {knob} {} to {}, bias goes from {} to {} \
         and variance from {} to {}. {}",
        points[best].knob,
        n(points[best].decomposition.expected_loss),
        points[0].knob,
        points[points.len() - 1].knob,
        n(first.bias),
        n(last.bias),
        n(first.variance),
        n(last.variance),
        evidence::reading(findings)
    )
}
