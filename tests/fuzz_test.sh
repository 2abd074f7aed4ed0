#!/usr/bin/env bash
# Builds a libFuzzer target with clang++ -fsanitize=fuzzer,address (Bazel's
# toolchain here is gcc) and runs it for a bounded time over its seed corpus
# (inputs that once crashed or found bugs stay there as regressions). Fails
# on any crash.
#
# usage: fuzz_test.sh NAME DICT SEED_GLOB -- SOURCES...
#   NAME       tests/NAME.cc is the target; SOURCES are compiled with it
#   DICT       a libFuzzer dictionary under tests/, or - for none
#   SEED_GLOB  seed files, relative to the workspace (quoted: expanded here)
set -u
name=$1 dict=$2 seeds=$3
shift 4
root="${TEST_SRCDIR:-.}/${TEST_WORKSPACE:-kvtables}"
tmp="${TEST_TMPDIR:-$(mktemp -d)}"
seconds="${FUZZ_SECONDS:-20}"

absl_libs=$(pkg-config --libs absl_statusor absl_status absl_strings 2>/dev/null ||
            echo "-labsl_statusor -labsl_status -labsl_strings -labsl_cord -labsl_raw_logging_internal")
sources=()
for s in "$@"; do sources+=("$root/$s"); done
if ! clang++ -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined \
    -fno-sanitize-recover=undefined -I"$root" \
    "$root/tests/$name.cc" "${sources[@]}" \
    $absl_libs -o "$tmp/$name" 2>"$tmp/build.log"; then
  echo "FAIL building the fuzz target:"
  cat "$tmp/build.log"
  exit 1
fi

# A writable copy of the corpus (libFuzzer adds what it finds to it).
mkdir -p "$tmp/corpus"
for f in $root/$seeds; do [ -f "$f" ] && cp "$f" "$tmp/corpus/"; done
dict_flag=()
[ "$dict" != - ] && dict_flag=(-dict="$root/tests/$dict")

# First every seed and regression input once, then a bounded search.
if ! "$tmp/$name" -runs=0 "$tmp/corpus" >"$tmp/seeds.log" 2>&1; then
  echo "FAIL on a seed or regression input:"
  tail -40 "$tmp/seeds.log"
  exit 1
fi
echo "ok   $(ls "$tmp/corpus" | wc -l) seed and regression inputs"
if ! "$tmp/$name" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
    -rss_limit_mb=2048 -artifact_prefix="$tmp/" -print_final_stats=1 \
    "${dict_flag[@]}" "$tmp/corpus" >"$tmp/fuzz.log" 2>&1; then
  echo "FAIL: the fuzzer found a crash:"
  tail -60 "$tmp/fuzz.log"
  for crash in "$tmp"/crash-* "$tmp"/leak-* "$tmp"/timeout-*; do
    [ -e "$crash" ] && { echo "input $crash:"; od -c "$crash" | head -20; }
  done
  exit 1
fi
grep -E "stat::number_of_executed_units|Done" "$tmp/fuzz.log" | head -3
echo "ok   no crash in ${seconds}s"
