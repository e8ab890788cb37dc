//! The in-memory dataset every command works on.

use ndarray::{Array1, Array2};
use serde::Serialize;

use crate::DataError;

/// How a feature column is represented.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum FeatureKind {
    Numeric,
    /// Stored as level codes `0..levels.len()` in the feature matrix, levels sorted.
    Categorical {
        levels: Vec<String>,
    },
}

/// Classification or regression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Task {
    Classification,
    Regression,
}

/// The target column.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// Class codes `0..classes.len()`; `positive` is the class binary metrics report on.
    Classes {
        y: Array1<usize>,
        classes: Vec<String>,
        positive: usize,
    },
    Continuous {
        y: Array1<f64>,
    },
}

/// Where a dataset came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Origin {
    /// Embedded in the binary; `source` is the provenance line of `datasets/README.md`.
    Bundled {
        source: String,
    },
    File {
        path: String,
    },
    /// A seeded generator; `truth` describes the known function or mechanism.
    Generated {
        truth: String,
    },
}

/// [`Dropped::reason`] of a column the user asked to drop.
pub const DROPPED_AS_ASKED: &str = "dropped as asked";

/// A column of the file left out of the features, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dropped {
    pub column: String,
    pub reason: String,
}

/// Features, target and, for time-ordered data, the time stamp of each row (rows are in
/// time order).
#[derive(Debug, Clone)]
pub struct Dataset {
    pub name: String,
    pub origin: Origin,
    pub features: Array2<f64>,
    pub feature_names: Vec<String>,
    pub feature_kinds: Vec<FeatureKind>,
    pub target_name: String,
    pub target: Target,
    pub time: Option<(String, Vec<String>)>,
    /// Whether the user named the positive class. A target with more than two classes has
    /// no default positive class: binary experiments need one named (one-vs-rest).
    pub positive_named: bool,
    /// Columns of the source left out of the features (ID-like or asked to be dropped).
    pub dropped: Vec<Dropped>,
}

/// The facts about a dataset every report carries (`dataset` in JSON output).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DatasetSummary {
    pub name: String,
    pub rows: usize,
    pub features: usize,
    pub numeric_features: usize,
    pub categorical_features: usize,
    pub target: String,
    pub task: Task,
    /// The positive class's name (classification only).
    pub positive_class: Option<String>,
    pub positives: Option<usize>,
    /// Majority-class count / positive-class count, as KEEL reports it.
    pub imbalance_ratio: Option<f64>,
    pub time_column: Option<String>,
    pub origin: Origin,
    /// The number of classes (classification only).
    pub classes: Option<usize>,
    /// True when a target with more than two classes is read as the positive class against
    /// the rest of them.
    pub one_vs_rest: bool,
    /// Columns of the source left out of the features, and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dropped_columns: Vec<Dropped>,
}

impl Dataset {
    pub fn n_rows(&self) -> usize {
        self.features.nrows()
    }

    pub fn n_features(&self) -> usize {
        self.features.ncols()
    }

    pub fn task(&self) -> Task {
        match self.target {
            Target::Classes { .. } => Task::Classification,
            Target::Continuous { .. } => Task::Regression,
        }
    }

    pub fn n_categorical(&self) -> usize {
        self.feature_kinds
            .iter()
            .filter(|k| matches!(k, FeatureKind::Categorical { .. }))
            .count()
    }

    /// Rows per class, in class-code order (empty for a continuous target).
    pub fn class_counts(&self) -> Vec<usize> {
        match &self.target {
            Target::Classes { y, classes, .. } => {
                let mut counts = vec![0; classes.len()];
                y.iter().for_each(|&c| counts[c] += 1);
                counts
            }
            Target::Continuous { .. } => Vec::new(),
        }
    }

