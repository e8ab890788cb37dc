use super::*;
use ndarray::Array2;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// mlproof's searches and linfa-nn's KD-tree and ball tree agree on continuous data
    /// (no ties).
    #[test]
    fn mlproof_and_the_linfa_trees_agree(
        values in proptest::collection::vec(-100.0f64..100.0, 30 * 3),
        k in 1usize..8,
    ) {
        let x = Array2::from_shape_vec((30, 3), values).unwrap();
        let own: Vec<Option<usize>> = (0..30).map(Some).collect();
        let brute = k_nearest(x.view(), x.view(), &own, k, Search::BruteForce).unwrap();
        let tree = k_nearest(x.view(), x.view(), &own, k, Search::KdTree).unwrap();
        prop_assert_eq!(&tree, &brute);
        for index in [LinfaIndex::KdTree, LinfaIndex::BallTree] {
            let linfa = with_linfa(index, x.view(), x.view(), &own, k).unwrap();
            prop_assert_eq!(&linfa, &brute);
        }
    }
}
