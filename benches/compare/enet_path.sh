#!/usr/bin/env bash
# A 100-α elastic-net path (l1_ratio 0.5) on 100,000 × 20 generated data: mlproof's Gram
# coordinate descent vs scikit-learn's enet_path, data in memory, medians of runs.
# Usage: benches/compare/enet_path.sh [PYTHON]
source "$(dirname "$0")/common.sh"
py=${1:-python3}
dir=$(mktemp -d)
"$py" benches/compare/make_regression.py 100000 "$dir/reg.csv"
cargo bench -q --bench enet_path_time --no-run 2>/dev/null
read -r ours ours_sum < <(cargo bench -q --bench enet_path_time -- "$dir/reg.csv" y 11 2>/dev/null | tail -1)
read -r tight default theirs_sum < <("$py" benches/compare/enet_path.py "$dir/reg.csv" y 11)
awk -v a="$ours" -v b="$tight" -v c="$default" -v s1="$ours_sum" -v s2="$theirs_sum" 'BEGIN {
  printf "mlproof path (gap tol 1e-10)                %9.2f ms\n", a
  printf "scikit-learn enet_path (tol 1e-10)          %9.2f ms   ratio mlproof/sklearn %.2f\n", b, a / b
  printf "scikit-learn enet_path (default tol 1e-4)   %9.2f ms   ratio mlproof/sklearn %.2f\n", c, a / c
  printf "checksum sum|w| at the smallest alpha: mlproof %s, scikit-learn %s\n", s1, s2 }'
rm -rf "$dir"
