//! Growing the tree: depth-first, with scikit-learn's best-split search.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2};
use serde::Serialize;

use super::{Criterion, TreeParams};
use mlproof_core::{Error, Result};

/// Values closer than this are one value (scikit-learn's `FEATURE_THRESHOLD`).
const FEATURE_THRESHOLD: f64 = 1e-7;

/// A node: its rows, impurity and value (class weights, or the mean target), and its split.
/// `v` rounded to the nearest float32 (ties to even), as NumPy's `astype(np.float32)`,
/// and back: scikit-learn's trees see X as float32 (`DTYPE`), at fit and at prediction.
/// Values beyond float32's range become ±∞ there too.
#[inline]
pub fn as_float32(v: f64) -> f64 {
    v as f32 as f64
}

#[derive(Debug, Clone, Serialize)]
pub struct Node {
    pub depth: usize,
    pub n_samples: usize,
    pub weighted_n_samples: f64,
    pub impurity: f64,
    /// Per-class weight (classification) or `[mean]` (regression).
    pub value: Vec<f64>,
    pub split: Option<Split>,
}

/// `x[feature] <= threshold` goes to `left`.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Split {
    pub feature: usize,
    pub threshold: f64,
    pub left: usize,
    pub right: usize,
    /// Another feature gave the same impurity decrease (within 1e-12, relative), or, in a
    /// weighted tree, another threshold did (weighted sums round differently in another
    /// summation order). scikit-learn picks among tied features in a random order fixed by
    /// `random_state`; the winner of a rounding tie depends on summation order; so the two
    /// may differ below this node.
    pub tied: bool,
}

/// A fitted tree; node 0 is the root.
#[derive(Debug, Clone, Serialize)]
pub struct Tree {
    pub nodes: Vec<Node>,
    pub criterion: Criterion,
    pub n_features: usize,
}

/// The targets a tree is grown on.
enum Targets<'a> {
    Classes { y: &'a [usize], n_classes: usize },
    Values(&'a [f64]),
}

impl Targets<'_> {
    fn width(&self) -> usize {
        match self {
            Targets::Classes { n_classes, .. } => *n_classes,
            Targets::Values(_) => 3,
        }
    }

    /// Adds row i with weight w to the sufficient statistics.
    fn add(&self, stats: &mut [f64], i: usize, w: f64) {
        match self {
            Targets::Classes { y, .. } => stats[y[i]] += w,
            Targets::Values(y) => {
                stats[0] += w;
                stats[1] += w * y[i];
                stats[2] += w * y[i] * y[i];
            }
        }
    }
}

/// A node still to build: its rows `samples[start..end]` and (parent, is-left).
struct Pending {
    start: usize,
    end: usize,
    depth: usize,
    parent: Option<(usize, bool)>,
    /// Features known to be constant here (scikit-learn's `n_constant_features`).
    n_constant: usize,
}

struct Best {
    feature: usize,
    threshold: f64,
    proxy: f64,
    tied: bool,
    /// Rows going left: the first `n_left` of the node's rows sorted by `feature`.
    n_left: usize,
}

