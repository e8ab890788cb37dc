//! Output integrity: files are written whole or not at all, never over an existing file
//! without --force, never over the input; stdout failures are errors, a closed pipe is not;
//! argument errors are at most two lines.

mod common;

use std::process::{Command, Stdio};

use common::{mlproof, stderr, stdout};

fn dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn entries(d: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn force_replaces_an_existing_output_and_nothing_else_is_left() {
    let d = dir();
    let p = d.path().join("out.csv");
    std::fs::write(&p, "old\n").unwrap();
    let path = p.to_str().unwrap();
    let refused = mlproof(&["resample", "--dataset", "glass2", "--output", path]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("--force"), "{}", stderr(&refused));
    assert_eq!(std::fs::read_to_string(&p).unwrap(), "old\n");
    let o = mlproof(&[
        "resample",
        "--dataset",
        "glass2",
        "--output",
        path,
        "--force",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&p).unwrap().lines().count() > 200);
    assert_eq!(entries(d.path()), ["out.csv"], "no temporary file is left");
}

#[test]
fn the_input_file_is_never_the_output() {
    let d = dir();
    let input = d.path().join("in.csv");
    std::fs::write(
        &input,
        "a,b,class\n1,2,0\n2,1,0\n3,3,1\n4,4,1\n5,5,0\n6,1,1\n",
    )
    .unwrap();
    let before = std::fs::read(&input).unwrap();
    let p = input.to_str().unwrap();
    let o = mlproof(&[
        "resample", "--data", p, "--target", "class", "--method", "over", "--output", p, "--force",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("input"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&input).unwrap(), before);
}

#[test]
fn output_dash_writes_the_rows_to_stdout_and_the_report_to_stderr() {
    let o = mlproof(&[
        "resample",
        "--dataset",
        "glass2",
        "--method",
        "over",
        "--output",
        "-",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = stdout(&o);
    assert!(
        csv.starts_with("RI,") || csv.lines().next().unwrap().contains(','),
        "{csv}"
    );
    assert_eq!(
        csv.lines().count(),
        1 + 214 + 180,
        "header, the 214 rows, 180 copies"
    );
    assert!(
        stderr(&o).contains("positive rows copied"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_dot_pair_is_written_both_or_neither() {
    let d = dir();
    let prefix = d.path().join("car");
    std::fs::write(d.path().join("car-cart.dot"), "old").unwrap();
    let o = mlproof(&["tree", "compare", "--dot", prefix.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        entries(d.path()),
        ["car-cart.dot"],
        "id3 is not written alone"
    );
    let o = mlproof(&[
        "tree",
        "compare",
        "--dot",
        prefix.to_str().unwrap(),
        "--force",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(entries(d.path()), ["car-cart.dot", "car-id3.dot"]);
}

#[test]
fn bad_destinations_are_named_and_leave_nothing() {
    let d = dir();
    let missing = d.path().join("no-such-folder").join("x.csv");
    let cases = [
        (d.path().to_str().unwrap().to_string(), "is a folder"),
        (missing.to_str().unwrap().to_string(), "does not exist"),
        ("/dev/full".to_string(), "/dev/full"),
    ];
    for (path, expected) in cases {
        for force in [false, true] {
            let mut args = vec!["datasets", "export", "pima", "--output", path.as_str()];
            if force {
                args.push("--force");
            }
            let o = mlproof(&args);
            assert_eq!(o.status.code(), Some(2), "{path}: {}", stderr(&o));
            assert!(stderr(&o).contains(expected), "{path}: {}", stderr(&o));
            assert!(stderr(&o).lines().count() <= 2);
        }
    }
    assert!(entries(d.path()).is_empty());
}

#[test]
fn a_full_stdout_is_an_error_and_a_closed_pipe_is_not() {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full");
    if let Ok(full) = full {
        let o = Command::new(env!("CARGO_BIN_EXE_mlproof"))
            .args(["datasets"])
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains("standard output"), "{}", stderr(&o));
    }
    // A reader that stops after the first bytes: the run ends quietly with success.
    let mut child = Command::new(env!("CARGO_BIN_EXE_mlproof"))
        .args(["datasets", "show", "abalone19", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{:?}", o.status);
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

#[test]
fn an_unwritable_stderr_does_not_abort_the_run() {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full");
    if let Ok(full) = full {
        // A warning is written to stderr (k-fold on time-ordered rows) and fails there.
        let o = Command::new(env!("CARGO_BIN_EXE_mlproof"))
            .args(["cv", "--dataset", "nope"])
            .stderr(full)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "an error, not an abort");
    }
}

#[test]
fn argument_errors_are_two_lines_with_a_hint() {
    for args in [
        &["cv", "--folds", "3"][..],
        &["cv", "--seed", "-1"],
        &["tre"],
        &[],
        &["cv", "--format", "xml"],
        &["tree", "prune", "--max-depth", "x"],
    ] {
        let o = mlproof(args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 2, "{args:?}: {err}");
        assert!(
            err.starts_with("mlproof: ") && err.contains("\nhint: "),
            "{args:?}: {err}"
        );
    }
    let o = mlproof(&["cv", "--dataset", "pimaa"]);
    assert!(stderr(&o).contains("did you mean 'pima'"), "{}", stderr(&o));
}

#[test]
fn limits_are_enforced_before_allocating() {
    let o = mlproof(&[
        "datasets",
        "export",
        "synth-sine",
        "--rows",
        "10000000000000",
        "--output",
        "-",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("10000000"), "{}", stderr(&o));
}

/// `eprintln!` panics when stderr cannot be written; the binary uses `warn!`, which cannot.
#[test]
fn the_binary_never_prints_to_stderr_with_a_panicking_macro() {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for bad in ["eprintln!(", "eprint!(", "println!("] {
            assert!(!text.contains(bad), "{} uses {bad}", f.display());
        }
    }
}

#[test]
fn cv_writes_a_model_card_atomically_and_keeps_an_existing_one() {
    let d = dir();
    let p = d.path().join("card.md");
    let path = p.to_str().unwrap();
    let o = mlproof(&["cv", "--dataset", "glass2", "--model-card", path]);
    assert!(o.status.success(), "{}", stderr(&o));
    let card = std::fs::read_to_string(&p).unwrap();
    assert!(card.starts_with("# Model card: ") && card.contains("## Caveats and recommendations"));
    assert!(
        card.contains("`mlproof cv --dataset glass2 --model-card"),
        "{card}"
    );
    let again = mlproof(&["cv", "--dataset", "glass2", "--model-card", path]);
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&p).unwrap(), card);
    assert_eq!(entries(d.path()), ["card.md"]);
}

#[test]
fn baseline_and_threshold_write_model_cards_with_their_promise() {
    let d = dir();
    let b = d.path().join("ladder.md");
    let o = mlproof(&[
        "baseline",
        "--dataset",
        "glass2",
        "--model-card",
        b.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let card = std::fs::read_to_string(&b).unwrap();
    assert!(card.contains("the ladder's recommendation"), "{card}");
    assert!(card.contains("| ROC-AUC, majority |"), "{card}");
    let t = d.path().join("promise.md");
    let o = mlproof(&[
        "threshold",
        "--max-fpr",
        "0.05",
        "--model-card",
        t.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let card = std::fs::read_to_string(&t).unwrap();
    assert!(
        card.contains("- Promise: FPR ≤ 0.05 with probability 0.95"),
        "{card}"
    );
    assert!(card.contains("held-out FPR, umbrella threshold"), "{card}");
    // A promise the data cannot make writes no card.
    let g = d.path().join("glass2.md");
    let o = mlproof(&[
        "threshold",
        "--max-fpr",
        "0.05",
        "--dataset",
        "glass2",
        "--model-card",
        g.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!g.exists());
}

#[test]
fn timing_goes_to_stderr_and_leaves_stdout_byte_identical() {
    // `--timing` (read by benches/compare/run) must not change what a command prints.
    for (args, what) in [
        (&["curves", "--dataset", "glass2"][..], "curve alone: "),
        (
            &["cv", "--dataset", "glass2"][..],
            "cross-validation alone: ",
        ),
        (
            &[
                "bias-variance",
                "--loss",
                "zero-one",
                "--dataset",
                "glass2",
                "--rounds",
                "5",
            ][..],
            "bias-variance alone: ",
        ),
        (
            &[
                "claims",
                "--dataset",
                "glass2",
                "--only",
                "model-beats-baseline",
                "--repeats",
                "1",
            ][..],
            "claims alone: ",
        ),
        (
            &["resample", "--dataset", "glass2"][..],
            "resampling alone: ",
        ),
    ] {
        let plain = mlproof(&[args, &["--format", "json"]].concat());
        let timed = mlproof(&[args, &["--format", "json", "--timing"]].concat());
        assert!(plain.status.success() && timed.status.success(), "{args:?}");
        assert_eq!(stdout(&plain), stdout(&timed), "{args:?}");
        let err = stderr(&timed);
        let line = err
            .lines()
            .find(|l| l.starts_with(what))
            .unwrap_or_else(|| panic!("{args:?}: {err}"));
        let ms: f64 = line[what.len()..].trim_end_matches(" ms").parse().unwrap();
        assert!(ms >= 0.0, "{line}");
        assert!(!stderr(&plain).contains(" alone: "), "{args:?}");
    }
}
