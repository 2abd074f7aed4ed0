#!/usr/bin/env bash
# kvcalc end to end: catalog and config models under each runtime, the
# output formats, budgets, and bad input: one line on stderr naming the flag
# or field, a non-zero status, nothing on stdout. Expected figures are hand
# arithmetic (in the comments) or published llama.cpp logs.
set -u
kvcalc="$1"
data="${TEST_SRCDIR:-.}/${TEST_WORKSPACE:-kvtables}/tests/testdata"
[ -d "$data" ] || data="tests/testdata"
tmp="${TEST_TMPDIR:-$(mktemp -d)}"
failures=0

pass() { echo "ok   $1"; }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }

has() {  # has <description> <fixed text> <file>
  if grep -qF -- "$2" "$3"; then pass "$1"; else fail "$1: no '$2' in:"; cat "$3"; fi
}

run() {  # run <output file> <flags...>: must succeed with empty stderr
  local out="$1"
  shift
  if ! "$kvcalc" "$@" >"$out" 2>"$tmp/err"; then
    fail "kvcalc $*: status $?, stderr: $(cat "$tmp/err")"
  elif [ -s "$tmp/err" ]; then
    fail "kvcalc $*: stderr: $(cat "$tmp/err")"
  fi
}

# Analytic: Llama 3.1 8B, 8,192 tokens: 131,072 B/token x 8,192 = 1 GiB.
run "$tmp/a.json" --model=llama-3.1-8b --context=8192 --format=json
has "analytic per token" '"kv_bytes_per_token": 131072' "$tmp/a.json"
has "analytic cache" '"kv_cache_bytes": 1073741824' "$tmp/a.json"
has "analytic K" '"kv_cache_k_bytes": 536870912' "$tmp/a.json"
has "analytic V" '"kv_cache_v_bytes": 536870912' "$tmp/a.json"

# Budget: Q8_0 weights are 8,030,261,248 x 34/32 = 8,532,152,576 bytes;
# total with 1 GiB of cache 9,605,894,400; 24 GB fits. Longest context:
# (24e9 - 8,532,152,576) / 131,072 = 118,010.6 -> 118,010 tokens; largest
# batch at 8,192 tokens: 15,467,847,424 / 2^30 = 14.4 -> 14.
run "$tmp/b.json" --model=llama-3.1-8b --context=8192 --weights=q8_0 --budget=24GB --format=json
has "weights" '"weights_bytes": 8532152576' "$tmp/b.json"
has "total" '"total_bytes": 9605894400' "$tmp/b.json"
has "fits" '"fits": true' "$tmp/b.json"
has "longest context" '"max_context_tokens_fitting": 118010' "$tmp/b.json"
has "largest batch" '"max_batch_fitting": 14' "$tmp/b.json"

# kv_budget: 1 GiB holds 8,192 tokens of 131,072 bytes.
run "$tmp/c.json" --model=llama-3.1-8b --kv_budget=1GiB --format=json
has "kv capacity" '"kv_capacity_tokens": 8192' "$tmp/c.json"

