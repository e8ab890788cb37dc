//! scikit-learn's feature draws at each node (`BestSplitter.node_split`): the order in which
//! a node's features are searched, and the features known to be constant below it.

use super::*;

/// The state of scikit-learn's Fisher–Yates feature draws (`BestSplitter.node_split`):
/// its xorshift generator, the `features` permutation and the known-constant prefix, both
/// shared by every node in build order.
pub(super) struct FeatureDraw {
    state: u32,
    features: Vec<usize>,
    constant_features: Vec<usize>,
}

impl FeatureDraw {
    /// The draws of a tree whose splitter seed is `rand_r_seed`, over `n_features` features.
    pub(super) fn new(rand_r_seed: u32, n_features: usize) -> Self {
        FeatureDraw {
            state: rand_r_seed,
            features: (0..n_features).collect(),
            constant_features: vec![0; n_features],
        }
    }

    /// scikit-learn's `our_rand_r`: 32-bit xorshift (Marsaglia 2003), reduced mod 2³¹.
    fn next(&mut self) -> u32 {
        if self.state == 0 {
            self.state = 1;
        }
        self.state ^= self.state << 13;
        self.state ^= self.state >> 17;
        self.state ^= self.state << 5;
        self.state % 0x8000_0000
    }

    /// `rand_int(low, high)`: low + our_rand_r() mod (high − low).
    fn int(&mut self, low: usize, high: usize) -> usize {
        low + self.next() as usize % (high - low)
    }
}

impl Grower<'_> {
    fn is_constant(&self, f: usize, start: usize, end: usize) -> bool {
        let list = &self.lists[f][start..end];
        list[list.len() - 1].value as f64 <= list[0].value as f64 + FEATURE_THRESHOLD
    }

    /// The order in which the node's features are evaluated, and the number known to be
    /// constant afterwards. Index order, or scikit-learn's draws: its loop depends only on
    /// which features are constant in the node, never on how good a split is.
    pub(super) fn feature_order(
        &mut self,
        start: usize,
        end: usize,
        n_known: usize,
    ) -> (Vec<usize>, usize) {
        let Some(mut d) = self.draw.take() else {
            return ((0..self.lists.len()).collect(), 0);
        };
        let n_features = d.features.len();
        let max_features = self
            .params
            .max_features
            .unwrap_or(n_features)
            .min(n_features);
        let (mut f_i, mut n_visited, mut n_found, mut n_drawn) = (n_features, 0, 0, 0);
        let mut n_total = n_known;
        let mut order = Vec::with_capacity(n_features);
        while f_i > n_total && (n_visited < max_features || n_visited <= n_found + n_drawn) {
            n_visited += 1;
            let mut f_j = d.int(n_drawn, f_i - n_found);
            if f_j < n_known {
                d.features.swap(n_drawn, f_j);
                n_drawn += 1;
                continue;
            }
            f_j += n_found;
            let feature = d.features[f_j];
            if self.is_constant(feature, start, end) {
                d.features.swap(f_j, n_total);
                n_found += 1;
                n_total += 1;
                continue;
            }
            f_i -= 1;
            d.features.swap(f_i, f_j);
            order.push(feature);
        }
        // Keep the known-constant prefix for siblings and children; record new constants.
        d.features[..n_known].copy_from_slice(&d.constant_features[..n_known]);
        let found = d.features[n_known..n_known + n_found].to_vec();
        d.constant_features[n_known..n_known + n_found].copy_from_slice(&found);
        self.draw = Some(d);
        (order, n_total)
    }

    /// The features known to be constant in the children of the node just searched (the
    /// first `n_constant` of scikit-learn's draws). They are never searched below, so their
    /// lists need not follow the split.
    pub(super) fn known_constant(&self, n_constant: usize) -> Vec<bool> {
        let mut known = vec![false; self.lists.len()];
        if let (Some(d), false) = (self.draw.as_ref(), reference()) {
            d.constant_features[..n_constant]
                .iter()
                .for_each(|&f| known[f] = true);
        }
        known
    }
}
