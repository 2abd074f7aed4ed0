#!/usr/bin/env bash
# bench/compile_cost.sh: compile time and peak compiler memory of the constexpr
# tables of bench/sweep_table.h as they grow, floor and catalog sweep side by
# side (each run compiles every kind in turn, so a drift in the machine's
# speed touches them alike). Prints CSV, one line per compiler, kind and row
# count, with the median of the runs:
#
#   compiler,kind,rows,runs,wall_s,cpu_s,peak_mib
#
# wall_s is elapsed seconds, cpu_s user + system seconds, peak_mib the
# compiler's peak resident memory in MiB, all from /usr/bin/time.
#
#   bench/compile_cost.sh [--rows "1000 10000"] [--runs N]
#                         [--compilers "g++ clang++"] [--kinds "kFloor kReal"]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/compile_flags.sh
. "$root/bench/compile_flags.sh"

rows_list="1000 10000 50000 200000"
runs=3
compilers="g++ clang++"
kinds="kFloor kReal kHoisted"
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows_list=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --compilers) compilers=$2; shift 2 ;;
    --kinds) kinds=$2; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# median FILE COLUMN: the median of a column of numbers (lower middle).
median() {
  cut -d' ' -f"$2" "$1" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'
}

echo "compiler,kind,rows,runs,wall_s,cpu_s,peak_mib"
for cxx in $compilers; do
  mapfile -t limits < <(kvbench_limits "$cxx")
  for rows in $rows_list; do
    for kind in $kinds; do : >"$tmp/$kind"; done
    for _ in $(seq "$runs"); do
      for kind in $kinds; do
        /usr/bin/time -f '%e %U %S %M' -o "$tmp/one" \
          "$cxx" "${KVBENCH_STD_FLAGS[@]}" "${limits[@]}" -I"$root" \
          -DKVBENCH_ROWS="$rows" -DKVBENCH_KIND="$kind" \
          "$root/bench/table_tu.cc"
        awk '{printf "%s %.2f %d\n", $1, $2 + $3, $4}' "$tmp/one" >>"$tmp/$kind"
      done
    done
    for kind in $kinds; do
      printf '%s,%s,%s,%s,%s,%s,%s\n' "$(basename "$cxx")" "$kind" "$rows" \
        "$runs" "$(median "$tmp/$kind" 1)" "$(median "$tmp/$kind" 2)" \
        "$(awk '{print int($1 / 1024 + 0.5)}' <<<"$(median "$tmp/$kind" 3)")"
    done
  done
done
