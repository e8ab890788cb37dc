//! Arguments of `mlproof claims`.

use std::path::PathBuf;

use clap::Args;

use crate::data_args::DataArgs;

#[derive(Debug, Args)]
pub struct ClaimsArgs {
    /// Run every CSV in this folder (target --target, default `class`) and tabulate.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["dataset", "data"])]
    pub suite: Option<PathBuf>,

    /// Only these claims (comma-separated ids; `mlproof claims --format json` lists them all).
    #[arg(long, value_name = "ID,…", value_delimiter = ',')]
    pub only: Vec<String>,

    /// Repeats R of the stratified k-fold (R × K paired folds).
    #[arg(long, default_value_t = 5)]
    pub repeats: usize,

    /// Folds K per repeat.
    #[arg(long, default_value_t = 5)]
    pub folds: usize,

    /// Half-width of the region of practical equivalence for scores in [0, 1].
    #[arg(long, default_value_t = 0.01, allow_negative_numbers = true)]
    pub rope: f64,

    #[command(flatten)]
    pub data: DataArgs,
}
