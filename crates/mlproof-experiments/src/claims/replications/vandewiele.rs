//! One published design rerun (see the parent module).

use super::*;

// ---------------------------------------------------------------------------------------
// Vandewiele et al. 2021

pub const VDW_ROWS: usize = 10_000;
pub const VDW_FEATURES: usize = 5;
pub const VDW_POSITIVE: f64 = 0.1;
pub const VDW_TREES: usize = 100;
pub const VDW_TEST_SHARE: f64 = 0.25;

pub(super) fn rf(trees: usize, features: usize) -> Result<Forest> {
    Ok(Forest {
        n_trees: trees,
        max_features: Some(((features as f64).sqrt() as usize).max(1)),
        tree: TreeParams::default().check()?,
        class_weight: ClassWeight::None,
    })
}

pub(super) struct VdwRun {
    none: f64,
    inside: f64,
    before: f64,
}

pub(super) fn vandewiele_2021(
    sims: usize,
    seed0: u64,
    progress: &dyn Observer,
) -> Result<Replication> {
    vandewiele_sized(sims, VDW_ROWS, VDW_TREES, seed0, progress)
}

pub(super) fn vandewiele_sized(
    sims: usize,
    rows: usize,
    trees: usize,
    seed0: u64,
    progress: &dyn Observer,
) -> Result<Replication> {
    let smote = Smote::new(5, SamplingStrategy::Auto, SmoteKind::Regular)?;
    let forest = rf(trees, VDW_FEATURES)?;
    let split = |n: usize, rng: &mut seed::Rng| {
        let order = seed::permutation(rng, n);
        let n_test = (VDW_TEST_SHARE * n as f64).ceil() as usize;
        (order[n_test..].to_vec(), order[..n_test].to_vec())
    };
    let auc = |x: &Array2<f64>,
               y: &Array1<usize>,
               train: &[usize],
               test: &[usize],
               learner: &dyn BinaryClassifier,
               s: u64|
     -> Result<f64> {
        let m = learner.fit(&x.select(Axis(0), train), &y.select(Axis(0), train), s)?;
        let p = m.predict_proba(&x.select(Axis(0), test)).to_vec();
        let yt: Vec<usize> = test.iter().map(|&r| y[r]).collect();
        roc_auc(&yt, &p)
    };
    // Progress per simulation would sit still for seconds: tick per forest instead.
    progress.start("vandewiele-2021", 3 * sims);
    let runs = (0..sims as u64)
        .map(|i| -> Result<VdwRun> {
            let mut rng = seed::rng(seed0, "replicate/vandewiele/data", i);
            let x = Array2::from_shape_fn((rows, VDW_FEATURES), |_| rng.gen::<f64>());
            let y = Array1::from_shape_fn(rows, |_| usize::from(rng.gen::<f64>() < VDW_POSITIVE));
            let (train, test) = split(rows, &mut rng);
            let fit_seed = seed::derive(seed0, "replicate/vandewiele/fit", i);
            let none = auc(&x, &y, &train, &test, &forest, fit_seed)?;
            progress.tick();
            let inside = Pipeline {
                steps: vec![Box::new(smote)],
                learner: Box::new(forest),
            };
            let inside = auc(&x, &y, &train, &test, &inside, fit_seed)?;
            progress.tick();
            // The flaw: SMOTE on every row, then the split of the augmented rows.
            let (xa, ya, _) =
                smote.fit_resample(&x, &y, seed::derive(seed0, "replicate/vandewiele/smote", i))?;
            let (train_a, test_a) = split(xa.nrows(), &mut rng);
            let before = auc(&xa, &ya, &train_a, &test_a, &forest, fit_seed)?;
            progress.tick();
            Ok(VdwRun {
                none,
                inside,
                before,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    progress.finish();
    let get = |f: fn(&VdwRun) -> f64| runs.iter().map(f).collect::<Vec<f64>>();
    let (none, inside, before) = (get(|r| r.none), get(|r| r.inside), get(|r| r.before));
    let minus = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(p, q)| p - q).collect::<Vec<f64>>();
    let what = "noise datasets";
    let mut findings = Findings::default();
    findings.push(Finding::new(
        "smote-before-split-inflates",
        "SMOTE before the split reads a higher test ROC-AUC on pure noise than SMOTE inside the training part",
        Effect::student_t(&minus(&before, &inside), what),
        Rope::symmetric(0.01),
        Direction::Greater,
    ));
    findings.push(Finding::new(
        "smote-inside-chance",
        "SMOTE inside the training part leaves the ROC-AUC on noise within 0.03 of chance (AUC − 0.5)",
        Effect::student_t(&inside.iter().map(|a| a - 0.5).collect::<Vec<f64>>(), what),
        Rope::symmetric(0.03),
        Direction::Equivalent,
    ));
    let row = |measure: &str, value: f64, ours: &[f64]| {
        Compared {
        measure: measure.into(),
        published: Some(Published {
            value,
            measures: "test ROC-AUC of a 100-tree random forest on 10,000 × 5 uniform noise, 10% positives, one 75/25 split",
            reference: "GillesVandewiele/EHG-Oversampling, README output of experiments/smote_random_data.py",
            tag: Tag::AuthorCode,
        }),
        ours: Effect::student_t(ours, what).into(),
    }
    };
    let comparisons = vec![
        row("ROC-AUC, no oversampling", 0.4921, &none),
        row("ROC-AUC, SMOTE after the split", 0.4849, &inside),
        row("ROC-AUC, SMOTE before the split", 0.9547, &before),
    ];
    Ok(finish(
        "vandewiele-2021",
        format!(
            "{sims} datasets: {rows} rows × {VDW_FEATURES} uniform noise features, y ~ Bernoulli({VDW_POSITIVE}) independent of X; random 75/25 split; random forest of {trees} trees (√5 → 2 features per split); SMOTE (k = 5, to balance) on the training part, or on all rows before the split"
        ),
        vec![
            "several datasets instead of the script's one (seed 42), for an interval",
            "mlproof's forest and SMOTE stand in for scikit-learn's RandomForestClassifier and smote_variants.SMOTE",
        ],
        comparisons,
        findings,
    ))
}
