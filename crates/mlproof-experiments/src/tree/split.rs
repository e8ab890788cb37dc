//! `tree split`: how a decision tree chooses its first split, worked through. For every
//! feature its best root split, with the impurities and the gain a person can check by hand:
//! gain = I(S) − Σᵥ |Sᵥ|/|S| · I(Sᵥ) (information gain for entropy in bits, Gini decrease for
//! Gini; Quinlan 1986, Breiman et al. 1984).

use mlproof_core::evidence::{self, Direction, Effect, Finding, Findings, Rope};
use mlproof_core::params::{Check, Checked};
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::seed;
use mlproof_core::{Error, Result};
use mlproof_data::Dataset;
use mlproof_trees::walkthrough::{root_splits, RootSplits};
use mlproof_trees::Criterion;
use serde::Serialize;

/// The dataset used when none is named: all-categorical, so ID3's multi-way splits show.
pub const DEFAULT_DATASET: &str = "car-good";

/// Two gains closer than this are a tie.
pub const TIE: f64 = 1e-12;

/// The experiment's parameters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Params {
    /// The impurity measures to work through, in order (entropy, Gini or both).
    pub criteria: Vec<Criterion>,
    pub seed: u64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            criteria: vec![Criterion::Entropy, Criterion::Gini],
            seed: seed::DEFAULT_SEED,
        }
    }
}

impl Check for Params {
    fn validate(&self) -> Result<()> {
        if self.criteria.is_empty() {
            return Err(Error::param("criterion", "names no impurity measure"));
        }
        if let Some(c) = self.criteria.iter().find(|c| !c.is_classification()) {
            return Err(Error::param(
                "criterion",
                format!("must be entropy or gini for the split walkthrough, not {c:?}"),
            ));
        }
        if self.criteria.len() == 2 && self.criteria[0] == self.criteria[1] {
            return Err(Error::param("criterion", "names the same measure twice"));
        }
        if self.criteria.len() > 2 {
            return Err(Error::param("criterion", "names at most two measures"));
        }
        Ok(())
    }
}

/// The experiment's results.
#[derive(Debug, Clone, Serialize)]
pub struct SplitWalkthrough {
    /// One walkthrough per criterion, in the order asked.
    pub root_splits: Vec<RootSplits>,
    /// Per criterion, the features whose gain ties the chosen one's (within [`TIE`]).
    pub ties: Vec<Vec<String>>,
    /// The features that do not divide the rows (constant): they have no split and no gain,
    /// and are never ranked or chosen.
    pub no_split: Vec<String>,
    pub findings: Vec<Finding>,
    /// The numbers in words, every judgement from `findings`.
    pub reading: String,
}

pub type SplitReport = Report<Checked<Params>, SplitWalkthrough>;

pub fn run(
    data: &Dataset,
    params: &Checked<Params>,
    _progress: &dyn Observer,
) -> Result<SplitReport> {
    let root_splits = params
        .criteria
        .iter()
        .map(|&c| root_splits(data, c))
        .collect::<Result<Vec<_>>>()?;
    let ties = root_splits.iter().map(tied).collect();
    let findings = judge(&root_splits);
    let no_split: Vec<String> = root_splits
        .first()
        .map(|r| {
            r.splits
                .iter()
                .filter(|s| !s.divides())
                .map(|s| s.feature.clone())
                .collect()
        })
        .unwrap_or_default();
    let reading = read(&root_splits, &no_split, findings.as_slice());
    let results = SplitWalkthrough {
        root_splits,
        ties,
        no_split,
        findings: findings.into_vec(),
        reading,
    };
    Ok(Report::new(
        "tree split",
        params.clone(),
        Some(data.summary()),
        results,
    ))
}

/// The features other than the chosen one whose gain equals the chosen gain (constant
/// features have no gain to tie with).
fn tied(r: &RootSplits) -> Vec<String> {
    if r.no_split {
        return Vec::new();
    }
    let best = r.splits[r.chosen].gain;
    r.splits
        .iter()
        .enumerate()
        .filter(|(i, s)| *i != r.chosen && s.divides() && (s.gain - best).abs() <= TIE)
        .map(|(_, s)| s.feature.clone())
        .collect()
}

