//! ID3 (Quinlan, "Induction of decision trees", Machine Learning 1, 1986): classification
//! only, entropy, and a multi-way split on a categorical feature — one child per level, each
//! categorical feature used at most once on a path. Numeric features, which ID3 did not
//! handle, get C4.5's binary threshold (Quinlan 1993) so numeric sets can be compared too.

use ndarray::{Array1, Array2, ArrayView1};
use serde::Serialize;

use crate::cart::Criterion;
use mlproof_core::data::{Dataset, FeatureKind, Target};
use mlproof_core::model::{BinaryClassifier, FittedBinary};
use mlproof_core::{Error, Result};

/// How a node splits.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Id3Split {
    /// One child per level code (`children[code]`).
    Levels {
        feature: usize,
        children: Vec<usize>,
    },
    Threshold {
        feature: usize,
        threshold: f64,
        left: usize,
        right: usize,
    },
}

#[derive(Debug, Clone, Serialize)]
pub struct Id3Node {
    pub depth: usize,
    /// Rows per class.
    pub counts: Vec<usize>,
    pub split: Option<Id3Split>,
}

/// A fitted ID3 tree; node 0 is the root.
#[derive(Debug, Clone, Serialize)]
pub struct Id3Tree {
    pub nodes: Vec<Id3Node>,
    pub n_classes: usize,
}

fn entropy(counts: &[usize]) -> f64 {
    let total: usize = counts.iter().sum();
    if total == 0 {
        return 0.0;
    }
    let stats: Vec<f64> = counts.iter().map(|&c| c as f64).collect();
    Criterion::Entropy.impurity(&stats, total as f64)
}

/// A candidate split: (gain, feature, threshold for a numeric feature, partition of rows).
type Candidate = (f64, usize, Option<f64>, Vec<Vec<usize>>);

struct Builder<'a> {
    x: &'a Array2<f64>,
    y: &'a [usize],
    kinds: &'a [FeatureKind],
    n_classes: usize,
    max_depth: Option<usize>,
    min_samples_split: usize,
    nodes: Vec<Id3Node>,
}

impl Builder<'_> {
    fn counts(&self, rows: &[usize]) -> Vec<usize> {
        let mut c = vec![0; self.n_classes];
        rows.iter().for_each(|&i| c[self.y[i]] += 1);
        c
    }

    /// Grows the node over `rows`; `used` marks categorical features already split on.
    fn grow(&mut self, rows: Vec<usize>, depth: usize, used: &mut Vec<bool>) -> usize {
        let counts = self.counts(&rows);
        let id = self.nodes.len();
        self.nodes.push(Id3Node {
            depth,
            counts: counts.clone(),
            split: None,
        });
        let parent = entropy(&counts);
        if parent == 0.0
            || rows.len() < self.min_samples_split
            || self.max_depth.is_some_and(|d| depth >= d)
        {
            return id;
        }
        let n = rows.len() as f64;
        let weighted = |groups: &[Vec<usize>]| -> f64 {
            groups
                .iter()
                .map(|g| g.iter().sum::<usize>() as f64 / n * entropy(g))
                .sum()
        };
        let mut best: Option<Candidate> = None;
        for (j, kind) in self.kinds.iter().enumerate() {
            let candidate = match kind {
                FeatureKind::Categorical { levels } => {
                    if used[j] {
                        continue;
                    }
                    let mut parts = vec![Vec::new(); levels.len()];
                    rows.iter()
                        .for_each(|&i| parts[self.x[[i, j]] as usize].push(i));
                    if parts.iter().filter(|p| !p.is_empty()).count() < 2 {
                        continue;
                    }
                    let groups: Vec<Vec<usize>> = parts.iter().map(|p| self.counts(p)).collect();
                    (parent - weighted(&groups), None, parts)
                }
                FeatureKind::Numeric => {
                    let mut order = rows.clone();
                    order.sort_by(|&a, &b| self.x[[a, j]].total_cmp(&self.x[[b, j]]));
                    let mut found: Option<(f64, f64, usize)> = None;
                    let mut left = vec![0; self.n_classes];
                    for p in 1..order.len() {
                        left[self.y[order[p - 1]]] += 1;
                        let (lo, hi) = (self.x[[order[p - 1], j]], self.x[[order[p], j]]);
                        if hi <= lo + 1e-7 {
                            continue;
                        }
                        let right: Vec<usize> =
                            counts.iter().zip(&left).map(|(c, l)| c - l).collect();
                        let gain = parent - weighted(&[left.clone(), right]);
                        if found.is_none_or(|f| gain > f.0) {
                            found = Some((gain, lo / 2.0 + hi / 2.0, p));
                        }
                    }
                    let Some((gain, t, p)) = found else { continue };
                    (
                        gain,
                        Some(t),
                        vec![order[..p].to_vec(), order[p..].to_vec()],
                    )
                }
            };
            if best.as_ref().is_none_or(|b| candidate.0 > b.0) {
                best = Some((candidate.0, j, candidate.1, candidate.2));
            }
        }
        let Some((gain, feature, threshold, parts)) = best else {
            return id;
        };
        if gain <= 1e-12 {
            return id;
        }
        let split = match threshold {
            Some(t) => {
                let mut parts = parts.into_iter();
                let (l, r) = (
                    parts.next().unwrap_or_default(),
                    parts.next().unwrap_or_default(),
                );
                let left = self.grow(l, depth + 1, used);
                let right = self.grow(r, depth + 1, used);
                Id3Split::Threshold {
                    feature,
                    threshold: t,
                    left,
                    right,
                }
            }
            None => {
                used[feature] = true;
                let children = parts
                    .into_iter()
                    .map(|p| self.grow(p, depth + 1, used))
                    .collect();
                used[feature] = false;
                Id3Split::Levels { feature, children }
            }
        };
        self.nodes[id].split = Some(split);
        id
    }
}

