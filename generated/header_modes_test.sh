#!/usr/bin/env bash
# Every generated header compiles as C99, C11, C++17 and C++20, with gcc and
# clang, at -Wall -Wextra -Werror -pedantic, and its lookup is usable.
set -u
root="${TEST_SRCDIR:-.}/${TEST_WORKSPACE:-kvtables}"
tmp="${TEST_TMPDIR:-$(mktemp -d)}"
failures=0
checked=0
for header in "$@"; do
  prefix=$(sed -n 's/^typedef struct \([a-z0-9_]*\)_row {$/\1/p' "$root/$header")
  # A translation unit that uses the table (its first row and size), or, for
  # a header with no table of its own (an index), includes it.
  if [ -n "$prefix" ]; then
    body="const ${prefix}_row *first = &${prefix}_rows[0];
  return (int)(first == NULL) + (int)(sizeof(${prefix}_rows) == 0u);"
  else
    body="return 0;"
  fi
  cat >"$tmp/use.c" <<EOF_C
#include "$header"
int main(void) {
  $body
}
EOF_C
  cp "$tmp/use.c" "$tmp/use.cc"
  for mode in "gcc -std=c99 use.c" "gcc -std=c11 use.c" \
              "clang -std=c99 use.c" "clang -std=c11 use.c" \
              "g++ -std=c++17 use.cc" "g++ -std=c++20 use.cc" \
              "clang++ -std=c++17 use.cc" "clang++ -std=c++20 use.cc"; do
    read -r compiler standard source <<<"$mode"
    checked=$((checked + 1))
    if output=$("$compiler" "$standard" -Wall -Wextra -Werror -pedantic \
        -I"$root" -o "$tmp/use" "$tmp/$source" 2>&1); then
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
