// bench/hoisted_kv.h
//
// A proposal for kvmodel, measured by the compile-cost benchmark: validate a
// model once and keep what its KV cache depends on, instead of validating it
// again in every call. ModelKvCacheBytes(m, tokens) validates the model three
// times (CachedLayerTokens, KBytesPerTokenPerLayer, VBytesPerTokenPerLayer:
// some twenty Require calls and four format look-ups) and copies the whole
// ModelSpec (four string_views and a dozen integers) into each row's
// evaluation. A table of many rows of one model repeats all of it per row.
//
//   KvPlan plan = MakeKvPlan(m);             // Validate(m) once
//   PlanKvCacheBytes(plan, tokens, batch)    // checked multiplies and adds
//
// gives the same KvBytes as ModelKvCacheBytes(m, tokens, batch, cross), with
// the same overflow checks (bench/hoisted_kv_test.cc checks every catalog
// model and format against it).
//
// Worked example: llama-3.1-8b in bf16: 32 full layers, 2,048 K and 2,048 V
// bytes per layer-token; at 256 tokens 16,777,216 K + 16,777,216 V bytes.

#ifndef KVTABLES_BENCH_HOISTED_KV_H_
#define KVTABLES_BENCH_HOISTED_KV_H_

#include <algorithm>
#include <cstdint>

#include "kvmodel/attention.h"
#include "kvmodel/checked.h"
#include "kvmodel/kv_cache.h"
#include "kvmodel/model.h"

namespace kvbench {

// KvPlan is a validated model reduced to what its KV cache depends on.
struct KvPlan {
  std::uint64_t full_layers = 0;
  std::uint64_t sliding_layers = 0;
  std::uint64_t sliding_window_tokens = 0;
  std::uint64_t cross_layers = 0;
  std::uint64_t k_bytes_per_layer_token = 0;
  std::uint64_t v_bytes_per_layer_token = 0;
  std::uint64_t kv_bytes_per_token = 0;  // ModelKvBytesPerToken
  std::uint64_t max_context_tokens = 0;
};

// MakeKvPlan() validates `m` once and keeps its coefficients.
constexpr KvPlan MakeKvPlan(const kvmodel::ModelSpec& m) {
  kvmodel::Validate(m);
  KvPlan plan;
  plan.full_layers = m.full_attention_layers();
  plan.sliding_layers = m.sliding_window_layers;
  plan.sliding_window_tokens = m.sliding_window_tokens;
  plan.cross_layers = m.cross_attention_layers;
  plan.k_bytes_per_layer_token = kvmodel::KBytesPerTokenPerLayer(m.attention);
  plan.v_bytes_per_layer_token = kvmodel::VBytesPerTokenPerLayer(m.attention);
  plan.kv_bytes_per_token = kvmodel::ModelKvBytesPerToken(m);
  plan.max_context_tokens = m.max_context_tokens;
  return plan;
}

// PlanKvCacheBytes() is ModelKvCacheBytes() of the plan's model.
constexpr kvmodel::KvBytes PlanKvCacheBytes(const KvPlan& plan,
                                            std::uint64_t tokens,
                                            std::uint64_t batch_size = 1,
                                            std::uint64_t cross_tokens = 0) {
  using kvmodel::CheckedAdd;
  using kvmodel::CheckedMul;
  std::uint64_t layer_tokens = CheckedMul(plan.full_layers, tokens);
  layer_tokens = CheckedAdd(
      layer_tokens,
      CheckedMul(plan.sliding_layers,
                 std::min(tokens, plan.sliding_window_tokens)));
  layer_tokens =
      CheckedAdd(layer_tokens, CheckedMul(plan.cross_layers, cross_tokens));
  layer_tokens = CheckedMul(layer_tokens, batch_size);
  return {CheckedMul(plan.k_bytes_per_layer_token, layer_tokens),
          CheckedMul(plan.v_bytes_per_layer_token, layer_tokens)};
}

}  // namespace kvbench

#endif  // KVTABLES_BENCH_HOISTED_KV_H_
