"""The Python-stack equivalent of `mlproof bias-variance --loss zero-one --dataset pima`:
a stratified 30% hold-out, then mlxtend's bias_variance_decomp (0-1 loss, ROUNDS bootstrap
rounds, default 200) of a DecisionTreeClassifier at each max_depth 1-12. Prints JSON on
stdout and the sweep's time alone (ms) on stderr. Usage: bias_variance.py [ROUNDS]"""

import json
import sys
import time
from pathlib import Path

import pandas as pd
from mlxtend.evaluate import bias_variance_decomp
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier

rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
root = Path(__file__).resolve().parents[2]
df = pd.read_csv(root / "datasets" / "pima.csv")
X, y = df.drop(columns="class").to_numpy(dtype=float), df["class"].to_numpy()
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.3, stratify=y, random_state=42)
out = []
start = time.perf_counter()
for depth in range(1, 13):
    loss, bias, var = bias_variance_decomp(DecisionTreeClassifier(max_depth=depth, random_state=0),
                                           Xtr, ytr, Xte, yte, loss="0-1_loss", num_rounds=rounds, random_seed=42)
    out.append({"max_depth": depth, "expected_loss": loss, "bias": bias, "variance": var})
print(f"{(time.perf_counter() - start) * 1e3:.1f}", file=sys.stderr)
json.dump(out, sys.stdout)
