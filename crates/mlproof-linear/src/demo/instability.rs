//! Instability: with pairs of strongly correlated features ("twins"), the lasso tends to
//! keep one twin and drop the other, and which one it keeps can flip from one bootstrap
//! resample to the next; ridge and elastic net spread the weight over both (Zou & Hastie,
//! 2005, §2.3, the grouping effect). Whether that happens on *this* data is measured.

use mlproof_core::progress::Observer;
use mlproof_core::seed;
use mlproof_core::{Error, Result};
use ndarray::{Array1, Array2, Axis};
use rayon::prelude::*;
use serde::Serialize;

use super::sparsity::PENALTIES;
use crate::design::Standardized;
use crate::enet::Gram;
use crate::path::{fit_path, PathOptions, Response};
use crate::penalty::Penalty;

/// `pairs` latent factors uₖ ~ N(0, 1), each observed twice as uₖ + s·e (correlation
/// `correlation` between twins), plus `noise_features` N(0, 1) columns;
/// y = Σₖ βₖuₖ + ε with β = 2, 1.5, 1, 2, 1.5, … and ε ~ N(0, 1).
#[derive(Debug, Clone, Serialize)]
pub struct InstabilitySpec {
    pub rows: usize,
    pub pairs: usize,
    pub noise_features: usize,
    pub correlation: f64,
    pub rounds: usize,
}

impl Default for InstabilitySpec {
    fn default() -> Self {
        InstabilitySpec {
            rows: 200,
            pairs: 3,
            noise_features: 4,
            correlation: 0.99,
            rounds: 100,
        }
    }
}

/// How one penalty treated one pair over the resamples (fractions of rounds).
#[derive(Debug, Clone, Serialize)]
pub struct PairSelection {
    pub penalty: &'static str,
    /// How α was chosen on the full sample: "min CV" or "1-SE".
    pub rule: &'static str,
    pub pair: usize,
    pub alpha: f64,
    pub both: f64,
    pub only_first: f64,
    pub only_second: f64,
    pub neither: f64,
    /// Mean and standard deviation of |w₁|/(|w₁| + |w₂|) over rounds where either is kept.
    pub share_mean: f64,
    pub share_sd: f64,
    /// Each twin was the only one kept in at least [`FLIP`] of the rounds.
    pub unstable: bool,
    /// Per round: whether both twins were kept (for paired comparisons of penalties, which
    /// see the same resamples).
    #[serde(skip)]
    pub both_by_round: Vec<bool>,
}

/// The fraction of rounds in which *each* twin must be the sole survivor for the choice to
/// count as flipping.
pub const FLIP: f64 = 0.1;

#[derive(Debug, Clone, Serialize)]
pub struct Instability {
    pub spec: InstabilitySpec,
    /// Correlation of each pair's twins in the sample.
    pub sample_correlation: Vec<f64>,
    pub rows: Vec<PairSelection>,
    /// Whether L1 flipped on at least one pair on this run.
    pub l1_unstable: bool,
}

/// The most bootstrap rounds the demo runs.
pub const MAX_ROUNDS: usize = 10_000;

/// The resamples refitted: each penalty at each of its two α.
pub fn fits(spec: &InstabilitySpec) -> usize {
    PENALTIES.len() * 2 * spec.rounds
}

/// Runs the demo; `progress` ticks once per refitted resample (see [`fits`]).
pub fn instability(
    spec: &InstabilitySpec,
    seed_value: u64,
    progress: &dyn Observer,
) -> Result<Instability> {
    if !(spec.correlation > 0.0 && spec.correlation < 1.0) {
        return Err(Error::param(
            "correlation",
            format!(
                "must be in (0, 1) (the twins' correlation), got {}",
                spec.correlation
            ),
        ));
    }
    if !(2..=MAX_ROUNDS).contains(&spec.rounds) {
        return Err(Error::param(
            "rounds",
            format!(
                "must be 2 to {MAX_ROUNDS} bootstrap resamples, got {}",
                spec.rounds
            ),
        ));
    }
    if spec.pairs == 0 || spec.rows < 20 {
        return Err(Error::usage(format!(
            "the instability demo needs at least 1 pair and 20 rows, got {} pairs, {} rows",
            spec.pairs, spec.rows
        )));
    }
    progress.start("bootstrap resamples", fits(spec));
    let mut rng = seed::rng(seed_value, "demo/instability", 0);
    let latent = super::normal_matrix(&mut rng, spec.rows, spec.pairs);
    let s = (1.0 / spec.correlation - 1.0).sqrt();
    let p = 2 * spec.pairs + spec.noise_features;
    let extra = super::normal_matrix(&mut rng, spec.rows, p);
    let x = Array2::from_shape_fn((spec.rows, p), |(i, j)| {
        if j < 2 * spec.pairs {
            latent[[i, j / 2]] + s * extra[[i, j]]
        } else {
            extra[[i, j]]
        }
    });
    let beta = Array1::from_shape_fn(spec.pairs, |k| [2.0, 1.5, 1.0][k % 3]);
    let noise = Array1::from_shape_simple_fn(spec.rows, || seed::standard_normal(&mut rng));
    let y = latent.dot(&beta) + noise;
    let sample_correlation = (0..spec.pairs)
        .map(|k| pearson(x.column(2 * k).to_vec(), x.column(2 * k + 1).to_vec()))
        .collect();
    let mut rows = Vec::new();
    for (penalty, l1_ratio) in PENALTIES {
        // α by 5-fold CV on the full sample (minimum and one-SE rule), then held fixed
        // over the resamples.
        let mut opts = PathOptions::new(l1_ratio);
        opts.seed = seed_value;
        let path = fit_path(&x, &Response::Continuous(y.clone()), &opts)?;
        for (rule, i) in [("min CV", path.best), ("1-SE", path.one_se)] {
            let alpha = path.points[i].alpha;
            let pen = Penalty::new(alpha, l1_ratio)?;
            let coefs = bootstrap(&x, &y, pen, spec, seed_value, progress);
            for k in 0..spec.pairs {
                rows.push(pair_selection(penalty, rule, k, alpha, &coefs));
            }
        }
    }
    progress.finish();
    let l1_unstable = rows.iter().any(|r| r.penalty == "L1" && r.unstable);
    Ok(Instability {
        spec: spec.clone(),
        sample_correlation,
        rows,
        l1_unstable,
    })
}

