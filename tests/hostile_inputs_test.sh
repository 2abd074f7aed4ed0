#!/usr/bin/env bash
# Hostile and malformed input, in one suite: every case must end with exit
# status 2, exactly one line on stderr naming the problem (the flag, field or
# file), nothing on stdout, and nothing written. Cases: bad values for every
# numeric flag, special and malformed files for --config and --gguf, flag
# names that carry escape sequences, runtime refusals, and config_to_header's
# identifiers and output clashes. The suite counts its cases and needs 150.
#
# usage: hostile_inputs_test.sh KVCALC CONFIG_TO_HEADER
set -u
kvcalc="$1"
gen="$2"
data="${TEST_SRCDIR:-.}/${TEST_WORKSPACE:-kvtables}/tests/testdata"
[ -d "$data" ] || data="tests/testdata"
tmp="${TEST_TMPDIR:-$(mktemp -d)}/hostile"
mkdir -p "$tmp/out"
cases=0
failures=0

# expect <needle> <program> <args...>: exit 2, one stderr line holding
# <needle>, empty stdout, and no file left in $tmp/out.
expect() {
  local needle="$1"
  shift
  cases=$((cases + 1))
  "$@" >"$tmp/stdout" 2>"$tmp/stderr"
  local status=$?
  local left
  left=$(ls -A "$tmp/out" | wc -l)
  # No control character may reach the terminal (escape sequences forge
  # output); the one newline ends the line.
  local control=0
  LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$tmp/stderr" && control=1
  if [ "$status" -ne 2 ] || [ -s "$tmp/stdout" ] || [ "$(wc -l <"$tmp/stderr")" -ne 1 ] ||
     ! grep -qF -- "$needle" "$tmp/stderr" || [ "$left" -ne 0 ] || [ "$control" -ne 0 ]; then
    failures=$((failures + 1))
    echo "FAIL [$*] status $status, stdout $(wc -c <"$tmp/stdout") bytes, $left files left," \
         "stderr: $(head -c 300 "$tmp/stderr")"
  fi
  rm -rf "$tmp/out" && mkdir -p "$tmp/out"
}

# 1. Every numeric flag, with values that are not what it takes.
for flag in context batch ubatch n_batch block_size max_num_batched_tokens tensor_parallel pipeline_parallel \
            parameters images kv_budget budget; do
  runtime=analytic
  case "$flag" in
    ubatch | n_batch) runtime=llama.cpp ;;
    block_size | max_num_batched_tokens | tensor_parallel | pipeline_parallel) runtime=vllm ;;
  esac
  model=llama-3.1-8b
  [ "$flag" = images ] && model=llama-3.2-11b-vision
  values=(-1 abc 18446744073709551616 "" " 1" 1e3 0x10 "$(printf '1\033[2J')" "4,096" "+-3")
  case "$flag" in
    kv_budget | budget) values+=(12XB "-5GiB" "1.5.5GB") ;;
    *) values+=(0 1.5) ;;
  esac
  [ "$flag" = images ] && values=("${values[@]/#0/}")  # 0 images is the default
  for value in "${values[@]}"; do
    [ "$flag" = images ] && [ "$value" = "" ] && continue
    expect "--$flag" "$kvcalc" --model="$model" --runtime="$runtime" --context=4096 "--$flag=$value"
  done
done

# 2. Files that are not config.json files, and GGUF files that are not GGUF.
printf '' >"$tmp/empty.json"
printf '\xff\xfe{\x00}\x00' >"$tmp/utf16.json"
printf '[1, 2]' >"$tmp/array.json"
printf '{"num_hidden_layers": 1e400}' >"$tmp/bignum.json"
printf '{"num_hidden_layers": 32, "num_attention_heads": 3' >"$tmp/truncated.json"
printf '{"num_hidden_layers": "3\033[31m2"}' >"$tmp/escape.json"
printf '{"num_hidden_layers": 1, "num_attention_heads": 32, "hidden_size": 4096, "max_position_embeddings": 4096, "layer_types": ["rwkv"]}' >"$tmp/kind.json"
printf '{"num_hidden_layers": 2, "num_attention_heads": 4, "hidden_size": 256, "max_position_embeddings": 8, "layer_types": ["mamba", "attention"]}' >"$tmp/state.json"
printf '{"num_hidden_layers": 2, "num_attention_heads": 4, "hidden_size": 256, "max_position_embeddings": 8, "num_kv_shared_layers": 9}' >"$tmp/shared.json"
python3 -c "print('[' * 100000 + ']' * 100000)" >"$tmp/deep.json" 2>/dev/null ||
  printf '[[[[[[[[[[]]]]]]]]]]' >"$tmp/deep.json"
