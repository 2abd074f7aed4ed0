#!/usr/bin/env bash
# The firmware image, run under qemu-system-arm, exits with status 0 and
# prints, for every budget, the same choice as the constexpr model on the host
# (expected_choice). Usage: firmware_qemu_test.sh RUN_IMAGE IMAGE EXPECTED_CHOICE
set -u
run_image=$1
image=$2
expected_choice=$3
tmp="${TEST_TMPDIR:-$(mktemp -d)}"

if ! "$expected_choice" >"$tmp/expected.txt"; then
  echo "FAIL: $expected_choice failed"
  exit 1
fi
if [ ! -s "$tmp/expected.txt" ]; then
  echo "FAIL: $expected_choice printed nothing to compare with"
  exit 1
fi

"$run_image" "$image" "$tmp/printed.txt" 2>"$tmp/qemu.log"
status=$?
if [ "$status" -eq 124 ]; then
  echo "FAIL: the image did not exit within 60 s"
  exit 1
elif [ "$status" -ne 0 ]; then
  echo "FAIL: the image exited with status $status; QEMU said:"
  cat "$tmp/qemu.log"
  exit 1
fi

if ! diff -u --label "constexpr model (expected)" --label "firmware (printed)" \
    "$tmp/expected.txt" "$tmp/printed.txt"; then
  echo "FAIL: the firmware's choices differ from the constexpr model's"
  exit 1
fi
cat "$tmp/printed.txt"
echo "ok: $(wc -l <"$tmp/printed.txt") choices match the constexpr model"