    /// The target as positive (1) versus every other class (0).
    ///
    /// Errors for a continuous target: the caller needs classes.
    pub fn binary_target(&self) -> Result<Array1<usize>, DataError> {
        match &self.target {
            Target::Classes {
                y,
                positive,
                classes,
            } => {
                if classes.len() > 2 && !self.positive_named {
                    let counts = self.class_counts();
                    return Err(DataError::param(
                        "positive",
                        format!(
                            "is required: target '{}' of {} has {} classes ({}); this command \
                             scores one class against the rest, so name that class \
                             (tree compare and tree split use every class)",
                            self.target_name,
                            self.name,
                            classes.len(),
                            crate::labels::listing(classes, &counts, 12)
                        ),
                    ));
                }
                let binary = y.mapv(|c| usize::from(c == *positive));
                let positives = binary.sum();
                let (rows, class) = if positives < binary.len() - positives {
                    (positives, format!("'{}'", classes[*positive]))
                } else if classes.len() > 2 {
                    (
                        binary.len() - positives,
                        format!("every class but '{}'", classes[*positive]),
                    )
                } else {
                    (
                        binary.len() - positives,
                        format!("'{}'", classes[1 - *positive]),
                    )
                };
                if rows == 0 {
                    return Err(DataError::new(format!(
                        "target '{}' in {} has one class only here; a classifier needs at least \
                         two of each class (one to train on, one to test)",
                        self.target_name, self.name
                    )));
                }
                if rows == 1 {
                    return Err(DataError::new(format!(
                        "class {class} of target '{}' in {} has 1 row; a classifier needs at least \
                         two of each class (one to train on, one to test)",
                        self.target_name, self.name
                    )));
                }
                Ok(binary)
            }
            Target::Continuous { .. } => Err(DataError::param(
                "target",
                format!(
                    "'{}' of {} is continuous; this command needs a class target \
                     (choose another column, or a classification dataset)",
                    self.target_name, self.name
                ),
            )),
        }
    }

    /// The values of a continuous target.
    ///
    /// Errors for a class target: the caller needs a regression target.
    pub fn continuous_target(&self) -> Result<&Array1<f64>, DataError> {
        match &self.target {
            Target::Continuous { y } => Ok(y),
            Target::Classes { .. } => Err(DataError::new(format!(
                "target '{}' of {} holds classes; this needs a numeric target to regress on",
                self.target_name, self.name
            ))),
        }
    }

    /// The class codes of a class target (all classes, not binarised): what stratified
    /// splitting should keep in proportion.
    pub fn class_codes(&self) -> Option<Vec<usize>> {
        match &self.target {
            Target::Classes { y, .. } => Some(y.to_vec()),
            Target::Continuous { .. } => None,
        }
    }

    /// The positive class's name, for a class target.
    pub fn positive_class(&self) -> Option<&str> {
        match &self.target {
            Target::Classes {
                classes, positive, ..
            } => Some(&classes[*positive]),
            Target::Continuous { .. } => None,
        }
    }

    /// Makes the class named `wanted` the positive one (by spelling, or by value for
    /// numbers). With more than two classes the dataset's name says so: `iris ('virginica'
    /// vs rest)`, which every title and report then carries.
    pub fn set_positive(&mut self, wanted: &str) -> Result<(), DataError> {
        match &mut self.target {
            Target::Classes {
                classes, positive, ..
            } => {
                *positive = crate::labels::find(classes, wanted).ok_or_else(|| {
                    DataError::param(
                        "positive",
                        format!(
                            "'{wanted}' is not a class of '{}'; its classes are: {}",
                            self.target_name,
                            classes.join(", ")
                        ),
                    )
                })?;
                if classes.len() > 2 && !self.positive_named {
                    self.name = format!("{} ('{}' vs rest)", self.name, classes[*positive]);
                }
                self.positive_named = true;
                Ok(())
            }
            Target::Continuous { .. } => Err(DataError::param(
                "positive",
                format!(
                    "applies to class targets; '{}' is continuous",
                    self.target_name
                ),
            )),
        }
    }

    pub fn summary(&self) -> DatasetSummary {
        let counts = self.class_counts();
        let (positives, imbalance_ratio) = match &self.target {
            Target::Classes { positive, .. } => {
                let pos = counts[*positive];
                let majority = counts.iter().copied().max().unwrap_or(0);
                (Some(pos), Some(majority as f64 / pos as f64))
            }
            Target::Continuous { .. } => (None, None),
        };
        DatasetSummary {
            name: self.name.clone(),
            rows: self.n_rows(),
            features: self.n_features(),
            numeric_features: self.n_features() - self.n_categorical(),
            categorical_features: self.n_categorical(),
            target: self.target_name.clone(),
            task: self.task(),
            positive_class: self.positive_class().map(str::to_owned),
            positives,
            imbalance_ratio,
            time_column: self.time.as_ref().map(|(name, _)| name.clone()),
            origin: self.origin.clone(),
            classes: (!counts.is_empty()).then_some(counts.len()),
            one_vs_rest: counts.len() > 2 && self.positive_named,
            dropped_columns: self.dropped.clone(),
        }
    }
}
