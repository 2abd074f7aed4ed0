#!/usr/bin/env bash
# bench/constexpr_steps.sh: the fewest constant-evaluation steps clang needs
# for each benchmark table, found by bisection on -fconstexpr-steps, at two
# row counts; the difference gives the steps one row costs. This is where the
# limits in bench/compile_flags.sh come from.
#
#   bench/constexpr_steps.sh [ROWS_A ROWS_B]     (default 1000 2000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
a=${1:-1000}
b=${2:-2000}
cxx=${CLANGXX:-clang++}

fits() {  # fits KIND ROWS STEPS
  "$cxx" -std=c++20 -fsyntax-only -I"$root" -DKVBENCH_KIND="$1" \
    -DKVBENCH_ROWS="$2" -fconstexpr-steps="$3" "$root/bench/table_tu.cc" \
    >/dev/null 2>&1
}

least() {  # least KIND ROWS: the smallest step limit that compiles
  local lo=1 hi=1
  while ! fits "$1" "$2" "$hi"; do lo=$hi; hi=$((hi * 2)); done
  while [ $((hi - lo)) -gt 1 ]; do
    local mid=$(((lo + hi) / 2))
    if fits "$1" "$2" "$mid"; then hi=$mid; else lo=$mid; fi
  done
  echo "$hi"
}

echo "kind,steps_at_${a},steps_at_${b},steps_per_row"
for kind in kFloor kReal kHoisted; do
  sa=$(least "$kind" "$a")
  sb=$(least "$kind" "$b")
  echo "$kind,$sa,$sb,$(((sb - sa) / (b - a)))"
done
