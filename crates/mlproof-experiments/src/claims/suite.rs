//! A suite: every claim on every dataset of a collection, the claim × dataset matrix, and per
//! claim the count of each verdict and a Wilcoxon signed-rank test of its effect over
//! datasets (Demšar 2006, "Statistical comparisons of classifiers over multiple data sets",
//! JMLR 7).

use mlproof_core::evidence::Finding;
use mlproof_core::params::Checked;
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::Result;
use mlproof_data::{Dataset, DatasetSummary};
use rayon::prelude::*;
use serde::Serialize;

use super::{run, Judged, Params, CATALOGUE};
use mlproof_core::progress::Silent;

/// One dataset's claims.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub dataset: DatasetSummary,
    pub claims: Vec<Judged>,
}

/// One claim over the suite.
#[derive(Debug, Clone, Serialize)]
pub struct Tally {
    pub id: &'static str,
    pub holds: usize,
    pub does_not_hold: usize,
    pub inconclusive: usize,
    pub not_applicable: usize,
    /// The signed-rank test of the per-dataset estimates against 0, where at least two
    /// datasets give one.
    pub signed_rank: Option<SignedRank>,
}

/// Wilcoxon's signed-rank test: `statistic` is min(W⁺, W⁻) over the non-zero effects,
/// `p_value` two-sided — exact (the distribution of W⁺ enumerated) without ties among the
/// |effects| and n ≤ 50, else the normal approximation with the tie correction (SciPy's
/// `wilcoxon`, `zero_method="wilcox"`, `method="auto"`).
#[derive(Debug, Clone, Serialize)]
pub struct SignedRank {
    pub n: usize,
    pub statistic: f64,
    pub p_value: f64,
    pub method: &'static str,
    /// The median of the per-dataset estimates.
    pub median_effect: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct SuiteResults {
    pub datasets: Vec<Entry>,
    pub tallies: Vec<Tally>,
    /// Every dataset's evidence, each id prefixed by its dataset (`pima/model-beats-baseline`).
    pub findings: Vec<Finding>,
    pub reading: String,
}

/// Runs the claims on each dataset (in parallel, gathered in order).
pub fn suite(
    data: &[Dataset],
    params: &Checked<Params>,
    progress: &dyn Observer,
) -> Result<Report<Checked<Params>, SuiteResults>> {
    progress.start("datasets", data.len());
    let entries = data
        .par_iter()
        .map(|d| {
            let r = run(d, params, &Silent)?;
            progress.tick();
            Ok(Entry {
                dataset: d.summary(),
                claims: r.results.claims,
            })
        })
        .collect::<Result<Vec<Entry>>>()?;
    progress.finish();
    let tallies = CATALOGUE
        .iter()
        .filter(|c| params.only.is_empty() || params.only.iter().any(|o| o == c.id))
        .map(|c| tally(c.id, &entries))
        .collect::<Vec<_>>();
    let mut findings = Vec::new();
    for e in &entries {
        for c in &e.claims {
            if let Some(f) = &c.evidence {
                let mut f = f.clone();
                f.id = format!("{}/{}", e.dataset.name, f.id);
                f.statement = format!("on {}, {}", e.dataset.name, f.statement);
                findings.push(f);
            }
        }
    }
    let reading = mlproof_core::evidence::reading(&findings);
    let results = SuiteResults {
        datasets: entries,
        tallies,
        findings,
        reading,
    };
    Ok(Report::new("claims", params.clone(), None, results))
}

fn tally(id: &'static str, entries: &[Entry]) -> Tally {
    let judged: Vec<&Judged> = entries
        .iter()
        .filter_map(|e| e.claims.iter().find(|c| c.id == id))
        .collect();
    let count = |v: &str| judged.iter().filter(|c| c.verdict == v).count();
    let effects: Vec<f64> = judged
        .iter()
        .filter_map(|c| c.evidence.as_ref().map(|f| f.estimate))
        .collect();
    Tally {
        id,
        holds: count("holds"),
        does_not_hold: count("does not hold"),
        inconclusive: count("inconclusive"),
        not_applicable: count("not applicable"),
        signed_rank: signed_rank(&effects),
    }
}

/// Wilcoxon's signed-rank test of `effects` against 0 (see [`SignedRank`]).
pub fn signed_rank(effects: &[f64]) -> Option<SignedRank> {
    let mut sorted = effects.to_vec();
    sorted.sort_by(f64::total_cmp);
    let median_effect = match sorted.len() {
        0 => return None,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    };
    let nonzero: Vec<f64> = effects.iter().copied().filter(|&e| e != 0.0).collect();
    let n = nonzero.len();
    if n < 2 {
        return None;
    }
    // Average ranks of |effect|.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| nonzero[a].abs().total_cmp(&nonzero[b].abs()));
    let mut ranks = vec![0.0; n];
    let mut ties = false;
    let mut tie_term = 0.0;
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j + 1 < n && nonzero[order[j + 1]].abs() == nonzero[order[i]].abs() {
            j += 1;
        }
        let t = (j - i + 1) as f64;
        if j > i {
            ties = true;
            tie_term += t * t * t - t;
        }
        for &k in &order[i..=j] {
            ranks[k] = (i + j) as f64 / 2.0 + 1.0;
        }
        i = j + 1;
    }
    let w_plus: f64 = (0..n).filter(|&k| nonzero[k] > 0.0).map(|k| ranks[k]).sum();
    let total = (n * (n + 1)) as f64 / 2.0;
    let statistic = w_plus.min(total - w_plus);
    let (p_value, method) = if !ties && n <= 50 {
        // counts[s] = number of sign patterns with W⁺ = s.
        let max = n * (n + 1) / 2;
        let mut counts = vec![0f64; max + 1];
        counts[0] = 1.0;
        for r in 1..=n {
            for s in (r..=max).rev() {
                counts[s] += counts[s - r];
            }
        }
        let all = 2f64.powi(n as i32);
        let at_most = counts[..=statistic as usize].iter().sum::<f64>() / all;
        ((2.0 * at_most).min(1.0), "exact")
    } else {
        let nf = n as f64;
        let mean = nf * (nf + 1.0) / 4.0;
        let var = nf * (nf + 1.0) * (2.0 * nf + 1.0) / 24.0 - tie_term / 48.0;
        let z = (statistic - mean) / var.sqrt();
        let p = 2.0 * (1.0 - normal_cdf(z.abs()));
        (p.min(1.0), "normal approximation")
    };
    Some(SignedRank {
        n,
        statistic,
        p_value,
        method,
        median_effect,
    })
}

fn normal_cdf(z: f64) -> f64 {
    use statrs::distribution::{ContinuousCDF, Normal};
    Normal::standard().cdf(z)
}
