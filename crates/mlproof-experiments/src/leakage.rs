//! `leakage`: the same model scored by an honest and a leaky protocol on the same data, with
//! the leak measured as leaky minus honest score over the folds.
//!
//! - **time order** (`time_order`): shuffled k-fold against a time-series split (and one with
//!   a gap) on time-ordered rows; refused on data with no time order.
//! - **preprocessing** (`preprocessing`): feature selection fitted on all rows before CV
//!   against the same selection inside each training fold (by default on pure noise, where
//!   the honest ROC-AUC is ½).
//! - **resampling** (`resampling`): a resampler run on all rows before CV against the same
//!   resampler inside each training fold. The leaky protocol's test folds also have a
//!   different positive rate, which moves F1 by itself: both parts are measured.
//!
//! Every comparison is a per-fold difference with the Nadeau–Bengio corrected resampled t
//! ([`crate::common::fold_difference`]); every score has its no-skill baseline beside it.

mod preprocessing;
mod resampling;
#[cfg(test)]
mod tests;
mod time_order;

use mlproof_core::evidence::{Direction, Finding, Rope};
use mlproof_core::metrics::{no_skill, Metric};
use mlproof_core::params::{Check, Checked};
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::{seed, Error, Result};
use mlproof_data::Dataset;
use mlproof_trees::{TreeClassifier, TreeParams};
use mlproof_validation::leakage::Protocol;
use mlproof_validation::Fold;
use ndarray::Array1;
use serde::Serialize;

use crate::common::fold_difference;

/// Which leak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    TimeOrder,
    Preprocessing,
    Resampling,
}

/// The resampler of the resampling leak: the one `resample` writes rows with.
pub use crate::resample::Method;

/// The dataset each kind uses when none is named (`None`: pure noise).
pub fn default_dataset(kind: Kind) -> Option<&'static str> {
    match kind {
        Kind::TimeOrder => Some("sp500"),
        Kind::Preprocessing => None,
        Kind::Resampling => Some("yeast4"),
    }
}

/// Rows and columns of the pure-noise table of the preprocessing demo.
pub const NOISE_SHAPE: (usize, usize) = (200, 1000);

/// The experiment's parameters. `series`, `window`, `horizon` and `gap` apply to time order,
/// `select_k` to preprocessing, `method` and `ratio` to resampling, `max_depth` (the tree) to
/// time order and resampling; changing one where it does not apply is an error.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Params {
    pub kind: Kind,
    /// Regression data: the column whose next `horizon` rows define the label.
    pub series: String,
    /// Rows averaged into each feature (trailing window).
    pub window: usize,
    /// Rows ahead summed into the label.
    pub horizon: usize,
    /// Rows skipped between training and test (`None`: the horizon).
    pub gap: Option<usize>,
    /// Features the selection keeps.
    pub select_k: usize,
    pub method: Method,
    /// Target positive/negative ratio after resampling (`None`: balance).
    pub ratio: Option<f64>,
    pub n_splits: usize,
    /// The tree's depth (`None`: full depth).
    pub max_depth: Option<usize>,
    pub seed: u64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            kind: Kind::TimeOrder,
            series: "MSFT".into(),
            window: 10,
            horizon: 10,
            gap: None,
            select_k: 10,
            method: Method::Over,
            ratio: None,
            n_splits: 5,
            max_depth: None,
            seed: seed::DEFAULT_SEED,
        }
    }
}

