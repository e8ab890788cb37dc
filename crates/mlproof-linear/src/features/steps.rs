//! Fitted preprocessing steps for the feature demos: min-max scaling, and three encodings
//! of categorical level codes. Each is fitted on the training rows of a fold only.

use mlproof_core::model::pipeline::{Step, Transform};
use mlproof_core::Result;
use ndarray::{Array1, Array2, Axis};

/// x' = (x − min)/(max − min) with the training rows' range (scikit-learn's
/// `MinMaxScaler`; a constant column maps to 0).
#[derive(Debug, Clone, Copy)]
pub struct MinMax;

struct FittedMinMax {
    min: Array1<f64>,
    range: Array1<f64>,
}

impl Step for MinMax {
    fn name(&self) -> String {
        "min-max".into()
    }

    fn fit(&self, x: &Array2<f64>, _y: &Array1<usize>) -> Result<Box<dyn Transform>> {
        let min = x.fold_axis(Axis(0), f64::INFINITY, |a, &b| a.min(b));
        let max = x.fold_axis(Axis(0), f64::NEG_INFINITY, |a, &b| a.max(b));
        let range = (&max - &min).mapv(|r| if r > 0.0 { r } else { 1.0 });
        Ok(Box::new(FittedMinMax { min, range }))
    }
}

impl Transform for FittedMinMax {
    fn apply(&self, x: &Array2<f64>) -> Array2<f64> {
        (x - &self.min) / &self.range
    }
}

/// How categorical columns (level codes) become numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Encoding {
    /// One 0/1 column per level (scikit-learn's `OneHotEncoder`).
    OneHot,
    /// The level's code 0, 1, 2, … in sorted level order, as one number (`OrdinalEncoder`).
    Ordinal,
    /// The level's smoothed positive rate on the training rows:
    /// (n_l·ȳ_l + m·ȳ)/(n_l + m) with m = [`SMOOTHING`] (Micci-Barreca, 2001).
    Target,
}

/// The m of target encoding's shrinkage toward the overall rate.
pub const SMOOTHING: f64 = 10.0;

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::OneHot => "one-hot",
            Encoding::Ordinal => "ordinal",
            Encoding::Target => "target",
        }
    }
}

/// Encodes the columns listed in `levels` (column index, number of levels); numeric
/// columns pass through.
#[derive(Debug, Clone)]
pub struct Encode {
    pub encoding: Encoding,
    pub levels: Vec<Option<usize>>,
}

struct FittedEncode {
    encoding: Encoding,
    levels: Vec<Option<usize>>,
    /// Target encoding: per categorical column, the value of each level.
    rates: Vec<Vec<f64>>,
}

impl Encode {
    /// Columns the encoding produces.
    pub fn n_columns(&self) -> usize {
        self.levels
            .iter()
            .map(|l| match (l, self.encoding) {
                (Some(k), Encoding::OneHot) => *k,
                _ => 1,
            })
            .sum()
    }
}

impl Step for Encode {
    fn name(&self) -> String {
        format!("{} encoding", self.encoding.name())
    }

    fn fit(&self, x: &Array2<f64>, y: &Array1<usize>) -> Result<Box<dyn Transform>> {
        let n = y.len().max(1) as f64;
        let overall = y.iter().filter(|&&v| v == 1).count() as f64 / n;
        let rates = self
            .levels
            .iter()
            .enumerate()
            .map(|(j, l)| match (l, self.encoding) {
                (Some(k), Encoding::Target) => {
                    let mut count = vec![0.0; *k];
                    let mut pos = vec![0.0; *k];
                    for (v, &t) in x.column(j).iter().zip(y) {
                        let c = (*v as usize).min(k - 1);
                        count[c] += 1.0;
                        pos[c] += t as f64;
                    }
                    (0..*k)
                        .map(|c| (pos[c] + SMOOTHING * overall) / (count[c] + SMOOTHING))
                        .collect()
                }
                _ => Vec::new(),
            })
            .collect();
        Ok(Box::new(FittedEncode {
            encoding: self.encoding,
            levels: self.levels.clone(),
            rates,
        }))
    }
}

impl Transform for FittedEncode {
    fn apply(&self, x: &Array2<f64>) -> Array2<f64> {
        let mut cols: Vec<Array1<f64>> = Vec::new();
        for (j, l) in self.levels.iter().enumerate() {
            let col = x.column(j);
            match (l, self.encoding) {
                (None, _) | (Some(_), Encoding::Ordinal) => cols.push(col.to_owned()),
                (Some(k), Encoding::OneHot) => {
                    for c in 0..*k {
                        cols.push(col.mapv(|v| f64::from(u8::from(v as usize == c))));
                    }
                }
                (Some(k), Encoding::Target) => {
                    let r = &self.rates[j];
                    cols.push(col.mapv(|v| r[(v as usize).min(k - 1)]));
                }
            }
        }
        let views: Vec<_> = cols.iter().map(|c| c.view().insert_axis(Axis(1))).collect();
        ndarray::concatenate(Axis(1), &views).unwrap_or_else(|_| Array2::zeros((x.nrows(), 0)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn target_encoding_uses_training_rates_shrunk_to_the_overall_rate() {
        let x = array![[0.0, 5.0], [0.0, 6.0], [1.0, 7.0], [1.0, 8.0]];
        let y = array![1, 1, 0, 0];
        let enc = Encode {
            encoding: Encoding::Target,
            levels: vec![Some(2), None],
        };
        let t = enc.fit(&x, &y).unwrap();
        let z = t.apply(&x);
        // level 0: (2 + 10·0.5)/(2 + 10) = 7/12; level 1: 5/12.
        assert!((z[[0, 0]] - 7.0 / 12.0).abs() < 1e-12 && (z[[2, 0]] - 5.0 / 12.0).abs() < 1e-12);
        assert_eq!(z.column(1).to_vec(), vec![5.0, 6.0, 7.0, 8.0]);
        let oh = Encode {
            encoding: Encoding::OneHot,
            levels: vec![Some(2), None],
        };
        assert_eq!(oh.n_columns(), 3);
        assert_eq!(
            oh.fit(&x, &y).unwrap().apply(&x).row(2).to_vec(),
            vec![0.0, 1.0, 7.0]
        );
    }

    #[test]
    fn min_max_maps_the_training_range_to_the_unit_interval() {
        let x = array![[1.0, 3.0], [3.0, 3.0]];
        let t = MinMax.fit(&x, &array![0, 1]).unwrap();
        assert_eq!(t.apply(&x), array![[0.0, 0.0], [1.0, 0.0]]);
    }
}
