//! Arguments of `mlproof calibration`.

use clap::{Args, ValueEnum};

use crate::data_args::DataArgs;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BinningArg {
    /// Equal-width bins on [0, 1] (scikit-learn's default).
    Uniform,
    /// Equal-count bins at the predictions' quantiles (readable when positives are rare).
    Quantile,
}

#[derive(Debug, Args)]
pub struct CalibrationArgs {
    /// Bins of the reliability diagram and the Murphy decomposition (2–50).
    #[arg(long, default_value_t = 10, allow_negative_numbers = true)]
    pub n_bins: i64,

    /// How the bin edges are placed.
    #[arg(long, value_enum, default_value_t = BinningArg::Quantile)]
    pub binning: BinningArg,

    /// Outer stratified folds per repeat.
    #[arg(long, default_value_t = 5)]
    pub n_splits: usize,

    /// Repeats of the outer folds (each reshuffled).
    #[arg(long, default_value_t = 2)]
    pub n_repeats: usize,

    /// Inner folds of each training fold that Platt scaling and isotonic regression are
    /// fitted on.
    #[arg(long, default_value_t = 3)]
    pub calibration_folds: usize,

    /// SMOTE's neighbours.
    #[arg(long, default_value_t = 5)]
    pub k_neighbors: usize,

    #[command(flatten)]
    pub data: DataArgs,
}
