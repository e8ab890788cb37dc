use super::*;
use ndarray::Array2;
use proptest::prelude::*;

/// Every row's distance, sorted by (distance, row): the definition the searches must meet.
fn exhaustive(points: &Array2<f64>, q: ArrayView1<f64>, me: Option<usize>, k: usize) -> Vec<usize> {
    let mut all: Vec<(f64, usize)> = (0..points.nrows())
        .filter(|&i| Some(i) != me)
        .map(|i| (squared_distance(q, points.row(i)), i))
        .collect();
    all.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    all.into_iter().take(k).map(|(_, i)| i).collect()
}

/// Brute force and the KD-tree both equal [`exhaustive`] for every query.
fn all_agree(points: &Array2<f64>, queries: &Array2<f64>, own: &[Option<usize>], k: usize) {
    let want: Vec<Vec<usize>> = queries
        .rows()
        .into_iter()
        .zip(own)
        .map(|(q, &me)| exhaustive(points, q, me, k))
        .collect();
    for search in [Search::BruteForce, Search::KdTree, Search::Auto] {
        let got = k_nearest(points.view(), queries.view(), own, k, search).unwrap();
        assert_eq!(got, want, "{search:?}, k = {k}");
    }
}

fn self_join(points: &Array2<f64>, k: usize) {
    let own: Vec<Option<usize>> = (0..points.nrows()).map(Some).collect();
    all_agree(points, points, &own, k);
}

#[test]
fn ties_go_to_the_lower_row_and_a_row_is_not_its_own_neighbour() {
    // Rows 1 and 2 are both at distance 1 from row 0.
    let x = Array2::from_shape_vec((4, 1), vec![0.0, 1.0, -1.0, 5.0]).unwrap();
    let own: Vec<Option<usize>> = (0..4).map(Some).collect();
    for search in [Search::BruteForce, Search::KdTree] {
        let nn = k_nearest(x.view(), x.view(), &own, 2, search).unwrap();
        assert_eq!(nn[0], vec![1, 2]);
        assert_eq!(nn[3], vec![1, 0]);
    }
}

#[test]
fn asking_for_more_neighbours_than_rows_is_refused() {
    let x = Array2::from_shape_vec((3, 1), vec![0.0, 1.0, 2.0]).unwrap();
    let own: Vec<Option<usize>> = (0..3).map(Some).collect();
    for search in [Search::BruteForce, Search::KdTree] {
        assert!(k_nearest(x.view(), x.view(), &own, 3, search).is_err());
        assert!(k_nearest(x.view(), x.view(), &own, 0, search).is_err());
    }
}

#[test]
fn identical_rows_tie_everywhere_and_go_in_row_order() {
    // 40 copies of one row: a KD-tree cannot split them; every neighbour list is the
    // lowest rows other than the query.
    let x = Array2::from_elem((40, 3), 2.5);
    self_join(&x, 1);
    self_join(&x, 39);
    let own: Vec<Option<usize>> = (0..40).map(Some).collect();
    let nn = k_nearest(x.view(), x.view(), &own, 3, Search::KdTree).unwrap();
    assert_eq!(nn[0], vec![1, 2, 3]);
    assert_eq!(nn[2], vec![0, 1, 3]);
}

#[test]
fn no_columns_means_every_row_is_at_distance_zero() {
    let x = Array2::<f64>::zeros((5, 0));
    let own: Vec<Option<usize>> = (0..5).map(Some).collect();
    let nn = k_nearest(x.view(), x.view(), &own, 2, Search::KdTree).unwrap();
    assert_eq!(
        nn,
        vec![vec![1, 2], vec![0, 2], vec![0, 1], vec![0, 1], vec![0, 1]]
    );
}

/// Rows of `d` columns drawn from `levels` values per coordinate (few levels: many
/// duplicate rows and equal distances), with column `constant` (if any) set to 7.
fn grid_rows(cells: Vec<u8>, d: usize, levels: u8, constant: Option<usize>) -> Array2<f64> {
    let n = cells.len() / d;
    let mut x = Array2::from_shape_fn((n, d), |(i, j)| f64::from(cells[i * d + j] % levels));
    if let Some(c) = constant {
        x.column_mut(c % d).fill(7.0);
    }
    x
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Continuous values, 1 or 20 columns, every k from 1 to n − 1, own row excluded.
    #[test]
    fn tree_and_brute_force_equal_the_exhaustive_search(
        d in prop::sample::select(vec![1usize, 2, 3, 20]),
        n in 2usize..120,
        seed in any::<u64>(),
        k_share in 0.0f64..1.0,
    ) {
        let mut rng = crate::seed::rng(seed, "test/neighbours", 0);
        let x = Array2::from_shape_fn((n, d), |_| rand::Rng::gen_range(&mut rng, -100.0..100.0));
        let k = 1 + ((n - 2) as f64 * k_share) as usize;
        self_join(&x, k);
        self_join(&x, 1);
        self_join(&x, n - 1);
    }

    /// Values on a small grid: duplicate rows and many rows tied at the k-th distance, with
    /// and without a constant column.
    #[test]
    fn ties_and_duplicates_resolve_by_row_index_in_every_search(
        d in prop::sample::select(vec![1usize, 2, 5, 20]),
        cells in proptest::collection::vec(any::<u8>(), 20 * 200),
        levels in 2u8..5,
        constant in proptest::option::of(0usize..20),
        n in 2usize..200,
        k_share in 0.0f64..1.0,
    ) {
        let x = grid_rows(cells[..n * d].to_vec(), d, levels, constant);
        let k = 1 + ((n - 2) as f64 * k_share) as usize;
        self_join(&x, k);
        self_join(&x, n - 1);
    }

    /// Queries that are not rows of the points (no own row), and a mix of both.
    #[test]
    fn outside_queries_and_partial_own_rows_agree(
        d in prop::sample::select(vec![1usize, 4, 20]),
        n in 2usize..150,
        m in 1usize..40,
        seed in any::<u64>(),
        k_share in 0.0f64..1.0,
    ) {
        let mut rng = crate::seed::rng(seed, "test/neighbours", 1);
        let mut draw = |rows: usize| Array2::from_shape_fn((rows, d), |_| {
            f64::from(rand::Rng::gen_range(&mut rng, -3i32..4)) * 0.5
        });
        let (x, q) = (draw(n), draw(m));
        let k = 1 + ((n - 2) as f64 * k_share) as usize;
        all_agree(&x, &q, &vec![None; m], k);
        // Queries 0, 2, 4, … are rows of x; the others are not.
        let picks: Vec<usize> = (0..m).map(|i| i % n).collect();
        let mixed = x.select(ndarray::Axis(0), &picks);
        let own: Vec<Option<usize>> =
            picks.iter().enumerate().map(|(i, &p)| (i % 2 == 0).then_some(p)).collect();
        let mixed = Array2::from_shape_fn(mixed.dim(), |(i, j)| {
            if i % 2 == 0 { mixed[[i, j]] } else { q[[i, j]] }
        });
        all_agree(&x, &mixed, &own, k);
    }
}
