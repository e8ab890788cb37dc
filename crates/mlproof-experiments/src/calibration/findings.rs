//! What the per-fold scores of `calibration` say. Every comparison is paired over the same
//! outer folds and judged with the Nadeau–Bengio corrected resampled t
//! ([`fold_difference`]). ROPEs: ±0.01 for ROC-AUC; ±1% of the prior's Brier score for Brier
//! differences (as `imbalance`); ±0.1 for the calibration slope and intercept (logit units,
//! no natural scale: a tenth of the ideal slope).

use mlproof_core::evidence::{self, Direction, Findings, Rope};
use mlproof_validation::Fold;

use super::methods::{Correction, Recalibration, CORRECTIONS};
use super::{Diagram, MethodScores};
use crate::common::fold_difference;

/// The ROPE of the calibration slope and intercept.
pub const SLOPE_ROPE: f64 = 0.1;

struct Ctx<'a> {
    methods: &'a [MethodScores],
    folds: &'a [Fold],
    design: &'a str,
}

impl Ctx<'_> {
    fn column(&self, c: Correction, r: Recalibration, key: &str) -> Vec<f64> {
        self.methods
            .iter()
            .find(|m| m.correction == c && m.recalibration == r)
            .and_then(|m| m.fold_scores.get(key).cloned())
            .unwrap_or_default()
    }

    fn diff(&self, a: &[f64], b: &[f64]) -> evidence::Effect {
        fold_difference(a, b, self.folds, self.design)
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// Every finding: the diagnosis of no correction, each correction against it, and each
/// recalibration of each correction.
pub fn judge(
    methods: &[MethodScores],
    folds: &[Fold],
    design: &str,
    prior_brier: f64,
    fold_prior: &[f64],
) -> Findings {
    let cx = Ctx {
        methods,
        folds,
        design,
    };
    let raw = Recalibration::Raw;
    let none = |key: &str| cx.column(Correction::None, raw, key);
    let brier_rope = Rope::relative(prior_brier);
    let mut out = Findings::default();
    out.push(evidence::Finding::new(
        "none-brier-below-no-skill",
        "no correction's Brier score is below the no-skill Brier (always predicting the prevalence)",
        cx.diff(&none("brier"), fold_prior),
        brier_rope,
        Direction::Less,
    ));
    let ones = vec![1.0; folds.len()];
    let zeros = vec![0.0; folds.len()];
    out.push(evidence::Finding::new(
        "none-slope-near-one",
        "with no correction the calibration slope is within ±0.1 of 1",
        cx.diff(&none("calibration_slope"), &ones),
        Rope::symmetric(SLOPE_ROPE),
        Direction::Equivalent,
    ));
    out.push(evidence::Finding::new(
        "none-intercept-near-zero",
        "with no correction the calibration intercept is within ±0.1 of 0",
        cx.diff(&none("calibration_intercept"), &zeros),
        Rope::symmetric(SLOPE_ROPE),
        Direction::Equivalent,
    ));
    for &c in &CORRECTIONS[1..] {
        let (name, s) = (c.name(), c.slug());
        let col = |r: Recalibration, key: &str| cx.column(c, r, key);
        out.push(evidence::Finding::new(
            &format!("brier-{s}-vs-none"),
            format!("{name} raises the Brier score over no correction's"),
            cx.diff(&col(raw, "brier"), &none("brier")),
            brier_rope,
            Direction::Greater,
        ));
        out.push(evidence::Finding::new(
            &format!("auc-{s}-vs-none"),
            format!("{name} keeps ROC-AUC within ±0.01 of no correction's"),
            cx.diff(&col(raw, "roc_auc"), &none("roc_auc")),
            Rope::score(),
            Direction::Equivalent,
        ));
        out.push(evidence::Finding::new(
            &format!("slope-{s}-vs-none"),
            format!("{name} keeps the calibration slope within ±0.1 of no correction's"),
            cx.diff(&col(raw, "calibration_slope"), &none("calibration_slope")),
            Rope::symmetric(SLOPE_ROPE),
            Direction::Equivalent,
        ));
        for r in [Recalibration::Platt, Recalibration::Isotonic] {
            let brier = col(r, "brier");
            out.push(evidence::Finding::new(
                &format!("{}-lowers-brier-{s}", r.slug()),
                format!(
                    "{} fitted in-fold lowers {name}'s Brier score",
                    capital(r.name())
                ),
                cx.diff(&brier, &col(raw, "brier")),
                brier_rope,
                Direction::Less,
            ));
            // Non-inferiority: "does not hold" (upper ≤ ROPE) is the repair.
            out.push(evidence::Finding::new(
                &format!("brier-{s}-{}-vs-none", r.slug()),
                format!(
                    "{name} with {} in-fold still raises the Brier score over no correction's",
                    r.name()
                ),
                cx.diff(&brier, &none("brier")),
                brier_rope,
                Direction::Greater,
            ));
        }
    }
    out
}

fn diagram(diagrams: &[Diagram], c: Correction, r: Recalibration) -> Option<&Diagram> {
    diagrams
        .iter()
        .find(|d| d.correction == c && d.recalibration == r)
}

/// The numbers in words (no judgement), then the sentences of the findings that answer the
/// question: the diagnosis, what each correction costs, and whether recalibration repairs it.
pub fn read(
    diagrams: &[Diagram],
    _methods: &[MethodScores],
    prior_brier: f64,
    findings: &Findings,
) -> String {
    let n = evidence::number;
    let mut text = String::new();
    if let Some(d) = diagram(diagrams, Correction::None, Recalibration::Raw) {
        let m = &d.murphy;
        text.push_str(&format!(
            "Out of fold, logistic regression with no correction scores Brier {} (no skill: {}) \
             = REL {} − RES {} + UNC {} + within-bin terms {} ({} bins, {}), calibration \
             slope {} and intercept {}.",
            n(m.brier),
            n(prior_brier),
            n(m.reliability),
            n(m.resolution),
            n(m.uncertainty),
            n(m.three_term_gap),
            d.reliability.bins.len(),
            d.reliability.binning,
            n(d.calibration.slope),
            n(d.calibration.intercept),
        ));
    }
    let none = diagram(diagrams, Correction::None, Recalibration::Raw).map(|d| d.murphy.brier);
    for c in [Correction::UnderSampling, Correction::Smote] {
        let brier = |r| diagram(diagrams, c, r).map_or(f64::NAN, |d| d.murphy.brier);
        let (raw, platt, iso) = (
            brier(Recalibration::Raw),
            brier(Recalibration::Platt),
            brier(Recalibration::Isotonic),
        );
        let removed = |b: f64| 100.0 * (raw - b) / (raw - none.unwrap_or(f64::NAN));
        if let Some(d) = diagram(diagrams, c, Recalibration::Raw) {
            text.push_str(&format!(
                " With {} its Brier is {} and slope {}; in-fold Platt scaling brings the Brier to \
                 {} and isotonic regression to {} ({:.0}% and {:.0}% of the increase over no \
                 correction removed).",
                c.name(),
                n(raw),
                n(d.calibration.slope),
                n(platt),
                n(iso),
                removed(platt),
                removed(iso),
            ));
        }
    }
    let chosen: Vec<_> = findings
        .as_slice()
        .iter()
        .filter(|f| {
            f.id.starts_with("none-")
                || f.id.starts_with("brier-")
                || f.id.starts_with("auc-")
                || f.id.starts_with("brier-")
        })
        .cloned()
        .collect();
    text.push(' ');
    text.push_str(&evidence::reading(&chosen));
    text
}
