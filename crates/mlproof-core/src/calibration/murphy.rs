//! The Brier score's decomposition on the bins of a reliability diagram.
//!
//! With N rows in bins k of nₖ rows, mean prediction p̄ₖ, share of positives ōₖ and overall
//! share ō (Murphy 1973, *J. Applied Meteorology* 12:595):
//!
//!   REL = (1/N) Σₖ nₖ (p̄ₖ − ōₖ)²   (reliability: 0 when every bin is calibrated),
//!   RES = (1/N) Σₖ nₖ (ōₖ − ō)²    (resolution: how far the bins' rates spread from ō),
//!   UNC = ō (1 − ō)               (uncertainty: the Brier score of always predicting ō).
//!
//! BS = REL − RES + UNC is exact only when every row of a bin has the same prediction. For
//! binned continuous predictions the identity needs two within-bin terms (Stephenson, Coelho &
//! Jolliffe 2008, *Weather and Forecasting* 23:752):
//!
//!   BS = REL − RES + UNC + WBV − 2·WBC,
//!   WBV = (1/N) Σᵢ (pᵢ − p̄ₖ₍ᵢ₎)²,   WBC = (1/N) Σᵢ (oᵢ − ōₖ₍ᵢ₎)(pᵢ − p̄ₖ₍ᵢ₎).

use serde::Serialize;

use super::Reliability;

/// The decomposition and the terms that close it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Murphy {
    pub brier: f64,
    pub reliability: f64,
    pub resolution: f64,
    pub uncertainty: f64,
    /// Within-bin variance of the predictions.
    pub within_bin_variance: f64,
    /// Within-bin covariance of outcomes and predictions.
    pub within_bin_covariance: f64,
    /// BS − (REL − RES + UNC) = WBV − 2·WBC: what the three-term form leaves out.
    pub three_term_gap: f64,
}

/// The decomposition of the Brier score of `p` for `y` on `diagram`'s bins (made from the
/// same `y` and `p`).
pub fn murphy(y: &[usize], p: &[f64], diagram: &Reliability) -> Murphy {
    let n = y.len() as f64;
    let o: Vec<f64> = y.iter().map(|&v| f64::from(u8::from(v == 1))).collect();
    let o_bar = o.iter().sum::<f64>() / n;
    let bin_mean = |k: usize| {
        let b = &diagram.bins[k];
        (b.mean_predicted.unwrap_or(0.0), b.observed.unwrap_or(0.0))
    };
    let (mut rel, mut res) = (0.0, 0.0);
    for b in &diagram.bins {
        if let (Some(pk), Some(ok)) = (b.mean_predicted, b.observed) {
            rel += b.count as f64 * (pk - ok).powi(2);
            res += b.count as f64 * (ok - o_bar).powi(2);
        }
    }
    let (mut wbv, mut wbc, mut bs) = (0.0, 0.0, 0.0);
    for ((&k, &pi), &oi) in diagram.assignment.iter().zip(p).zip(&o) {
        let (pk, ok) = bin_mean(k);
        wbv += (pi - pk).powi(2);
        wbc += (oi - ok) * (pi - pk);
        bs += (pi - oi).powi(2);
    }
    let (rel, res, unc) = (rel / n, res / n, o_bar * (1.0 - o_bar));
    let brier = bs / n;
    Murphy {
        brier,
        reliability: rel,
        resolution: res,
        uncertainty: unc,
        within_bin_variance: wbv / n,
        within_bin_covariance: wbc / n,
        three_term_gap: brier - (rel - res + unc),
    }
}
