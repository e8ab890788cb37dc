//! `split`: which rows each fold trains and tests on, and what the folds guarantee — checked
//! on the folds themselves, not assumed: no row is on both sides of a fold, a partition tests
//! every row exactly once, stratified folds keep each class's share, a time-series split
//! never tests before it trains.

use mlproof_core::evidence::{self, Direction, Effect, Finding, Findings, Rope};
use mlproof_core::params::{Check, Checked};
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::seed;
use mlproof_core::{Error, Result};
use mlproof_data::Dataset;
use mlproof_validation::split::{Fold, Splitter};
use serde::Serialize;

/// The most rows `n_samples` may ask for.
pub const MAX_SAMPLES: usize = 1_000_000;

/// Folds when `n_splits` is not given.
pub const DEFAULT_N_SPLITS: usize = 5;

/// Repeats of repeated-stratified when `n_repeats` is not given.
pub const DEFAULT_N_REPEATS: usize = 3;

/// Rows split when there is no dataset and `n_samples` is not given.
pub const DEFAULT_N_SAMPLES: usize = 20;

/// Which splitter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SplitKind {
    KFold,
    Stratified,
    RepeatedStratified,
    LeaveOneOut,
    TimeSeries,
}

impl SplitKind {
    pub fn name(self) -> &'static str {
        match self {
            SplitKind::KFold => "k-fold",
            SplitKind::Stratified => "stratified",
            SplitKind::RepeatedStratified => "repeated-stratified",
            SplitKind::LeaveOneOut => "leave-one-out",
            SplitKind::TimeSeries => "time-series",
        }
    }

    /// The options this splitter reads.
    fn options(self) -> &'static [&'static str] {
        match self {
            SplitKind::KFold | SplitKind::Stratified => &["n_splits", "shuffle"],
            SplitKind::RepeatedStratified => &["n_splits", "n_repeats"],
            SplitKind::LeaveOneOut => &[],
            SplitKind::TimeSeries => &["n_splits", "gap", "max_train_size", "test_size"],
        }
    }
}

/// The splitter options as a caller gave them: `None` (or `false`) where not set, so an
/// option that does not apply to the splitter can be refused rather than ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SplitterOptions {
    pub n_splits: Option<usize>,
    pub shuffle: bool,
    pub n_repeats: Option<usize>,
    pub gap: Option<usize>,
    pub max_train_size: Option<usize>,
    pub test_size: Option<usize>,
}

impl SplitterOptions {
    /// The options set, by parameter name.
    pub fn given(&self) -> Vec<&'static str> {
        [
            ("n_splits", self.n_splits.is_some()),
            ("shuffle", self.shuffle),
            ("n_repeats", self.n_repeats.is_some()),
            ("gap", self.gap.is_some()),
            ("max_train_size", self.max_train_size.is_some()),
            ("test_size", self.test_size.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, set)| set.then_some(name))
        .collect()
    }
}

/// The checked splitter `kind` with `options` (defaults where not set); an option the
/// splitter does not read is an error (`n_splits` for leave-one-out, `gap` for stratified,
/// `shuffle` for a time-series split).
pub fn splitter(kind: SplitKind, options: &SplitterOptions) -> Result<Splitter> {
    if let Some(name) = options
        .given()
        .into_iter()
        .find(|name| !kind.options().contains(name))
    {
        let why = match (kind, name) {
            (SplitKind::RepeatedStratified, "shuffle") => " (it always shuffles)",
            (SplitKind::TimeSeries, "shuffle") => " (its folds keep the row order)",
            _ => "",
        };
        return Err(Error::param(
            name,
            format!("does not apply to {} splitting{why}", kind.name()),
        ));
    }
    let n_splits = options.n_splits.unwrap_or(DEFAULT_N_SPLITS);
    let shuffle = options.shuffle;
    match kind {
        SplitKind::KFold => Splitter::KFold { n_splits, shuffle },
        SplitKind::Stratified => Splitter::Stratified { n_splits, shuffle },
        SplitKind::RepeatedStratified => Splitter::RepeatedStratified {
            n_splits,
            n_repeats: options.n_repeats.unwrap_or(DEFAULT_N_REPEATS),
        },
        SplitKind::LeaveOneOut => Splitter::LeaveOneOut,
        SplitKind::TimeSeries => Splitter::TimeSeries {
            n_splits,
            max_train_size: options.max_train_size,
            test_size: options.test_size,
            gap: options.gap.unwrap_or(0),
        },
    }
    .check()
}

