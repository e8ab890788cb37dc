//! mlproof's CART against linfa-trees 0.8.1, kept as the cross-check (NOTES.md: linfa-trees
//! equals scikit-learn at depth 1 on every bundled set and departs from depth 2 on, through
//! f32 weights and its own tie rules). At depth 1 the two must make the same predictions.

use linfa::prelude::{Fit, Predict};
use linfa_trees::{DecisionTree, SplitQuality};
use mlproof_core::data::registry;
use mlproof_trees::{Criterion, Tree, TreeParams};

#[test]
fn at_depth_one_mlproof_and_linfa_trees_predict_alike_on_every_numeric_set() {
    for name in ["pima", "wisconsin", "ecoli3", "glass2", "yeast4"] {
        let d = registry::load(name, 0).unwrap();
        let y = d.binary_target().unwrap();
        for (ours, theirs) in [
            (Criterion::Gini, SplitQuality::Gini),
            (Criterion::Entropy, SplitQuality::Entropy),
        ] {
            let params = TreeParams {
                criterion: ours,
                max_depth: Some(1),
                ..TreeParams::default()
            };
            let tree =
                Tree::fit_classifier(d.features.view(), &y.to_vec(), 2, None, &params).unwrap();
            let data = linfa::Dataset::new(d.features.clone(), y.clone());
            let linfa_tree = DecisionTree::params()
                .split_quality(theirs)
                .max_depth(Some(1))
                .min_impurity_decrease(1e-12)
                .fit(&data)
                .unwrap();
            let linfa_pred = linfa_tree.predict(&d.features);
            let our_pred = tree.predict_class(&d.features);
            let differ = our_pred
                .iter()
                .zip(linfa_pred.iter())
                .filter(|(a, b)| a != b)
                .count();
            assert_eq!(differ, 0, "{name} {ours:?}");
        }
    }
}
