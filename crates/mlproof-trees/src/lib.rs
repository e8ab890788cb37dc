//! Decision trees.
//!
//! [`cart`] is an f64 CART that searches splits the way scikit-learn's `BestSplitter` does
//! (every distinct midpoint, strict improvement, the same stopping rules, the same random
//! feature order for `random_state=0`), so its trees equal `DecisionTreeClassifier`'s.

pub mod boosting;
pub mod cart;
pub mod ensemble;
pub mod id3;
mod model;
pub mod pruning;
pub mod shap;
pub mod text;
pub mod walkthrough;

pub use cart::{Criterion, FeatureOrder, Tree, TreeParams, RANDOM_STATE_0};
pub use model::{TreeClassifier, TreeRegressor};
