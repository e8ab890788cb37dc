//! Published results beside ours: each replication reruns the design of one source behind a
//! claim and sets the source's headline number beside mlproof's number on that design.
//!
//! Every published value carries its tag, as the research notes grade them: `PRIMARY` (read
//! in the paper's own text), `AUTHOR-CODE` (the authors' repository) or `TRANSCRIPTION` (a
//! third party's transcription of the paper's table). Where the source does not give part of
//! the design, the replication's `ours` list says which choices are mlproof's.
//!
//! Every simulation draws from its own stream (`seed::rng(seed, "replicate/<name>/…", i)`), so
//! a report is byte-identical whatever the number of threads.

use mlproof_core::evidence::{Direction, Effect, Finding, Findings, Rope};
use mlproof_core::metrics::roc_auc;
use mlproof_core::model::pipeline::correlations;
use mlproof_core::model::{
    cholesky_solve, BinaryClassifier, ClassWeight, FittedBinary, Pipeline, SelectKBest, Step,
};
use mlproof_core::params::{Check, Checked};
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::{seed, Error, Result};
use mlproof_imbalance::{SamplingStrategy, Smote, SmoteKind};
use mlproof_linear::features::knn::Knn;
use mlproof_trees::ensemble::Forest;
use mlproof_trees::pruning::{prune, prune_along, pruning_path, WeakestLinks};
use mlproof_trees::{Tree, TreeParams};
use mlproof_validation::split::{k_fold, leave_one_out, stratified_k_fold};
use mlproof_validation::Fold;
use ndarray::{s, Array1, Array2, Axis};
use rand::Rng;
use rayon::prelude::*;
use serde::Serialize;

mod bergmeir;
mod breiman;
mod esl;
mod vandewiele;
mod varma_simon;
use bergmeir::*;
use breiman::*;
use esl::*;
use vandewiele::*;
use varma_simon::*;

/// How directly the published number was read (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Tag {
    #[serde(rename = "PRIMARY")]
    Primary,
    #[serde(rename = "AUTHOR-CODE")]
    AuthorCode,
    #[serde(rename = "TRANSCRIPTION")]
    Transcription,
}

impl Tag {
    pub fn as_str(self) -> &'static str {
        match self {
            Tag::Primary => "PRIMARY",
            Tag::AuthorCode => "AUTHOR-CODE",
            Tag::Transcription => "TRANSCRIPTION",
        }
    }
}

/// The source's number.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Published {
    pub value: f64,
    /// What it measures, in the source's units.
    pub measures: &'static str,
    /// The quote, table or file it was read in.
    pub reference: &'static str,
    pub tag: Tag,
}

/// mlproof's number on the same design, with its interval.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ours {
    pub estimate: f64,
    pub interval: [f64; 2],
    pub level: f64,
    pub method: String,
}

impl From<Effect> for Ours {
    fn from(e: Effect) -> Ours {
        Ours {
            estimate: e.estimate,
            interval: e.interval,
            level: e.level,
            method: e.method,
        }
    }
}

/// One headline number: the source's beside ours.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Compared {
    pub measure: String,
    /// `None` for a number of ours the source does not report (the true error, say).
    pub published: Option<Published>,
    pub ours: Ours,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Replication {
    pub name: &'static str,
    pub source: &'static str,
    /// The design as run.
    pub design: String,
    /// The parts of the design the source does not state: mlproof's choices.
    pub ours_choices: Vec<&'static str>,
    pub comparisons: Vec<Compared>,
    pub findings: Vec<Finding>,
    pub reading: String,
}

pub type ReplicationReport = Report<Checked<ReplicateParams>, Replication>;

/// A replication the library can run.
pub struct Source {
    pub name: &'static str,
    pub source: &'static str,
    /// Simulations (or splits) of the faithful design.
    pub default_simulations: usize,
    /// Approximate time of the default in a release build on two cores.
    pub time: &'static str,
    run: fn(usize, u64, &dyn Observer) -> Result<Replication>,
}

