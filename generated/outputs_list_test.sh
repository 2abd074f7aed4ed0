#!/usr/bin/env bash
# generated/outputs.bzl (the arguments after kvgen) names exactly the files
# `kvgen --list` can generate: none missing, none unknown.
set -u
kvgen="$1"
shift
if diff -u --label "kvgen --list" --label "generated/outputs.bzl" \
    <("$kvgen" --list | LC_ALL=C sort) <(printf '%s\n' "$@" | LC_ALL=C sort); then
  echo "ok: $# outputs listed, all generated"
else
  echo "generated/outputs.bzl and kvgen --list differ: update the list"
  exit 1
fi
