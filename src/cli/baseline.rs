//! Arguments of `mlproof baseline`.

use clap::Args;

use super::MetricArg;
use crate::data_args::DataArgs;

#[derive(Debug, Args)]
pub struct BaselineArgs {
    /// The score every rung is ranked by.
    #[arg(long, value_enum, default_value_t = MetricArg::RocAuc)]
    pub metric: MetricArg,

    /// Stratified folds per repeat.
    #[arg(long, default_value_t = 5)]
    pub n_splits: usize,

    /// Repeats of the stratified folds (each reshuffled).
    #[arg(long, default_value_t = 2)]
    pub n_repeats: usize,

    /// Half-width of the region of practical equivalence on the score difference.
    #[arg(long, default_value_t = 0.01, allow_negative_numbers = true)]
    pub rope: f64,

    /// Also measure fit and predict times per rung (they vary between runs; without this
    /// flag the same --seed prints the same bytes).
    #[arg(long)]
    pub timing: bool,

    /// Also write a model card (Mitchell et al. 2019) of the recommended rung to FILE.md,
    /// atomically; what the data cannot tell is left as a visible TODO.
    #[arg(long, value_name = "FILE.md")]
    pub model_card: Option<std::path::PathBuf>,

    #[command(flatten)]
    pub data: DataArgs,
}
