//! The command line, as clap derives it.

use clap::{Args, Parser, Subcommand, ValueEnum};
use mlproof_core::seed::DEFAULT_SEED;

use crate::data_args::DataArgs;

#[derive(Debug, Parser)]
#[command(
    name = "mlproof",
    version,
    about = "Back machine-learning interview answers with live experiments on real data.",
    long_about = "Back machine-learning interview answers with live experiments on real data.\n\n\
        Every number is computed on the run from bundled real datasets, seeded generators, \
        or your own CSV; the same command and --seed print the same bytes.",
    after_help = "Examples:\n  \
        mlproof tour                         a guided run through every concept\n  \
        mlproof datasets                     the bundled datasets and generators\n  \
        mlproof datasets show pima           head and per-feature summary\n  \
        mlproof metrics --dataset yeast4     the accuracy paradox, every metric\n  \
        mlproof metrics --data my.csv --target churn --format json"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// Output format: a table for people, JSON for programs, Markdown for notes.
    #[arg(long, global = true, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// Seed of every random step; the same seed prints the same bytes.
    #[arg(long, global = true, default_value_t = DEFAULT_SEED)]
    pub seed: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Markdown,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// A short guided run through every concept, on embedded data.
    Tour,
    /// List the bundled datasets and generators, or show one.
    #[command(
        after_help = "Examples:\n  mlproof datasets\n  mlproof datasets show car-good\n  \
        mlproof datasets --format json"
    )]
    Datasets {
        #[command(subcommand)]
        action: Option<DatasetsAction>,
    },
    /// The accuracy paradox: a majority baseline and a logistic regression, every metric.
    #[command(after_help = "Examples:\n  mlproof metrics --dataset yeast4\n  \
        mlproof metrics --dataset glass2 --threshold 0.2\n  \
        mlproof metrics --data my.csv --target churn --positive yes")]
    Metrics(MetricsArgs),
}

#[derive(Debug, Subcommand)]
pub enum DatasetsAction {
    /// Print a dataset's first rows and a summary of each feature.
    Show {
        /// A bundled dataset or generator name (see `mlproof datasets`).
        name: String,
        /// How many rows to print.
        #[arg(long, default_value_t = 5)]
        rows: usize,
    },
}

#[derive(Debug, Args)]
pub struct MetricsArgs {
    #[command(flatten)]
    pub data: DataArgs,

    /// Decision threshold on P(positive): predict positive when the probability is at least this.
    #[arg(long, default_value_t = 0.5, allow_negative_numbers = true)]
    pub threshold: f64,

    /// Fraction of rows held out for testing, drawn per class (stratified).
    #[arg(long, default_value_t = 0.25, allow_negative_numbers = true)]
    pub test_size: f64,

    /// L2 penalty α of the logistic regression (scikit-learn's C = 1/α).
    #[arg(long, default_value_t = 1.0, allow_negative_numbers = true)]
    pub alpha: f64,
}
