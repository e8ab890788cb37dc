use mlproof_core::evidence::Verdict;
use mlproof_core::params::Check;
use mlproof_core::progress::Silent;
use mlproof_core::Error;
use mlproof_data::registry;

use super::*;

fn stream() -> Dataset {
    registry::load("synth-stream", 42).unwrap()
}

fn params(reference: f64, windows: usize) -> Checked<Params> {
    Params {
        reference,
        windows,
        ..Params::default()
    }
    .check()
    .unwrap()
}

fn message(e: Error) -> String {
    e.to_string()
}

#[test]
fn the_covariate_shift_is_flagged_at_its_place_and_not_before() {
    for (reference, windows) in [(0.1, 9), (0.2, 8), (0.25, 6), (0.3, 7)] {
        let r = run(&stream(), &params(reference, windows), &Silent)
            .unwrap()
            .results;
        let first = r.windows.iter().find(|w| w.flagged).unwrap();
        assert_eq!(first.start_row, COVARIATE_AT, "reference {reference}");
        assert!(first
            .features_psi_above_autocorrelated_bound
            .contains(&"x1".to_string()));
        assert!(
            r.windows.iter().any(|w| w.start_row < COVARIATE_AT),
            "no window before"
        );
    }
}

/// synth-stream's design (`mlproof_data::generate::StreamSpec`): x1's spread widens at row
/// 1000, the labelling rule changes at row 1500 with every input back as it was.
const COVARIATE_AT: usize = 1000;
const CONCEPT_AT: usize = 1500;

#[test]
fn the_reference_model_falls_at_the_concept_change_and_not_before() {
    // Windows of 250 rows from row 500, so that no window straddles a change.
    let r = run(&stream(), &params(0.25, 6), &Silent).unwrap().results;
    let falls: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.id.starts_with("accuracy-falls"))
        .collect();
    assert_eq!(falls.len(), r.windows.len());
    for (w, f) in r.windows.iter().zip(falls) {
        let fell = f.verdict == Verdict::Holds;
        assert_eq!(
            fell,
            w.start_row >= CONCEPT_AT,
            "window {}: {}",
            w.index,
            f.id
        );
        assert_eq!(fell, w.case.contains("performance falls"), "{}", w.case);
    }
}

/// The two cases a monitor must tell apart, each at its place: inputs drift while
/// performance holds (covariate drift), inputs hold while performance falls (concept drift).
#[test]
fn inputs_drifting_and_performance_falling_are_told_apart_at_their_places() {
    let cases = |seed: u64| -> Vec<(usize, String)> {
        let data = registry::load("synth-stream", seed).unwrap();
        let r = run(&data, &Params::default().check().unwrap(), &Silent).unwrap();
        r.results
            .windows
            .iter()
            .map(|w| (w.start_row, w.case.clone()))
            .collect()
    };
    let at_default: Vec<String> = cases(42).into_iter().map(|(_, c)| c).collect();
    assert_eq!(
        at_default,
        [
            "inputs drift, performance holds",
            "inputs drift, performance holds",
            "inputs hold, performance falls",
            "inputs hold, performance falls",
        ]
    );
    for seed in 1..=12 {
        for (start, case) in cases(seed) {
            if start < CONCEPT_AT {
                assert!(start >= COVARIATE_AT);
                assert!(
                    case.starts_with("inputs drift"),
                    "seed {seed}, row {start}: {case}"
                );
                assert!(!case.contains("falls"), "seed {seed}, row {start}: {case}");
            } else {
                assert_eq!(
                    case, "inputs hold, performance falls",
                    "seed {seed}, row {start}"
                );
            }
        }
    }
}

#[test]
fn the_shifted_feature_alerts_under_every_rule_and_a_stable_one_not_under_the_tests() {
    let r = run(&stream(), &params(0.5, 5), &Silent).unwrap().results;
    let x1 = &r.features[0].alerts;
    assert!(x1.psi_above_0_25 && x1.psi_above_bound && x1.test_bonferroni);
    assert!(!r.features[1].alerts.test_bonferroni, "x2 holds still");
    assert!(r
        .findings
        .iter()
        .any(|f| f.id == "psi-drift-x1" && f.holds()));
}

#[test]
fn a_reference_leaving_a_window_under_two_rows_is_refused() {
    let e = run(&stream(), &params(0.9996, 1), &Silent).unwrap_err();
    assert!(message(e).contains("under two rows"));
    let e = run(&stream(), &params(0.5, 600), &Silent).unwrap_err();
    assert!(message(e).contains("under two rows"));
}

#[test]
fn a_constant_feature_is_refused_by_name() {
    let mut d = stream();
    d.features.column_mut(2).fill(3.0);
    let e = message(run(&d, &params(0.5, 5), &Silent).unwrap_err());
    assert!(e.contains("'x3' is constant"), "{e}");
}

#[test]
fn data_without_a_time_column_is_refused() {
    let d = registry::load("pima", 42).unwrap();
    let e = message(run(&d, &params(0.5, 5), &Silent).unwrap_err());
    assert!(e.contains("no time column"), "{e}");
}

#[test]
fn unparseable_and_unordered_time_stamps_are_refused() {
    let mut d = stream();
    let n = d.n_rows();
    let stamps = |f: &dyn Fn(usize) -> String| (0..n).map(f).collect::<Vec<_>>();
    d.time = Some((
        "t".into(),
        stamps(&|i| {
            if i == 7 {
                "soon".into()
            } else {
                format!("2024-01-{:02}", 1 + i % 28)
            }
        }),
    ));
    let e = message(run(&d, &params(0.5, 5), &Silent).unwrap_err());
    assert!(e.contains("'soon'") && e.contains("not a number"), "{e}");
    // Clock times as the loader orders them: as text, so "10:00" comes before "9:00".
    let mut clock = stamps(&|i| format!("{}:{:02}", 9 + i / 300, (i / 5) % 60));
    clock.sort();
    d.time = Some(("t".into(), clock));
    let e = message(run(&d, &params(0.5, 5), &Silent).unwrap_err());
    assert!(e.contains("not in time order"), "{e}");
    d.time = Some((
        "t".into(),
        stamps(&|i| {
            format!(
                "2024-01-05T{:02}:{:02}:{:02}",
                i / 3600,
                (i / 60) % 60,
                i % 60
            )
        }),
    ));
    assert!(run(&d, &params(0.5, 5), &Silent).is_ok());
}

#[test]
fn parameters_out_of_range_name_themselves() {
    for (p, name) in [
        (
            Params {
                reference: 1.0,
                ..Params::default()
            },
            "reference",
        ),
        (
            Params {
                windows: 0,
                ..Params::default()
            },
            "windows",
        ),
    ] {
        match p.check() {
            Err(Error::Parameter { name: n, .. }) => assert_eq!(n, name),
            other => panic!("{other:?}"),
        }
    }
}
