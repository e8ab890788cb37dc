//! The findings of a fit and of a path: the CV error against the no-skill model over the
//! same folds (paired per fold, corrected resampled t; ROPE ±1% of the no-skill error), and
//! the coefficients the penalty zeroed (an exact count; ROPE ±0.5).

use mlproof_core::evidence::{self, Direction, Effect, Finding, Findings, Rope};
use mlproof_linear::Path;
use mlproof_validation::Fold;

use crate::common::fold_difference;

/// The id of the zeroed-coefficients finding: `l1-sparse` for the lasso.
fn sparse_id(l1_ratio: f64) -> &'static str {
    if l1_ratio == 1.0 {
        "l1-sparse"
    } else {
        "penalty-zeroes-coefficients"
    }
}

fn beats_no_skill(
    id: &str,
    at: &str,
    errors: &[f64],
    baseline: &[f64],
    folds: &[Fold],
    design: &str,
    error: &str,
) -> Option<Finding> {
    let scale = baseline.iter().sum::<f64>() / baseline.len().max(1) as f64;
    Finding::new(
        id,
        format!(
            "the CV {error} at {at} is below the no-skill model's (ROPE ±1% of its {})",
            evidence::number(scale)
        ),
        fold_difference(errors, baseline, folds, design),
        Rope::relative(scale),
        Direction::Less,
    )
}

fn zeroes(at: &str, zeroed: usize, p: usize, l1_ratio: f64) -> Option<Finding> {
    Finding::new(
        sparse_id(l1_ratio),
        format!("the penalty at {at} sets coefficients to exactly zero"),
        Effect::exact(
            zeroed as f64,
            format!("count of zeroed coefficients among {p}, one fit on all rows"),
        ),
        Rope::count(),
        Direction::Greater,
    )
}

/// A fit at one α.
pub fn single(
    errors: &[f64],
    baseline: &[f64],
    folds: &[Fold],
    design: &str,
    (zeroed, p): (usize, usize),
    l1_ratio: f64,
    error: &str,
) -> Vec<Finding> {
    let mut out = Findings::default();
    out.push(beats_no_skill(
        "cv-beats-no-skill",
        "this α",
        errors,
        baseline,
        folds,
        design,
        error,
    ));
    out.push(zeroes("this α", zeroed, p, l1_ratio));
    out.into_vec()
}

/// A path: both chosen α against the no-skill model, the one-SE α's zeroed coefficients,
/// and whether the one-SE α keeps fewer coefficients than the minimum's.
pub fn path(path: &Path, design: &str, p: usize) -> Vec<Finding> {
    let (best, one_se) = (&path.points[path.best], &path.points[path.one_se]);
    let mut out = Findings::default();
    for (id, at, q) in [
        ("min-cv-beats-no-skill", "the min-CV α", best),
        ("one-se-beats-no-skill", "the one-SE α", one_se),
    ] {
        out.push(beats_no_skill(
            id,
            at,
            &q.cv_folds,
            &path.cv_baseline_folds,
            &path.folds,
            design,
            path.error,
        ));
    }
    out.push(zeroes(
        "the one-SE α",
        p - one_se.n_nonzero,
        p,
        path.l1_ratio,
    ));
    out.push(Finding::new(
        "one-se-simpler",
        "the one-SE α keeps fewer non-zero coefficients than the min-CV α",
        Effect::exact(
            best.n_nonzero as f64 - one_se.n_nonzero as f64,
            "difference of two counts, fits on all rows",
        ),
        Rope::count(),
        Direction::Greater,
    ));
    out.into_vec()
}

/// The path in words (what was chosen, by which SE and cut-off), then the findings.
pub fn path_reading(path: &Path, findings: &[Finding]) -> String {
    let (best, one_se) = (&path.points[path.best], &path.points[path.one_se]);
    let n = evidence::number;
    format!(
        "Minimum CV {e}: α = {:.4e} with {} non-zero coefficients ({} ± {}). The \
         one-standard-error rule (SE {} of that minimum, cut-off {}, searched over all {} α) \
         takes the largest α at or under the cut-off: α = {:.4e}, {} non-zero ({}). The \
         no-skill model's CV {e} is {}. {}",
        best.alpha,
        best.n_nonzero,
        n(best.cv_error),
        n(best.cv_se),
        n(path.one_se_rule.se),
        n(path.one_se_rule.threshold),
        path.points.len(),
        one_se.alpha,
        one_se.n_nonzero,
        n(one_se.cv_error),
        n(path.cv_baseline),
        evidence::reading(findings),
        e = path.error,
    )
}
