use super::*;
use mlproof_data::registry;

fn input<'a>(data: &'a DatasetSummary, counts: Vec<(String, usize)>) -> CardInput<'a> {
    CardInput {
        command: "mlproof cv --dataset yeast4".into(),
        model: "logistic regression".into(),
        data,
        class_counts: counts,
        validation: "stratified 5-fold (shuffled)".into(),
        n_folds: 10,
        metrics: vec![CardMetric {
            name: "ROC-AUC".into(),
            estimate: 0.81234,
            interval: Some([0.75, 0.87]),
            baseline: Some(0.5),
        }],
        threshold: None,
        findings: &[],
        warnings: &[],
        seed: 7,
    }
}

#[test]
fn a_card_has_the_nine_sections_of_mitchell_et_al() {
    let d = registry::load("pima", 0).unwrap();
    let summary = d.summary();
    let card = markdown(&input(&summary, class_counts(&d)));
    let sections = [
        "Model details",
        "Intended use",
        "Factors",
        "Metrics",
        "Evaluation data",
        "Training data",
        "Quantitative analyses",
        "Ethical considerations",
        "Caveats and recommendations",
    ];
    let mut at = 0;
    for s in sections {
        let found = card[at..]
            .find(&format!("## {s}\n"))
            .unwrap_or_else(|| panic!("{s}"));
        at += found;
    }
    assert!(
        card.contains("| ROC-AUC | 0.8123 | 0.7500 – 0.8700 | 0.5000 |"),
        "{card}"
    );
    assert!(card.contains("768 rows × 8 features"), "{card}");
    assert!(card.contains("seed 7"), "{card}");
}

#[test]
fn what_the_data_cannot_tell_is_a_visible_todo_not_invented() {
    let d = registry::load("pima", 0).unwrap();
    let summary = d.summary();
    let card = markdown(&input(&summary, class_counts(&d)));
    assert!(card.matches("**TODO**").count() >= 5, "{card}");
    assert!(
        card.contains("no breakdown by group was computed"),
        "{card}"
    );
}

#[test]
fn a_small_minority_and_the_missing_drift_check_are_caveats() {
    let d = registry::load("glass2", 0).unwrap();
    let summary = d.summary();
    let card = markdown(&input(&summary, class_counts(&d)));
    // 17 positives over 10 folds: 1.7 per fold.
    assert!(
        card.contains("Only 17 positive rows: about 1.7 per held-out fold"),
        "{card}"
    );
    assert!(card.contains("No drift check has been run"), "{card}");
    let timed = registry::load("sp500", 0).unwrap();
    let s = timed.summary();
    let card = markdown(&input(&s, Vec::new()));
    assert!(card.contains("`mlproof drift`"), "{card}");
}
