//! `regularize --demo sparsity | instability`: the claims about L1 and L2 on generated data
//! with a known truth. Sparsity: does L1 zero the noise features, and are the features it
//! keeps the informative ones (Wilson intervals over features)? Instability: with correlated
//! twins, does L1 flip which twin it keeps between bootstrap resamples, and does elastic net
//! keep both more often (Wilson over resamples; paired proportions over the same resamples)?

use mlproof_core::evidence::{self, Direction, Effect, Finding, Findings, Rope};
use mlproof_core::params::{Check, Checked};
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::{seed, Error, Result};
use mlproof_linear::demo::instability::{
    instability, Instability, InstabilitySpec, PairSelection, FLIP,
};
use mlproof_linear::demo::sparsity::{sparsity, Recovery, Sparsity, SparsitySpec};
use serde::Serialize;

/// Which demo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Demo {
    Sparsity,
    Instability,
}

/// The demos' parameters. `rounds` is the sparsity demo's generated rows (default 200) or
/// the instability demo's bootstrap resamples (default 100); `correlation` (the twins',
/// default 0.99) applies to the instability demo only.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DemoParams {
    pub demo: Demo,
    pub rounds: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correlation: Option<f64>,
    pub seed: u64,
}

impl DemoParams {
    /// The demo's defaults.
    pub fn new(demo: Demo) -> Self {
        let (rounds, correlation) = match demo {
            Demo::Sparsity => (SparsitySpec::default().rows, None),
            Demo::Instability => {
                let d = InstabilitySpec::default();
                (d.rounds, Some(d.correlation))
            }
        };
        DemoParams {
            demo,
            rounds,
            correlation,
            seed: seed::DEFAULT_SEED,
        }
    }

    pub fn sparsity_spec(&self) -> SparsitySpec {
        SparsitySpec {
            rows: self.rounds,
            ..SparsitySpec::default()
        }
    }

    pub fn instability_spec(&self) -> InstabilitySpec {
        let d = InstabilitySpec::default();
        InstabilitySpec {
            rounds: self.rounds,
            correlation: self.correlation.unwrap_or(d.correlation),
            ..d
        }
    }
}

