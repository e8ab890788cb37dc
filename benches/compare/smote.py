"""imbalanced-learn's SMOTE on a CSV, for smote.sh: reads, resamples (k = 5, balance),
writes the rows, and prints the resampling time alone (ms) on stderr.
Usage: smote.py IN.csv TARGET OUT.csv"""

import sys
import time

import pandas as pd
from imblearn.over_sampling import SMOTE

path, target, out = sys.argv[1], sys.argv[2], sys.argv[3]
df = pd.read_csv(path)
X, y = df.drop(columns=target).to_numpy(dtype=float), df[target].to_numpy()
start = time.perf_counter()
Xr, yr = SMOTE(k_neighbors=5, random_state=0).fit_resample(X, y)
print(f"{(time.perf_counter() - start) * 1e3:.1f}", file=sys.stderr)
res = pd.DataFrame(Xr, columns=df.columns.drop(target))
res[target] = yr
res.to_csv(out, index=False)
