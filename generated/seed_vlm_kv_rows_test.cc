// Every row of the checked-in generated/seed_vlm_kv.h, as compiled in C and
// in C++, equals the constexpr table of the seed VLM preset.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "generated/seed_vlm_kv.h"
#include "generated/seed_vlm_kv_c.h"
#include "gtest/gtest.h"
#include "kvmodel/checked.h"
#include "kvmodel/crop_solver.h"
#include "kvmodel/crop_table.h"
#include "kvmodel/fingerprint.h"
#include "kvmodel/seed_vlm.h"

namespace {

constexpr auto kTable = kvmodel::CropTable<kvmodel::kSeedVlm>();

void ExpectRowEquals(const seed_vlm_kv_row& got, const kvmodel::CropRow& want) {
  EXPECT_EQ(got.grid_h, want.grid.rows);
  EXPECT_EQ(got.grid_w, want.grid.columns);
  EXPECT_EQ(got.num_crops, want.grid.crops());
  EXPECT_EQ(got.image_tokens, want.image_tokens);
  EXPECT_EQ(got.prompt_tokens, want.prompt_tokens);
  EXPECT_EQ(got.kv_bytes_peak, want.kv_peak.total());
  EXPECT_EQ(got.kv_bytes_mean_ceil,
            kvmodel::CeilDiv(want.kv_mean.numerator, want.kv_mean.denominator));
  EXPECT_EQ(got.eager_prefill_working_bytes, want.eager_prefill_working_bytes);
  EXPECT_EQ(got.flash_prefill_working_bytes, want.flash_prefill_working_bytes);
  EXPECT_EQ(got.eager_peak_bytes, want.eager_peak_bytes);
  EXPECT_EQ(got.flash_peak_bytes, want.flash_peak_bytes);
}

TEST(SeedVlmKvHeaderTest, ConstantsMatchTheModel) {
  static_assert(SEED_VLM_KV_ROW_COUNT == kTable.size());
  EXPECT_EQ(SEED_VLM_KV_FINGERPRINT, kvmodel::Fingerprint(kvmodel::kSeedVlm));
  EXPECT_EQ(SEED_VLM_KV_KV_BYTES_PER_TOKEN,
            kvmodel::ModelKvBytesPerToken(kvmodel::kSeedVlm.text_model));
  EXPECT_EQ(SEED_VLM_KV_DECODE_STEPS, kvmodel::kSeedVlm.decode_steps);
  EXPECT_EQ(SEED_VLM_KV_TEXT_TOKENS, kvmodel::kSeedVlm.text_tokens);
}

TEST(SeedVlmKvHeaderTest, EveryRowAsCompiledInCpp) {
  for (std::size_t i = 0; i < kTable.size(); ++i) {
    SCOPED_TRACE(i);
    ExpectRowEquals(seed_vlm_kv_rows[i], kTable[i]);
    EXPECT_EQ(seed_vlm_kv_find(kTable[i].grid.rows, kTable[i].grid.columns),
              &seed_vlm_kv_rows[i]);
  }
}

TEST(SeedVlmKvHeaderTest, EveryRowAsCompiledInC) {
  ASSERT_EQ(seed_vlm_kv_c_row_count(), kTable.size());
  for (std::size_t i = 0; i < kTable.size(); ++i) {
    SCOPED_TRACE(i);
    ExpectRowEquals(seed_vlm_kv_c_rows()[i], kTable[i]);
    EXPECT_EQ(seed_vlm_kv_c_find(kTable[i].grid.rows, kTable[i].grid.columns),
              &seed_vlm_kv_c_rows()[i]);
  }
}

// The header's largest-fitting lookup, in C and in C++, against the
// constexpr solver: at every row's peak, one byte below it, and at the ends.
TEST(SeedVlmKvHeaderTest, LargestFittingMatchesTheSolver) {
  std::vector<std::uint64_t> budgets = {0, UINT64_MAX};
  for (const kvmodel::CropRow& row : kTable) {
    budgets.push_back(row.kv_peak.total());
    budgets.push_back(row.kv_peak.total() - 1);
    budgets.push_back(row.kv_peak.total() + 1);
  }
  for (const std::uint64_t budget : budgets) {
    SCOPED_TRACE(budget);
    const auto want = kvmodel::LargestFittingCrop(kTable, budget);
    const seed_vlm_kv_row* got = seed_vlm_kv_largest_fitting(budget);
    if (!want) {
      EXPECT_EQ(got, nullptr);
    } else {
      EXPECT_EQ(got, &seed_vlm_kv_rows[*want]);
    }
    EXPECT_EQ(seed_vlm_kv_c_largest_fitting(budget) == nullptr, !want);
    if (want) {
      EXPECT_EQ(seed_vlm_kv_c_largest_fitting(budget),
                &seed_vlm_kv_c_rows()[*want]);
    }
  }
}

TEST(SeedVlmKvHeaderTest, FindRejectsGridsNotInTheTable) {
  EXPECT_EQ(seed_vlm_kv_find(2, 1), nullptr);   // H > W is not listed
  EXPECT_EQ(seed_vlm_kv_find(1, 1), nullptr);   // below min_crops
  EXPECT_EQ(seed_vlm_kv_find(1, 30), nullptr);  // above max_crops
  EXPECT_EQ(seed_vlm_kv_find(0, 0), nullptr);
  EXPECT_EQ(seed_vlm_kv_c_find(5, 6), nullptr);
}

}  // namespace
