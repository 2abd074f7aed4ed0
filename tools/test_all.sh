#!/usr/bin/env bash
# Every test: set-up, the workspace's Bazel tests, then the downstream
# workspace in examples/bazel_consumer that uses @kvtables as an external
# repository. Exits non-zero when any step fails.
set -uo pipefail
cd "$(dirname "$0")/.."
./tools/setup.sh || exit 1
bazel test //...
status=$?
examples/bazel_consumer/run_test.sh
consumer=$?
[ "$status" -ne 0 ] && exit "$status"
exit "$consumer"
