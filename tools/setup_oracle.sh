#!/usr/bin/env bash
# Installs the llama.cpp oracle into oracle/.llama_cpp (ignored by git):
# node-llama-cpp 3.21.1, pinned, with only its CPU build, from npm. It ships
# a prebuilt CPU libllama and, as a git bundle, the exact llama.cpp source it
# was built from; the headers the probe needs are taken from that bundle.
# Idempotent: a finished install is kept (its stamp names the version).
set -euo pipefail
cd "$(dirname "$0")/.."

version=3.21.1
dest=oracle/.llama_cpp
stamp="$dest/installed-$version"
[ -f "$stamp" ] && { echo "setup: llama.cpp oracle $version already installed"; exit 0; }

if ! command -v npm >/dev/null || ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) < 20 ? 1 : 0)'; then
  echo "setup: node >= 20 and npm are needed for the llama.cpp oracle" >&2
  exit 1
fi

rm -rf "$dest"
mkdir -p "$dest"
echo '{"private": true}' > "$dest/package.json"
(cd "$dest" && npm install --no-audit --no-fund --ignore-scripts --omit=optional -E \
  "node-llama-cpp@$version" "@node-llama-cpp/linux-x64@$version" >/dev/null)

# The llama.cpp source of the prebuilt library: only the headers are kept.
src="$dest/src"
git init -q "$src"
git -C "$src" fetch -q "$PWD/$dest/node_modules/node-llama-cpp/llama/gitRelease.bundle"
mkdir -p "$dest/include"
for f in include/llama.h ggml/include src/llama-ext.h; do
  git -C "$src" archive FETCH_HEAD "$f" | tar -x -C "$dest/include"
done
git -C "$src" log -1 --format='%H %cI' FETCH_HEAD > "$dest/llama_cpp_commit"
rm -rf "$src"
touch "$stamp"
echo "setup: llama.cpp oracle $version installed ($(cat "$dest/llama_cpp_commit"))"
