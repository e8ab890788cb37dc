"""Median fit time (ms) of scikit-learn's DecisionTreeClassifier on a CSV, for tree_fit.sh.
Usage: tree_fit.py FILE.csv TARGET MAX_DEPTH|none RUNS"""

import sys
import time

import pandas as pd
from sklearn.tree import DecisionTreeClassifier

path, target, depth, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
df = pd.read_csv(path)
X, y = df.drop(columns=target).to_numpy(dtype=float), df[target].to_numpy()
times = []
for _ in range(runs):
    start = time.perf_counter()
    DecisionTreeClassifier(max_depth=None if depth == "none" else int(depth), random_state=0).fit(X, y)
    times.append((time.perf_counter() - start) * 1e3)
print(f"{sorted(times)[len(times) // 2]:.3f}")
