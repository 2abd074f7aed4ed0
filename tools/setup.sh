#!/usr/bin/env bash
# Installs, from Debian's packages, everything kvtables needs to build and test:
# Bazel (WORKSPACE mode), the system libraries the third_party/ wrappers link,
# both host compilers, and the Cortex-M toolchain with its emulator; then,
# from npm, the pinned llama.cpp the oracle test runs (tools/setup_oracle.sh).
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
  git                    # reads the llama.cpp source bundle of the oracle
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

# node >= 20 and npm for the oracle: Debian 12's nodejs is 18, so a node
# already on the machine (this machine kind ships 20) is kept.
if ! command -v node >/dev/null; then missing+=(nodejs); fi
if ! command -v npm >/dev/null; then missing+=(npm); fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
else
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
"$(dirname "$0")/setup_oracle.sh"
echo "setup: done"
