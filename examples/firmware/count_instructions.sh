#!/usr/bin/env bash
# Counts the instructions the firmware's lookup executes, per call: runs the
# image under QEMU with one instruction per translation block (-singlestep)
# and an execution log (-d exec,nochain), then counts the log lines whose
# symbol is LargestFitting, starting a new call at each entry to it.
# Usage: count_instructions.sh RUN_IMAGE IMAGE [MAX_PER_CALL]
# Prints one line per call: "call N: M instructions". With MAX_PER_CALL,
# fails when a call executes more than that many instructions.
set -u
run_image=$1
image=$2
max_per_call=${3:-}
symbol=LargestFitting
tmp="${TEST_TMPDIR:-$(mktemp -d)}"

entry=$(/usr/bin/arm-none-eabi-nm "$image" |
  awk -v s="$symbol" '$3 == s { print $1 }')
if [ -z "$entry" ]; then
  echo "FAIL: no symbol $symbol in $image"
  exit 1
fi

if ! "$run_image" "$image" "$tmp/printed.txt" \
    -singlestep -d exec,nochain -D "$tmp/exec.log"; then
  echo "FAIL: the image did not run to a clean exit"
  exit 1
fi

# A log line: "Trace 0: 0x... [cs_base/pc/flags/cflags] symbol".
counts=$(awk -v s="$symbol" -v entry="$entry" '
  $NF == s {
    split($4, fields, "/")
    if (fields[2] == entry) ++calls
    ++count[calls]
  }
  END { for (i = 1; i <= calls; ++i) print i, count[i] }' "$tmp/exec.log")
if [ -z "$counts" ]; then
  echo "FAIL: $symbol never ran (log: $(wc -l <"$tmp/exec.log") lines)"
  exit 1
fi

over=0
while read -r call count; do
  echo "call $call: $count instructions"
  if [ -n "$max_per_call" ] && [ "$count" -gt "$max_per_call" ]; then
    echo "FAIL: call $call executed $count instructions, more than $max_per_call"
    over=1
  fi
done <<<"$counts"
exit "$over"
