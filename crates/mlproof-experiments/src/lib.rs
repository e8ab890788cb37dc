//! mlproof's experiments: every demo as a library call.
//!
//! Each module is one experiment with the same shape:
//!
//! - `Params`: every option that changes a number, with its default (`Params::default()`)
//!   and the dataset used when none is named (`DEFAULT_DATASET`); `Check::check` validates
//!   it once and returns the only type `run` accepts; errors name the parameter
//!   (`max_depth`), never a command-line flag.
//! - `run(&Dataset, &Checked<Params>, &dyn Observer) -> Result<Report<…>>`: the typed,
//!   serialisable report (`{command, version, params, dataset, warnings, results}`), whose
//!   results carry `findings` (each judged by [`mlproof_core::evidence::decide`]) and a
//!   `reading` written from them.
//!
//! Nothing here formats for a terminal: the binary turns a report into a document.
//!
//! ```
//! use mlproof_core::params::Check;
//! use mlproof_core::progress::Silent;
//! use mlproof_experiments::metrics;
//!
//! let data = mlproof_data::registry::load(metrics::DEFAULT_DATASET, 42).unwrap();
//! let params = metrics::Params::default().check().unwrap();
//! let report = metrics::run(&data, &params, &Silent).unwrap();
//! assert!(!report.results.findings.is_empty());
//! ```

pub mod baseline;
pub mod bias_variance;
pub mod calibration;
pub mod claims;
pub mod common;
pub mod curves;
pub mod cv;
pub mod datasets;
pub mod drift;
pub mod features;
pub mod imbalance;
pub mod interpret;
pub mod leakage;
pub mod metrics;
pub mod model_card;
pub mod regularize;
pub mod resample;
pub mod split;
pub mod threshold;
pub mod tree;

pub use mlproof_core::evidence::{Finding, Verdict};
pub use mlproof_core::params::{Check, Checked};
pub use mlproof_core::progress::{Observer, Silent};
pub use mlproof_core::report::Report;
