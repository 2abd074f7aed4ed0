/*
 * generated/models/deepseek_v3.h: KV cache of `deepseek-v3` (deepseek-ai/DeepSeek-V3) by context length.
 *
 * GENERATED FILE, DO NOT EDIT. Generator: //codegen:kvgen (catalog
 * models) or //tools:config_to_header --c_header (a config.json).
 * Regenerate: bazel run //tools:regenerate
 *
 * Units: *_bytes are exact byte counts for one sequence; *_tokens are
 * token counts. 16bit = f16 or bf16 cache, fp8 = one byte per value.
 * Lookups, O(log n): kv_deepseek_v3_at_least(tokens), the first row with at
 * least that many tokens; kv_deepseek_v3_longest_fitting(budget_bytes), the
 * longest context whose 16-bit cache fits.
 */
#ifndef KVTABLES_GENERATED_MODELS_DEEPSEEK_V3_H_
#define KVTABLES_GENERATED_MODELS_DEEPSEEK_V3_H_

#include <stddef.h>
#include <stdint.h>

/* Version of the row layout below. */
#define KV_DEEPSEEK_V3_SCHEMA_VERSION 1u
/* FNV-1a of the model's parameters (kvmodel/fingerprint.h). */
#define KV_DEEPSEEK_V3_FINGERPRINT UINT64_C(0x3f39a0675372684a)
/* Decoder layers. */
#define KV_DEEPSEEK_V3_NUM_LAYERS 61u
/* KV heads per layer (1 for a latent cache). */
#define KV_DEEPSEEK_V3_NUM_KV_HEADS 1u
/* Longest context the model supports. */
#define KV_DEEPSEEK_V3_MAX_CONTEXT_TOKENS UINT64_C(163840)
/* KV bytes of one token inside every window, f16/bf16. */
#define KV_DEEPSEEK_V3_KV_BYTES_PER_TOKEN_16BIT UINT64_C(70272)
/* KV bytes of one token inside every window, fp8. */
#define KV_DEEPSEEK_V3_KV_BYTES_PER_TOKEN_FP8 UINT64_C(35136)
/* Weights in bf16. */
#define KV_DEEPSEEK_V3_WEIGHTS_BYTES_BF16 UINT64_C(1342052838400)
/* Weights in q8_0 (8.5 bits per weight). */
#define KV_DEEPSEEK_V3_WEIGHTS_BYTES_Q8_0 UINT64_C(712965570400)

/* Context sweep: 256, 512, ... and the maximum. */
#define KV_DEEPSEEK_V3_ROW_COUNT 11u
typedef struct kv_deepseek_v3_row {
  uint64_t context_tokens; /* tokens in the sequence */
  uint64_t kv_bytes_16bit; /* KV cache, f16/bf16 */
  uint64_t kv_bytes_fp8; /* KV cache, fp8 */
} kv_deepseek_v3_row;
static const kv_deepseek_v3_row kv_deepseek_v3_rows[KV_DEEPSEEK_V3_ROW_COUNT] = {
    {UINT64_C(256), UINT64_C(17989632), UINT64_C(8994816)},
    {UINT64_C(512), UINT64_C(35979264), UINT64_C(17989632)},
    {UINT64_C(1024), UINT64_C(71958528), UINT64_C(35979264)},
    {UINT64_C(2048), UINT64_C(143917056), UINT64_C(71958528)},
    {UINT64_C(4096), UINT64_C(287834112), UINT64_C(143917056)},
    {UINT64_C(8192), UINT64_C(575668224), UINT64_C(287834112)},
    {UINT64_C(16384), UINT64_C(1151336448), UINT64_C(575668224)},
    {UINT64_C(32768), UINT64_C(2302672896), UINT64_C(1151336448)},
    {UINT64_C(65536), UINT64_C(4605345792), UINT64_C(2302672896)},
    {UINT64_C(131072), UINT64_C(9210691584), UINT64_C(4605345792)},
    {UINT64_C(163840), UINT64_C(11513364480), UINT64_C(5756682240)},
};

/* kv_deepseek_v3_at_least: the first row with context_tokens >= tokens,
 * or NULL past the last. O(log n). */
static inline const kv_deepseek_v3_row *kv_deepseek_v3_at_least(uint64_t tokens) {
  size_t lo = 0;
  size_t hi = KV_DEEPSEEK_V3_ROW_COUNT;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (kv_deepseek_v3_rows[mid].context_tokens < tokens) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < KV_DEEPSEEK_V3_ROW_COUNT ? &kv_deepseek_v3_rows[lo] : NULL;
}

/* kv_deepseek_v3_longest_fitting: the last row whose kv_bytes_16bit is at
 * most budget_bytes, or NULL. O(log n). */
static inline const kv_deepseek_v3_row *kv_deepseek_v3_longest_fitting(uint64_t budget_bytes) {
  size_t lo = 0;
  size_t hi = KV_DEEPSEEK_V3_ROW_COUNT;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (kv_deepseek_v3_rows[mid].kv_bytes_16bit <= budget_bytes) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo == 0 ? NULL : &kv_deepseek_v3_rows[lo - 1];
}

#endif /* KVTABLES_GENERATED_MODELS_DEEPSEEK_V3_H_ */
