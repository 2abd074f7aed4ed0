#!/usr/bin/env bash
# Every generated header compiles in every mode given, at -Wall -Wextra
# -Werror -pedantic, in a translation unit that uses its table.
#
#   header_modes_test.sh "COMPILER,STANDARD,EXT;..." "FLAG,FLAG,..." HEADER...
#
# Each mode is a compiler, a -std= value and the source extension (c or cc):
# "gcc,c99,c;clang++,c++20,cc". The extra flags, comma-separated, are added
# to every compile (the Cortex-M check passes
# -mcpu=cortex-m3,-mthumb,-ffreestanding); "-" means none. Commas keep each
# argument one word through Bazel's argument splitting.
set -u
modes="$1"
extra_flags=()
[ "$2" = - ] || IFS=',' read -r -a extra_flags <<<"$2"
shift 2
root="${TEST_SRCDIR:-.}/${TEST_WORKSPACE:-kvtables}"
tmp="${TEST_TMPDIR:-$(mktemp -d)}"
failures=0
checked=0
for header in "$@"; do
  prefix=$(sed -n 's/^typedef struct \([a-z0-9_]*\)_row {$/\1/p' "$root/$header")
  # An externally visible function returns the table's first row, so the
  # table is compiled, not discarded; a header with no table of its own (the
  # models/all.h index) is only included.
  if [ -n "$prefix" ]; then
    use="const void *first_row(void);
const void *first_row(void) { return &${prefix}_rows[0]; }"
  else
    use="int no_table(void);
int no_table(void) { return 0; }"
  fi
  printf '#include "%s"\n%s\n' "$header" "$use" >"$tmp/use.c"
  cp "$tmp/use.c" "$tmp/use.cc"
  IFS=';' read -r -a mode_list <<<"$modes"
  for mode in "${mode_list[@]}"; do
    IFS=',' read -r compiler standard extension <<<"$mode"
    checked=$((checked + 1))
    if output=$("$compiler" -std="$standard" "${extra_flags[@]}" -Wall -Wextra \
        -Werror -pedantic -I"$root" -c -o "$tmp/use.o" "$tmp/use.$extension" 2>&1); then
      echo "ok   $header: $compiler -std=$standard"
    else
      echo "FAIL $header: $compiler -std=$standard"
      echo "$output"
      failures=$((failures + 1))
    fi
  done
done
echo "$checked compilations, $failures failed"
[ "$checked" -gt 0 ] && [ "$failures" -eq 0 ]
