#!/usr/bin/env bash
# The contract of each generated header, checked against its record: a header
# whose interface (includes, macro names, struct layouts, array declarations,
# function signatures; comments and data left out) differs from the record
# must carry a new schema version. generated/README.md says what the contract
# covers and when the version changes.
#
# RECORD_DIR and the HEADERs are paths relative to the workspace root.
#
#   header_contract.sh check RECORD_DIR HEADER...
#     Fails when a header's interface changed and its schema version did not;
#     also when the version changed and the record was not updated, when a
#     header has no record, or when it declares no schema version.
#   header_contract.sh update RECORD_DIR HEADER...
#     Writes the records of headers whose schema version differs from their
#     record (or that have none); refuses when an interface changed under an
#     unchanged version. Run by `bazel run //tests/contract:update_records`.
#
# A record, RECORD_DIR/<header file name>.contract, is the line
# "schema_version N" followed by the interface, one declaration per line.
# The per-model headers (generated/models/*.h) share one layout and one
# record, models.contract, with each header's own prefix written as <prefix>
# (and <PREFIX> in macros). A header with no table (the models/all.h index)
# has no contract of its own.
set -u
mode=$1
record_dir=$2
shift 2
if [ "$mode" != check ] && [ "$mode" != update ]; then
  echo "usage: $0 check|update RECORD_DIR HEADER..." >&2
  exit 2
fi
if [ "$mode" = update ]; then
  # Under `bazel run`, the headers are in the runfiles (the current directory)
  # and the records to write are in the source tree.
  if [ -z "${BUILD_WORKSPACE_DIRECTORY:-}" ]; then
    echo "update writes into the source tree: run it with bazel run //tests/contract:update_records" >&2
    exit 2
  fi
  record_dir="$BUILD_WORKSPACE_DIRECTORY/$record_dir"
fi
tmp="${TEST_TMPDIR:-$(mktemp -d)}"

# Interface() prints the interface of header $1: `gcc -fpreprocessed` strips
# the comments without expanding anything; macro values and table rows are
# data and are left out.
Interface() {
  local prefix=$1 header=$2
  gcc -fpreprocessed -dD -E -P -x c "$header" | awk -v macro="$(echo "$prefix" | tr a-z A-Z)_" '
    { gsub(/[ \t]+/, " "); sub(/^ /, ""); sub(/ $/, "") }
    /^#include / { print; next }
    /^#define / { if (index($2, macro) == 1) print "#define " $2; next }
    /^typedef struct / { in_struct = 1 }
    in_struct { print; if ($0 ~ /^}/) in_struct = 0; next }
    /^static const .* = \{$/ { sub(/ = \{$/, ""); print; next }
    /^static inline .*\) \{$/ { sub(/ \{$/, ""); print; next }'
}

failures=0
checked=0
for header in "$@"; do
  prefix=$(sed -n 's/^typedef struct \([a-z0-9_]*\)_row {$/\1/p' "$header")
  version=$(sed -n 's/^#define [A-Z0-9_]*_SCHEMA_VERSION \([0-9][0-9]*\)u\{0,1\}$/\1/p' "$header")
  if [ -z "$prefix" ] && [ -z "$version" ] && ! grep -q '^typedef struct' "$header"; then
    echo "skip $header: no table, no contract"
    continue
  fi
  checked=$((checked + 1))
  if [ -z "$prefix" ] || [ -z "$version" ]; then
    echo "FAIL $header: no row struct or no *_SCHEMA_VERSION macro"
    failures=$((failures + 1))
    continue
  fi
  case "$header" in
    */models/*)
      name=models
      version_constant="kModelHeaderSchemaVersion (codegen/catalog_output.h)"
      upper=$(echo "$prefix" | tr a-z A-Z)
      Interface "$prefix" "$header" | sed "s/$prefix/<prefix>/g; s/$upper/<PREFIX>/g" >"$tmp/interface"
      # Every model header must agree with the one record: compare each.
      ;;
    *)
      name=$(basename "$header")
      version_constant="kCropTableSchemaVersion (codegen/crop_table_output.h)"
      Interface "$prefix" "$header" >"$tmp/interface"
      ;;
  esac
  record="$record_dir/$name.contract"
  { echo "schema_version $version"; cat "$tmp/interface"; } >"$tmp/$name.contract"

  if [ ! -f "$record" ]; then
    recorded_version=""
  else
    recorded_version=$(sed -n '1s/^schema_version \([0-9]*\)$/\1/p' "$record")
  fi
  if [ -z "$recorded_version" ]; then
    problem="has no contract record ($record_dir/$name.contract)"
  elif [ "$version" = "$recorded_version" ]; then
    if diff -u --label "$name.contract (recorded, schema $recorded_version)" \
        --label "$header (now, schema $version)" \
        "$record" "$tmp/$name.contract" >"$tmp/diff"; then
      echo "ok   $header: schema version $version, interface as recorded"
      continue
    fi
    echo "FAIL $header: the interface changed but the schema version is still $version."
    cat "$tmp/diff"
    echo "Bump $version_constant, regenerate"
    echo "(bazel run //tools:regenerate), then: bazel run //tests/contract:update_records"
    failures=$((failures + 1))
    continue
  elif [ "$version" -lt "$recorded_version" ]; then
    problem="has schema version $version, below the recorded $recorded_version: versions only go up"
    echo "FAIL $header $problem"
    failures=$((failures + 1))
    continue
  else
    problem="has schema version $version; the record is of version $recorded_version"
  fi

  if [ "$mode" = update ]; then
    cp "$tmp/$name.contract" "$record"
    echo "updated $record (schema version $version)"
  else
    echo "FAIL $header $problem. Record it with:"
    echo "    bazel run //tests/contract:update_records"
    failures=$((failures + 1))
  fi
done
echo "$checked header(s), $failures failed"
[ "$checked" -gt 0 ] && [ "$failures" -eq 0 ]
