/*
 * generated/models/qwen3_4b.h: KV cache of `qwen3-4b` (Qwen/Qwen3-4B) by context length.
 *
 * GENERATED FILE, DO NOT EDIT. Generator: //codegen:kvgen (catalog
 * models) or //tools:config_to_header --c_header (a config.json).
 * Regenerate: bazel run //tools:regenerate
 *
 * Units: *_bytes are exact byte counts for one sequence; *_tokens are
 * token counts. 16bit = f16 or bf16 cache, fp8 = one byte per value.
 * Lookups, O(log n): kv_qwen3_4b_at_least(tokens), the first row with at
 * least that many tokens; kv_qwen3_4b_longest_fitting(budget_bytes), the
 * longest context whose 16-bit cache fits.
 */
#ifndef KVTABLES_GENERATED_MODELS_QWEN3_4B_H_
#define KVTABLES_GENERATED_MODELS_QWEN3_4B_H_

#include <stddef.h>
#include <stdint.h>

/* Version of the row layout below. */
#define KV_QWEN3_4B_SCHEMA_VERSION 1u
/* FNV-1a of the model's parameters (kvmodel/fingerprint.h). */
#define KV_QWEN3_4B_FINGERPRINT UINT64_C(0xeca1687b7288371c)
/* Decoder layers. */
#define KV_QWEN3_4B_NUM_LAYERS 36u
/* KV heads per layer (1 for a latent cache). */
#define KV_QWEN3_4B_NUM_KV_HEADS 8u
/* Longest context the model supports. */
#define KV_QWEN3_4B_MAX_CONTEXT_TOKENS UINT64_C(40960)
/* KV bytes of one token inside every window, f16/bf16. */
#define KV_QWEN3_4B_KV_BYTES_PER_TOKEN_16BIT UINT64_C(147456)
/* KV bytes of one token inside every window, fp8. */
#define KV_QWEN3_4B_KV_BYTES_PER_TOKEN_FP8 UINT64_C(73728)
/* Weights in bf16. */
#define KV_QWEN3_4B_WEIGHTS_BYTES_BF16 UINT64_C(8044936192)
/* Weights in q8_0 (8.5 bits per weight). */
#define KV_QWEN3_4B_WEIGHTS_BYTES_Q8_0 UINT64_C(4273872352)

/* Context sweep: 256, 512, ... and the maximum. */
#define KV_QWEN3_4B_ROW_COUNT 9u
typedef struct kv_qwen3_4b_row {
  uint64_t context_tokens; /* tokens in the sequence */
  uint64_t kv_bytes_16bit; /* KV cache, f16/bf16 */
  uint64_t kv_bytes_fp8; /* KV cache, fp8 */
} kv_qwen3_4b_row;
static const kv_qwen3_4b_row kv_qwen3_4b_rows[KV_QWEN3_4B_ROW_COUNT] = {
    {UINT64_C(256), UINT64_C(37748736), UINT64_C(18874368)},
    {UINT64_C(512), UINT64_C(75497472), UINT64_C(37748736)},
    {UINT64_C(1024), UINT64_C(150994944), UINT64_C(75497472)},
    {UINT64_C(2048), UINT64_C(301989888), UINT64_C(150994944)},
    {UINT64_C(4096), UINT64_C(603979776), UINT64_C(301989888)},
    {UINT64_C(8192), UINT64_C(1207959552), UINT64_C(603979776)},
    {UINT64_C(16384), UINT64_C(2415919104), UINT64_C(1207959552)},
    {UINT64_C(32768), UINT64_C(4831838208), UINT64_C(2415919104)},
    {UINT64_C(40960), UINT64_C(6039797760), UINT64_C(3019898880)},
};

/* kv_qwen3_4b_at_least: the first row with context_tokens >= tokens,
 * or NULL past the last. O(log n). */
static inline const kv_qwen3_4b_row *kv_qwen3_4b_at_least(uint64_t tokens) {
  size_t lo = 0;
  size_t hi = KV_QWEN3_4B_ROW_COUNT;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (kv_qwen3_4b_rows[mid].context_tokens < tokens) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < KV_QWEN3_4B_ROW_COUNT ? &kv_qwen3_4b_rows[lo] : NULL;
}

/* kv_qwen3_4b_longest_fitting: the last row whose kv_bytes_16bit is at
 * most budget_bytes, or NULL. O(log n). */
static inline const kv_qwen3_4b_row *kv_qwen3_4b_longest_fitting(uint64_t budget_bytes) {
  size_t lo = 0;
  size_t hi = KV_QWEN3_4B_ROW_COUNT;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (kv_qwen3_4b_rows[mid].kv_bytes_16bit <= budget_bytes) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo == 0 ? NULL : &kv_qwen3_4b_rows[lo - 1];
}

#endif /* KVTABLES_GENERATED_MODELS_QWEN3_4B_H_ */
