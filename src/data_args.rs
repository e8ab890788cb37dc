//! `--dataset NAME` or `--data FILE --target COLUMN`: how every command gets its data.

use std::path::PathBuf;

use clap::Args;
use mlproof_core::data::{load_csv, registry, CsvOptions, Dataset, Task};
use mlproof_core::{Error, Result};

#[derive(Debug, Clone, Args)]
pub struct DataArgs {
    /// A bundled dataset or generator (see `mlproof datasets`).
    #[arg(long, conflicts_with = "data")]
    pub dataset: Option<String>,

    /// Your own CSV file with a header row (read, never modified).
    #[arg(long, value_name = "FILE.csv", requires = "target")]
    pub data: Option<PathBuf>,

    /// The target column of --data; for `mlproof regularize`, also a column of --dataset.
    #[arg(long, value_name = "COLUMN")]
    pub target: Option<String>,

    /// The positive class of the target (default: the minority class).
    #[arg(long, value_name = "VALUE")]
    pub positive: Option<String>,

    /// A column that orders the rows in time (excluded from the features).
    #[arg(long, value_name = "COLUMN")]
    pub time_column: Option<String>,

    /// Columns to read as categorical whatever they look like (comma-separated).
    #[arg(long, value_name = "COLUMNS", value_delimiter = ',')]
    pub categorical: Vec<String>,
}

impl DataArgs {
    /// Whether the user named any data.
    pub fn given(&self) -> bool {
        self.dataset.is_some() || self.data.is_some()
    }

    /// Loads the data, defaulting to `default` when neither --dataset nor --data is given.
    pub fn load(&self, default: &str, seed: u64) -> Result<Dataset> {
        if self.dataset.is_some() || self.data.is_none() {
            if let Some(t) = &self.target {
                return Err(Error::usage(format!(
                    "--target {t} with a bundled dataset applies to `mlproof regularize` only; \
                     elsewhere --target names the target of --data FILE.csv only"
                )));
            }
        }
        self.load_with_task(default, seed, None)
    }

    /// As [`DataArgs::load`], with the task forced when `task` is given. With a bundled
    /// dataset, --target COLUMN makes that feature the target (the old target is dropped).
    pub fn load_with_task(&self, default: &str, seed: u64, task: Option<Task>) -> Result<Dataset> {
        match (&self.dataset, &self.data) {
            (_, Some(path)) => {
                let opts = CsvOptions {
                    target: self.target.clone().unwrap_or_default(),
                    positive: self.positive.clone(),
                    time_column: self.time_column.clone(),
                    categorical: self.categorical.clone(),
                    task,
                };
                crate::write::register_input(path);
                Ok(load_csv(path, &opts)?)
            }
            (name, None) => {
                if self.time_column.is_some() || !self.categorical.is_empty() {
                    return Err(Error::usage(
                        "--time-column and --categorical apply to --data FILE.csv only",
                    ));
                }
                let mut data = registry::load(name.as_deref().unwrap_or(default), seed)?;
                if let Some(column) = &self.target {
                    data = data.with_target_column(column, task)?;
                }
                if let Some(p) = &self.positive {
                    data.set_positive(p)?;
                }
                Ok(data)
            }
        }
    }
}
