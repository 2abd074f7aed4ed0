// kvmodel/runtime_vllm.h
//
// How vLLM (V1 engine) pages a model's KV cache, to the byte. vLLM allocates
// blocks of `block_size` tokens; a block holds, for each layer of a group,
// one page:
//
//   page bytes per layer = block_size * KV heads per rank
//                          * (K head size + V head size) * dtype bytes
//
// KV heads per rank under tensor parallelism tp are max(1, kv_heads / tp)
// (heads are replicated when tp exceeds them); multi-head latent attention
// pages hold one latent of kv_lora_rank + qk_rope_head_dim values, on every
// rank. Layers of one attention type form groups of equal size; every group
// draws from one pool of blocks:
//
//   blocks in a budget  = floor(budget / (page bytes * layers per group))
//   "GPU KV cache size" = blocks / groups * block_size tokens
//   blocks per request  = sum over groups of
//       full attention:  cdiv(max_model_len, block_size)
//       sliding window:  cdiv(min(window - 1 + max_num_batched_tokens,
//                                 max_model_len), block_size) + 1
//
// The era modelled is kVllmEra. The budget is what vLLM logs as "Available
// KV cache memory": it is measured on the GPU (memory x utilization, less
// weights, activations and CUDA graphs), not derivable from the model.
//
// Worked example (Llama 3.1 8B, bf16, block 16): a page is 16 x 8 x 256 x 2
// = 65,536 bytes per layer, 2 MiB per block of 32 layers; vLLM's V0 log of
// 1,952 GPU blocks is 3.8125 GiB, printed "kv_cache_size=3.81GiB"
// (tests/runtime_logs_test.cc, record V1).

#ifndef KVMODEL_RUNTIME_VLLM_H_
#define KVMODEL_RUNTIME_VLLM_H_

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "kvmodel/checked.h"
#include "kvmodel/model.h"
#include "kvmodel/storage_format.h"

