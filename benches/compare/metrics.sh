#!/usr/bin/env bash
# Whole-process wall time: `mlproof metrics` against the same workload in scikit-learn.
# Usage: benches/compare/metrics.sh [PYTHON] (a Python with tests/oracle/requirements.txt).
# Prints the median of 5 runs of each and the ratio, measured in one run.
set -euo pipefail
cd "$(dirname "$0")/../.."
py=${1:-python3}
cargo build --release -q
bin=target/release/mlproof
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_of() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000 )); }
ours=$(for _ in 1 2 3 4 5; do time_of "$bin" metrics --dataset yeast4 --format json; done | median)
theirs=$(for _ in 1 2 3 4 5; do time_of "$py" benches/compare/metrics.py; done | median)
awk -v a="$ours" -v b="$theirs" 'BEGIN {
  printf "mlproof metrics (whole process)   %9.1f ms\n", a / 1000
  printf "scikit-learn script (whole process) %7.1f ms\n", b / 1000
  printf "ratio python / mlproof            %9.1fx\n", b / a }'
