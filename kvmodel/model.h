// kvmodel/model.h
//
// A language model as its memory and weights see it: a stack of decoder
// layers, each keeping its own memory (kvmodel/layers.h). A model is given
// either layer by layer (`layers`: runs of layers, each with its kind and
// KV heads and head sizes: hybrid recurrent models, Gemma 4's global
// layers) or, when every caching layer has the geometry of `attention`, by
// counting its layers by kind:
//
//   full attention    caches every token of the sequence;
//   sliding window    caches at most the last `sliding_window_tokens` tokens
//                     (Mistral 7B v0.1: all layers; Gemma 2: every other
//                     layer; Gemma 3: 5 of every 6; gpt-oss: alternating);
//   cross attention   caches the image's vision tokens, not the text
//                     (Llama 3.2 Vision): sized by `cross_attention_tokens`;
//   no cache          caches nothing.
//
// Multi-head latent attention (DeepSeek-V2/V3) caches one shared latent per
// token per layer: kv_lora_rank + qk_rope_head_dim values, as K with no V,
// i.e. a geometry of 1 KV head, K head 576, V head 0.
//
// For `batch_size` sequences of `tokens` tokens each:
//
//   K bytes = batch * (sum over full layers of K row bytes * tokens
//             + sum over windowed layers of K row bytes * min(tokens, window)
//             + sum over cross layers of K row bytes * cross_attention_tokens)
//   state   = batch * sum over recurrent layers of state values * state bytes
//
// and V like K (DeepSeek-V3.2's sparse attention adds an indexer key per
// layer-token to K: see `indexer_head_dim`). Weights are parameters x bits
// per weight (kvmodel/weights.h).
//
// Worked examples (also the models the tests share, internal::kGraniteMicro
// and internal::kDeepSeekV32 at the end of this header):
//   Gemma 2 2B: 26 layers, 13 sliding with a 4,096 window, 4 KV heads of
//   256, bf16; 4,096 bytes per layer-token: at 8,192 tokens the cache is
//   4,096 * (13 * 8,192 + 13 * 4,096) = 654,311,424 bytes;
//   granite-4.0-h-micro, layer by layer (kvmodel/layers.h): 4 attention
//   layers of 2,048 bf16 bytes per token each, and 36 Mamba 2 layers whose
//   f32 state is 77,377,536 bytes per sequence;
//   DeepSeek-V3.2: 61 latent layers of 512 + 64 values and an indexer key
//   of 128 beside each: 61 * (576 + 128) * 2 = 85,888 bf16 bytes per token.

#ifndef KVMODEL_MODEL_H_
#define KVMODEL_MODEL_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "kvmodel/attention.h"
#include "kvmodel/checked.h"
#include "kvmodel/kv_cache.h"
#include "kvmodel/layers.h"
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
  // num_layers counts every decoder layer; the K and V formats are the
  // cache's, for every layer. Without `layers`, every caching layer has
  // this geometry and the counts below say which kind each is.
  AttentionGeometry attention;
  std::uint32_t sliding_window_layers = 0;
  std::uint32_t sliding_window_tokens = 0;
  std::uint32_t cross_attention_layers = 0;
  std::uint64_t cross_attention_tokens = 0;  // vision tokens per image
  std::uint32_t no_cache_layers = 0;
  // Layer by layer (kvmodel/layers.h), for models whose layers differ in
  // geometry or keep recurrent state; then the counts above are zero and
  // attention's KV heads and head sizes are those of its full layers.
  std::span<const LayerRun> layers = {};
  StorageFormat state_format = StorageFormat::kF32;  // recurrent state
  // Multi-head latent attention: attention.k_head_dim is kv_lora_rank +
  // qk_rope_head_dim, attention.v_head_dim 0 and num_kv_heads 1.
  std::uint32_t kv_lora_rank = 0;
  std::uint32_t qk_rope_head_dim = 0;
  // Sparse attention (DeepSeek-V3.2's lightning indexer): beside the latent,
  // each layer caches one indexer key of indexer_head_dim values per token,
  // counted with the K bytes.
  std::uint32_t indexer_head_dim = 0;
  // Zero when unknown (weights then cannot be sized).
  std::uint64_t parameters_total = 0;
  std::uint64_t parameters_active = 0;  // equals total for dense models
  std::uint64_t max_context_tokens = 0;
  StorageFormat weights_format = StorageFormat::kBF16;  // published dtype

  constexpr bool latent_attention() const { return kv_lora_rank > 0; }
  constexpr bool per_layer() const { return !layers.empty(); }
  constexpr std::uint32_t full_attention_layers() const {
    return attention.num_layers - sliding_window_layers -
           cross_attention_layers - no_cache_layers;
  }
};

