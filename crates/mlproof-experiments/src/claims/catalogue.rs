//! The claims: what interview banks state, who showed when it holds, and the experiment
//! that judges it here.

use mlproof_core::Result;

use super::{ensembles, imbalance, linear, models, validation, validation_more, Context, Outcome};

/// One claim of the catalogue.
pub struct Claim {
    pub id: &'static str,
    pub claim: &'static str,
    pub source: &'static str,
    /// What is generated when the claim needs a known truth (`None`: the dataset itself).
    pub generated: Option<&'static str>,
    /// The command that shows the underlying demo, given the dataset argument.
    pub command: fn(&str) -> String,
    pub run: fn(&Context) -> Result<Outcome>,
}

/// `$cmd` holds `{}` for the dataset argument, or `{:.0}` (which prints nothing) for a demo
/// on generated data that takes none.
macro_rules! claim {
    ($id:literal, $claim:literal, $source:literal, $generated:expr, $cmd:literal, $run:path) => {
        Claim {
            id: $id,
            claim: $claim,
            source: $source,
            generated: $generated,
            command: |arg| format!(concat!("mlproof ", $cmd), arg),
            run: $run,
        }
    };
}

pub const CATALOGUE: &[Claim] = &[
    claim!(
        "accuracy-misleads",
        "on imbalanced data accuracy barely separates a no-skill model from a real one while balanced accuracy does",
        "Provost 2000; He & Garcia 2009",
        None,
        "metrics {}",
        models::accuracy_misleads
    ),
    claim!(
        "model-beats-baseline",
        "logistic regression beats the no-skill baseline (ROC-AUC > 0.5)",
        "—",
        None,
        "cv {}",
        models::model_beats_baseline
    ),
    claim!(
        "smote-raises-recall",
        "in-fold SMOTE raises minority recall at the default threshold",
        "Chawla et al. 2002",
        None,
        "imbalance {}",
        imbalance::smote_raises_recall
    ),
    claim!(
        "smote-helps-weak-learner",
        "SMOTE raises a single tree's ROC-AUC",
        "Elor & Averbuch-Elor 2022",
        None,
        "imbalance {} --model tree",
        imbalance::smote_helps_weak_learner
    ),
    claim!(
        "smote-no-gain-strong-learner",
        "with gradient boosting, SMOTE leaves ROC-AUC unchanged",
        "Elor & Averbuch-Elor 2022",
        None,
        "imbalance {}",
        imbalance::smote_no_gain_strong_learner
    ),
    claim!(
        "corrections-hurt-calibration",
        "SMOTE, under-sampling and class weights worsen logistic regression's Brier score",
        "van den Goorbergh et al. 2022",
        None,
        "imbalance {}",
        imbalance::corrections_hurt_calibration
    ),
    claim!(
        "corrections-keep-auc",
        "SMOTE, under-sampling and class weights leave logistic regression's ROC-AUC unchanged",
        "van den Goorbergh et al. 2022",
        None,
        "imbalance {}",
        imbalance::corrections_keep_auc
    ),
    claim!(
        "threshold-matches-resampling",
        "moving the threshold reaches the resampled model's F1",
        "van den Goorbergh et al. 2022",
        None,
        "imbalance {}",
        imbalance::threshold_matches_resampling
    ),
    claim!(
        "leaky-smote-inflates",
        "SMOTE before the split inflates CV F1",
        "Vandewiele et al. 2021",
        None,
        "leakage --kind resampling --method smote {}",
        imbalance::leaky_smote_inflates
    ),
    claim!(
        "selection-leak-inflates",
        "selecting features on all rows before CV inflates the score",
        "Ambroise & McLachlan 2002; ESL §7.10.2",
        Some("500 pure-noise features beside the dataset's labels"),
        "leakage --kind preprocessing {}",
        validation::selection_leak_inflates
    ),
    claim!(
        "tuning-leak-inflates",
        "the CV score of the configuration chosen by that CV exceeds a nested estimate",
        "Varma & Simon 2006; Cawley & Talbot 2010",
        None,
        "curves {}",
        validation::tuning_leak_inflates
    ),
    claim!(
        "stratified-lower-variance",
        "stratified k-fold estimates vary less than plain k-fold on imbalanced data",
        "Kohavi 1995",
        None,
        "split --kind stratified {}",
        validation::stratified_lower_variance
    ),
    claim!(
        "depth-overfits",
        "the train − CV gap grows with tree depth",
        "—",
        None,
        "curves {}",
        models::depth_overfits
    ),
    claim!(
        "scaling-changes-knn",
        "standardising changes k-NN's CV score (here: raises its ROC-AUC)",
        "—",
        None,
        "features scaling {}",
        models::scaling_changes_knn
    ),
    claim!(
        "scaling-leaves-trees",
        "standardising leaves a tree's CV score exactly unchanged",
        "—",
        None,
        "features scaling {}",
        models::scaling_leaves_trees
    ),
    claim!(
        "more-data-narrows-gap",
        "the train − CV gap shrinks as training rows grow",
        "—",
        None,
        "curves --kind learning {}",
        models::more_data_narrows_gap
    ),
    claim!(
        "simple-model-suffices",
        "the simplest model of the baseline ladder is equivalent to the best one",
        "the \"smallest model that survives\" advice",
        None,
        "cv {}",
        models::simple_model_suffices
    ),
    claim!(
        "impurity-importance-favours-cardinality",
        "a random high-cardinality feature gets impurity importance but no permutation importance",
        "Strobl et al. 2007",
        Some("a random column with a distinct value on every row, added to the features"),
        "tree importance {}",
        models::impurity_favours_cardinality
    ),
    claim!(
        "early-stopping-helps",
        "early-stopped boosting has lower validation loss than the last stage",
        "—",
        None,
        "curves --kind early-stopping {}",
        models::early_stopping_helps
    ),
    claim!(
        "shuffled-kfold-overestimates-time",
        "on forward-labelled time-ordered data, shuffled k-fold reads higher than a time-series split",
        "Cerqueira et al. 2020",
        None,
        "leakage {}",
        validation::shuffled_kfold_overestimates_time
    ),
    claim!(
        "kfold-fine-autoregressive",
        "for a linear autoregressive model on a stationary AR series, shuffled k-fold error equals forward error",
        "Bergmeir, Hyndman & Koo 2018",
        Some("50 AR(1) series (φ = 0.5, 500 steps), least squares on 3 lags"),
        "split --kind time-series {}",
        validation_more::kfold_fine_autoregressive
    ),
    claim!(
        "loo-high-variance",
        "leave-one-out's estimate varies at least as much as 10-fold's",
        "Kohavi 1995",
        None,
        "cv --compare {}",
        validation_more::loo_high_variance
    ),
    claim!(
        "pruning-helps",
        "a tree pruned by CV-chosen α beats the full tree on outer folds",
        "Breiman et al. 1984",
        None,
        "tree prune {}",
        ensembles::pruning_helps
    ),
    claim!(
        "forest-lowers-variance",
        "a random forest's variance term is below one deep tree's",
        "Breiman 2001",
        None,
        "tree ensemble {}",
        ensembles::forest_lowers_variance
    ),
    claim!(
        "bagging-keeps-bias",
        "bagging leaves the bias term of a deep tree unchanged",
        "Breiman 1996",
        None,
        "tree ensemble {}",
        ensembles::bagging_keeps_bias
    ),
    claim!(
        "boosting-lowers-bias",
        "boosting lowers the bias term of a shallow tree",
        "Friedman 2001",
        None,
        "tree ensemble {}",
        ensembles::boosting_lowers_bias
    ),
    claim!(
        "l1-sparse",
        "at its CV-chosen α the lasso zeroes coefficients that ridge keeps",
        "Tibshirani 1996",
        None,
        "regularize {}",
        linear::l1_sparse
    ),
    claim!(
        "l1-unstable-correlated",
        "under correlated twins the lasso flips between them across resamples",
        "Zou & Hastie 2005",
        Some("three pairs of twin features (correlation 0.99) and noise features, 100 bootstrap resamples"),
        "regularize --demo instability{:.0}",
        linear::l1_unstable_correlated
    ),
    claim!(
        "elastic-net-groups",
        "the elastic net keeps both twins more often than the lasso",
        "Zou & Hastie 2005",
        Some("three pairs of twin features (correlation 0.99) and noise features, 100 bootstrap resamples"),
        "regularize --demo instability{:.0}",
        linear::elastic_net_groups
    ),
];
