//! Probability calibration: does P(y = 1 | p̂ = p) equal p?
//!
//! - [`reliability`]: the reliability diagram, binned as scikit-learn's
//!   `calibration_curve` bins it (uniform or quantile edges), with the count in each bin;
//! - [`murphy`]: the Brier score's decomposition BS = REL − RES + UNC (Murphy 1973), with the
//!   within-bin terms that make it exact (Stephenson, Coelho & Jolliffe 2008);
//! - [`logistic_recalibration`]: the calibration intercept and slope (Cox 1958; Van Calster
//!   et al. 2016, 2019) and Platt scaling (Platt 1999), both logistic regressions on the logit;
//! - [`IsotonicRegression`]: pool-adjacent-violators, as scikit-learn's
//!   `IsotonicRegression(out_of_bounds="clip")`.

mod curve;
mod isotonic;
mod logit;
mod murphy;
#[cfg(test)]
mod tests;

pub use curve::{reliability, Bin, Binning, Reliability};
pub use isotonic::{pava, IsotonicRegression};
pub use logit::{logistic_recalibration, logit, CalibrationFit, Platt};
pub use murphy::{murphy, Murphy};
