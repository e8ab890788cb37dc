//! The ladder's scores, findings, recommendation and reading, from the per-fold runs.

use mlproof_core::evidence::{self, Direction, Effect, Finding, Findings, Rope, Verdict};
use mlproof_core::metrics::{baseline::no_skill_model, Metric};
use mlproof_validation::Fold;

use super::{FoldRun, Params, Recommendation, Results, RungResult, RungTiming, Score, LADDER};
use crate::common::{fold_difference, test_over_train};

fn mean(v: &[f64]) -> f64 {
    let v: Vec<f64> = v.iter().copied().filter(|x| x.is_finite()).collect();
    v.iter().sum::<f64>() / v.len() as f64
}

pub(super) fn summarise(
    params: &Params,
    folds: &[Fold],
    runs: &[FoldRun],
    fold_baselines: &[f64],
    design: String,
) -> Results {
    let sign = if params.metric.higher_is_better() {
        1.0
    } else {
        -1.0
    };
    let column = |r: usize| -> Vec<f64> { runs.iter().map(|f| f[r].0).collect() };
    let means: Vec<f64> = (0..LADDER.len()).map(|r| sign * mean(&column(r))).collect();
    // Ties go to the simpler rung; an undefined mean never wins.
    let best = (0..LADDER.len()).fold(0, |b, r| {
        if means[r] > means[b] || means[b].is_nan() {
            r
        } else {
            b
        }
    });
    let ratio = test_over_train(folds);
    let rope = Rope::symmetric(params.rope);
    let mut findings = Findings::default();
    let good = |r: usize| -> Vec<f64> { column(r).iter().map(|v| sign * v).collect() };
    let mut rungs = Vec::new();
    let mut recommendation = None;
    for (r, &rung) in LADDER.iter().enumerate() {
        let scores = column(r);
        let ci = Effect::corrected_resampled_t(&scores, ratio, &format!("{design} folds"));
        let mut diff = f64::NAN;
        if r == best {
            diff = 0.0;
        } else {
            let effect = fold_difference(&good(r), &good(best), folds, &design);
            diff = if effect.estimate.is_finite() {
                effect.estimate
            } else {
                diff
            };
            let id = format!("{}-equivalent-to-best", rung.name());
            let f = findings.push(Finding::new(
                &id,
                format!(
                    "{} scores the same {} as the best rung, {}, within the ROPE",
                    rung.name(),
                    crate::cv::label(params.metric),
                    LADDER[best].name()
                ),
                effect,
                rope,
                Direction::Equivalent,
            ));
            if recommendation.is_none() && r < best {
                recommendation =
                    f.filter(|f| f.verdict != Verdict::DoesNotHold)
                        .map(|f| Recommendation {
                            rung,
                            basis: if f.holds() {
                                "equivalence holds"
                            } else {
                                "equivalence not ruled out"
                            },
                            finding: Some(id),
                        });
            }
        }
        rungs.push(RungResult {
            rung,
            model: rung.describe(&params.sizes),
            score: Score {
                mean: ci.estimate,
                interval: ci.interval,
                method: ci.method,
            },
            score_baseline: mean(fold_baselines),
            fold_scores: scores,
            parameters: (runs.iter().map(|f| f[r].1 as f64).sum::<f64>() / runs.len() as f64)
                .round() as usize,
            parameters_are: rung.parameters_are(),
            difference_from_best: diff,
        });
    }
    let best_good = good(best);
    let base_good: Vec<f64> = fold_baselines.iter().map(|b| sign * b).collect();
    findings.push(Finding::new(
        "best-above-baseline",
        format!(
            "the best rung, {}, is above the no-skill {} ({})",
            LADDER[best].name(),
            crate::cv::label(params.metric),
            no_skill_model(params.metric)
        ),
        fold_difference(&best_good, &base_good, folds, &design),
        rope,
        Direction::Greater,
    ));
    let recommendation = recommendation.unwrap_or(Recommendation {
        rung: LADDER[best],
        basis: "best",
        finding: None,
    });
    let timing = params.timing.then(|| {
        LADDER
            .iter()
            .enumerate()
            .map(|(r, &rung)| RungTiming {
                rung,
                fit_ms: 1e3 * runs.iter().map(|f| f[r].2).sum::<f64>() / runs.len() as f64,
                predict_ms: 1e3 * runs.iter().map(|f| f[r].3).sum::<f64>() / runs.len() as f64,
            })
            .collect()
    });
    let reading = read(
        params.metric,
        &rungs,
        best,
        &recommendation,
        findings.as_slice(),
        params.rope,
    );
    Results {
        metric: params.metric,
        design,
        rungs,
        best: LADDER[best],
        recommendation,
        baseline_model: no_skill_model(params.metric),
        timing,
        findings: findings.into_vec(),
        reading,
    }
}

/// The numbers in words (no judgement), the findings, then the recommendation as the rule
/// applied to their verdicts.
fn read(
    metric: Metric,
    rungs: &[RungResult],
    best: usize,
    rec: &Recommendation,
    findings: &[Finding],
    rope: f64,
) -> String {
    let b = &rungs[best];
    let mut text = format!(
        "By mean {} over the folds the best rung is {} ({}, no skill {}). {}",
        crate::cv::label(metric),
        b.rung.name(),
        evidence::number(b.score.mean),
        evidence::number(b.score_baseline),
        evidence::reading(findings)
    );
    let why = match rec.basis {
        "best" => "no simpler rung's equivalence to it survives the folds".to_string(),
        "equivalence holds" => format!(
            "its difference from the best lies within ±{}",
            evidence::number(rope)
        ),
        _ => format!(
            "these folds cannot rule out that it is within ±{} of the best",
            evidence::number(rope)
        ),
    };
    text.push_str(&format!(
        " Recommendation: {}, the simplest rung such that {why}.",
        rec.rung.name()
    ));
    text
}
