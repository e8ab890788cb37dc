//! One published design rerun (see the parent module).

use super::*;

// ---------------------------------------------------------------------------------------
// ESL §7.10.2

/// ESL §7.10.2's design.
pub const ESL_ROWS: usize = 50;
pub const ESL_FEATURES: usize = 5000;
pub const ESL_SELECTED: usize = 100;
pub const ESL_FOLDS: usize = 5;

pub(super) struct EslRun {
    wrong: f64,
    right: f64,
    held_out_corr: f64,
}

pub(super) fn esl_7_10_2(sims: usize, seed0: u64, progress: &dyn Observer) -> Result<Replication> {
    esl_sized(sims, ESL_FEATURES, seed0, progress)
}

pub(super) fn esl_sized(
    sims: usize,
    features: usize,
    seed0: u64,
    progress: &dyn Observer,
) -> Result<Replication> {
    let y = balanced_labels(ESL_ROWS);
    let one_nn = Knn { k: 1 };
    let runs = simulate("esl-7.10.2", sims, progress, |i| {
        let mut rng = seed::rng(seed0, "replicate/esl/x", i);
        let x = normal_matrix(&mut rng, ESL_ROWS, features);
        let folds = stratified_k_fold(
            &y.to_vec(),
            ESL_FOLDS,
            Some(seed::derive(seed0, "replicate/esl/folds", i)),
        )?
        .folds;
        // The wrong way: the 100 predictors screened on all 50 rows, then 1-NN cross-validated.
        let screened = SelectKBest { k: ESL_SELECTED }.fit(&x, &y)?.apply(&x);
        let wrong = cv_error(&screened, &y, &one_nn, &folds, seed0)?;
        // The right way: screening redone inside every training fold.
        let right_way = Pipeline {
            steps: vec![Box::new(SelectKBest { k: ESL_SELECTED })],
            learner: Box::new(Knn { k: 1 }),
        };
        let right = cv_error(&x, &y, &right_way, &folds, seed0)?;
        // Fig. 7.10: the pre-selected predictors' correlation with the labels over one
        // held-out fold of 10 rows, signed as on all rows.
        let full = signed_correlations(&screened, &y);
        let held = &folds[0].test;
        let part = signed_correlations(&screened.select(Axis(0), held), &y.select(Axis(0), held));
        let held_out_corr = full
            .iter()
            .zip(&part)
            .map(|(f, p)| f.signum() * p)
            .sum::<f64>()
            / full.len() as f64;
        Ok(EslRun {
            wrong,
            right,
            held_out_corr,
        })
    })?;
    let wrong: Vec<f64> = runs.iter().map(|r| r.wrong).collect();
    let right: Vec<f64> = runs.iter().map(|r| r.right).collect();
    let corr: Vec<f64> = runs.iter().map(|r| r.held_out_corr).collect();
    let what = "simulations";
    let mut findings = Findings::default();
    let gap = |v: &[f64]| v.iter().map(|e| e - 0.5).collect::<Vec<f64>>();
    findings.push(Finding::new(
        "esl-wrong-way-below-truth",
        "screening on all rows then cross-validating 1-NN reads a CV error below the true 50% (CV error − 0.5)",
        Effect::student_t(&gap(&wrong), what),
        Rope::symmetric(0.05),
        Direction::Less,
    ));
    findings.push(Finding::new(
        "esl-right-way-near-truth",
        "screening inside the folds reads a CV error within 5 points of the true 50% (CV error − 0.5)",
        Effect::student_t(&gap(&right), what),
        Rope::symmetric(0.05),
        Direction::Equivalent,
    ));
    let comparisons = vec![
        Compared {
            measure: "wrong-way CV error (mean)".into(),
            published: Some(Published {
                value: 0.03,
                measures: "average CV error over 50 simulations, predictors screened on all 50 samples",
                reference: "ESL 2nd ed. §7.10.2, p. 245: \"the average CV error rate was 3%\"",
                tag: Tag::Primary,
            }),
            ours: Effect::student_t(&wrong, what).into(),
        },
        Compared {
            measure: "right-way CV error (mean)".into(),
            published: Some(Published {
                value: 0.5,
                measures: "average CV error of the correct procedure on null data (§7.10.3's control, N = 20, p = 500, stumps)",
                reference: "ESL §7.10.3: \"the average cross-validation error is around 50%\"",
                tag: Tag::Primary,
            }),
            ours: Effect::student_t(&right, what).into(),
        },
        Compared {
            measure: "held-out corr. of screened predictors".into(),
            published: Some(Published {
                value: 0.28,
                measures: "mean correlation with the labels over 10 held-out samples",
                reference: "ESL §7.10.2, Fig. 7.10 text: \"the correlations average about 0.28\"",
                tag: Tag::Primary,
            }),
            ours: Effect::student_t(&corr, what).into(),
        },
    ];
    Ok(finish(
        "esl-7.10.2",
        format!(
            "{sims} simulations: N = {ESL_ROWS} (25/25), p = {features} standard Gaussian predictors independent of the labels, top {ESL_SELECTED} by |correlation|, 1-NN, {ESL_FOLDS}-fold CV; true error 50%"
        ),
        vec![
            "5 folds (the text implies five-fold for the 3% figure)",
            "stratified folds",
            "the right-way control on §7.10.2's own design (ESL's control uses §7.10.3's)",
        ],
        comparisons,
        findings,
    ))
}
