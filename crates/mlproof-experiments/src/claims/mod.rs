//! `claims`: textbook claims judged on data. Each claim is an experiment run on the chosen
//! dataset (or, where it needs a known truth, on data generated for it) whose evidence is one
//! finding, decided by the rule of [`mlproof_core::evidence::decide`].
//!
//! Comparisons use paired differences over repeated stratified k-fold (R × K folds, default
//! 5 × 5) with the Nadeau–Bengio corrected resampled t.

mod catalogue;
pub mod design;
mod ensembles;
mod imbalance;
pub mod learners;
mod linear;
mod models;
pub mod replications;
pub mod suite;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_construction_a;
#[cfg(test)]
mod tests_construction_b;
mod validation;
mod validation_more;

use mlproof_core::evidence::{Finding, Rope, Verdict, SCORE_HALF_WIDTH};
use mlproof_core::params::{Check, Checked};
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::{seed, Error, Result};
use mlproof_data::Dataset;
use serde::Serialize;

pub use catalogue::{Claim, CATALOGUE};
use design::Design;

/// The most repeats or folds a run may ask for.
pub const MAX_REPEATS: usize = 50;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Params {
    /// Repeats R of the stratified k-fold.
    pub repeats: usize,
    /// Folds K per repeat.
    pub folds: usize,
    /// Half-width of the ROPE for scores in [0, 1].
    pub rope: f64,
    /// Only these claim ids (empty: all).
    pub only: Vec<String>,
    pub seed: u64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            repeats: 5,
            folds: 5,
            rope: SCORE_HALF_WIDTH,
            only: Vec::new(),
            seed: seed::DEFAULT_SEED,
        }
    }
}

impl Check for Params {
    fn validate(&self) -> Result<()> {
        if !(1..=MAX_REPEATS).contains(&self.repeats) {
            return Err(Error::param(
                "repeats",
                format!("must be between 1 and {MAX_REPEATS}, got {}", self.repeats),
            ));
        }
        if !(2..=MAX_REPEATS).contains(&self.folds) {
            return Err(Error::param(
                "folds",
                format!("must be between 2 and {MAX_REPEATS}, got {}", self.folds),
            ));
        }
        if self.repeats * self.folds < 3 {
            return Err(Error::param(
                "repeats",
                "× folds must give at least 3 paired differences",
            ));
        }
        if !(self.rope > 0.0 && self.rope < 0.5) {
            return Err(Error::param(
                "rope",
                format!("must be in (0, 0.5), got {}", self.rope),
            ));
        }
        if let Some(bad) = self
            .only
            .iter()
            .find(|id| !CATALOGUE.iter().any(|c| c.id == id.as_str()))
        {
            let ids: Vec<&str> = CATALOGUE.iter().map(|c| c.id).collect();
            return Err(Error::param(
                "only",
                format!("names no claim '{bad}'; the claims are {}", ids.join(", ")),
            ));
        }
        Ok(())
    }
}

/// One claim judged on one dataset.
#[derive(Debug, Clone, Serialize)]
pub struct Judged {
    pub id: &'static str,
    pub claim: &'static str,
    pub source: &'static str,
    /// `holds`, `does not hold`, `inconclusive` (equal to the evidence's verdict) or
    /// `not applicable`.
    pub verdict: &'static str,
    pub evidence: Option<Finding>,
    /// Why the data cannot host the claim, for `not applicable`.
    pub why: Option<String>,
    /// Set when the claim runs on generated data with a known truth: what was generated.
    pub generated: Option<&'static str>,
    /// The mlproof command that shows the underlying demo.
    pub command: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Results {
    pub claims: Vec<Judged>,
    /// The claims' evidence, as every report carries it.
    pub findings: Vec<Finding>,
    /// Counts of each verdict.
    pub holds: usize,
    pub does_not_hold: usize,
    pub inconclusive: usize,
    pub not_applicable: usize,
    pub reading: String,
}

pub type ClaimsReport = Report<Checked<Params>, Results>;

/// What a claim's experiment found.
pub enum Outcome {
    Judged(Finding),
    NotApplicable(String),
}

/// What every claim's experiment sees.
pub struct Context<'a> {
    pub data: &'a Dataset,
    /// The R × K folds, or why they cannot be drawn.
    pub design: std::result::Result<Design, String>,
    /// The ROPE for score differences.
    pub rope: Rope,
    pub seed: u64,
}

