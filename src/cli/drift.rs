//! Arguments of `mlproof drift`.

use clap::{Args, ValueEnum};

use crate::data_args::DataArgs;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DriftBins {
    /// The reference's deciles (the credit-scoring convention).
    Quantile,
    /// Sturges' equal-width bins over both samples (evidently 0.7).
    Sturges,
}

#[derive(Debug, Args)]
pub struct DriftArgs {
    /// Share of rows, in time order, that form the reference.
    #[arg(long, default_value_t = 0.5)]
    pub reference: f64,

    /// How numeric features are binned for PSI, KL and Jensen–Shannon.
    #[arg(long, value_enum, default_value_t = DriftBins::Quantile)]
    pub bins: DriftBins,

    /// Windows the rows after the reference are cut into.
    #[arg(long, default_value_t = 4)]
    pub windows: usize,

    /// Time-ordered data: --dataset sp500 | synth-stream, or --data FILE.csv --target COLUMN
    /// --time-column COLUMN.
    #[command(flatten)]
    pub data: DataArgs,
}
