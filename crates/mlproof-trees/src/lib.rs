//! Decision trees.
//!
//! [`cart`] is an f64 CART that searches splits the way scikit-learn's `BestSplitter` does
//! (every distinct midpoint, strict improvement, the same stopping rules), so trees and
//! their predictions can be compared with `DecisionTreeClassifier` / `DecisionTreeRegressor`.
//! linfa-trees is kept as a cross-check in the tests.

pub mod boosting;
pub mod cart;
mod model;
pub mod pruning;
pub mod walkthrough;

pub use cart::{Criterion, FeatureOrder, Tree, TreeParams};
pub use model::{TreeClassifier, TreeRegressor};
