//! Splitting a node's rows: every presorted list's segment partitioned stably into the rows
//! going left, then right, so that each child's segment stays sorted.

use super::*;

impl Grower<'_> {
    /// Stable partition of every feature's segment (only feature 0's when `only_first`), but
    /// those marked in `skip`, into the rows going left, then right.
    pub(super) fn partition(
        &mut self,
        start: usize,
        end: usize,
        best: &Best,
        only_first: bool,
        skip: &[bool],
    ) {
        for (k, e) in self.lists[best.feature][start..end].iter().enumerate() {
            self.goes_left[e.row as usize] = k < best.n_left;
        }
        let n_lists = if only_first { 1 } else { self.lists.len() };
        let goes_left: &[bool] = &self.goes_left;
        // Branch-free: every entry is written to both places and only the right cursor moves
        // (a branch on the side mispredicts about half the time near the root). Position
        // `write` ≤ k has been read already, so writing it loses nothing.
        let split = |f: usize, segment: &mut [Entry], buffer: &mut Vec<Entry>| {
            if f == best.feature || skip[f] {
                return;
            }
            if buffer.len() < segment.len() {
                buffer.resize(segment.len(), Entry::default());
            }
            let buffer = &mut buffer[..segment.len()];
            let (mut write, mut spill) = (0, 0);
            for k in 0..segment.len() {
                let e = segment[k];
                let left = goes_left[e.row as usize];
                segment[write] = e;
                buffer[spill] = e;
                write += usize::from(left);
                spill += usize::from(!left);
            }
            segment[write..].copy_from_slice(&buffer[..spill]);
        };
        let lists = &mut self.lists[..n_lists];
        if end - start >= PARALLEL_ROWS {
            // Every list is partitioned on its own: split them across threads.
            lists.par_iter_mut().enumerate().for_each_init(
                || vec![Entry::default(); end - start],
                |buffer, (f, list)| split(f, &mut list[start..end], buffer),
            );
        } else {
            for (f, list) in lists.iter_mut().enumerate() {
                split(f, &mut list[start..end], &mut self.buffer);
            }
        }
    }
}
