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
bad "--constant: 'int' is a C or C++ keyword" --config="$data/llama-3.1-8b.json" --constant=int
bad "--namespace: 'namespace' is a C or C++ keyword" --config="$data/llama-3.1-8b.json" --namespace=namespace
bad "--constant: '_Bool' is a C or C++ keyword" --config="$data/llama-3.1-8b.json" --constant=_Bool
bad "--constant: '_Model' is reserved to the implementation" --config="$data/llama-3.1-8b.json" --constant=_Model
bad "--namespace: 'a__b' is reserved to the implementation" --config="$data/llama-3.1-8b.json" --namespace=a__b
bad "--constant: 'a\\x0ab' is not a C++ identifier" --config="$data/llama-3.1-8b.json" --constant="$(printf 'a\nb')"
bad "--include_guard: 'while' is a C or C++ keyword" --config="$data/llama-3.1-8b.json" --include_guard=while
bad "--config: cannot read config file /dev/zero is not a regular file" --config=/dev/zero
bad "--bogus is not a flag (see --help)" --config="$data/llama-3.1-8b.json" --bogus=1
# Outputs: never over the config read, never twice, never through a link.
cp "$data/llama-3.1-8b.json" "$tmp/in.json"
"$gen" --config="$tmp/in.json" --output="$tmp/in.json" 2>"$tmp/err"
if [ $? -eq 2 ] && grep -qF "is also an input of this run" "$tmp/err" &&
   cmp -s "$tmp/in.json" "$data/llama-3.1-8b.json"; then
  echo "ok   --output equal to --config refused"
else
  echo "FAIL --output equal to --config: $(cat "$tmp/err")"; failures=$((failures + 1))
fi
bad "is named twice as an output" --config="$data/llama-3.1-8b.json" --c_header="$tmp/out.h"
echo keep >"$tmp/victim"
ln -sf "$tmp/victim" "$tmp/link.h"
"$gen" --config="$data/llama-3.1-8b.json" --output="$tmp/link.h" 2>"$tmp/err"
if [ $? -eq 2 ] && grep -qF "not a regular file" "$tmp/err" && [ "$(cat "$tmp/victim")" = keep ]; then
  echo "ok   symlinked output refused, its target untouched"
else
  echo "FAIL symlinked output: $(cat "$tmp/err")"; failures=$((failures + 1))
fi
rm -f "$tmp/a.h" "$tmp/b.h"
"$gen" --config="$data/llama-3.1-8b.json" --output="$tmp/a.h" --c_header="$tmp/no/such/dir/b.h" 2>"$tmp/err"
if [ $? -eq 2 ] && [ ! -e "$tmp/a.h" ] && ! ls "$tmp"/.a.h.tmp.* >/dev/null 2>&1; then
  echo "ok   a failing --c_header leaves --output unwritten"
else
  echo "FAIL a failing --c_header: $(cat "$tmp/err")"; failures=$((failures + 1))
fi
"$gen" --config="$data/llama-3.1-8b.json" --output="$tmp/mode.h" && [ "$(stat -c %a "$tmp/mode.h")" = 644 ] &&
  echo "ok   written with mode 644" || { echo "FAIL mode $(stat -c %a "$tmp/mode.h")"; failures=$((failures + 1)); }
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

# A config.json is untrusted: its _name_or_path (here "evil*/", a newline,
# "#define PWNED 1", a newline, "/*") and its file name reach the headers'
# comments, and must stay comments there.
sed 's|"_name_or_path": "[^"]*"|"_name_or_path": "evil*/\\n#define PWNED 1\\n/*"|' "$data/llama-2-7b.json" >"$tmp/evil.json"
evil_name="$tmp/evil
#define PWNED 1
.json"
cp "$tmp/evil.json" "$evil_name"
"$gen" --config="$evil_name" --output="$tmp/evil.h" --c_header="$tmp/evil_c.h" --constant=kEvil
status=$?
printf '#include "evil_c.h"\n#ifdef PWNED\n#error the config injected a macro\n#endif\nint main(void) { return 0; }\n' >"$tmp/use.c"
if [ "$status" -eq 0 ] && cc -std=c11 -Wall -Wextra -Werror -pedantic -fsyntax-only -I"$tmp" "$tmp/use.c" &&
   ! grep -q '^#define PWNED' "$tmp/evil.h" "$tmp/evil_c.h" &&
   grep -qF 'evil*\x2f\x0a#define PWNED 1\x0a/\x2a' "$tmp/evil_c.h" && grep -qF '\x0a#define PWNED 1' "$tmp/evil.h"; then
  echo "ok   hostile name and file name stay inside the comments"
else
  echo "FAIL hostile names reached the code:"; cat "$tmp/evil_c.h" "$tmp/evil.h" | head -40
  failures=$((failures + 1))
fi

echo "$failures failed"
[ "$failures" -eq 0 ]
