#!/usr/bin/env bash
# Copies freshly generated files over the checked-in ones in generated/,
# keeping their paths below generated/fresh/ (models/... stays models/...).
# Run it as: bazel run //tools:regenerate
set -euo pipefail
workspace="${BUILD_WORKSPACE_DIRECTORY:?run me with: bazel run //tools:regenerate}"
for fresh in "$@"; do
  name="${fresh#*generated/fresh/}"
  target="$workspace/generated/$name"
  mkdir -p "$(dirname "$target")"
  cp "$fresh" "$target.tmp"
  mv "$target.tmp" "$target"
done
echo "regenerated $# files under generated/"
