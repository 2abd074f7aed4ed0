// kvmodel/model.h
//
// A language model as its KV cache and weights see it. Layers differ in what
// they cache, so a model counts its layers by attention kind:
//
//   full attention    caches every token of the sequence;
//   sliding window    caches at most the last `sliding_window_tokens` tokens
//                     (Mistral 7B v0.1: all layers; Gemma 2: every other
//                     layer; Gemma 3: 5 of every 6; gpt-oss: alternating);
//   cross attention   caches the image's vision tokens, not the text
//                     (Llama 3.2 Vision): sized by `cross_attention_tokens`;
//   no cache          (recurrent or state-space layers) caches nothing.
//
// Every caching layer has the geometry of `attention` (KV heads, K and V head
// sizes and formats). Multi-head latent attention (DeepSeek-V2/V3) caches one
// shared latent per token per layer: kv_lora_rank + qk_rope_head_dim values,
// as K with no V, i.e. a geometry of 1 KV head, K head 576, V head 0.
//
// For `batch_size` sequences of `tokens` tokens each:
//
//   K bytes = batch * K bytes per layer-token * (full_layers * tokens
//             + sliding_layers * min(tokens, window)
//             + cross_layers * cross_attention_tokens)
//
// and likewise V. Weights are parameters x bits per weight (kvmodel/weights.h).
//
// Worked example (Gemma 2 2B: 26 layers, 13 sliding with a 4,096 window,
// 4 KV heads of 256, bf16; 4,096 bytes per layer-token): at 8,192 tokens the
// cache is 4,096 * (13 * 8,192 + 13 * 4,096) = 654,311,424 bytes.

#ifndef KVMODEL_MODEL_H_
#define KVMODEL_MODEL_H_

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "kvmodel/attention.h"
#include "kvmodel/checked.h"
#include "kvmodel/kv_cache.h"
#include "kvmodel/storage_format.h"
#include "kvmodel/units.h"
#include "kvmodel/weights.h"

namespace kvmodel {

// ModelSpec: see the file comment. `source` cites where the parameters come
// from (the published config.json the values were read from).
struct ModelSpec {
  std::string_view name = {};     // catalog key, e.g. "llama-3.1-8b"
  std::string_view family = {};   // e.g. "Llama 3", for grouping
  std::string_view hf_repo = {};  // e.g. "meta-llama/Llama-3.1-8B"
  std::string_view source = {};
  AttentionGeometry attention;  // num_layers counts every decoder layer
  std::uint32_t sliding_window_layers = 0;
  std::uint32_t sliding_window_tokens = 0;
  std::uint32_t cross_attention_layers = 0;
  std::uint64_t cross_attention_tokens = 0;  // vision tokens per image
  std::uint32_t no_cache_layers = 0;
  // Multi-head latent attention: attention.k_head_dim is kv_lora_rank +
  // qk_rope_head_dim, attention.v_head_dim 0 and num_kv_heads 1.
  std::uint32_t kv_lora_rank = 0;
  std::uint32_t qk_rope_head_dim = 0;
  // Zero when unknown (weights then cannot be sized).
  std::uint64_t parameters_total = 0;
  std::uint64_t parameters_active = 0;  // equals total for dense models
  std::uint64_t max_context_tokens = 0;
  StorageFormat weights_format = StorageFormat::kBF16;  // published dtype