/// The splitter in words: `stratified 5-fold (shuffled)`.
pub fn describe(s: &Splitter) -> String {
    let shuffled = |on: bool| if on { " (shuffled)" } else { "" };
    match s {
        Splitter::KFold { n_splits, shuffle } => format!("{n_splits}-fold{}", shuffled(*shuffle)),
        Splitter::Stratified { n_splits, shuffle } => {
            format!("stratified {n_splits}-fold{}", shuffled(*shuffle))
        }
        Splitter::RepeatedStratified {
            n_splits,
            n_repeats,
        } => format!("{n_repeats} × stratified {n_splits}-fold"),
        Splitter::LeaveOneOut => "leave-one-out".into(),
        Splitter::TimeSeries { n_splits, gap, .. } => {
            format!("time-series split ({n_splits} splits, gap {gap})")
        }
    }
}

/// The experiment's parameters: the splitter's own fields, the rows split and the seed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Params {
    #[serde(flatten)]
    pub splitter: Splitter,
    /// Rows split: the dataset's rows when there is one.
    pub n_samples: usize,
    pub seed: u64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            splitter: Splitter::KFold {
                n_splits: DEFAULT_N_SPLITS,
                shuffle: false,
            },
            n_samples: DEFAULT_N_SAMPLES,
            seed: seed::DEFAULT_SEED,
        }
    }
}

impl Check for Params {
    fn validate(&self) -> Result<()> {
        if self.n_samples > MAX_SAMPLES {
            return Err(Error::param(
                "n_samples",
                format!(
                    "{} is more than the {MAX_SAMPLES} mlproof draws",
                    self.n_samples
                ),
            ));
        }
        self.splitter.clone().check().map(|_| ())
    }
}

/// The folds, the warnings scikit-learn would raise, and what the folds guarantee.
#[derive(Debug, Clone, Serialize)]
pub struct SplitResults {
    pub folds: Vec<Fold>,
    pub warnings: Vec<String>,
    pub findings: Vec<Finding>,
    /// The numbers in words, every judgement from `findings`.
    pub reading: String,
}

pub type SplitReport = Report<Checked<Params>, SplitResults>;

/// Splits `params.n_samples` rows, or the rows of `data` (whose class codes the stratified
/// splitters need and whose class shares are checked), and checks the folds.
pub fn run(
    data: Option<&Dataset>,
    params: &Checked<Params>,
    _progress: &dyn Observer,
) -> Result<SplitReport> {
    let n = params.n_samples;
    if let Some(d) = data {
        if d.n_rows() != n {
            return Err(Error::param(
                "n_samples",
                format!("{n} differs from the {} rows of {}", d.n_rows(), d.name),
            ));
        }
    }
    let labels = data.and_then(Dataset::class_codes);
    if params.splitter.needs_labels() && labels.is_none() {
        return Err(Error::input(
            "stratified splitting needs class labels: use a dataset with a class target",
        ));
    }
    let splits = params.splitter.split(n, labels.as_deref(), params.seed)?;
    let findings = judge(&params.splitter, n, &splits.folds, labels.as_deref());
    let smallest = splits.folds.iter().map(|f| f.test.len()).min().unwrap_or(0);
    let steps = if labels.is_some() && smallest > 1 {
        format!(
            " The smallest test fold holds {smallest} rows, so a class's share in it moves in \
             steps of {}.",
            evidence::number(1.0 / smallest as f64)
        )
    } else {
        String::new()
    };
    let reading = format!(
        "{} makes {} folds over {n} rows.{steps} {}",
        capitalise(&describe(&params.splitter)),
        splits.folds.len(),
        evidence::reading(findings.as_slice())
    );
    let warnings = splits.warnings.clone();
    let results = SplitResults {
        folds: splits.folds,
        warnings: splits.warnings,
        findings: findings.into_vec(),
        reading,
    };
    Ok(
        Report::new("split", params.clone(), data.map(Dataset::summary), results)
            .with_warnings(warnings),
    )
}

