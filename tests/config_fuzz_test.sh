#!/usr/bin/env bash
# Builds tests/config_fuzz.cc with clang++ -fsanitize=fuzzer,address (Bazel's
# toolchain here is gcc) and runs it for a bounded time over the seed corpus
# tests/testdata/*.json and tests/testdata/fuzz/ (inputs that once crashed
# or found bugs stay there as regressions). Fails on any crash.
set -u
root="${TEST_SRCDIR:-.}/${TEST_WORKSPACE:-kvtables}"
tmp="${TEST_TMPDIR:-$(mktemp -d)}"
seconds="${FUZZ_SECONDS:-20}"

absl_libs=$(pkg-config --libs absl_statusor absl_status absl_strings 2>/dev/null ||
            echo "-labsl_statusor -labsl_status -labsl_strings -labsl_cord -labsl_raw_logging_internal")
if ! clang++ -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined \
    -fno-sanitize-recover=undefined -I"$root" \
    "$root/tests/config_fuzz.cc" "$root/config/hf_config.cc" \
    $absl_libs -o "$tmp/config_fuzz" 2>"$tmp/build.log"; then
  echo "FAIL building the fuzz target:"
  cat "$tmp/build.log"
  exit 1
fi

# A writable copy of the corpus (libFuzzer adds what it finds to it).
mkdir -p "$tmp/corpus"
cp "$root"/tests/testdata/*.json "$tmp/corpus/"
cp "$root"/tests/testdata/fuzz/* "$tmp/corpus/" 2>/dev/null || true

# First every seed and regression input once, then a bounded search.
if ! "$tmp/config_fuzz" -runs=0 "$tmp/corpus" >"$tmp/seeds.log" 2>&1; then
  echo "FAIL on a seed or regression input:"
  tail -40 "$tmp/seeds.log"
  exit 1
fi
echo "ok   $(ls "$tmp/corpus" | wc -l) seed and regression inputs"
if ! "$tmp/config_fuzz" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
    -rss_limit_mb=2048 -artifact_prefix="$tmp/" -print_final_stats=1 \
    -dict="$root/tests/config_fuzz.dict" \
    "$tmp/corpus" >"$tmp/fuzz.log" 2>&1; then
  echo "FAIL: the fuzzer found a crash:"
  tail -60 "$tmp/fuzz.log"
  for crash in "$tmp"/crash-* "$tmp"/leak-* "$tmp"/timeout-*; do
    [ -e "$crash" ] && { echo "input $crash:"; od -c "$crash" | head -20; }
  done
  exit 1
fi
grep -E "stat::number_of_executed_units|Done" "$tmp/fuzz.log" | head -3
echo "ok   no crash in ${seconds}s"
