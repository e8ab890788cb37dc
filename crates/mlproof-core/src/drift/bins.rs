//! Histogram shares of a reference and a current sample over one set of bins.
//!
//! Two binnings (both give one bin per value when the reference has at most
//! [`MAX_VALUES_FOR_LEVELS`] distinct values, or the feature is categorical — evidently's
//! rule):
//!
//! - [`Binning::Quantile`]: interior edges at the reference's deciles (NumPy's linear
//!   percentiles, duplicates dropped), outer bins open, each bin closed on the right — the
//!   credit-scoring convention (Siddiqi 2006, *Credit Risk Scorecards*, ch. 8);
//! - [`Binning::Sturges`]: evidently 0.7's `get_binned_data`: `numpy.histogram_bin_edges`
//!   with `bins="sturges"` over both samples together — ⌈range / (range / (log₂ n + 1))⌉
//!   equal-width bins from the pooled minimum to the pooled maximum, each closed on the left
//!   and the last on both sides.
//!
//! Empty shares are floored (for PSI and KL, which divide by them) as evidently does, each
//! sample on its own: an empty bin gets 10⁻⁴, or the smallest non-empty share / 10⁶ when that
//! share is at most 10⁻⁴.

use serde::Serialize;

/// One bin per value at or below this many distinct reference values (evidently's 20).
pub const MAX_VALUES_FOR_LEVELS: usize = 20;

/// How the bins of a numeric feature are chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Binning {
    /// The reference's deciles.
    Quantile,
    /// Sturges' equal-width bins over both samples (evidently 0.7).
    Sturges,
}

impl Binning {
    pub fn name(self) -> &'static str {
        match self {
            Binning::Quantile => "quantile",
            Binning::Sturges => "sturges",
        }
    }
}

/// The share of each sample in each bin (unfloored: each sums to 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Shares {
    pub reference: Vec<f64>,
    pub current: Vec<f64>,
    /// Whether the bins are the distinct values rather than intervals.
    pub per_value: bool,
}

impl Shares {
    pub fn n_bins(&self) -> usize {
        self.reference.len()
    }

    /// Both share vectors with empty bins floored (see the module documentation).
    pub fn floored(&self) -> (Vec<f64>, Vec<f64>) {
        (floor_empty(&self.reference), floor_empty(&self.current))
    }
}

/// The shares of `reference` and `current` (neither empty) under `binning`; `categorical`
/// values (level codes) always get one bin per value.
pub fn binned_shares(
    reference: &[f64],
    current: &[f64],
    binning: Binning,
    categorical: bool,
) -> Shares {
    if categorical || distinct(reference).len() <= MAX_VALUES_FOR_LEVELS {
        return per_value(reference, current);
    }
    let (r, c) = match binning {
        Binning::Quantile => {
            let edges = decile_edges(reference);
            (
                right_closed_counts(reference, &edges),
                right_closed_counts(current, &edges),
            )
        }
        Binning::Sturges => {
            let pooled: Vec<f64> = reference.iter().chain(current).copied().collect();
            let edges = sturges_edges(&pooled);
            (
                numpy_histogram(reference, &edges),
                numpy_histogram(current, &edges),
            )
        }
    };
    Shares {
        reference: to_shares(&r, reference.len()),
        current: to_shares(&c, current.len()),
        per_value: false,
    }
}

fn distinct(v: &[f64]) -> Vec<f64> {
    let mut d = v.to_vec();
    d.sort_by(f64::total_cmp);
    d.dedup();
    d
}

fn to_shares(counts: &[usize], n: usize) -> Vec<f64> {
    counts.iter().map(|&k| k as f64 / n as f64).collect()
}

/// One bin per distinct value of either sample, in ascending order.
fn per_value(reference: &[f64], current: &[f64]) -> Shares {
    let pooled: Vec<f64> = reference.iter().chain(current).copied().collect();
    let keys = distinct(&pooled);
    let count = |v: &[f64]| {
        let mut c = vec![0usize; keys.len()];
        for x in v {
            if let Ok(i) = keys.binary_search_by(|k| k.total_cmp(x)) {
                c[i] += 1;
            }
        }
        c
    };
    Shares {
        reference: to_shares(&count(reference), reference.len()),
        current: to_shares(&count(current), current.len()),
        per_value: true,
    }
}

/// The reference's 10th … 90th percentiles (linear interpolation), duplicates dropped.
pub fn decile_edges(reference: &[f64]) -> Vec<f64> {
    let mut s = reference.to_vec();
    s.sort_by(f64::total_cmp);
    let n = s.len();
    let mut edges: Vec<f64> = (1..10)
        .map(|k| {
            let pos = k as f64 / 10.0 * (n - 1) as f64;
            let (i, frac) = (pos.floor() as usize, pos.fract());
            let next = s[(i + 1).min(n - 1)];
            s[i] + frac * (next - s[i])
        })
        .collect();
    edges.dedup();
    edges
}

/// Counts with bins (−∞, e₁], (e₁, e₂], …, (e_k, ∞).
fn right_closed_counts(v: &[f64], edges: &[f64]) -> Vec<usize> {
    let mut c = vec![0usize; edges.len() + 1];
    for x in v {
        c[edges.partition_point(|e| e < x)] += 1;
    }
    c
}

/// `numpy.histogram_bin_edges(pooled, bins="sturges")`: width = range / (log₂ n + 1),
/// ⌈range / width⌉ bins, edges by `numpy.linspace` (start + i·step, the last set to the end).
pub fn sturges_edges(pooled: &[f64]) -> Vec<f64> {
    let (mut lo, mut hi) = pooled
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &x| {
            (a.min(x), b.max(x))
        });
    if lo == hi {
        lo -= 0.5;
        hi += 0.5;
    }
    let ptp = pooled.iter().fold(f64::NEG_INFINITY, |a, &x| a.max(x))
        - pooled.iter().fold(f64::INFINITY, |a, &x| a.min(x));
    let width = ptp / ((pooled.len() as f64).log2() + 1.0);
    let bins = if width > 0.0 {
        ((hi - lo) / width).ceil() as usize
    } else {
        1
    };
    let step = (hi - lo) / bins as f64;
    let mut edges: Vec<f64> = (0..=bins).map(|i| i as f64 * step + lo).collect();
    edges[bins] = hi;
    edges
}

/// `numpy.histogram(v, edges)[0]`: bins [eᵢ, eᵢ₊₁), the last closed; values outside dropped.
fn numpy_histogram(v: &[f64], edges: &[f64]) -> Vec<usize> {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let k = edges.len();
    let mut cum: Vec<usize> = edges[..k - 1]
        .iter()
        .map(|e| s.partition_point(|x| x < e))
        .collect();
    cum.push(s.partition_point(|x| x <= &edges[k - 1]));
    cum.windows(2).map(|w| w[1] - w[0]).collect()
}

/// Empty shares replaced by 10⁻⁴, or by min(non-empty) / 10⁶ when that is at most 10⁻⁴.
pub fn floor_empty(shares: &[f64]) -> Vec<f64> {
    let smallest = shares
        .iter()
        .copied()
        .filter(|&s| s != 0.0)
        .fold(f64::INFINITY, f64::min);
    let fill = if smallest <= 1e-4 {
        smallest / 1e6
    } else {
        1e-4
    };
    shares
        .iter()
        .map(|&s| if s == 0.0 { fill } else { s })
        .collect()
}
