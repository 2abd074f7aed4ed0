/*
 * generated/models/phi_3_mini_4k.h: KV cache of `phi-3-mini-4k` (microsoft/Phi-3-mini-4k-instruct) by context length.
 *
 * GENERATED FILE, DO NOT EDIT. Generator: //codegen:kvgen (catalog
 * models) or //tools:config_to_header --c_header (a config.json).
 * Regenerate: bazel run //tools:regenerate
 *
 * Units: *_bytes are exact byte counts for one sequence; *_tokens are
 * token counts. 16bit = f16 or bf16 cache, fp8 = one byte per value.
 * Lookups, O(log n): kv_phi_3_mini_4k_at_least(tokens), the first row with at
 * least that many tokens; kv_phi_3_mini_4k_longest_fitting(budget_bytes), the
 * longest context whose 16-bit cache fits.
 */
#ifndef KVTABLES_GENERATED_MODELS_PHI_3_MINI_4K_H_
#define KVTABLES_GENERATED_MODELS_PHI_3_MINI_4K_H_

#include <stddef.h>
#include <stdint.h>

/* Version of the row layout below. */
#define KV_PHI_3_MINI_4K_SCHEMA_VERSION 1u
/* FNV-1a of the model's parameters (kvmodel/fingerprint.h). */
#define KV_PHI_3_MINI_4K_FINGERPRINT UINT64_C(0x6577846fd0d75449)
/* Decoder layers. */
#define KV_PHI_3_MINI_4K_NUM_LAYERS 32u
/* KV heads per layer (1 for a latent cache). */
#define KV_PHI_3_MINI_4K_NUM_KV_HEADS 32u
/* Longest context the model supports. */
#define KV_PHI_3_MINI_4K_MAX_CONTEXT_TOKENS UINT64_C(4096)
/* KV bytes of one token inside every window, f16/bf16. */
#define KV_PHI_3_MINI_4K_KV_BYTES_PER_TOKEN_16BIT UINT64_C(393216)
/* KV bytes of one token inside every window, fp8. */
#define KV_PHI_3_MINI_4K_KV_BYTES_PER_TOKEN_FP8 UINT64_C(196608)
/* Weights in bf16. */
#define KV_PHI_3_MINI_4K_WEIGHTS_BYTES_BF16 UINT64_C(7642159104)
/* Weights in q8_0 (8.5 bits per weight). */
#define KV_PHI_3_MINI_4K_WEIGHTS_BYTES_Q8_0 UINT64_C(4059897024)

/* Context sweep: 256, 512, ... and the maximum. */
#define KV_PHI_3_MINI_4K_ROW_COUNT 5u
typedef struct kv_phi_3_mini_4k_row {
  uint64_t context_tokens; /* tokens in the sequence */
  uint64_t kv_bytes_16bit; /* KV cache, f16/bf16 */
  uint64_t kv_bytes_fp8; /* KV cache, fp8 */
} kv_phi_3_mini_4k_row;
static const kv_phi_3_mini_4k_row kv_phi_3_mini_4k_rows[KV_PHI_3_MINI_4K_ROW_COUNT] = {
    {UINT64_C(256), UINT64_C(100663296), UINT64_C(50331648)},
    {UINT64_C(512), UINT64_C(201326592), UINT64_C(100663296)},
    {UINT64_C(1024), UINT64_C(402653184), UINT64_C(201326592)},
    {UINT64_C(2048), UINT64_C(804913152), UINT64_C(402456576)},
    {UINT64_C(4096), UINT64_C(804913152), UINT64_C(402456576)},
};

/* kv_phi_3_mini_4k_at_least: the first row with context_tokens >= tokens,
 * or NULL past the last. O(log n). */
static inline const kv_phi_3_mini_4k_row *kv_phi_3_mini_4k_at_least(uint64_t tokens) {
  size_t lo = 0;
  size_t hi = KV_PHI_3_MINI_4K_ROW_COUNT;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (kv_phi_3_mini_4k_rows[mid].context_tokens < tokens) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < KV_PHI_3_MINI_4K_ROW_COUNT ? &kv_phi_3_mini_4k_rows[lo] : NULL;
}

/* kv_phi_3_mini_4k_longest_fitting: the last row whose kv_bytes_16bit is at
 * most budget_bytes, or NULL. O(log n). */
static inline const kv_phi_3_mini_4k_row *kv_phi_3_mini_4k_longest_fitting(uint64_t budget_bytes) {
  size_t lo = 0;
  size_t hi = KV_PHI_3_MINI_4K_ROW_COUNT;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (kv_phi_3_mini_4k_rows[mid].kv_bytes_16bit <= budget_bytes) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo == 0 ? NULL : &kv_phi_3_mini_4k_rows[lo - 1];
}

#endif /* KVTABLES_GENERATED_MODELS_PHI_3_MINI_4K_H_ */
