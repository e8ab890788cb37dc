//! Arguments of `mlproof threshold`.

use clap::Args;

use super::ModelArgs;
use crate::data_args::DataArgs;

#[derive(Debug, Args)]
pub struct ThresholdArgs {
    /// Promise precision ≥ P on new rows (the threshold chosen on validation only).
    #[arg(long, value_name = "P", allow_negative_numbers = true)]
    pub min_precision: Option<f64>,

    /// Promise recall ≥ R on new rows, with probability --confidence (umbrella rule on
    /// positives).
    #[arg(long, value_name = "R", allow_negative_numbers = true)]
    pub min_recall: Option<f64>,

    /// Promise a false-positive rate ≤ A on new rows, with probability --confidence
    /// (Neyman–Pearson umbrella rule on negatives).
    #[arg(long, value_name = "A", allow_negative_numbers = true)]
    pub max_fpr: Option<f64>,

    /// C: the probability with which the umbrella promise holds.
    #[arg(
        long,
        value_name = "C",
        default_value_t = 0.95,
        allow_negative_numbers = true
    )]
    pub confidence: f64,

    /// The share of each training fold held back to choose thresholds on.
    #[arg(long, default_value_t = 0.3, allow_negative_numbers = true)]
    pub validation_size: f64,

    /// Stratified folds per repeat.
    #[arg(long, default_value_t = 5)]
    pub n_splits: usize,

    /// Repeats of the stratified folds (each reshuffled).
    #[arg(long, default_value_t = 2)]
    pub n_repeats: usize,

    #[command(flatten)]
    pub model: ModelArgs,

    /// Also write a model card (Mitchell et al. 2019) with the threshold and its promise to
    /// FILE.md, atomically; what the data cannot tell is left as a visible TODO.
    #[arg(long, value_name = "FILE.md")]
    pub model_card: Option<std::path::PathBuf>,

    #[command(flatten)]
    pub data: DataArgs,
}
