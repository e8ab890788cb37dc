use super::*;
use mlproof_core::evidence::Verdict;
use mlproof_core::progress::Silent;
use mlproof_data::registry;

fn split_report(data: Option<&Dataset>, splitter: Splitter, n: usize) -> SplitReport {
    let params = Params {
        splitter,
        n_samples: n,
        seed: 7,
    };
    run(data, &params.check().unwrap(), &Silent).unwrap()
}

fn verdict(r: &SplitReport, id: &str) -> Verdict {
    r.results
        .findings
        .iter()
        .find(|f| f.id == id)
        .map(|f| f.verdict)
        .unwrap()
}

#[test]
fn k_fold_partitions_the_rows_exactly() {
    let r = split_report(None, Params::default().splitter, 23);
    assert_eq!(verdict(&r, "folds-disjoint"), Verdict::Holds);
    assert_eq!(verdict(&r, "every-row-tested-once"), Verdict::Holds);
    assert!(r
        .results
        .findings
        .iter()
        .all(|f| f.interval[0] == f.interval[1]));
    assert!(r
        .results
        .reading
        .contains("5-fold makes 5 folds over 23 rows"));
}

#[test]
fn stratified_folds_on_yeast4_keep_the_positive_share() {
    let data = registry::load("yeast4", 0).unwrap();
    let s = splitter(SplitKind::Stratified, &SplitterOptions::default()).unwrap();
    let r = split_report(Some(&data), s, data.n_rows());
    assert_eq!(verdict(&r, "folds-keep-class-shares"), Verdict::Holds);
    assert!(r.dataset.is_some());
}

#[test]
fn time_series_folds_never_test_before_training() {
    let s = splitter(
        SplitKind::TimeSeries,
        &SplitterOptions {
            n_splits: Some(3),
            gap: Some(2),
            ..SplitterOptions::default()
        },
    )
    .unwrap();
    let r = split_report(None, s, 20);
    assert_eq!(verdict(&r, "tests-after-training"), Verdict::Holds);
    assert!(r
        .results
        .findings
        .iter()
        .all(|f| f.id != "every-row-tested-once"));
}

#[test]
fn repeated_stratified_tests_every_row_once_per_repeat() {
    let data = registry::load("glass2", 0).unwrap();
    let s = splitter(SplitKind::RepeatedStratified, &SplitterOptions::default()).unwrap();
    let r = split_report(Some(&data), s, data.n_rows());
    assert_eq!(verdict(&r, "every-row-tested-once"), Verdict::Holds);
    assert_eq!(r.results.folds.len(), 15);
}

#[test]
fn splitter_warnings_are_in_the_envelope() {
    let data = registry::load("glass2", 0).unwrap();
    let s = splitter(
        SplitKind::Stratified,
        &SplitterOptions {
            n_splits: Some(20),
            ..SplitterOptions::default()
        },
    )
    .unwrap();
    let r = split_report(Some(&data), s, data.n_rows());
    assert_eq!(r.warnings, r.results.warnings);
    assert!(r.warnings[0].contains("fewer than n_splits=20"));
}

#[test]
fn options_that_do_not_apply_to_the_splitter_are_refused() {
    let refused = |kind, o: SplitterOptions| match splitter(kind, &o) {
        Err(Error::Parameter { name, message }) => {
            assert!(message.contains("does not apply"), "{message}");
            name
        }
        other => panic!("{other:?}"),
    };
    let o = SplitterOptions::default;
    let cases = [
        (
            SplitKind::LeaveOneOut,
            SplitterOptions {
                n_splits: Some(3),
                ..o()
            },
            "n_splits",
        ),
        (
            SplitKind::Stratified,
            SplitterOptions {
                gap: Some(2),
                ..o()
            },
            "gap",
        ),
        (
            SplitKind::TimeSeries,
            SplitterOptions {
                shuffle: true,
                ..o()
            },
            "shuffle",
        ),
        (
            SplitKind::KFold,
            SplitterOptions {
                n_repeats: Some(2),
                ..o()
            },
            "n_repeats",
        ),
        (
            SplitKind::Stratified,
            SplitterOptions {
                max_train_size: Some(5),
                ..o()
            },
            "max_train_size",
        ),
        (
            SplitKind::KFold,
            SplitterOptions {
                test_size: Some(5),
                ..o()
            },
            "test_size",
        ),
        (
            SplitKind::RepeatedStratified,
            SplitterOptions {
                shuffle: true,
                ..o()
            },
            "shuffle",
        ),
    ];
    for (kind, options, name) in cases {
        assert_eq!(refused(kind, options), name, "{kind:?}");
    }
    // What applies is accepted, with defaults where not given.
    assert_eq!(
        splitter(
            SplitKind::RepeatedStratified,
            &SplitterOptions {
                n_repeats: Some(2),
                ..o()
            }
        )
        .unwrap(),
        Splitter::RepeatedStratified {
            n_splits: 5,
            n_repeats: 2
        }
    );
}

#[test]
fn library_errors_name_parameters_not_flags() {
    let e = splitter(
        SplitKind::KFold,
        &SplitterOptions {
            n_splits: Some(1),
            ..SplitterOptions::default()
        },
    )
    .unwrap_err();
    assert!(matches!(&e, Error::Parameter { name, .. } if name == "n_splits"));
    assert!(!e.to_string().contains("--"), "{e}");
    let params = Params {
        n_samples: MAX_SAMPLES + 1,
        ..Params::default()
    };
    assert!(matches!(params.check(), Err(Error::Parameter { name, .. }) if name == "n_samples"));
}
