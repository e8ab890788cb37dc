//! Property tests (issue 14): the metrics' bounds and symmetries and the decision rule's
//! monotonicity, on random inputs.

use mlproof_core::evidence::{decide, Direction, Rope, Verdict};
use mlproof_core::metrics::*;
use proptest::prelude::*;

/// Labels with both classes and scores of the same length.
fn labelled() -> impl Strategy<Value = (Vec<usize>, Vec<f64>)> {
    (2usize..80)
        .prop_flat_map(|n| {
            (
                prop::collection::vec(0usize..2, n),
                prop::collection::vec(-5.0f64..5.0, n),
            )
        })
        .prop_filter("both classes", |(y, _)| y.contains(&0) && y.contains(&1))
}

fn predicted(s: &[f64]) -> Vec<usize> {
    s.iter().map(|&v| usize::from(v > 0.0)).collect()
}

fn flip(y: &[usize]) -> Vec<usize> {
    y.iter().map(|&v| 1 - v).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn label_metrics_are_shares_and_f1_is_the_harmonic_mean((y, s) in labelled()) {
        let p = predicted(&s);
        for m in [accuracy(&y, &p), balanced_accuracy(&y, &p), precision(&y, &p),
                  recall(&y, &p), specificity(&y, &p), f1(&y, &p)] {
            let m = m.unwrap();
            prop_assert!((0.0..=1.0).contains(&m), "{m}");
        }
        let (pr, re) = (precision(&y, &p).unwrap(), recall(&y, &p).unwrap());
        let harmonic = if pr + re == 0.0 { 0.0 } else { 2.0 * pr * re / (pr + re) };
        prop_assert!((f1(&y, &p).unwrap() - harmonic).abs() < 1e-12);
        let balanced = (recall(&y, &p).unwrap() + specificity(&y, &p).unwrap()) / 2.0;
        prop_assert!((balanced_accuracy(&y, &p).unwrap() - balanced).abs() < 1e-12);
    }

    #[test]
    fn accuracy_and_mcc_are_symmetric((y, s) in labelled()) {
        let p = predicted(&s);
        prop_assert_eq!(accuracy(&y, &p).unwrap(), accuracy(&p, &y).unwrap());
        let mcc = matthews_corrcoef(&y, &p).unwrap();
        prop_assert!((-1.0..=1.0).contains(&mcc));
        prop_assert!((mcc - matthews_corrcoef(&p, &y).unwrap()).abs() < 1e-12);
        prop_assert!((mcc - matthews_corrcoef(&flip(&y), &flip(&p)).unwrap()).abs() < 1e-12);
        // Swapping which class is positive swaps recall and specificity.
        prop_assert_eq!(recall(&y, &p).unwrap(), specificity(&flip(&y), &flip(&p)).unwrap());
    }

    #[test]
    fn roc_auc_depends_on_the_order_of_scores_only((y, s) in labelled()) {
        let auc = roc_auc(&y, &s).unwrap();
        prop_assert!((0.0..=1.0).contains(&auc));
        let negated: Vec<f64> = s.iter().map(|v| -v).collect();
        prop_assert!((auc + roc_auc(&y, &negated).unwrap() - 1.0).abs() < 1e-12);
        let stretched: Vec<f64> = s.iter().map(|v| (v / 2.0).exp() * 3.0 + 1.0).collect();
        prop_assert!((auc - roc_auc(&y, &stretched).unwrap()).abs() < 1e-12);
        // Swapping the classes and the scores' sign leaves it unchanged.
        prop_assert!((auc - roc_auc(&flip(&y), &negated).unwrap()).abs() < 1e-12);
        let ap = average_precision(&y, &s).unwrap();
        prop_assert!((0.0..=1.0).contains(&ap));
    }

    #[test]
    fn probability_losses_are_bounded_and_perfect_scores_lose_nothing((y, s) in labelled()) {
        let p: Vec<f64> = s.iter().map(|v| 1.0 / (1.0 + (-v).exp())).collect();
        let brier = brier_score(&y, &p).unwrap();
        prop_assert!((0.0..=1.0).contains(&brier));
        prop_assert!(log_loss(&y, &p).unwrap() >= 0.0);
        let certain: Vec<f64> = y.iter().map(|&v| v as f64).collect();
        prop_assert_eq!(brier_score(&y, &certain).unwrap(), 0.0);
        let mirrored: Vec<f64> = p.iter().map(|v| 1.0 - v).collect();
        prop_assert!((brier - brier_score(&flip(&y), &mirrored).unwrap()).abs() < 1e-12);
    }

    #[test]
    fn regression_metrics_vanish_on_a_perfect_fit_and_grow_with_the_error(
        y in prop::collection::vec(-10.0f64..10.0, 2..60),
        shift in 0.01f64..3.0,
    ) {
        prop_assert_eq!(mean_squared_error(&y, &y).unwrap(), 0.0);
        let off: Vec<f64> = y.iter().map(|v| v + shift).collect();
        prop_assert!((mean_squared_error(&y, &off).unwrap() - shift * shift).abs() < 1e-9);
        prop_assert!((mean_absolute_error(&y, &off).unwrap() - shift).abs() < 1e-9);
        prop_assert!(mean_squared_error(&off, &y).unwrap() == mean_squared_error(&y, &off).unwrap());
    }

    /// Widening an interval never decides what the narrower one left open, and never turns
    /// a verdict into its opposite.
    #[test]
    fn the_rule_is_monotone_under_widening(
        lo in -1.0f64..1.0, width in 0.0f64..1.0, widen in 0.0f64..0.5, half in 0.001f64..0.3,
    ) {
        let rope = Rope::symmetric(half);
        let narrow = [lo, lo + width];
        let wide = [lo - widen, lo + width + widen];
        for d in [Direction::Greater, Direction::Less, Direction::Equivalent] {
            let (n, w) = (decide(d, narrow, rope), decide(d, wide, rope));
            if w != Verdict::Inconclusive {
                prop_assert_eq!(n, w, "{:?} {:?} {:?}", d, narrow, wide);
            }
        }
    }

    /// Greater and Less mirror each other, and a real difference is not also an equivalence.
    #[test]
    fn the_rule_is_symmetric(lo in -1.0f64..1.0, width in 0.0f64..1.0, half in 0.001f64..0.3) {
        let rope = Rope::symmetric(half);
        let i = [lo, lo + width];
        let mirrored = [-(lo + width), -lo];
        prop_assert_eq!(decide(Direction::Greater, i, rope), decide(Direction::Less, mirrored, rope));
        let holds = |d| decide(d, i, rope) == Verdict::Holds;
        prop_assert!(!(holds(Direction::Equivalent) && (holds(Direction::Greater) || holds(Direction::Less))));
        prop_assert!(!(holds(Direction::Greater) && holds(Direction::Less)));
    }
}
