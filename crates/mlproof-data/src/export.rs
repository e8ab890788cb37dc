//! Writing a dataset back out as CSV: the time column first (if any), the features, then
//! the target; categorical cells as their levels, classes by name.

use std::io::Write;

use crate::dataset::{Dataset, FeatureKind, Target};
use crate::DataError;

/// Writes `data` as CSV with a header row. Numbers use Rust's shortest round-trip form,
/// so reading the file back gives the same values.
pub fn write_csv(data: &Dataset, out: impl Write) -> Result<(), DataError> {
    let mut w = csv::Writer::from_writer(out);
    let fail = |e: csv::Error| DataError::new(format!("cannot write CSV: {e}"));
    let mut header: Vec<String> = Vec::new();
    if let Some((name, _)) = &data.time {
        header.push(name.clone());
    }
    header.extend(data.feature_names.iter().cloned());
    header.push(data.target_name.clone());
    w.write_record(&header).map_err(fail)?;
    for i in 0..data.n_rows() {
        let mut row: Vec<String> = Vec::with_capacity(header.len());
        if let Some((_, stamps)) = &data.time {
            row.push(stamps[i].clone());
        }
        for (j, kind) in data.feature_kinds.iter().enumerate() {
            let v = data.features[[i, j]];
            row.push(match kind {
                FeatureKind::Numeric => format!("{v}"),
                FeatureKind::Categorical { levels } => levels[v as usize].clone(),
            });
        }
        row.push(match &data.target {
            Target::Classes { y, classes, .. } => classes[y[i]].clone(),
            Target::Continuous { y } => format!("{}", y[i]),
        });
        w.write_record(&row).map_err(fail)?;
    }
    w.flush()
        .map_err(|e| DataError::new(format!("cannot write CSV: {e}")))
}

#[cfg(test)]
mod tests;