// ForEachLayerRun() calls `visit` with each run of the model's layers: its
// `layers`, or the runs its counts describe (full, sliding, cross-attention
// and no-cache layers, in that order: the counts do not say the order).
template <typename Visit>
constexpr void ForEachLayerRun(const ModelSpec& m, Visit&& visit) {
  if (m.per_layer()) {
    for (const LayerRun& run : m.layers) visit(run);
    return;
  }
  LayerRun run;
  run.layer.num_kv_heads = m.attention.num_kv_heads;
  run.layer.k_head_dim = m.attention.k_head_dim;
  run.layer.v_head_dim = m.attention.v_head_dim;
  const auto visit_kind = [&](LayerKind kind, std::uint32_t count,
                              std::uint32_t window) {
    if (count == 0) return;
    run.count = count;
    run.layer.kind = kind;
    run.layer.window = window;
    visit(run);
  };
  visit_kind(LayerKind::kFull, m.full_attention_layers(), 0);
  visit_kind(LayerKind::kSliding, m.sliding_window_layers,
             m.sliding_window_tokens);
  visit_kind(LayerKind::kCross, m.cross_attention_layers, 0);
  if (m.no_cache_layers > 0) {
    run.count = m.no_cache_layers;
    run.layer = LayerMemory();
    run.layer.kind = LayerKind::kNone;
    visit(run);
  }
}

namespace internal {

// ValidatePerLayer() checks a model given layer by layer: its layers add up
// to num_layers and every attention layer's KV heads divide the query heads.
constexpr void ValidatePerLayer(const ModelSpec& m) {
  const AttentionGeometry& a = m.attention;
  Require(a.num_layers > 0, "num_layers must be positive");
  Require(a.num_query_heads > 0, "num_query_heads must be positive");
  Require(m.sliding_window_layers == 0 && m.cross_attention_layers == 0 &&
              m.no_cache_layers == 0,
          "a model given layer by layer has no layer counts");
  ValidateLayers(m.layers, a.k_format, a.v_format);
  Require(LayerCount(m.layers) == a.num_layers,
          "the layers do not add up to num_layers");
  for (const LayerRun& run : m.layers) {
    Require(!run.layer.attends() || a.num_query_heads % run.layer.num_kv_heads == 0,
            "a layer's num_kv_heads must divide num_query_heads");
  }
}

}  // namespace internal

