//! Presorted columns: every feature's rows in increasing order of value, sorted once and
//! shared by every tree grown on those rows or on a sample of them.
//!
//! A tree's split search is a linear scan of these lists, and splitting a node partitions
//! them stably, so a tree never sorts (Mehta, Agrawal & Rissanen, "SLIQ", EDBT 1996, for the
//! presorted lists). Each entry carries its value beside its row, so a scan reads memory in
//! order instead of looking each row's value up in its column.

use ndarray::ArrayView2;

use super::build::as_float32;
use mlproof_core::{Error, Result};

/// One entry of a presorted list: a row and its feature value, rounded to float32 as
/// scikit-learn casts X (so the value is exact in `f32`).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Entry {
    pub row: u32,
    pub value: f32,
}

/// A feature matrix prepared once for growing many trees: every column's rows sorted by
/// value (ties by row), values rounded to float32. A tree grown on it equals the tree grown
/// on the matrix itself, split for split.
///
/// The lists may hold only some of the rows (see [`Presorted::restrict`]): a tree grown on it
/// sees only those rows, while targets and weights stay indexed by the original row.
#[derive(Debug, Clone)]
pub struct Presorted {
    n_rows: usize,
    pub(crate) lists: Vec<Vec<Entry>>,
}

/// A key whose unsigned order is `f32::total_cmp`'s, then the row: sorting the keys sorts a
/// column stably.
fn key(value: f32, row: u32) -> u64 {
    let bits = value.to_bits();
    // Negative values: flip every bit (larger magnitude sorts first); positive: set the sign.
    let ordered = if bits >> 31 == 1 {
        !bits
    } else {
        bits | 0x8000_0000
    };
    (u64::from(ordered) << 32) | u64::from(row)
}

impl Presorted {
    /// Rounds `x` to float32 and sorts every column's rows by value, ties by row: O(d·n log n).
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
        if n > u32::MAX as usize {
            return Err(Error::input(format!(
                "a tree takes at most {} rows, got {n}",
                u32::MAX
            )));
        }
        let lists = x
            .columns()
            .into_iter()
            .map(|col| {
                let values: Vec<f32> = col.iter().map(|&v| as_float32(v) as f32).collect();
                let mut keys: Vec<u64> = values
                    .iter()
                    .enumerate()
                    .map(|(i, &v)| key(v, i as u32))
                    .collect();
                // The keys are distinct (they hold the row), so an unstable sort is stable.
                keys.sort_unstable();
                keys.iter()
                    .map(|&k| {
                        let row = k as u32;
                        Entry {
                            row,
                            value: values[row as usize],
                        }
                    })
                    .collect()
            })
            .collect();
        Ok(Presorted { n_rows: n, lists })
    }

    /// Rows the targets are indexed by (the lists may hold fewer, after [`Presorted::restrict`]).
    pub fn n_rows(&self) -> usize {
        self.n_rows
    }

    /// Rows a tree grown on it sees.
    pub fn n_listed(&self) -> usize {
        self.lists.first().map_or(0, Vec::len)
    }

    pub fn n_features(&self) -> usize {
        self.lists.len()
    }

    /// Keeps only the rows with `keep[row]` (a bootstrap's drawn rows, their counts given as
    /// weights), in O(d·n) instead of a new sort. A tree grown on the result with targets and
    /// weights indexed by the original rows equals the tree grown on `x.select(rows)`.
    pub fn restrict(&self, keep: &[bool]) -> Result<Presorted> {
        if keep.len() != self.n_rows {
            return Err(Error::input(format!(
                "a row mask of {} for {} rows",
                keep.len(),
                self.n_rows
            )));
        }
        let lists = self
            .lists
            .iter()
            .map(|list| {
                // Branch-free filter: every entry is written, the cursor moves past the kept
                // ones (a bootstrap keeps about 63% of rows at random, which a branch mispredicts).
                let mut out = vec![Entry::default(); list.len()];
                let mut kept = 0;
                for e in list {
                    out[kept] = *e;
                    kept += usize::from(keep[e.row as usize]);
                }
                out.truncate(kept);
                out
            })
            .collect();
        Ok(Presorted {
            n_rows: self.n_rows,
            lists,
        })
    }

    /// The presort of `x.select(Axis(0), idx)` (rows may repeat, in any order: a bootstrap
    /// sample), equal to [`Presorted::new`] on it entry for entry, in O(d·n) plus the sorting
    /// of runs of equal values. Row k of the result is `idx[k]`.
    pub fn select(&self, idx: &[usize]) -> Result<Presorted> {
        if idx.len() > u32::MAX as usize {
            return Err(Error::input("too many rows in a sample"));
        }
        if let Some(bad) = idx.iter().find(|&&i| i >= self.n_rows) {
            return Err(Error::input(format!(
                "row {bad} is outside the {} rows",
                self.n_rows
            )));
        }
        // Positions of each original row in the sample, increasing (compressed rows).
        let mut start = vec![0usize; self.n_rows + 1];
        idx.iter().for_each(|&i| start[i + 1] += 1);
        for i in 0..self.n_rows {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut positions = vec![0u32; idx.len()];
        for (k, &i) in idx.iter().enumerate() {
            positions[fill[i]] = k as u32;
            fill[i] += 1;
        }
        let lists = self
            .lists
            .iter()
            .map(|list| {
                let mut out: Vec<Entry> = Vec::with_capacity(idx.len());
                for e in list {
                    let i = e.row as usize;
                    out.extend(positions[start[i]..start[i + 1]].iter().map(|&k| Entry {
                        row: k,
                        value: e.value,
                    }));
                }
                // Equal values from different original rows: order them by sample position,
                // as a stable sort of the sample would.
                let mut a = 0;
                while a < out.len() {
                    let bits = out[a].value.to_bits();
                    let mut b = a + 1;
                    while b < out.len() && out[b].value.to_bits() == bits {
                        b += 1;
                    }
                    if b - a > 1 {
                        out[a..b].sort_unstable_by_key(|e| e.row);
                    }
                    a = b;
                }
                out
            })
            .collect();
        Ok(Presorted {
            n_rows: idx.len(),
            lists,
        })
    }
}
