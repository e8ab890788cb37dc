//! Arguments of `mlproof regularize` and `mlproof features`.

use clap::{Args, ValueEnum};

use crate::data_args::DataArgs;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PenaltyKind {
    /// Lasso: α·‖w‖₁ (l1-ratio 1). Zeroes coefficients.
    L1,
    /// Ridge: α/2·‖w‖² (l1-ratio 0), which is scikit-learn's Ridge(alpha = α·n). Shrinks all.
    L2,
    /// Elastic net: α·ρ·‖w‖₁ + α·(1 − ρ)/2·‖w‖², ρ = --l1-ratio.
    Elasticnet,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TaskArg {
    Regression,
    Classification,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RegularizeDemo {
    /// Known informative features among noise: does L1 recover them? L2 keeps all.
    Sparsity,
    /// Correlated twins over bootstrap resamples: how often L1, elastic net, L2 keep each.
    Instability,
}

#[derive(Debug, Args)]
pub struct RegularizeArgs {
    #[arg(long, value_enum, default_value_t = PenaltyKind::L1)]
    pub penalty: PenaltyKind,

    /// Elastic net's mix ρ in [0, 1]: 1 is the lasso, 0 ridge (default 0.5).
    #[arg(long, allow_negative_numbers = true)]
    pub l1_ratio: Option<f64>,

    /// Fit at this one penalty strength α > 0 (default: the whole path).
    #[arg(long, allow_negative_numbers = true, conflicts_with = "path")]
    pub alpha: Option<f64>,

    /// The regularisation path over a log-spaced α grid (the default).
    #[arg(long)]
    pub path: bool,

    /// Number of α on the path (at least 2).
    #[arg(long, default_value_t = 100)]
    pub n_alphas: usize,

    /// Cross-validation folds (shuffled; stratified for classes).
    #[arg(long, default_value_t = 5)]
    pub n_splits: usize,

    /// Regression or classification (default: inferred from the target column).
    #[arg(long, value_enum)]
    pub task: Option<TaskArg>,

    /// Instead: a demo that makes a claim about penalties measurable (generated data,
    /// its own penalties, 5-fold CV).
    #[arg(
        long,
        value_enum,
        conflicts_with_all = ["alpha", "path", "penalty", "l1_ratio", "n_alphas", "n_splits", "task"]
    )]
    pub demo: Option<RegularizeDemo>,

    /// Demos: bootstrap resamples (instability, default 100) or generated rows (sparsity,
    /// default 200).
    #[arg(long)]
    pub rounds: Option<usize>,

    /// Instability demo: the correlation between twins, in (0, 1) (default 0.99).
    #[arg(long, allow_negative_numbers = true)]
    pub correlation: Option<f64>,

    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FeaturesDemo {
    /// The same penalty on raw vs standardised features; k-NN with standardisation vs min-max.
    Scaling,
    /// One-hot vs ordinal vs target encoding (fitted inside the folds): CV score, columns.
    Encoding,
    /// L1, impurity and permutation importance, RFE: ranked side by side, CV of the subsets.
    Selection,
}

#[derive(Debug, Args)]
pub struct FeaturesArgs {
    #[arg(value_enum)]
    pub demo: FeaturesDemo,

    /// Selection: how many features each method keeps (default: half, at least 1).
    #[arg(long)]
    pub keep: Option<usize>,

    /// Cross-validation folds.
    #[arg(long, default_value_t = 5)]
    pub n_splits: usize,

    #[command(flatten)]
    pub data: DataArgs,
}
