//! Operating points: a threshold chosen on validation scores, and the rates it then gives.

use serde::Serialize;

use super::umbrella::{empirical_rank, order_statistic, umbrella_rank};
use super::Promise;

/// "positive when score > t" (`inclusive` false) or "score ≥ t" (true).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cut {
    pub threshold: f64,
    pub inclusive: bool,
}

impl Cut {
    pub fn flags(&self, score: f64) -> bool {
        score > self.threshold || (self.inclusive && score == self.threshold)
    }

    pub fn rule(&self) -> &'static str {
        if self.inclusive {
            "positive when score ≥ threshold"
        } else {
            "positive when score > threshold"
        }
    }
}

/// The confusion counts of a cut on some rows, and its rates (NaN where undefined).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rates {
    /// fp / negatives.
    pub fpr: f64,
    /// tp / positives.
    pub recall: f64,
    /// tp / flagged (NaN when nothing is flagged).
    pub precision: f64,
    pub tp: usize,
    pub fp: usize,
    pub positives: usize,
    pub negatives: usize,
}

impl Rates {
    pub fn of(y: &[usize], scores: &[f64], cut: Option<Cut>) -> Rates {
        let (mut tp, mut fp, mut pos) = (0, 0, 0);
        for (&yi, &s) in y.iter().zip(scores) {
            let flagged = cut.is_some_and(|c| c.flags(s));
            pos += yi;
            tp += usize::from(flagged && yi == 1);
            fp += usize::from(flagged && yi == 0);
        }
        let neg = y.len() - pos;
        let ratio = |a: usize, b: usize| {
            if b == 0 {
                f64::NAN
            } else {
                a as f64 / b as f64
            }
        };
        Rates {
            fpr: ratio(fp, neg),
            recall: ratio(tp, pos),
            precision: ratio(tp, tp + fp),
            tp,
            fp,
            positives: pos,
            negatives: neg,
        }
    }

    /// The rate a promise is about.
    pub fn get(&self, metric: &str) -> f64 {
        match metric {
            "fpr" => self.fpr,
            "recall" => self.recall,
            _ => self.precision,
        }
    }
}

/// A threshold as chosen on validation rows and what it did there and on the held-out fold.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Operating {
    /// `None` when no threshold meets the promise on the validation rows (nothing flagged).
    pub threshold: Option<f64>,
    pub rule: &'static str,
    /// The order statistic used (1-based, ascending), for order-statistic rules.
    pub rank: Option<usize>,
    pub validation: Rates,
    pub held_out: Rates,
    #[serde(skip)]
    pub cut: Option<Cut>,
}

/// The scores of the rows of class `class`.
fn of_class(y: &[usize], s: &[f64], class: usize) -> Vec<f64> {
    y.iter()
        .zip(s)
        .filter(|(&yi, _)| yi == class)
        .map(|(_, &v)| v)
        .collect()
}

/// The naive operating point: the threshold whose validation rate just meets the promise
/// (FPR: t₍ₙ₋⌊αn⌋₎ of the negatives; recall: u₍⌊βm⌋₊₁₎ of the positives; precision: the
/// lowest threshold, most recall, whose validation precision is at least P).
pub fn validation_point(promise: Promise, y: &[usize], s: &[f64]) -> (Option<Cut>, Option<usize>) {
    match promise {
        Promise::MaxFpr(a) => {
            let neg = of_class(y, s, 0);
            let k = empirical_rank(neg.len(), a);
            (cut(order_statistic(&neg, k), false), Some(k))
        }
        Promise::MinRecall(r) => {
            let pos = of_class(y, s, 1);
            let m = pos.len();
            let rank = (((1.0 - r) * m as f64).floor() as usize + 1).min(m.max(1));
            (cut(order_statistic(&pos, rank), true), Some(rank))
        }
        Promise::MinPrecision(p) => (lowest_precise(y, s, p), None),
    }
}

fn cut(threshold: f64, inclusive: bool) -> Option<Cut> {
    threshold.is_finite().then_some(Cut {
        threshold,
        inclusive,
    })
}

/// The lowest score t with precision(score ≥ t) ≥ p on these rows.
fn lowest_precise(y: &[usize], s: &[f64], p: f64) -> Option<Cut> {
    let mut order: Vec<usize> = (0..s.len()).collect();
    order.sort_by(|&a, &b| s[b].total_cmp(&s[a]));
    let (mut tp, mut flagged, mut best) = (0usize, 0usize, None);
    let mut i = 0;
    while i < order.len() {
        let t = s[order[i]];
        while i < order.len() && s[order[i]] == t {
            tp += y[order[i]];
            flagged += 1;
            i += 1;
        }
        if tp as f64 >= p * flagged as f64 {
            best = Some(t);
        }
    }
    best.and_then(|t| cut(t, true))
}

/// The umbrella operating point (see [`super::umbrella`]): `None` for a precision promise
/// (no order-statistic rule), `Err(n)` when the n validation rows of the class are too few.
pub fn umbrella_point(
    promise: Promise,
    delta: f64,
    y: &[usize],
    s: &[f64],
) -> Option<Result<(Cut, usize), usize>> {
    match promise {
        Promise::MaxFpr(a) => {
            let neg = of_class(y, s, 0);
            Some(match umbrella_rank(neg.len(), a, delta) {
                Some(k) => Ok((
                    Cut {
                        threshold: order_statistic(&neg, k),
                        inclusive: false,
                    },
                    k,
                )),
                None => Err(neg.len()),
            })
        }
        Promise::MinRecall(r) => {
            let pos = of_class(y, s, 1);
            let m = pos.len();
            Some(match umbrella_rank(m, 1.0 - r, delta) {
                Some(k) => {
                    let rank = m - k + 1;
                    Ok((
                        Cut {
                            threshold: order_statistic(&pos, rank),
                            inclusive: true,
                        },
                        rank,
                    ))
                }
                None => Err(m),
            })
        }
        Promise::MinPrecision(_) => None,
    }
}

/// An operating point with its rates on the validation and held-out rows.
pub fn operating(
    cut: Option<Cut>,
    rank: Option<usize>,
    inclusive: bool,
    validation: (&[usize], &[f64]),
    held_out: (&[usize], &[f64]),
) -> Operating {
    Operating {
        threshold: cut.map(|c| c.threshold),
        rule: Cut {
            threshold: 0.0,
            inclusive,
        }
        .rule(),
        rank,
        validation: Rates::of(validation.0, validation.1, cut),
        held_out: Rates::of(held_out.0, held_out.1, cut),
        cut,
    }
}