impl Tree {
    /// Grows a classification tree on class codes `0..n_classes`, optionally weighted.
    pub fn fit_classifier<'a>(
        x: ArrayView2<'a, f64>,
        y: &'a [usize],
        n_classes: usize,
        weights: Option<&'a [f64]>,
        params: &TreeParams,
    ) -> Result<Tree> {
        if !params.criterion.is_classification() {
            return Err(Error::param(
                "criterion",
                "must be gini or entropy for a classification tree",
            ));
        }
        if let Some(bad) = y.iter().find(|&&c| c >= n_classes) {
            return Err(Error::input(format!(
                "class code {bad} is outside the {n_classes} classes"
            )));
        }
        grow(x, Targets::Classes { y, n_classes }, weights, params)
    }

    /// Grows a regression tree (squared error), optionally weighted.
    pub fn fit_regressor<'a>(
        x: ArrayView2<'a, f64>,
        y: &'a [f64],
        weights: Option<&'a [f64]>,
        params: &TreeParams,
    ) -> Result<Tree> {
        let params = TreeParams {
            criterion: Criterion::SquaredError,
            ..*params
        };
        grow(x, Targets::Values(y), weights, &params)
    }

    /// The leaf a row falls into: left when the row's value, rounded to float32 as
    /// scikit-learn casts X at prediction, is ≤ the threshold.
    pub fn leaf(&self, row: ArrayView1<f64>) -> usize {
        let mut id = 0;
        while let Some(s) = self.nodes[id].split {
            id = if as_float32(row[s.feature]) <= s.threshold {
                s.left
            } else {
                s.right
            };
        }
        id
    }

    /// Class probabilities: each row's leaf class weights, normalised (scikit-learn's
    /// `predict_proba`).
    pub fn predict_proba(&self, x: &Array2<f64>) -> Array2<f64> {
        let k = self.nodes[0].value.len();
        let mut out = Array2::zeros((x.nrows(), k));
        for (i, row) in x.rows().into_iter().enumerate() {
            let v = &self.nodes[self.leaf(row)].value;
            let total: f64 = v.iter().sum();
            for c in 0..k {
                out[[i, c]] = v[c] / total;
            }
        }
        out
    }

    /// The class with the largest leaf weight, ties to the lower class (scikit-learn's
    /// `predict`, an argmax).
    pub fn predict_class(&self, x: &Array2<f64>) -> Array1<usize> {
        x.rows()
            .into_iter()
            .map(|row| {
                let v = &self.nodes[self.leaf(row)].value;
                (0..v.len()).fold(0, |best, c| if v[c] > v[best] { c } else { best })
            })
            .collect()
    }

    /// Regression predictions: each row's leaf mean.
    pub fn predict_value(&self, x: &Array2<f64>) -> Array1<f64> {
        x.rows()
            .into_iter()
            .map(|row| self.nodes[self.leaf(row)].value[0])
            .collect()
    }

    /// Whether any split chose among features tied on impurity decrease.
    pub fn has_tied_split(&self) -> bool {
        self.nodes.iter().any(|n| n.split.is_some_and(|s| s.tied))
    }

    pub fn n_leaves(&self) -> usize {
        self.nodes.iter().filter(|n| n.split.is_none()).count()
    }

    /// Depth of the deepest leaf (a lone root has depth 0).
    pub fn depth(&self) -> usize {
        self.nodes.iter().map(|n| n.depth).max().unwrap_or(0)
    }
}

/// A feature matrix prepared once for growing many trees on the same rows (gradient
/// boosting's stages): its columns, and every column's rows sorted by value. A tree grown
/// on it equals the tree grown on the matrix itself, split for split.
#[derive(Debug, Clone)]
pub struct Presorted {
    n_rows: usize,
    columns: Vec<Vec<f64>>,
    sorted: Vec<Vec<u32>>,
}

impl Presorted {
    /// Copies `x` column by column and sorts every column's rows (stably, by value).
    pub fn new(x: ArrayView2<f64>) -> Result<Presorted> {
        if x.iter().any(|v| !v.is_finite()) {
            return Err(Error::input("features must be finite numbers"));
        }
        if x.iter().any(|v| v.abs() > f32::MAX as f64) {
            return Err(Error::input(
                "a feature value is beyond ±3.4e38, float32's range, which trees use (as \
                 scikit-learn's do); rescale that column",
            ));
        }
        let n = x.nrows();
        // Column-major copy for cache-friendly scans, and every feature's rows presorted once.
        // Values are rounded to float32 first, as scikit-learn casts X: thresholds are then
        // midpoints (in float64) of float32 values, and values equal in float32 tie.
        let columns: Vec<Vec<f64>> = x
            .columns()
            .into_iter()
            .map(|c| c.iter().map(|&v| as_float32(v)).collect())
            .collect();
        let sorted: Vec<Vec<u32>> = columns
            .iter()
            .map(|col| {
                let mut order: Vec<u32> = (0..n as u32).collect();
                order.sort_by(|&a, &b| col[a as usize].total_cmp(&col[b as usize]));
                order
            })
            .collect();
        Ok(Presorted {
            n_rows: n,
            columns,
            sorted,
        })
    }