# llama.cpp, record L3 (gpt-oss-20b, -c 131072): 3072.00 + 18.00 MiB.
run "$tmp/l.txt" --config="$data/gpt-oss-20b.json" --runtime=llama.cpp --context=131072
has "llama.cpp full cache" "3072.00 MiB (131,072 cells, 12 layers, 1/1 seqs), K (f16): 1536.00 MiB, V (f16): 1536.00 MiB" "$tmp/l.txt"
has "llama.cpp swa cache" "18.00 MiB (768 cells, 12 layers, 1/1 seqs), K (f16): 9.00 MiB, V (f16): 9.00 MiB" "$tmp/l.txt"
has "llama.cpp era named" "llama.cpp 80fb11ac (2026-09-12" "$tmp/l.txt"
# Record L4: --ubatch=2048 gives 2,304 SWA cells, 54.00 MiB.
run "$tmp/l4.txt" --config="$data/gpt-oss-20b.json" --runtime=llama.cpp --context=131072 --ubatch=2048
has "llama.cpp ubatch" "54.00 MiB (2,304 cells" "$tmp/l4.txt"
# The real llama.cpp (the oracle's pinned build) printed, for -c 8192 -b 256:
# "llama_kv_cache: size =   12.00 MiB (   512 cells,  12 layers,  1/1 seqs)":
# the logical batch caps the micro-batch, PAD(128 + 256, 256) = 512 cells.
run "$tmp/b256.txt" --config="$data/gpt-oss-20b.json" --runtime=llama.cpp --context=8192 --n_batch=256
has "llama.cpp n_batch" "12.00 MiB (512 cells" "$tmp/b256.txt"
has "llama.cpp flags name -b" "-b 256 -ub 512" "$tmp/b256.txt"
# --swa_full: the SWA cache is as large as the full one.
run "$tmp/l5.txt" --config="$data/gpt-oss-20b.json" --runtime=llama.cpp --context=131072 --swa_full
has "llama.cpp swa_full" "3072.00 MiB (131,072 cells, 12 layers, 1/1 seqs), K (f16): 1536.00 MiB, V (f16): 1536.00 MiB" "$tmp/l5.txt"
# Record L7 (Qwen2.5-7B q8_0, 4 unified slots of 16,384 cells shared: the
# 16,384-cell cache is 4 sequences of 4,096): 476.00 MiB, flash attention
# turned on.
run "$tmp/l7.txt" --config="$data/qwen2.5-7b-instruct.json" --runtime=llama.cpp --context=4096 --batch=4 --kv_unified --kv_dtype=q8_0
has "llama.cpp q8_0" "476.00 MiB (16,384 cells, 28 layers, 4/1 seqs), K (q8_0): 238.00 MiB, V (q8_0): 238.00 MiB" "$tmp/l7.txt"
has "llama.cpp forced fa" "turns flash attention on" "$tmp/l7.txt"
# llama.cpp in 256-cell steps: 100 MiB of f16 cache for Llama 3.1 8B holds
# 3 x 256 cells (32 MiB each).
run "$tmp/l8.json" --model=llama-3.1-8b --runtime=llama.cpp --kv_budget=100MiB --format=json
has "llama.cpp capacity" '"kv_capacity_tokens": 768' "$tmp/l8.json"

