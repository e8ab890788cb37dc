//! Pruned trees along a path of α that share one full tree per training set.
//!
//! `TreeClassifier { ccp_alpha: α }` grows the full tree and then prunes it (scikit-learn's
//! order), so every α of a validation curve grows the same full tree on the same fold again.
//! [`PrunedAt`] grows it once per training set and prunes the shared copy: the fitted tree
//! is the one `TreeClassifier` fits, and a curve over m values of α costs one growth per fold
//! instead of m. The weakest links are found once per full tree too ([`WeakestLinks`]), and
//! each α replays them.

use std::sync::{Arc, Mutex};

use ndarray::{Array1, Array2};

use super::{prune_along, WeakestLinks};
use crate::cart::{Tree, TreeParams};
use mlproof_core::model::{BinaryClassifier, FittedBinary};
use mlproof_core::Result;

/// A full tree, its weakest links, and the training rows and labels it was grown on.
type Grown = (Array2<f64>, Array1<usize>, Arc<(Tree, WeakestLinks)>);

/// Full trees grown so far, with the training rows each was grown on (compared whole, so a
/// tree is reused only for identical rows and labels).
pub struct FullTrees {
    params: TreeParams,
    grown: Mutex<Vec<Grown>>,
}

impl FullTrees {
    /// Full trees with `params` (its `ccp_alpha` is ignored: each [`PrunedAt`] sets its own).
    pub fn new(params: TreeParams) -> Result<Arc<Self>> {
        Ok(Arc::new(FullTrees {
            params: TreeParams {
                ccp_alpha: 0.0,
                ..params
            }
            .check()?,
            grown: Mutex::new(Vec::new()),
        }))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Grown>> {
        self.grown.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The full tree on these rows: grown on first use, shared after. Two threads asking
    /// at once may both grow it; the trees are identical and the first one stored is kept.
    fn full_tree(&self, x: &Array2<f64>, y: &Array1<usize>) -> Result<Arc<(Tree, WeakestLinks)>> {
        if let Some(t) = find(&self.lock(), x, y) {
            return Ok(t);
        }
        mlproof_core::model::check_training(x, y)?;
        let tree = Tree::fit_classifier(x.view(), &y.to_vec(), 2, None, &self.params)?;
        let links = WeakestLinks::of(&tree);
        let tree = Arc::new((tree, links));
        let mut grown = self.lock();
        if let Some(t) = find(&grown, x, y) {
            return Ok(t);
        }
        grown.push((x.clone(), y.clone(), Arc::clone(&tree)));
        Ok(tree)
    }
}

/// The tree grown on exactly these rows and labels, if there is one.
fn find(grown: &[Grown], x: &Array2<f64>, y: &Array1<usize>) -> Option<Arc<(Tree, WeakestLinks)>> {
    grown
        .iter()
        .find(|(gx, gy, _)| gx == x && gy == y)
        .map(|(_, _, t)| Arc::clone(t))
}

/// A classification tree pruned at `ccp_alpha` from the shared full tree of its rows.
pub struct PrunedAt {
    pub ccp_alpha: f64,
    pub full: Arc<FullTrees>,
}

impl BinaryClassifier for PrunedAt {
    fn name(&self) -> &'static str {
        "tree"
    }

    fn fit(&self, x: &Array2<f64>, y: &Array1<usize>, _seed: u64) -> Result<Box<dyn FittedBinary>> {
        let full = self.full.full_tree(x, y)?;
        let (tree, links) = full.as_ref();
        Ok(Box::new(prune_along(tree, links, self.ccp_alpha)))
    }
}
