//! ID3 and CART behind one interface: fit on rows, predict rows, score over folds.

use mlproof_core::data::Dataset;
use mlproof_core::metrics::accuracy;
use mlproof_core::progress::Observer;
use mlproof_core::Result;
use mlproof_trees::id3::Id3Tree;
use mlproof_trees::{Tree, TreeParams};
use mlproof_validation::Fold;
use ndarray::{Array2, Axis};

/// A learner with the data it reads.
pub enum Learner<'a> {
    Id3 {
        data: &'a Dataset,
        max_depth: usize,
    },
    Cart {
        x: &'a Array2<f64>,
        y: &'a [usize],
        n_classes: usize,
        params: &'a TreeParams,
    },
}

pub enum Fitted {
    Id3(Id3Tree),
    Cart(Tree),
}

/// Per-fold accuracy and the out-of-fold rows predicted other than the training majority.
pub struct FoldScores {
    pub accuracy: Vec<f64>,
    pub other_than_majority: usize,
}

/// The class most frequent in the fold's training rows (ties to the lower code) and its share
/// of the fold's test rows: the majority model's accuracy there.
pub fn majority(y: &[usize], fold: &Fold) -> (usize, f64) {
    let n_classes = 1 + y.iter().max().copied().unwrap_or(0);
    let mut counts = vec![0usize; n_classes];
    fold.train.iter().for_each(|&i| counts[y[i]] += 1);
    let top = (0..n_classes).fold(0, |b, c| if counts[c] > counts[b] { c } else { b });
    let hits = fold.test.iter().filter(|&&i| y[i] == top).count();
    (top, hits as f64 / fold.test.len().max(1) as f64)
}

impl Learner<'_> {
    pub fn name(&self) -> &'static str {
        match self {
            Learner::Id3 { .. } => "ID3",
            Learner::Cart { .. } => "CART",
        }
    }

    pub fn splits(&self) -> &'static str {
        match self {
            Learner::Id3 { .. } => "multi-way on categories (entropy)",
            Learner::Cart { .. } => "binary on one-hot columns (Gini)",
        }
    }

    fn fit(&self, rows: &[usize]) -> Result<Fitted> {
        Ok(match self {
            Learner::Id3 { data, max_depth } => {
                Fitted::Id3(Id3Tree::fit(data, rows, Some(*max_depth), 2)?)
            }
            Learner::Cart {
                x,
                y,
                n_classes,
                params,
            } => {
                let yt: Vec<usize> = rows.iter().map(|&i| y[i]).collect();
                Fitted::Cart(Tree::fit_classifier(
                    x.select(Axis(0), rows).view(),
                    &yt,
                    *n_classes,
                    None,
                    params,
                )?)
            }
        })
    }

    pub fn fit_all(&self) -> Result<Fitted> {
        let n = match self {
            Learner::Id3 { data, .. } => data.n_rows(),
            Learner::Cart { x, .. } => x.nrows(),
        };
        self.fit(&(0..n).collect::<Vec<_>>())
    }

    fn predict(&self, fitted: &Fitted, rows: &[usize]) -> Vec<usize> {
        match (self, fitted) {
            (Learner::Id3 { data, .. }, Fitted::Id3(t)) => {
                t.predict(&data.features.select(Axis(0), rows)).to_vec()
            }
            (Learner::Cart { x, .. }, Fitted::Cart(t)) => {
                t.predict_class(&x.select(Axis(0), rows)).to_vec()
            }
            _ => Vec::new(),
        }
    }

    /// Accuracy of the tree fitted on all rows, on all rows.
    pub fn train_accuracy(&self, fitted: &Fitted, y: &[usize]) -> Result<f64> {
        let all: Vec<usize> = (0..y.len()).collect();
        accuracy(y, &self.predict(fitted, &all))
    }
}

/// Fits on each fold's training rows and scores its test rows.
pub fn cross_validate(
    learner: &Learner,
    y: &[usize],
    folds: &[Fold],
    progress: &dyn Observer,
) -> Result<FoldScores> {
    let mut out = FoldScores {
        accuracy: Vec::new(),
        other_than_majority: 0,
    };
    for fold in folds {
        let fitted = learner.fit(&fold.train)?;
        let pred = learner.predict(&fitted, &fold.test);
        let truth: Vec<usize> = fold.test.iter().map(|&i| y[i]).collect();
        out.accuracy.push(accuracy(&truth, &pred)?);
        let (top, _) = majority(y, fold);
        out.other_than_majority += pred.iter().filter(|&&p| p != top).count();
        progress.tick();
    }
    Ok(out)
}