# vLLM: Llama 3.1 8B, page 16 x 8 x 256 x 2 = 65,536 bytes; 2 MiB blocks;
# 3,904 MiB is 1,952 blocks = 31,232 tokens; 20,000 tokens need 1,250
# blocks: concurrency 1952 / 1250 = 1.56.
run "$tmp/v.json" --model=llama-3.1-8b --runtime=vllm --context=20000 --kv_budget=3904MiB --format=json
has "vllm page" '"vllm_page_bytes": 65536' "$tmp/v.json"
has "vllm blocks" '"vllm_num_blocks": 1952' "$tmp/v.json"
has "vllm tokens" '"kv_capacity_tokens": 31232' "$tmp/v.json"
has "vllm concurrency" '"vllm_max_concurrency": "1.56"' "$tmp/v.json"
# Tensor parallel 4 over Qwen3-235B's 4 KV heads: one head per GPU,
# 94 x 2 x 128 x 2 = 48,128 bytes per token.
run "$tmp/tp.json" --model=qwen3-235b-a22b --runtime=vllm --tensor_parallel=4 --context=4096 --format=json
has "vllm tp" '"kv_bytes_per_token": 48128' "$tmp/tp.json"
# vLLM's eras: gemma-3-4b at 8192 tokens, 3,590 blocks per request; a
# 10 GiB pool is 32,768 blocks of 327,680 bytes (5 layers of 65,536). Until
# 0.20 the tokens are 32,768 / 7 groups x 16 = 74,896; from 0.21,
# int(32,768 / 3,590 x 8,192) = 74,773 (kvmodel/runtime_vllm.h, VllmEra).
for era in "0.20.1 74,896" "v0.21.0 74,773" " 74,773"; do
  version=${era% *} tokens=${era#* }
  run "$tmp/era.txt" --model=gemma-3-4b --runtime=vllm --context=8192 \
    --max_num_batched_tokens=8192 --kv_budget=10GiB ${version:+--runtime_version=$version}
  has "vllm era '$version' tokens" "$tokens tokens" "$tmp/era.txt"
  has "vllm era '$version' named" "vLLM 0.$([ "$tokens" = 74,896 ] && echo "9 to 0.20" || echo "21 onward")" "$tmp/era.txt"
done
# Pipeline parallel: DeepSeek-V2-Lite's 27 layers on 2 stages are 14 + 13;
# a page of 16 x 576 x 2 = 18,432 bytes, so 14 x 1,152 = 16,128 bytes per
# token per GPU, and 12.13 GiB holds 50,473 blocks of 14 pages.
run "$tmp/pp.txt" --config="$data/../../catalog/configs/deepseek-v2-lite.json" \
  --runtime=vllm --tensor_parallel=2 --pipeline_parallel=2 --context=1024 --kv_budget=12.13GiB
has "vllm pp per token" "KV per token per GPU               16,128 bytes" "$tmp/pp.txt"
has "vllm pp stage" "the largest holds 14 layers" "$tmp/pp.txt"
has "vllm pp blocks" "vLLM blocks in KV budget           50,473" "$tmp/pp.txt"
# The budget chain of record V9's log (vLLM 0.10.2, Qwen3-Next at TP 2 on
# an H200): 139.81 GiB x 0.9 less 74.28 + 5.58 + 1.38 GiB; the log printed
# "Available KV cache memory: 44.59 GiB" and "num_gpu_blocks is: 7162".
run "$tmp/chain.txt" --config="$data/../../catalog/configs/qwen3-next-80b-a3b-instruct.json" \
  --runtime=vllm --tensor_parallel=2 --context=262144 --runtime_version=0.10.2 \
  --gpu_memory=139.81GiB --model_memory=74.28GiB --activation_peak=5.58GiB --non_torch_memory=1.38GiB
has "chain share" "(125.83 GiB), 0.9 of the GPU" "$tmp/chain.txt"
has "chain budget" "(44.59 GiB)" "$tmp/chain.txt"
has "chain blocks" "vLLM blocks in KV budget              7,162" "$tmp/chain.txt"

# Formats.
run "$tmp/f.csv" --model=llama-3.1-8b --context=8192 --format=csv
has "csv header" "kv_bytes_per_token" "$tmp/f.csv"
has "csv value" ",1073741824," "$tmp/f.csv"
run "$tmp/f.md" --model=llama-3.1-8b --context=8192 --format=markdown
has "markdown" "| KV cache | 1,073,741,824 bytes (1.00 GiB) |" "$tmp/f.md"
run "$tmp/f.txt" --model=llama-3.1-8b --context=8192
has "table" "KV cache      1,073,741,824 bytes (1.00 GiB)" "$tmp/f.txt"
run "$tmp/list.txt" --list_models
has "list" "llama-3.1-8b" "$tmp/list.txt"
[ "$(grep -c 'B/token' "$tmp/list.txt")" -eq 39 ] && pass "39 catalog models" || fail "catalog count"
"$kvcalc" --help >"$tmp/help.txt" 2>&1
has "help" "--kv_budget" "$tmp/help.txt"
run "$tmp/d1.txt" --model=llama-3.1-8b --context=8192 --format=json
run "$tmp/d2.txt" --model=llama-3.1-8b --context=8192 --format=json
cmp -s "$tmp/d1.txt" "$tmp/d2.txt" && pass "deterministic" || fail "deterministic"

bad() {  # bad <expected stderr text> <flags...>
  local want="$1"
  shift
  "$kvcalc" "$@" >"$tmp/bad.out" 2>"$tmp/bad.err"
  local status=$?
  if [ "$status" -ne 2 ] || [ -s "$tmp/bad.out" ] || [ "$(wc -l <"$tmp/bad.err")" -ne 1 ] ||
     ! grep -qF -- "$want" "$tmp/bad.err"; then
    fail "$*: status $status, stdout $(wc -c <"$tmp/bad.out") bytes, stderr: $(cat "$tmp/bad.err")"
  else
    pass "$* -> $(cat "$tmp/bad.err")"
  fi
}
printf '{"num_hidden_layers": 32, "num_attention_heads": 3' >"$tmp/truncated.json"
printf '{"num_hidden_layers": 32, "num_attention_heads": 32, "num_key_value_heads": 0, "hidden_size": 4096, "max_position_embeddings": 8}' >"$tmp/zero.json"
printf '{"num_hidden_layers": 32, "num_attention_heads": 32, "num_key_value_heads": 5, "hidden_size": 4096, "max_position_embeddings": 8}' >"$tmp/divide.json"
printf '{"num_hidden_layers": -2, "num_attention_heads": 32}' >"$tmp/negative.json"
printf '{"num_hidden_layers": 32.0, "num_attention_heads": 32}' >"$tmp/float.json"
printf '{"num_attention_heads": 32, "hidden_size": 4096}' >"$tmp/missing.json"
bad "kvcalc: --config: config.json: not valid JSON" --config="$tmp/truncated.json"
bad "kvcalc: --config: config.json: num_key_value_heads must be positive, got 0" --config="$tmp/zero.json"
bad "num_key_value_heads 5 does not divide num_attention_heads 32" --config="$tmp/divide.json"
bad "num_hidden_layers must be positive, got -2" --config="$tmp/negative.json"
bad "num_hidden_layers must be a positive integer, got 32.0" --config="$tmp/float.json"
bad "num_hidden_layers is missing" --config="$tmp/missing.json"
bad "cannot read config file" --config="$tmp/none.json"
bad "give --model=NAME" --context=5
bad "--model, --config and --gguf contradict" --model=llama-3.1-8b --config="$data/llama-3.1-8b.json"
bad "--model: unknown model 'llama-9'" --model=llama-9
bad "--runtime: 'tgi' is not analytic, llama.cpp or vllm" --model=llama-3.1-8b --runtime=tgi
bad "--format: 'xml'" --model=llama-3.1-8b --format=xml
bad "--kv_dtype: 'q4_k' is not a KV cache type" --model=llama-3.1-8b --kv_dtype=q4_k
bad "--kv_dtype contradicts --cache_type_k" --model=llama-3.1-8b --kv_dtype=f16 --cache_type_k=q8_0
bad "--weights: unknown weight format 'q3'" --model=llama-3.1-8b --weights=q3
bad "--budget needs --weights" --model=llama-3.1-8b --budget=24GB
bad "--budget: '24G' has an unknown unit" --model=llama-3.1-8b --weights=q8_0 --budget=24G
bad "--kv_budget: '99999999999GiB' does not fit in 64 bits" --model=llama-3.1-8b --kv_budget=99999999999GiB
bad "--context: '-5' is not a positive integer" --model=llama-3.1-8b --context=-5
bad "--context must be positive" --model=llama-3.1-8b --context=0
bad "--batch: '1.5' is not a positive integer" --model=llama-3.1-8b --batch=1.5
bad "--block_size applies to --runtime=vllm only" --model=llama-3.1-8b --block_size=32
bad "--flash_attn applies to --runtime=llama.cpp only" --model=llama-3.1-8b --runtime=vllm --flash_attn=true
bad "--n_batch applies to --runtime=llama.cpp only" --model=llama-3.1-8b --runtime=vllm --n_batch=256
bad "kvcalc: --n_batch must be positive" --model=llama-3.1-8b --runtime=llama.cpp --n_batch=0
bad "--flash_attn: 'maybe' is not true, false or auto" --model=llama-3.1-8b --runtime=llama.cpp --flash_attn=maybe
bad "llama.cpp refuses a quantized V cache without flash attention" --model=llama-3.1-8b --runtime=llama.cpp --cache_type_v=q8_0 --flash_attn=false
bad "llama.cpp has no fp8 KV cache type" --model=llama-3.1-8b --runtime=llama.cpp --kv_dtype=fp8
bad "vLLM stores K and V in one kv_cache_dtype" --model=llama-3.1-8b --runtime=vllm --cache_type_k=fp8 --cache_type_v=bf16
bad "vLLM stores the KV cache in the model dtype or fp8" --model=llama-3.1-8b --runtime=vllm --kv_dtype=q8_0
bad "tensor_parallel must divide the KV heads" --model=qwen2.5-7b --runtime=vllm --tensor_parallel=14
bad "does not divide the attention heads" --model=llama-3.1-8b --runtime=vllm --tensor_parallel=3
bad "--weights: the config gives no parameter count" --config="$data/gpt-oss-20b.json" --weights=bf16
# --gguf: a header cut after its tensor table (tests/testdata/gguf/
# llama-8b-geometry-header.gguf: Llama 3.1 8B's geometry, four tensors).
# Weights by hand from ggml's blocks: token_embd 4096 x 128256 q4_K
# (16 blocks x 144 B a row) 295,501,824 + output q6_K (16 x 210) 430,940,160
# + output_norm f32 16,384 + attn_q 4096 x 4096 q4_K 9,437,184 = 735,895,552;
# parameters 2 x 4096 x 128256 + 4096 + 4096^2 = 1,067,454,464.
gg="$data/gguf/llama-8b-geometry-header.gguf"
run "$tmp/gguf.txt" --gguf="$gg" --context=8192 --budget=8GiB
has "gguf weights exact" "735,895,552 bytes" "$tmp/gguf.txt"
has "gguf parameters exact" "1,067,454,464 (exact, from the file's tensor table)" "$tmp/gguf.txt"
has "gguf geometry: 8 KV heads of 128" "131,072 bytes (128.00 KiB)" "$tmp/gguf.txt"
run "$tmp/gguf_llama.txt" --gguf="$gg" --runtime=llama.cpp --context=8192
has "gguf under llama.cpp" "1024.00 MiB (8,192 cells, 32 layers, 1/1 seqs)" "$tmp/gguf_llama.txt"
head -c 100 "$gg" > "$tmp/cut.gguf"
printf 'GGUF\003\0\0\0\0\0\0\0\0\0\0\020\0\0\0\0\0\0\0\0' > "$tmp/huge.gguf"
bad "kvcalc: --gguf: gguf: file ends inside" --gguf="$tmp/cut.gguf"
bad "kvcalc: --gguf: gguf: header claims 1152921504606846976 tensors" --gguf="$tmp/huge.gguf"
bad "kvcalc: --gguf: gguf: not a GGUF file" --gguf="$data/llama-2-7b.json"
bad "kvcalc: --gguf: gguf: cannot open" --gguf="$tmp/missing.gguf"
bad "--model, --config and --gguf contradict each other" --gguf="$gg" --model=llama-3.1-8b
# llama.cpp accepts at most 256 sequences (LLAMA_MAX_SEQ; the oracle's
# "257-seqs" case): more is its refusal, and the batch solver stops there.
bad "llama.cpp refuses more than 256 sequences" --model=qwen2.5-0.5b --runtime=llama.cpp --context=1024 --batch=257
run "$tmp/maxseq.txt" --model=qwen2.5-0.5b --runtime=llama.cpp --context=1024 --weights=q8_0 --budget=80GiB
has "llama.cpp batch solver stops at 256" "256 sequences of 1,024 tokens (llama.cpp accepts no more)" "$tmp/maxseq.txt"
bad "unexpected argument 'extra'" --model=llama-3.1-8b extra
bad "kvcalc: --bogus is not a flag (see --help)" --model=llama-3.1-8b --bogus=1
bad "kvcalc: --batch needs a value (--batch=...)" --model=llama-3.1-8b --batch
bad "kvcalc: --swa_full: Illegal value 'maybe' specified for flag 'swa_full'" --model=llama-3.1-8b --swa_full=maybe
bad 'kvcalc: --bo\x1b[31mgus is not a flag' --model=llama-3.1-8b "$(printf -- '--bo\033[31mgus')=1"
# A model named by a file name that is not UTF-8: the JSON output replaces
# the bytes it cannot carry, never aborts.
cp "$data/llama-3.1-8b.json" "$tmp/$(printf 'bad\377name').json"
sed -i 's/"_name_or_path": *"[^"]*",//' "$tmp/$(printf 'bad\377name').json"
run "$tmp/utf8.json" --config="$tmp/$(printf 'bad\377name').json" --context=1024 --format=json
has "non-UTF-8 name in JSON" '"kv_cache_bytes": 134217728' "$tmp/utf8.json"

# A hybrid, layer by layer: granite-4.0-h-micro's 36 Mamba 2 layers keep
# 36 x (3 x 4,352 + 128 x 4,096) x 4 = 77,377,536 bytes per sequence (the
# 73.79 MiB llama.cpp logs), its 4 attention layers 4 x 8 x 64 x 2 x 2 =
# 8,192 bytes per token.
run "$tmp/granite.json" --config="$data/granite-4.0-h-micro-base.json" --runtime=llama.cpp --context=4096 --format=json
has "hybrid state" '"recurrent_state_bytes": 77377536' "$tmp/granite.json"
has "hybrid total" '"kv_cache_bytes": 110931968' "$tmp/granite.json"
has "hybrid log line" 'llama_memory_recurrent: size =   73.79 MiB (     1 cells,  40 layers,  1 seqs  0 rs_seq)' "$tmp/granite.json"
run "$tmp/granite-analytic.json" --config="$data/granite-4.0-h-micro-base.json" --context=4096 --batch=2 --format=json
has "analytic hybrid" '"kv_cache_bytes": 221863936' "$tmp/granite-analytic.json"
bad "kvtables' vLLM rules do not size models whose layers differ in geometry" --config="$data/gemma-4-26b-a4b.json" --runtime=vllm --context=4096
# vLLM, a hybrid: granite-4.0-h-micro's state page of 1,074,688 bf16 bytes
# raises the attention block to 16 x cdiv(1,074,688, 16 x 2,048) = 528.
run "$tmp/granite-vllm.txt" --config="$data/granite-4.0-h-micro-base.json" --runtime=vllm --context=131072
has "vLLM hybrid block" "Setting attention block size to 528 tokens" "$tmp/granite-vllm.txt"
has "vLLM hybrid blocks per request" "258" "$tmp/granite-vllm.txt"

# Inputs that are not regular files are refused at once: /dev/zero would be
# read without end, a FIFO with no writer would block forever.
bad "kvcalc: --config: cannot read config file /dev/zero is not a regular file" --config=/dev/zero
mkfifo "$tmp/fifo.json"
bad "is not a regular file" --config="$tmp/fifo.json"
bad "is not a regular file" --gguf="$tmp/fifo.json"
bad "is not a regular file" --config="$tmp"

# Llama 3.2 Vision: the cross-attention layers cache each image's 6,404
# vision tokens (8 layers x 8 KV heads x 128 x 2 x 2 bytes x 6,404 =
# 209,846,272 bytes, the 200.1 MiB per image the issue measured); without
# --images the answer names that cache as not counted.
run "$tmp/vision.txt" --model=llama-3.2-11b-vision --context=8192
has "cross-attention not counted" "(--images=N): 209,846,272 bytes (200.13 MiB) per image" "$tmp/vision.txt"
run "$tmp/vision1.json" --model=llama-3.2-11b-vision --context=8192 --images=1 --format=json
has "cross-attention counted" '"kv_cache_bytes": 1283588096' "$tmp/vision1.json"
bad "--images: the model has no cross-attention layers" --model=llama-3.1-8b --images=1
bad "overflow: with --context=100000000000000 and --batch=1000000 the bytes do not fit in 64 bits" --model=llama-3.1-8b --context=100000000000000 --batch=1000000
# vLLM's own refusals: 32 attention heads do not split over 64 ranks, and
# --block-size is one of BlockSize's values.
bad "vLLM refuses a tensor-parallel size that does not divide the attention heads" --model=llama-3.1-8b --runtime=vllm --context=8192 --tensor_parallel=64
bad "vLLM accepts a block size of 1, 8, 16, 32, 64, 128 or 256 tokens" --model=llama-3.1-8b --runtime=vllm --context=8192 --block_size=24

echo "$failures failed"
[ "$failures" -eq 0 ]
