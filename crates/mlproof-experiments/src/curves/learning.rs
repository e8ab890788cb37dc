//! The learning curve: CV score on growing training sets (the same test folds at every
//! size), against the metric's no-skill baseline.
//!
//! Findings, each from paired per-fold differences (the same test rows at every size):
//! `beats-baseline` (the CV score at full size against no skill), `more-data-narrows-gap`
//! (the train − CV gap at the smallest size minus at full size), `more-data-improves-cv`
//! (CV at full size minus at the smallest) and `gap-at-full-size` (train above CV at full
//! size). The Nadeau–Bengio correction uses n_test / n_train of the **smallest** training
//! set, the wider of the two intervals.

use mlproof_core::evidence::{self, Direction, Effect, Finding, Findings, Rope};
use mlproof_core::metrics::baseline::no_skill_model;
use mlproof_core::metrics::no_skill;
use mlproof_core::progress::Observer;
use mlproof_core::{Error, Result};
use mlproof_data::{encode, Dataset};
use mlproof_validation::curves::{learning_curve_observed, CurvePoint};
use mlproof_validation::Fold;

use super::validation::{fold_baselines, rope, rope_note};
use super::{design, Curve, Params};
use crate::common::fold_difference;

/// Training fractions (scikit-learn's default `np.linspace(0.1, 1.0, 5)`).
pub const FRACTIONS: [f64; 5] = [0.1, 0.325, 0.55, 0.775, 1.0];

pub(super) fn run(
    data: &Dataset,
    params: &Params,
    progress: &dyn Observer,
) -> Result<(Curve, Vec<String>)> {
    let metric = params.metric;
    let splitter = params
        .folds()
        .ok_or_else(|| Error::internal("a learning curve has folds"))?;
    let y = data.binary_target()?;
    let (x, _) = encode::one_hot(data);
    let splits = splitter.split(data.n_rows(), data.class_codes().as_deref(), params.seed)?;
    let learner = params.model.pipeline()?;
    progress.start("learning curve", FRACTIONS.len());
    let points = learning_curve_observed(
        &x,
        &y,
        &FRACTIONS,
        &learner,
        &splits.folds,
        metric,
        params.seed,
        progress,
    );
    progress.finish();
    let points = points?;
    let baseline = no_skill(metric, &y.to_vec());
    let fold_baselines = fold_baselines(metric, &y, &splits.folds);
    let judge = Judge {
        points: &points,
        fold_baselines: &fold_baselines,
        baseline,
        baseline_model: no_skill_model(metric),
        score: metric.name(),
        sign: if metric.higher_is_better() { 1.0 } else { -1.0 },
        rope: rope(metric, baseline),
        rope_note: rope_note(metric),
        folds: &splits.folds,
        design: design(&splitter),
    };
    let findings = judge.findings().into_vec();
    let reading = judge.read(&findings);
    let curve = Curve {
        points,
        regions: None,
        model: learner.describe(),
        metric: metric.name(),
        higher_is_better: metric.higher_is_better(),
        baseline,
        baseline_model: no_skill_model(metric),
        fold_baselines,
        n_folds: splits.folds.len(),
        findings,
        reading,
    };
    Ok((curve, splits.warnings))
}

struct Judge<'a> {
    points: &'a [CurvePoint],
    fold_baselines: &'a [f64],
    baseline: f64,
    baseline_model: &'a str,
    score: &'a str,
    /// +1 when higher is better, −1 for a loss.
    sign: f64,
    rope: Rope,
    rope_note: Option<&'static str>,
    folds: &'a [Fold],
    design: &'a str,
}

impl Judge<'_> {
    fn better(&self, v: &[f64]) -> Vec<f64> {
        v.iter().map(|x| self.sign * x).collect()
    }

    fn gap(&self, p: &CurvePoint) -> Vec<f64> {
        let (tr, te) = (self.better(&p.train_folds), self.better(&p.test_folds));
        tr.iter().zip(&te).map(|(a, b)| a - b).collect()
    }

    /// Paired differences between sizes, corrected with the smallest training set's ratio.
    /// The method with the ROPE's scale, when it is not a score's.
    fn noted(&self, e: Effect) -> Effect {
        match self.rope_note {
            Some(note) => {
                let method = format!("{}; ROPE {note}", e.method);
                e.described(method)
            }
            None => e,
        }
    }

    fn between_sizes(&self, a: &[f64], b: &[f64]) -> Effect {
        let diffs: Vec<f64> = a
            .iter()
            .zip(b)
            .map(|(x, y)| x - y)
            .filter(|d| d.is_finite())
            .collect();
        let test = self.folds.iter().map(|f| f.test.len()).sum::<usize>() as f64
            / self.folds.len().max(1) as f64;
        let ratio = test / self.points[0].x.max(1.0);
        self.noted(Effect::corrected_resampled_t(
            &diffs,
            ratio,
            &format!(
                "{} folds (n_test / n_train of the {}-row training sets)",
                self.design, self.points[0].x
            ),
        ))
    }

    fn findings(&self) -> Findings {
        let mut out = Findings::default();
        let (first, last) = (&self.points[0], &self.points[self.points.len() - 1]);
        let rows = |p: &CurvePoint| format!("{:.0} training rows", p.x);
        let side = if self.sign > 0.0 { "above" } else { "below" };
        out.push(Finding::new(
            "beats-baseline",
            format!(
                "at {} the CV {} is {side} the no-skill baseline ({}, {})",
                rows(last),
                self.score,
                self.baseline_model,
                evidence::number(self.baseline)
            ),
            self.noted(fold_difference(
                &self.better(&last.test_folds),
                &self.better(self.fold_baselines),
                self.folds,
                self.design,
            )),
            self.rope,
            Direction::Greater,
        ));
        out.push(Finding::new(
            "more-data-narrows-gap",
            format!(
                "more data narrows the train − CV gap: it is narrower at {} than at {}",
                rows(last),
                rows(first)
            ),
            self.between_sizes(&self.gap(first), &self.gap(last)),
            self.rope,
            Direction::Greater,
        ));
        out.push(Finding::new(
            "more-data-improves-cv",
            format!(
                "more data improves the CV {}: it is better at {} than at {}",
                self.score,
                rows(last),
                rows(first)
            ),
            self.between_sizes(
                &self.better(&last.test_folds),
                &self.better(&first.test_folds),
            ),
            self.rope,
            Direction::Greater,
        ));
        out.push(Finding::new(
            "gap-at-full-size",
            format!(
                "at {} the model still scores better on its training rows than on held-out rows",
                rows(last)
            ),
            self.noted(fold_difference(
                &self.better(&last.train_folds),
                &self.better(&last.test_folds),
                self.folds,
                self.design,
            )),
            self.rope,
            Direction::Greater,
        ));
        out
    }

    /// The numbers in words (no judgement), then one sentence per finding.
    fn read(&self, findings: &[Finding]) -> String {
        let (first, last) = (&self.points[0], &self.points[self.points.len() - 1]);
        let gap = |p: &CurvePoint| self.sign * (p.train.mean - p.test.mean);
        format!(
            "From {:.0} to {:.0} training rows the CV {} goes {} → {} (train {} → {}) and the \
             train − CV gap {} → {}. {}",
            first.x,
            last.x,
            self.score,
            evidence::number(first.test.mean),
            evidence::number(last.test.mean),
            evidence::number(first.train.mean),
            evidence::number(last.train.mean),
            evidence::number(gap(first)),
            evidence::number(gap(last)),
            evidence::reading(findings)
        )
    }
}
