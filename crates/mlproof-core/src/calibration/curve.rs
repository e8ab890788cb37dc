//! The reliability diagram: predictions binned, each bin's mean prediction against the share
//! of positives in it.
//!
//! Binning as scikit-learn's `calibration_curve(y, p, n_bins, strategy)`:
//! - `uniform`: edges 0, 1/B, …, 1;
//! - `quantile`: edges at the 0, 1/B, …, 1 quantiles of the predictions (NumPy's `percentile`,
//!   linear interpolation), so bins hold about n/B rows each; tied predictions can make two
//!   edges equal and a bin empty.
//!
//! Row i goes to bin k = #{inner edges e < pᵢ} (NumPy's `searchsorted(edges[1:-1], p)`): a
//! prediction equal to an inner edge falls in the lower bin. scikit-learn returns the non-empty
//! bins only; here every bin is kept, with its count.

use serde::Serialize;

use crate::{Error, Result};

/// How the bin edges are placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Binning {
    /// Equal widths on [0, 1].
    Uniform,
    /// Equal counts: edges at the predictions' quantiles.
    Quantile,
}

impl std::fmt::Display for Binning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Binning::Uniform => "uniform",
            Binning::Quantile => "quantile",
        })
    }
}

/// One bin of the diagram.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bin {
    pub lower: f64,
    pub upper: f64,
    pub count: usize,
    pub positives: usize,
    /// Mean prediction of the bin's rows (scikit-learn's `prob_pred`); `None` when empty.
    pub mean_predicted: Option<f64>,
    /// Share of positives among them (scikit-learn's `prob_true`); `None` when empty.
    pub observed: Option<f64>,
}

/// The binned diagram.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reliability {
    pub binning: Binning,
    /// B + 1 edges.
    pub edges: Vec<f64>,
    pub bins: Vec<Bin>,
    /// The bin of every row (for the Murphy decomposition on the same bins).
    #[serde(skip)]
    pub assignment: Vec<usize>,
}

/// NumPy's `percentile(a, 100·q)` (method "linear") of sorted `a`, with its `_lerp`.
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * q;
    let lo = (h.floor() as usize).min(sorted.len() - 1);
    let hi = (lo + 1).min(sorted.len() - 1);
    let t = h - lo as f64;
    let (a, b) = (sorted[lo], sorted[hi]);
    let d = b - a;
    if t >= 0.5 {
        b - d * (1.0 - t)
    } else {
        a + d * t
    }
}

/// The reliability diagram of predictions `p` (in [0, 1]) for labels `y` (0/1) in `n_bins`
/// bins. Errors on empty or mismatched input, predictions outside [0, 1], or `n_bins` < 1.
pub fn reliability(y: &[usize], p: &[f64], n_bins: usize, binning: Binning) -> Result<Reliability> {
    if y.len() != p.len() || y.is_empty() {
        return Err(Error::input(format!(
            "a reliability diagram needs one prediction per label ({} labels, {} predictions)",
            y.len(),
            p.len()
        )));
    }
    if n_bins == 0 {
        return Err(Error::param("n_bins", "must be at least 1 (got 0)"));
    }
    if let Some(v) = p.iter().find(|v| !(0.0..=1.0).contains(*v)) {
        return Err(Error::input(format!(
            "probabilities must lie in [0, 1], found {v}"
        )));
    }
    let edges: Vec<f64> = match binning {
        Binning::Uniform => (0..=n_bins).map(|k| k as f64 / n_bins as f64).collect(),
        Binning::Quantile => {
            let mut sorted = p.to_vec();
            sorted.sort_by(f64::total_cmp);
            // NumPy's `linspace(0, 1, B + 1)` (k · (1/B), the last exactly 1), scaled to
            // percent and back as `percentile` does: the rounding decides which bin a
            // prediction on an edge falls in.
            let step = 1.0 / n_bins as f64;
            (0..=n_bins)
                .map(|k| {
                    let q = if k == n_bins { 1.0 } else { k as f64 * step };
                    quantile(&sorted, (q * 100.0) / 100.0)
                })
                .collect()
        }
    };
    let inner = &edges[1..n_bins];
    let assignment: Vec<usize> = p
        .iter()
        .map(|&v| inner.partition_point(|&e| e < v))
        .collect();
    let mut count = vec![0usize; n_bins];
    let mut positives = vec![0usize; n_bins];
    let mut sums = vec![0.0f64; n_bins];
    for ((&k, &v), &label) in assignment.iter().zip(p).zip(y) {
        count[k] += 1;
        positives[k] += usize::from(label == 1);
        sums[k] += v;
    }
    let bins = (0..n_bins)
        .map(|k| {
            let n = count[k] as f64;
            Bin {
                lower: edges[k],
                upper: edges[k + 1],
                count: count[k],
                positives: positives[k],
                mean_predicted: (count[k] > 0).then(|| sums[k] / n),
                observed: (count[k] > 0).then(|| positives[k] as f64 / n),
            }
        })
        .collect();
    Ok(Reliability {
        binning,
        edges,
        bins,
        assignment,
    })
}