namespace kvmodel {

// kVllmEra names the vLLM source whose rules this header follows.
inline constexpr std::string_view kVllmEra =
    "vLLM V1 engine, vllm/v1/core/kv_cache_utils.py and "
    "kv_cache_interface.py at commit 001cabc1 (late 2025)";

// VllmSettings are the vLLM options that size the cache.
struct VllmSettings {
  std::uint64_t max_model_len = 0;  // --max-model-len
  std::uint32_t block_size = 16;    // --block-size
  std::uint32_t tensor_parallel = 1;
  std::uint64_t max_num_batched_tokens = 2048;
  StorageFormat kv_format = StorageFormat::kBF16;  // model dtype, or fp8
};

namespace internal {

// RequireVllmModelled() refuses what these rules do not size: a model given
// layer by layer (recurrent state, layers of their own geometry) needs
// vLLM's per-spec KV cache groups, which are not modelled yet.
constexpr void RequireVllmModelled(const ModelSpec& m) {
  Require(!m.per_layer(),
          "kvtables' vLLM rules do not size models whose layers differ "
          "(recurrent state or layers of their own geometry) yet: use "
          "--runtime=llama.cpp or the analytic answer");
  Require(m.indexer_head_dim == 0,
          "kvtables' vLLM rules do not size a sparse-attention indexer "
          "cache yet: use --runtime=llama.cpp or the analytic answer");
}

}  // namespace internal

// VllmKvHeadsPerRank() is the KV heads each tensor-parallel rank holds.
constexpr std::uint32_t VllmKvHeadsPerRank(const ModelSpec& m,
                                           std::uint32_t tensor_parallel) {
  internal::RequireVllmModelled(m);
  Require(tensor_parallel > 0, "tensor_parallel must be positive");
  Require(m.attention.num_query_heads % tensor_parallel == 0,
          "vLLM refuses a tensor-parallel size that does not divide the "
          "attention heads (it stops with \"must be divisible by tensor "
          "parallel size\")");
  if (m.latent_attention()) return 1;
  const std::uint32_t heads = m.attention.num_kv_heads;
  Require(heads % tensor_parallel == 0 || tensor_parallel % heads == 0,
          "tensor_parallel must divide the KV heads or be a multiple of them");
  return std::max<std::uint32_t>(1, heads / tensor_parallel);
}

// VllmPageBytes() is one layer's page: one block of block_size tokens.
constexpr std::uint64_t VllmPageBytes(const ModelSpec& m,
                                      const VllmSettings& s) {
  Validate(m.attention);
  Require(s.block_size == 1 || s.block_size == 8 || s.block_size == 16 ||
              s.block_size == 32 || s.block_size == 64 || s.block_size == 128 ||
              s.block_size == 256,
          "vLLM accepts a block size of 1, 8, 16, 32, 64, 128 or 256 tokens "
          "(BlockSize in vllm/config/cache.py)");
  Require(Info(s.kv_format).block_elements == 1,
          "vLLM stores the KV cache in the model dtype or fp8, not in "
          "llama.cpp's block formats");
  const std::uint64_t values =
      CheckedMul(CheckedMul(s.block_size, VllmKvHeadsPerRank(m, s.tensor_parallel)),
                 CheckedAdd(m.attention.k_head_dim, m.attention.v_head_dim));
  return StorageBytes(s.kv_format, values);
}

// VllmGroups is how vLLM groups a model's layers: `groups` groups of
// `layers_per_group` layers (the last of a type padded with empty layers).
struct VllmGroups {
  std::uint32_t layers_per_group = 0;
  std::uint32_t full_groups = 0;
  std::uint32_t sliding_groups = 0;
  constexpr std::uint32_t groups() const { return full_groups + sliding_groups; }
};

// VllmLayerGroups() is one group of all layers for a model of one attention
// type; for a hybrid, groups of the smaller type's layer count (the larger's
// when it is under 1.5 times the smaller).
constexpr VllmGroups VllmLayerGroups(const ModelSpec& m) {
  internal::RequireVllmModelled(m);
  Require(m.cross_attention_layers == 0,
          "vLLM's cross-attention (encoder) cache is not modelled");
  const std::uint32_t full = m.full_attention_layers();
  const std::uint32_t sliding = m.sliding_window_layers;
  if (sliding == 0) return {full, 1, 0};
  if (full == 0) return {sliding, 0, 1};
  const std::uint32_t small = std::min(full, sliding);
  const std::uint32_t large = std::max(full, sliding);
  const std::uint32_t size = 2 * std::uint64_t{large} < 3 * std::uint64_t{small}
                                 ? large
                                 : small;
  return {size, static_cast<std::uint32_t>(CeilDiv(full, size)),
          static_cast<std::uint32_t>(CeilDiv(sliding, size))};
}

// VllmBlockBytes() is what one block of the pool costs: a page in every
// layer of a group.
constexpr std::uint64_t VllmBlockBytes(const ModelSpec& m,
                                       const VllmSettings& s) {
  return CheckedMul(VllmPageBytes(m, s), VllmLayerGroups(m).layers_per_group);
}

// VllmBlocksPerRequest() is the blocks one request of max_model_len tokens
// may use, summed over the groups.
constexpr std::uint64_t VllmBlocksPerRequest(const ModelSpec& m,
                                             const VllmSettings& s) {
  Require(s.max_model_len > 0, "context (max_model_len) must be positive");
  Require(s.block_size == 1 || s.block_size == 8 || s.block_size == 16 ||
              s.block_size == 32 || s.block_size == 64 || s.block_size == 128 ||
              s.block_size == 256,
          "vLLM accepts a block size of 1, 8, 16, 32, 64, 128 or 256 tokens "
          "(BlockSize in vllm/config/cache.py)");
  const VllmGroups g = VllmLayerGroups(m);
  std::uint64_t blocks =
      CheckedMul(g.full_groups, CeilDiv(s.max_model_len, s.block_size));
  if (g.sliding_groups > 0) {
    const std::uint64_t tokens = std::min(
        CheckedAdd(m.sliding_window_tokens - 1, s.max_num_batched_tokens),
        s.max_model_len);
    blocks = CheckedAdd(
        blocks, CheckedMul(g.sliding_groups,
                           CeilDiv(tokens, s.block_size) + 1));
  }
  return blocks;
}

// VllmKvCacheBytes() is the pool `batch` concurrent requests of
// max_model_len tokens need.
constexpr std::uint64_t VllmKvCacheBytes(const ModelSpec& m,
                                         const VllmSettings& s,
                                         std::uint64_t batch) {
  return CheckedMul(CheckedMul(VllmBlocksPerRequest(m, s), batch),
                    VllmBlockBytes(m, s));
}

// VllmNumBlocks() is the blocks vLLM makes of `budget_bytes`.
constexpr std::uint64_t VllmNumBlocks(const ModelSpec& m, const VllmSettings& s,
                                      std::uint64_t budget_bytes) {
  return budget_bytes / VllmBlockBytes(m, s);
}

// VllmCacheTokens() is vLLM's "GPU KV cache size: N tokens" for a pool of
// `num_blocks`: num_blocks / groups * block_size.
constexpr std::uint64_t VllmCacheTokens(const ModelSpec& m,
                                        const VllmSettings& s,
                                        std::uint64_t num_blocks) {
  return CheckedMul(num_blocks / VllmLayerGroups(m).groups(), s.block_size);
}

}  // namespace kvmodel

#endif  // KVMODEL_RUNTIME_VLLM_H_
