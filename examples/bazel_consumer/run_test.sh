#!/usr/bin/env bash
# Builds and tests this downstream workspace (`bazel test //...` here), which
# takes kvtables as the external repository @kvtables. Exits with Bazel's
# status: non-zero when a target fails to build or a test fails.
# Run from anywhere: examples/bazel_consumer/run_test.sh
set -u
cd "$(dirname "$0")" || exit 1
bazel test //... "$@"
