//! The best-split search of a node (scikit-learn's `BestSplitter.node_split`): the general
//! scan, and the same scan specialised for squared error and for two classes.

use super::*;

impl Grower<'_> {
    /// scikit-learn's `BestSplitter.node_split` over the features in `order`.
    pub(super) fn best_split(
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
        if let (Targets::Classes { y, n_classes: 2 }, false) = (&self.targets, reference()) {
            return self.best_split_two_classes(start, end, node_stats, total, order, y);
        }
        let min_leaf = self.params.min_samples_leaf;
        let criterion = self.params.criterion;
        let m = end - start;
        let mut best: Option<Best> = None;
        let mut left = vec![0.0; node_stats.len()];
        let mut right = vec![0.0; node_stats.len()];
        for &f in order {
            let list = &self.lists[f][start..end];
            let value = |k: usize| list[k].value as f64;
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
                for e in &list[moved..p] {
                    let i = e.row as usize;
                    let w = self.w(i);
                    self.targets.add(&mut left, i, w);
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
                self.mark_near_tie(&mut best, f, proxy);
                if best.as_ref().is_none_or(|b| proxy > b.proxy) {
                    best = Some(Best::at(best.as_ref(), f, proxy, p, value(p - 1), value(p)));
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
            let list = &self.lists[f][start..end];
            let value = |k: usize| list[k].value as f64;
            if value(m - 1) <= value(0) + FEATURE_THRESHOLD {
                continue; // constant in this node
            }
            let mut sum_left = 0.0;
            let mut p = 0;
            let mut current = value(0);
            while p < m {
                sum_left += y[list[p].row as usize];
                while p + 1 < m {
                    let next = value(p + 1);
                    if next > current + FEATURE_THRESHOLD {
                        break;
                    }
                    current = next;
                    p += 1;
                    sum_left += y[list[p].row as usize];
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
                    best = Some(Best::at(best.as_ref(), f, proxy, p, lo, hi));
                }
            }
        }
        best
    }
}

impl Grower<'_> {
    /// [`Grower::best_split`] for two classes (Gini or entropy): the same arithmetic in the
    /// same order, with the class sums held in two numbers instead of a vector.
    fn best_split_two_classes(
        &self,
        start: usize,
        end: usize,
        node_stats: &[f64],
        total: f64,
        order: &[usize],
        y: &[u16],
    ) -> Option<Best> {
        let min_leaf = self.params.min_samples_leaf;
        let criterion = self.params.criterion;
        let m = end - start;
        let mut best: Option<Best> = None;
        let (node_0, node_1) = (node_stats[0], node_stats[1]);
        for &f in order {
            let list = &self.lists[f][start..end];
            let value = |k: usize| list[k].value as f64;
            if value(m - 1) <= value(0) + FEATURE_THRESHOLD {
                continue; // constant in this node
            }
            let (mut left_0, mut left_1) = (0.0, 0.0);
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
                // Move rows [moved, p) from right to left. Branch-free (the class of the next
                // row is a coin toss near the root): w·1 = w and adding w·0 = +0 leave the sums
                // exactly as the branch would.
                for e in &list[moved..p] {
                    let i = e.row as usize;
                    let w = self.w(i);
                    let one = f64::from(y[i]);
                    left_0 += w * (1.0 - one);
                    left_1 += w * one;
                    w_left += w;
                }
                moved = p;
                let (right_0, right_1) = (node_0 - left_0, node_1 - left_1);
                let w_right = total - w_left;
                let proxy = -w_right * criterion.impurity(&[right_0, right_1], w_right)
                    - w_left * criterion.impurity(&[left_0, left_1], w_left);
                self.mark_near_tie(&mut best, f, proxy);
                if best.as_ref().is_none_or(|b| proxy > b.proxy) {
                    best = Some(Best::at(best.as_ref(), f, proxy, p, value(p - 1), value(p)));
                }
            }
        }
        best
    }
}

impl Grower<'_> {
    /// Marks the current best as tied when `proxy` is within rounding of it between two
    /// features, or (with weights, whose sums are not exact) between thresholds of one
    /// feature: which wins then depends on rounding.
    #[inline]
    fn mark_near_tie(&self, best: &mut Option<Best>, f: usize, proxy: f64) {
        if let Some(b) = best.as_mut() {
            let near = (proxy - b.proxy).abs() <= 1e-12 * b.proxy.abs().max(1e-300);
            if near && (f != b.feature || self.weights.is_some()) {
                b.tied = true;
            }
        }
    }
}

impl Best {
    /// The split of `feature` after its first `n_left` sorted rows, at the midpoint of the
    /// values `lo` and `hi` either side (`lo` itself when the midpoint rounds up to `hi`),
    /// replacing `previous`; still tied when `previous` was tied within rounding.
    #[inline]
    fn at(
        previous: Option<&Best>,
        feature: usize,
        proxy: f64,
        n_left: usize,
        lo: f64,
        hi: f64,
    ) -> Best {
        let mut threshold = lo / 2.0 + hi / 2.0;
        if threshold == hi || threshold.is_infinite() {
            threshold = lo;
        }
        let tied =
            previous.is_some_and(|b| b.tied && (proxy - b.proxy).abs() <= 1e-12 * b.proxy.abs());
        Best {
            feature,
            threshold,
            proxy,
            tied,
            n_left,
        }
    }
}
