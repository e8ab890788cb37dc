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
