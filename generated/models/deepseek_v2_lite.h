/*
 * generated/models/deepseek_v2_lite.h: KV cache of `deepseek-v2-lite` (deepseek-ai/DeepSeek-V2-Lite) by context length.
 *
 * GENERATED FILE, DO NOT EDIT. Generator: //codegen:kvgen (catalog
 * models) or //tools:config_to_header --c_header (a config.json).
 * Regenerate: bazel run //tools:regenerate
 *
 * Units: *_bytes are exact byte counts for one sequence; *_tokens are
 * token counts. 16bit = f16 or bf16 cache, fp8 = one byte per value.
 * Lookups, O(log n): kv_deepseek_v2_lite_at_least(tokens), the first row with at
 * least that many tokens; kv_deepseek_v2_lite_longest_fitting(budget_bytes), the
 * longest context whose 16-bit cache fits.
 */
#ifndef KVTABLES_GENERATED_MODELS_DEEPSEEK_V2_LITE_H_
#define KVTABLES_GENERATED_MODELS_DEEPSEEK_V2_LITE_H_

#include <stddef.h>
#include <stdint.h>

/* Version of the row layout below. */
#define KV_DEEPSEEK_V2_LITE_SCHEMA_VERSION 1u
/* FNV-1a of the model's parameters (kvmodel/fingerprint.h). */
#define KV_DEEPSEEK_V2_LITE_FINGERPRINT UINT64_C(0xd0c4887525055b00)
/* Decoder layers. */
#define KV_DEEPSEEK_V2_LITE_NUM_LAYERS 27u
/* KV heads per layer (1 for a latent cache). */
#define KV_DEEPSEEK_V2_LITE_NUM_KV_HEADS 1u
/* Longest context the model supports. */
#define KV_DEEPSEEK_V2_LITE_MAX_CONTEXT_TOKENS UINT64_C(163840)
/* KV bytes of one token inside every window, f16/bf16. */
#define KV_DEEPSEEK_V2_LITE_KV_BYTES_PER_TOKEN_16BIT UINT64_C(31104)
/* KV bytes of one token inside every window, fp8. */
#define KV_DEEPSEEK_V2_LITE_KV_BYTES_PER_TOKEN_FP8 UINT64_C(15552)
/* Weights in bf16. */
#define KV_DEEPSEEK_V2_LITE_WEIGHTS_BYTES_BF16 UINT64_C(31412968448)
/* Weights in q8_0 (8.5 bits per weight). */
#define KV_DEEPSEEK_V2_LITE_WEIGHTS_BYTES_Q8_0 UINT64_C(16688139488)

/* Context sweep: 256, 512, ... and the maximum. */
#define KV_DEEPSEEK_V2_LITE_ROW_COUNT 11u
typedef struct kv_deepseek_v2_lite_row {
  uint64_t context_tokens; /* tokens in the sequence */
  uint64_t kv_bytes_16bit; /* KV cache, f16/bf16 */
  uint64_t kv_bytes_fp8; /* KV cache, fp8 */
} kv_deepseek_v2_lite_row;
static const kv_deepseek_v2_lite_row kv_deepseek_v2_lite_rows[KV_DEEPSEEK_V2_LITE_ROW_COUNT] = {
    {UINT64_C(256), UINT64_C(7962624), UINT64_C(3981312)},
    {UINT64_C(512), UINT64_C(15925248), UINT64_C(7962624)},
    {UINT64_C(1024), UINT64_C(31850496), UINT64_C(15925248)},
    {UINT64_C(2048), UINT64_C(63700992), UINT64_C(31850496)},
    {UINT64_C(4096), UINT64_C(127401984), UINT64_C(63700992)},
    {UINT64_C(8192), UINT64_C(254803968), UINT64_C(127401984)},
    {UINT64_C(16384), UINT64_C(509607936), UINT64_C(254803968)},
    {UINT64_C(32768), UINT64_C(1019215872), UINT64_C(509607936)},
    {UINT64_C(65536), UINT64_C(2038431744), UINT64_C(1019215872)},
    {UINT64_C(131072), UINT64_C(4076863488), UINT64_C(2038431744)},
    {UINT64_C(163840), UINT64_C(5096079360), UINT64_C(2548039680)},
};

/* kv_deepseek_v2_lite_at_least: the first row with context_tokens >= tokens,
 * or NULL past the last. O(log n). */
static inline const kv_deepseek_v2_lite_row *kv_deepseek_v2_lite_at_least(uint64_t tokens) {
  size_t lo = 0;
  size_t hi = KV_DEEPSEEK_V2_LITE_ROW_COUNT;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (kv_deepseek_v2_lite_rows[mid].context_tokens < tokens) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < KV_DEEPSEEK_V2_LITE_ROW_COUNT ? &kv_deepseek_v2_lite_rows[lo] : NULL;
}

/* kv_deepseek_v2_lite_longest_fitting: the last row whose kv_bytes_16bit is at
 * most budget_bytes, or NULL. O(log n). */
static inline const kv_deepseek_v2_lite_row *kv_deepseek_v2_lite_longest_fitting(uint64_t budget_bytes) {
  size_t lo = 0;
  size_t hi = KV_DEEPSEEK_V2_LITE_ROW_COUNT;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (kv_deepseek_v2_lite_rows[mid].kv_bytes_16bit <= budget_bytes) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo == 0 ? NULL : &kv_deepseek_v2_lite_rows[lo - 1];
}

#endif /* KVTABLES_GENERATED_MODELS_DEEPSEEK_V2_LITE_H_ */
