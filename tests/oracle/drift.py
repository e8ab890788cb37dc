"""Fixtures for `mlproof drift` (issue 13): per-feature drift statistics on time-ordered data.

Pinned stack (Python 3.11): scipy==1.17.1, evidently==0.7.23 with pandas<2.3 (evidently's
legacy stattests need it; measured with pandas 2.2.3, numpy as pip resolves it). Run from the
repository root:

    python3.11 -m venv /tmp/venv-drift
    /tmp/venv-drift/bin/pip install scipy==1.17.1 evidently==0.7.23 "pandas<2.3"
    /tmp/venv-drift/bin/python tests/oracle/drift.py

Writes tests/oracle/fixtures/drift/drift.json. The data, as mlproof loads it: rows in time
order, categorical (string) columns as level codes sorted as strings, the first half of the
rows (floor) the reference. PSI, KL and JS are evidently's `psi_stat_test`,
`kl_div_stat_test` and `jensenshannon_stat_test` (Sturges bins); KS is `ks_2samp` (two-sided,
method auto); W1 is `wasserstein_distance`; categorical columns get
`chi2_contingency(correction=False)` instead of KS and W1.
"""

import json
from pathlib import Path

import numpy as np
import pandas as pd
import scipy
from scipy import stats
from evidently.legacy.core import ColumnType
from evidently.legacy.calculations.stattests import (
    jensenshannon_stat_test,
    kl_div_stat_test,
    psi_stat_test,
)

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "fixtures" / "drift"

# name -> (csv, time column, target column)
SETS = {
    "sp500": (ROOT / "datasets" / "sp500.csv", "date", "next_day_return"),
    "synth-stream": (OUT / "synth-stream.csv", "t", "class"),
    "pima": (ROOT / "datasets" / "pima.csv", None, "class"),
    "german": (ROOT / "datasets" / "german.csv", None, "class"),
}


def load(path, time, target):
    df = pd.read_csv(path)
    if time is None:
        df.insert(0, "t", np.arange(len(df)))
        time = "t"
    df = df.sort_values(time, kind="stable").reset_index(drop=True)
    df = df.drop(columns=[time, target])
    kinds = {}
    for c in df.columns:
        if pd.api.types.is_numeric_dtype(df[c]):
            df[c] = df[c].astype(float)
            kinds[c] = "numeric"
        else:
            levels = sorted(df[c].unique())
            df[c] = df[c].map({lv: float(i) for i, lv in enumerate(levels)})
            kinds[c] = "categorical"
    return df, kinds


def stat(test, ref, cur, kind):
    ct = ColumnType.Numerical if kind == "numeric" else ColumnType.Categorical
    return float(test.func(ref, cur, ct, 0.1)[0])


def features(name):
    df, kinds = load(*SETS[name])
    n_ref = len(df) // 2
    out = []
    for c in df.columns:
        ref, cur = df[c].iloc[:n_ref], df[c].iloc[n_ref:]
        row = {
            "feature": c,
            "kind": kinds[c],
            "psi": stat(psi_stat_test, ref, cur, kinds[c]),
            "kl": stat(kl_div_stat_test, ref, cur, kinds[c]),
            "js": stat(jensenshannon_stat_test, ref, cur, kinds[c]),
        }
        if kinds[c] == "numeric":
            ks = stats.ks_2samp(ref.to_numpy(), cur.to_numpy())
            row["ks_statistic"] = float(ks.statistic)
            row["ks_pvalue"] = float(ks.pvalue)
            row["wasserstein"] = float(stats.wasserstein_distance(ref, cur))
        else:
            levels = sorted(set(ref) | set(cur))
            table = np.array(
                [[(ref == lv).sum() for lv in levels], [(cur == lv).sum() for lv in levels]]
            )
            chi = stats.chi2_contingency(table, correction=False)
            row["chi2"] = float(chi.statistic)
            row["chi2_pvalue"] = float(chi.pvalue)
        out.append(row)
    return {"reference_rows": n_ref, "rows": len(df), "features": out}


def ks_cases():
    """ks_2samp on small samples of unequal and equal sizes (exact method), with ties."""
    rng = np.random.default_rng(13)
    cases = []
    for n1, n2, shift, decimals in [
        (7, 5, 0.5, 3), (30, 45, 0.3, 1), (100, 100, 0.2, 6), (250, 173, 0.1, 2),
        (1000, 1200, 0.05, 6), (3, 40, 1.0, 6), (500, 500, 0.0, 1), (64, 48, 0.8, 6),
    ]:
        a = np.round(rng.normal(size=n1), decimals)
        b = np.round(rng.normal(shift, 1.0, size=n2), decimals)
        r = stats.ks_2samp(a, b)
        cases.append({"a": a.tolist(), "b": b.tolist(), "statistic": float(r.statistic),
                      "pvalue": float(r.pvalue), "wasserstein": float(stats.wasserstein_distance(a, b))})
    return cases


def kstwo_cases():
    """scipy.stats.kstwo.sf(x, n): the asymptotic method's distribution, over its branches."""
    rows = []
    for n in [50, 140, 141, 1000, 5000, 9091, 20000, 100001, 300000]:
        for x in [0.3 / n, 0.8 / n, 0.5 / np.sqrt(n), 0.8 / np.sqrt(n), 1.0 / np.sqrt(n),
                  1.3 / np.sqrt(n), 1.6 / np.sqrt(n), 2.5 / np.sqrt(n), 0.1, 0.6]:
            rows.append({"n": n, "x": float(x), "sf": float(stats.kstwo.sf(x, n))})
    return rows


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    doc = {
        "versions": {"scipy": scipy.__version__, "pandas": pd.__version__, "numpy": np.__version__},
        "sets": {name: features(name) for name in SETS},
        "ks": ks_cases(),
        "kstwo": kstwo_cases(),
    }
    (OUT / "drift.json").write_text(json.dumps(doc, indent=1) + "\n")


if __name__ == "__main__":
    main()