/// Exact findings (nothing is sampled: the folds are counted).
fn judge(s: &Splitter, n: usize, folds: &[Fold], labels: Option<&[usize]>) -> Findings {
    let mut out = Findings::default();
    let overlaps: usize = folds
        .iter()
        .map(|f| {
            let mut train = vec![false; n];
            f.train.iter().for_each(|&i| train[i] = true);
            f.test.iter().filter(|&&i| train[i]).count()
        })
        .sum();
    out.push(Finding::new(
        "folds-disjoint",
        "no row is in both the training and the test rows of a fold",
        Effect::exact(
            overlaps as f64,
            "rows on both sides, counted over every fold",
        ),
        Rope::count(),
        Direction::Equivalent,
    ));
    match s {
        Splitter::TimeSeries { gap, .. } => {
            let early = folds
                .iter()
                .filter(|f| match (f.train.last(), f.test.first()) {
                    (Some(&last), Some(&first)) => first < last + 1 + gap,
                    _ => false,
                })
                .count();
            out.push(Finding::new(
                "tests-after-training",
                format!(
                    "every fold tests only rows that come at least {} row(s) after its last \
                     training row (never testing before training)",
                    gap + 1
                ),
                Effect::exact(
                    early as f64,
                    "folds whose test rows start too early, counted",
                ),
                Rope::count(),
                Direction::Equivalent,
            ));
        }
        _ => {
            let per_repeat = match s {
                Splitter::RepeatedStratified { n_splits, .. } => *n_splits,
                _ => folds.len(),
            };
            let repeats = folds.len() / per_repeat.max(1);
            let missed: usize = folds
                .chunks(per_repeat.max(1))
                .map(|block| {
                    let mut tested = vec![0usize; n];
                    block
                        .iter()
                        .flat_map(|f| &f.test)
                        .for_each(|&i| tested[i] += 1);
                    tested.iter().filter(|&&t| t != 1).count()
                })
                .sum();
            let statement = if repeats > 1 {
                format!("the folds of each of the {repeats} repeats test every row exactly once")
            } else {
                "the folds test every row exactly once (they partition the rows)".to_string()
            };
            out.push(Finding::new(
                "every-row-tested-once",
                statement,
                Effect::exact(missed as f64, "rows not tested exactly once, counted"),
                Rope::count(),
                Direction::Equivalent,
            ));
        }
    }
    if let Some(y) = labels {
        if !matches!(s, Splitter::LeaveOneOut | Splitter::TimeSeries { .. }) {
            out.push(class_shares(y, folds));
        }
    }
    out
}

/// The largest departure of a class's share in a test fold from its share in all rows
/// (signed), judged against ±0.01.
fn class_shares(y: &[usize], folds: &[Fold]) -> Option<Finding> {
    let classes = y.iter().copied().max().map_or(0, |m| m + 1);
    let share = |rows: &mut dyn Iterator<Item = usize>, len: usize| {
        let mut counts = vec![0usize; classes];
        rows.for_each(|i| counts[y[i]] += 1);
        counts
            .into_iter()
            .map(|c| c as f64 / len.max(1) as f64)
            .collect::<Vec<_>>()
    };
    let whole = share(&mut (0..y.len()), y.len());
    let worst = folds
        .iter()
        .flat_map(|f| {
            let fold = share(&mut f.test.iter().copied(), f.test.len());
            fold.into_iter()
                .zip(whole.clone())
                .map(|(a, b)| a - b)
                .collect::<Vec<_>>()
        })
        .max_by(|a, b| a.abs().total_cmp(&b.abs()))
        .unwrap_or(f64::NAN);
    Finding::new(
        "folds-keep-class-shares",
        "every test fold keeps each class's share within ±0.01 of its share in all rows",
        Effect::exact(
            worst,
            "largest departure of a class's share in a test fold, computed",
        ),
        Rope::score(),
        Direction::Equivalent,
    )
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
