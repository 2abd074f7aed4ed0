#!/usr/bin/env bash
# config_to_header's errors: one line naming the problem, status 2, and no
# header (nor temporary file) left behind; a good run writes the header.
set -u
gen="$1"
data="${TEST_SRCDIR:-.}/${TEST_WORKSPACE:-kvtables}/tests/testdata"
tmp="${TEST_TMPDIR:-$(mktemp -d)}"
failures=0

bad() {  # bad <expected stderr text> <flags...>
  local want="$1"
  shift
  rm -f "$tmp/out.h" "$tmp/out.h.tmp"
  "$gen" "$@" --output="$tmp/out.h" 2>"$tmp/err"
  local status=$?
  if [ "$status" -ne 2 ] || [ -e "$tmp/out.h" ] || [ -e "$tmp/out.h.tmp" ] ||
     [ "$(wc -l <"$tmp/err")" -ne 1 ] || ! grep -qF -- "$want" "$tmp/err"; then
    echo "FAIL $*: status $status, stderr: $(cat "$tmp/err")"
    failures=$((failures + 1))
  else
    echo "ok   $* -> $(cat "$tmp/err")"
  fi
}
bad "--parameters is required" --config="$data/gpt-oss-20b.json"
bad "--constant: '9lives' is not a C++ identifier" --config="$data/llama-3.1-8b.json" --constant=9lives
bad "--namespace: 'a-b' is not a C++ identifier" --config="$data/llama-3.1-8b.json" --namespace=a-b
bad "--config: cannot read config file" --config="$data/none.json"
printf '{"num_hidden_layers": 2' >"$tmp/broken.json"
bad "not valid JSON" --config="$tmp/broken.json"

"$gen" --config="$data/llama-3.1-8b.json" --output="$tmp/good.h" --constant=kGood
if [ $? -eq 0 ] && grep -qF "inline constexpr kvmodel::ModelSpec kGood{" "$tmp/good.h" &&
   grep -qF ".attention = {32, 32, 8, 128, 128," "$tmp/good.h" && [ ! -e "$tmp/good.h.tmp" ]; then
  echo "ok   header written"
else
  echo "FAIL header"; cat "$tmp/good.h"; failures=$((failures + 1))
fi

echo "$failures failed"
[ "$failures" -eq 0 ]
