//! Arguments of `mlproof claims`.

use std::path::PathBuf;

use clap::Args;

use crate::data_args::DataArgs;

#[derive(Debug, Args)]
pub struct ClaimsArgs {
    /// Rerun a published design and set the source's headline number beside ours: esl-7.10.2
    /// (~1 s), varma-simon-2006 (~15 s: 200 null sets, nested 10-in-10-fold CV), bergmeir-2018
    /// (<1 s), vandewiele-2021 (~25 s: five 10,000-row datasets, three 100-tree forests each),
    /// breiman-1996 (~6 s), breiman-2001 (~11 s). Times: release build, two cores.
    #[arg(
        long,
        value_name = "NAME",
        conflicts_with_all = ["dataset", "data", "suite", "only"]
    )]
    pub replicate: Option<String>,

    /// Simulations (or repeated splits) of --replicate (default: the source's own number).
    #[arg(long, value_name = "N", requires = "replicate")]
    pub simulations: Option<usize>,

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

    /// Print the time of the claims sheet alone (without loading the data) on stderr.
    #[arg(long)]
    pub timing: bool,

    #[command(flatten)]
    pub data: DataArgs,
}
