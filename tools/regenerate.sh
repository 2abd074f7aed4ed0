#!/usr/bin/env bash
# Copies freshly generated files over the checked-in ones in generated/.
# Run it as: bazel run //tools:regenerate
set -euo pipefail
workspace="${BUILD_WORKSPACE_DIRECTORY:?run me with: bazel run //tools:regenerate}"
for fresh in "$@"; do
  name=$(basename "$fresh")
  target="$workspace/generated/$name"
  cp "$fresh" "$target.tmp"
  mv "$target.tmp" "$target"
  echo "regenerated generated/$name"
done
