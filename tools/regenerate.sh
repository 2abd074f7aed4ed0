#!/usr/bin/env bash
# Copies freshly generated files over the checked-in ones in generated/,
# keeping their paths below generated/fresh/ (models/... stays models/...).
# Run it as: bazel run //tools:regenerate
#
# As a set: every file is first copied beside its target (mode 644), and
# only then are all renamed into place, so a run stopped early changes
# nothing (its temporaries are removed) rather than some files.
set -euo pipefail
workspace="${BUILD_WORKSPACE_DIRECTORY:?run me with: bazel run //tools:regenerate}"
staged=()
trap 'rm -f "${staged[@]}"' EXIT
for fresh in "$@"; do
  name="${fresh#*generated/fresh/}"
  target="$workspace/generated/$name"
  mkdir -p "$(dirname "$target")"
  temporary=$(mktemp "$(dirname "$target")/.$(basename "$target").tmp.XXXXXX")
  staged+=("$temporary")
  cp "$fresh" "$temporary"
  chmod 644 "$temporary"
done
i=0
for fresh in "$@"; do
  name="${fresh#*generated/fresh/}"
  mv "${staged[$i]}" "$workspace/generated/$name"
  i=$((i + 1))
done
staged=()
echo "regenerated $# files under generated/"
