use super::*;
use crate::cart::TreeParams;
use ndarray::Array2;

#[test]
fn the_path_ends_at_the_root_and_its_impurity_rises_with_alpha() {
    let x = Array2::from_shape_fn((40, 2), |(i, j)| ((i * 7 + j * 13) % 17) as f64);
    let y: Vec<usize> = (0..40).map(|i| usize::from((i * 5) % 7 < 3)).collect();
    let t = Tree::fit_classifier(x.view(), &y, 2, None, &TreeParams::default()).unwrap();
    let p = pruning_path(&t);
    assert_eq!(p.ccp_alphas[0], 0.0);
    assert!(p.ccp_alphas.windows(2).all(|w| w[0] <= w[1]));
    assert!(p.impurities.windows(2).all(|w| w[0] <= w[1] + 1e-15));
    assert_eq!(*p.leaves.last().unwrap(), 1);
    assert!((p.impurities.last().unwrap() - t.nodes[0].impurity).abs() < 1e-12);
    // Pruning just below the last alpha keeps more than the root; at it, only the root.
    let last = *p.ccp_alphas.last().unwrap();
    assert_eq!(prune(&t, last).n_leaves(), 1);
    assert!(prune(&t, last * 0.999).n_leaves() > 1);
}

#[test]
fn replaying_the_weakest_links_prunes_as_pruning_does() {
    use crate::cart::tests::fingerprint;
    for (n, salt) in [(60, 3), (300, 11), (900, 29)] {
        let x = Array2::from_shape_fn((n, 3), |(i, j)| ((i * (7 + salt) + j * 13) % 41) as f64);
        let y: Vec<usize> = (0..n)
            .map(|i| usize::from((i * salt) % 9 < 4 || x[[i, 0]] > 30.0))
            .collect();
        let t = Tree::fit_classifier(x.view(), &y, 2, None, &TreeParams::default()).unwrap();
        let links = WeakestLinks::of(&t);
        let alphas = pruning_path(&t).ccp_alphas;
        assert!(alphas.len() > 3, "a tree with something to prune");
        // Every alpha on the path, just below and above it, and beyond the last.
        let tried = alphas
            .iter()
            .flat_map(|&a| [a, a * (1.0 - 1e-9), a * (1.0 + 1e-9)])
            .chain([0.0, 1.0]);
        for alpha in tried {
            assert_eq!(
                fingerprint(&prune_along(&t, &links, alpha)),
                fingerprint(&prune(&t, alpha)),
                "n {n}, alpha {alpha}"
            );
        }
    }
}
