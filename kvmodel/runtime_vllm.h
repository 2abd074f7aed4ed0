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
// A hybrid of attention and recurrent layers (Mamba 2, gated DeltaNet) has
// one more kind of group: its recurrent layers keep one state page per
// sequence, and the attention block is raised until an attention page holds
// it (VllmHybridPaging below; Qwen3-Next at TP 2: a block of 544 tokens,
// record V9).
//
// The eras modelled are VllmEra's. The budget is what vLLM logs as "Available
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
#include <optional>
#include <string_view>

#include "kvmodel/checked.h"
#include "kvmodel/model.h"
#include "kvmodel/storage_format.h"

namespace kvmodel {

// VllmEra is a range of vLLM releases whose rules differ from the others'
// in a figure vLLM prints. Today one rule tells them apart, the printed
// "GPU KV cache size":
//
//   kV0_9 (0.9 to 0.20):  blocks / groups x the smallest group's block
//   kV0_21 (0.21 onward): floor(blocks x max_model_len / blocks per
//                         request), that is int(concurrency x max_model_len)
//
// Worked example (gemma-3-4b-it, vLLM 0.23.0, max_model_len 8192): 533,588
// blocks of 7 groups, 3,590 blocks per request, print "1,217,591 tokens"
// and 148.63x; the 0.9 to 0.20 rule would give 1,219,616 (record V18).
enum class VllmEra : std::uint8_t { kV0_9, kV0_21 };

// VllmEraName() is the releases of the era; VllmEraSource() the source it
// follows. VllmEraOf() is the era of release major.minor, if modelled.
constexpr std::string_view VllmEraName(VllmEra era) {
  return era == VllmEra::kV0_9 ? "0.9 to 0.20" : "0.21 onward";
}

constexpr std::optional<VllmEra> VllmEraOf(std::uint32_t major, std::uint32_t minor) {
  if (major == 0 && minor < 9) return std::nullopt;
  if (major == 0 && minor < 21) return VllmEra::kV0_9;
  return VllmEra::kV0_21;
}

constexpr std::string_view VllmEraSource(VllmEra era) {
  if (era == VllmEra::kV0_9) {
    return "vLLM 0.9 to 0.20 (V1 engine; vllm/v1/core/kv_cache_utils.py at "
           "commit 001cabc1, late 2025; hybrids of attention and Mamba-like "
           "layers paged as 0.10.2 to 0.20 do, prefix caching off); GPU KV "
           "cache size = blocks / groups x block";
  }
  return "vLLM 0.21 onward (2026; as 0.9 to 0.20, but the printed GPU KV "
         "cache size is int(concurrency x max_model_len): _report_kv_cache_config "
         "in kv_cache_utils.py from commit e68fa1b9, PR #41069, 2026-04-28, "
         "as the logs of 0.21.0 and 0.23.0 print it)";
}

// VllmSettings are the vLLM options that size the cache.
struct VllmSettings {
  std::uint64_t max_model_len = 0;  // --max-model-len
  std::uint32_t block_size = 16;    // --block-size
  std::uint32_t tensor_parallel = 1;
  std::uint32_t pipeline_parallel = 1;  // --pipeline-parallel-size
  std::uint64_t max_num_batched_tokens = 2048;
  StorageFormat kv_format = StorageFormat::kBF16;  // model dtype, or fp8
  VllmEra era = VllmEra::kV0_21;                   // the newest modelled
};

namespace internal {

// VllmHybridLayers is a hybrid of full-attention layers of one geometry and
// recurrent layers of one geometry (layers keeping nothing are left out:
// vLLM gives them no KV cache spec).
struct VllmHybridLayers {
  LayerMemory attention;
  LayerMemory state;
  std::uint32_t attention_layers = 0;
  std::uint32_t state_layers = 0;
};

constexpr bool VllmIsHybrid(const ModelSpec& m) {
  bool recurrent = false;
  ForEachLayerRun(m, [&](const LayerRun& run) {
    recurrent = recurrent || run.layer.kind == LayerKind::kRecurrent;
  });
  return recurrent;
}

constexpr VllmHybridLayers HybridLayers(const ModelSpec& m) {
  VllmHybridLayers h;
  ForEachLayerRun(m, [&](const LayerRun& run) {
    const LayerMemory& l = run.layer;
    if (l.kind == LayerKind::kNone) return;
    LayerMemory& kept = l.kind == LayerKind::kRecurrent ? h.state : h.attention;
    std::uint32_t& count =
        l.kind == LayerKind::kRecurrent ? h.state_layers : h.attention_layers;
    Require(l.kind == LayerKind::kRecurrent || l.kind == LayerKind::kFull,
            "kvtables' vLLM rules size hybrids of full-attention and "
            "recurrent layers only (no sliding, chunked or shared layers)");
    Require(count == 0 || kept == l,
            "kvtables' vLLM rules size hybrids whose attention layers share "
            "one geometry and whose recurrent layers share another");
    kept = l;
    count += run.count;
  });
  Require(h.attention_layers > 0,
          "kvtables' vLLM rules do not size models without attention layers");
  return h;
}

// RequireVllmModelled() refuses what these rules do not size: per-layer
// models other than attention + recurrent hybrids, and indexer caches.
constexpr void RequireVllmModelled(const ModelSpec& m) {
  Require(!m.per_layer() || VllmIsHybrid(m),
          "kvtables' vLLM rules do not size models whose layers differ in "
          "geometry yet: use --runtime=llama.cpp or the analytic answer");
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
  const std::uint32_t heads = internal::VllmIsHybrid(m)
                                  ? internal::HybridLayers(m).attention.num_kv_heads
                                  : m.attention.num_kv_heads;
  Require(heads % tensor_parallel == 0 || tensor_parallel % heads == 0,
          "tensor_parallel must divide the KV heads or be a multiple of them");
  return std::max<std::uint32_t>(1, heads / tensor_parallel);
}

namespace internal {

constexpr void RequireVllmBlockSize(std::uint32_t block_size) {
  Require(block_size == 1 || block_size == 8 || block_size == 16 ||
              block_size == 32 || block_size == 64 || block_size == 128 ||
              block_size == 256,
          "vLLM accepts a block size of 1, 8, 16, 32, 64, 128 or 256 tokens "
          "(BlockSize in vllm/config/cache.py)");
}

// VllmStateValues() is one recurrent layer's state per sequence on one
// rank: the convolution's channels and the state heads split over the
// ranks (vLLM's MambaStateShapeCalculator divides them exactly).
constexpr std::uint64_t VllmStateValues(const LayerMemory& l, std::uint32_t tp) {
  const std::uint64_t heads_values =
      CheckedMul(l.state_heads, std::uint64_t{l.state_v_dim});
  const std::uint64_t groups =
      l.state_k_dim == 0 ? 0 : (l.conv_channels - heads_values) / (2 * std::uint64_t{l.state_k_dim});
  Require(l.conv_channels % tp == 0 && l.state_heads % tp == 0 && groups % tp == 0,
          "kvtables' vLLM rules need tensor_parallel to divide the recurrent "
          "layers' heads and groups");
  const std::uint64_t conv = CheckedMul(l.conv_kernel - 1, l.conv_channels / tp);
  return CheckedAdd(conv, CheckedMul(CheckedMul(l.state_heads / tp, l.state_k_dim),
                                     l.state_v_dim));
}

}  // namespace internal

// VllmHybridPages is how vLLM pages an attention + recurrent hybrid: each
// recurrent layer keeps one state page per sequence (its conv and SSM state
// in the model's dtype, vLLM's "auto" mamba cache dtype), and the attention
// block is raised so that one attention page covers it:
//
//   block = max(--block-size, 16 * cdiv(state page, 16 * bytes per token))
//   page  = block * bytes per token, the state page padded to it
//
// vLLM prints "Setting attention block size to <block> tokens ..." and,
// when the pages differ, "Padding mamba page size by <padding>% ...".
struct VllmHybridPages {
  std::uint32_t block_size = 0;
  std::uint64_t attention_bytes_per_token = 0;  // one layer, one rank
  std::uint64_t state_page_bytes = 0;           // unpadded
  std::uint64_t page_bytes = 0;

