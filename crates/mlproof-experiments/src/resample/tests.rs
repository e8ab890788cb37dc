use super::*;
use mlproof_core::evidence::Verdict;
use mlproof_core::progress::Silent;
use mlproof_data::registry;

fn run_on(name: &str, params: Params) -> Resampled {
    let data = registry::load(name, 0).unwrap();
    run(&data, &params.check().unwrap(), &Silent)
        .unwrap()
        .results
}

fn verdict(r: &Resampled, id: &str) -> (Verdict, f64) {
    let f = r.findings.iter().find(|f| f.id == id).unwrap();
    (f.verdict, f.estimate)
}

#[test]
fn smote_on_glass2_reaches_the_requested_ratio_with_the_rows_it_requires() {
    let r = run_on("glass2", Params::default());
    assert_eq!(r.after, [197, 197]);
    assert_eq!(r.synthetic_rows, 180);
    assert_eq!(verdict(&r, "ratio-reached"), (Verdict::Holds, 0.0));
    assert_eq!(verdict(&r, "rows-added"), (Verdict::Holds, 0.0));
    assert_eq!(
        verdict(&r, "synthetic-rows-inside-positive-range"),
        (Verdict::Holds, 0.0)
    );
    assert_eq!(r.rows.features.nrows(), 394);
    assert!(r
        .reading
        .starts_with("SMOTE turns 197 negative and 17 positive rows"));
}

#[test]
fn adasyn_on_yeast4_misses_the_requested_count_and_says_so() {
    let r = run_on(
        "yeast4",
        Params {
            method: Method::Adasyn,
            ..Params::default()
        },
    );
    let (v, missed) = verdict(&r, "rows-added");
    assert_eq!(v, Verdict::DoesNotHold);
    assert_eq!(missed, -17.0);
    assert!(r.reading.contains("does not hold"));
}

#[test]
fn under_sampling_removes_the_rows_the_ratio_requires() {
    let r = run_on(
        "ecoli3",
        Params {
            method: Method::Under,
            ratio: Some(0.5),
            ..Params::default()
        },
    );
    assert_eq!(r.after, [70, 35]);
    assert_eq!(verdict(&r, "rows-removed"), (Verdict::Holds, 0.0));
    assert_eq!(verdict(&r, "ratio-reached"), (Verdict::Holds, 0.0));
}

#[test]
fn options_that_do_not_apply_to_the_method_are_errors() {
    let name = |p: Params| match p.check() {
        Err(Error::Parameter { name, .. }) => name,
        other => panic!("{other:?}"),
    };
    let over = |p: Params| Params {
        method: Method::Over,
        ..p
    };
    assert_eq!(
        name(over(Params {
            k_neighbors: 3,
            ..Params::default()
        })),
        "k_neighbors"
    );
    assert_eq!(
        name(Params {
            m_neighbors: 4,
            ..Params::default()
        }),
        "m_neighbors"
    );
    assert_eq!(
        name(Params {
            ratio: Some(1.5),
            ..Params::default()
        }),
        "ratio"
    );
}

#[test]
fn interpolating_categories_is_refused_naming_the_method() {
    let data = registry::load("german", 0).unwrap();
    match run(&data, &Params::default().check().unwrap(), &Silent) {
        Err(Error::Parameter { name, message }) => {
            assert_eq!(name, "method");
            assert!(message.contains("choose smote-nc"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}
