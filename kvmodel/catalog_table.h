// kvmodel/catalog_table.h
//
// The catalog's tables, computed in constant evaluation:
//
// * CatalogTable(): one row per catalog model: KV bytes per token (16-bit and
//   fp8 caches, and past every sliding window), weights in bf16, fp8, q8_0
//   and llama.cpp's Q4_K_M average, and the 16-bit KV cache of one sequence
//   at each context of kSweepContexts (0 where the context exceeds the
//   model's max_context_tokens);
// * ContextSweep(model): the 16-bit and fp8 KV cache of one sequence at
//   256, 512, 1,024, ... tokens and at the model's max_context_tokens, for the
//   per-model headers.
//
// Worked example: Llama 3.1 8B's row has 131,072 bytes per token (16-bit),
// 65,536 (fp8), weights 16,060,522,496 bytes in bf16, and 1,073,741,824
// bytes of KV at 8,192 tokens.

#ifndef KVMODEL_CATALOG_TABLE_H_
#define KVMODEL_CATALOG_TABLE_H_

#include <array>
#include <cstddef>
#include <cstdint>

#include "kvmodel/catalog.h"
#include "kvmodel/checked.h"
#include "kvmodel/model.h"
#include "kvmodel/storage_format.h"
#include "kvmodel/weights.h"

namespace kvmodel {

// kSweepContexts are the catalog CSV's context columns.
inline constexpr std::array<std::uint64_t, 5> kSweepContexts{
    1024, 4096, 8192, 32768, 131072};

// CatalogRow is one model's row.
struct CatalogRow {
  std::size_t model_index = 0;  // into kCatalog
  std::uint64_t kv_bytes_per_token_16bit = 0;
  std::uint64_t kv_bytes_per_token_fp8 = 0;
  std::uint64_t kv_bytes_per_token_past_windows = 0;  // 16-bit
  std::uint64_t weights_bytes_bf16 = 0;
  std::uint64_t weights_bytes_fp8 = 0;
  std::uint64_t weights_bytes_q8_0 = 0;
  std::uint64_t weights_bytes_q4_k_m = 0;  // documented average
  std::array<std::uint64_t, kSweepContexts.size()> kv_bytes_at{};
};

// Sixteen-bit (f16 or bf16: same size) and fp8 views of a model's cache.
constexpr ModelSpec With16BitCache(const ModelSpec& m) {
  return WithKvFormats(m, StorageFormat::kBF16, StorageFormat::kBF16);
}
constexpr ModelSpec WithFp8Cache(const ModelSpec& m) {
  return WithKvFormats(m, StorageFormat::kFp8E4M3, StorageFormat::kFp8E4M3);
}

// ComputeModelRow() is the row of any model (model_index left 0): a model
// that is not in the catalog (a user's config.json) gets the same figures.
// Weights need the model's parameter count.
constexpr CatalogRow ComputeModelRow(const ModelSpec& model) {
  const ModelSpec m = With16BitCache(model);
  CatalogRow row;
  row.kv_bytes_per_token_16bit = ModelKvBytesPerToken(m);
  row.kv_bytes_per_token_fp8 = ModelKvBytesPerToken(WithFp8Cache(m));
  row.kv_bytes_per_token_past_windows = ModelKvBytesPerTokenPastWindows(m);
  row.weights_bytes_bf16 = ModelWeightBytes(m, WeightFormatOf(StorageFormat::kBF16));
  row.weights_bytes_fp8 =
      ModelWeightBytes(m, WeightFormatOf(StorageFormat::kFp8E4M3));
  row.weights_bytes_q8_0 = ModelWeightBytes(m, WeightFormatOf(StorageFormat::kQ8_0));
  row.weights_bytes_q4_k_m = ModelWeightBytes(m, *ParseWeightFormat("Q4_K_M"));
  const KvPlan plan = MakeKvPlan(m);
  for (std::size_t i = 0; i < kSweepContexts.size(); ++i) {
    if (kSweepContexts[i] <= m.max_context_tokens) {
      row.kv_bytes_at[i] = PlanKvCacheBytes(plan, kSweepContexts[i]).total();
    }
  }
  return row;
}

// ComputeCatalogRow() is the row of kCatalog[index].
constexpr CatalogRow ComputeCatalogRow(std::size_t index) {
  CatalogRow row = ComputeModelRow(kCatalog[index]);
  row.model_index = index;
  return row;
}

// CatalogTable() is every catalog model's row, in catalog order.
constexpr std::array<CatalogRow, kCatalog.size()> CatalogTable() {
  std::array<CatalogRow, kCatalog.size()> rows{};
  for (std::size_t i = 0; i < kCatalog.size(); ++i) rows[i] = ComputeCatalogRow(i);
  return rows;
}

// SweepRow is one context of a model's sweep.
struct SweepRow {
  std::uint64_t context_tokens = 0;
  std::uint64_t kv_bytes_16bit = 0;
  std::uint64_t kv_bytes_fp8 = 0;
};

// kMaxSweepRows bounds a sweep: 256 * 2^k below 2^32 tokens, plus the max.
inline constexpr std::size_t kMaxSweepRows = 26;

// Sweep is a model's context sweep: its first `count` rows are used.
struct Sweep {
  std::array<SweepRow, kMaxSweepRows> rows{};
  std::size_t count = 0;
};

// ContextSweep() is the sweep of one model (see the file comment).
constexpr Sweep ContextSweep(const ModelSpec& model) {
  const ModelSpec m = With16BitCache(model);
  Require(m.max_context_tokens < (std::uint64_t{1} << 32),
          "max_context_tokens too large for a context sweep");
  const KvPlan plan_16bit = MakeKvPlan(m);
  const KvPlan plan_fp8 = MakeKvPlan(WithFp8Cache(m));
  Sweep sweep;
  const auto add = [&](std::uint64_t tokens) {
    sweep.rows[sweep.count++] = {tokens,
                                 PlanKvCacheBytes(plan_16bit, tokens).total(),
                                 PlanKvCacheBytes(plan_fp8, tokens).total()};
  };
  std::uint64_t tokens = 256;
  for (; tokens < m.max_context_tokens; tokens *= 2) add(tokens);
  add(m.max_context_tokens);
  return sweep;
}

}  // namespace kvmodel

#endif  // KVMODEL_CATALOG_TABLE_H_
