#!/usr/bin/env bash
# The main job end to end: its defaults print the seed table, its formats
# parse, and every bad flag gives one line on stderr, status 2, empty stdout.
set -u
kvtables="$1"
tmp="${TEST_TMPDIR:-$(mktemp -d)}"
failures=0

expect_line() {  # expect_line <description> <whole line> <file>
  if grep -qxF -- "$2" "$3"; then
    echo "ok   $1"
  else
    echo "FAIL $1: no line '$2'"
    failures=$((failures + 1))
  fi
}

# Defaults: the seed table. Rows typed from the seed document.
"$kvtables" >"$tmp/out.md" 2>"$tmp/err" || { echo "FAIL default run"; failures=$((failures + 1)); }
expect_line "seed first row" "|2|1x2|483|100|0.0621|0.0621|" "$tmp/out.md"
expect_line "seed 5x5 row" "|25|5x5|2823|100|0.3299|0.3299|" "$tmp/out.md"
expect_line "seed last row" "|29|1x29|3183|100|0.3711|0.3711|" "$tmp/out.md"
rows=$(grep -cE '^\|[0-9]+\|[0-9]+x[0-9]+\|' "$tmp/out.md")
[ "$rows" -eq 53 ] && echo "ok   53 seed rows" || { echo "FAIL $rows seed rows, want 53"; failures=$((failures + 1)); }

# Both orientations: 3x2 appears, with 10 more image tokens than 2x3.
"$kvtables" --min_crops=6 --max_crops=6 --orientations=both --format=csv >"$tmp/out.csv"
# 2x3: 273 + 600 + 20 = 893 image tokens (the seed's row); 3x2: 273 + 600 + 30.
grep -q '^2,3,6,893,0,903,' "$tmp/out.csv" && echo "ok   csv 2x3" || { echo "FAIL no 2x3 row"; failures=$((failures + 1)); }
grep -q '^3,2,6,903,0,913,' "$tmp/out.csv" && echo "ok   csv 3x2" || { echo "FAIL no 3x2 row"; failures=$((failures + 1)); }

"$kvtables" --max_crops=2 --format=json >"$tmp/out.json"
grep -q '"kv_bytes_mean": 66662400' "$tmp/out.json" && echo "ok   json" || { echo "FAIL json"; failures=$((failures + 1)); }

# Other presets: DeepSeek-VL2's 3x3 grid is 14 * 15 + 1 + 14 * 3 * 43 = 2,017
# image tokens (its processor's formula); --list_presets names them all.
"$kvtables" --preset=deepseek-vl2 --format=csv >"$tmp/dsv.csv"
grep -q '^3,3,9,2017,0,' "$tmp/dsv.csv" && echo "ok   deepseek-vl2 3x3" || { echo "FAIL deepseek-vl2 3x3"; failures=$((failures + 1)); }
"$kvtables" --list_presets >"$tmp/presets"
[ "$(wc -l <"$tmp/presets")" -eq 10 ] && grep -qx seed-vlm "$tmp/presets" && echo "ok   10 presets" || { echo "FAIL presets"; failures=$((failures + 1)); }

bad() {  # bad <expected stderr text> <flags...>
  local want="$1"
  shift
  "$kvtables" "$@" >"$tmp/bad.out" 2>"$tmp/bad.err"
  local status=$?
  if [ "$status" -ne 2 ] || [ -s "$tmp/bad.out" ] || [ "$(wc -l <"$tmp/bad.err")" -ne 1 ] ||
     ! grep -qF -- "$want" "$tmp/bad.err"; then
    echo "FAIL $*: status $status, stderr: $(cat "$tmp/bad.err")"
    failures=$((failures + 1))
  else
    echo "ok   $* -> $(cat "$tmp/bad.err")"
  fi
}
bad "unknown preset 'llava'" --preset=llava
bad "prompt + decode steps exceed max_context_tokens" --preset=llava-1.5-7b --decode_steps=4000
bad "min_crops must not exceed max_crops" --min_crops=5 --max_crops=3
bad "min_crops must be positive" --min_crops=0
bad "'sideways' is not h_le_w or both" --orientations=sideways
bad "'xml' is not markdown, csv or json" --format=xml
bad "batch_size must be positive" --batch=0
bad "overflow" --batch=100000000000000

echo "$failures failed"
[ "$failures" -eq 0 ]
