//! Penalised linear models with scikit-learn's objectives: elastic net, lasso and ridge
//! regression (linfa-elasticnet, with a Gram coordinate descent for paths), and logistic
//! regression with L1, elastic-net and L2 penalties (a glmnet-style solver, cross-checked
//! against linfa-logistic for L2). Features are standardised first, as the penalty needs.

pub mod active_set;
pub mod demo;
pub mod design;
pub mod enet;
pub mod features;
pub mod logistic;
pub mod model;
pub mod path;
pub mod penalty;

pub use demo::{instability, sparsity};
pub use design::Standardized;
pub use enet::{Gram, LinearFit};
pub use logistic::LogisticProblem;
pub use mlproof_core::data::encode::one_hot;
pub use model::fit;
pub use path::{cross_validate, fit_path, Path, PathOptions, Response};
pub use penalty::Penalty;
