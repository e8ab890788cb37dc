#!/usr/bin/env bash
# CART fit time, mlproof vs scikit-learn, on the same generated data (2,000 × 20 at full depth,
# 100,000 × 20 at depth 10): fit alone (median of runs, data already in memory) and whole
# process (python script vs `mlproof cv` is not the same work, so whole-process is timed for
# Python only and reported beside the fit). Usage: benches/compare/tree_fit.sh [PYTHON]
source "$(dirname "$0")/common.sh"
py=${1:-python3}
dir=$(mktemp -d)
cargo bench -q --bench tree_fit_time --no-run 2>/dev/null
for spec in "2000 none 15" "100000 10 3"; do
  set -- $spec
  rows=$1 depth=$2 runs=$3
  "$bin" datasets export synth-imbalanced --rows "$rows" --seed 1 --output "$dir/d$rows.csv" >/dev/null
  ours=$(cargo bench -q --bench tree_fit_time -- "$dir/d$rows.csv" class "$depth" "$runs" 2>/dev/null | tail -1)
  theirs=$("$py" benches/compare/tree_fit.py "$dir/d$rows.csv" class "$depth" "$runs")
  whole=$(time_of "$py" benches/compare/tree_fit.py "$dir/d$rows.csv" class "$depth" 1)
  awk -v r="$rows" -v d="$depth" -v a="$ours" -v b="$theirs" -v w="$whole" 'BEGIN {
    printf "%7d x 20, max_depth %-4s  fit: mlproof %9.2f ms, scikit-learn %9.2f ms, ratio %5.1fx  (python whole process %.0f ms)\n", r, d, a, b, b / a, w / 1000 }'
done
rm -rf "$dir"