    pub fn n_rows(&self) -> usize {
        self.n_rows
    }

    pub fn n_features(&self) -> usize {
        self.columns.len()
    }
}

impl Tree {
    /// [`Tree::fit_regressor`] on a [`Presorted`] matrix: the same tree, without sorting.
    pub fn fit_regressor_presorted(
        x: &Presorted,
        y: &[f64],
        weights: Option<&[f64]>,
        params: &TreeParams,
    ) -> Result<Tree> {
        let params = TreeParams {
            criterion: Criterion::SquaredError,
            ..*params
        };
        grow_presorted(x, Targets::Values(y), weights, &params)
    }
}

fn grow<'a>(
    x: ArrayView2<'a, f64>,
    targets: Targets<'a>,
    weights: Option<&'a [f64]>,
    params: &TreeParams,
) -> Result<Tree> {
    check_shape(x.nrows(), &targets, weights)?;
    grow_presorted(&Presorted::new(x)?, targets, weights, params)
}

fn check_shape(n: usize, targets: &Targets, weights: Option<&[f64]>) -> Result<()> {
    let len_y = match targets {
        Targets::Classes { y, .. } => y.len(),
        Targets::Values(y) => y.len(),
    };
    if n == 0 || len_y != n || weights.is_some_and(|w| w.len() != n) {
        return Err(Error::input(format!(
            "a tree needs matching, non-empty rows and targets ({n} rows, {len_y} targets)"
        )));
    }
    Ok(())
}

fn grow_presorted<'a>(
    x: &'a Presorted,
    targets: Targets<'a>,
    weights: Option<&'a [f64]>,
    params: &TreeParams,
) -> Result<Tree> {
    let n = x.n_rows();
    check_shape(n, &targets, weights)?;
    let n_features = x.n_features();
    let (columns, sorted) = (&x.columns, x.sorted.clone());
    let total_weight = weights.map_or(n as f64, |w| w.iter().sum());
    let mut grower = Grower {
        columns,
        sorted,
        targets,
        weights,
        params: *params,
        total_weight,
        goes_left: vec![false; n],
        buffer: Vec::with_capacity(n),
        draw: match params.feature_order {
            super::FeatureOrder::Index => None,
            super::FeatureOrder::ScikitLearn { rand_r_seed } => Some(FeatureDraw {
                state: rand_r_seed,
                features: (0..n_features).collect(),
                constant_features: vec![0; n_features],
            }),
        },
    };
    let mut nodes: Vec<Node> = Vec::new();
    // Depth-first, left child first.
    let mut stack = vec![Pending {
        start: 0,
        end: n,
        depth: 0,
        parent: None,
        n_constant: 0,
    }];
    while let Some(Pending {
        start,
        end,
        depth,
        parent,
        n_constant,
    }) = stack.pop()
    {
        let id = nodes.len();
        let (node, split_at, n_constant) = grower.node(start, end, depth, n_constant);
        nodes.push(node);
        if let Some((p, s)) = parent {
            // A parent is pushed with its split before its children.
            if let Some(split) = nodes[p].split.as_mut() {
                if s {
                    split.left = id;
                } else {
                    split.right = id;
                }
            }
        }
        if let Some(pos) = split_at {
            stack.push(Pending {
                start: start + pos,
                end,
                depth: depth + 1,
                parent: Some((id, false)),
                n_constant,
            });
            stack.push(Pending {
                start,
                end: start + pos,
                depth: depth + 1,
                parent: Some((id, true)),
                n_constant,
            });
        }
    }
    let tree = Tree {
        nodes,
        criterion: params.criterion,
        n_features,
    };
    Ok(if params.ccp_alpha > 0.0 {
        crate::pruning::prune(&tree, params.ccp_alpha)
    } else {
        tree
    })
}

