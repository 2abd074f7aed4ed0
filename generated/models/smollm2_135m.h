/*
 * generated/models/smollm2_135m.h: KV cache of `smollm2-135m` (HuggingFaceTB/SmolLM2-135M) by context length.
 *
 * GENERATED FILE, DO NOT EDIT. Generator: //codegen:kvgen (catalog
 * models) or //tools:config_to_header --c_header (a config.json).
 * Regenerate: bazel run //tools:regenerate
 *
 * Units: *_bytes are exact byte counts for one sequence; *_tokens are
 * token counts. 16bit = f16 or bf16 cache, fp8 = one byte per value.
 * Lookups, O(log n): kv_smollm2_135m_at_least(tokens), the first row with at
 * least that many tokens; kv_smollm2_135m_longest_fitting(budget_bytes), the
 * longest context whose 16-bit cache fits.
 */
#ifndef KVTABLES_GENERATED_MODELS_SMOLLM2_135M_H_
#define KVTABLES_GENERATED_MODELS_SMOLLM2_135M_H_

#include <stddef.h>
#include <stdint.h>

/* Version of the row layout below. */
#define KV_SMOLLM2_135M_SCHEMA_VERSION 1u
/* FNV-1a of the model's parameters (kvmodel/fingerprint.h). */
#define KV_SMOLLM2_135M_FINGERPRINT UINT64_C(0x1d68c14f058d68d2)
/* Decoder layers. */
#define KV_SMOLLM2_135M_NUM_LAYERS 30u
/* KV heads per layer (1 for a latent cache). */
#define KV_SMOLLM2_135M_NUM_KV_HEADS 3u
/* Longest context the model supports. */
#define KV_SMOLLM2_135M_MAX_CONTEXT_TOKENS UINT64_C(8192)
/* KV bytes of one token inside every window, f16/bf16. */
#define KV_SMOLLM2_135M_KV_BYTES_PER_TOKEN_16BIT UINT64_C(23040)
/* KV bytes of one token inside every window, fp8. */
#define KV_SMOLLM2_135M_KV_BYTES_PER_TOKEN_FP8 UINT64_C(11520)
/* Weights in bf16. */
#define KV_SMOLLM2_135M_WEIGHTS_BYTES_BF16 UINT64_C(269030016)
/* Weights in q8_0 (8.5 bits per weight). */
#define KV_SMOLLM2_135M_WEIGHTS_BYTES_Q8_0 UINT64_C(142922196)

/* Context sweep: 256, 512, ... and the maximum. */
#define KV_SMOLLM2_135M_ROW_COUNT 6u
typedef struct kv_smollm2_135m_row {
  uint64_t context_tokens; /* tokens in the sequence */
  uint64_t kv_bytes_16bit; /* KV cache, f16/bf16 */
  uint64_t kv_bytes_fp8; /* KV cache, fp8 */
} kv_smollm2_135m_row;
static const kv_smollm2_135m_row kv_smollm2_135m_rows[KV_SMOLLM2_135M_ROW_COUNT] = {
    {UINT64_C(256), UINT64_C(5898240), UINT64_C(2949120)},
    {UINT64_C(512), UINT64_C(11796480), UINT64_C(5898240)},
    {UINT64_C(1024), UINT64_C(23592960), UINT64_C(11796480)},
    {UINT64_C(2048), UINT64_C(47185920), UINT64_C(23592960)},
    {UINT64_C(4096), UINT64_C(94371840), UINT64_C(47185920)},
    {UINT64_C(8192), UINT64_C(188743680), UINT64_C(94371840)},
};

/* kv_smollm2_135m_at_least: the first row with context_tokens >= tokens,
 * or NULL past the last. O(log n). */
static inline const kv_smollm2_135m_row *kv_smollm2_135m_at_least(uint64_t tokens) {
  size_t lo = 0;
  size_t hi = KV_SMOLLM2_135M_ROW_COUNT;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (kv_smollm2_135m_rows[mid].context_tokens < tokens) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < KV_SMOLLM2_135M_ROW_COUNT ? &kv_smollm2_135m_rows[lo] : NULL;
}

/* kv_smollm2_135m_longest_fitting: the last row whose kv_bytes_16bit is at
 * most budget_bytes, or NULL. O(log n). */
static inline const kv_smollm2_135m_row *kv_smollm2_135m_longest_fitting(uint64_t budget_bytes) {
  size_t lo = 0;
  size_t hi = KV_SMOLLM2_135M_ROW_COUNT;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (kv_smollm2_135m_rows[mid].kv_bytes_16bit <= budget_bytes) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo == 0 ? NULL : &kv_smollm2_135m_rows[lo - 1];
}

#endif /* KVTABLES_GENERATED_MODELS_SMOLLM2_135M_H_ */
