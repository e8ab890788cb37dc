//! Each claim's experiment on a dataset whose outcome is known by construction (issue 12):
//! separable classes, pure-noise labels, balanced classes where every correction is a no-op,
//! a single feature that standardising cannot reorder, a column on a thousandfold scale.
//!
//! Every dataset is small (300 rows or fewer) and generated from a fixed seed. Each case is
//! either exact (the compared scores are equal on every fold) or decided by a wide margin;
//! where the truth only fixes a sign (noise cannot make a model beat chance), the test pins
//! that and says why the interval cannot decide more.

use super::*;
use mlproof_core::evidence::Verdict;
use mlproof_core::progress::Silent;
use mlproof_data::seed::Rng;
use mlproof_data::{FeatureKind, Origin, Target};
use ndarray::{Array1, Array2};

/// The finding of claim `id` on `data`, run through the public path with default params.
fn finding(data: &Dataset, id: &str) -> Finding {
    let p = Params {
        only: vec![id.to_string()],
        ..Params::default()
    };
    let r = run(data, &p.check().unwrap(), &Silent).unwrap().results;
    let c = &r.claims[0];
    assert_eq!(c.id, id);
    c.evidence
        .clone()
        .unwrap_or_else(|| panic!("{id} not applicable on {}: {:?}", data.name, c.why))
}

/// A binary dataset of `n` rows, the first `positives` of them positive; feature `j` of a row
/// is `draw(positive, j, rng)`.
fn generated(
    name: &str,
    n: usize,
    positives: usize,
    d: usize,
    draw: impl Fn(bool, usize, &mut Rng) -> f64,
) -> Dataset {
    let mut rng = seed::rng(7, name, 0);
    let y: Vec<usize> = (0..n).map(|i| usize::from(i < positives)).collect();
    let mut x = Array2::zeros((n, d));
    for i in 0..n {
        for j in 0..d {
            x[[i, j]] = draw(y[i] == 1, j, &mut rng);
        }
    }
    Dataset {
        name: name.into(),
        origin: Origin::Generated { truth: name.into() },
        features: x,
        feature_names: (0..d).map(|j| format!("x{j}")).collect(),
        feature_kinds: vec![FeatureKind::Numeric; d],
        target_name: "class".into(),
        target: Target::Classes {
            y: Array1::from(y),
            classes: vec!["negative".into(), "positive".into()],
            positive: 1,
        },
        time: None,
        positive_named: false,
        dropped: Vec::new(),
    }
}

fn normal(rng: &mut Rng, mean: f64, sd: f64) -> f64 {
    mean + sd * seed::standard_normal(rng)
}

/// 300 rows, 30 positives (10%), separated on x0 by a gap of ten standard deviations
/// (negatives N(0, 0.3²), positives N(5, 0.3²)); x1 is noise.
fn separable_rare() -> Dataset {
    generated("separable-rare", 300, 30, 2, |pos, j, rng| match (j, pos) {
        (0, true) => normal(rng, 5.0, 0.3),
        (0, false) => normal(rng, 0.0, 0.3),
        _ => normal(rng, 0.0, 1.0),
    })
}

/// `n` rows, `positives` of them positive, `d` standard-normal features unrelated to the label.
fn pure_noise(n: usize, positives: usize, d: usize) -> Dataset {
    generated("pure-noise", n, positives, d, |_, _, rng| {
        normal(rng, 0.0, 1.0)
    })
}

/// 300 rows, 30 positives; x0 is N(0, 1) for negatives and N(shift, 1) for positives (the
/// setting where logistic regression is the true model), x1 is noise.
fn gaussian_rare(shift: f64) -> Dataset {
    generated("gaussian-rare", 300, 30, 2, move |pos, j, rng| {
        match (j, pos) {
            (0, true) => normal(rng, shift, 1.0),
            _ => normal(rng, 0.0, 1.0),
        }
    })
}

/// 200 rows, 100 positives, split by one threshold on x0 (N(0, 0.3²) against N(5, 0.3²)).
fn stump_separable() -> Dataset {
    generated("stump-separable", 200, 100, 2, |pos, j, rng| {
        match (j, pos) {
            (0, true) => normal(rng, 5.0, 0.3),
            _ => normal(rng, 0.0, 0.3),
        }
    })
}

/// 300 rows, 150 positives; x0 shifted by `shift` for positives, x1 noise.
fn gaussian_balanced(shift: f64) -> Dataset {
    generated(
        "gaussian-balanced",
        300,
        150,
        2,
        move |pos, j, rng| match (j, pos) {
            (0, true) => normal(rng, shift, 1.0),
            _ => normal(rng, 0.0, 1.0),
        },
    )
}

// --- accuracy-misleads ------------------------------------------------------------------

#[test]
fn accuracy_misleads_on_a_separable_set_with_rare_positives() {
    // The model is perfect (accuracy and balanced accuracy 1); the majority baseline has
    // accuracy 0.9 and balanced accuracy 0.5. The balanced-accuracy gap (0.5) exceeds the
    // accuracy gap (0.1) by 0.4 on every fold.
    let f = finding(&separable_rare(), "accuracy-misleads");
    assert_eq!(f.verdict, Verdict::Holds);
    assert!((f.estimate - 0.4).abs() < 0.02, "{f:?}");
}

