use super::*;
use crate::Task;

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

/// The message as the binary shows it, less the `--` of a parameter's flag.
fn err(text: &str, o: &CsvOptions) -> String {
    parse(text, o).expect_err("should be rejected").to_string()
}

#[test]
fn numeric_and_categorical_columns_are_inferred() {
    let d = parse("a,b,y\n1,x,0\n2.5,z,1\n3,x,0\n4,z,1\n", &opts("y")).unwrap();
    assert_eq!(d.feature_kinds[0], FeatureKind::Numeric);
    assert_eq!(
        d.feature_kinds[1],
        FeatureKind::Categorical {
            levels: vec!["x".into(), "z".into()]
        }
    );
    assert_eq!(d.features.column(1).to_vec(), vec![0.0, 1.0, 0.0, 1.0]);
    assert_eq!(d.binary_target().unwrap().to_vec(), vec![0, 1, 0, 1]);
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
        e.contains("line 4") && e.contains("'abc'") && e.starts_with("categorical a "),
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

#[test]
fn long_integer_labels_stay_distinct_classes_and_export_unchanged() {
    let text = "a,y\n1,123456789012345678\n2,123456789012345679\n3,123456789012345680\n\
                4,123456789012345681\n5,123456789012345678\n";
    let d = parse(text, &opts("y")).unwrap();
    assert_eq!(d.class_counts(), vec![2, 1, 1, 1]);
    let mut out = Vec::new();
    crate::export::write_csv(&d, &mut out).unwrap();
    let written = String::from_utf8(out).unwrap();
    for label in [
        "123456789012345679",
        "123456789012345680",
        "123456789012345681",
    ] {
        assert!(written.contains(&format!(",{label}\n")), "{written}");
    }
}

#[test]
fn more_than_two_classes_need_a_named_positive_class() {
    let text = "a,y\n1,cat\n2,dog\n3,dog\n4,bird\n5,cat\n6,cat\n";
    let d = parse(text, &opts("y")).unwrap();
    let e = d.binary_target().unwrap_err();
    assert_eq!(e.1, Some("positive"));
    assert!(
        e.0.contains("3 classes") && e.0.contains("bird: 1, cat: 3, dog: 2"),
        "{}",
        e.0
    );
    assert!(
        d.class_codes().is_some(),
        "multiclass commands still see every class"
    );
    let o = CsvOptions {
        positive: Some("dog".into()),
        ..opts("y")
    };
    let d = parse(text, &o).unwrap();
    assert_eq!(d.binary_target().unwrap().to_vec(), vec![0, 1, 1, 0, 0, 0]);
    assert_eq!(d.name, "t ('dog' vs rest)");
    let s = d.summary();
    assert!(s.one_vs_rest && s.classes == Some(3));
}

#[test]
fn dates_written_day_first_are_put_in_date_order() {
    let o = CsvOptions {
        time_column: Some("t".into()),
        ..opts("y")
    };
    let text = "t,a,y\n13/01/2020,1,0\n02/02/2020,2,1\n01/03/2020,3,0\n";
    let d = parse(text, &o).unwrap();
    assert_eq!(d.features.column(0).to_vec(), vec![1.0, 2.0, 3.0]);
}

#[test]
fn an_empty_or_ambiguous_time_stamp_is_an_error() {
    let o = CsvOptions {
        time_column: Some("t".into()),
        ..opts("y")
    };
    let e = err("t,a,y\n2020-01-02,1,0\n,2,1\n2020-01-01,3,0\n", &o);
    assert!(
        e.contains("line 3") && e.contains("missing time stamp"),
        "{e}"
    );
    let e = err("t,a,y\n03/04/2020,1,0\n04/03/2020,2,1\n", &o);
    assert!(e.starts_with("time_format is needed"), "{e}");
    let o = CsvOptions {
        time_format: Some("%d/%m/%Y".into()),
        ..o
    };
    let d = parse("t,a,y\n03/04/2020,1,0\n04/03/2020,2,1\n", &o).unwrap();
    assert_eq!(d.features.column(0).to_vec(), vec![2.0, 1.0]);
}

#[test]
fn numeric_time_stamps_are_ordered_as_numbers() {
    let o = CsvOptions {
        time_column: Some("t".into()),
        ..opts("y")
    };
    let d = parse("t,a,y\n10,3,0\n9,2,1\n100,4,1\n1,1,0\n", &o).unwrap();
    assert_eq!(d.features.column(0).to_vec(), vec![1.0, 2.0, 3.0, 4.0]);
}

#[test]
fn an_identifier_column_is_left_out_and_named() {
    let d = parse("id,a,y\nr1,1,0\nr2,2,1\nr3,3,0\n", &opts("y")).unwrap();
    assert_eq!(d.feature_names, vec!["a"]);
    assert_eq!(d.dropped[0].column, "id");
    assert!(d.dropped[0].reason.contains("distinct"));
    assert_eq!(d.summary().dropped_columns.len(), 1);
    let kept = CsvOptions {
        categorical: vec!["id".into()],
        ..opts("y")
    };
    assert_eq!(
        parse("id,a,y\nr1,1,0\nr2,2,1\nr3,3,0\n", &kept)
            .unwrap()
            .n_features(),
        2
    );
}

#[test]
fn columns_are_dropped_by_name_and_unknown_names_list_the_columns() {
    let o = CsvOptions {
        drop: vec!["b".into()],
        ..opts("y")
    };
    let d = parse("a,b,y\n1,x,0\n2,,1\n", &o).unwrap();
    assert_eq!(
        d.feature_names,
        vec!["a"],
        "a dropped column is not even read"
    );
    let o = CsvOptions {
        drop: vec!["c".into()],
        ..opts("y")
    };
    let e = err("a,b,y\n1,x,0\n2,x,1\n", &o);
    assert!(
        e.starts_with("drop names 'c'") && e.contains("a, b, y"),
        "{e}"
    );
    let o = CsvOptions {
        drop: vec!["y".into()],
        ..opts("y")
    };
    assert!(err("a,b,y\n1,x,0\n2,x,1\n", &o).contains("cannot be dropped"));
}