  constexpr bool latent_attention() const { return kv_lora_rank > 0; }
  constexpr std::uint32_t full_attention_layers() const {
    return attention.num_layers - sliding_window_layers -
           cross_attention_layers - no_cache_layers;
  }
};

// Validate() rejects a model that cannot exist.
constexpr void Validate(const ModelSpec& m) {
  Validate(m.attention);
  const std::uint64_t special = std::uint64_t{m.sliding_window_layers} +
                                m.cross_attention_layers + m.no_cache_layers;
  Require(special <= m.attention.num_layers,
          "sliding, cross-attention and no-cache layers exceed num_layers");
  Require(m.sliding_window_layers == 0 || m.sliding_window_tokens > 0,
          "sliding-window layers need sliding_window_tokens");
  Require(!m.latent_attention() ||
              (m.attention.num_kv_heads == 1 &&
               m.attention.k_head_dim == m.kv_lora_rank + m.qk_rope_head_dim &&
               m.attention.v_head_dim == 0),
          "a latent-attention cache is one K of kv_lora_rank + "
          "qk_rope_head_dim values and no V");
  Require(m.parameters_active <= m.parameters_total,
          "parameters_active must not exceed parameters_total");
  Require(m.max_context_tokens > 0, "max_context_tokens must be positive");
}

// WithKvFormats() is the model with its cache stored as `k` and `v`.
constexpr ModelSpec WithKvFormats(ModelSpec m, StorageFormat k,
                                  StorageFormat v) {
  m.attention.k_format = k;
  m.attention.v_format = v;
  return m;
}

// KvPlan is a validated model reduced to what its KV cache depends on:
// layer counts by kind, the window, and K and V bytes per layer-token. A
// table of many rows of one model makes the plan once (MakeKvPlan validates
// the model) and sizes every row with PlanKvCacheBytes, checked multiplies
// and adds only: validating per row made the catalog's compile-time tables
// cost several times as much (BENCHMARKS.md).
struct KvPlan {
  std::uint64_t full_layers = 0;
  std::uint64_t sliding_layers = 0;
  std::uint64_t sliding_window_tokens = 0;
  std::uint64_t cross_layers = 0;
  std::uint64_t k_bytes_per_layer_token = 0;
  std::uint64_t v_bytes_per_layer_token = 0;
};

// MakeKvPlan() validates `m` once and keeps what its cache depends on.
constexpr KvPlan MakeKvPlan(const ModelSpec& m) {
  Validate(m);
  return {m.full_attention_layers(),
          m.sliding_window_layers,
          m.sliding_window_tokens,
          m.cross_attention_layers,
          KBytesPerTokenPerLayer(m.attention),
          VBytesPerTokenPerLayer(m.attention)};
}

// PlanKvCacheBytes() is the cache of `batch_size` sequences of `tokens`,
// each with `cross_tokens` vision tokens in the cross-attention layers:
// full layers * tokens + sliding layers * min(tokens, window) +
// cross-attention layers * cross_tokens layer-tokens per sequence.
constexpr KvBytes PlanKvCacheBytes(const KvPlan& plan, std::uint64_t tokens,
                                   std::uint64_t batch_size = 1,
                                   std::uint64_t cross_tokens = 0) {
  std::uint64_t layer_tokens = CheckedMul(plan.full_layers, tokens);
  layer_tokens = CheckedAdd(
      layer_tokens, CheckedMul(plan.sliding_layers,
                               std::min(tokens, plan.sliding_window_tokens)));
  layer_tokens =
      CheckedAdd(layer_tokens, CheckedMul(plan.cross_layers, cross_tokens));
  layer_tokens = CheckedMul(layer_tokens, batch_size);
  return {CheckedMul(plan.k_bytes_per_layer_token, layer_tokens),
          CheckedMul(plan.v_bytes_per_layer_token, layer_tokens)};
}

// ModelKvCacheBytes() is PlanKvCacheBytes() of the model's plan: the cache
// of `batch_size` sequences of `tokens`, each with `cross_tokens` vision
// tokens in the cross-attention layers.
constexpr KvBytes ModelKvCacheBytes(const ModelSpec& m, std::uint64_t tokens,
                                    std::uint64_t batch_size = 1,
                                    std::uint64_t cross_tokens = 0) {
  return PlanKvCacheBytes(MakeKvPlan(m), tokens, batch_size, cross_tokens);
}

namespace internal {

// Sum of t for t in [a, b] (b >= a), exact.
constexpr std::uint64_t SumRange(std::uint64_t a, std::uint64_t b) {
  const std::uint64_t count = b - a + 1;
  const std::uint64_t ends = CheckedAdd(a, b);
  return ends % 2 == 0 ? CheckedMul(ends / 2, count)
                       : CheckedMul(ends, count / 2);
}

// Sum of min(t, cap) for t in [a, b] (b >= a), exact.
constexpr std::uint64_t SumCapped(std::uint64_t a, std::uint64_t b,
                                  std::uint64_t cap) {
  if (b <= cap) return SumRange(a, b);
  if (a >= cap) return CheckedMul(b - a + 1, cap);
  return CheckedAdd(SumRange(a, cap), CheckedMul(b - cap, cap));
}

}  // namespace internal

// ModelMeanKvCacheBytes() is the cache averaged over the workload's decode
// steps k = 0 .. K-1, where step k holds prompt + k tokens per sequence
// (kvmodel/kv_cache.h), exactly; with no decode steps, the prompt's cache.
// Sliding layers make the cache non-linear in tokens, so the sum over the
// horizon is taken piecewise: sum of min(t, window) in closed form.
constexpr ByteFraction ModelMeanKvCacheBytes(const ModelSpec& m,
                                             const Workload& w,
                                             std::uint64_t cross_tokens = 0) {
  Validate(w);
  const std::uint64_t per_layer_token =
      CheckedAdd(KBytesPerTokenPerLayer(m.attention),
                 VBytesPerTokenPerLayer(m.attention));
  if (w.decode_steps == 0) {
    return {ModelKvCacheBytes(m, w.prompt_tokens, w.batch_size, cross_tokens)
                .total(),
            1};
  }
  const std::uint64_t first = w.prompt_tokens;
  const std::uint64_t last = w.prompt_tokens + w.decode_steps - 1;
  std::uint64_t layer_tokens =
      CheckedMul(m.full_attention_layers(), internal::SumRange(first, last));
  layer_tokens = CheckedAdd(
      layer_tokens,
      CheckedMul(m.sliding_window_layers,
                 internal::SumCapped(first, last, m.sliding_window_tokens)));
  layer_tokens = CheckedAdd(
      layer_tokens, CheckedMul(CheckedMul(m.cross_attention_layers,
                                          cross_tokens),
                               w.decode_steps));
  const std::uint64_t numerator = CheckedMul(
      CheckedMul(per_layer_token, w.batch_size), layer_tokens);
  const std::uint64_t g = Gcd(numerator, w.decode_steps);
  return {numerator / g, w.decode_steps / g};
}

// ModelKvBytesPerToken() is the cache one token occupies while it is inside
// every sliding window: (full + sliding layers) * bytes per layer-token. This
// is the figure a config's geometry gives directly.
constexpr std::uint64_t ModelKvBytesPerToken(const ModelSpec& m) {
  Validate(m);
  return CheckedMul(
      m.full_attention_layers() + m.sliding_window_layers,
      CheckedAdd(KBytesPerTokenPerLayer(m.attention),
                 VBytesPerTokenPerLayer(m.attention)));
}

// ModelKvBytesPerTokenPastWindows() is what one more token adds once a
// sequence is longer than every sliding window: the full layers' share
// (zero for a model whose every layer slides, like Mistral 7B v0.1).
constexpr std::uint64_t ModelKvBytesPerTokenPastWindows(const ModelSpec& m) {
  Validate(m);
  return CheckedMul(m.full_attention_layers(),
                    CheckedAdd(KBytesPerTokenPerLayer(m.attention),
                               VBytesPerTokenPerLayer(m.attention)));
}

// ModelWeightBytes() is the weights of all parameters in `format`.
constexpr std::uint64_t ModelWeightBytes(const ModelSpec& m,
                                         const WeightFormat& format) {
  Validate(m);
  Require(m.parameters_total > 0,
          "parameters_total is unknown: weights cannot be sized");
  return WeightBytes(m.parameters_total, format);
}

}  // namespace kvmodel

#endif  // KVMODEL_MODEL_H_
