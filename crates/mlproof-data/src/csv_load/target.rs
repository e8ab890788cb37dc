//! The target column: a class target (labels by their text) or a continuous one.

use std::collections::HashSet;

use ndarray::Array1;

use super::{Column, CsvOptions, MAX_INTEGER_CLASSES};
use crate::dataset::{Target, Task};
use crate::labels::{self, NumKey};
use crate::DataError;

impl Column<'_> {
    pub(super) fn target(&self, opts: &CsvOptions) -> Result<Target, DataError> {
        self.check_missing()?;
        let numbers = self.numbers()?;
        if let Err(non_numeric) = &numbers {
            self.check_typos(non_numeric)?;
        }
        let task = opts.task.unwrap_or_else(|| match &numbers {
            Ok(_) => self.numeric_task(),
            Err(_) => Task::Classification,
        });
        match (task, numbers) {
            (Task::Regression, Ok(v)) => Ok(Target::Continuous { y: Array1::from(v) }),
            (Task::Regression, Err(rows)) => Err(DataError::new(format!(
                "{}: '{}' is not a number, so the target cannot be regressed on",
                self.at(rows[0]),
                self.cells[rows[0]]
            ))),
            (Task::Classification, numbers) => self.classes(numbers.is_ok()),
        }
    }

    /// Classes when every label is a whole number and at most [`MAX_INTEGER_CLASSES`]
    /// distinct labels occur (counted by their text, so long integers are not merged).
    fn numeric_task(&self) -> Task {
        let keys: Vec<NumKey> = self.cells.iter().filter_map(|c| NumKey::of(c)).collect();
        let distinct: HashSet<String> = keys
            .iter()
            .map(|k| match k {
                NumKey::Int { negative, digits } => format!("{negative}{digits}"),
                NumKey::Real(v) => format!("r{}", v.to_bits()),
            })
            .collect();
        if keys.iter().all(NumKey::is_integral) && distinct.len() <= MAX_INTEGER_CLASSES {
            Task::Classification
        } else {
            Task::Regression
        }
    }

    /// Class codes in label order; the positive class is the minority one (the caller sets
    /// a named one).
    fn classes(&self, numeric: bool) -> Result<Target, DataError> {
        let (classes, y) = labels::classes(&self.cells, numeric);
        if classes.len() < 2 {
            return Err(DataError::new(format!(
                "target '{}' in {} has one class only ('{}'); classification needs at least two",
                self.name, self.shown, classes[0]
            )));
        }
        let mut counts = vec![0usize; classes.len()];
        y.iter().for_each(|&c| counts[c] += 1);
        let positive = (0..classes.len())
            .rev()
            .min_by_key(|&c| counts[c])
            .unwrap_or(0);
        Ok(Target::Classes {
            y: Array1::from(y),
            classes,
            positive,
        })
    }
}