/// A criterion's name as an id prefix.
fn short(c: Criterion) -> &'static str {
    match c {
        Criterion::Entropy => "entropy",
        Criterion::Gini => "gini",
        Criterion::SquaredError => "squared-error",
    }
}

/// The gain's name under a criterion.
pub fn gain_name(c: Criterion) -> &'static str {
    match c {
        Criterion::Entropy => "information gain",
        _ => "Gini decrease",
    }
}

/// Exact findings (nothing is sampled): for each criterion, that the chosen split's gain is
/// above every other dividing feature's best gain (its margin; a tie does not hold), and,
/// with two criteria, that both choose the same root feature. With no feature that divides
/// the rows there is no split to judge: the one finding is that a root split exists (it
/// does not hold).
fn judge(roots: &[RootSplits]) -> Findings {
    let mut out = Findings::default();
    if let Some(r) = roots.iter().find(|r| r.no_split) {
        let dividing = r.splits.iter().filter(|s| s.divides()).count();
        out.push(Finding::new(
            "root-split-exists",
            "some feature divides the rows, so the tree has a root split to choose".to_string(),
            Effect::exact(
                dividing as f64,
                "exact: the number of features with two or more non-empty children",
            ),
            Rope::exact(),
            Direction::Greater,
        ));
        return out;
    }
    for r in roots {
        let chosen = &r.splits[r.chosen];
        let runner_up = r
            .splits
            .iter()
            .enumerate()
            .filter(|(i, s)| *i != r.chosen && s.divides())
            .map(|(_, s)| s.gain)
            .fold(f64::NEG_INFINITY, f64::max);
        let margin = if runner_up.is_finite() {
            chosen.gain - runner_up
        } else {
            f64::NAN
        };
        out.push(Finding::new(
            &format!("{}-root-split-is-strict-best", short(r.criterion)),
            format!(
                "by {}, the chosen root split ({}) gains strictly more than every other feature's \
                 best split",
                gain_name(r.criterion),
                chosen.feature
            ),
            Effect::exact(
                margin,
                "exact: chosen gain minus the largest other gain, over all rows",
            ),
            Rope::exact(),
            Direction::Greater,
        ));
    }
    if let [a, b] = roots {
        let (fa, fb) = (&a.splits[a.chosen].feature, &b.splits[b.chosen].feature);
        out.push(Finding::new(
            "criteria-agree-on-root",
            format!(
                "{} and {} choose the same root feature (0 = same, 1 = different)",
                short(a.criterion),
                short(b.criterion)
            ),
            Effect::exact(
                f64::from(u8::from(fa != fb)),
                "exact: the two chosen features compared",
            ),
            Rope::exact(),
            Direction::Equivalent,
        ));
    }
    out
}

/// What each criterion chose (described), the features without a split, then one sentence
/// per finding.
fn read(roots: &[RootSplits], no_split: &[String], findings: &[Finding]) -> String {
    if roots.iter().any(|r| r.no_split) {
        let rows: usize = roots.first().map_or(0, |r| r.counts.iter().sum());
        return format!(
            "No feature divides the {rows} rows: every feature is constant ({}), so there is no \
             root split and no gain to rank; a tree here is a single leaf predicting the majority \
             class. {}",
            no_split.join(", "),
            evidence::reading(findings)
        );
    }
    let parts: Vec<String> = roots
        .iter()
        .map(|r| {
            let s = &r.splits[r.chosen];
            format!(
                "by {} the root split is {} ({} {} from a parent impurity of {})",
                gain_name(r.criterion),
                s.feature,
                gain_name(r.criterion),
                evidence::number(s.gain),
                evidence::number(r.parent_impurity)
            )
        })
        .collect();
    let constant = if no_split.is_empty() {
        String::new()
    } else {
        format!(
            " {} constant, so {} no split and no gain, and {} not ranked.",
            no_split.join(", "),
            if no_split.len() == 1 {
                "it has"
            } else {
                "they have"
            },
            if no_split.len() == 1 { "is" } else { "are" }
        )
    };
    format!(
        "{}.{constant} {}",
        capitalise(&parts.join("; ")),
        evidence::reading(findings)
    )
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests;
