//! The bad-input matrix (issue 14): CSV structure, values and targets, each through the real
//! binary: exit code 2, at most two lines on stderr naming what is wrong, the input unchanged.

mod common;

use common::{mlproof, stderr};

/// Writes `bytes` as a file of the test's own, runs `cv --data FILE --target class`, and
/// checks exit 2, at most two stderr lines containing `expected`, and the file unchanged.
fn refused(name: &str, bytes: &[u8], expected: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let o = mlproof(&["cv", "--data", path.to_str().unwrap(), "--target", "class"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{name}: {err}");
    assert!(err.lines().count() <= 2, "{name}: {err}");
    assert!(
        err.contains(expected),
        "{name}: expected '{expected}' in {err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "{name} was modified");
}

#[test]
fn csv_structure_errors_say_what_and_where() {
    refused("empty.csv", b"", "is empty");
    refused("header.csv", b"a,b,class\n", "no data rows");
    refused(
        "ragged.csv",
        b"a,b,class\n1,2,0\n3,0\n",
        "line 3 has 2 fields",
    );
    refused("dup.csv", b"a,a,class\n1,2,0\n3,4,1\n", "appears twice");
    refused("latin1.csv", b"a,b,class\n\xff,2,0\n3,4,1\n", "not UTF-8");
    refused(
        "semi.csv",
        b"a;b;class\n1;2;0\n3;4;1\n",
        "semicolon-separated",
    );
    refused(
        "tab.csv",
        b"a\tb\tclass\n1\t2\t0\n3\t4\t1\n",
        "tab-separated",
    );
    refused("gz.csv", &[0x1f, 0x8b, 8, 0, 0, 0, 0, 0], "gzip-compressed");
    refused(
        "nocol.csv",
        b"a,b,label\n1,2,0\n3,4,1\n",
        "no column 'class'",
    );
}

#[test]
fn bad_values_are_named_by_line_and_column() {
    for (cell, expected) in [
        ("NaN", "missing value 'NaN'"),
        ("NA", "missing value 'NA'"),
        ("", "missing value ''"),
        ("inf", "not a finite number"),
        ("-inf", "not a finite number"),
        ("1e400", "not a finite number"),
    ] {
        let csv = format!("a,b,class\n{cell},2,0\n3,4,1\n");
        refused(
            &format!("value-{}.csv", cell.len()),
            csv.as_bytes(),
            expected,
        );
        refused("line.csv", csv.as_bytes(), "line 2, column 'a'");
    }
}

#[test]
fn targets_a_command_cannot_use_are_refused() {
    refused("one.csv", b"a,b,class\n1,2,0\n3,4,0\n", "one class");
    refused("onerow.csv", b"a,b,class\n1,2,0\n", "one class");
    refused(
        "float.csv",
        b"a,b,class\n1,2,0.5\n3,4,1.7\n2,2,0.1\n",
        "continuous",
    );
    refused(
        "three.csv",
        b"a,b,class\n1,2,x\n3,4,y\n5,6,z\n7,8,x\n",
        "--positive is required",
    );
}

#[test]
fn well_formed_variants_are_read_as_plain_csv() {
    // A byte-order mark, CRLF line ends and a quoted comma are all valid CSV.
    let rows = "1,2,0\n3,4,1\n2,2,0\n5,1,1\n4,4,0\n6,2,1\n1,5,0\n7,1,1\n2,6,0\n8,3,1\n";
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("bom.csv", format!("\u{feff}a,b,class\n{rows}")),
        (
            "crlf.csv",
            format!("a,b,class\n{rows}").replace('\n', "\r\n"),
        ),
        ("quoted.csv", format!("\"a\",\"b\",class\n{rows}")),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, &text).unwrap();
        let o = mlproof(&[
            "metrics",
            "--data",
            path.to_str().unwrap(),
            "--target",
            "class",
        ]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
    }
}

#[test]
fn numeric_options_past_their_bounds_name_the_flag() {
    for (args, flag) in [
        (&["cv", "--n-splits", "1"][..], "--n-splits"),
        (&["cv", "--n-splits", "100000000000"], "--n-splits"),
        (&["cv", "--threshold", "1.5"], "--threshold"),
        (
            &["cv", "--model", "tree", "--max-depth", "0"],
            "--max-depth",
        ),
        (&["bias-variance", "--rounds", "1"], "--rounds"),
        (&["resample", "--k-neighbors", "0"], "--k-neighbors"),
        (&["resample", "--ratio", "-0.5"], "--ratio"),
        (&["threshold", "--max-fpr", "1.5"], "max"),
        (&["drift", "--reference", "1.5"], "--reference"),
        (&["calibration", "--n-bins", "1"], "--n-bins"),
        (
            &[
                "datasets",
                "export",
                "synth-sine",
                "--rows",
                "1",
                "--output",
                "-",
            ],
            "--rows",
        ),
    ] {
        let o = mlproof(args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.lines().count() <= 2, "{args:?}: {err}");
        assert!(err.contains(flag), "{args:?}: {err}");
    }
}

#[test]
fn broken_files_are_named_with_the_line_to_fix() {
    refused("blank.csv", b"   \n  \n", "is empty");
    refused(
        "nul.csv",
        b"a,b,class\n1,2\0,0\n3,4,1\n",
        "line 2 holds a NUL byte",
    );
    refused(
        "unterminated.csv",
        b"a,b,class\n\"1,2,0\n3,4,1\n",
        "line 2 opens a quote that is not closed",
    );
    refused(
        "extra.csv",
        b"a,b,class\n1,2,0,9\n3,4,1\n",
        "line 2 has 4 fields",
    );
    refused(
        "noname.csv",
        b"a,,class\n1,2,0\n3,4,1\n",
        "header column 2 has no name",
    );
    refused(
        "onlytarget.csv",
        b"class\n0\n1\n0\n1\n",
        "no feature columns",
    );
    // A newline inside a quoted cell is valid CSV; quoted back in a message it is escaped,
    // so the message keeps to its line.
    refused(
        "newline.csv",
        b"a,b,class\n\"x\ny\",2,0\n3,4,1\n2,2,0\n5,1,1\n",
        "'x\\ny' is not a number",
    );
}

#[test]
fn every_missing_value_spelling_is_refused_and_overflow_is_not_finite() {
    for (cell, expected) in [
        ("?", "missing value '?'"),
        ("N/A", "missing value 'N/A'"),
        ("null", "missing value 'null'"),
        ("NULL", "missing value 'NULL'"),
        ("nan", "missing value 'nan'"),
        ("-nan", "not a finite number"),
        ("+inf", "not a finite number"),
        ("-1e999", "not a finite number"),
    ] {
        let csv = format!("a,b,class\n1,{cell},0\n3,4,1\n");
        refused("spelling.csv", csv.as_bytes(), expected);
    }
}

#[test]
fn targets_too_small_to_validate_are_refused() {
    refused(
        "onemember.csv",
        b"a,b,class\n1,2,0\n3,4,0\n2,2,0\n5,1,1\n4,4,0\n6,2,0\n1,5,0\n",
        "class '1' of target 'class' in onemember has 1 row",
    );
    refused(
        "missing-label.csv",
        b"a,b,class\n1,2,0\n3,4,\n2,2,1\n",
        "missing value ''",
    );
    // 18-digit labels are kept as text: two classes of three rows, too few for 5 folds.
    refused(
        "long-labels.csv",
        b"a,b,class\n1,2,123456789012345678\n3,4,123456789012345679\n2,2,123456789012345678\n\
          5,1,123456789012345679\n4,4,123456789012345678\n6,2,123456789012345679\n",
        "--n-splits 5 is greater than the number of members in every class",
    );
}

#[test]
fn awkward_but_valid_cells_are_read() {
    let rows = "3,4,1\n2,2,0\n5,1,1\n4,4,0\n6,2,1\n1,5,0\n7,1,1\n2,6,0\n8,3,1\n";
    let dir = tempfile::tempdir().unwrap();
    for (name, first, extra) in [
        // A 30-digit integer is a finite number (read as the nearest double).
        ("huge.csv", "123456789012345678901234567890,2,0", &[][..]),
        // 1e-400 underflows to 0, as every CSV reader reads it.
        ("tiny.csv", "1e-400,2,0", &[]),
        // A quoted newline in a categorical column is one level.
        (
            "quoted-newline.csv",
            "\"x\ny\",2,0",
            &["--categorical", "a"],
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, format!("a,b,class\n{first}\n{rows}")).unwrap();
        let mut args = vec!["cv", "--data", path.to_str().unwrap(), "--target", "class"];
        args.extend_from_slice(extra);
        let o = mlproof(&args);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
    }
}

#[test]
fn conflicting_missing_and_malformed_options_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let dir_path = dir.path().to_str().unwrap();
    common::assert_usage_errors(&[
        (
            vec!["cv", "--data", "x.csv", "--dataset", "pima"],
            "cannot be used with",
        ),
        (vec!["cv", "--data", "x.csv"], "--target"),
        (
            vec!["cv", "--target", "class"],
            "applies to `mlproof regularize` only",
        ),
        (
            vec!["cv", "--data", "/nonexistent/x.csv", "--target", "class"],
            "cannot read /nonexistent/x.csv",
        ),
        (
            vec!["cv", "--data", dir_path, "--target", "class"],
            "Is a directory",
        ),
        (vec!["cv", "--seed", "-1"], "whole number ≥ 0"),
        (vec!["cv", "--seed", "18446744073709551616"], "too large"),
        (
            vec!["cv", "--n-splits", "99999999999999999999999"],
            "too large",
        ),
        (
            vec!["cv", "--format", "xml"],
            "possible values: table, json, markdown",
        ),
        (vec!["cv", "--model", "nosuch"], "possible values"),
        (vec!["metrics", "--dataset", "pimaa"], "did you mean 'pima'"),
        (vec!["cv", "--positive", "nosuch"], "is not a class"),
        (
            vec!["threshold", "--max-fpr", "0.05", "--min-recall", "0.8"],
            "one promise at a time",
        ),
        (
            vec!["cv", "--split", "time-series", "--shuffle"],
            "--shuffle does not apply",
        ),
        (
            vec!["interpret", "--method", "shap", "--feature", "x"],
            "--feature applies to --method pdp and ice only",
        ),
        (
            vec!["regularize", "--l1-ratio", "0.5"],
            "--l1-ratio applies to the elasticnet penalty only",
        ),
        (
            vec!["imbalance", "--dataset", "yeast4", "--k-neighbors", "1000"],
            "at most 50",
        ),
    ]);
}

#[test]
fn numeric_options_past_every_bound_name_the_flag_and_the_bound() {
    common::assert_usage_errors(&[
        (
            vec!["drift", "--windows", "0"],
            "--windows must be at least 1",
        ),
        (
            vec!["drift", "--reference", "0"],
            "--reference must be a share",
        ),
        (
            vec!["threshold", "--max-fpr", "0.05", "--confidence", "1"],
            "--confidence",
        ),
        (
            vec!["tree", "ensemble", "--n-trees", "0"],
            "between 1 and 10000",
        ),
        (
            vec!["tree", "ensemble", "--n-trees", "10001"],
            "between 1 and 10000",
        ),
        (vec!["bias-variance", "--rounds", "100001"], "and 100000"),
        (
            vec!["curves", "--max-depth", "0"],
            "--max-depth must be at least 1",
        ),
        (
            vec!["split", "--n-splits", "1"],
            "--n-splits must be 2 or more",
        ),
        (vec!["calibration", "--n-bins", "51"], "between 2 and 50"),
        (
            vec!["regularize", "--penalty", "elasticnet", "--l1-ratio", "1.5"],
            "--l1-ratio",
        ),
    ]);
}

#[test]
fn numeric_options_at_their_bounds_are_accepted() {
    for args in [
        &["drift", "--windows", "1"][..],
        &["calibration", "--n-bins", "2", "--dataset", "pima"],
        &["calibration", "--n-bins", "50", "--dataset", "pima"],
        &["split", "--n-splits", "2"],
        &["cv", "--n-splits", "2"],
        &[
            "tree",
            "ensemble",
            "--n-trees",
            "1",
            "--dataset",
            "wisconsin",
        ],
        &["bias-variance", "--rounds", "2"],
    ] {
        let o = mlproof(args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    }
}
