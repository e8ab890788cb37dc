//! The decision-tree experiments (`mlproof tree …`): the root split worked through,
//! cost-complexity pruning, feature importance, ensembles against one tree, ID3 against CART.
//! The algorithms live in `mlproof-trees`; these modules choose the data, run the grids and
//! judge the claims.

pub mod compare;
pub mod ensemble;
pub mod importance;
pub mod prune;
pub mod split;
