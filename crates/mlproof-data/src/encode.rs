//! Turning mixed features into a numeric design matrix.

use ndarray::Array2;

use crate::dataset::{Dataset, FeatureKind};

/// One-hot encodes every categorical feature (one indicator column per level, as
/// scikit-learn's `OneHotEncoder(drop=None)`); numeric features pass through.
///
/// Levels are the dataset's schema, not statistics of the rows, so encoding before a split
/// leaks nothing. Column names are `feature=level`.
pub fn one_hot(data: &Dataset) -> (Array2<f64>, Vec<String>) {
    let mut names = Vec::new();
    let mut sources: Vec<(usize, Option<f64>)> = Vec::new();
    for (j, (name, kind)) in data
        .feature_names
        .iter()
        .zip(&data.feature_kinds)
        .enumerate()
    {
        match kind {
            FeatureKind::Numeric => {
                names.push(name.clone());
                sources.push((j, None));
            }
            FeatureKind::Categorical { levels } => {
                for (code, level) in levels.iter().enumerate() {
                    names.push(format!("{name}={level}"));
                    sources.push((j, Some(code as f64)));
                }
            }
        }
    }
    let x = &data.features;
    let encoded = Array2::from_shape_fn((x.nrows(), sources.len()), |(i, c)| match sources[c] {
        (j, None) => x[[i, j]],
        (j, Some(code)) => f64::from(u8::from(x[[i, j]] == code)),
    });
    (encoded, names)
}

#[cfg(test)]
mod tests;
