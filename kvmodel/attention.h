// kvmodel/attention.h
//
// Attention geometry: what one token leaves in the KV cache. Each of
// `num_layers` layers stores, per token, a key vector and a value vector for
// each of its `num_kv_heads` KV heads:
//
//   K bytes per token = num_layers * num_kv_heads * StorageBytes(k_format, k_head_dim)
//   V bytes per token = num_layers * num_kv_heads * StorageBytes(v_format, v_head_dim)
//
// With grouped-query attention several query heads share one KV head, so
// `num_kv_heads` must divide `num_query_heads` (multi-head attention: equal;
// multi-query attention: one KV head). K and V head sizes and formats are
// given separately because models and runtimes do make them differ (DeepSeek's
// MLA caches a 576-value latent as K and nothing as V; llama.cpp can store K
// in q8_0 and V in f16). A value head size of zero means no V cache.
//
// Worked example (the tutorial seed's Llama 3.1 8B figure, which counts all
// 32 heads as KV heads): 32 layers * 32 KV heads * 128 values * 2 bytes (bf16)
// = 262,144 K bytes + 262,144 V bytes = 524,288 bytes (0.5 MiB) per token.
// The published model has 8 KV heads, which gives 131,072 bytes per token.

#ifndef KVMODEL_ATTENTION_H_
#define KVMODEL_ATTENTION_H_

#include <cstdint>

#include "kvmodel/checked.h"
#include "kvmodel/storage_format.h"

namespace kvmodel {

// AttentionGeometry describes the KV cache one token occupies.
struct AttentionGeometry {
  std::uint32_t num_layers = 0;
  std::uint32_t num_query_heads = 0;
  std::uint32_t num_kv_heads = 0;
  std::uint32_t k_head_dim = 0;
  std::uint32_t v_head_dim = 0;
  StorageFormat k_format = StorageFormat::kBF16;
  StorageFormat v_format = StorageFormat::kBF16;

  friend constexpr bool operator==(const AttentionGeometry&,
                                   const AttentionGeometry&) = default;
};

// Validate() rejects a geometry no model can have.
constexpr void Validate(const AttentionGeometry& g) {
  Require(g.num_layers > 0, "num_layers must be positive");
  Require(g.num_query_heads > 0, "num_query_heads must be positive");
  Require(g.num_kv_heads > 0, "num_kv_heads must be positive");
  Require(g.num_query_heads % g.num_kv_heads == 0,
          "num_kv_heads must divide num_query_heads");
  Require(g.k_head_dim > 0, "k_head_dim must be positive");
  Require(g.k_head_dim % Info(g.k_format).block_elements == 0,
          "k_head_dim must be a whole number of k_format blocks");
  Require(g.v_head_dim % Info(g.v_format).block_elements == 0,
          "v_head_dim must be a whole number of v_format blocks");
}

// KBytesPerTokenPerLayer() is one layer's key bytes for one token.
constexpr std::uint64_t KBytesPerTokenPerLayer(const AttentionGeometry& g) {
  Validate(g);
  return CheckedMul(g.num_kv_heads, StorageBytes(g.k_format, g.k_head_dim));
}

// VBytesPerTokenPerLayer() is one layer's value bytes for one token.
constexpr std::uint64_t VBytesPerTokenPerLayer(const AttentionGeometry& g) {
  Validate(g);
  return CheckedMul(g.num_kv_heads, StorageBytes(g.v_format, g.v_head_dim));
}

// KBytesPerToken() is the key bytes one token leaves across all layers.
constexpr std::uint64_t KBytesPerToken(const AttentionGeometry& g) {
  return CheckedMul(g.num_layers, KBytesPerTokenPerLayer(g));
}

// VBytesPerToken() is the value bytes one token leaves across all layers.
constexpr std::uint64_t VBytesPerToken(const AttentionGeometry& g) {
  return CheckedMul(g.num_layers, VBytesPerTokenPerLayer(g));
}

// KvBytesPerToken() is KBytesPerToken() + VBytesPerToken().
constexpr std::uint64_t KvBytesPerToken(const AttentionGeometry& g) {
  return CheckedAdd(KBytesPerToken(g), VBytesPerToken(g));
}

}  // namespace kvmodel

#endif  // KVMODEL_ATTENTION_H_
