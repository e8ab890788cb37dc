use super::*;

fn verdict(direction: Direction, lo: f64, hi: f64) -> Verdict {
    decide(direction, [lo, hi], Rope::score())
}

#[test]
fn greater_holds_only_above_the_rope() {
    assert_eq!(verdict(Direction::Greater, 0.02, 0.05), Verdict::Holds);
    assert_eq!(
        verdict(Direction::Greater, 0.01, 0.05),
        Verdict::Inconclusive
    );
    assert_eq!(
        verdict(Direction::Greater, -0.05, 0.01),
        Verdict::DoesNotHold
    );
    assert_eq!(
        verdict(Direction::Greater, -0.05, 0.02),
        Verdict::Inconclusive
    );
}

#[test]
fn less_holds_only_below_the_rope() {
    assert_eq!(verdict(Direction::Less, -0.05, -0.02), Verdict::Holds);
    assert_eq!(
        verdict(Direction::Less, -0.05, -0.01),
        Verdict::Inconclusive
    );
    assert_eq!(verdict(Direction::Less, -0.01, 0.05), Verdict::DoesNotHold);
}

#[test]
fn equivalent_holds_only_inside_the_rope() {
    assert_eq!(verdict(Direction::Equivalent, -0.01, 0.01), Verdict::Holds);
    assert_eq!(
        verdict(Direction::Equivalent, -0.02, 0.005),
        Verdict::Inconclusive
    );
    assert_eq!(
        verdict(Direction::Equivalent, 0.011, 0.05),
        Verdict::DoesNotHold
    );
    assert_eq!(
        verdict(Direction::Equivalent, -0.05, -0.011),
        Verdict::DoesNotHold
    );
}

#[test]
fn widening_an_interval_never_turns_inconclusive_into_decided() {
    for d in [Direction::Greater, Direction::Less, Direction::Equivalent] {
        for k in 0..200 {
            let centre = -0.05 + 0.0005 * k as f64;
            let mut last = Verdict::Holds;
            for w in [0.0, 0.002, 0.005, 0.01, 0.02, 0.05] {
                let v = verdict(d, centre - w, centre + w);
                if last == Verdict::Inconclusive {
                    assert_eq!(v, Verdict::Inconclusive, "{d:?} at {centre} ± {w}");
                }
                last = v;
            }
        }
    }
}

#[test]
fn corrected_resampled_t_widens_by_the_test_train_ratio() {
    let e = Effect::corrected_resampled_t(&[0.1, 0.2, 0.3, 0.4, 0.5], 0.25, "folds");
    // var 0.025; se = √(0.025·(1/5 + 0.25)) = 0.106066; t(4, 0.975) = 2.776445
    assert!((e.estimate - 0.3).abs() < 1e-12);
    assert!((e.interval[0] - 0.005514).abs() < 1e-5, "{:?}", e.interval);
    assert!((e.interval[1] - 0.594486).abs() < 1e-5, "{:?}", e.interval);
}

#[test]
fn wilson_matches_the_textbook_interval() {
    // 8 of 10: 0.4902 to 0.9433 (Newcombe 1998, Table I, method 3).
    let e = Effect::wilson(8, 10, "rows");
    assert!((e.interval[0] - 0.4902).abs() < 1e-4, "{:?}", e.interval);
    assert!((e.interval[1] - 0.9433).abs() < 1e-4, "{:?}", e.interval);
}

#[test]
fn bootstrap_interval_always_contains_its_estimate() {
    let e = Effect::bootstrap_percentile(0.9, &[0.1, 0.2, 0.3, 0.4], "resamples");
    assert!(e.interval[0] <= 0.9 && 0.9 <= e.interval[1]);
}

#[test]
fn an_undefined_effect_gives_no_finding() {
    let e = Effect::corrected_resampled_t(&[0.1], 0.25, "folds");
    assert!(Finding::new("x", "x", e, Rope::score(), Direction::Greater).is_none());
}

#[test]
fn an_undecided_sentence_says_these_folds_cannot_tell() {
    let e = Effect::corrected_resampled_t(&[-0.02, 0.01, 0.03], 0.25, "folds");
    let f = Finding::new("gap", "the gap grows", e, Rope::score(), Direction::Greater).unwrap();
    assert_eq!(f.verdict, Verdict::Inconclusive);
    assert!(
        f.sentence().contains("these folds cannot tell"),
        "{}",
        f.sentence()
    );
}

#[test]
fn an_exact_effect_is_always_decided() {
    for v in [-0.5, -0.01, 0.0, 0.01, 0.5] {
        let f = Finding::new(
            "x",
            "x",
            Effect::exact(v, "exact"),
            Rope::score(),
            Direction::Greater,
        )
        .unwrap();
        assert_ne!(f.verdict, Verdict::Inconclusive);
    }
}

#[test]
fn newcombe_matches_the_published_example() {
    // Newcombe 1998, Table II, example (a): 56/70 − 48/80: 0.0524 to 0.3339 (method 10).
    let e = Effect::two_proportions(56, 70, 48, 80, "rows");
    assert!((e.interval[0] - 0.0524).abs() < 1e-4, "{:?}", e.interval);
    assert!((e.interval[1] - 0.3339).abs() < 1e-4, "{:?}", e.interval);
}
