//! `cv --compare`: leave-one-out against stratified 5- and 10-fold, each estimate measured
//! against the truth of its subsample ([`mlproof_validation::schemes`]).
//!
//! Findings, each over the R subsamples (independent draws):
//! - `loo-bias-like-5-fold`: leave-one-out's bias minus 5-fold's is the mean of the paired
//!   differences of their estimates on the same subsample (the truth cancels); Student t over
//!   the R differences, practically zero within ±0.01 (accuracy points).
//! - `loo-spread-like-5-fold`: sd(error) of leave-one-out minus 5-fold's, a bootstrap
//!   percentile interval over subsamples; practically zero within ±0.01.
//! - `loo-high-variance`: leave-one-out's error varies at least as much as 10-fold's (Kohavi
//!   1995): sd(error) of leave-one-out minus 10-fold's, bootstrap over subsamples; it holds
//!   when the whole interval lies above −0.01 (a non-inferiority margin of 0.01), fails when
//!   the whole interval is at or below −0.01.

use mlproof_core::evidence::{self, Direction, Effect, Finding, Findings, Rope};
use mlproof_core::metrics::{no_skill, Metric};
use mlproof_core::model::BinaryClassifier;
use mlproof_core::params::{Check, Checked};
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::seed;
use mlproof_core::{Error, Result};
use mlproof_data::{encode, Dataset};
use mlproof_validation::cv::{cross_validate, CvOptions};
use mlproof_validation::schemes::{self, SchemeEstimate};
use mlproof_validation::split::{k_fold, leave_one_out};
use ndarray::{Array1, Array2, Axis};
use rand::Rng;
use serde::{Serialize, Serializer};

use super::{check_threshold, model_fields};
use crate::common::ModelSpec;

/// Bootstrap resamples of the subsamples behind each spread interval.
pub const BOOTSTRAP: usize = 1000;

/// The experiment's parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    pub model: ModelSpec,
    /// Rows per subsample.
    pub subsample: usize,
    /// Number of subsamples.
    pub repeats: usize,
    /// Predict positive when P(positive) ≥ threshold.
    pub threshold: f64,
    /// Also measure wall time per estimate (varies run to run).
    pub timing: bool,
    pub seed: u64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            model: ModelSpec::default(),
            subsample: 100,
            repeats: 50,
            threshold: 0.5,
            timing: false,
            seed: seed::DEFAULT_SEED,
        }
    }
}

impl Check for Params {
    fn validate(&self) -> Result<()> {
        check_threshold(self.threshold)?;
        self.model.validate()?;
        if !(2..=10_000).contains(&self.repeats) {
            return Err(Error::param(
                "repeats",
                format!("must be between 2 and 10000, got {}", self.repeats),
            ));
        }
        // `subsample` is checked against the dataset's rows by `run`.
        Ok(())
    }
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Shown<'a> {
            model: String,
            learner: &'a ModelSpec,
            subsample: usize,
            repeats: usize,
            threshold: f64,
            timing: bool,
            seed: u64,
        }
        let (model, learner) = model_fields(&self.model);
        Shown {
            model,
            learner,
            subsample: self.subsample,
            repeats: self.repeats,
            threshold: self.threshold,
            timing: self.timing,
            seed: self.seed,
        }
        .serialize(s)
    }
}

/// The schemes' estimates (as before), the accuracy baseline and the findings.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// 5-fold, 10-fold, leave-one-out, in that order.
    pub schemes: Vec<SchemeEstimate>,
    /// Measured only with `timing`: milliseconds per estimate, by scheme.
    pub ms_per_estimate: Option<Vec<f64>>,
    /// Accuracy of the majority class on all labels (the subsamples keep the class shares):
    /// the no-skill baseline of every estimate and truth.
    pub accuracy_baseline: f64,
    pub findings: Vec<Finding>,
    /// The numbers in words, every judgement from `findings`.
    pub reading: String,
}

pub type CompareReport = Report<Checked<Params>, Comparison>;

pub fn run(
    data: &Dataset,
    params: &Checked<Params>,
    progress: &dyn Observer,
) -> Result<CompareReport> {
    let y = data.binary_target()?;
    let (x, _) = encode::one_hot(data);
    let learner = params.model.pipeline()?;
    let schemes = schemes::compare(
        &x,
        &y,
        &learner,
        params.subsample,
        params.repeats,
        params.threshold,
        params.seed,
        progress,
    )?;
    let ms_per_estimate = params
        .timing
        .then(|| time_schemes(&x, &y, &learner, params.subsample, params.seed))
        .transpose()?;
    let findings = judge(&schemes, params.seed);
    let reading = read(&schemes, findings.as_slice());
    let results = Comparison {
        schemes,
        ms_per_estimate,
        accuracy_baseline: no_skill(Metric::Accuracy, &y.to_vec()),
        findings: findings.into_vec(),
        reading,
    };
    Ok(Report::new(
        "cv",
        params.clone(),
        Some(data.summary()),
        results,
    ))
}