// Validate() rejects a model that cannot exist.
constexpr void Validate(const ModelSpec& m) {
  if (m.per_layer()) {
    internal::ValidatePerLayer(m);
  } else {
    Validate(m.attention);
    const std::uint64_t special = std::uint64_t{m.sliding_window_layers} +
                                  m.cross_attention_layers + m.no_cache_layers;
    Require(special <= m.attention.num_layers,
            "sliding, cross-attention and no-cache layers exceed num_layers");
    Require(m.sliding_window_layers == 0 || m.sliding_window_tokens > 0,
            "sliding-window layers need sliding_window_tokens");
  }
  Require(!m.latent_attention() ||
              (!m.per_layer() && m.attention.num_kv_heads == 1 &&
               m.attention.k_head_dim == m.kv_lora_rank + m.qk_rope_head_dim &&
               m.attention.v_head_dim == 0),
          "a latent-attention cache is one K of kv_lora_rank + "
          "qk_rope_head_dim values and no V");
  Require(m.indexer_head_dim == 0 || m.latent_attention(),
          "an indexer cache sits beside a latent-attention (MLA) cache");
  Require(m.indexer_head_dim % Info(m.attention.k_format).block_elements == 0,
          "indexer_head_dim must be a whole number of k_format blocks");
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

// KvPlan is a validated model reduced to what its memory depends on: K and
// V bytes per token summed over the full layers, over each window of the
// sliding and chunked layers, and over the cross-attention layers, and the
// recurrent state of one sequence. A table of many rows of one model makes
// the plan once (MakeKvPlan validates the model) and sizes every row with
// PlanKvCacheBytes, checked multiplies and adds only: validating per row
// made the catalog's compile-time tables cost several times as much
// (BENCHMARKS.md).
struct WindowTerm {
  std::uint64_t window_tokens = 0;
  std::uint64_t k_bytes_per_token = 0;
  std::uint64_t v_bytes_per_token = 0;
};

// kMaxPlanWindows bounds the distinct windows (and chunks) of one model.
inline constexpr std::size_t kMaxPlanWindows = 4;

struct KvPlan {
  std::uint64_t full_k_bytes_per_token = 0;
  std::uint64_t full_v_bytes_per_token = 0;
  std::array<WindowTerm, kMaxPlanWindows> windowed{};
  std::size_t windowed_count = 0;
  std::uint64_t cross_k_bytes_per_token = 0;  // per vision token
  std::uint64_t cross_v_bytes_per_token = 0;
  std::uint64_t state_bytes_per_sequence = 0;  // recurrent layers
};

namespace internal {

constexpr void AddWindowed(KvPlan& plan, std::uint64_t window,
                           std::uint64_t k, std::uint64_t v) {
  for (std::size_t i = 0; i < plan.windowed_count; ++i) {
    WindowTerm& term = plan.windowed[i];
    if (term.window_tokens == window) {
      term.k_bytes_per_token = CheckedAdd(term.k_bytes_per_token, k);
      term.v_bytes_per_token = CheckedAdd(term.v_bytes_per_token, v);
      return;
    }
  }
  Require(plan.windowed_count < kMaxPlanWindows,
          "more distinct sliding windows than kvmodel plans for (4)");
  plan.windowed[plan.windowed_count++] = {window, k, v};
}

constexpr void AddRun(KvPlan& plan, const ModelSpec& m, const LayerRun& run) {
  const LayerMemory& l = run.layer;
  const std::uint64_t k_row =
      CheckedAdd(KRowBytes(l, m.attention.k_format),
                 StorageBytes(m.attention.k_format, m.indexer_head_dim));
  const std::uint64_t k = l.attends() ? CheckedMul(run.count, k_row) : 0;
  const std::uint64_t v =
      l.attends() ? CheckedMul(run.count, VRowBytes(l, m.attention.v_format))
                  : 0;
  switch (l.kind) {
    case LayerKind::kFull:
      plan.full_k_bytes_per_token = CheckedAdd(plan.full_k_bytes_per_token, k);
      plan.full_v_bytes_per_token = CheckedAdd(plan.full_v_bytes_per_token, v);
      break;
    case LayerKind::kSliding:
    case LayerKind::kChunked:
      AddWindowed(plan, l.window, k, v);
      break;
    case LayerKind::kCross:
      plan.cross_k_bytes_per_token = CheckedAdd(plan.cross_k_bytes_per_token, k);
      plan.cross_v_bytes_per_token = CheckedAdd(plan.cross_v_bytes_per_token, v);
      break;
    case LayerKind::kRecurrent:
      plan.state_bytes_per_sequence = CheckedAdd(
          plan.state_bytes_per_sequence,
          CheckedMul(run.count,
                     StorageBytes(m.state_format, RecurrentStateValues(l))));
      break;
    case LayerKind::kShared:
    case LayerKind::kNone:
      break;
  }
}

}  // namespace internal

// MakeKvPlan() validates `m` once and keeps what its memory depends on.
constexpr KvPlan MakeKvPlan(const ModelSpec& m) {
  Validate(m);
  KvPlan plan;
  ForEachLayerRun(m, [&](const LayerRun& run) { internal::AddRun(plan, m, run); });
  return plan;
}

// PlanKvCacheBytes() is the memory of `batch_size` sequences of `tokens`,
// each with `cross_tokens` vision tokens in the cross-attention layers:
// per sequence, full bytes per token * tokens + each window's bytes per
// token * min(tokens, window) + cross bytes per token * cross_tokens, and
// the recurrent state.
constexpr KvBytes PlanKvCacheBytes(const KvPlan& plan, std::uint64_t tokens,
                                   std::uint64_t batch_size = 1,
                                   std::uint64_t cross_tokens = 0) {
  KvBytes b{CheckedMul(plan.full_k_bytes_per_token, tokens),
            CheckedMul(plan.full_v_bytes_per_token, tokens),
            plan.state_bytes_per_sequence};
  for (std::size_t i = 0; i < plan.windowed_count; ++i) {
    const WindowTerm& term = plan.windowed[i];
    const std::uint64_t held = std::min(tokens, term.window_tokens);
    b.k_bytes = CheckedAdd(b.k_bytes, CheckedMul(term.k_bytes_per_token, held));
    b.v_bytes = CheckedAdd(b.v_bytes, CheckedMul(term.v_bytes_per_token, held));
  }
  // Tables size one sequence of text: the common case costs nothing more.
  if (cross_tokens != 0) {
    b.k_bytes = CheckedAdd(b.k_bytes, CheckedMul(plan.cross_k_bytes_per_token, cross_tokens));
    b.v_bytes = CheckedAdd(b.v_bytes, CheckedMul(plan.cross_v_bytes_per_token, cross_tokens));
  }
  if (batch_size != 1) {
    b = {CheckedMul(b.k_bytes, batch_size), CheckedMul(b.v_bytes, batch_size),
         CheckedMul(b.state_bytes, batch_size)};
  }
  return b;
}

// ModelKvCacheBytes() is PlanKvCacheBytes() of the model's plan: the memory
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

// ModelMeanKvCacheBytes() is the memory averaged over the workload's decode
// steps k = 0 .. K-1, where step k holds prompt + k tokens per sequence
// (kvmodel/kv_cache.h), exactly; with no decode steps, the prompt's memory.
// Windowed layers make the cache non-linear in tokens, so the sum over the
// horizon is taken piecewise: sum of min(t, window) in closed form. The
// recurrent state does not change with the tokens.
constexpr ByteFraction ModelMeanKvCacheBytes(const ModelSpec& m,
                                             const Workload& w,
                                             std::uint64_t cross_tokens = 0) {
  Validate(w);
  if (w.decode_steps == 0) {
    return {ModelKvCacheBytes(m, w.prompt_tokens, w.batch_size, cross_tokens)
                .total(),
            1};
  }
  const KvPlan plan = MakeKvPlan(m);
  const std::uint64_t first = w.prompt_tokens;
  const std::uint64_t last = w.prompt_tokens + w.decode_steps - 1;
  std::uint64_t sum = CheckedMul(
      CheckedAdd(plan.full_k_bytes_per_token, plan.full_v_bytes_per_token),
      internal::SumRange(first, last));
  for (std::size_t i = 0; i < plan.windowed_count; ++i) {
    const WindowTerm& term = plan.windowed[i];
    sum = CheckedAdd(
        sum, CheckedMul(CheckedAdd(term.k_bytes_per_token, term.v_bytes_per_token),
                        internal::SumCapped(first, last, term.window_tokens)));
  }
  const std::uint64_t per_step =
      CheckedAdd(CheckedMul(CheckedAdd(plan.cross_k_bytes_per_token,
                                       plan.cross_v_bytes_per_token),
                            cross_tokens),
                 plan.state_bytes_per_sequence);
  sum = CheckedAdd(sum, CheckedMul(per_step, w.decode_steps));
  const std::uint64_t numerator = CheckedMul(sum, w.batch_size);
  const std::uint64_t g = Gcd(numerator, w.decode_steps);
  return {numerator / g, w.decode_steps / g};
}

// ModelKvBytesPerToken() is the cache one token occupies while it is inside
// every window: the full and windowed layers' K and V bytes per token. This
// is the figure a config's geometry gives directly.
constexpr std::uint64_t ModelKvBytesPerToken(const ModelSpec& m) {
  const KvPlan plan = MakeKvPlan(m);
  std::uint64_t bytes =
      CheckedAdd(plan.full_k_bytes_per_token, plan.full_v_bytes_per_token);
  for (std::size_t i = 0; i < plan.windowed_count; ++i) {
    bytes = CheckedAdd(bytes, CheckedAdd(plan.windowed[i].k_bytes_per_token,
                                         plan.windowed[i].v_bytes_per_token));
  }
  return bytes;
}

// ModelKvBytesPerTokenPastWindows() is what one more token adds once a
// sequence is longer than every window: the full layers' share (zero for a
// model whose every layer slides, like Mistral 7B v0.1).
constexpr std::uint64_t ModelKvBytesPerTokenPastWindows(const ModelSpec& m) {
  const KvPlan plan = MakeKvPlan(m);
  return CheckedAdd(plan.full_k_bytes_per_token, plan.full_v_bytes_per_token);
}

// ModelStateBytesPerSequence() is the recurrent state one sequence keeps,
// whatever its length (zero for a model without recurrent layers).
constexpr std::uint64_t ModelStateBytesPerSequence(const ModelSpec& m) {
  return MakeKvPlan(m).state_bytes_per_sequence;
}

// ModelWeightBytes() is the weights of all parameters in `format`.
constexpr std::uint64_t ModelWeightBytes(const ModelSpec& m,
                                         const WeightFormat& format) {
  Validate(m);
  Require(m.parameters_total > 0,
          "parameters_total is unknown: weights cannot be sized");
  return WeightBytes(m.parameters_total, format);
}

namespace internal {

// The worked examples of the file comment, as published configs give them
// (parameter counts left at 1: memory only).
inline constexpr ModelSpec kGraniteMicro{
    .name = "granite-4.0-h-micro",
    .attention = {40, 32, 8, 64, 64},
    .layers = kGraniteMicroLayers,
    .parameters_total = 1,
    .parameters_active = 1,
    .max_context_tokens = 131'072,
};
inline constexpr ModelSpec kDeepSeekV32{
    .name = "deepseek-v3.2",
    .attention = {61, 128, 1, 576, 0},
    .kv_lora_rank = 512,
    .qk_rope_head_dim = 64,
    .indexer_head_dim = 128,
    .parameters_total = 1,
    .parameters_active = 1,
    .max_context_tokens = 163'840,
};

}  // namespace internal

static_assert(ModelKvBytesPerToken(internal::kGraniteMicro) == 4 * 2048);
static_assert(ModelStateBytesPerSequence(internal::kGraniteMicro) == 77'377'536);
static_assert(ModelKvBytesPerToken(internal::kDeepSeekV32) == 85'888);

}  // namespace kvmodel

#endif  // KVMODEL_MODEL_H_
