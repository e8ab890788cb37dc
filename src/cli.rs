//! The command line, as clap derives it.

use clap::{Args, Parser, Subcommand, ValueEnum};
use mlproof_core::seed::DEFAULT_SEED;

use crate::data_args::DataArgs;

mod baseline;
mod calibration;
mod claims;
mod drift;
mod imbalance;
mod interpret;
mod linear;
mod threshold;
mod tree;
mod validation;
pub use baseline::*;
pub use calibration::*;
pub use claims::*;
pub use drift::*;
pub use imbalance::*;
pub use interpret::*;
pub use linear::*;
pub use threshold::*;
pub use tree::*;
pub use validation::*;

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

    /// No progress bar (it is drawn only on a terminal, for work past one second).
    #[arg(long, global = true)]
    pub quiet: bool,

    /// Replace files that already exist (--output, --dot); without it mlproof never does.
    #[arg(long, global = true)]
    pub force: bool,
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
    /// Write resampled training rows: SMOTE, SMOTE-NC, Borderline-SMOTE, ADASYN, over, under.
    #[command(
        after_help = "Resample training rows only: rows you evaluate on must stay as they are.\n\n\
        Examples:\n  mlproof resample --dataset yeast4 --output yeast4-smote.csv\n  \
        mlproof resample --dataset german --method smote-nc --output german-nc.csv\n  \
        mlproof resample --data train.csv --target churn --method adasyn --ratio 0.5 --output out.csv\n  \
        mlproof resample --dataset glass2 --method borderline       summary only, no file"
    )]
    Resample(ResampleArgs),
    /// Handle an imbalanced target: resampling, class weights, thresholds, anomaly framing.
    #[command(
        after_help = "Every method is scored on the same stratified folds, resampling inside \
        the training folds only; SMOTE before the split is shown beside it.\n\n\
        Examples:\n  mlproof imbalance --dataset yeast4\n  \
        mlproof imbalance --dataset german --model tree --max-depth 4\n  \
        mlproof imbalance --dataset abalone19 --model forest\n  \
        mlproof imbalance --threshold-rule cost:10\n  \
        mlproof imbalance --paradox                 accuracy vs recall on every bundled set"
    )]
    Imbalance(ImbalanceArgs),
    /// Calibration: reliability diagram, Brier decomposition, what imbalance corrections cost.
    #[command(
        after_help = "Logistic regression with no correction, random under-sampling, SMOTE and \
        class weights on the same repeated stratified folds (resampling inside the training \
        folds only), then Platt scaling and isotonic regression fitted inside each training fold.\n\n\
        Examples:\n  mlproof calibration                          yeast4, quantile bins\n  \
        mlproof calibration --dataset pima --binning uniform --n-bins 5\n  \
        mlproof calibration --dataset ecoli3 --n-repeats 5 --format json\n  \
        mlproof calibration --data my.csv --target churn --positive yes"
    )]
    Calibration(CalibrationArgs),
    /// What phase one can promise: an operating point with FPR, recall or precision bounds.
    #[command(
        after_help = "Thresholds are chosen on validation rows held back from each training fold \
        and scored on the held-out fold; the umbrella threshold (Neyman-Pearson, Tong, Feng & \
        Li 2018) keeps an FPR or recall promise with probability --confidence.\n\n\
        Examples:\n  mlproof threshold --max-fpr 0.05                 pima, logistic\n  \
        mlproof threshold --max-fpr 0.1 --confidence 0.9 --dataset wisconsin\n  \
        mlproof threshold --min-recall 0.8 --model tree --max-depth 4\n  \
        mlproof threshold --min-precision 0.7 --dataset german --format json"
    )]
    Threshold(ThresholdArgs),
    /// The baseline ladder: majority → logistic → shallow tree → forest → boosting.
    #[command(
        after_help = "Every rung on the same repeated stratified folds; the recommendation is \
        the simplest rung whose equivalence to the best (ROPE) the folds do not rule out.\n\n\
        Examples:\n  mlproof baseline                                 pima, ROC-AUC\n  \
        mlproof baseline --dataset yeast4 --metric average-precision\n  \
        mlproof baseline --dataset german --rope 0.02 --n-repeats 3\n  \
        mlproof baseline --timing                          fit and predict times too"
    )]
    Baseline(BaselineArgs),
    /// L1, L2 and elastic net: one fit or the whole path with CV, for regression or classes.
    #[command(
        after_help = "Features are standardised (population std) before the penalty; \
        coefficients are reported on that scale. --penalty l2 --alpha A is scikit-learn's \
        Ridge(alpha = A·n), the elastic-net form with ρ = 0.\n\n\
        Examples:\n  mlproof regularize                              L1 path, pima\n  \
        mlproof regularize --dataset pima --target Mass  regress BMI on the rest\n  \
        mlproof regularize --penalty elasticnet --l1-ratio 0.5 --alpha 0.05\n  \
        mlproof regularize --dataset wisconsin --target CellSize --task regression\n  \
        mlproof regularize --demo sparsity              does L1 find the true features?\n  \
        mlproof regularize --demo instability           correlated twins, bootstrapped\n  \
        mlproof regularize --format json --alpha 0.01   coefficients by feature name"
    )]
    Regularize(RegularizeArgs),
    /// Feature engineering measured: scaling, categorical encoding, feature selection.
    #[command(after_help = "Examples:\n  mlproof features scaling\n  \
        mlproof features encoding --dataset car-good\n  \
        mlproof features selection --dataset wisconsin --keep 3")]
    Features(FeaturesArgs),
    /// Draw cross-validation folds: k-fold, stratified, leave-one-out, time-series.
    #[command(
        after_help = "Examples:\n  mlproof split --kind kfold --n-samples 20\n  \
        mlproof split --kind stratified --dataset glass2\n  \
        mlproof split --kind time-series --n-splits 5 --gap 10 --dataset sp500\n  \
        mlproof split --kind kfold --shuffle --n-samples 12 --format json"
    )]
    Split(SplitArgs),
    /// Cross-validate a model: per-fold scores, mean, standard deviation, 95% interval.
    #[command(after_help = "Examples:\n  mlproof cv --dataset pima\n  \
        mlproof cv --dataset yeast4 --model tree --max-depth 4 --split stratified --n-splits 10\n  \
        mlproof cv --dataset german --select-k 10\n  \
        mlproof cv --dataset synth-stream --split time-series --gap 20\n  \
        mlproof cv --compare --dataset pima --subsample 100    LOO vs k-fold")]
    Cv(CvArgs),
    /// Over/underfitting: validation curve (score vs complexity) or learning curve (vs size).
    #[command(
        after_help = "Examples:\n  mlproof curves                        tree max_depth 1-15, pima\n  \
        mlproof curves --dataset wisconsin --param min-samples-leaf\n  \
        mlproof curves --model logistic --param alpha --dataset german\n  \
        mlproof curves --param degree                 polynomial regression on synth-sine\n  \
        mlproof curves --kind learning --dataset yeast4 --model tree --max-depth 4"
    )]
    Curves(CurvesArgs),
    /// Leakage measured: an honest and a leaky protocol on the same data, side by side.
    #[command(
        after_help = "Examples:\n  mlproof leakage                               S&P 500, 10-day forward label\n  \
        mlproof leakage --dataset synth-stream         drifting stream\n  \
        mlproof leakage --series AAPL --horizon 5\n  \
        mlproof leakage --kind preprocessing           feature selection on pure noise\n  \
        mlproof leakage --kind preprocessing --dataset german --select-k 5"
    )]
    Leakage(LeakageArgs),
    /// Bias-variance decomposition across a complexity sweep: the U-curve, measured.
    #[command(
        name = "bias-variance",
        after_help = "Examples:\n  \
        mlproof bias-variance                         regression tree depth 1-12 on synth-sine\n  \
        mlproof bias-variance --model poly             polynomial degree 1-12\n  \
        mlproof bias-variance --model knn --dataset synth-friedman1\n  \
        mlproof bias-variance --loss zero-one --dataset pima --rounds 200"
    )]
    BiasVariance(BiasVarianceArgs),
    /// Data drift: PSI, KL, Jensen–Shannon, KS, chi-square, Wasserstein; windows; concept drift.
    #[command(
        after_help = "The reference is the first --reference share of rows in time order; \
        the rest is compared with it, then cut into --windows windows.\n\n\
        Examples:\n  mlproof drift                                  synth-stream: covariate, then concept drift\n  \
        mlproof drift --dataset sp500 --bins sturges\n  \
        mlproof drift --reference 0.2 --windows 8\n  \
        mlproof drift --data log.csv --target label --time-column date --format json"
    )]
    Drift(DriftArgs),
    /// Textbook claims judged on data: what holds here, the number to quote, the source.
    #[command(
        after_help = "Each claim is an experiment judged by one rule: the 95% interval of \
        its effect against a region of practical equivalence (--rope). Comparisons are paired \
        over R × K repeated stratified folds (Nadeau–Bengio corrected t).\n\n\
        Examples:\n  mlproof claims                               every claim on pima\n  \
        mlproof claims --dataset yeast4 --format markdown > prep.md\n  \
        mlproof claims --only smote-raises-recall,corrections-keep-auc --repeats 10\n  \
        mlproof claims --data my.csv --target churn\n  \
        mlproof claims --suite ../shared/data/keel          every CSV in a folder"
    )]
    Claims(ClaimsArgs),
    /// Decision trees: splits, ID3 vs CART, pruning, importance, ensembles.
    Tree {
        #[command(subcommand)]
        action: TreeAction,
    },
    /// Explain a tree or a forest: TreeSHAP, partial dependence, ICE, a surrogate tree.
    #[command(
        after_help = "Every explanation is of P(positive) of the model fitted on all rows \
        (surrogate: on the training part, with held-out rows for fidelity).\n\n\
        Examples:\n  mlproof interpret                                TreeSHAP, depth-4 tree, pima\n  \
        mlproof interpret --model forest --dataset wisconsin --format json\n  \
        mlproof interpret --method pdp --feature Plas\n  \
        mlproof interpret --method ice --feature Mass --rows 10\n  \
        mlproof interpret --method surrogate --max-depth 3"
    )]
    Interpret(InterpretArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LossKind {
    /// Squared loss on a generator with known truth: bias², variance and noise.
    Squared,
    /// 0-1 loss on real classification data by bootstrap rounds (mlxtend's definitions).
    ZeroOne,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SweepModel {
    /// Tree depth 1-12.
    Tree,
    /// Polynomial degree 1-12 (1-D data).
    Poly,
    /// k-nearest neighbours, k from 60 down to 1 (regression only).
    Knn,
}

#[derive(Debug, Args)]
pub struct BiasVarianceArgs {
    #[arg(long, value_enum, default_value_t = LossKind::Squared)]
    pub loss: LossKind,

    /// The model family swept over its complexity knob.
    #[arg(long, value_enum, default_value_t = SweepModel::Tree)]
    pub model: SweepModel,

    /// Training sets per sweep point (fresh draws for squared loss, bootstrap samples for 0-1).
    #[arg(long, default_value_t = 200)]
    pub rounds: usize,

    /// Squared loss: fixed test points drawn from the generator [default: 500].
    #[arg(long)]
    pub n_test: Option<usize>,

    /// Squared loss: rows of each fresh training set [default: the generator's size; 30 for
    /// --model poly].
    #[arg(long)]
    pub n_train: Option<usize>,

    /// 0-1 loss: fraction of rows held out (stratified) as the test points [default: 0.3].
    #[arg(long)]
    pub test_size: Option<f64>,

    /// Print the time of the decomposition alone (without loading the data) on stderr.
    #[arg(long)]
    pub timing: bool,

    /// A generator with known truth (squared loss), or classification data (0-1 loss:
    /// --dataset or --data FILE.csv --target COLUMN).
    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LeakageKind {
    /// Shuffled k-fold vs time-series split on time-ordered data.
    TimeOrder,
    /// Feature selection on all rows before CV vs inside the folds.
    Preprocessing,
    /// Over-sampling all rows before CV vs inside the training folds.
    Resampling,
}

#[derive(Debug, Args)]
pub struct LeakageArgs {
    #[arg(long, value_enum, default_value_t = LeakageKind::TimeOrder)]
    pub kind: LeakageKind,

    /// Time order, regression data: the column whose next --horizon rows define the label.
    #[arg(long, default_value = "MSFT")]
    pub series: String,

    /// Time order: rows averaged into each feature (trailing window).
    #[arg(long, default_value_t = 10)]
    pub window: usize,

    /// Time order: rows ahead summed into the label.
    #[arg(long, default_value_t = 10)]
    pub horizon: usize,

    /// Time order: rows skipped between training and test (default: the horizon).
    #[arg(long)]
    pub gap: Option<usize>,

    /// Preprocessing: how many features the selection keeps.
    #[arg(long, default_value_t = 10)]
    pub select_k: usize,

    /// Resampling: how the training rows are resampled (SMOTE-NC needs categorical columns).
    #[arg(long, value_enum, default_value_t = ResampleMethod::Over)]
    pub method: ResampleMethod,

    /// Resampling: the target positive/negative ratio, in (0, 1] (default: balance).
    #[arg(long, allow_negative_numbers = true)]
    pub ratio: Option<f64>,

    /// Number of folds.
    #[arg(long, default_value_t = 5)]
    pub n_splits: usize,

    /// Tree depth of the model (default: full depth for time order; the model is logistic
    /// regression for preprocessing).
    #[arg(long)]
    pub max_depth: Option<usize>,

    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, Subcommand)]
pub enum DatasetsAction {
    /// Print a dataset's first rows and a summary of each feature.
    #[command(after_help = "Examples:\n  mlproof datasets show german\n  \
        mlproof datasets show --data my.csv --target churn --rows 10")]
    Show {
        /// A bundled dataset or generator name (see `mlproof datasets`); or use --data.
        name: Option<String>,
        /// How many rows to print.
        #[arg(long, default_value_t = 5)]
        rows: usize,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Write a dataset to CSV (generators at any size), e.g. to run the same data elsewhere.
    Export {
        /// A bundled dataset or generator name.
        name: String,
        /// The CSV file to write (`-`: standard output; an existing file only with --force).
        #[arg(long, value_name = "FILE.csv")]
        output: std::path::PathBuf,
        /// Generators only: how many rows to draw.
        #[arg(long)]
        rows: Option<usize>,
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
