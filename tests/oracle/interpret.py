"""Fixtures for `mlproof interpret`: TreeSHAP values and partial dependence / ICE.

Pinned stack (Python 3.11): scikit-learn==1.9.1, shap==0.51.0, numpy==2.4.6, scipy==1.17.1,
pandas==3.1.1 (numba 0.68.1 comes with shap). Run from the repository root:

    python3.11 -m venv .venv && .venv/bin/pip install scikit-learn==1.9.1 shap==0.51.0 pandas
    .venv/bin/python tests/oracle/interpret.py

Writes tests/oracle/fixtures/interpret/{shap,pdp}.json. Each case holds scikit-learn's
training-row P(y = 1) and leaf count, so the Rust test can first check that its tree equals
scikit-learn's (scikit-learn's float32 thresholds can route a value differently) before it
compares the explanations. The datasets are the bundled CSVs as mlproof loads them (features
in file order, `class` the target, positive class 1).
"""

import json
from pathlib import Path

import numpy as np
import pandas as pd
import shap
import sklearn
from sklearn.inspection import partial_dependence
from sklearn.tree import DecisionTreeClassifier

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "fixtures" / "interpret"
# Trees where no row's value lies between scikit-learn's float32 threshold and the float64
# midpoint of any split (checked by `routing_disagreements`; pima at depth 3 has one such row,
# Mass = 45.4 against 45.39999962, which changes its SHAP values though not its prediction).
SHAP_CASES = [("pima", 2), ("wisconsin", 4), ("wisconsin", 6), ("glass2", 5), ("ecoli3", 4),
              ("yeast4", 3)]
# (dataset, depth, feature, grid_resolution): percentile grids and unique-value grids.
PDP_CASES = [("pima", 2, "Plas", 20), ("pima", 2, "Preg", 20), ("pima", 2, "Mass", 100),
             ("wisconsin", 3, "CellSize", 20), ("glass2", 5, "Mg", 30), ("yeast4", 3, "Mit", 25)]
ICE_ROWS = 40


def load(name):
    df = pd.read_csv(ROOT / "datasets" / f"{name}.csv")
    y = df.pop("class").to_numpy()
    return df.to_numpy(dtype=float), y, list(df.columns)


def fit(X, y, depth):
    return DecisionTreeClassifier(max_depth=depth, random_state=0).fit(X, y)


def routing_disagreements(tree, X):
    """Rows routed differently by scikit-learn's rule (float32 value <= float32-midpoint
    threshold) and mlproof's (float64 value <= float64 midpoint of the node's neighbours)."""
    t = tree.tree_
    reach = tree.decision_path(X).toarray().astype(bool)
    bad = 0
    for n in range(t.node_count):
        if t.children_left[n] < 0:
            continue
        f, thr = t.feature[n], t.threshold[n]
        col = X[:, f]
        here = col[reach[:, n]]
        left = here.astype(np.float32) <= thr
        mid = (here[left].max() + here[~left].min()) / 2
        bad += int(((col.astype(np.float32) <= thr) != (col <= mid)).sum())
    return bad


def splits(tree):
    t = tree.tree_
    return {"feature": t.feature.tolist(), "threshold": t.threshold.tolist(),
            "left": t.children_left.tolist(), "right": t.children_right.tolist()}


def checked(X, y, depth, name):
    tree = fit(X, y, depth)
    bad = routing_disagreements(tree, X)
    assert bad == 0, f"{name} depth {depth}: {bad} rows routed differently; choose another case"
    return tree


def shap_cases():
    cases = []
    for name, depth in SHAP_CASES:
        X, y, _ = load(name)
        tree = checked(X, y, depth, name)
        explainer = shap.TreeExplainer(tree)
        values = explainer.shap_values(X)[:, :, 1]
        cases.append({"dataset": name, "max_depth": depth, "n_leaves": int(tree.get_n_leaves()),
                      "proba": tree.predict_proba(X)[:, 1].tolist(), "splits": splits(tree),
                      "base_value": float(np.atleast_1d(explainer.expected_value)[1]),
                      "shap_values": values.tolist()})
    return cases


def pdp_cases():
    cases = []
    for name, depth, feature, resolution in PDP_CASES:
        X, y, names = load(name)
        tree = checked(X, y, depth, name)
        j = names.index(feature)
        pd_ = partial_dependence(tree, X, [j], method="brute", kind="both",
                                 grid_resolution=resolution, percentiles=(0.05, 0.95))
        cases.append({"dataset": name, "max_depth": depth, "feature": feature,
                      "grid_resolution": resolution, "n_leaves": int(tree.get_n_leaves()),
                      "proba": tree.predict_proba(X)[:, 1].tolist(),
                      "grid": pd_["grid_values"][0].tolist(),
                      "average": pd_["average"][0].tolist(),
                      "individual_first_rows": pd_["individual"][0][:ICE_ROWS].tolist()})
    return cases


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    versions = {"scikit-learn": sklearn.__version__, "shap": shap.__version__,
                "numpy": np.__version__}
    for file, cases in [("shap.json", shap_cases()), ("pdp.json", pdp_cases())]:
        doc = {"generator": "tests/oracle/interpret.py", "versions": versions, "cases": cases}
        (OUT / file).write_text(json.dumps(doc, separators=(",", ":")) + "\n")
        print(file, len(cases), "cases")


if __name__ == "__main__":
    main()