/// Grows nodes over presorted index lists: `sorted[f][start..end]` holds a node's rows in
/// increasing order of feature f, for every f at once, so a node's split search is a linear
/// scan; splitting a node partitions every list's segment stably, keeping it sorted.
struct Grower<'a> {
    columns: &'a [Vec<f64>],
    sorted: Vec<Vec<u32>>,
    targets: Targets<'a>,
    weights: Option<&'a [f64]>,
    params: TreeParams,
    total_weight: f64,
    goes_left: Vec<bool>,
    buffer: Vec<u32>,
    /// scikit-learn's feature draws, when the tree follows them.
    draw: Option<FeatureDraw>,
}

/// The state of scikit-learn's Fisher–Yates feature draws (`BestSplitter.node_split`):
/// its xorshift generator, the `features` permutation and the known-constant prefix, both
/// shared by every node in build order.
struct FeatureDraw {
    state: u32,
    features: Vec<usize>,
    constant_features: Vec<usize>,
}

impl FeatureDraw {
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
    fn w(&self, i: usize) -> f64 {
        self.weights.map_or(1.0, |w| w[i])
    }

    fn stats(&self, rows: &[u32]) -> (Vec<f64>, f64) {
        let mut stats = vec![0.0; self.targets.width()];
        let mut total = 0.0;
        for &i in rows {
            let w = self.w(i as usize);
            self.targets.add(&mut stats, i as usize, w);
            total += w;
        }
        (stats, total)
    }

    fn value(&self, stats: &[f64], total: f64) -> Vec<f64> {
        match self.targets {
            Targets::Classes { .. } => stats.to_vec(),
            Targets::Values(_) => vec![stats[1] / total],
        }
    }

    /// Builds the node over rows `start..end` of the sorted lists; if it splits, partitions
    /// them (left rows first) and returns the number of left rows.
    /// Also returns the features known to be constant for the children.
    fn node(
        &mut self,
        start: usize,
        end: usize,
        depth: usize,
        n_known: usize,
    ) -> (Node, Option<usize>, usize) {
        let (stats, total) = self.stats(&self.sorted[0][start..end]);
        let impurity = self.params.criterion.impurity(&stats, total);
        let m = end - start;
        let mut node = Node {
            depth,
            n_samples: m,
            weighted_n_samples: total,
            impurity,
            value: self.value(&stats, total),
            split: None,
        };
        let p = self.params;
        let is_leaf = p.max_depth.is_some_and(|d| depth >= d)
            || m < p.min_samples_split
            || m < 2 * p.min_samples_leaf
            || impurity <= f64::EPSILON;
        if is_leaf {
            return (node, None, n_known);
        }
        let (order, n_constant) = self.feature_order(start, end, n_known);
        let Some(best) = self.best_split(start, end, &stats, total, &order) else {
            return (node, None, n_constant);
        };
        let (left_rows, right_rows) = self.sorted[best.feature][start..end].split_at(best.n_left);
        let (ls, lw) = self.stats(left_rows);
        let (rs, rw) = self.stats(right_rows);
        let c = p.criterion;
        let improvement = (total / self.total_weight)
            * (impurity - rw / total * c.impurity(&rs, rw) - lw / total * c.impurity(&ls, lw));
        if improvement + f64::EPSILON < p.min_impurity_decrease {
            return (node, None, n_constant);
        }
        // A child that is a leaf whatever its rows (at max_depth, or too small to split) reads
        // only feature 0's list, for its sums: the other lists need not be partitioned.
        let is_small = |rows: usize| rows < p.min_samples_split || rows < 2 * p.min_samples_leaf;
        let children_are_leaves = !reference()
            && (p.max_depth.is_some_and(|d| depth + 1 >= d)
                || (is_small(best.n_left) && is_small(m - best.n_left)));
        self.partition(start, end, &best, children_are_leaves);
        node.split = Some(Split {
            feature: best.feature,
            threshold: best.threshold,
            left: 0,
            right: 0,
            tied: best.tied,
        });
        (node, Some(best.n_left), n_constant)
    }

