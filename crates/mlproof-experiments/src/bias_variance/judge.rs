//! The sweep's findings, from per-test-point terms bootstrapped over the test points (every
//! sweep point predicts the same test points, so differences between sweep points are paired
//! by point).

use mlproof_core::evidence::{Direction, Effect, Finding, Findings, Rope};
use mlproof_core::seed;
use rand::Rng;

use super::BOOTSTRAP;

/// One sweep point's terms at every test point: the loss, the bias term (bias² against the
/// truth for squared loss, mlxtend's bias for 0-1) and the variance.
pub(super) struct Terms {
    pub loss: Vec<f64>,
    pub bias: Vec<f64>,
    pub variance: Vec<f64>,
}

/// What the findings' words need to know.
pub(super) struct Words<'a> {
    /// "max_depth", "degree", "k".
    pub knob: &'a str,
    /// The simplest and the most complex knob values.
    pub ends: (usize, usize),
    /// "bias²" (squared) or "bias" (0-1).
    pub bias: &'a str,
    /// "expected MSE" or "expected error".
    pub loss: &'a str,
    /// The ROPE's scale in words ("the noise variance σ² = 0.0900").
    pub scale: String,
}

fn mean(v: &[f64], rows: &[usize]) -> f64 {
    rows.iter().map(|&i| v[i]).sum::<f64>() / rows.len() as f64
}

/// variance(last) − variance(first), bias(last) − bias(first), the U-curve statistic
/// min(loss(first), loss(last)) − loss(best), and baseline − loss(best), on the test points
/// `rows`.
fn statistics(points: &[Terms], best: usize, baseline: &[f64], rows: &[usize]) -> [f64; 4] {
    let (first, last) = (&points[0], &points[points.len() - 1]);
    let at_best = mean(&points[best].loss, rows);
    [
        mean(&last.variance, rows) - mean(&first.variance, rows),
        mean(&last.bias, rows) - mean(&first.bias, rows),
        mean(&first.loss, rows).min(mean(&last.loss, rows)) - at_best,
        mean(baseline, rows) - at_best,
    ]
}

/// The four sweep findings. `baseline` is the no-skill model's loss at every test point;
/// `rope` is ±1% of the scale `words.scale` names.
pub(super) fn sweep_findings(
    points: &[Terms],
    best: usize,
    baseline: &[f64],
    rope: Rope,
    words: &Words,
    seed_value: u64,
) -> Findings {
    let mut out = Findings::default();
    if points.len() < 2 || baseline.is_empty() {
        return out;
    }
    let n = baseline.len();
    let all: Vec<usize> = (0..n).collect();
    let point = statistics(points, best, baseline, &all);
    let mut rng = seed::rng(seed_value, "bias-variance-bootstrap", 0);
    let reps: Vec<[f64; 4]> = (0..BOOTSTRAP)
        .map(|_| {
            let rows: Vec<usize> = (0..n).map(|_| rng.gen_range(0..n)).collect();
            statistics(points, best, baseline, &rows)
        })
        .collect();
    let column = |k: usize| reps.iter().map(|r| r[k]).collect::<Vec<_>>();
    let what = "resamples of the test points";
    let (knob, (lo, hi)) = (words.knob, words.ends);
    let rope_note = format!("ROPE ±1% of {}", words.scale);
    let effect = |k: usize| {
        let e = Effect::bootstrap_percentile(point[k], &column(k), what);
        let method = format!("{}; {rope_note}", e.method);
        e.described(method)
    };
    out.push(Finding::new(
        "variance-grows-with-complexity",
        format!("variance grows from {knob} {lo} to {knob} {hi}"),
        effect(0),
        rope,
        Direction::Greater,
    ));
    let bias_id = if words.bias == "bias²" {
        "bias2-falls-with-complexity"
    } else {
        "bias-falls-with-complexity"
    };
    out.push(Finding::new(
        bias_id,
        format!("{} falls from {knob} {lo} to {knob} {hi}", words.bias),
        effect(1),
        rope,
        Direction::Less,
    ));
    out.push(Finding::new(
        "error-minimum-is-interior",
        format!(
            "the {} has an interior minimum (a U-curve): at both {knob} {lo} and {knob} {hi} it is above its minimum",
            words.loss
        ),
        effect(2),
        rope,
        Direction::Greater,
    ));
    out.push(Finding::new(
        "best-beats-no-skill",
        format!("the lowest {} is below the no-skill baseline's", words.loss),
        effect(3),
        rope,
        Direction::Greater,
    ));
    out
}
