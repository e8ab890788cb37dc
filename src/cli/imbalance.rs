//! Arguments of `mlproof resample` and `mlproof imbalance`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use mlproof_imbalance::ThresholdRule;

use crate::data_args::DataArgs;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ResampleMethod {
    /// Random over-sampling: minority rows copied with replacement.
    Over,
    /// Random under-sampling: a random subset of the majority rows.
    Under,
    /// SMOTE: new minority rows between a minority row and a minority neighbour.
    Smote,
    /// SMOTE-NC: SMOTE for numeric plus categorical columns.
    SmoteNc,
    /// Borderline-SMOTE (kind 1): SMOTE from the minority rows near the border only.
    Borderline,
    /// ADASYN: more new rows where the minority is surrounded by the majority.
    Adasyn,
}

#[derive(Debug, Args)]
pub struct ResampleArgs {
    #[arg(long, value_enum, default_value_t = ResampleMethod::Smote)]
    pub method: ResampleMethod,

    /// Minority neighbours each synthetic row may move toward (SMOTE family).
    #[arg(long, default_value_t = 5)]
    pub k_neighbors: usize,

    /// Borderline-SMOTE: neighbours (all classes) that decide whether a row is in danger.
    #[arg(long, default_value_t = 10)]
    pub m_neighbors: usize,

    /// Target positive/negative ratio after resampling, in (0, 1] (default: balance).
    #[arg(long, allow_negative_numbers = true)]
    pub ratio: Option<f64>,

    /// Where to write the resampled rows (`-`: standard output; an existing file only with --force).
    #[arg(long, value_name = "FILE.csv")]
    pub output: Option<PathBuf>,

    /// Print the time of the resampling alone (without reading and writing) on stderr.
    #[arg(long)]
    pub timing: bool,

    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImbalanceModel {
    /// Standardised logistic regression (L2, C = 1).
    Logistic,
    /// A CART tree (scikit-learn's split search).
    Tree,
    /// A random forest of 100 trees, √d features per split.
    Forest,
}

#[derive(Debug, Args)]
pub struct ImbalanceArgs {
    #[arg(long, value_enum, default_value_t = ImbalanceModel::Logistic)]
    pub model: ImbalanceModel,

    /// Tree and forest: maximum depth (default: 5 for a tree, unlimited for a forest).
    #[arg(long)]
    pub max_depth: Option<usize>,

    /// Number of stratified folds.
    #[arg(long, default_value_t = 5)]
    pub n_splits: usize,

    /// Neighbours for SMOTE, Borderline-SMOTE and ADASYN.
    #[arg(long, default_value_t = 5)]
    pub k_neighbors: usize,

    /// How threshold moving picks its threshold: f1, min-precision:P or cost:C (a missed
    /// positive costs C false alarms).
    #[arg(long, default_value = "f1", value_parser = parse_rule)]
    pub threshold_rule: ThresholdRule,

    /// Instead: the accuracy paradox on every bundled imbalanced set, in one table.
    #[arg(long, conflicts_with_all = ["model", "max_depth", "k_neighbors", "threshold_rule"])]
    pub paradox: bool,

    #[command(flatten)]
    pub data: DataArgs,
}

fn parse_rule(s: &str) -> Result<ThresholdRule, String> {
    s.parse()
}