    /// Stable partition of every feature's segment (only feature 0's when `only_first`) into
    /// the rows going left, then right.
    fn partition(&mut self, start: usize, end: usize, best: &Best, only_first: bool) {
        for (k, &i) in self.sorted[best.feature][start..end].iter().enumerate() {
            self.goes_left[i as usize] = k < best.n_left;
        }
        let n_lists = if only_first { 1 } else { self.sorted.len() };
        for f in 0..n_lists {
            if f == best.feature {
                continue;
            }
            let segment = &mut self.sorted[f][start..end];
            self.buffer.clear();
            let mut write = 0;
            for k in 0..segment.len() {
                let i = segment[k];
                if self.goes_left[i as usize] {
                    segment[write] = i;
                    write += 1;
                } else {
                    self.buffer.push(i);
                }
            }
            segment[write..].copy_from_slice(&self.buffer);
        }
    }

    fn is_constant(&self, f: usize, start: usize, end: usize) -> bool {
        let rows = &self.sorted[f][start..end];
        let col = &self.columns[f];
        col[rows[rows.len() - 1] as usize] <= col[rows[0] as usize] + FEATURE_THRESHOLD
    }

    /// The order in which the node's features are evaluated, and the number known to be
    /// constant afterwards. Index order, or scikit-learn's draws: its loop depends only on
    /// which features are constant in the node, never on how good a split is.
    fn feature_order(&mut self, start: usize, end: usize, n_known: usize) -> (Vec<usize>, usize) {
        let Some(mut d) = self.draw.take() else {
            return ((0..self.columns.len()).collect(), 0);
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

    /// scikit-learn's `BestSplitter.node_split` over the features in `order`.
    fn best_split(
        &self,
        start: usize,
        end: usize,
        node_stats: &[f64],
        total: f64,
        order: &[usize],
    ) -> Option<Best> {
        if let (Targets::Values(y), None, false) = (&self.targets, self.weights, reference()) {
            return self.best_split_squared_error(start, end, node_stats[1], total, order, y);
        }
        let min_leaf = self.params.min_samples_leaf;
        let criterion = self.params.criterion;
        let m = end - start;
        let mut best: Option<Best> = None;
        let mut left = vec![0.0; node_stats.len()];
        let mut right = vec![0.0; node_stats.len()];
        for &f in order {
            let rows = &self.sorted[f][start..end];
            let col = &self.columns[f];
            let value = |k: usize| col[rows[k] as usize];
            if value(m - 1) <= value(0) + FEATURE_THRESHOLD {
                continue; // constant in this node
            }
            left.iter_mut().for_each(|v| *v = 0.0);
            let (mut w_left, mut moved) = (0.0, 0);
            let mut p = 0;
            while p < m {
                while p + 1 < m && value(p + 1) <= value(p) + FEATURE_THRESHOLD {
                    p += 1;
                }
                p += 1;
                if p >= m || p < min_leaf || m - p < min_leaf {
                    continue;
                }
                // Move rows [moved, p) from right to left.
                for &i in &rows[moved..p] {
                    let w = self.w(i as usize);
                    self.targets.add(&mut left, i as usize, w);
                    w_left += w;
                }
                moved = p;
                for k in 0..right.len() {
                    right[k] = node_stats[k] - left[k];
                }
                let w_right = total - w_left;
                let proxy = match criterion {
                    Criterion::SquaredError => {
                        left[1] * left[1] / w_left + right[1] * right[1] / w_right
                    }
                    _ => {
                        -w_right * criterion.impurity(&right, w_right)
                            - w_left * criterion.impurity(&left, w_left)
                    }
                };
                if let Some(b) = best.as_mut() {
                    let near = (proxy - b.proxy).abs() <= 1e-12 * b.proxy.abs().max(1e-300);
                    // Between features, or (with weights, whose sums are not exact) between
                    // thresholds of one feature: which wins then depends on rounding.
                    if near && (f != b.feature || self.weights.is_some()) {
                        b.tied = true;
                    }
                }
                if best.as_ref().is_none_or(|b| proxy > b.proxy) {
                    let (lo, hi) = (value(p - 1), value(p));
                    let mut threshold = lo / 2.0 + hi / 2.0;
                    if threshold == hi || threshold.is_infinite() {
                        threshold = lo;
                    }
                    let tied = best.as_ref().is_some_and(|b| {
                        b.tied && (proxy - b.proxy).abs() <= 1e-12 * b.proxy.abs()
                    });
                    best = Some(Best {
                        feature: f,
                        threshold,
                        proxy,
                        tied,
                        n_left: p,
                    });
                }
            }
        }
        best
    }
}

impl Grower<'_> {
    /// [`Grower::best_split`] for unweighted squared error, the same arithmetic in the same
    /// order, without what that case does not use: every weight is 1 (so `w·y = y` and the
    /// left weight is the row count, exactly), and the proxy reads only the sums of y.
    fn best_split_squared_error(
        &self,
        start: usize,
        end: usize,
        node_sum: f64,
        total: f64,
        order: &[usize],
        y: &[f64],
    ) -> Option<Best> {
        let min_leaf = self.params.min_samples_leaf;
        let m = end - start;
        let mut best: Option<Best> = None;
        for &f in order {
            let rows = &self.sorted[f][start..end];
            let col = &self.columns[f];
            let value = |k: usize| col[rows[k] as usize];
            if value(m - 1) <= value(0) + FEATURE_THRESHOLD {
                continue; // constant in this node
            }
            let mut sum_left = 0.0;
            let mut p = 0;
            let mut current = value(0);
            while p < m {
                sum_left += y[rows[p] as usize];
                while p + 1 < m {
                    let next = value(p + 1);
                    if next > current + FEATURE_THRESHOLD {
                        break;
                    }
                    current = next;
                    p += 1;
                    sum_left += y[rows[p] as usize];
                }
                p += 1;
                if p >= m {
                    break;
                }
                let (lo, hi) = (current, value(p));
                current = hi;
                if p < min_leaf || m - p < min_leaf {
                    continue;
                }
                let w_left = p as f64;
                let w_right = total - w_left;
                let sum_right = node_sum - sum_left;
                let proxy = sum_left * sum_left / w_left + sum_right * sum_right / w_right;
                if let Some(b) = best.as_mut() {
                    if f != b.feature
                        && !b.tied
                        && (proxy - b.proxy).abs() <= 1e-12 * b.proxy.abs().max(1e-300)
                    {
                        b.tied = true;
                    }
                }
                if best.as_ref().is_none_or(|b| proxy > b.proxy) {
                    let mut threshold = lo / 2.0 + hi / 2.0;
                    if threshold == hi || threshold.is_infinite() {
                        threshold = lo;
                    }
                    let tied = best.as_ref().is_some_and(|b| {
                        b.tied && (proxy - b.proxy).abs() <= 1e-12 * b.proxy.abs()
                    });
                    best = Some(Best {
                        feature: f,
                        threshold,
                        proxy,
                        tied,
                        n_left: p,
                    });
                }
            }
        }
        best
    }
}

#[cfg(test)]
thread_local! {
    /// Tests set this to grow trees the general way (no squared-error split search, every
    /// list partitioned), the reference the shortcuts are checked against.
    pub(crate) static REFERENCE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[cfg(test)]
fn reference() -> bool {
    REFERENCE.with(|r| r.get())
}

#[cfg(not(test))]
fn reference() -> bool {
    false
}

impl Tree {
    /// Impurity-based (mean decrease in impurity) importance, as scikit-learn's
    /// `feature_importances_`: each split adds N_t·I(t) − N_L·I(L) − N_R·I(R) to its
    /// feature; the totals are divided by N and normalised to sum to 1 (all zeros for a
    /// lone root). Biased towards features with many distinct values (Strobl et al. 2007).
    pub fn impurity_importances(&self) -> Vec<f64> {
        let mut imp = vec![0.0; self.n_features];
        for node in &self.nodes {
            if let Some(s) = node.split {
                let (l, r) = (&self.nodes[s.left], &self.nodes[s.right]);
                imp[s.feature] += node.weighted_n_samples * node.impurity
                    - l.weighted_n_samples * l.impurity
                    - r.weighted_n_samples * r.impurity;
            }
        }
        let root = self.nodes[0].weighted_n_samples;
        imp.iter_mut().for_each(|v| *v /= root);
        let total: f64 = imp.iter().sum();
        if total > 0.0 {
            imp.iter_mut().for_each(|v| *v /= total);
        }
        imp
    }
}
