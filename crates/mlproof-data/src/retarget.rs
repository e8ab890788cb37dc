//! Another column as the target: regress one feature of a bundled set on the others.

use std::collections::HashSet;

use ndarray::{Array1, Axis};

use crate::csv_load::MAX_INTEGER_CLASSES;
use crate::dataset::{Dataset, FeatureKind, Target, Task};
use crate::DataError;

/// The task a numeric column implies: classification when it holds at most
/// [`MAX_INTEGER_CLASSES`] distinct integers, regression otherwise (the CSV loader's rule).
pub fn infer_task(values: &[f64]) -> Task {
    let distinct: HashSet<u64> = values.iter().map(|x| x.to_bits()).collect();
    if values.iter().all(|x| x.fract() == 0.0) && distinct.len() <= MAX_INTEGER_CLASSES {
        Task::Classification
    } else {
        Task::Regression
    }
}

impl Dataset {
    /// The same rows with feature `column` as the target, the old target dropped. The task
    /// is `task` if given, else inferred by [`infer_task`] (a categorical column is always a
    /// class target). Classes are named by value; the positive class is the rarest.
    pub fn with_target_column(
        &self,
        column: &str,
        task: Option<Task>,
    ) -> Result<Dataset, DataError> {
        if column == self.target_name {
            return Ok(self.clone());
        }
        let j = self
            .feature_names
            .iter()
            .position(|n| n == column)
            .ok_or_else(|| {
                DataError::new(format!(
                    "{} has no column '{column}'; its columns are: {}",
                    self.name,
                    self.feature_names.join(", ")
                ))
            })?;
        let values = self.features.column(j).to_vec();
        let kind = &self.feature_kinds[j];
        let task = match (task, kind) {
            (Some(Task::Regression), FeatureKind::Categorical { .. }) => {
                return Err(DataError::new(format!(
                    "'{column}' is categorical, so it cannot be regressed on; choose a numeric column"
                )))
            }
            (Some(t), _) => t,
            (None, FeatureKind::Categorical { .. }) => Task::Classification,
            (None, FeatureKind::Numeric) => infer_task(&values),
        };
        let target = match task {
            Task::Regression => Target::Continuous {
                y: Array1::from(values),
            },
            Task::Classification => classes(&values, kind, column)?,
        };
        let keep: Vec<usize> = (0..self.n_features()).filter(|&k| k != j).collect();
        Ok(Dataset {
            name: self.name.clone(),
            origin: self.origin.clone(),
            features: self.features.select(Axis(1), &keep),
            feature_names: keep
                .iter()
                .map(|&k| self.feature_names[k].clone())
                .collect(),
            feature_kinds: keep
                .iter()
                .map(|&k| self.feature_kinds[k].clone())
                .collect(),
            target_name: column.to_owned(),
            target,
            time: self.time.clone(),
            positive_named: false,
            dropped: self.dropped.clone(),
        })
    }
}

fn classes(values: &[f64], kind: &FeatureKind, column: &str) -> Result<Target, DataError> {
    // −0 and 0 are one value: normalise before sorting with total_cmp.
    let values: Vec<f64> = values
        .iter()
        .map(|&v| if v == 0.0 { 0.0 } else { v })
        .collect();
    let mut distinct = values.clone();
    distinct.sort_by(f64::total_cmp);
    distinct.dedup_by(|a, b| a.total_cmp(b).is_eq());
    if distinct.len() < 2 {
        return Err(DataError::new(format!(
            "column '{column}' has one value only; a target needs at least two"
        )));
    }
    let names = match kind {
        FeatureKind::Categorical { levels } => distinct
            .iter()
            .map(|&c| levels[c as usize].clone())
            .collect(),
        FeatureKind::Numeric => distinct.iter().map(|v| format!("{v}")).collect(),
    };
    let y: Vec<usize> = values
        .iter()
        .map(|v| distinct.binary_search_by(|d| d.total_cmp(v)).unwrap_or(0))
        .collect();
    let mut counts = vec![0usize; distinct.len()];
    y.iter().for_each(|&c| counts[c] += 1);
    let positive = (0..counts.len())
        .rev()
        .min_by_key(|&c| counts[c])
        .unwrap_or(0);
    Ok(Target::Classes {
        y: Array1::from(y),
        classes: names,
        positive,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry;

    #[test]
    fn a_numeric_column_becomes_a_regression_target() {
        let pima = registry::load("pima", 0).unwrap();
        let d = pima.with_target_column("Mass", None).unwrap();
        assert_eq!(d.task(), Task::Regression);
        assert_eq!(d.n_features(), pima.n_features() - 1);
        assert!(!d.feature_names.contains(&"Mass".to_owned()));
        assert_eq!(d.target_name, "Mass");
        assert_eq!(d.continuous_target().unwrap().len(), pima.n_rows());
        assert!(
            pima.continuous_target().is_err(),
            "pima's own target holds classes"
        );
    }

    #[test]
    fn few_integers_are_classes_unless_the_task_is_given() {
        let w = registry::load("wisconsin", 0).unwrap();
        assert_eq!(
            w.with_target_column("CellSize", None).unwrap().task(),
            Task::Classification
        );
        let r = w
            .with_target_column("CellSize", Some(Task::Regression))
            .unwrap();
        assert_eq!(r.task(), Task::Regression);
        assert!(w.with_target_column("nope", None).is_err());
    }
}
