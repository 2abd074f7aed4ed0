/*
 * generated/models/gemma_3_4b.h: KV cache of `gemma-3-4b` (google/gemma-3-4b-it) by context length.
 *
 * GENERATED FILE, DO NOT EDIT. Generator: //codegen:kvgen (catalog
 * models) or //tools:config_to_header --c_header (a config.json).
 * Regenerate: bazel run //tools:regenerate
 *
 * Units: *_bytes are exact byte counts for one sequence; *_tokens are
 * token counts. 16bit = f16 or bf16 cache, fp8 = one byte per value.
 * Lookups, O(log n): kv_gemma_3_4b_at_least(tokens), the first row with at
 * least that many tokens; kv_gemma_3_4b_longest_fitting(budget_bytes), the
 * longest context whose 16-bit cache fits.
 */
#ifndef KVTABLES_GENERATED_MODELS_GEMMA_3_4B_H_
#define KVTABLES_GENERATED_MODELS_GEMMA_3_4B_H_

#include <stddef.h>
#include <stdint.h>

/* Version of the row layout below. */
#define KV_GEMMA_3_4B_SCHEMA_VERSION 1u
/* FNV-1a of the model's parameters (kvmodel/fingerprint.h). */
#define KV_GEMMA_3_4B_FINGERPRINT UINT64_C(0x0fea5dd31a0d6278)
/* Decoder layers. */
#define KV_GEMMA_3_4B_NUM_LAYERS 34u
/* KV heads per layer (1 for a latent cache). */
#define KV_GEMMA_3_4B_NUM_KV_HEADS 4u
/* Longest context the model supports. */
#define KV_GEMMA_3_4B_MAX_CONTEXT_TOKENS UINT64_C(131072)
/* KV bytes of one token inside every window, f16/bf16. */
#define KV_GEMMA_3_4B_KV_BYTES_PER_TOKEN_16BIT UINT64_C(139264)
/* KV bytes of one token inside every window, fp8. */
#define KV_GEMMA_3_4B_KV_BYTES_PER_TOKEN_FP8 UINT64_C(69632)
/* Weights in bf16. */
#define KV_GEMMA_3_4B_WEIGHTS_BYTES_BF16 UINT64_C(8600158944)
/* Weights in q8_0 (8.5 bits per weight). */
#define KV_GEMMA_3_4B_WEIGHTS_BYTES_Q8_0 UINT64_C(4568834439)

/* Context sweep: 256, 512, ... and the maximum. */
#define KV_GEMMA_3_4B_ROW_COUNT 10u
typedef struct kv_gemma_3_4b_row {
  uint64_t context_tokens; /* tokens in the sequence */
  uint64_t kv_bytes_16bit; /* KV cache, f16/bf16 */
  uint64_t kv_bytes_fp8; /* KV cache, fp8 */
} kv_gemma_3_4b_row;
static const kv_gemma_3_4b_row kv_gemma_3_4b_rows[KV_GEMMA_3_4B_ROW_COUNT] = {
    {UINT64_C(256), UINT64_C(35651584), UINT64_C(17825792)},
    {UINT64_C(512), UINT64_C(71303168), UINT64_C(35651584)},
    {UINT64_C(1024), UINT64_C(142606336), UINT64_C(71303168)},
    {UINT64_C(2048), UINT64_C(163577856), UINT64_C(81788928)},
    {UINT64_C(4096), UINT64_C(205520896), UINT64_C(102760448)},
    {UINT64_C(8192), UINT64_C(289406976), UINT64_C(144703488)},
    {UINT64_C(16384), UINT64_C(457179136), UINT64_C(228589568)},
    {UINT64_C(32768), UINT64_C(792723456), UINT64_C(396361728)},
    {UINT64_C(65536), UINT64_C(1463812096), UINT64_C(731906048)},
    {UINT64_C(131072), UINT64_C(2805989376), UINT64_C(1402994688)},
};

/* kv_gemma_3_4b_at_least: the first row with context_tokens >= tokens,
 * or NULL past the last. O(log n). */
static inline const kv_gemma_3_4b_row *kv_gemma_3_4b_at_least(uint64_t tokens) {
  size_t lo = 0;
  size_t hi = KV_GEMMA_3_4B_ROW_COUNT;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (kv_gemma_3_4b_rows[mid].context_tokens < tokens) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < KV_GEMMA_3_4B_ROW_COUNT ? &kv_gemma_3_4b_rows[lo] : NULL;
}

/* kv_gemma_3_4b_longest_fitting: the last row whose kv_bytes_16bit is at
 * most budget_bytes, or NULL. O(log n). */
static inline const kv_gemma_3_4b_row *kv_gemma_3_4b_longest_fitting(uint64_t budget_bytes) {
  size_t lo = 0;
  size_t hi = KV_GEMMA_3_4B_ROW_COUNT;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (kv_gemma_3_4b_rows[mid].kv_bytes_16bit <= budget_bytes) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo == 0 ? NULL : &kv_gemma_3_4b_rows[lo - 1];
}

#endif /* KVTABLES_GENERATED_MODELS_GEMMA_3_4B_H_ */