#[test]
fn accuracy_does_not_mislead_on_balanced_classes() {
    // 150/150 rows and stratified folds: every test fold holds 30 of each class, and there
    // accuracy = (TPR + TNR) / 2 = balanced accuracy for any model, the baseline's and the
    // logistic regression's alike. The two gaps coincide and the excess is zero on every fold.
    let f = finding(&gaussian_balanced(2.0), "accuracy-misleads");
    assert_eq!(f.verdict, Verdict::DoesNotHold);
    assert!(f.estimate.abs() < 1e-9, "{f:?}");
}

// --- model-beats-baseline ---------------------------------------------------------------

#[test]
fn model_does_not_beat_the_baseline_on_pure_noise_labels() {
    let f = finding(&pure_noise(300, 150, 3), "model-beats-baseline");
    assert_ne!(f.verdict, Verdict::Holds);
    assert!(f.estimate.abs() < 0.05, "{f:?}");
}

#[test]
fn model_beats_the_baseline_on_a_strong_signal() {
    // A two-standard-deviation shift on x0: ROC-AUC Φ(2/√2) ≈ 0.92.
    let f = finding(&gaussian_balanced(2.0), "model-beats-baseline");
    assert_eq!(f.verdict, Verdict::Holds);
    assert!(f.estimate > 0.35, "{f:?}");
}

// --- SMOTE -------------------------------------------------------------------------------

#[test]
fn smote_raises_recall_on_overlapping_rare_positives() {
    // 10% positives one standard deviation apart: at threshold ½ plain logistic regression
    // flags few positives; trained on balanced classes it flags most of them.
    let f = finding(&gaussian_rare(1.0), "smote-raises-recall");
    assert_eq!(f.verdict, Verdict::Holds);
    assert!(f.estimate > 0.3, "{f:?}");
}

#[test]
fn smote_does_not_help_a_tree_on_separable_classes() {
    // A full-depth tree already scores ROC-AUC 1 on every fold, and SMOTE's synthetic
    // positives lie between real ones, on the positive side of the gap: nothing to gain.
    // (Where the classes overlap the claim is what the data must decide: on 300-row sets
    // with 15-30 positives the per-fold ROC-AUC differences of a full tree span ±0.1 and
    // more, so no overlapping case is certain enough to pin here.)
    let f = finding(&separable_rare(), "smote-helps-weak-learner");
    assert_eq!(f.verdict, Verdict::DoesNotHold);
    assert_eq!(f.estimate, 0.0, "{f:?}");
}

#[test]
fn smote_leaves_boosting_unchanged_on_separable_classes() {
    let f = finding(&separable_rare(), "smote-no-gain-strong-learner");
    assert_eq!(f.verdict, Verdict::Holds);
    assert_eq!(f.estimate, 0.0, "{f:?}");
}

// --- corrections -------------------------------------------------------------------------

#[test]
fn corrections_hurt_calibration_when_logistic_is_the_true_model() {
    // Gaussian classes of equal variance: logistic regression is well specified, so its
    // probabilities are calibrated to the 10% prior. Each correction trains it on a 50%
    // prior and inflates every probability, which the Brier score charges.
    let f = finding(&gaussian_rare(1.0), "corrections-hurt-calibration");
    assert_eq!(f.verdict, Verdict::Holds);
    assert!(f.estimate > 0.02, "{f:?}");
}

#[test]
fn corrections_change_nothing_on_exactly_balanced_classes() {
    // 150/150 rows, stratified folds of 120/120 training rows: SMOTE synthesises no row,
    // under-sampling drops none and balanced class weights are all 1, so every corrected
    // model is the uncorrected one.
    let data = gaussian_balanced(1.0);
    let brier = finding(&data, "corrections-hurt-calibration");
    assert_eq!(brier.verdict, Verdict::DoesNotHold);
    assert!(brier.estimate.abs() < 1e-9, "{brier:?}");
    let auc = finding(&data, "corrections-keep-auc");
    assert_eq!(auc.verdict, Verdict::Holds);
    assert!(auc.estimate.abs() < 1e-9, "{auc:?}");
}

#[test]
fn corrections_keep_auc_on_separable_rare_positives() {
    // Every corrected model still ranks every positive above every negative: ROC-AUC 1.
    let f = finding(&separable_rare(), "corrections-keep-auc");
    assert_eq!(f.verdict, Verdict::Holds);
    assert_eq!(f.estimate, 0.0, "{f:?}");
}

#[test]
fn threshold_matches_resampling_on_separable_rare_positives() {
    // Both the moved threshold and SMOTE's model classify every held-out row correctly.
    let f = finding(&separable_rare(), "threshold-matches-resampling");
    assert_eq!(f.verdict, Verdict::Holds);
    assert_eq!(f.estimate, 0.0, "{f:?}");
}

// --- leaks -------------------------------------------------------------------------------

