//! One module per subcommand: each runs the computation from a library crate and lays the
//! typed result out as a [`Doc`](crate::render::Doc).

mod baseline;
mod bias_variance;
mod calibration;
mod card;
mod claims;
mod curves;
mod cv;
mod datasets;
mod drift;
mod early_stopping;
mod features;
mod imbalance;
mod interpret;
mod leakage;
mod metrics;
mod model;
mod regularize;
mod regularize_demo;
mod resample;
mod split;
mod threshold;
mod tour;
mod tree_compare;
mod tree_ensemble;
mod tree_importance;
mod tree_prune;
mod tree_split;

use std::time::Instant;

use mlproof_core::Result;

use crate::cli::{Cli, Command};
use crate::render::Output;

/// Runs `work`; with `timing`, prints its wall time on stderr as `{what} alone: … ms` (for
/// `benches/compare/run`), so that standard output keeps the same bytes for the same seed.
fn timed<T>(timing: bool, what: &str, work: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = work();
    if timing {
        crate::warn!(
            "{what} alone: {:.1} ms",
            started.elapsed().as_secs_f64() * 1e3
        );
    }
    out
}

pub fn run(cli: &Cli) -> Result<Output> {
    match &cli.command {
        Command::Tour => tour::run(cli.seed),
        Command::Datasets { action } => datasets::run(action.as_ref(), cli.seed),
        Command::Metrics(args) => metrics::run(args, cli.seed),
        Command::Drift(args) => drift::run(args, cli.seed),
        Command::Claims(args) => claims::run(args, cli.seed),
        Command::Resample(args) => resample::run(args, cli.seed),
        Command::Imbalance(args) => imbalance::run(args, cli.seed),
        Command::Calibration(args) => calibration::run(args, cli.seed),
        Command::Threshold(args) => threshold::run(args, cli.seed),
        Command::Baseline(args) => baseline::run(args, cli.seed),
        Command::Interpret(args) => interpret::run(args, cli.seed),
        Command::Regularize(args) => regularize::run(args, cli.seed),
        Command::Features(args) => features::run(args, cli.seed),
        Command::Split(args) => split::run(args, cli.seed),
        Command::Cv(args) => cv::run(args, cli.seed),
        Command::Curves(args) => curves::run(args, cli.seed),
        Command::Leakage(args) => leakage::run(args, cli.seed),
        Command::BiasVariance(args) => bias_variance::run(args, cli.seed),
        Command::Tree { action } => match action {
            crate::cli::TreeAction::Split(args) => tree_split::run(args, cli.seed),
            crate::cli::TreeAction::Prune(args) => tree_prune::run(args, cli.seed),
            crate::cli::TreeAction::Importance(args) => tree_importance::run(args, cli.seed),
            crate::cli::TreeAction::Ensemble(args) => tree_ensemble::run(args, cli.seed),
            crate::cli::TreeAction::Compare(args) => tree_compare::run(args, cli.seed),
        },
    }
}