/// Every replication, in the README's order.
pub const SOURCES: &[Source] = &[
    Source {
        name: "esl-7.10.2",
        source: "Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, 2nd ed., §7.10.2",
        default_simulations: 50,
        time: "about 1 s",
        run: esl_7_10_2,
    },
    Source {
        name: "varma-simon-2006",
        source: "Varma & Simon 2006, BMC Bioinformatics 7:91",
        default_simulations: 200,
        time: "about 15 s",
        run: varma_simon_2006,
    },
    Source {
        name: "bergmeir-2018",
        source: "Bergmeir, Hyndman & Koo 2018, CSDA 120:70–83",
        default_simulations: 1000,
        time: "under 1 s",
        run: bergmeir_2018,
    },
    Source {
        name: "vandewiele-2021",
        source: "Vandewiele et al. 2021, Artif. Intell. Med. 111:101987 (authors' repository EHG-Oversampling)",
        default_simulations: 5,
        time: "about 25 s",
        run: vandewiele_2021,
    },
    Source {
        name: "breiman-1996",
        source: "Breiman 1996, Bagging predictors, Machine Learning 24, Table 2",
        default_simulations: 100,
        time: "about 6 s",
        run: breiman_1996,
    },
    Source {
        name: "breiman-2001",
        source: "Breiman 2001, Random forests, Machine Learning 45, Table 2",
        default_simulations: 100,
        time: "about 11 s",
        run: breiman_2001,
    },
];

/// The most simulations a run may ask for.
pub const MAX_SIMULATIONS: usize = 100_000;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReplicateParams {
    pub name: String,
    /// Simulations (or repeated splits); `None`: the source's own number.
    pub simulations: Option<usize>,
    pub seed: u64,
}

impl ReplicateParams {
    pub fn source(&self) -> Option<&'static Source> {
        SOURCES.iter().find(|s| s.name == self.name)
    }

    /// The simulations that will run.
    pub fn simulations(&self) -> usize {
        self.simulations
            .or(self.source().map(|s| s.default_simulations))
            .unwrap_or(0)
    }
}

impl Check for ReplicateParams {
    fn validate(&self) -> Result<()> {
        if self.source().is_none() {
            let names: Vec<&str> = SOURCES.iter().map(|s| s.name).collect();
            return Err(Error::param(
                "replicate",
                format!(
                    "names no replication '{}'; the replications are {}",
                    self.name,
                    names.join(", ")
                ),
            ));
        }
        let n = self.simulations();
        if !(2..=MAX_SIMULATIONS).contains(&n) {
            return Err(Error::param(
                "simulations",
                format!("must be between 2 and {MAX_SIMULATIONS}, got {n}"),
            ));
        }
        Ok(())
    }
}

/// Runs the replication `params.name`.
pub fn replicate(
    params: &Checked<ReplicateParams>,
    progress: &dyn Observer,
) -> Result<ReplicationReport> {
    let source = params
        .source()
        .ok_or_else(|| Error::param("replicate", "names no replication"))?;
    let results = (source.run)(params.simulations(), params.seed, progress)?;
    Ok(Report::new("claims", params.clone(), None, results))
}

fn finish(
    name: &'static str,
    design: String,
    ours_choices: Vec<&'static str>,
    comparisons: Vec<Compared>,
    findings: Findings,
) -> Replication {
    let source = SOURCES
        .iter()
        .find(|s| s.name == name)
        .map_or("", |s| s.source);
    let findings = findings.into_vec();
    Replication {
        name,
        source,
        design,
        ours_choices,
        comparisons,
        reading: mlproof_core::evidence::reading(&findings),
        findings,
    }
}

/// Runs `f` for simulations `0..n` in parallel, in index order, ticking `progress`.
fn simulate<T: Send>(
    label: &str,
    n: usize,
    progress: &dyn Observer,
    f: impl Fn(u64) -> Result<T> + Sync,
) -> Result<Vec<T>> {
    progress.start(label, n);
    let out = (0..n as u64)
        .into_par_iter()
        .map(|i| {
            let r = f(i);
            progress.tick();
            r
        })
        .collect::<Result<Vec<T>>>();
    progress.finish();
    out
}

fn normal_matrix(rng: &mut seed::Rng, rows: usize, cols: usize) -> Array2<f64> {
    Array2::from_shape_fn((rows, cols), |_| seed::standard_normal(rng))
}

/// Labels 0…0 1…1 in two equal halves.
fn balanced_labels(n: usize) -> Array1<usize> {
    Array1::from_shape_fn(n, |i| usize::from(i >= n / 2))
}

fn error_rate(y: &[usize], pred: &[usize]) -> f64 {
    y.iter().zip(pred).filter(|(a, b)| a != b).count() as f64 / y.len() as f64
}