mkdir -p "$tmp/folder.json"
ln -sf /nonexistent "$tmp/dangling.json"
rm -f "$tmp/fifo.json" && mkfifo "$tmp/fifo.json"
printf 'GGUF' >"$tmp/cut.gguf"
printf 'GGUF\003\000\000\000\000\000\000\000\000\000\000\020\000\000\000\000\000\000\000\000' >"$tmp/counts.gguf"
expect "not valid JSON" "$kvcalc" --config="$tmp/empty.json"
expect "UTF-16 or UTF-32" "$kvcalc" --config="$tmp/utf16.json"
expect "the top level must be a JSON object" "$kvcalc" --config="$tmp/array.json"
expect "number overflow" "$kvcalc" --config="$tmp/bignum.json"
expect "not valid JSON" "$kvcalc" --config="$tmp/truncated.json"
expect "not valid JSON" "$kvcalc" --config="$tmp/escape.json"
expect "layer_types entry" "$kvcalc" --config="$tmp/kind.json"
expect "mamba_d_state is missing" "$kvcalc" --config="$tmp/state.json"
expect "num_kv_shared_layers must be below num_hidden_layers" "$kvcalc" --config="$tmp/shared.json"
expect "config.json" "$kvcalc" --config="$tmp/deep.json"
expect "is not a regular file" "$kvcalc" --config="$tmp/folder.json"
expect "No such file or directory" "$kvcalc" --config="$tmp/dangling.json"
expect "is not a regular file" "$kvcalc" --config="$tmp/fifo.json"
expect "is not a regular file" "$kvcalc" --config=/dev/zero
expect "is not a regular file" "$kvcalc" --config=/dev/null
expect "No such file or directory" "$kvcalc" --config="$tmp/none.json"
expect "file ends inside" "$kvcalc" --gguf="$tmp/cut.gguf"
expect "gguf:" "$kvcalc" --gguf="$tmp/counts.gguf"
expect "not a GGUF file" "$kvcalc" --gguf="$tmp/empty.json"
expect "not a GGUF file" "$kvcalc" --gguf="$data/llama-2-7b.json"
expect "is not a regular file" "$kvcalc" --gguf="$tmp/fifo.json"
expect "is not a regular file" "$kvcalc" --gguf=/dev/zero
expect "is not a regular file" "$kvcalc" --gguf="$tmp/folder.json"

# 3. Flag names and combinations.
expect '--bo\x1b[2Jgus is not a flag' "$kvcalc" --model=llama-3.1-8b "$(printf -- '--bo\033[2Jgus')=1"
expect '--a\x0ab is not a flag' "$kvcalc" --model=llama-3.1-8b "$(printf -- '--a\nb')=1"
expect "--nothing is not a flag" "$kvcalc" --nothing
expect "--batch needs a value" "$kvcalc" --model=llama-3.1-8b --batch
expect "--swa_full: Illegal value" "$kvcalc" --model=llama-3.1-8b --swa_full=maybe
expect "contradict each other" "$kvcalc" --model=llama-3.1-8b --config="$data/llama-2-7b.json"
expect "unexpected argument" "$kvcalc" --model=llama-3.1-8b stray
expect "--model" "$kvcalc" --model="$(printf 'no\033[31msuch')"
expect "--runtime" "$kvcalc" --model=llama-3.1-8b --runtime=tgi
expect "--format" "$kvcalc" --model=llama-3.1-8b --format=yaml
expect "--kv_dtype" "$kvcalc" --model=llama-3.1-8b --kv_dtype=int3

# 4. What the runtimes refuse is refused, not sized.
expect "more than 256 sequences" "$kvcalc" --model=qwen2.5-0.5b --runtime=llama.cpp --context=1024 --batch=257
expect "no fp8 KV cache type" "$kvcalc" --model=llama-3.1-8b --runtime=llama.cpp --kv_dtype=fp8
expect "quantized V cache" "$kvcalc" --model=llama-3.1-8b --runtime=llama.cpp --cache_type_v=q4_0 --flash_attn=false
expect "no cross-attention" "$kvcalc" --model=llama-3.2-11b-vision --runtime=llama.cpp
expect "does not divide the attention heads" "$kvcalc" --model=llama-3.1-8b --runtime=vllm --tensor_parallel=3
expect "block size of 1, 8, 16" "$kvcalc" --model=llama-3.1-8b --runtime=vllm --block_size=24
expect "--images: the model has no cross-attention layers" "$kvcalc" --model=llama-3.1-8b --images=1
for version in latest "" 0 0. .21 "0.21!" 00.4294967296 "$(printf '0.21\033[2J')"; do
  expect "--runtime_version" "$kvcalc" --model=llama-3.1-8b --runtime=vllm --runtime_version="$version"
