// config/hf_layers.h
//
// The per-layer memory of a config.json whose layers are not alike, in the
// forms published configs use:
//
//   layer_types               one entry per layer: full_attention or
//                             attention, sliding_attention,
//                             chunked_attention, linear_attention (gated
//                             DeltaNet), mamba, conv (short conv)
//   attention_chunk_size,     Llama 4: layers with RoPE attend within
//   no_rope_layers            chunks, the others (NoPE) globally
//   full_attn_idxs            LFM2: these layers attend, the rest are conv
//   full_attention_interval   Qwen3-Next: every n-th layer attends, the
//                             rest are linear attention
//   layers_block_type         attention / mamba per layer
//   hybrid_override_pattern   Nemotron-H: M mamba, * attention, - MLP, E MoE
//   global_head_dim,          Gemma 4: the full layers' own head size and
//   num_global_key_value_heads  KV heads
//   num_kv_shared_layers      Gemma 3n / 4: the last n layers read the cache
//                             of the last earlier layer of their kind
//   block_configs             Nemotron NAS: per block, KV heads (heads /
//                             n_heads_in_group) or no attention at all
//
// Fields that change memory in ways not modelled are refused by name:
// use_cla (cross-layer KV sharing), attn_type_list with lightning layers.
//
// Recurrent state per layer and sequence, in values (the rolling
// convolution keeps d_conv - 1 columns: the oldest is shifted out):
//
//   mamba   conv (d_conv - 1) x (d_inner + 2 x n_groups x d_state),
//           ssm  d_state x d_inner, d_inner = heads x head size (or
//           expand x hidden_size)
//   linear  conv (kernel - 1) x (2 x key heads x key head + value heads x
//           value head), ssm value heads x key head x value head
//   conv    conv (conv_L_cache - 1) x hidden_size, no ssm state
//
// Worked example: Qwen3-Next-80B-A3B (linear_conv_kernel_dim 4, 16 key
// heads and 32 value heads of 128) keeps 3 x (4,096 + 4,096) = 24,576 conv
// and 32 x 128 x 128 = 524,288 ssm values per linear-attention layer.

#ifndef CONFIG_HF_LAYERS_H_
#define CONFIG_HF_LAYERS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "config/json_fields.h"
#include "kvmodel/layers.h"

namespace kvtables::config::internal {

// HfAttention is the geometry the reader found for the attention layers.
struct HfAttention {
  std::uint64_t layers = 0;
  std::uint64_t heads = 0;
  std::uint64_t kv_heads = 0;
  std::uint64_t head_dim = 0;
  std::uint64_t hidden = 0;  // zero when the config has none
  std::uint64_t window = 0;  // sliding_window, zero when none
};

// ReadHfLayers() is the config's layers as runs when they differ (in kind
// beyond full and sliding attention, or in geometry), else empty: the
// caller then counts full and sliding layers of one geometry. Every
// assumption is appended to `notes`; a problem is a ConfigError.
std::vector<kvmodel::LayerRun> ReadHfLayers(const Fields& text,
                                            const HfAttention& attention,
                                            std::vector<std::string>& notes);

}  // namespace kvtables::config::internal

#endif  // CONFIG_HF_LAYERS_H_
