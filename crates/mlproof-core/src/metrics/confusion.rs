use serde::Serialize;

use super::{check_binary, check_same_length};
use crate::Result;

/// `C[i][j]` = rows of true class i predicted as class j (scikit-learn's
/// `confusion_matrix(y_true, y_pred, labels=range(n_classes))`).
pub fn confusion_matrix(
    y_true: &[usize],
    y_pred: &[usize],
    n_classes: usize,
) -> Result<Vec<Vec<u64>>> {
    check_same_length(y_true.len(), y_pred.len())?;
    let mut c = vec![vec![0u64; n_classes]; n_classes];
    for (&t, &p) in y_true.iter().zip(y_pred) {
        if t >= n_classes || p >= n_classes {
            return Err(crate::Error::input(format!(
                "label {} is outside the {n_classes} classes",
                t.max(p)
            )));
        }
        c[t][p] += 1;
    }
    Ok(c)
}

/// The binary confusion matrix, positive class 1: scikit-learn's `ravel()` order
/// `tn, fp, fn, tp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BinaryConfusion {
    pub tn: u64,
    pub fp: u64,
    #[serde(rename = "fn")]
    pub fn_: u64,
    pub tp: u64,
}

impl BinaryConfusion {
    pub fn new(y_true: &[usize], y_pred: &[usize]) -> Result<Self> {
        check_binary(y_true)?;
        check_binary(y_pred)?;
        let c = confusion_matrix(y_true, y_pred, 2)?;
        Ok(BinaryConfusion {
            tn: c[0][0],
            fp: c[0][1],
            fn_: c[1][0],
            tp: c[1][1],
        })
    }
}