/// Wall time of one estimate per scheme on the dataset's first m rows, median of five runs
/// (a cost measure: which rows does not matter).
fn time_schemes(
    x: &Array2<f64>,
    y: &Array1<usize>,
    learner: &dyn BinaryClassifier,
    m: usize,
    seed: u64,
) -> Result<Vec<f64>> {
    let rows: Vec<usize> = (0..m).collect();
    let (xs, ys) = (x.select(Axis(0), &rows), y.select(Axis(0), &rows));
    let opts = CvOptions {
        metrics: vec![Metric::Accuracy],
        threshold: 0.5,
        train_scores: false,
        seed,
    };
    let fold_sets = [
        k_fold(m, 5, Some(seed))?,
        k_fold(m, 10, Some(seed))?,
        leave_one_out(m)?,
    ];
    fold_sets
        .iter()
        .map(|folds| {
            let mut times: Vec<f64> = (0..5)
                .map(|_| {
                    let start = std::time::Instant::now();
                    cross_validate(&xs, &ys, learner, folds, &opts)
                        .map(|_| start.elapsed().as_secs_f64() * 1e3)
                })
                .collect::<Result<_>>()?;
            times.sort_by(f64::total_cmp);
            Ok(times[2])
        })
        .collect()
}

/// Sample standard deviation (n − 1).
fn sd(v: &[f64]) -> f64 {
    let n = v.len() as f64;
    let m = v.iter().sum::<f64>() / n;
    (v.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (n - 1.0)).sqrt()
}

/// Each subsample's estimate − its truth.
fn errors(s: &SchemeEstimate) -> Vec<f64> {
    s.estimates
        .iter()
        .zip(&s.truths)
        .map(|(e, t)| e - t)
        .collect()
}

fn judge(s: &[SchemeEstimate], seed: u64) -> Findings {
    let mut out = Findings::default();
    let (five, ten, loo) = (&s[0], &s[1], &s[s.len() - 1]);
    let paired: Vec<f64> = loo
        .estimates
        .iter()
        .zip(&five.estimates)
        .map(|(a, b)| a - b)
        .collect();
    out.push(Finding::new(
        "loo-bias-like-5-fold",
        "leave-one-out's bias is practically the same as 5-fold's (their estimates on the same \
         subsample differ by less than 0.01 on average)",
        Effect::student_t(&paired, "subsamples (leave-one-out minus 5-fold estimate)"),
        Rope::score(),
        Direction::Equivalent,
    ));
    let (e5, e10, eloo) = (errors(five), errors(ten), errors(loo));
    let spread = |rows: &[usize], other: &[f64]| {
        let pick = |v: &[f64]| rows.iter().map(|&i| v[i]).collect::<Vec<_>>();
        sd(&pick(&eloo)) - sd(&pick(other))
    };
    let r = eloo.len();
    let all: Vec<usize> = (0..r).collect();
    let mut rng = seed::rng(seed, "cv-compare-bootstrap", 0);
    let reps: Vec<[f64; 2]> = (0..BOOTSTRAP)
        .map(|_| {
            let rows: Vec<usize> = (0..r).map(|_| rng.gen_range(0..r)).collect();
            [spread(&rows, &e5), spread(&rows, &e10)]
        })
        .collect();
    let column = |k: usize| reps.iter().map(|x| x[k]).collect::<Vec<_>>();
    out.push(Finding::new(
        "loo-spread-like-5-fold",
        "leave-one-out's error spread is practically the same as 5-fold's (sd of estimate − \
         truth within ±0.01)",
        Effect::bootstrap_percentile(spread(&all, &e5), &column(0), "resamples of the subsamples"),
        Rope::score(),
        Direction::Equivalent,
    ));
    out.push(Finding::new(
        "loo-high-variance",
        "leave-one-out's estimate varies at least as much as 10-fold's (its sd of estimate − \
         truth is not more than 0.01 below 10-fold's)",
        Effect::bootstrap_percentile(
            spread(&all, &e10),
            &column(1),
            "resamples of the subsamples; non-inferiority margin 0.01",
        ),
        Rope {
            lo: -0.01,
            hi: -0.01,
        },
        Direction::Greater,
    ));
    out
}

/// The numbers in words (no judgement), then one sentence per finding.
fn read(s: &[SchemeEstimate], findings: &[Finding]) -> String {
    let (five, ten, loo) = (&s[0], &s[1], &s[s.len() - 1]);
    format!(
        "Bias (estimate − truth): 5-fold {:+.4}, 10-fold {:+.4}, leave-one-out {:+.4}; sd(error): \
         5-fold {}, 10-fold {}, leave-one-out {}. Leave-one-out costs {} fits per estimate \
         against 5. {}",
        five.bias,
        ten.bias,
        loo.bias,
        evidence::number(five.error_std),
        evidence::number(ten.error_std),
        evidence::number(loo.error_std),
        loo.fits_per_estimate,
        evidence::reading(findings)
    )
}
