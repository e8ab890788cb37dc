//! Findings and reading of a sweep over a complexity knob (validation and degree curves),
//! all from paired per-fold differences on the same folds (Nadeau–Bengio corrected t).

use mlproof_core::evidence::{self, Direction, Finding, Findings, Rope};
use mlproof_validation::curves::{CurvePoint, Regions};
use mlproof_validation::Fold;

use super::Knob;
use crate::common::fold_difference;

/// A swept curve and what its findings need.
pub(super) struct Sweep<'a> {
    pub knob: Knob,
    pub points: &'a [CurvePoint],
    pub regions: &'a Regions,
    /// The no-skill baseline on each fold's test rows.
    pub fold_baselines: &'a [f64],
    pub baseline: f64,
    pub baseline_model: &'a str,
    /// The score's name as sentences say it (`accuracy`, `MSE`).
    pub score: &'a str,
    pub higher_is_better: bool,
    pub rope: Rope,
    /// How the ROPE was set, when it is not the ±0.01 of a score ("±1% of the mean's MSE").
    pub rope_note: Option<&'a str>,
    pub folds: &'a [Fold],
    pub design: &'a str,
}

/// A knob's value as a sentence quotes it (`5`, `0.001`).
pub(super) fn knob_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e6 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

impl Sweep<'_> {
    /// `v` turned so that larger is better (scores kept, losses negated).
    fn better(&self, v: &[f64]) -> Vec<f64> {
        let sign = if self.higher_is_better { 1.0 } else { -1.0 };
        v.iter().map(|x| sign * x).collect()
    }

    /// Per fold, how much better the model does on its training rows than on its test rows.
    fn gap(&self, p: &CurvePoint) -> Vec<f64> {
        let (train, test) = (self.better(&p.train_folds), self.better(&p.test_folds));
        train.iter().zip(&test).map(|(a, b)| a - b).collect()
    }

    fn at(&self, i: usize) -> String {
        format!("{} {}", self.knob.name(), knob_value(self.points[i].x))
    }

    /// `beats-baseline`, `underfit`, `overfit` and `<knob>-overfits` (`depth-overfits`):
    /// each compares the one-standard-error choice with another point (or the baseline)
    /// fold by fold. An estimate is the difference in the good direction (a positive
    /// number: the first is better), so every claim is `greater`.
    pub fn judge(&self) -> Findings {
        let mut out = Findings::default();
        let r = self.regions;
        let (choice, simplest, complex) = (r.one_se, 0, self.points.len() - 1);
        let cv = |i: usize| self.better(&self.points[i].test_folds);
        let worse = if self.higher_is_better {
            "lower"
        } else {
            "higher"
        };
        let side = if self.higher_is_better {
            "above"
        } else {
            "below"
        };
        let diff = |a: &[f64], b: &[f64]| {
            let e = fold_difference(a, b, self.folds, self.design);
            match self.rope_note {
                Some(note) => {
                    let method = format!("{}; ROPE {note}", e.method);
                    e.described(method)
                }
                None => e,
            }
        };
        out.push(Finding::new(
            "beats-baseline",
            format!(
                "the one-standard-error choice ({}) has a CV {} {side} the no-skill baseline ({}, {})",
                self.at(choice),
                self.score,
                self.baseline_model,
                evidence::number(self.baseline)
            ),
            diff(&cv(choice), &self.better(self.fold_baselines)),
            self.rope,
            Direction::Greater,
        ));
        // A point compared with itself says nothing: no underfit finding when the choice is
        // the simplest point, no overfit findings when it is the most complex.
        if choice != simplest {
            out.push(Finding::new(
                "underfit",
                format!(
                    "the simplest point ({}) underfits: its CV {} is {worse} than the one-standard-error choice's ({})",
                    self.at(simplest),
                    self.score,
                    self.at(choice)
                ),
                diff(&cv(choice), &cv(simplest)),
                self.rope,
                Direction::Greater,
            ));
        }
        if choice == complex {
            return out;
        }
        out.push(Finding::new(
            "overfit",
            format!(
                "the most complex point ({}) overfits: its CV {} is {worse} than the one-standard-error choice's ({})",
                self.at(complex),
                self.score,
                self.at(choice)
            ),
            diff(&cv(choice), &cv(complex)),
            self.rope,
            Direction::Greater,
        ));
        out.push(Finding::new(
            self.knob.overfits_id(),
            format!(
                "the train − CV gap grows {}: it is wider at {} than at the one-standard-error choice ({})",
                self.knob.growing(),
                self.at(complex),
                self.at(choice)
            ),
            diff(&self.gap(&self.points[complex]), &self.gap(&self.points[choice])),
            self.rope,
            Direction::Greater,
        ));
        out
    }

    /// The numbers in words (the best point, the SE, the cut-off, the choice, the baseline),
    /// then one sentence per finding.
    pub fn read(&self, findings: &[Finding]) -> String {
        let r = self.regions;
        let (b, c) = (&self.points[r.best], &self.points[r.one_se]);
        let plus_minus = if self.higher_is_better { "−" } else { "+" };
        let reaches = if self.higher_is_better {
            "at least"
        } else {
            "at most"
        };
        format!(
            "Best CV {score} {} at {} (train {}). One standard error of it is {} (std {} / √{}), so \
             the one-standard-error choice is the simplest point with a CV {score} of {reaches} {} \
             (best {plus_minus} SE): {}, CV {score} {}. {}",
            evidence::number(b.test.mean),
            self.at(r.best),
            evidence::number(b.train.mean),
            evidence::number(r.se),
            evidence::number(b.test.std),
            b.test.n,
            evidence::number(r.threshold),
            self.at(r.one_se),
            evidence::number(c.test.mean),
            evidence::reading(findings),
            score = self.score,
        )
    }
}
