# Shared by the comparison scripts: build once, time whole processes, print medians.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
cargo build --release -q
bin=target/release/mlproof
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Wall time of one run in microseconds.
time_of() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000 )); }
# compare RUNS LABEL_OURS LABEL_THEIRS -- OUR_COMMAND... -- THEIR_COMMAND...
compare() {
  local runs=$1 ours_label=$2 theirs_label=$3; shift 3; shift
  local ours=() theirs=()
  while [ "$1" != "--" ]; do ours+=("$1"); shift; done; shift
  theirs=("$@")
  local a b
  a=$(for _ in $(seq "$runs"); do time_of "${ours[@]}"; done | median)
  b=$(for _ in $(seq "$runs"); do time_of "${theirs[@]}"; done | median)
  awk -v a="$a" -v b="$b" -v la="$ours_label" -v lb="$theirs_label" -v r="$runs" 'BEGIN {
    printf "%-44s %10.1f ms (median of %d)\n", la, a / 1000, r
    printf "%-44s %10.1f ms (median of %d)\n", lb, b / 1000, r
    printf "%-44s %10.1fx\n", "ratio (Python / mlproof)", b / a }'
}
