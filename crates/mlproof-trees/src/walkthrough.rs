//! The root split worked through: for every feature, its best split of the whole dataset
//! with the numbers a person can check by hand.
//!
//! * numeric feature: the best binary threshold (midpoint between consecutive distinct
//!   values, as CART and scikit-learn choose it);
//! * categorical feature: the multi-way partition into one child per level (ID3,
//!   Quinlan 1986).
//!
//! For impurity I (entropy in bits, or Gini) and children Sᵥ of S:
//! gain = I(S) − Σᵥ |Sᵥ|/|S| · I(Sᵥ) — information gain for entropy, Gini decrease for Gini.

use serde::Serialize;

use crate::cart::Criterion;
use mlproof_core::data::{Dataset, FeatureKind, Target};
use mlproof_core::{Error, Result};

/// One child of a split.
#[derive(Debug, Clone, Serialize)]
pub struct Child {
    /// `x <= t`, `x > t` or `level`.
    pub rule: String,
    pub counts: Vec<usize>,
    pub impurity: f64,
}

/// A feature's best root split.
#[derive(Debug, Clone, Serialize)]
pub struct FeatureSplit {
    pub feature: String,
    pub categorical: bool,
    /// The threshold of a numeric split.
    pub threshold: Option<f64>,
    pub children: Vec<Child>,
    /// Σᵥ |Sᵥ|/|S| · I(Sᵥ).
    pub weighted_child_impurity: f64,
    pub gain: f64,
}

impl FeatureSplit {
    /// Whether the feature divides the rows at all: two or more non-empty children. A
    /// constant column (or a categorical one with a single level present) does not.
    pub fn divides(&self) -> bool {
        self.children
            .iter()
            .filter(|c| c.counts.iter().sum::<usize>() > 0)
            .count()
            >= 2
    }
}

/// Every feature's best root split under one criterion.
#[derive(Debug, Clone, Serialize)]
pub struct RootSplits {
    pub criterion: Criterion,
    pub classes: Vec<String>,
    pub counts: Vec<usize>,
    pub parent_impurity: f64,
    pub splits: Vec<FeatureSplit>,
    /// Index into `splits` of the largest gain among the features that divide the rows
    /// (ties to the first feature); 0 when none does (see `no_split`).
    pub chosen: usize,
    /// True when no feature divides the rows (every one constant): the root is a leaf, and
    /// there is no split to choose or rank.
    pub no_split: bool,
}

