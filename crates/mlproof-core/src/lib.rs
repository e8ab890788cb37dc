//! mlproof's core: the error type, the seed policy, metrics with scikit-learn's exact
//! definitions, models over linfa, the hold-out split and the report envelope.

pub mod calibration;
pub mod drift;
mod error;
pub mod evidence;
pub mod holdout;
pub mod inspection;
pub mod metrics;
pub mod model;
pub mod neighbors;
pub mod params;
pub mod preprocess;
pub mod progress;
pub mod report;
pub mod stats;

pub use error::{Error, Result};
pub use mlproof_data as data;
pub use mlproof_data::seed;
