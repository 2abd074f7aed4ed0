// bench/hoisted_kv_test.cc: the hoisted evaluation (bench/hoisted_kv.h) gives
// exactly the model's ModelKvCacheBytes, and the benchmark tables agree.

#include "bench/hoisted_kv.h"

#include <cstdint>

#include "bench/sweep_table.h"
#include "gtest/gtest.h"
#include "kvmodel/catalog.h"
#include "kvmodel/model.h"

namespace kvbench {
namespace {

// The file comments' worked examples.
constexpr KvPlan kLlama =
    MakeKvPlan(kvmodel::WithKvFormats(kvmodel::kCatalog[2],
                                      kvmodel::StorageFormat::kBF16,
                                      kvmodel::StorageFormat::kBF16));
static_assert(kLlama.full_layers == 32);
static_assert(kLlama.k_bytes_per_layer_token == 2048);
static_assert(PlanKvCacheBytes(kLlama, 256).k_bytes == 16'777'216);
static_assert(PlanKvCacheBytes(kLlama, 256).v_bytes == 16'777'216);
static_assert(RealRow(2).kv_bytes == 33'554'432);
static_assert(RealRow(2).kv_bytes_per_token == 131'072);

// Two whole passes over every (model, format) pair, in constant evaluation.
constexpr bool TablesAgree() {
  constexpr std::size_t kRows = 2 * kSweepPairs;
  const auto real = BuildTable<TableKind::kReal, kRows>();
  const auto hoisted = BuildTable<TableKind::kHoisted, kRows>();
  for (std::size_t i = 0; i < kRows; ++i) {
    if (real[i].kv_k_bytes != hoisted[i].kv_k_bytes ||
        real[i].kv_v_bytes != hoisted[i].kv_v_bytes ||
        real[i].kv_bytes_per_token != hoisted[i].kv_bytes_per_token ||
        real[i].context_tokens != hoisted[i].context_tokens) {
      return false;
    }
  }
  return true;
}
static_assert(TablesAgree());

TEST(HoistedKvTest, EveryCatalogModelFormatContextAndBatch) {
  for (const kvmodel::ModelSpec& model : kvmodel::kCatalog) {
    for (const SweepFormat& format : kSweepFormats) {
      const kvmodel::ModelSpec m =
          kvmodel::WithKvFormats(model, format.k, format.v);
      const KvPlan plan = MakeKvPlan(m);
      EXPECT_EQ(plan.kv_bytes_per_token, kvmodel::ModelKvBytesPerToken(m));
      for (std::uint64_t tokens = 1; tokens <= m.max_context_tokens;
           tokens = tokens * 3 + 1) {
        for (std::uint64_t batch : {1, 7, 64}) {
          for (std::uint64_t cross : {0, 1601}) {
            EXPECT_EQ(PlanKvCacheBytes(plan, tokens, batch, cross),
                      kvmodel::ModelKvCacheBytes(m, tokens, batch, cross))
                << model.name << " " << tokens << " " << batch;
          }
        }
      }
    }
  }
}

TEST(HoistedKvTest, OverflowIsStillAnError) {
  EXPECT_THROW(PlanKvCacheBytes(kLlama, std::uint64_t{1} << 60),
               kvmodel::Overflow);
}

}  // namespace
}  // namespace kvbench
