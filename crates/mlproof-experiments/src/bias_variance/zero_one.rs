//! 0-1 loss over bootstrap rounds of the training rows (mlxtend's protocol).

use mlproof_core::evidence::{self, Finding, Rope};
use mlproof_core::holdout::stratified_holdout;
use mlproof_core::progress::Observer;
use mlproof_core::Result;
use mlproof_data::{encode, Dataset};
use mlproof_trees::{TreeClassifier, TreeParams};
use mlproof_validation::bias_variance::{
    bootstrap_predictions, zero_one, zero_one_per_point, ZeroOne,
};
use ndarray::Axis;

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
    let mut points = Vec::new();
    let mut terms = Vec::new();
    for &v in &values {
        let tree = TreeClassifier::new(TreeParams {
            max_depth: Some(v),
            ..TreeParams::default()
        })?;
        let pred = bootstrap_predictions(
            &x_train,
            &y_train,
            &x_test,
            &tree,
            params.rounds,
            seed,
            progress,
        )?;
        let per_point = zero_one_per_point(&pred, &y_test);
        terms.push(Terms {
            loss: per_point.loss,
            bias: per_point.bias,
            variance: per_point.variance,
        });
        points.push(Point {
            knob: v,
            decomposition: zero_one(&pred, &y_test),
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
