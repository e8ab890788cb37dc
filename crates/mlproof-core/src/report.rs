//! The envelope every command's JSON output shares.

use mlproof_data::DatasetSummary;
use serde::Serialize;

/// `{ command, version, params, dataset, warnings, results }`: one object on stdout.
///
/// `params` always includes the seed, so a report carries what is needed to reproduce it.
#[derive(Debug, Serialize)]
pub struct Report<P: Serialize, R: Serialize> {
    pub command: String,
    pub version: &'static str,
    pub params: P,
    pub dataset: Option<DatasetSummary>,
    /// Everything also said on stderr as a warning.
    pub warnings: Vec<String>,
    pub results: R,
}

/// mlproof's version, as reported in every envelope.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

impl<P: Serialize, R: Serialize> Report<P, R> {
    pub fn new(command: &str, params: P, dataset: Option<DatasetSummary>, results: R) -> Self {
        Report {
            command: command.to_owned(),
            version: VERSION,
            params,
            dataset,
            warnings: Vec::new(),
            results,
        }
    }

    pub fn with_warnings(mut self, warnings: Vec<String>) -> Self {
        self.warnings = warnings;
        self
    }
}
