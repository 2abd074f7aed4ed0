#!/usr/bin/env bash
# Every generated header compiles for a Cortex-M3 with arm-none-eabi-gcc as
# C99 and C11 and with arm-none-eabi-g++ as C++17 and C++20, freestanding, at
# -Wall -Wextra -Werror -pedantic. Usage: headers_cortex_m_test.sh HEADER...
set -u
root="${TEST_SRCDIR:-.}/${TEST_WORKSPACE:-kvtables}"
tmp="${TEST_TMPDIR:-$(mktemp -d)}"
target_flags=(-mcpu=cortex-m3 -mthumb -ffreestanding)
warning_flags=(-Wall -Wextra -Werror -pedantic)
for compiler in /usr/bin/arm-none-eabi-gcc /usr/bin/arm-none-eabi-g++; do
  if [ ! -x "$compiler" ]; then
    echo "FAIL: $compiler not found: install gcc-arm-none-eabi (./tools/setup.sh)"
    exit 1
  fi
done
failures=0
checked=0
for header in "$@"; do
  prefix=$(sed -n 's/^typedef struct \([a-z0-9_]*\)_row {$/\1/p' "$root/$header")
  # A translation unit that uses the table: an externally visible function
  # returns the first row's address, so the table is compiled, not discarded.
  # A header with no table of its own (the models/all.h index) is included.
  if [ -n "$prefix" ]; then
    use="const void *first_row(void);
const void *first_row(void) { return &${prefix}_rows[0]; }"
  else
    use="int no_table(void);
int no_table(void) { return 0; }"
  fi
  cat >"$tmp/use.c" <<EOF_C
#include "$header"
$use
EOF_C
  cp "$tmp/use.c" "$tmp/use.cc"
  for mode in "arm-none-eabi-gcc -std=c99 use.c" \
              "arm-none-eabi-gcc -std=c11 use.c" \
              "arm-none-eabi-g++ -std=c++17 use.cc" \
              "arm-none-eabi-g++ -std=c++20 use.cc"; do
    read -r compiler standard source <<<"$mode"
    checked=$((checked + 1))
    if output=$("/usr/bin/$compiler" "$standard" "${target_flags[@]}" \
        "${warning_flags[@]}" -I"$root" -c -o "$tmp/use.o" "$tmp/$source" 2>&1); then
      echo "ok   $header: $compiler $standard"
    else
      echo "FAIL $header: $compiler $standard"
      echo "$output"
      failures=$((failures + 1))
    fi
  done
done
echo "$checked compilations, $failures failed"
[ "$checked" -gt 0 ] && [ "$failures" -eq 0 ]