impl Check for DemoParams {
    fn validate(&self) -> Result<()> {
        match self.demo {
            Demo::Sparsity => {
                if self.correlation.is_some() {
                    return Err(Error::param(
                        "correlation",
                        "applies to the instability demo only",
                    ));
                }
                let rows = self.sparsity_spec().rows;
                let max = mlproof_linear::demo::sparsity::MAX_ROWS;
                if !(20..=max).contains(&rows) {
                    return Err(Error::param(
                        "rounds",
                        format!("must be 20 to {max} generated rows for sparsity, got {rows}"),
                    ));
                }
            }
            Demo::Instability => {
                let s = self.instability_spec();
                if !(s.correlation > 0.0 && s.correlation < 1.0) {
                    return Err(Error::param(
                        "correlation",
                        format!("must be in (0, 1) (the twins'), got {}", s.correlation),
                    ));
                }
                let max = mlproof_linear::demo::instability::MAX_ROUNDS;
                if !(2..=max).contains(&s.rounds) {
                    return Err(Error::param(
                        "rounds",
                        format!("must be 2 to {max} bootstrap resamples, got {}", s.rounds),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// The sparsity demo's results: the generated truth, each penalty's recovery, findings.
#[derive(Debug, Clone, Serialize)]
pub struct SparsityResults {
    #[serde(flatten)]
    pub sparsity: Sparsity,
    /// Precision's no-skill baseline: the informative share of all features (what keeping
    /// features at random achieves).
    pub precision_baseline: f64,
    pub findings: Vec<Finding>,
    pub reading: String,
}

/// The instability demo's results: each penalty's choices per pair, findings.
#[derive(Debug, Clone, Serialize)]
pub struct InstabilityResults {
    #[serde(flatten)]
    pub instability: Instability,
    pub findings: Vec<Finding>,
    pub reading: String,
}

pub fn run_sparsity(
    params: &Checked<DemoParams>,
    _progress: &dyn Observer,
) -> Result<Report<Checked<DemoParams>, SparsityResults>> {
    let s = sparsity(&params.sparsity_spec(), params.seed)?;
    let row = |penalty: &str, rule: &str| {
        s.rows
            .iter()
            .find(|q| q.penalty == penalty && q.rule == rule)
    };
    let (features, informative) = (s.spec.features, s.spec.informative);
    let mut fs = Findings::default();
    let mut reading = String::new();
    if let Some(l1) = row("L1", "1-SE") {
        let noise = features - informative;
        let noise_kept = l1.kept - l1.true_kept;
        fs.push(Finding::new(
            "l1-sparse",
            "L1 at the one-SE α sets noise features to exactly zero",
            Effect::wilson(noise - noise_kept, noise, "noise features zeroed"),
            Rope::score(),
            Direction::Greater,
        ));
        let share = informative as f64 / features as f64;
        fs.push(Finding::new(
            "l1-keeps-informative",
            format!(
                "the features L1 keeps (one-SE α) are informative more often than the {} of \
                 all features that are",
                evidence::number(share)
            ),
            Effect::wilson(l1.true_kept, l1.kept, "kept features informative"),
            Rope {
                lo: share - 0.01,
                hi: share + 0.01,
            },
            Direction::Greater,
        ));
        reading = describe(l1, informative);
    }
    if let Some(l2) = row("L2", "min CV") {
        fs.push(Finding::new(
            "l2-zeroes-none",
            "L2 (min-CV α) shrinks coefficients but sets none to exactly zero",
            Effect::exact(
                (features - l2.kept) as f64,
                format!("count of zeroed coefficients among {features}, one fit"),
            ),
            Rope::count(),
            Direction::Equivalent,
        ));
    }
    let findings = fs.into_vec();
    let results = SparsityResults {
        precision_baseline: informative as f64 / features as f64,
        reading: format!("{reading}{}", evidence::reading(&findings)),
        sparsity: s,
        findings,
    };
    Ok(Report::new("regularize", params.clone(), None, results))
}

fn describe(l1: &Recovery, informative: usize) -> String {
    format!(
        "On this run L1 (one-SE α) kept {} features, {} of the {informative} informative ones. ",
        l1.kept, l1.true_kept
    )
}

/// The rounds of `row` in which each twin was the only one kept, as counts.
fn only_counts(row: &PairSelection, rounds: usize) -> (usize, usize) {
    let count = |share: f64| (share * rounds as f64).round() as usize;
    (count(row.only_first), count(row.only_second))
}

pub fn run_instability(
    params: &Checked<DemoParams>,
    progress: &dyn Observer,
) -> Result<Report<Checked<DemoParams>, InstabilityResults>> {
    let spec = params.instability_spec();
    let r = instability(&spec, params.seed, progress)?;
    let rows = |penalty: &str, rule: &str| -> Vec<&PairSelection> {
        r.rows
            .iter()
            .filter(|q| q.penalty == penalty && q.rule == rule)
            .collect()
    };
    let mut fs = Findings::default();
    for (id, rule, at) in [
        ("l1-unstable-correlated", "1-SE", "the one-SE α"),
        ("l1-unstable-correlated-min-cv", "min CV", "the min-CV α"),
    ] {
        let l1 = rows("L1", rule);
        let flips: usize = l1
            .iter()
            .map(|q| {
                let (a, b) = only_counts(q, spec.rounds);
                a.min(b)
            })
            .sum();
        fs.push(Finding::new(
            id,
            format!(
                "L1 at {at} flips between correlated twins: each twin is the only one kept in \
                 more than {:.0}% of resamples (the smaller share, pooled over pairs)",
                100.0 * FLIP
            ),
            Effect::wilson(flips, l1.len() * spec.rounds, "resample-pairs"),
            Rope::symmetric(FLIP),
            Direction::Greater,
        ));
    }
    let (l1, en) = (rows("L1", "1-SE"), rows("elastic net", "1-SE"));
    let (mut b, mut c, mut n) = (0, 0, 0);
    for (q1, qe) in l1.iter().zip(&en) {
        for (&both_l1, &both_en) in q1.both_by_round.iter().zip(&qe.both_by_round) {
            b += usize::from(both_en && !both_l1);
            c += usize::from(both_l1 && !both_en);
            n += 1;
        }
    }
    fs.push(Finding::new(
        "elastic-net-groups",
        "elastic net keeps both twins of a pair more often than L1 (one-SE α, same resamples)",
        Effect::paired_proportions(b, c, n),
        Rope::score(),
        Direction::Greater,
    ));
    let findings = fs.into_vec();
    let corr: Vec<String> = r
        .sample_correlation
        .iter()
        .map(|c| evidence::number(*c))
        .collect();
    let reading = format!(
        "The twins' sample correlations are {}; each penalty's α was chosen once on the full \
         sample and held over {} resamples. {}",
        corr.join(", "),
        spec.rounds,
        evidence::reading(&findings)
    );
    let results = InstabilityResults {
        instability: r,
        findings,
        reading,
    };
    Ok(Report::new("regularize", params.clone(), None, results))
}
