use super::*;

#[test]
fn every_bundled_set_loads_with_the_documented_counts() {
    // (name, rows, numeric, categorical, positives) from datasets/README.md.
    let expected = [
        ("pima", 768, 8, 0, 268),
        ("wisconsin", 683, 9, 0, 239),
        ("german", 1000, 7, 13, 300),
        ("ecoli3", 336, 7, 0, 35),
        ("glass2", 214, 9, 0, 17),
        ("car-good", 1728, 0, 6, 69),
        ("yeast4", 1484, 8, 0, 51),
        ("abalone19", 4174, 7, 1, 32),
    ];
    for (name, rows, numeric, categorical, positives) in expected {
        let s = load(name, 0).unwrap().summary();
        assert_eq!(
            (
                s.rows,
                s.numeric_features,
                s.categorical_features,
                s.positives
            ),
            (rows, numeric, categorical, Some(positives)),
            "{name}"
        );
    }
    let sp = load("sp500", 0).unwrap();
    assert_eq!(
        (sp.n_rows(), sp.n_features(), sp.task()),
        (1257, 10, Task::Regression)
    );
    assert_eq!(sp.time.as_ref().unwrap().1[0], "2013-02-11");
}

#[test]
fn every_listed_name_loads() {
    for name in names() {
        assert!(load(name, 1).is_ok(), "{name}");
    }
    assert!(load("nope", 1).unwrap_err().0.contains("mlproof datasets"));
}

#[test]
fn a_typo_in_a_dataset_name_gets_a_suggestion() {
    for (typo, near) in [
        ("pimaa", "pima"),
        ("yeast", "yeast4"),
        ("Wisconsin", "wisconsin"),
    ] {
        let e = load(typo, 0).unwrap_err().to_string();
        assert!(e.contains(&format!("did you mean '{near}'")), "{typo}: {e}");
    }
    let e = load("mnist", 0).unwrap_err().to_string();
    assert!(!e.contains("did you mean"), "{e}");
}

#[test]
fn a_generator_refuses_a_size_past_its_limit_before_allocating() {
    let e = generate("synth-sine", 10_000_000_000_000, 0)
        .unwrap_err()
        .to_string();
    assert!(e.contains("10000000"), "{e}");
}
