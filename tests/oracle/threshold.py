"""Fixtures for `mlproof threshold`: the Neyman-Pearson umbrella rank (Tong, Feng & Li 2018,
Proposition 1) from SciPy's binomial survival function.

Pinned: Python 3.11, scipy==1.17.1, numpy==2.4.6 (as requirements.txt).
Run: python tests/oracle/threshold.py  (writes tests/oracle/fixtures/threshold/umbrella.json)

For n held-out negatives, tolerated FPR alpha and allowance delta = 1 - C:
  violation(k) = P(Binomial(n, 1 - alpha) >= k) = binom.sf(k - 1, n, 1 - alpha)
  k* = min{k in 1..n : violation(k) <= delta}   (None when even k = n fails)
  n_min = min{n : (1 - alpha)^n <= delta}
"""

import json
import pathlib

from scipy.stats import binom


def violation(n, k, alpha):
    return float(binom.sf(k - 1, n, 1.0 - alpha))


def rank(n, alpha, delta):
    for k in range(1, n + 1):
        if violation(n, k, alpha) <= delta:
            return k
    return None


def min_samples(alpha, delta):
    n = 1
    while (1.0 - alpha) ** n > delta:
        n += 1
    return n


cases = []
for alpha in [0.01, 0.05, 0.1, 0.2]:
    for delta in [0.01, 0.05, 0.1, 0.2]:
        for n in [10, 29, 58, 59, 100, 250, 1000, 3000]:
            k = rank(n, alpha, delta)
            cases.append(
                {
                    "n": n,
                    "alpha": alpha,
                    "delta": delta,
                    "rank": k,
                    "violation_at_rank": None if k is None else violation(n, k, alpha),
                    "violation_below_rank": None if k is None or k == 1 else violation(n, k - 1, alpha),
                }
            )
mins = [
    {"alpha": a, "delta": d, "min_samples": min_samples(a, d)}
    for a in [0.01, 0.05, 0.1, 0.2]
    for d in [0.01, 0.05, 0.1, 0.2]
]
out = pathlib.Path(__file__).parent / "fixtures" / "threshold" / "umbrella.json"
out.write_text(json.dumps({"cases": cases, "min_samples": mins}, indent=1) + "\n")
print(f"wrote {out}: {len(cases)} cases")
