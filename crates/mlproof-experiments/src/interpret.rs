//! `interpret`: explaining a tree or a forest to someone who must sign it off.
//!
//! Four methods, each on the model fitted on all rows unless it needs held-out rows:
//!
//! - `shap`: exact path-dependent TreeSHAP (Lundberg et al. 2020, Algorithm 2;
//!   [`mlproof_trees::shap`]) of P(y = 1): every row's additive attribution, whose values sum
//!   to the prediction minus the base value E[f(X)]; the global ranking is the mean |SHAP|.
//! - `pdp` / `ice`: partial dependence (Friedman 2001) and individual conditional expectation
//!   (Goldstein et al. 2015) of one feature, brute force on scikit-learn's grid
//!   ([`mlproof_core::inspection`]).
//! - `surrogate`: a shallow tree fitted to a forest's predicted classes (a global surrogate,
//!   Craven & Shavlik 1996), its fidelity on held-out rows (Wilson interval), the forest's
//!   permutation importance beside the surrogate's splits, and the seed's advice — "a decision
//!   tree may give similar results with much higher transparency" — measured: the shallow
//!   tree against the forest on the same repeated folds (corrected resampled t).

mod dependence;
mod shap;
mod surrogate;

use mlproof_core::data::encode;
use mlproof_core::metrics::Metric;
use mlproof_core::params::{Check, Checked};
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::seed;
use mlproof_core::{Error, Result};
use mlproof_data::Dataset;
use mlproof_trees::ensemble::Forest;
use mlproof_trees::{Tree, TreeParams};
use ndarray::{Array1, Array2};
use serde::Serialize;

pub use dependence::Dependence;
pub use shap::{Attribution, RowExplanation, ShapSummary};
pub use surrogate::{AccuracyCost, Surrogate};

/// The dataset used when none is named.
pub const DEFAULT_DATASET: &str = "pima";

/// Depth of the explained tree when `max_depth` is not given.
pub const DEFAULT_TREE_DEPTH: usize = 4;

/// Depth of the surrogate (and of the interpretable tree it is compared as) by default.
pub const DEFAULT_SURROGATE_DEPTH: usize = 3;

/// Bootstrap resamples of the rows behind the SHAP and dependence findings' intervals.
pub const BOOTSTRAP: usize = 1000;

/// Which explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    Shap,
    Pdp,
    Ice,
    Surrogate,
}

/// Which model is explained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ModelChoice {
    /// One CART tree (scikit-learn's split search).
    Tree,
    /// A random forest: bootstrap rows, ⌊√d⌋ features drawn per split.
    Forest,
}

/// The experiment's parameters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Params {
    pub method: Method,
    /// `None`: a tree, except for `surrogate`, which always explains a forest.
    pub model: Option<ModelChoice>,
    /// The feature of `pdp` and `ice` (a column name after one-hot encoding).
    pub feature: Option<String>,
    /// Depth of the explained tree (default 4) or of the surrogate (default 3); for a forest
    /// its trees' depth (default: unlimited).
    pub max_depth: Option<usize>,
    /// Trees of the forest.
    pub n_trees: usize,
    /// Grid points of `pdp` / `ice` (scikit-learn's `grid_resolution`).
    pub grid_resolution: usize,
    /// `shap` / `ice`: rows whose own values the report carries (the first rows of the data).
    pub rows: usize,
    /// `shap` / `ice`: carry every row instead of the first `rows`.
    pub all_rows: bool,
    /// `surrogate`: fraction of rows held out, per class, to measure fidelity.
    pub test_size: f64,
    /// `surrogate`: the repeated stratified folds of the accuracy comparison.
    pub n_splits: usize,
    pub n_repeats: usize,
    pub seed: u64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            method: Method::Shap,
            model: None,
            feature: None,
            max_depth: None,
            n_trees: 100,
            grid_resolution: 20,
            rows: 5,
            all_rows: false,
            test_size: 0.3,
            n_splits: 5,
            n_repeats: 2,
            seed: seed::DEFAULT_SEED,
        }
    }
}