impl Id3Tree {
    /// Grows ID3 on a class target; a continuous target is an error.
    pub fn fit(
        data: &Dataset,
        rows: &[usize],
        max_depth: Option<usize>,
        min_samples_split: usize,
    ) -> Result<Id3Tree> {
        let (y, n_classes) = match &data.target {
            Target::Classes { y, classes, .. } => (y.to_vec(), classes.len()),
            Target::Continuous { .. } => {
                return Err(Error::usage(format!(
                "ID3 is for classification; '{}' is a continuous target (use CART for regression)",
                data.target_name
            )))
            }
        };
        Id3Tree::fit_columns(
            &data.features,
            &y,
            n_classes,
            &data.feature_kinds,
            rows,
            (max_depth, min_samples_split),
        )
    }

    /// Grows ID3 on the `rows` of columns `x` (categorical columns as level codes, as
    /// `kinds` says) with class codes `y` in `0..n_classes`; `limits` = (max_depth,
    /// min_samples_split).
    pub fn fit_columns(
        x: &Array2<f64>,
        y: &[usize],
        n_classes: usize,
        kinds: &[FeatureKind],
        rows: &[usize],
        limits: (Option<usize>, usize),
    ) -> Result<Id3Tree> {
        let (max_depth, min_samples_split) = limits;
        if max_depth == Some(0) {
            return Err(Error::param("max_depth", "must be at least 1 for ID3"));
        }
        if min_samples_split < 2 {
            return Err(Error::param(
                "min_samples_split",
                format!("must be at least 2 for ID3, got {min_samples_split}"),
            ));
        }
        let mut b = Builder {
            x,
            y,
            kinds,
            n_classes,
            max_depth,
            min_samples_split,
            nodes: Vec::new(),
        };
        let mut used = vec![false; kinds.len()];
        b.grow(rows.to_vec(), 0, &mut used);
        Ok(Id3Tree {
            nodes: b.nodes,
            n_classes,
        })
    }

    /// The node a row ends in; an unseen or empty level stops at the splitting node.
    fn leaf(&self, row: ArrayView1<f64>) -> usize {
        let mut id = 0;
        loop {
            let next = match &self.nodes[id].split {
                None => return id,
                Some(Id3Split::Threshold {
                    feature,
                    threshold,
                    left,
                    right,
                }) => {
                    if row[*feature] <= *threshold {
                        *left
                    } else {
                        *right
                    }
                }
                Some(Id3Split::Levels { feature, children }) => {
                    match children.get(row[*feature] as usize) {
                        Some(&c) if self.nodes[c].counts.iter().sum::<usize>() > 0 => c,
                        _ => return id,
                    }
                }
            };
            id = next;
        }
    }

    /// The majority class of each row's node (ties to the lower class).
    pub fn predict(&self, x: &Array2<f64>) -> Array1<usize> {
        x.rows()
            .into_iter()
            .map(|r| {
                let c = &self.nodes[self.leaf(r)].counts;
                (0..c.len()).fold(0, |b, k| if c[k] > c[b] { k } else { b })
            })
            .collect()
    }

    pub fn n_leaves(&self) -> usize {
        self.nodes.iter().filter(|n| n.split.is_none()).count()
    }

    pub fn depth(&self) -> usize {
        self.nodes.iter().map(|n| n.depth).max().unwrap_or(0)
    }
}

/// ID3 behind the estimator interface: a binary classifier over columns whose kinds are
/// fixed when it is built (categorical columns as level codes, as [`Dataset`] stores them).
/// P(y = 1) is the positive share of the row's node.
#[derive(Debug, Clone)]
pub struct Id3Classifier {
    pub kinds: Vec<FeatureKind>,
    pub max_depth: Option<usize>,
    pub min_samples_split: usize,
}

impl BinaryClassifier for Id3Classifier {
    fn name(&self) -> &'static str {
        "ID3"
    }

    /// ID3 draws nothing at random: `seed` is accepted for the common interface.
    fn fit(&self, x: &Array2<f64>, y: &Array1<usize>, _seed: u64) -> Result<Box<dyn FittedBinary>> {
        mlproof_core::model::check_training(x, y)?;
        if x.ncols() != self.kinds.len() {
            return Err(Error::input(format!(
                "ID3 was built for {} columns, got {}",
                self.kinds.len(),
                x.ncols()
            )));
        }
        let rows: Vec<usize> = (0..x.nrows()).collect();
        let limits = (self.max_depth, self.min_samples_split);
        let tree = Id3Tree::fit_columns(x, &y.to_vec(), 2, &self.kinds, &rows, limits)?;
        Ok(Box::new(tree))
    }
}

impl FittedBinary for Id3Tree {
    fn predict_proba(&self, x: &Array2<f64>) -> Array1<f64> {
        x.rows()
            .into_iter()
            .map(|r| {
                let c = &self.nodes[self.leaf(r)].counts;
                let total: usize = c.iter().sum();
                if total == 0 || c.len() < 2 {
                    0.0
                } else {
                    c[1] as f64 / total as f64
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
