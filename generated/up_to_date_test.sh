#!/usr/bin/env bash
# Fails, with a diff, when a checked-in generated file differs from what the
# generator produces now.
set -u
root="${TEST_SRCDIR:-.}/${TEST_WORKSPACE:-kvtables}/generated"
stale=0
for name in "$@"; do
  if ! diff -u --label "generated/$name (checked in)" \
      --label "generated/$name (fresh)" "$root/$name" "$root/fresh/$name" \
      >"${TEST_TMPDIR:-/tmp}/diff"; then
    echo "STALE generated/$name (diff: checked-in -> fresh):"
    head -n 80 "${TEST_TMPDIR:-/tmp}/diff"
    stale=$((stale + 1))
  else
    echo "ok    generated/$name"
  fi
done
if [ "$stale" -gt 0 ]; then
  echo "$stale generated file(s) are stale. Regenerate with:"
  echo "    bazel run //tools:regenerate"
  exit 1
fi
[ "$#" -gt 0 ]