impl Check for Params {
    fn validate(&self) -> Result<()> {
        let d = Params::default();
        let time = [
            ("series", self.series != d.series),
            ("window", self.window != d.window),
            ("horizon", self.horizon != d.horizon),
            ("gap", self.gap.is_some()),
        ];
        let misplaced = |changes: &[(&'static str, bool)], applies: &str| match changes
            .iter()
            .find(|(_, c)| *c)
        {
            Some((name, _)) => Err(Error::param(
                name,
                format!("applies to {applies} leakage only, not {:?}", self.kind),
            )),
            None => Ok(()),
        };
        if self.kind != Kind::TimeOrder {
            misplaced(&time, "time-order")?;
        }
        if self.kind != Kind::Preprocessing {
            misplaced(
                &[("select_k", self.select_k != d.select_k)],
                "preprocessing",
            )?;
        }
        if self.kind != Kind::Resampling {
            misplaced(
                &[
                    ("method", self.method != d.method),
                    ("ratio", self.ratio.is_some()),
                ],
                "resampling",
            )?;
        }
        if self.kind == Kind::Preprocessing && self.max_depth.is_some() {
            return Err(Error::param(
                "max_depth",
                "applies to the tree of time-order and resampling leakage; preprocessing fits logistic regression",
            ));
        }
        if self.window == 0 || self.horizon == 0 {
            let name = if self.window == 0 {
                "window"
            } else {
                "horizon"
            };
            return Err(Error::param(name, "must be at least 1"));
        }
        if let Some(r) = self.ratio {
            if !(r > 0.0 && r <= 1.0) {
                return Err(Error::param("ratio", format!("must be in (0, 1], got {r}")));
            }
        }
        tree(self.max_depth).map(|_| ())
    }
}

/// The experiment's results: the old `Comparison` fields, baselines, findings and reading.
#[derive(Debug, Clone, Serialize)]
pub struct Leakage {
    /// What the rows and labels are.
    pub design: String,
    /// The model both protocols fit.
    pub model: String,
    pub metric: Metric,
    pub protocols: Vec<Protocol>,
    /// Each protocol's no-skill score, the mean over its test folds (parallel to `protocols`).
    pub protocol_baselines: Vec<f64>,
    pub baseline_model: &'static str,
    /// First leaky mean minus first honest mean, in points (×100).
    pub inflation_points: f64,
    /// Standard error of that difference, in points (the uncorrected one; the findings use
    /// the corrected resampled t).
    pub inflation_se_points: f64,
    /// Resampling only: the test folds' positive rates and the leaky score at the honest rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resampling: Option<resampling::PositiveRate>,
    pub findings: Vec<Finding>,
    /// The numbers in words, every judgement from `findings`.
    pub reading: String,
}

pub type LeakageReport = Report<Checked<Params>, Leakage>;

/// Runs the chosen leak. `data` is `None` only for the preprocessing demo on pure noise.
pub fn run(
    data: Option<&Dataset>,
    params: &Checked<Params>,
    progress: &dyn Observer,
) -> Result<LeakageReport> {
    let (results, warnings) = match (params.kind, data) {
        (Kind::TimeOrder, Some(d)) => (time_order::run(d, params, progress)?, Vec::new()),
        (Kind::Preprocessing, d) => (preprocessing::run(d, params, progress)?, Vec::new()),
        (Kind::Resampling, Some(d)) => resampling::run(d, params, progress)?,
        (_, None) => {
            return Err(Error::input(
                "time-order and resampling leakage need a dataset",
            ))
        }
    };
    Ok(Report::new(
        "leakage",
        params.clone(),
        data.map(Dataset::summary),
        results,
    )
    .with_warnings(warnings))
}

/// The tree of time order and resampling, and how it is described.
fn tree(max_depth: Option<usize>) -> Result<(TreeClassifier, String)> {
    let tree = TreeClassifier::new(TreeParams {
        max_depth,
        ..TreeParams::default()
    })?;
    let model = match max_depth {
        Some(d) => format!("CART tree, max_depth {d}"),
        None => "CART tree, full depth".into(),
    };
    Ok((tree, model))
}

/// The no-skill score of `metric` on every fold's test labels.
fn fold_baselines(metric: Metric, y: &Array1<usize>, folds: &[Fold]) -> Vec<f64> {
    folds
        .iter()
        .map(|f| {
            let labels: Vec<usize> = f.test.iter().map(|&i| y[i]).collect();
            no_skill(metric, &labels)
        })
        .collect()
}

fn mean(v: &[f64]) -> f64 {
    let finite: Vec<f64> = v.iter().copied().filter(|x| x.is_finite()).collect();
    finite.iter().sum::<f64>() / finite.len() as f64
}

/// "the leaky protocol scores above its no-skill baseline": score − baseline per fold.
fn above_baseline(
    id: &str,
    who: &str,
    scores: &[f64],
    baselines: &[f64],
    folds: &[Fold],
    design: &str,
) -> Option<Finding> {
    Finding::new(
        id,
        format!("{who} scores above its no-skill baseline"),
        fold_difference(scores, baselines, folds, design),
        Rope::score(),
        Direction::Greater,
    )
}

/// Leaky minus honest per fold, paired by fold index; the correction uses the larger
/// test/train ratio of the two fold sets (the more cautious one).
fn inflation(
    id: &str,
    statement: &str,
    leaky: (&[f64], &[Fold]),
    honest: (&[f64], &[Fold]),
    design: &str,
) -> Option<Finding> {
    let ratio = |f: &[Fold]| crate::common::test_over_train(f);
    let folds = if ratio(leaky.1) >= ratio(honest.1) {
        leaky.1
    } else {
        honest.1
    };
    let e = fold_difference(leaky.0, honest.0, folds, design);
    let paired_note = if std::ptr::eq(leaky.1, honest.1) {
        String::new()
    } else {
        "; the two protocols' folds hold different rows, matched by index".to_owned()
    };
    let method = format!("{}{paired_note}", e.method);
    Finding::new(
        id,
        statement,
        e.described(method),
        Rope::score(),
        Direction::Greater,
    )
}

/// "leaky − honest: +x.x points" without judging it.
fn describe_gap(metric: Metric, leaky: &Protocol, honest: &Protocol) -> String {
    format!(
        "Scored by {}: {} reads {} ± {} and {} reads {} ± {} (mean ± std over folds)",
        metric.name(),
        leaky.name,
        mlproof_core::evidence::number(leaky.summary.mean),
        mlproof_core::evidence::number(leaky.summary.std),
        honest.name,
        mlproof_core::evidence::number(honest.summary.mean),
        mlproof_core::evidence::number(honest.summary.std),
    )
}

/// The old comparison's inflation and its uncorrected standard error, in points.
fn inflation_points(protocols: &[Protocol], paired: bool) -> (f64, f64) {
    let leaky = protocols.iter().find(|p| p.leaky);
    let honest = protocols.iter().find(|p| !p.leaky);
    match (leaky, honest) {
        (Some(l), Some(h)) => {
            let se = if paired {
                let d: Vec<f64> = l.folds.iter().zip(&h.folds).map(|(a, b)| a - b).collect();
                mlproof_core::stats::Summary::of(&d).std / (d.len() as f64).sqrt()
            } else {
                (l.summary.std.powi(2) / l.summary.n as f64
                    + h.summary.std.powi(2) / h.summary.n as f64)
                    .sqrt()
            };
            (100.0 * (l.summary.mean - h.summary.mean), 100.0 * se)
        }
        _ => (f64::NAN, f64::NAN),
    }
}
