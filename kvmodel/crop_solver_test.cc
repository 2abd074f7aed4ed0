#include "kvmodel/crop_solver.h"

#include <cstddef>

#include "gtest/gtest.h"
#include "kvmodel/seed_vlm.h"

namespace kvmodel {
namespace {

constexpr auto kTable = CropTable<kSeedVlm>();

// Peak KV bytes by hand, 122,880 * (image tokens + 10 + 100):
// 1x4: 122,880 * 793 = 97,443,840; 2x2: 122,880 * 803 = 98,672,640;
// 1x5: 122,880 * 893 = 109,731,840; 1x2: 122,880 * 593 = 72,867,840.
constexpr CropGrid Answer(std::uint64_t budget) {
  const auto index = LargestFittingCrop(kTable, budget);
  return index ? kTable[*index].grid : CropGrid{0, 0};
}
static_assert(Answer(100'000'000) == CropGrid{2, 2});
static_assert(Answer(98'672'640) == CropGrid{2, 2});
static_assert(Answer(98'672'639) == CropGrid{1, 4});
static_assert(Answer(109'731'840) == CropGrid{1, 5});
static_assert(Answer(72'867'840) == CropGrid{1, 2});
static_assert(Answer(72'867'839) == CropGrid{0, 0});  // nothing fits
static_assert(Answer(UINT64_MAX) == CropGrid{1, 29});  // 29 crops, 1x29 only

// The step function agrees with the scan at and just below every step.
constexpr bool StepsAgree() {
  const auto steps = LargestFittingSteps(kTable);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (LargestFittingCrop(kTable, steps[i].min_budget_bytes) != steps[i].row) {
      return false;
    }
    const auto below = LargestFittingCrop(kTable, steps[i].min_budget_bytes - 1);
    if (i == 0 ? below.has_value() : below != steps[i - 1].row) return false;
  }
  return !steps.empty();
}
static_assert(StepsAgree());

TEST(CropSolverTest, LargestFitting) {
  EXPECT_EQ(Answer(100'000'000), (CropGrid{2, 2}));
  EXPECT_EQ(Answer(98'672'639), (CropGrid{1, 4}));
  EXPECT_FALSE(LargestFittingCrop(kTable, 72'867'839).has_value());
  EXPECT_TRUE(StepsAgree());
}

}  // namespace
}  // namespace kvmodel
