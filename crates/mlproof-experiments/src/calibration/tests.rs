use std::sync::OnceLock;

use mlproof_core::evidence::Verdict;
use mlproof_core::progress::Silent;
use mlproof_data::{registry, Target};
use ndarray::Array1;

use super::*;

fn report_of(name: &str) -> CalibrationReport {
    let data = registry::load(name, seed::DEFAULT_SEED).unwrap();
    run(&data, &Params::default().check().unwrap(), &Silent).unwrap()
}

fn yeast4() -> &'static CalibrationReport {
    static R: OnceLock<CalibrationReport> = OnceLock::new();
    R.get_or_init(|| report_of("yeast4"))
}

fn ecoli3() -> &'static CalibrationReport {
    static R: OnceLock<CalibrationReport> = OnceLock::new();
    R.get_or_init(|| report_of("ecoli3"))
}

fn finding<'a>(r: &'a CalibrationReport, id: &str) -> &'a Finding {
    r.results
        .findings
        .iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("no finding {id}"))
}

#[test]
fn smote_and_under_sampling_worsen_brier_while_roc_auc_stays_within_its_interval() {
    for r in [yeast4(), ecoli3()] {
        let name = &r.dataset.as_ref().unwrap().name;
        for c in ["smote", "under-sampling"] {
            let brier = finding(r, &format!("brier-{c}-vs-none"));
            assert_eq!(brier.verdict, Verdict::Holds, "{name}: {brier:?}");
            let auc = finding(r, &format!("auc-{c}-vs-none"));
            assert!(
                auc.interval[0] <= 0.0 && 0.0 <= auc.interval[1],
                "{name}: {c} moved ROC-AUC: {auc:?}"
            );
        }
    }
}

#[test]
fn in_fold_recalibration_lowers_the_brier_score_smote_raised() {
    for r in [yeast4(), ecoli3()] {
        for rc in ["platt", "isotonic"] {
            for c in ["smote", "under-sampling"] {
                let f = finding(r, &format!("{rc}-lowers-brier-{c}"));
                assert_eq!(f.verdict, Verdict::Holds, "{f:?}");
                let after = finding(r, &format!("brier-{c}-{rc}-vs-none"));
                assert_ne!(after.verdict, Verdict::Holds, "still worse: {after:?}");
            }
        }
    }
}

#[test]
fn every_diagram_closes_the_brier_score_with_its_within_bin_terms() {
    for d in &yeast4().results.diagrams {
        let m = &d.murphy;
        let exact = m.reliability - m.resolution + m.uncertainty + m.within_bin_variance
            - 2.0 * m.within_bin_covariance;
        assert!(
            (exact - m.brier).abs() < 1e-12,
            "{}: {exact} vs {}",
            d.method,
            m.brier
        );
        let counted: usize = d.reliability.bins.iter().map(|b| b.count).sum();
        assert_eq!(counted, yeast4().results.rows, "each row pooled once");
    }
}

#[test]
fn resampling_raises_the_predicted_risk_which_the_intercept_shows() {
    let r = yeast4();
    let intercept = |c: Correction| {
        r.results
            .diagrams
            .iter()
            .find(|d| d.correction == c && d.recalibration == Recalibration::Raw)
            .unwrap()
            .calibration
            .intercept
    };
    assert!(intercept(Correction::Smote) < -1.0);
    assert!(intercept(Correction::UnderSampling) < -1.0);
    assert!(intercept(Correction::None).abs() < 0.5);
}

#[test]
fn platt_scaling_keeps_the_ranking_so_roc_auc_is_unchanged_per_fold() {
    let m = &yeast4().results.methods;
    let auc = |c, rc| {
        m.iter()
            .find(|s| s.correction == c && s.recalibration == rc)
            .unwrap()
            .fold_scores["roc_auc"]
            .clone()
    };
    for c in CORRECTIONS {
        let (raw, platt) = (auc(c, Recalibration::Raw), auc(c, Recalibration::Platt));
        for (a, b) in raw.iter().zip(&platt) {
            assert!((a - b).abs() < 1e-12, "{c:?}: {a} vs {b}");
        }
    }
}

#[test]
fn test_labels_never_reach_the_model_or_its_recalibrators() {
    let data = registry::load("ecoli3", 1).unwrap();
    let y = data.binary_target().unwrap();
    let (x, _) = mlproof_data::encode::one_hot(&data);
    let labels = y.to_vec();
    let fold = Splitter::Stratified {
        n_splits: 5,
        shuffle: true,
    }
    .split(labels.len(), Some(&labels), 3)
    .unwrap()
    .folds
    .remove(0);
    let mut flipped = y.clone();
    for &i in &fold.test {
        flipped[i] = 1 - flipped[i];
    }
    for c in CORRECTIONS {
        let learner = methods::learner(c, 5).unwrap();
        let a = methods::predict_fold(&x, &y, &fold, &learner, 3, 9).unwrap();
        let b = methods::predict_fold(&x, &flipped, &fold, &learner, 3, 9).unwrap();
        assert_eq!(a.test, b.test, "{c:?}");
    }
}

#[test]
fn the_same_seed_gives_the_same_report_at_any_thread_count() {
    let data = registry::load("ecoli3", 5).unwrap();
    let params = Params {
        seed: 5,
        ..Params::default()
    }
    .check()
    .unwrap();
    let json = |threads| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| serde_json::to_string(&run(&data, &params, &Silent).unwrap()).unwrap())
    };
    assert_eq!(json(1), json(2));
}

#[test]
fn bins_out_of_range_are_refused_by_name() {
    for n_bins in [0, 1, MAX_BINS + 1] {
        let e = Params {
            n_bins,
            ..Params::default()
        }
        .check()
        .unwrap_err();
        assert!(e.to_string().starts_with("n_bins"), "{e}");
    }
    let e = Params {
        n_repeats: 0,
        ..Params::default()
    }
    .check()
    .unwrap_err();
    assert!(e.to_string().starts_with("n_repeats"), "{e}");
}

#[test]
fn more_than_two_classes_need_a_named_positive_and_small_classes_are_refused() {
    let mut data = registry::load("pima", 1).unwrap();
    let n = data.n_rows();
    data.target = Target::Classes {
        y: Array1::from_shape_fn(n, |i| i % 3),
        classes: vec!["a".into(), "b".into(), "c".into()],
        positive: 2,
    };
    let params = Params::default().check().unwrap();
    let e = run(&data, &params, &Silent).unwrap_err();
    assert!(e.to_string().starts_with("positive"), "{e}");
    let named = Params {
        positive: Some("c".into()),
        ..Params::default()
    }
    .check()
    .unwrap();
    assert!(run(&data, &named, &Silent).is_ok());
    data.target = Target::Classes {
        y: Array1::from_shape_fn(n, |i| usize::from(i < 9)),
        classes: vec!["no".into(), "yes".into()],
        positive: 1,
    };
    let e = run(&data, &params, &Silent).unwrap_err();
    assert!(e.to_string().contains("smaller class"), "{e}");
}