done
expect "older than the releases kvtables models" "$kvcalc" --model=llama-3.1-8b --runtime=vllm --runtime_version=0.8.5
expect "--runtime_version applies to --runtime=vllm only" "$kvcalc" --model=llama-3.1-8b --runtime=llama.cpp --runtime_version=0.21
expect "pipeline_parallel must be positive and at most the layer count" "$kvcalc" --model=llama-3.1-8b --runtime=vllm --pipeline_parallel=33
expect "split only models whose layers are all full attention" "$kvcalc" --model=gemma-3-4b --runtime=vllm --pipeline_parallel=2
expect "--pipeline_parallel applies to --runtime=vllm only" "$kvcalc" --model=llama-3.1-8b --pipeline_parallel=2
chain=(--model=llama-3.1-8b --runtime=vllm --runtime_version=0.20)
expect "--gpu_memory needs --model_memory" "$kvcalc" "${chain[@]}" --gpu_memory=80GiB
expect "--gpu_memory needs --non_torch_memory" "$kvcalc" "${chain[@]}" --gpu_memory=80GiB --model_memory=15GiB --activation_peak=1GiB
expect "--activation_peak needs --gpu_memory" "$kvcalc" "${chain[@]}" --activation_peak=1GiB
expect "give one" "$kvcalc" "${chain[@]}" --gpu_memory=80GiB --kv_budget=10GiB
expect "budget chain for 0.9 to 0.20 only" "$kvcalc" --model=llama-3.1-8b --runtime=vllm --gpu_memory=80GiB
expect "--gpu_memory applies to --runtime=vllm only" "$kvcalc" --model=llama-3.1-8b --gpu_memory=80GiB
expect "No available memory for the cache blocks" "$kvcalc" "${chain[@]}" --gpu_memory=10GiB --model_memory=15GiB --activation_peak=1GiB --non_torch_memory=0
for u in 0 1.5 0.9x "" 0.1234567 -0.9; do
  expect "--gpu_memory_utilization" "$kvcalc" "${chain[@]}" --gpu_memory=80GiB --gpu_memory_utilization="$u" --model_memory=15GiB --activation_peak=1GiB --non_torch_memory=0
done
expect "overflow: with --context" "$kvcalc" --model=llama-3.1-8b --context=100000000000000 --batch=1000000

# 5. config_to_header: names that cannot be C++, outputs that clash.
for name in int class namespace _Bool while alignas co_await char8_t; do
  expect "is a C or C++ keyword" "$gen" --config="$data/llama-3.1-8b.json" --output="$tmp/out/a.h" --constant="$name"
done
for name in _Model a__b __x; do
  expect "is reserved to the implementation" "$gen" --config="$data/llama-3.1-8b.json" --output="$tmp/out/a.h" --namespace="$name"
done
for name in 9lives a-b "a b" "$(printf 'a\nb')"; do
  expect "is not a C++ identifier" "$gen" --config="$data/llama-3.1-8b.json" --output="$tmp/out/a.h" --constant="$name"
done
cp "$data/llama-3.1-8b.json" "$tmp/out/in.json"
cases=$((cases + 1))
"$gen" --config="$tmp/out/in.json" --output="$tmp/out/in.json" 2>"$tmp/stderr"
if [ $? -ne 2 ] || ! grep -qF "is also an input of this run" "$tmp/stderr" ||
   ! cmp -s "$tmp/out/in.json" "$data/llama-3.1-8b.json" || [ "$(ls -A "$tmp/out" | wc -l)" -ne 1 ]; then
  failures=$((failures + 1)); echo "FAIL output over its input: $(cat "$tmp/stderr")"
fi
rm -rf "$tmp/out" && mkdir -p "$tmp/out"
expect "is named twice as an output" "$gen" --config="$data/llama-3.1-8b.json" --output="$tmp/out/a.h" --c_header="$tmp/out/a.h"
expect "not a regular file" "$gen" --config="$data/llama-3.1-8b.json" --output=/dev/null
expect "not a regular file" "$gen" --config="$data/llama-3.1-8b.json" --output="$tmp"
expect "is not a regular file" "$gen" --config=/dev/zero --output="$tmp/out/a.h"
expect "--output is required" "$gen" --config="$data/llama-3.1-8b.json"
expect "--bogus is not a flag" "$gen" --bogus=1
expect "--parameters" "$gen" --config="$data/llama-3.1-8b.json" --output="$tmp/out/a.h" --parameters=-3

echo "$cases cases, $failures failed"
[ "$cases" -ge 150 ] || { echo "FAIL only $cases cases (the suite needs 150)"; exit 1; }
[ "$failures" -eq 0 ]