  // The padding vLLM prints: 100 x (page - state page) / state page.
  constexpr ByteFraction padding_percent() const {
    return {CheckedMul(100, page_bytes - state_page_bytes), state_page_bytes};
  }
};

// VllmHybridPaging() is the paging of a hybrid under `s` (see above).
constexpr VllmHybridPages VllmHybridPaging(const ModelSpec& m, const VllmSettings& s) {
  internal::RequireVllmBlockSize(s.block_size);
  const internal::VllmHybridLayers h = internal::HybridLayers(m);
  VllmHybridPages p;
  p.attention_bytes_per_token = StorageBytes(
      s.kv_format, CheckedMul(VllmKvHeadsPerRank(m, s.tensor_parallel),
                              CheckedAdd(h.attention.k_head_dim, h.attention.v_head_dim)));
  p.state_page_bytes = StorageBytes(m.weights_format,
                                    internal::VllmStateValues(h.state, s.tensor_parallel));
  const std::uint64_t needed =
      16 * CeilDiv(p.state_page_bytes, CheckedMul(16, p.attention_bytes_per_token));
  Require(needed <= 0xffffffffu, "the attention block vLLM would choose is past 2^32");
  p.block_size = std::max<std::uint32_t>(s.block_size, static_cast<std::uint32_t>(needed));
  p.page_bytes = CheckedMul(p.block_size, p.attention_bytes_per_token);
  return p;
}

// VllmPageBytes() is one layer's page: one block of block_size tokens.
constexpr std::uint64_t VllmPageBytes(const ModelSpec& m,
                                      const VllmSettings& s) {
  Validate(m);
  internal::RequireVllmBlockSize(s.block_size);
  Require(Info(s.kv_format).block_elements == 1,
          "vLLM stores the KV cache in the model dtype or fp8, not in "
          "llama.cpp's block formats");
  internal::RequireVllmModelled(m);
  if (internal::VllmIsHybrid(m)) return VllmHybridPaging(m, s).page_bytes;
  const std::uint64_t values =
      CheckedMul(CheckedMul(s.block_size, VllmKvHeadsPerRank(m, s.tensor_parallel)),
                 CheckedAdd(m.attention.k_head_dim, m.attention.v_head_dim));
  return StorageBytes(s.kv_format, values);
}

// VllmAttentionLayers() is the layers that page K and V: every layer but
// cross-attention and no-cache ones, or a hybrid's attention layers.
constexpr std::uint32_t VllmAttentionLayers(const ModelSpec& m) {
  if (internal::VllmIsHybrid(m)) return internal::HybridLayers(m).attention_layers;
  return m.attention.num_layers - m.cross_attention_layers - m.no_cache_layers;
}

// VllmBlockSize() is the block vLLM uses: --block-size, or for a hybrid
// the attention block raised to cover the state page.
constexpr std::uint32_t VllmBlockSize(const ModelSpec& m, const VllmSettings& s) {
  return internal::VllmIsHybrid(m) ? VllmHybridPaging(m, s).block_size : s.block_size;
}

// VllmGroups is how vLLM groups a model's layers: `groups` groups of
// `layers_per_group` layers (the last of a type padded with empty layers).
struct VllmGroups {
  std::uint32_t layers_per_group = 0;
  std::uint32_t full_groups = 0;
  std::uint32_t sliding_groups = 0;
  std::uint32_t state_groups = 0;  // recurrent layers of a hybrid
  constexpr std::uint32_t groups() const {
    return full_groups + sliding_groups + state_groups;
  }
};

namespace internal {

// GroupsOf() splits two kinds of `a` and `b` layers into groups of the
// smaller kind's count, or the larger's when it is under 1.5 times the
// smaller.
constexpr VllmGroups GroupsOf(std::uint32_t a, std::uint32_t b) {
  const std::uint32_t small = std::min(a, b);
  const std::uint32_t large = std::max(a, b);
  const std::uint32_t size = 2 * std::uint64_t{large} < 3 * std::uint64_t{small}
                                 ? large
                                 : small;
  return {size, static_cast<std::uint32_t>(CeilDiv(a, size)),
          static_cast<std::uint32_t>(CeilDiv(b, size)), 0};
}

}  // namespace internal

// VllmLayerGroups() is one group of all layers for a model of one attention
// type; for a hybrid, groups of the smaller type's layer count (the larger's
// when it is under 1.5 times the smaller).
constexpr VllmGroups VllmLayerGroups(const ModelSpec& m) {
  internal::RequireVllmModelled(m);
  Require(m.cross_attention_layers == 0,
          "vLLM's cross-attention (encoder) cache is not modelled");
  if (internal::VllmIsHybrid(m)) {
    const internal::VllmHybridLayers h = internal::HybridLayers(m);
    const VllmGroups g = internal::GroupsOf(h.attention_layers, h.state_layers);
    return {g.layers_per_group, g.full_groups, 0, g.sliding_groups};
  }
  const std::uint32_t full = m.full_attention_layers();
  const std::uint32_t sliding = m.sliding_window_layers;
  if (sliding == 0) return {full, 1, 0, 0};
  if (full == 0) return {sliding, 0, 1, 0};
  return internal::GroupsOf(full, sliding);
}

// VllmStageLayers() is the layers pipeline stage `stage` of `stages` holds
// (vLLM's get_pp_indices): layers / stages each, and the remainder one more
// each on the stages before the last, counting back from the last but one
// (27 layers on 2 stages: 14 + 13; 30 on 4: 7 + 8 + 8 + 7).
constexpr std::uint32_t VllmStageLayers(std::uint32_t layers, std::uint32_t stages,
                                        std::uint32_t stage) {
  Require(stages > 0 && stages <= layers,
          "pipeline_parallel must be positive and at most the layer count");
  Require(stage < stages, "a pipeline stage past the last");
  const std::uint32_t extra = layers % stages;
  const bool one_more = stage + 1 < stages && stage + 1 + extra >= stages;
  return layers / stages + (one_more ? 1 : 0);
}

// VllmStageBlockBytes() is what one block costs on pipeline stage `stage`:
// a page in each of its layers. Pipeline stages split only models of one
// attention type here (one group per stage).
constexpr std::uint64_t VllmStageBlockBytes(const ModelSpec& m, const VllmSettings& s,
                                            std::uint32_t stage) {
  const VllmGroups g = VllmLayerGroups(m);
  if (s.pipeline_parallel == 1) return CheckedMul(VllmPageBytes(m, s), g.layers_per_group);
  Require(g.groups() == 1 && g.full_groups == 1,
          "kvtables' vLLM rules split only models whose layers are all full "
          "attention over pipeline stages");
  return CheckedMul(VllmPageBytes(m, s),
                    VllmStageLayers(g.layers_per_group, s.pipeline_parallel, stage));
}

// VllmBlockBytes() is what one block of the pool costs: a page in every
// layer of a group; under pipeline parallelism, on the stage with the most
// layers (the engine keeps the smallest block count of any stage, and with
// one budget for every GPU that is the stage with the most layers).
constexpr std::uint64_t VllmBlockBytes(const ModelSpec& m,
                                       const VllmSettings& s) {
  std::uint64_t most = 0;
  for (std::uint32_t stage = 0; stage < s.pipeline_parallel; ++stage) {
    most = std::max(most, VllmStageBlockBytes(m, s, stage));
  }
  return most;
}

static_assert(VllmStageLayers(27, 2, 0) == 14 && VllmStageLayers(27, 2, 1) == 13);
static_assert(VllmStageLayers(30, 4, 0) == 7 && VllmStageLayers(30, 4, 1) == 8 &&
              VllmStageLayers(30, 4, 2) == 8 && VllmStageLayers(30, 4, 3) == 7);

// VllmBlocksPerRequest() is the blocks one request of max_model_len tokens
// may use, summed over the groups.
constexpr std::uint64_t VllmBlocksPerRequest(const ModelSpec& m,
                                             const VllmSettings& s) {
  Require(s.max_model_len > 0, "context (max_model_len) must be positive");
  internal::RequireVllmBlockSize(s.block_size);
  const VllmGroups g = VllmLayerGroups(m);
  const std::uint32_t block = VllmBlockSize(m, s);
  // A recurrent group's block is max_model_len tokens: one per request.
  std::uint64_t blocks = CheckedAdd(
      CheckedMul(g.full_groups, CeilDiv(s.max_model_len, block)), g.state_groups);
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
// `num_blocks`, by era (VllmEra): num_blocks / groups * the smallest block
// of any group (a recurrent group's is max_model_len), or num_blocks *
// max_model_len / blocks per request.
constexpr std::uint64_t VllmCacheTokens(const ModelSpec& m,
                                        const VllmSettings& s,
                                        std::uint64_t num_blocks) {
  if (s.era == VllmEra::kV0_21) {
    return CheckedMul(num_blocks, s.max_model_len) / VllmBlocksPerRequest(m, s);
  }
  const std::uint64_t block = VllmBlockSize(m, s);
  const VllmGroups g = VllmLayerGroups(m);
  const std::uint64_t smallest =
      g.state_groups > 0 ? std::min<std::uint64_t>(block, s.max_model_len) : block;
  return CheckedMul(num_blocks / g.groups(), smallest);
}

namespace internal {

// The worked example of VllmEra: gemma-3-4b-it's 29 sliding (window 1024)
// and 5 full layers of 4 KV heads of 256 (tests/testdata/gemma-3-4b-it.json).
inline constexpr ModelSpec kGemma3_4b{
    .name = "gemma-3-4b",
    .attention = {34, 8, 4, 256, 256},
    .sliding_window_layers = 29,
    .sliding_window_tokens = 1024,
    .parameters_total = 1,
    .parameters_active = 1,
    .max_context_tokens = 131'072,
};
inline constexpr VllmSettings kGemma3_4bAt8k{
    .max_model_len = 8192, .max_num_batched_tokens = 8192};
inline constexpr VllmSettings kGemma3_4bAt8kV0_9{
    .max_model_len = 8192, .max_num_batched_tokens = 8192, .era = VllmEra::kV0_9};

}  // namespace internal

static_assert(VllmBlocksPerRequest(internal::kGemma3_4b, internal::kGemma3_4bAt8k) == 3590);
static_assert(VllmCacheTokens(internal::kGemma3_4b, internal::kGemma3_4bAt8k, 533588) ==
              1'217'591);
static_assert(VllmCacheTokens(internal::kGemma3_4b, internal::kGemma3_4bAt8kV0_9,
                              533588) == 1'219'616);

}  // namespace kvmodel

#endif  // KVMODEL_RUNTIME_VLLM_H_
