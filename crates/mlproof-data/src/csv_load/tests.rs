use super::*;

fn opts(target: &str) -> CsvOptions {
    CsvOptions {
        target: target.into(),
        ..CsvOptions::default()
    }
}

fn parse(text: &str, o: &CsvOptions) -> Result<Dataset, DataError> {
    parse_csv(
        "t",
        "t.csv",
        Origin::File {
            path: "t.csv".into(),
        },
        text,
        o,
    )
}

fn err(text: &str, o: &CsvOptions) -> String {
    parse(text, o).expect_err("should be rejected").0
}

#[test]
fn numeric_and_categorical_columns_are_inferred() {
    let d = parse("a,b,y\n1,x,0\n2.5,z,1\n3,x,0\n", &opts("y")).unwrap();
    assert_eq!(d.feature_kinds[0], FeatureKind::Numeric);
    assert_eq!(
        d.feature_kinds[1],
        FeatureKind::Categorical {
            levels: vec!["x".into(), "z".into()]
        }
    );
    assert_eq!(d.features.column(1).to_vec(), vec![0.0, 1.0, 0.0]);
    assert_eq!(d.binary_target().unwrap().to_vec(), vec![0, 1, 0]);
}

#[test]
fn repeated_non_numeric_levels_make_a_column_categorical() {
    // car-good's doors column: 2, 3, 4, 5more.
    let text = "doors,y\n2,0\n5more,1\n3,0\n5more,1\n4,0\n";
    let d = parse(text, &opts("y")).unwrap();
    assert!(matches!(
        d.feature_kinds[0],
        FeatureKind::Categorical { .. }
    ));
}

#[test]
fn a_one_off_word_in_a_numeric_column_is_an_error_naming_the_line() {
    let e = err("a,y\n1,0\n2,1\nabc,0\n4,1\n", &opts("y"));
    assert!(
        e.contains("line 4") && e.contains("'abc'") && e.contains("--categorical a"),
        "{e}"
    );
}

#[test]
fn forcing_categorical_accepts_the_same_column() {
    let o = CsvOptions {
        categorical: vec!["a".into()],
        ..opts("y")
    };
    assert!(parse("a,y\n1,0\n2,1\nabc,0\n4,1\n", &o).is_ok());
}

#[test]
fn missing_values_are_errors() {
    for cell in ["", "NaN", "?", "NA"] {
        let e = err(&format!("a,y\n1,0\n{cell},1\n"), &opts("y"));
        assert!(e.contains("missing value") && e.contains("line 3"), "{e}");
    }
}

#[test]
fn infinity_is_an_error() {
    assert!(err("a,y\n1,0\ninf,1\n", &opts("y")).contains("not a finite number"));
}

#[test]
fn ragged_rows_empty_files_and_missing_columns_are_errors() {
    assert!(err("a,y\n1,0\n2,1,3\n", &opts("y")).contains("line 3 has 3 fields"));
    assert!(err("", &opts("y")).contains("is empty"));
    assert!(err("a,y\n", &opts("y")).contains("no data rows"));
    assert!(err("a,y\n1,0\n", &opts("z")).contains("no column 'z'"));
    assert!(err("a,a\n1,0\n", &opts("a")).contains("appears twice"));
}

#[test]
fn one_class_only_is_an_error() {
    assert!(err("a,y\n1,0\n2,0\n", &opts("y")).contains("one class only"));
}

#[test]
fn the_minority_class_is_positive_by_default_and_can_be_named() {
    let text = "a,y\nx,cat\nx,dog\nx,dog\nx,cat\nx,cat\n";
    let d = parse(text, &opts("y")).unwrap();
    assert_eq!(d.positive_class(), Some("dog"));
    let o = CsvOptions {
        positive: Some("cat".into()),
        ..opts("y")
    };
    assert_eq!(parse(text, &o).unwrap().positive_class(), Some("cat"));
    let o = CsvOptions {
        positive: Some("bird".into()),
        ..opts("y")
    };
    assert!(err(text, &o).contains("not a class"));
}

#[test]
fn balanced_binary_targets_report_on_the_larger_label() {
    let d = parse("a,y\n1,1\n2,0\n", &opts("y")).unwrap();
    assert_eq!(d.positive_class(), Some("1"));
    let o = CsvOptions {
        positive: Some("1.0".into()),
        ..opts("y")
    };
    assert_eq!(
        parse("a,y\n1,1\n2,0\n", &o).unwrap().positive_class(),
        Some("1")
    );
}

#[test]
fn a_real_valued_target_is_regression() {
    let d = parse("a,y\n1,0.5\n2,1.25\n3,7\n", &opts("y")).unwrap();
    assert_eq!(d.task(), Task::Regression);
    assert!(d.binary_target().is_err());
}

#[test]
fn rows_are_put_in_time_order() {
    let o = CsvOptions {
        time_column: Some("t".into()),
        ..opts("y")
    };
    let d = parse(
        "t,a,y\n2024-01-03,3,1\n2024-01-01,1,0\n2024-01-02,2,1\n",
        &o,
    )
    .unwrap();
    assert_eq!(d.features.column(0).to_vec(), vec![1.0, 2.0, 3.0]);
    assert_eq!(d.time.as_ref().unwrap().1[0], "2024-01-01");
    assert_eq!(d.n_features(), 1);
}

#[test]
fn negative_zero_and_zero_are_one_class() {
    let d = parse("a,y\n1,-0\n2,0\n3,1\n", &opts("y")).unwrap();
    assert_eq!(d.class_counts(), vec![2, 1]);
}

#[test]
fn a_file_with_only_a_target_column_is_an_error() {
    assert!(err("y\n0\n1\n", &opts("y")).contains("no feature columns"));
}
