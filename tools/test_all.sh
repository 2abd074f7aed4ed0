#!/usr/bin/env bash
# Every test: set-up, the workspace's Bazel tests, then the downstream
# workspace in examples/bazel_consumer that uses @kvtables as an external
# repository. Exits non-zero when any step fails.
set -uo pipefail
cd "$(dirname "$0")/.."
./tools/setup.sh || exit 1
# The oracle's summary line is read from its log afterwards (Bazel shows a
# passing test's output only on failure); a stale log must not stand in.
oracle_log=bazel-testlogs/oracle/llama_cpp_oracle_test/test.log
rm -f "$(readlink -f "$oracle_log" 2>/dev/null || echo "$oracle_log")"
bazel test //...
status=$?
[ -f "$oracle_log" ] && grep -h '^llama.cpp oracle: ' "$oracle_log"
examples/bazel_consumer/run_test.sh
consumer=$?
[ "$status" -ne 0 ] && exit "$status"
exit "$consumer"
