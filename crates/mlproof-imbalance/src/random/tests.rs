use super::*;

#[test]
fn over_sampling_keeps_the_originals_first_and_adds_only_minority_copies() {
    let y = Array1::from(vec![0, 0, 0, 0, 0, 0, 1, 1]);
    let rows = RandomOverSampler {
        strategy: SamplingStrategy::Auto,
    }
    .resample_rows(&y, 1)
    .unwrap();
    assert_eq!(&rows[..8], &[0, 1, 2, 3, 4, 5, 6, 7]);
    assert_eq!(rows.len(), 12);
    assert!(rows[8..].iter().all(|&i| y[i] == 1));
}

#[test]
fn under_sampling_keeps_only_original_rows_and_every_minority_row() {
    let y = Array1::from(vec![0, 0, 0, 0, 0, 0, 1, 1]);
    let rows = RandomUnderSampler {
        strategy: SamplingStrategy::Ratio(0.5),
    }
    .resample_rows(&y, 1)
    .unwrap();
    assert_eq!(rows.len(), 6);
    assert!(rows.contains(&6) && rows.contains(&7));
    let mut unique = rows.clone();
    unique.dedup();
    assert_eq!(unique, rows, "no row twice");
}

#[test]
fn ratios_that_cannot_be_reached_are_errors() {
    let y = Array1::from(vec![0, 0, 0, 0, 1, 1, 1]);
    assert!(RandomOverSampler {
        strategy: SamplingStrategy::Ratio(0.2)
    }
    .resample_rows(&y, 0)
    .is_err());
    assert!(SamplingStrategy::Ratio(1.5).check().is_err());
}