/// Misclassification of `learner` pooled over `folds` (each row predicted once).
fn cv_error(
    x: &Array2<f64>,
    y: &Array1<usize>,
    learner: &dyn BinaryClassifier,
    folds: &[Fold],
    fit_seed: u64,
) -> Result<f64> {
    let mut wrong = 0usize;
    for (i, f) in folds.iter().enumerate() {
        let m = learner.fit(
            &x.select(Axis(0), &f.train),
            &y.select(Axis(0), &f.train),
            seed::derive(fit_seed, "fold", i as u64),
        )?;
        let pred = m.predict(&x.select(Axis(0), &f.test), 0.5);
        wrong += f
            .test
            .iter()
            .zip(pred.iter())
            .filter(|(&r, &p)| y[r] != p)
            .count();
    }
    Ok(wrong as f64 / y.len() as f64)
}

/// Signed correlation of every column with the labels.
fn signed_correlations(x: &Array2<f64>, y: &Array1<usize>) -> Vec<f64> {
    let n = x.nrows() as f64;
    let yf = y.mapv(|v| v as f64);
    let y_dev = &yf - yf.sum() / n;
    let y_ss = y_dev.dot(&y_dev);
    x.axis_iter(Axis(1))
        .map(|col| {
            let dev = &col - col.sum() / n;
            let denom = (dev.dot(&dev) * y_ss).sqrt();
            if denom > 0.0 {
                dev.dot(&y_dev) / denom
            } else {
                0.0
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use mlproof_core::progress::Silent;

    const SEED: u64 = 7;

    #[test]
    fn esl_wrong_way_far_below_half_right_way_not() {
        let r = esl_sized(6, 500, SEED, &Silent).unwrap();
        let wrong = r.comparisons[0].ours.estimate;
        let right = r.comparisons[1].ours.estimate;
        assert!(wrong < 0.25, "wrong-way error {wrong}");
        assert!(right > 0.35, "right-way error {right}");
        assert!(r.comparisons[2].ours.estimate > 0.1);
    }

    #[test]
    fn varma_simon_tuned_cv_is_optimistic_test_is_chance() {
        let r = varma_simon_sized(8, 200, SEED, &Silent).unwrap();
        let tuned = r.comparisons[1].ours.estimate;
        let test = r.comparisons[3].ours.estimate;
        assert!(tuned < test - 0.05, "tuned {tuned} vs test {test}");
        assert!((test - 0.5).abs() < 0.05, "test {test}");
    }

    #[test]
    fn bergmeir_oos_worse_than_kfold() {
        let r = bergmeir_2018(200, SEED, &Silent).unwrap();
        let (cv, loo, oos) = (
            r.comparisons[0].ours.estimate,
            r.comparisons[1].ours.estimate,
            r.comparisons[2].ours.estimate,
        );
        assert!(oos > cv && (cv - loo).abs() < 0.02, "{cv} {loo} {oos}");
    }

    #[test]
    fn vandewiele_leak_inflates_noise_auc() {
        let r = vandewiele_sized(1, 600, 10, SEED, &Silent).unwrap();
        let inside = r.comparisons[1].ours.estimate;
        let before = r.comparisons[2].ours.estimate;
        assert!(before > 0.75, "before {before}");
        assert!((inside - 0.5).abs() < 0.15, "inside {inside}");
    }

    #[test]
    fn breiman_bagging_is_no_worse_than_a_tree() {
        let r = breiman_1996(4, SEED, &Silent).unwrap();
        assert_eq!(r.comparisons.len(), 3);
        let (e_s, e_b) = (
            r.comparisons[0].ours.estimate,
            r.comparisons[1].ours.estimate,
        );
        assert!(e_s > 15.0 && e_s < 40.0 && e_b > 15.0 && e_b < 40.0);
        assert!(r
            .comparisons
            .iter()
            .all(|c| c.published.as_ref().unwrap().tag == Tag::Transcription));
    }

    #[test]
    fn breiman_2001_forest_errors_are_plausible() {
        let r = breiman_2001(3, SEED, &Silent).unwrap();
        let (e1, e4) = (
            r.comparisons[0].ours.estimate,
            r.comparisons[1].ours.estimate,
        );
        assert!(
            e1 > 15.0 && e1 < 40.0 && e4 > 15.0 && e4 < 40.0,
            "{e1} {e4}"
        );
        assert!(r.comparisons[1].published.is_none());
    }

    #[test]
    fn replications_are_deterministic_and_checked() {
        let a = bergmeir_2018(20, SEED, &Silent).unwrap();
        let b = bergmeir_2018(20, SEED, &Silent).unwrap();
        assert_eq!(a, b);
        let bad = ReplicateParams {
            name: "nope".into(),
            simulations: None,
            seed: SEED,
        };
        assert!(bad.check().is_err());
        for s in SOURCES {
            let p = ReplicateParams {
                name: s.name.into(),
                simulations: None,
                seed: SEED,
            };
            assert!(p.check().is_ok());
        }
    }
}
