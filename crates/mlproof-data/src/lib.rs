//! Datasets for mlproof.
//!
//! * [`Dataset`]: features as `f64` in an `ndarray` matrix (categorical columns hold level
//!   codes), a class or continuous [`Target`], optional time order.
//! * [`registry`]: the real datasets embedded in the binary (KEEL imbalanced sets, S&P 500
//!   daily returns) and the seeded generators, all listed by name.
//! * [`csv_load`]: a user's CSV with per-column type inference and one-line errors.
//! * [`seed`]: the seed policy every random step in mlproof follows.
//! * [`labels`], [`time`]: class labels by their text, time stamps on one time line.

mod columns;
pub mod csv_load;
pub mod dataset;
pub mod encode;
mod error;
pub mod export;
pub mod generate;
pub mod labels;
pub mod registry;
pub mod retarget;
pub mod seed;
pub mod time;

pub use csv_load::{load_csv, CsvOptions};
pub use dataset::{Dataset, DatasetSummary, Dropped, FeatureKind, Origin, Target, Task};
pub use error::DataError;
