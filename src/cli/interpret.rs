//! Arguments of `mlproof interpret`.

use clap::{Args, ValueEnum};

use crate::data_args::DataArgs;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InterpretMethod {
    /// Exact TreeSHAP: every row's additive attribution of P(positive).
    Shap,
    /// Partial dependence of one feature: the mean prediction across its grid.
    Pdp,
    /// Individual conditional expectation: every row's curve across the grid.
    Ice,
    /// A shallow tree that mimics a forest, its fidelity, and what it costs.
    Surrogate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InterpretModel {
    /// One CART tree (default depth 4).
    Tree,
    /// A random forest (√d features per split, unlimited depth).
    Forest,
}

#[derive(Debug, Args)]
pub struct InterpretArgs {
    #[arg(long, value_enum, default_value_t = InterpretMethod::Shap)]
    pub method: InterpretMethod,

    /// The model explained (surrogate: always a forest).
    #[arg(long, value_enum)]
    pub model: Option<InterpretModel>,

    /// pdp and ice: the feature (a column name; categorical columns as NAME=LEVEL).
    #[arg(long, value_name = "NAME")]
    pub feature: Option<String>,

    /// Depth of the tree (default 4), of the forest's trees (default unlimited), or of the
    /// surrogate (default 3).
    #[arg(long)]
    pub max_depth: Option<usize>,

    /// Trees of the forest.
    #[arg(long)]
    pub n_trees: Option<usize>,

    /// pdp and ice: grid points (the feature's distinct values when it has fewer).
    #[arg(long)]
    pub grid_resolution: Option<usize>,

    /// shap and ice: rows whose own values are shown and kept in the JSON (default 5).
    #[arg(long, value_name = "N")]
    pub rows: Option<usize>,

    /// shap and ice: keep every row's values in the JSON (the table still shows --rows).
    #[arg(long)]
    pub all_rows: bool,

    /// surrogate: fraction of rows held out to measure fidelity.
    #[arg(long)]
    pub test_size: Option<f64>,

    /// surrogate: folds of the forest-vs-shallow-tree comparison.
    #[arg(long)]
    pub n_splits: Option<usize>,

    /// surrogate: repeats of those folds.
    #[arg(long)]
    pub n_repeats: Option<usize>,

    #[command(flatten)]
    pub data: DataArgs,
}