#[test]
fn leaky_smote_inflates_on_a_set_with_few_positives() {
    // 15 positives in 300 rows, barely separated. SMOTE on all rows adds 270 synthetic
    // positives, interpolated between real ones, and the leaky folds hold a fifth of them:
    // test folds of about half positives, each near a training positive, against honest test
    // folds of 3 positives in 60.
    let data = generated("few-positives", 300, 15, 3, |pos, j, rng| match (j, pos) {
        (0, true) => normal(rng, 0.5, 1.0),
        _ => normal(rng, 0.0, 1.0),
    });
    let f = finding(&data, "leaky-smote-inflates");
    assert_eq!(f.verdict, Verdict::Holds);
    assert!(f.estimate > 0.2, "{f:?}");
}

#[test]
fn selection_leak_inflates_on_pure_noise() {
    // The claim draws its own 500 noise columns; any labels serve. Choosing 10 of them on all
    // rows picks columns that correlate with these labels by chance.
    let f = finding(&pure_noise(100, 50, 1), "selection-leak-inflates");
    assert_eq!(f.verdict, Verdict::Holds);
    assert!(f.estimate > 0.1, "{f:?}");
}

#[test]
fn tuning_leak_does_not_inflate_when_every_depth_is_perfect() {
    // One threshold on x0 separates the classes: every depth from 1 to 8 grows the same
    // stump and scores ROC-AUC 1 on every fold, nested or not.
    let data = stump_separable();
    let f = finding(&data, "tuning-leak-inflates");
    assert_eq!(f.verdict, Verdict::DoesNotHold);
    assert_eq!(f.estimate, 0.0, "{f:?}");
}

#[test]
fn tuning_leak_reads_optimistic_on_pure_noise() {
    // On noise labels the best of eight depths by its own folds is the luckiest of eight
    // near-0.5 scores; the nested estimate is centred on 0.5. The optimism is real (about
    // +0.07 ROC-AUC at this seed) but the corrected resampled t over 25 folds is about ±0.1
    // wide, so the certain part is the sign and that the claim is not refuted.
    let f = finding(&pure_noise(100, 50, 3), "tuning-leak-inflates");
    assert!(f.estimate > 0.0, "{f:?}");
    assert_ne!(f.verdict, Verdict::DoesNotHold);
}

// --- validation schemes, models ------------------------------------------------------------

#[test]
fn stratified_folds_vary_less_when_the_model_predicts_the_majority() {
    // Noise features and 10% positives: logistic regression predicts "negative" for every
    // row, so a fold's accuracy is its share of negatives. Stratified 5-fold puts exactly 6
    // of the 30 positives in each 60-row fold (standard deviation 0); plain 5-fold does not.
    let f = finding(&pure_noise(300, 30, 2), "stratified-lower-variance");
    assert_eq!(f.verdict, Verdict::Holds);
    assert!(f.estimate > 0.01, "{f:?}");
}

#[test]
fn depth_overfits_on_pure_noise_labels() {
    // A full-depth tree memorises noise (training accuracy 1, CV accuracy near chance) while
    // a stump cannot: that widening train − CV gap is overfitting, so the claim holds.
    let f = finding(&pure_noise(200, 100, 3), "depth-overfits");
    assert_eq!(f.verdict, Verdict::Holds);
    assert!(f.estimate > 0.2, "{f:?}");
}

#[test]
fn depth_does_not_overfit_when_a_stump_is_the_full_tree() {
    // One threshold separates the classes, so the full-depth tree stops at depth 1: it is
    // the stump, and the two gaps are equal (both zero) on every fold.
    let data = stump_separable();
    let f = finding(&data, "depth-overfits");
    assert_eq!(f.verdict, Verdict::DoesNotHold);
    assert_eq!(f.estimate, 0.0, "{f:?}");
}

#[test]
fn scaling_changes_knn_when_a_noise_column_has_a_thousandfold_scale() {
    // Raw distances are all x1 (noise, standard deviation 1000), so 5-NN is near chance;
    // standardised, the informative x0 counts as much as x1.
    let data = generated("scale-mismatch", 300, 150, 2, |pos, j, rng| {
        match (j, pos) {
            (0, true) => normal(rng, 2.0, 1.0),
            (0, false) => normal(rng, 0.0, 1.0),
            _ => normal(rng, 0.0, 1000.0),
        }
    });
    let f = finding(&data, "scaling-changes-knn");
    assert_eq!(f.verdict, Verdict::Holds);
    assert!(f.estimate > 0.2, "{f:?}");
}

#[test]
fn scaling_cannot_change_knn_on_a_single_feature() {
    // With one column, standardising multiplies every distance by the same positive factor:
    // the neighbours, and so every score, stay the same.
    let data = generated("one-feature", 300, 150, 1, |pos, _, rng| {
        normal(rng, if pos { 1.0 } else { 0.0 }, 1.0)
    });
    let f = finding(&data, "scaling-changes-knn");
    assert_eq!(f.verdict, Verdict::DoesNotHold);
    assert_eq!(f.estimate, 0.0, "{f:?}");
}
