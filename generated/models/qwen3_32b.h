/*
 * generated/models/qwen3_32b.h: KV cache of `qwen3-32b` (Qwen/Qwen3-32B) by context length.
 *
 * GENERATED FILE, DO NOT EDIT. Generator: //codegen:kvgen (catalog
 * models) or //tools:config_to_header --c_header (a config.json).
 * Regenerate: bazel run //tools:regenerate
 *
 * Units: *_bytes are exact byte counts for one sequence; *_tokens are
 * token counts. 16bit = f16 or bf16 cache, fp8 = one byte per value.
 * Lookups, O(log n): kv_qwen3_32b_at_least(tokens), the first row with at
 * least that many tokens; kv_qwen3_32b_longest_fitting(budget_bytes), the
 * longest context whose 16-bit cache fits.
 */
#ifndef KVTABLES_GENERATED_MODELS_QWEN3_32B_H_
#define KVTABLES_GENERATED_MODELS_QWEN3_32B_H_

#include <stddef.h>
#include <stdint.h>

/* Version of the row layout below. */
#define KV_QWEN3_32B_SCHEMA_VERSION 1u
/* FNV-1a of the model's parameters (kvmodel/fingerprint.h). */
#define KV_QWEN3_32B_FINGERPRINT UINT64_C(0x2db753d1ad0e1186)
/* Decoder layers. */
#define KV_QWEN3_32B_NUM_LAYERS 64u
/* KV heads per layer (1 for a latent cache). */
#define KV_QWEN3_32B_NUM_KV_HEADS 8u
/* Longest context the model supports. */
#define KV_QWEN3_32B_MAX_CONTEXT_TOKENS UINT64_C(40960)
/* KV bytes of one token inside every window, f16/bf16. */
#define KV_QWEN3_32B_KV_BYTES_PER_TOKEN_16BIT UINT64_C(262144)
/* KV bytes of one token inside every window, fp8. */
#define KV_QWEN3_32B_KV_BYTES_PER_TOKEN_FP8 UINT64_C(131072)
/* Weights in bf16. */
#define KV_QWEN3_32B_WEIGHTS_BYTES_BF16 UINT64_C(65524246528)
/* Weights in q8_0 (8.5 bits per weight). */
#define KV_QWEN3_32B_WEIGHTS_BYTES_Q8_0 UINT64_C(34809755968)

/* Context sweep: 256, 512, ... and the maximum. */
#define KV_QWEN3_32B_ROW_COUNT 9u
typedef struct kv_qwen3_32b_row {
  uint64_t context_tokens; /* tokens in the sequence */
  uint64_t kv_bytes_16bit; /* KV cache, f16/bf16 */
  uint64_t kv_bytes_fp8; /* KV cache, fp8 */
} kv_qwen3_32b_row;
static const kv_qwen3_32b_row kv_qwen3_32b_rows[KV_QWEN3_32B_ROW_COUNT] = {
    {UINT64_C(256), UINT64_C(67108864), UINT64_C(33554432)},
    {UINT64_C(512), UINT64_C(134217728), UINT64_C(67108864)},
    {UINT64_C(1024), UINT64_C(268435456), UINT64_C(134217728)},
    {UINT64_C(2048), UINT64_C(536870912), UINT64_C(268435456)},
    {UINT64_C(4096), UINT64_C(1073741824), UINT64_C(536870912)},
    {UINT64_C(8192), UINT64_C(2147483648), UINT64_C(1073741824)},
    {UINT64_C(16384), UINT64_C(4294967296), UINT64_C(2147483648)},
    {UINT64_C(32768), UINT64_C(8589934592), UINT64_C(4294967296)},
    {UINT64_C(40960), UINT64_C(10737418240), UINT64_C(5368709120)},
};

/* kv_qwen3_32b_at_least: the first row with context_tokens >= tokens,
 * or NULL past the last. O(log n). */
static inline const kv_qwen3_32b_row *kv_qwen3_32b_at_least(uint64_t tokens) {
  size_t lo = 0;
  size_t hi = KV_QWEN3_32B_ROW_COUNT;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (kv_qwen3_32b_rows[mid].context_tokens < tokens) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < KV_QWEN3_32B_ROW_COUNT ? &kv_qwen3_32b_rows[lo] : NULL;
}

/* kv_qwen3_32b_longest_fitting: the last row whose kv_bytes_16bit is at
 * most budget_bytes, or NULL. O(log n). */
static inline const kv_qwen3_32b_row *kv_qwen3_32b_longest_fitting(uint64_t budget_bytes) {
  size_t lo = 0;
  size_t hi = KV_QWEN3_32B_ROW_COUNT;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (kv_qwen3_32b_rows[mid].kv_bytes_16bit <= budget_bytes) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo == 0 ? NULL : &kv_qwen3_32b_rows[lo - 1];
}

#endif /* KVTABLES_GENERATED_MODELS_QWEN3_32B_H_ */
