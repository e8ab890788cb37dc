"""Median fit time (ms) of scikit-learn's DecisionTreeClassifier on a CSV, or with N_TREES of a
RandomForestClassifier(n_estimators=N_TREES, n_jobs=2) (bootstrap, max_features="sqrt"): the
twin of benches/tree_fit_time.rs, for benches/compare/run.
Usage: tree_fit.py FILE.csv TARGET MAX_DEPTH|none RUNS [N_TREES]"""

import sys
import time

import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.tree import DecisionTreeClassifier

path, target, depth, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
max_depth = None if depth == "none" else int(depth)
df = pd.read_csv(path)
X, y = df.drop(columns=target).to_numpy(dtype=float), df[target].to_numpy()
times = []
for _ in range(runs):
    if len(sys.argv) > 5:
        model = RandomForestClassifier(n_estimators=int(sys.argv[5]), max_depth=max_depth, n_jobs=2, random_state=0)
    else:
        model = DecisionTreeClassifier(max_depth=max_depth, random_state=0)
    start = time.perf_counter()
    model.fit(X, y)
    times.append((time.perf_counter() - start) * 1e3)
print(f"{sorted(times)[len(times) // 2]:.3f}")
