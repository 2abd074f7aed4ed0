#!/usr/bin/env bash
# bench/smoke_test.sh: CI runs every benchmark once, briefly, and the
# compile-cost scripts in their smallest mode, to prove they work and print
# their figures. It checks that each figure is printed, never what it is: a
# benchmark is not a timed test.
#
#   smoke_test.sh RUNTIME_SWEEP_BENCHMARK LOOKUP_BENCHMARK
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect_lines OUTPUT PATTERN...: every pattern matches a line of OUTPUT.
expect_lines() {
  local out=$1; shift
  for pattern in "$@"; do
    grep -Eq "$pattern" <<<"$out" || fail "no line matches '$pattern'"
  done
}

out=$("$1" --benchmark_min_time=0.01)
echo "$out"
expect_lines "$out" \
  '^BM_RunTimeSweep +[0-9.]+ ms .*items_per_second=[0-9.]+[kMG]?/s' \
  '^BM_RunTimeSweepKvOnly +[0-9.]+ ms .*items_per_second=' \
  '^BM_RunTimeSweepKvHoisted +[0-9.]+ ms .*items_per_second='

out=$("$2" --benchmark_min_time=0.01)
echo "$out"
expect_lines "$out" \
  '^BM_SeedFind +[0-9.]+ ns .*items_per_second=' \
  '^BM_SeedLargestFitting +[0-9.]+ ns .*items_per_second=' \
  '^BM_ModelAtLeast +[0-9.]+ ns .*items_per_second=' \
  '^BM_ModelLongestFitting +[0-9.]+ ns .*items_per_second='

out=$("$here/compile_cost.sh" --rows 1000 --runs 1)
echo "$out"
expect_lines "$out" '^compiler,kind,rows,runs,wall_s,cpu_s,peak_mib$'
for cxx in 'g\+\+' 'clang\+\+'; do
  for kind in kFloor kReal kHoisted; do
    expect_lines "$out" "^$cxx,$kind,1000,1,[0-9.]+,[0-9.]+,[0-9]+$"
  done
done

out=$("$here/include_cost.sh" --runs 1)
echo "$out"
for cxx in 'g\+\+' 'clang\+\+'; do
  for h in '\(empty\)' 'generated/seed_vlm_kv\.h' 'generated/models/all\.h' \
           'generated/models/[a-z0-9_]+\.h'; do
    expect_lines "$out" "^$cxx,$h,1,[0-9.]+,[0-9]+,-?[0-9.]+,-?[0-9]+$"
  done
done

out=$(python3 "$here/growth_chart.py" "$here/testdata/compile_cost_sample.csv")
expect_lines "$out" '^<svg ' '</svg>$'

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "every benchmark and script ran and printed its figures"
