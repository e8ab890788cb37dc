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

    /// The positive class of the target (default, for two classes: the minority class).
    /// Required for a target with more than two classes, scored one-vs-rest; `tree compare`
    /// and `tree split` use every class natively.
    #[arg(long, value_name = "VALUE", allow_hyphen_values = true)]
    pub positive: Option<String>,

    /// A column that orders the rows in time (excluded from the features): numbers, ISO 8601
    /// dates (2020-04-03) or date-times (2020-04-03T14:05:00), or day/month dates.
    #[arg(long, value_name = "COLUMN")]
    pub time_column: Option<String>,

    /// How to read --time-column's stamps, e.g. %d/%m/%Y, %m/%d/%Y, %Y-%m-%d %H:%M:%S
    /// (needed when day and month cannot be told apart).
    #[arg(long, value_name = "FORMAT", requires = "time_column")]
    pub time_format: Option<String>,

    /// Columns to leave out of the features (comma-separated names). Text columns whose
    /// every value is distinct (IDs) are left out anyway, with a warning.
    #[arg(long, value_name = "COLUMNS", value_delimiter = ',')]
    pub drop: Vec<String>,

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
        let data = self.read(default, seed, task)?;
        for d in &data.dropped {
            if d.reason != mlproof_core::data::dataset::DROPPED_AS_ASKED {
                crate::warn!(
                    "mlproof: warning: column '{}' left out: {}",
                    d.column,
                    d.reason
                );
            }
        }
        Ok(data)
    }

    fn read(&self, default: &str, seed: u64, task: Option<Task>) -> Result<Dataset> {
        match (&self.dataset, &self.data) {
            (_, Some(path)) => {
                let opts = CsvOptions {
                    target: self.target.clone().unwrap_or_default(),
                    positive: self.positive.clone(),
                    time_column: self.time_column.clone(),
                    categorical: self.categorical.clone(),
                    task,
                    time_format: self.time_format.clone(),
                    drop: self.drop.clone(),
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
                if !self.drop.is_empty() {
                    data = data.drop_columns(&self.drop)?;
                }
                if let Some(p) = &self.positive {
                    data.set_positive(p)?;
                }
                Ok(data)
            }
        }
    }
}