/// The coefficients refitted at `pen` on each bootstrap resample of the rows.
fn bootstrap(
    x: &Array2<f64>,
    y: &Array1<f64>,
    pen: Penalty,
    spec: &InstabilitySpec,
    seed_value: u64,
    progress: &dyn Observer,
) -> Vec<Array1<f64>> {
    let p = x.ncols();
    (0..spec.rounds)
        .into_par_iter()
        .map(|r| {
            let mut rng = seed::rng(seed_value, "demo/instability/bootstrap", r as u64);
            let rows: Vec<usize> = (0..spec.rows)
                .map(|_| rand::Rng::gen_range(&mut rng, 0..spec.rows))
                .collect();
            let z = Standardized::fit(&x.select(Axis(0), &rows)).z;
            let gram = Gram::new(&z, &y.select(Axis(0), &rows));
            let coef = gram.solve(pen, &Array1::zeros(p)).coef;
            progress.tick();
            coef
        })
        .collect()
}

fn pair_selection(
    penalty: &'static str,
    rule: &'static str,
    k: usize,
    alpha: f64,
    coefs: &[Array1<f64>],
) -> PairSelection {
    let n = coefs.len() as f64;
    let (mut both, mut first, mut second) = (0.0, 0.0, 0.0);
    let mut shares = Vec::new();
    let mut both_by_round = Vec::with_capacity(coefs.len());
    for w in coefs {
        let (a, b) = (w[2 * k].abs(), w[2 * k + 1].abs());
        both_by_round.push(a > 0.0 && b > 0.0);
        match (a > 0.0, b > 0.0) {
            (true, true) => both += 1.0,
            (true, false) => first += 1.0,
            (false, true) => second += 1.0,
            (false, false) => {}
        }
        if a + b > 0.0 {
            shares.push(a / (a + b));
        }
    }
    let m = shares.len().max(1) as f64;
    let share_mean = shares.iter().sum::<f64>() / m;
    let share_sd = (shares.iter().map(|s| (s - share_mean).powi(2)).sum::<f64>() / m).sqrt();
    let (only_first, only_second) = (first / n, second / n);
    PairSelection {
        penalty,
        rule,
        pair: k + 1,
        alpha,
        both: both / n,
        only_first,
        only_second,
        neither: 1.0 - (both + first + second) / n,
        share_mean,
        share_sd,
        unstable: only_first >= FLIP && only_second >= FLIP,
        both_by_round,
    }
}

fn pearson(a: Vec<f64>, b: Vec<f64>) -> f64 {
    let n = a.len() as f64;
    let (ma, mb) = (a.iter().sum::<f64>() / n, b.iter().sum::<f64>() / n);
    let cov: f64 = a.iter().zip(&b).map(|(x, y)| (x - ma) * (y - mb)).sum();
    let va: f64 = a.iter().map(|x| (x - ma).powi(2)).sum();
    let vb: f64 = b.iter().map(|y| (y - mb).powi(2)).sum();
    cov / (va * vb).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_add_up_and_ridge_always_keeps_both_twins() {
        let spec = InstabilitySpec {
            rounds: 20,
            ..InstabilitySpec::default()
        };
        let r = instability(&spec, 3, &mlproof_core::progress::Silent).unwrap();
        assert_eq!(r.rows.len(), 18);
        for row in &r.rows {
            let total = row.both + row.only_first + row.only_second + row.neither;
            assert!((total - 1.0).abs() < 1e-12);
        }
        for row in r.rows.iter().filter(|r| r.penalty == "L2") {
            assert_eq!(row.both, 1.0);
            assert!(!row.unstable);
        }
        assert!(r.sample_correlation.iter().all(|&c| c > 0.85));
    }

    #[test]
    fn the_verdict_follows_the_counts() {
        let w = |a: f64, b: f64| Array1::from(vec![a, b]);
        let flips: Vec<_> = (0..10)
            .map(|i| if i < 5 { w(1.0, 0.0) } else { w(0.0, 1.0) })
            .collect();
        assert!(pair_selection("L1", "1-SE", 0, 0.1, &flips).unstable);
        let steady: Vec<_> = (0..10).map(|_| w(1.0, 0.0)).collect();
        let s = pair_selection("L1", "1-SE", 0, 0.1, &steady);
        assert!(!s.unstable && s.only_first == 1.0 && s.share_sd == 0.0);
    }
}
