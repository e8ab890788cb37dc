//! Options of the validation commands: splitters, the `--model` learner, `cv`, `curves`, `split`.

use clap::{Args, ValueEnum};

use crate::data_args::DataArgs;

/// Splitter parameters shared by every command that splits.
#[derive(Debug, Args)]
pub struct SplitterArgs {
    /// Number of folds (k; default 5). Not for leave-one-out.
    #[arg(long, value_name = "K")]
    pub n_splits: Option<usize>,

    /// Shuffle before splitting (k-fold, stratified), with the order from --seed.
    #[arg(long)]
    pub shuffle: bool,

    /// Repeats of repeated-stratified (default 3).
    #[arg(long, value_name = "R")]
    pub n_repeats: Option<usize>,

    /// Time series: rows left out between the end of training and the test block (default 0).
    #[arg(long, value_name = "G")]
    pub gap: Option<usize>,

    /// Time series: keep only the last M training rows (a sliding window).
    #[arg(long, value_name = "M")]
    pub max_train_size: Option<usize>,

    /// Time series: rows per test block (default n / (k + 1)).
    #[arg(long, value_name = "T")]
    pub test_size: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModelKind {
    /// Standardise, then L2 logistic regression (Newton's method; linfa-logistic at α = 0).
    Logistic,
    /// A CART decision tree (scikit-learn's split search).
    Tree,
    /// The training prior, ignoring the features.
    Majority,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CriterionArg {
    Gini,
    Entropy,
}

/// The model and its in-fold preprocessing.
#[derive(Debug, Clone, Args)]
pub struct ModelArgs {
    /// The learner (default: logistic; for curves, the one the knob belongs to).
    #[arg(long, value_enum)]
    pub model: Option<ModelKind>,

    /// Tree: maximum depth (default: grow until pure).
    #[arg(long)]
    pub max_depth: Option<usize>,

    /// Tree: the fewest rows a node needs to be split.
    #[arg(long, default_value_t = 2)]
    pub min_samples_split: usize,

    /// Tree: the fewest rows a leaf may hold.
    #[arg(long, default_value_t = 1)]
    pub min_samples_leaf: usize,

    /// Tree: impurity measure.
    #[arg(long, value_enum, default_value_t = CriterionArg::Gini)]
    pub criterion: CriterionArg,

    /// Tree: cost-complexity pruning strength (scikit-learn's ccp_alpha; 0 = none).
    #[arg(long, default_value_t = 0.0, allow_negative_numbers = true)]
    pub ccp_alpha: f64,

    /// Logistic: L2 penalty α (scikit-learn's C = 1/α).
    #[arg(long, default_value_t = 1.0, allow_negative_numbers = true)]
    pub alpha: f64,

    /// Keep the K features most correlated with the label, chosen inside each training fold.
    #[arg(long, value_name = "K")]
    pub select_k: Option<usize>,
}

#[derive(Debug, Args)]
pub struct CvArgs {
    #[command(flatten)]
    pub model: ModelArgs,

    /// The splitter (default: stratified).
    #[arg(long = "split", value_enum)]
    pub split: Option<SplitKind>,

    #[command(flatten)]
    pub splitter: SplitterArgs,

    /// Predict positive when P(positive) is at least this.
    #[arg(long, default_value_t = 0.5, allow_negative_numbers = true)]
    pub threshold: f64,

    /// Compare 5-fold, 10-fold and leave-one-out estimates on repeated subsamples instead.
    #[arg(long)]
    pub compare: bool,

    /// --compare: rows per subsample (default 100).
    #[arg(long, value_name = "M")]
    pub subsample: Option<usize>,

    /// --compare: number of subsamples (default 50).
    #[arg(long, value_name = "R")]
    pub repeats: Option<usize>,

    /// Print the time of the cross-validation alone (without loading the data) on stderr; with
    /// --compare, also measure wall time per estimate (varies run to run) in the output.
    #[arg(long)]
    pub timing: bool,

    /// Also write a model card (Mitchell et al. 2019) of this run to FILE.md, atomically;
    /// what the data cannot tell is left as a visible TODO.
    #[arg(long, value_name = "FILE.md", conflicts_with = "compare")]
    pub model_card: Option<std::path::PathBuf>,

    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CurveKind {
    Validation,
    Learning,
    /// Gradient boosting's validation loss per stage, and where early stopping halts.
    EarlyStopping,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CurveParam {
    /// Tree depth 1-15 (more is more complex).
    MaxDepth,
    /// Tree leaf size 200 down to 1 (smaller is more complex).
    MinSamplesLeaf,
    /// Tree minimum rows to split, 400 down to 2 (smaller is more complex).
    MinSamplesSplit,
    /// Logistic L2 penalty 1e3 down to 1e-3 (smaller is more complex).
    Alpha,
    /// Polynomial regression degree 1-12 on 1-D data (default synth-sine), scored by MSE.
    Degree,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MetricArg {
    Accuracy,
    BalancedAccuracy,
    Precision,
    Recall,
    F1,
    Mcc,
    RocAuc,
    AveragePrecision,
    LogLoss,
    Brier,
}

#[derive(Debug, Args)]
pub struct CurvesArgs {
    /// Validation curve (vs a complexity knob) or learning curve (vs training size).
    #[arg(long, value_enum, default_value_t = CurveKind::Validation)]
    pub kind: CurveKind,

    /// The knob of a validation curve (default: max-depth, for a tree).
    #[arg(long, value_enum, default_value_t = CurveParam::MaxDepth)]
    pub param: CurveParam,

    /// The score plotted.
    #[arg(long, value_enum, default_value_t = MetricArg::Accuracy)]
    pub metric: MetricArg,

    /// Early stopping: boosting stages to grow.
    #[arg(long, default_value_t = 300)]
    pub n_estimators: usize,

    /// Early stopping: shrinkage ν of each stage.
    #[arg(long, default_value_t = 0.1, allow_negative_numbers = true)]
    pub learning_rate: f64,

    /// Early stopping: stop after this many stages without improvement (n_iter_no_change).
    #[arg(long, default_value_t = 10)]
    pub patience: usize,

    /// Print the time of the curve alone (without loading the data) on stderr.
    #[arg(long)]
    pub timing: bool,

    #[command(flatten)]
    pub model: ModelArgs,

    /// The splitter (default: stratified).
    #[arg(long = "split", value_enum)]
    pub split: Option<SplitKind>,

    #[command(flatten)]
    pub splitter: SplitterArgs,

    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SplitKind {
    /// Consecutive blocks (scikit-learn's KFold).
    Kfold,
    /// Each fold keeps the class proportions (StratifiedKFold).
    Stratified,
    /// Stratified k-fold repeated with different shuffles (RepeatedStratifiedKFold).
    RepeatedStratified,
    /// One row per test fold (LeaveOneOut).
    Loo,
    /// Train on the past, test on the next block (TimeSeriesSplit).
    TimeSeries,
}

#[derive(Debug, Args)]
pub struct SplitArgs {
    /// Which splitter.
    #[arg(long, value_enum, default_value_t = SplitKind::Kfold)]
    pub kind: SplitKind,

    #[command(flatten)]
    pub splitter: SplitterArgs,

    /// Split N rows without data (default 20 when no data is given).
    #[arg(long, value_name = "N", conflicts_with_all = ["dataset", "data"])]
    pub n_samples: Option<usize>,

    #[command(flatten)]
    pub data: DataArgs,
}
