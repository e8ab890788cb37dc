"""The Python-stack equivalent of `mlproof curves --dataset pima` (the pima depth sweep): a
validation curve of DecisionTreeClassifier(random_state=0) over max_depth 1-15, accuracy on
unshuffled StratifiedKFold(5), train and held-out scores. Prints JSON on stdout and the
sweep's time alone (ms) on stderr. Usage: curves.py"""

import json
import sys
import time
from pathlib import Path

import pandas as pd
from sklearn.model_selection import StratifiedKFold, validation_curve
from sklearn.tree import DecisionTreeClassifier

root = Path(__file__).resolve().parents[2]
df = pd.read_csv(root / "datasets" / "pima.csv")
X, y = df.drop(columns="class").to_numpy(dtype=float), df["class"].to_numpy()
depths = list(range(1, 16))
start = time.perf_counter()
train, test = validation_curve(DecisionTreeClassifier(random_state=0), X, y, param_name="max_depth",
                               param_range=depths, cv=StratifiedKFold(5), scoring="accuracy")
print(f"{(time.perf_counter() - start) * 1e3:.1f}", file=sys.stderr)
json.dump([{"max_depth": d, "train": tr.mean(), "held_out": te.mean()} for d, tr, te in zip(depths, train, test)],
          sys.stdout)
