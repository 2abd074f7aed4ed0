/*
 * generated/models/phi_2.h: KV cache of `phi-2` (microsoft/phi-2) by context length.
 *
 * GENERATED FILE, DO NOT EDIT. Generator: //codegen:kvgen (catalog
 * models) or //tools:config_to_header --c_header (a config.json).
 * Regenerate: bazel run //tools:regenerate
 *
 * Units: *_bytes are exact byte counts for one sequence; *_tokens are
 * token counts. 16bit = f16 or bf16 cache, fp8 = one byte per value.
 * Lookups, O(log n): kv_phi_2_at_least(tokens), the first row with at
 * least that many tokens; kv_phi_2_longest_fitting(budget_bytes), the
 * longest context whose 16-bit cache fits.
 */
#ifndef KVTABLES_GENERATED_MODELS_PHI_2_H_
#define KVTABLES_GENERATED_MODELS_PHI_2_H_

#include <stddef.h>
#include <stdint.h>

/* Version of the row layout below. */
#define KV_PHI_2_SCHEMA_VERSION 1u
/* FNV-1a of the model's parameters (kvmodel/fingerprint.h). */
#define KV_PHI_2_FINGERPRINT UINT64_C(0x904ee41b2ae84e3a)
/* Decoder layers. */
#define KV_PHI_2_NUM_LAYERS 32u
/* KV heads per layer (1 for a latent cache). */
#define KV_PHI_2_NUM_KV_HEADS 32u
/* Longest context the model supports. */
#define KV_PHI_2_MAX_CONTEXT_TOKENS UINT64_C(2048)
/* KV bytes of one token inside every window, f16/bf16. */
#define KV_PHI_2_KV_BYTES_PER_TOKEN_16BIT UINT64_C(327680)
/* KV bytes of one token inside every window, fp8. */
#define KV_PHI_2_KV_BYTES_PER_TOKEN_FP8 UINT64_C(163840)
/* Weights in bf16. */
#define KV_PHI_2_WEIGHTS_BYTES_BF16 UINT64_C(5559367680)
/* Weights in q8_0 (8.5 bits per weight). */
#define KV_PHI_2_WEIGHTS_BYTES_Q8_0 UINT64_C(2953414080)

/* Context sweep: 256, 512, ... and the maximum. */
#define KV_PHI_2_ROW_COUNT 4u
typedef struct kv_phi_2_row {
  uint64_t context_tokens; /* tokens in the sequence */
  uint64_t kv_bytes_16bit; /* KV cache, f16/bf16 */
  uint64_t kv_bytes_fp8; /* KV cache, fp8 */
} kv_phi_2_row;
static const kv_phi_2_row kv_phi_2_rows[KV_PHI_2_ROW_COUNT] = {
    {UINT64_C(256), UINT64_C(83886080), UINT64_C(41943040)},
    {UINT64_C(512), UINT64_C(167772160), UINT64_C(83886080)},
    {UINT64_C(1024), UINT64_C(335544320), UINT64_C(167772160)},
    {UINT64_C(2048), UINT64_C(671088640), UINT64_C(335544320)},
};

/* kv_phi_2_at_least: the first row with context_tokens >= tokens,
 * or NULL past the last. O(log n). */
static inline const kv_phi_2_row *kv_phi_2_at_least(uint64_t tokens) {
  size_t lo = 0;
  size_t hi = KV_PHI_2_ROW_COUNT;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (kv_phi_2_rows[mid].context_tokens < tokens) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < KV_PHI_2_ROW_COUNT ? &kv_phi_2_rows[lo] : NULL;
}

/* kv_phi_2_longest_fitting: the last row whose kv_bytes_16bit is at
 * most budget_bytes, or NULL. O(log n). */
static inline const kv_phi_2_row *kv_phi_2_longest_fitting(uint64_t budget_bytes) {
  size_t lo = 0;
  size_t hi = KV_PHI_2_ROW_COUNT;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (kv_phi_2_rows[mid].kv_bytes_16bit <= budget_bytes) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo == 0 ? NULL : &kv_phi_2_rows[lo - 1];
}

#endif /* KVTABLES_GENERATED_MODELS_PHI_2_H_ */
