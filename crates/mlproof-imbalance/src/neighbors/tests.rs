use super::*;
use ndarray::Array2;
use proptest::prelude::*;

fn naive(points: &Array2<f64>, q: usize, k: usize) -> Vec<usize> {
    let mut all: Vec<(f64, usize)> = (0..points.nrows())
        .filter(|&i| i != q)
        .map(|i| (squared_distance(points.row(q), points.row(i)), i))
        .collect();
    all.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    all.into_iter().take(k).map(|(_, i)| i).collect()
}

#[test]
fn ties_go_to_the_lower_row_and_a_row_is_not_its_own_neighbour() {
    // Rows 1 and 2 are both at distance 1 from row 0.
    let x = Array2::from_shape_vec((4, 1), vec![0.0, 1.0, -1.0, 5.0]).unwrap();
    let own: Vec<Option<usize>> = (0..4).map(Some).collect();
    let nn = k_nearest(x.view(), x.view(), &own, 2, Search::BruteForce).unwrap();
    assert_eq!(nn[0], vec![1, 2]);
    assert_eq!(nn[3], vec![1, 0]);
}

#[test]
fn asking_for_more_neighbours_than_rows_is_refused() {
    let x = Array2::from_shape_vec((3, 1), vec![0.0, 1.0, 2.0]).unwrap();
    let own: Vec<Option<usize>> = (0..3).map(Some).collect();
    assert!(k_nearest(x.view(), x.view(), &own, 3, Search::BruteForce).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// Brute force, linfa-nn's KD-tree and its ball tree agree on continuous data (no ties).
    #[test]
    fn brute_force_and_the_linfa_trees_agree(
        values in proptest::collection::vec(-100.0f64..100.0, 30 * 3),
        k in 1usize..8,
    ) {
        let x = Array2::from_shape_vec((30, 3), values).unwrap();
        let own: Vec<Option<usize>> = (0..30).map(Some).collect();
        let brute = k_nearest(x.view(), x.view(), &own, k, Search::BruteForce).unwrap();
        for (q, near) in brute.iter().enumerate() {
            prop_assert_eq!(near, &naive(&x, q, k));
        }
        for search in [Search::KdTree, Search::BallTree] {
            let tree = k_nearest(x.view(), x.view(), &own, k, search).unwrap();
            prop_assert_eq!(&tree, &brute);
        }
    }
}
