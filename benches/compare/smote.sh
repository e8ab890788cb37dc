#!/usr/bin/env bash
# SMOTE on ROWS × 20 generated rows with 5% positives (synth-imbalanced, seed 1; ROWS
# defaults to 100,000): mlproof against imbalanced-learn, whole process (read CSV, resample,
# write CSV) and the resampling alone (each side's own clock around the resampler, the two
# sides alternating run by run). Medians of 5 runs.
# Usage: benches/compare/smote.sh [PYTHON] [ROWS]
source "$(dirname "$0")/common.sh"
py=${1:-python3}
rows=${2:-100000}
dir=$(mktemp -d)
"$bin" datasets export synth-imbalanced --rows "$rows" --seed 1 --output "$dir/in.csv" >/dev/null
ours() { rm -f "$dir/ours.csv"; "$bin" resample --data "$dir/in.csv" --target class --output "$dir/ours.csv"; }
theirs() { "$py" benches/compare/smote.py "$dir/in.csv" class "$dir/theirs.csv" 2>/dev/null; }
echo "SMOTE, $rows rows × 20 features, 5% positive"
compare 5 "mlproof resample (whole process)" "imbalanced-learn SMOTE (whole process)" -- ours -- theirs
for _ in 1 2 3 4 5; do
  "$bin" resample --data "$dir/in.csv" --target class --timing 2>&1 >/dev/null | awk '{print $3}' >>"$dir/alone_ours"
  "$py" benches/compare/smote.py "$dir/in.csv" class "$dir/theirs.csv" 2>>"$dir/alone_theirs" >/dev/null
done
alone_ours=$(median <"$dir/alone_ours")
alone_theirs=$(median <"$dir/alone_theirs")
awk -v a="$alone_ours" -v b="$alone_theirs" 'BEGIN {
  printf "%-44s %10.1f ms (median of 5)\n", "mlproof SMOTE (resampling alone)", a
  printf "%-44s %10.1f ms (median of 5)\n", "imbalanced-learn SMOTE (resampling alone)", b
  printf "%-44s %10.1fx\n", "ratio (Python / mlproof)", b / a }'
rm -rf "$dir"
