use super::*;
use crate::model::MajorityClass;
use ndarray::array;

#[test]
fn select_k_best_keeps_the_most_correlated_columns_fitted_on_training_rows() {
    let x = array![
        [0.0, 5.0, 1.0],
        [0.0, 3.0, 0.0],
        [1.0, 4.0, 1.0],
        [1.0, 4.0, 0.0]
    ];
    let y = array![0, 0, 1, 1];
    let t = SelectKBest { k: 1 }.fit(&x, &y).unwrap();
    assert_eq!(t.apply(&x).column(0).to_vec(), vec![0.0, 0.0, 1.0, 1.0]);
    assert!(SelectKBest { k: 4 }.fit(&x, &y).is_err());
}

/// A resampler that duplicates every positive training row.
struct DoublePositives;

impl Step for DoublePositives {
    fn name(&self) -> String {
        "double-positives".into()
    }

    fn fit(&self, _x: &Array2<f64>, _y: &Array1<usize>) -> Result<Box<dyn Transform>> {
        Ok(Box::new(Columns(vec![0])))
    }

    fn fit_resample(&self, x: &Array2<f64>, y: &Array1<usize>, _seed: u64) -> Result<Resampled> {
        let rows: Vec<usize> = (0..y.len())
            .chain((0..y.len()).filter(|&i| y[i] == 1))
            .collect();
        Ok((
            x.select(Axis(0), &rows),
            y.select(Axis(0), &rows),
            self.fit(x, y)?,
        ))
    }
}

#[test]
fn a_resampling_step_changes_the_training_rows_only() {
    let x = array![[0.0], [1.0], [2.0], [3.0]];
    let y = array![0, 0, 0, 1];
    let p = Pipeline {
        steps: vec![Box::new(DoublePositives)],
        learner: Box::new(MajorityClass),
    };
    // The prior seen by the learner counts the duplicated positive: 2 of 5.
    let fitted = p.fit(&x, &y, 0).unwrap();
    assert_eq!(fitted.predict_proba(&x).to_vec(), vec![0.4; 4]);
}

#[test]
fn a_pipeline_describes_its_steps() {
    let p = Pipeline {
        steps: vec![Box::new(Standardize), Box::new(SelectKBest { k: 2 })],
        learner: Box::new(MajorityClass),
    };
    assert_eq!(p.describe(), "standardize → select-2-best → majority");
}
