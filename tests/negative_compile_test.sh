#!/usr/bin/env bash
# Negative-compilation test: every snippet in tests/negative/ names, on its
# first line, the message its compile error must show ("// expect: ...") or
# "// expect: compiles" for a control that must build. Each snippet is
# compiled with g++ and with clang++ as C++20.
set -u
root="${TEST_SRCDIR:-.}/${TEST_WORKSPACE:-kvtables}"
failures=0
checked=0
for snippet in "$@"; do
  expect=$(sed -n '1s|^// expect: ||p' "$root/$snippet")
  if [ -z "$expect" ]; then
    echo "FAIL $snippet: first line must be '// expect: <message>'"
    failures=$((failures + 1))
    continue
  fi
  for compiler in g++ clang++; do
    checked=$((checked + 1))
    if output=$("$compiler" -std=c++20 -fsyntax-only -I"$root" \
        "$root/$snippet" 2>&1); then
      status=compiles
    else
      status=fails
    fi
    if [ "$expect" = compiles ]; then
      if [ "$status" != compiles ]; then
        echo "FAIL $snippet ($compiler): the control does not compile:"
        echo "$output"
        failures=$((failures + 1))
      fi
    elif [ "$status" = compiles ]; then
      echo "FAIL $snippet ($compiler): compiled, expected: $expect"
      failures=$((failures + 1))
    elif ! grep -qF -- "$expect" <<<"$output"; then
      echo "FAIL $snippet ($compiler): error does not say: $expect"
      echo "$output"
      failures=$((failures + 1))
    else
      echo "ok   $snippet ($compiler): $expect"
    fi
  done
done
echo "$checked compilations checked, $failures wrong"
[ "$checked" -gt 0 ] && [ "$failures" -eq 0 ]
