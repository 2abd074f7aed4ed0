#!/usr/bin/env bash
# The llama.cpp oracle: writes the tiny GGUF of every catalog model that
# llama.cpp runs, runs every case of the matrix in the real llama.cpp
# installed by tools/setup.sh (oracle/.llama_cpp), and compares what it
# printed and allocated with kvmodel's predictions. Fails on any difference.
#
# usage: oracle_test.sh LLAMA_ORACLE PROBE_SOURCE
set -euo pipefail

oracle_tool=$1
probe_src=$(readlink -f "$2")
root=$(dirname "$(dirname "$(dirname "$probe_src")")")
pkg="$root/oracle/.llama_cpp"
bins="$pkg/node_modules/@node-llama-cpp/linux-x64/bins/linux-x64"
if [ ! -f "$pkg/installed-3.21.1" ]; then
  echo "oracle_test: the pinned llama.cpp is not installed in $pkg: run tools/setup.sh" >&2
  exit 1
fi
echo "llama.cpp under test: node-llama-cpp 3.21.1, llama.cpp $(cat "$pkg/llama_cpp_commit")"

work="${TEST_TMPDIR:-$(mktemp -d)}/oracle"
mkdir -p "$work/models"
out="${TEST_UNDECLARED_OUTPUTS_DIR:-$work}"

g++ -std=c++17 -O1 -w -I"$pkg/include/include" -I"$pkg/include/ggml/include" \
  -I"$pkg/include/src" "$probe_src" -o "$work/llama_probe" -L"$bins" \
  -l:libllama.v0.4.0.so -l:libggml.v0.4.0.so -l:libggml-base.so -Wl,-rpath,"$bins"

# Besides the catalog, every published config.json in tests/testdata.
configs=("${TEST_SRCDIR:-$root}/${TEST_WORKSPACE:+$TEST_WORKSPACE/}tests/testdata/"*.json)

"$oracle_tool" plan "$work/models" "${configs[@]}"

# The probe loads one CPU backend, the baseline x86-64 build, so that every
# machine runs the same code: the best variant for this CPU is picked at
# load time, and the Sapphire Rapids one (with its AMX buffer type) aborts
# in graph reservation for MLA models ("ggml-backend.cpp:1294:
# GGML_ASSERT(*cur_backend_id != -1) failed"), which the others do not.
backends="$work/backends"
mkdir -p "$backends"
ln -sf "$bins/libggml-cpu-x64.so" "$backends/"

# Two shards, one per core; each case runs in its own child process.
split -n l/2 -d "$work/models/cases.tsv" "$work/shard."
for shard in "$work"/shard.0?; do
  "$work/llama_probe" "$backends" < "$shard" > "$shard.out" 2> "$shard.err" &
done
wait
cat "$work"/shard.0?.out > "$work/probe.out"

"$oracle_tool" compare "$work/probe.out" "$out/llama_cpp_observed.tsv" "${configs[@]}"
