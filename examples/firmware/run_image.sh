#!/usr/bin/env bash
# Runs a Cortex-M3 image on QEMU's mps2-an385 board with semihosting, for at
# most 60 s. Usage: run_image.sh IMAGE PRINTED [QEMU_ARGS...]
# The image's semihosting output goes to the file PRINTED; QEMU's own messages
# go to stderr. Exits with the image's exit code (SYS_EXIT_EXTENDED), 124 on
# timeout, or 2 when QEMU is missing.
set -u
if [ "$#" -lt 2 ]; then
  echo "usage: $0 IMAGE PRINTED [QEMU_ARGS...]" >&2
  exit 2
fi
image=$1
printed=$2
shift 2
qemu=/usr/bin/qemu-system-arm
if [ ! -x "$qemu" ]; then
  echo "$qemu not found: install qemu-system-arm (./tools/setup.sh)" >&2
  exit 2
fi
exec timeout 60 "$qemu" -M mps2-an385 -nographic \
  -chardev "file,id=semihosting,path=$printed" \
  -semihosting-config enable=on,target=native,chardev=semihosting \
  "$@" -kernel "$image" </dev/null