/// A threshold as a person writes it: up to six decimals, trailing zeros dropped (the
/// `threshold` field keeps the exact value).
fn short(t: f64) -> String {
    let s = format!("{t:.6}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn impurity(criterion: Criterion, counts: &[usize]) -> f64 {
    let stats: Vec<f64> = counts.iter().map(|&c| c as f64).collect();
    let total: f64 = stats.iter().sum();
    if total == 0.0 {
        return 0.0;
    }
    criterion.impurity(&stats, total)
}

fn weighted(criterion: Criterion, groups: &[Vec<usize>], n: usize) -> f64 {
    groups
        .iter()
        .map(|g| g.iter().sum::<usize>() as f64 / n as f64 * impurity(criterion, g))
        .sum()
}

/// The root splits of `data` under `criterion` (entropy or Gini).
pub fn root_splits(data: &Dataset, criterion: Criterion) -> Result<RootSplits> {
    if !criterion.is_classification() {
        return Err(Error::param(
            "criterion",
            "must be entropy or gini for the split walkthrough",
        ));
    }
    let (y, classes) = match &data.target {
        Target::Classes { y, classes, .. } => (y.to_vec(), classes.clone()),
        Target::Continuous { .. } => {
            return Err(Error::usage(format!(
                "target '{}' of {} is continuous; information gain needs classes",
                data.target_name, data.name
            )))
        }
    };
    let k = classes.len();
    let n = y.len();
    let count = |rows: &mut dyn Iterator<Item = usize>| {
        let mut c = vec![0usize; k];
        rows.for_each(|i| c[y[i]] += 1);
        c
    };
    let counts = count(&mut (0..n));
    let parent_impurity = impurity(criterion, &counts);
    let mut splits = Vec::with_capacity(data.n_features());
    for (j, (name, kind)) in data
        .feature_names
        .iter()
        .zip(&data.feature_kinds)
        .enumerate()
    {
        let col = data.features.column(j);
        let split = match kind {
            FeatureKind::Categorical { levels } => {
                let groups: Vec<Vec<usize>> = (0..levels.len())
                    .map(|l| count(&mut (0..n).filter(|&i| col[i] as usize == l)))
                    .collect();
                let w = weighted(criterion, &groups, n);
                FeatureSplit {
                    feature: name.clone(),
                    categorical: true,
                    threshold: None,
                    children: levels
                        .iter()
                        .zip(&groups)
                        .map(|(l, g)| Child {
                            rule: l.clone(),
                            counts: g.clone(),
                            impurity: impurity(criterion, g),
                        })
                        .collect(),
                    weighted_child_impurity: w,
                    gain: parent_impurity - w,
                }
            }
            FeatureKind::Numeric => {
                // As CART sees it: values rounded to float32 (scikit-learn's DTYPE).
                let col: Vec<f64> = col.iter().map(|&v| crate::cart::as_float32(v)).collect();
                let mut order: Vec<usize> = (0..n).collect();
                order.sort_by(|&a, &b| col[a].total_cmp(&col[b]));
                let mut left = vec![0usize; k];
                let mut best: Option<(f64, f64, Vec<usize>)> = None; // (weighted, threshold, left counts)
                for p in 1..n {
                    left[y[order[p - 1]]] += 1;
                    let (lo, hi) = (col[order[p - 1]], col[order[p]]);
                    if hi <= lo + 1e-7 {
                        continue;
                    }
                    let right: Vec<usize> = counts.iter().zip(&left).map(|(c, l)| c - l).collect();
                    let w = weighted(criterion, &[left.clone(), right], n);
                    if best.as_ref().is_none_or(|b| w < b.0) {
                        let mut t = lo / 2.0 + hi / 2.0;
                        if t == hi {
                            t = lo;
                        }
                        best = Some((w, t, left.clone()));
                    }
                }
                match best {
                    None => FeatureSplit {
                        feature: name.clone(),
                        categorical: false,
                        threshold: None,
                        children: Vec::new(),
                        weighted_child_impurity: parent_impurity,
                        gain: 0.0,
                    },
                    Some((w, t, l)) => {
                        let r: Vec<usize> = counts.iter().zip(&l).map(|(c, l)| c - l).collect();
                        FeatureSplit {
                            feature: name.clone(),
                            categorical: false,
                            threshold: Some(t),
                            children: vec![
                                Child {
                                    rule: format!("<= {}", short(t)),
                                    impurity: impurity(criterion, &l),
                                    counts: l,
                                },
                                Child {
                                    rule: format!("> {}", short(t)),
                                    impurity: impurity(criterion, &r),
                                    counts: r,
                                },
                            ],
                            weighted_child_impurity: w,
                            gain: parent_impurity - w,
                        }
                    }
                }
            }
        };
        splits.push(split);
    }
    let dividing: Vec<usize> = (0..splits.len()).filter(|&i| splits[i].divides()).collect();
    let no_split = dividing.is_empty();
    let chosen = dividing
        .iter()
        .copied()
        .fold(dividing.first().copied().unwrap_or(0), |b, i| {
            if splits[i].gain > splits[b].gain {
                i
            } else {
                b
            }
        });
    Ok(RootSplits {
        criterion,
        classes,
        counts,
        parent_impurity,
        splits,
        chosen,
        no_split,
    })
}

#[cfg(test)]
mod tests;
