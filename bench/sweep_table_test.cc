// bench/sweep_table_test.cc: the benchmark's tables hold what they claim:
// the per-row ("real") and per-pair ("hoisted") evaluations agree cell for
// cell, and a plan sizes every catalog model like ModelKvCacheBytes.

#include "bench/sweep_table.h"

#include <cstdint>

#include "gtest/gtest.h"
#include "kvmodel/catalog.h"
#include "kvmodel/model.h"

namespace kvbench {
namespace {

// The file comments' worked examples.
constexpr kvmodel::KvPlan kLlama =
    kvmodel::MakeKvPlan(kvmodel::WithKvFormats(kvmodel::kCatalog[2],
                                               kvmodel::StorageFormat::kBF16,
                                               kvmodel::StorageFormat::kBF16));
static_assert(kLlama.full_k_bytes_per_token == 32 * 2048);
static_assert(kLlama.full_v_bytes_per_token == 32 * 2048);
static_assert(kvmodel::PlanKvCacheBytes(kLlama, 256).k_bytes == 16'777'216);
static_assert(kvmodel::PlanKvCacheBytes(kLlama, 256).v_bytes == 16'777'216);
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

TEST(SweepTableTest, EveryCatalogModelFormatContextAndBatch) {
  for (const kvmodel::ModelSpec& model : kvmodel::kCatalog) {
    for (const SweepFormat& format : kSweepFormats) {
      const kvmodel::ModelSpec m =
          kvmodel::WithKvFormats(model, format.k, format.v);
      const kvmodel::KvPlan plan = kvmodel::MakeKvPlan(m);
      for (std::uint64_t tokens = 1; tokens <= m.max_context_tokens;
           tokens = tokens * 3 + 1) {
        for (std::uint64_t batch : {1, 7, 64}) {
          for (std::uint64_t cross : {0, 1601}) {
            EXPECT_EQ(kvmodel::PlanKvCacheBytes(plan, tokens, batch, cross),
                      kvmodel::ModelKvCacheBytes(m, tokens, batch, cross))
                << model.name << " " << tokens << " " << batch;
          }
        }
      }
    }
  }
}

TEST(SweepTableTest, OverflowIsStillAnError) {
  EXPECT_THROW(kvmodel::PlanKvCacheBytes(kLlama, std::uint64_t{1} << 60),
               kvmodel::Overflow);
}

}  // namespace
}  // namespace kvbench