impl Context<'_> {
    /// The shared folds, or the reason the claim cannot run.
    pub fn design(&self) -> std::result::Result<&Design, &str> {
        self.design.as_ref().map_err(String::as_str)
    }
}

/// The dataset argument a reproducing command names.
fn data_arg(data: &Dataset) -> String {
    match &data.summary().origin {
        mlproof_data::Origin::File { path } => {
            format!("--data {path} --target {}", data.target_name)
        }
        _ => format!("--dataset {}", data.name),
    }
}

/// Runs every chosen claim on `data`.
pub fn run(
    data: &Dataset,
    params: &Checked<Params>,
    progress: &dyn Observer,
) -> Result<ClaimsReport> {
    let chosen: Vec<&Claim> = CATALOGUE
        .iter()
        .filter(|c| params.only.is_empty() || params.only.iter().any(|o| o == c.id))
        .collect();
    let design =
        Design::new(data, params.repeats, params.folds, params.seed).map_err(|e| format!("{e}"));
    let ctx = Context {
        data,
        design,
        rope: Rope::symmetric(params.rope),
        seed: params.seed,
    };
    progress.start("claims", chosen.len());
    let arg = data_arg(data);
    let mut claims = Vec::new();
    for c in chosen {
        let outcome = match (c.run)(&ctx) {
            Ok(o) => o,
            // A claim that cannot run on this data (too few positives for SMOTE's k, one
            // class in a fold) is not applicable here, with the reason.
            Err(Error::Input(m) | Error::Usage(m)) => Outcome::NotApplicable(m),
            Err(Error::Parameter { name, message }) => {
                Outcome::NotApplicable(format!("{name} {message}"))
            }
            Err(e) => return Err(e),
        };
        let (verdict, evidence, why) = match outcome {
            Outcome::Judged(f) => (f.verdict.as_str(), Some(f), None),
            Outcome::NotApplicable(why) => ("not applicable", None, Some(why)),
        };
        claims.push(Judged {
            id: c.id,
            claim: c.claim,
            source: c.source,
            verdict,
            evidence,
            why,
            generated: c.generated,
            command: (c.command)(&arg),
        });
        progress.tick();
    }
    progress.finish();
    let count = |v: Verdict| {
        claims
            .iter()
            .filter(|c| c.evidence.as_ref().is_some_and(|f| f.verdict == v))
            .count()
    };
    let findings: Vec<Finding> = claims.iter().filter_map(|c| c.evidence.clone()).collect();
    let not_applicable = claims.iter().filter(|c| c.evidence.is_none()).count();
    let mut reading = mlproof_core::evidence::reading(&findings);
    for c in claims.iter().filter(|c| c.evidence.is_none()) {
        reading.push_str(&format!(
            " {} — not applicable here: {}.",
            c.id,
            c.why.as_deref().unwrap_or("")
        ));
    }
    let results = Results {
        holds: count(Verdict::Holds),
        does_not_hold: count(Verdict::DoesNotHold),
        inconclusive: count(Verdict::Inconclusive),
        not_applicable,
        findings,
        claims,
        reading: reading.trim().to_string(),
    };
    Ok(Report::new(
        "claims",
        params.clone(),
        Some(data.summary()),
        results,
    ))
}

/// A claim's finding, or `not applicable` when no fold could compute the effect.
fn judged(
    id: &str,
    statement: impl Into<String>,
    effect: mlproof_core::evidence::Effect,
    rope: Rope,
    direction: mlproof_core::evidence::Direction,
) -> Outcome {
    match Finding::new(id, statement, effect, rope, direction) {
        Some(f) => Outcome::Judged(f),
        None => Outcome::NotApplicable("no fold could compute the effect".into()),
    }
}
