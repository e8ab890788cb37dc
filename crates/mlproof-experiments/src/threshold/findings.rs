//! The threshold experiment's findings and reading.

use std::collections::BTreeMap;

use mlproof_core::evidence::{self, Direction, Effect, Finding, Findings, Rope};
use mlproof_validation::Fold;

use super::operating::Operating;
use super::{Achieved, Promise};
use crate::common::fold_difference;

/// (successes, trials) of `metric` summed over `points`' held-out rows.
pub fn pooled(metric: &str, points: &[&Operating]) -> (usize, usize) {
    points.iter().fold((0, 0), |(k, n), p| {
        let r = &p.held_out;
        match metric {
            "fpr" => (k + r.fp, n + r.negatives),
            "recall" => (k + r.tp, n + r.positives),
            _ => (k + r.tp, n + r.tp + r.fp),
        }
    })
}

fn words(metric: &str) -> &'static str {
    match metric {
        "fpr" => "FPR",
        "recall" => "recall",
        _ => "precision",
    }
}

/// `effect` moved by −`by` (a rate against its promised bound).
fn shifted(e: Effect, by: f64, what: &str) -> Effect {
    Effect {
        estimate: e.estimate - by,
        interval: [e.interval[0] - by, e.interval[1] - by],
        method: format!("{}, minus {what}", e.method),
        ..e
    }
}

/// The per-fold values of `metric` on the held-out rows.
fn held_out(points: &[&Operating], metric: &str) -> Vec<f64> {
    points.iter().map(|p| p.held_out.get(metric)).collect()
}

/// Every finding (see the module documentation of [`super`]).
pub fn judge(
    promise: Promise,
    validation: &[&Operating],
    umbrella: Option<&[&Operating]>,
    folds: &[Fold],
    first_repeat: usize,
    baselines: &BTreeMap<&'static str, f64>,
) -> Findings {
    let design = "repeated stratified cross-validation";
    let (metric, bound) = (promise.metric(), promise.bound());
    let upper = matches!(promise, Promise::MaxFpr(_));
    let (direction, side) = if upper {
        (Direction::Greater, "above")
    } else {
        (Direction::Less, "below")
    };
    let mut out = Findings::default();
    let mut points = vec![(
        "validation-point",
        "threshold chosen on validation",
        validation,
    )];
    if let Some(u) = umbrella {
        points.push(("umbrella", "umbrella threshold", u));
    }
    for (id, name, pts) in &points {
        let rate = held_out(pts, metric);
        out.push(Finding::new(
            &format!("{id}-breaks-promise"),
            format!(
                "at the {name}, mean held-out {} is {side} the promised {}",
                words(metric),
                evidence::number(bound)
            ),
            fold_difference(&rate, &vec![bound; rate.len()], folds, design),
            Rope::score(),
            direction,
        ));
        let (k, n) = pooled(metric, &pts[..first_repeat.min(pts.len())]);
        let rows = match metric {
            "fpr" => "held-out negatives of the first repeat flagged",
            "recall" => "held-out positives of the first repeat flagged",
            _ => "flagged held-out rows of the first repeat positive",
        };
        out.push(Finding::new(
            &format!("{id}-pooled-breaks-promise"),
            format!(
                "at the {name}, held-out {} pooled over the first repeat is {side} the promised {}",
                words(metric),
                evidence::number(bound)
            ),
            shifted(Effect::wilson(k, n, rows), bound, "the promised bound"),
            Rope::score(),
            direction,
        ));
    }
    let cost = promise.cost();
    match umbrella {
        Some(u) => {
            let (cu, cv) = (held_out(u, cost), held_out(validation, cost));
            let (dir, verb) = if cost == "recall" {
                (Direction::Less, "lowers")
            } else {
                (Direction::Greater, "raises")
            };
            out.push(Finding::new(
                &format!("umbrella-costs-{cost}"),
                format!(
                    "the umbrella threshold {verb} held-out {} against the threshold chosen on \
                     validation",
                    words(cost)
                ),
                fold_difference(&cu, &cv, folds, design),
                Rope::score(),
                dir,
            ));
            let b = baselines.get(cost).copied().unwrap_or(f64::NAN);
            let (dir, side, id) = if cost == "recall" {
                (
                    Direction::Greater,
                    "above",
                    "umbrella-recall-above-baseline",
                )
            } else {
                (Direction::Less, "below", "umbrella-fpr-below-baseline")
            };
            out.push(Finding::new(
                id,
                format!(
                    "at the umbrella threshold, held-out {} is {side} no skill ({}: random \
                     flagging at the promised rate)",
                    words(cost),
                    evidence::number(b)
                ),
                fold_difference(&cu, &vec![b; cu.len()], folds, design),
                Rope::score(),
                dir,
            ));
        }
        None => {
            let b = baselines.get("precision").copied().unwrap_or(f64::NAN);
            let p = held_out(validation, "precision");
            out.push(Finding::new(
                "validation-point-precision-above-baseline",
                format!(
                    "at the threshold chosen on validation, held-out precision is above no \
                     skill ({}: the prevalence)",
                    evidence::number(b)
                ),
                fold_difference(&p, &vec![b; p.len()], folds, design),
                Rope::score(),
                Direction::Greater,
            ));
        }
    }
    out
}

/// The numbers in words (no judgement), then one sentence per finding.
pub fn read(
    promise: Promise,
    validation: &Achieved,
    umbrella: Option<&Achieved>,
    n_folds: usize,
    findings: &[Finding],
) -> String {
    let (metric, cost) = (words(promise.metric()), words(promise.cost()));
    let op = if matches!(promise, Promise::MaxFpr(_)) {
        "≤"
    } else {
        "≥"
    };
    let mut text = format!(
        "Promised: held-out {metric} {op} {}. The threshold chosen on validation gave a mean \
         held-out {metric} of {} ({} of {n_folds} folds outside the promise) at a mean {cost} \
         of {}.",
        evidence::number(promise.bound()),
        evidence::number(validation.achieved.mean),
        validation.folds_breaking_promise,
        evidence::number(validation.cost.mean),
    );
    match umbrella {
        Some(u) => text.push_str(&format!(
            " The umbrella threshold gave {} ({} of {n_folds} folds outside) at a mean {cost} \
             of {}.",
            evidence::number(u.achieved.mean),
            u.folds_breaking_promise,
            evidence::number(u.cost.mean),
        )),
        None => text.push_str(
            " Precision has no order-statistic promise (it depends on both classes and on the \
             prevalence), so no umbrella threshold is given.",
        ),
    }
    text.push(' ');
    text.push_str(&evidence::reading(findings));
    text
}