impl Method {
    /// The method as the command line spells it.
    pub fn name(self) -> &'static str {
        match self {
            Method::Shap => "shap",
            Method::Pdp => "pdp",
            Method::Ice => "ice",
            Method::Surrogate => "surrogate",
        }
    }
}

impl Params {
    /// The model explained: a forest for `surrogate`, else the one asked for (a tree).
    pub fn model_choice(&self) -> ModelChoice {
        match self.method {
            Method::Surrogate => ModelChoice::Forest,
            _ => self.model.unwrap_or(ModelChoice::Tree),
        }
    }

    /// The explained tree's parameters, or the forest's trees' (unlimited depth unless
    /// `max_depth` is given; for `surrogate`, `max_depth` is the surrogate's).
    fn tree_params(&self) -> TreeParams {
        let depth = match (self.method, self.model_choice()) {
            (Method::Surrogate, _) => None,
            (_, ModelChoice::Forest) => self.max_depth,
            (_, ModelChoice::Tree) => Some(self.max_depth.unwrap_or(DEFAULT_TREE_DEPTH)),
        };
        TreeParams::default().with_max_depth(depth)
    }

    /// The surrogate's depth.
    fn surrogate_depth(&self) -> usize {
        self.max_depth.unwrap_or(DEFAULT_SURROGATE_DEPTH)
    }

    fn forest(&self, n_features: usize) -> Result<Forest> {
        let max_features = ((n_features as f64).sqrt().floor() as usize).max(1);
        Forest::new(self.n_trees, Some(max_features), self.tree_params())
    }
}

fn uses_rows(m: Method) -> bool {
    matches!(m, Method::Shap | Method::Ice)
}

impl Check for Params {
    fn validate(&self) -> Result<()> {
        let d = Params::default();
        let method = self.method.name();
        let not_for = |name: &str, changed: bool, for_what: &str| {
            if changed {
                Err(Error::param(
                    name,
                    format!("applies to {for_what} only, not --method {method}"),
                ))
            } else {
                Ok(())
            }
        };
        let dependence = matches!(self.method, Method::Pdp | Method::Ice);
        let surrogate = self.method == Method::Surrogate;
        not_for(
            "feature",
            self.feature.is_some() && !dependence,
            "--method pdp and ice",
        )?;
        not_for(
            "grid_resolution",
            self.grid_resolution != d.grid_resolution && !dependence,
            "--method pdp and ice",
        )?;
        not_for(
            "rows",
            (self.rows != d.rows || self.all_rows) && !uses_rows(self.method),
            "--method shap and ice",
        )?;
        for (name, changed) in [
            ("test_size", self.test_size != d.test_size),
            ("n_splits", self.n_splits != d.n_splits),
            ("n_repeats", self.n_repeats != d.n_repeats),
        ] {
            not_for(name, changed && !surrogate, "--method surrogate")?;
        }
        if surrogate && self.model == Some(ModelChoice::Tree) {
            return Err(Error::param(
                "model",
                "tree cannot be used with --method surrogate: a surrogate explains a forest \
                 (omit --model or use --model forest)",
            ));
        }
        not_for(
            "n_trees",
            self.n_trees != d.n_trees && self.model_choice() != ModelChoice::Forest,
            "a forest (--model forest, --method surrogate)",
        )?;
        if self.method == Method::Surrogate {
            TreeParams::default()
                .with_max_depth(Some(self.surrogate_depth()))
                .check()?;
        }
        self.forest(1)?;
        if self.grid_resolution < 2 {
            return Err(Error::param(
                "grid_resolution",
                format!("must be at least 2, got {}", self.grid_resolution),
            ));
        }
        if !(self.test_size > 0.0 && self.test_size < 1.0) {
            return Err(Error::param(
                "test_size",
                format!("must be strictly between 0 and 1, got {}", self.test_size),
            ));
        }
        mlproof_validation::Splitter::RepeatedStratified {
            n_splits: self.n_splits,
            n_repeats: self.n_repeats,
        }
        .check()
        .map(|_| ())
    }
}

