#!/usr/bin/env bash
# Installs, from Debian's packages, everything kvtables needs to build and test:
# Bazel (WORKSPACE mode), the system libraries the third_party/ wrappers link,
# both host compilers, and the Cortex-M toolchain with its emulator.
# Idempotent: packages already present are not fetched again.
set -euo pipefail

packages=(
  bazel-bootstrap        # Bazel 4.2.3, /usr/bin/bazel
  bazel-rules-java       # /usr/share/bazel/rules/java, needed by @bazel_tools
  g++ clang              # the two host compilers the headers are checked with
  libabsl-dev            # Abseil: flags, status, str_format
  libgtest-dev libgmock-dev
  libboost-dev           # Boost.Hana (header-only)
  libbenchmark-dev       # Google Benchmark
  nlohmann-json3-dev     # config.json reader
  gcc-arm-none-eabi libnewlib-arm-none-eabi  # firmware consumer
  qemu-system-arm        # runs the firmware image
  chromium               # renders the generated SVG charts in a test
  libxml2-utils          # xmllint: the charts are well-formed XML
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "setup: installing ${missing[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "setup: done"
