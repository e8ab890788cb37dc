//! Leaving feature columns out by name.

use ndarray::Axis;

use crate::dataset::{Dataset, Dropped};
use crate::DataError;

impl Dataset {
    /// The same rows without the features named in `names`; an unknown name is an error
    /// listing the columns, and the target cannot be dropped.
    pub fn drop_columns(&self, names: &[String]) -> Result<Dataset, DataError> {
        for name in names {
            if *name == self.target_name {
                return Err(DataError::param(
                    "drop",
                    format!("names '{name}', the target; it cannot be dropped"),
                ));
            }
            if !self.feature_names.contains(name) {
                return Err(DataError::param(
                    "drop",
                    format!(
                        "names '{name}', which is not a column of {}; its columns are: {}",
                        self.name,
                        self.feature_names.join(", ")
                    ),
                ));
            }
        }
        let keep: Vec<usize> = (0..self.n_features())
            .filter(|&j| !names.contains(&self.feature_names[j]))
            .collect();
        if keep.is_empty() {
            return Err(DataError::param(
                "drop",
                format!("would leave {} with no feature columns", self.name),
            ));
        }
        let mut out = self.clone();
        out.features = self.features.select(Axis(1), &keep);
        out.feature_names = keep
            .iter()
            .map(|&j| self.feature_names[j].clone())
            .collect();
        out.feature_kinds = keep
            .iter()
            .map(|&j| self.feature_kinds[j].clone())
            .collect();
        out.dropped.extend(names.iter().map(|n| Dropped {
            column: n.clone(),
            reason: crate::dataset::DROPPED_AS_ASKED.into(),
        }));
        Ok(out)
    }
}