/// The model explained, as fitted on the rows it was given.
#[derive(Debug, Clone, Serialize)]
pub struct ModelSummary {
    pub model: ModelChoice,
    pub name: String,
    pub trees: usize,
    /// Depth limit of the (forest's) trees; `None`: unlimited.
    pub max_depth: Option<usize>,
    /// Leaves of the tree, or the mean over the forest's trees.
    pub leaves: f64,
    /// Accuracy on the rows it was fitted on (not a generalisation score).
    pub train_accuracy: f64,
    /// The majority share of the same rows: the no-skill accuracy.
    pub train_accuracy_baseline: f64,
}

/// The experiment's results: the section of the method asked for.
#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    pub method: Method,
    pub explained: ModelSummary,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shap: Option<ShapSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial_dependence: Option<Dependence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub surrogate: Option<Surrogate>,
    pub findings: Vec<mlproof_core::evidence::Finding>,
    /// The numbers in words, every judgement from `findings`.
    pub reading: String,
}

pub type InterpretReport = Report<Checked<Params>, Explanation>;

/// A fitted tree or forest.
pub(crate) enum Fitted {
    Tree(Tree),
    Forest(mlproof_trees::ensemble::FittedForest),
}

impl Fitted {
    pub(crate) fn trees(&self) -> &[Tree] {
        match self {
            Fitted::Tree(t) => std::slice::from_ref(t),
            Fitted::Forest(f) => &f.trees,
        }
    }

    pub(crate) fn as_binary(&self) -> &dyn mlproof_core::model::FittedBinary {
        match self {
            Fitted::Tree(t) => t,
            Fitted::Forest(f) => f,
        }
    }
}

/// Fits the explained model on `x`, `y`.
pub(crate) fn fit(
    params: &Params,
    x: &Array2<f64>,
    y: &Array1<usize>,
) -> Result<(Fitted, ModelSummary)> {
    let choice = params.model_choice();
    let tree_params = params.tree_params();
    let fitted = match choice {
        ModelChoice::Tree => Fitted::Tree(Tree::fit_classifier(
            x.view(),
            &y.to_vec(),
            2,
            None,
            &tree_params.check()?,
        )?),
        ModelChoice::Forest => Fitted::Forest(params.forest(x.ncols())?.fit_forest(
            x,
            y,
            seed::derive(params.seed, "interpret/forest", 0),
        )?),
    };
    let proba = fitted.as_binary().predict_proba(x).to_vec();
    let yv = y.to_vec();
    let pred: Vec<usize> = proba.iter().map(|&p| usize::from(p >= 0.5)).collect();
    let trees = fitted.trees();
    let summary = ModelSummary {
        model: choice,
        name: match choice {
            ModelChoice::Tree => format!("depth-{} tree", trees[0].depth()),
            ModelChoice::Forest => format!("random forest of {} trees", trees.len()),
        },
        trees: trees.len(),
        max_depth: tree_params.max_depth,
        leaves: trees.iter().map(|t| t.n_leaves() as f64).sum::<f64>() / trees.len() as f64,
        train_accuracy: Metric::Accuracy.compute(&yv, &pred, &proba)?,
        train_accuracy_baseline: mlproof_core::metrics::no_skill(Metric::Accuracy, &yv),
    };
    Ok((fitted, summary))
}

pub fn run(
    data: &Dataset,
    params: &Checked<Params>,
    progress: &dyn Observer,
) -> Result<InterpretReport> {
    let y = data.binary_target()?;
    let (x, names) = encode::one_hot(data);
    let results = match params.method {
        Method::Shap => shap::run(params, &x, &y, &names, progress)?,
        Method::Pdp | Method::Ice => dependence::run(params, &x, &y, &names, progress)?,
        Method::Surrogate => surrogate::run(params, &x, &y, &names, progress)?,
    };
    Ok(Report::new(
        "interpret",
        params.clone(),
        Some(data.summary()),
        results,
    ))
}

#[cfg(test)]
mod tests;
