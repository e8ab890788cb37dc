//! Drift statistics: how far the distribution of a feature in a current window has moved
//! from a reference window.
//!
//! Two-sample statistics, each with the definition of the library it is checked against:
//!
//! - [`bins`]: the shares a histogram puts in each bin — the reference's deciles (the
//!   credit-scoring convention), or evidently 0.7's Sturges edges over both samples — with
//!   evidently's flooring of empty bins;
//! - [`divergence`]: the population stability index, the Kullback–Leibler divergence and the
//!   Jensen–Shannon distance over those shares, and the sample-size-aware no-drift bound of
//!   the PSI;
//! - [`ks`]: the two-sample Kolmogorov–Smirnov statistic and p-value, with
//!   `scipy.stats.ks_2samp`'s choice between its exact and asymptotic methods
//!   ([`kolmogorov`] holds the one-sample distribution the asymptotic method uses);
//! - [`distance`]: the first Wasserstein distance between the two empirical distributions
//!   and Pearson's chi-square test of homogeneity for a categorical feature.

pub mod bins;
pub mod distance;
pub mod divergence;
pub mod kolmogorov;
pub mod ks;
#[cfg(test)]
mod tests;

pub use bins::{binned_shares, Binning, Shares};
pub use distance::{chi_square, wasserstein, ChiSquare};
pub use divergence::{jensen_shannon, kl_divergence, psi, psi_no_drift_bound, psi_no_drift_mean};
pub use ks::{ks_2samp, KsMethod, KsTest};
