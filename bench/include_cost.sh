#!/usr/bin/env bash
# bench/include_cost.sh: what a translation unit pays for including each
# generated header, against an empty one. For each compiler, compiles
# (-c, C++20, no optimization: a consumer's ordinary build) an empty TU and a
# TU that only includes the header, in turn, RUNS times; prints the medians:
#
#   compiler,header,runs,wall_ms,cpu_ms,over_empty_wall_ms,over_empty_cpu_ms
#
#   bench/include_cost.sh [--runs N] [--compilers "g++ clang++"]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

runs=11
compilers="g++ clang++"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --compilers) compilers=$2; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

# The largest single model header, by size.
largest=$(cd "$root" && ls -S generated/models/*.h | grep -v '/all\.h$' | head -1)
headers="generated/seed_vlm_kv.h generated/models/all.h $largest"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: >"$tmp/empty.cc"
for h in $headers; do
  printf '#include "%s"\n' "$h" >"$tmp/$(basename "$h" .h)_$(basename "$(dirname "$h")").cc"
done

median() {  # median FILE COLUMN
  cut -d' ' -f"$2" "$1" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'
}

# measure CXX SOURCE: appends "wall_ms cpu_ms" to SOURCE.times. Wall time is
# read from bash's microsecond clock around /usr/bin/time (whose own %e has a
# 10 ms step); CPU time is /usr/bin/time's user + system (10 ms steps: the
# median of many runs is what to read).
measure() {
  local start=$EPOCHREALTIME
  /usr/bin/time -f '%U %S' -o "$tmp/one" "$1" -std=c++20 -c -I"$root" \
    -o "$tmp/out.o" "$2"
  local end=$EPOCHREALTIME
  awk -v s="$start" -v e="$end" \
    '{printf "%.1f %d\n", (e - s) * 1000, ($1 + $2) * 1000 + 0.5}' \
    "$tmp/one" >>"$2.times"
}

echo "compiler,header,runs,wall_ms,cpu_ms,over_empty_wall_ms,over_empty_cpu_ms"
for cxx in $compilers; do
  rm -f "$tmp"/*.times
  for _ in $(seq "$runs"); do
    measure "$cxx" "$tmp/empty.cc"
    for h in $headers; do
      measure "$cxx" "$tmp/$(basename "$h" .h)_$(basename "$(dirname "$h")").cc"
    done
  done
  ew=$(median "$tmp/empty.cc.times" 1)
  ec=$(median "$tmp/empty.cc.times" 2)
  echo "$(basename "$cxx"),(empty),$runs,$ew,$ec,0,0"
  for h in $headers; do
    f="$tmp/$(basename "$h" .h)_$(basename "$(dirname "$h")").cc.times"
    w=$(median "$f" 1)
    c=$(median "$f" 2)
    echo "$(basename "$cxx"),$h,$runs,$w,$c,$(awk -v a="$w" -v b="$ew" 'BEGIN {printf "%.1f", a - b}'),$((c - ec))"
  done
done
