#include "kvmodel/vision_layout.h"

#include <array>

#include "gtest/gtest.h"

namespace kvmodel {
namespace {

constexpr TiledNewlineLayout kSeedLayout{16, 16, true, 1, 10, 10, true};

// The header's worked example, and the seed-table-analysis relation
// 273 + 100 * H * W + 10 * H.
static_assert(ImageTokens(kSeedLayout, {1, 2}) == 483);
static_assert(ImageTokens(kSeedLayout, {2, 3}) == 273 + 600 + 20);
static_assert(ImageTokens(kSeedLayout, {3, 2}) == 273 + 600 + 30);
// Without newlines orientation does not matter: 256 + 1 + 100 * 6.
constexpr TiledNewlineLayout kNoNewlines{16, 16, false, 1, 10, 10, false};
static_assert(ImageTokens(kNoNewlines, {2, 3}) == 857);
static_assert(ImageTokens(kNoNewlines, {3, 2}) == 857);

// Grid counts: crops 2..29 with H <= W are the seed's 53 rows; with both
// orientations, every divisor pair of 2..29 (the sum of d(n), 2..29, = 102).
static_assert(EnumerateGrids({2, 29, Orientations::kRowsAtMostCols}, nullptr) ==
              53);
static_assert(EnumerateGrids({2, 29, Orientations::kBoth}, nullptr) == 102);

constexpr std::array<CropGrid, 4> FourCrops() {
  std::array<CropGrid, 4> grids{};
  EnumerateGrids({4, 4, Orientations::kBoth}, grids.data());
  return grids;
}
static_assert(FourCrops()[0] == CropGrid{1, 4});
static_assert(FourCrops()[1] == CropGrid{2, 2});
static_assert(FourCrops()[2] == CropGrid{4, 1});

TEST(VisionLayoutTest, ImageTokens) {
  EXPECT_EQ(ImageTokens(kSeedLayout, {1, 2}), 483u);
  EXPECT_EQ(ImageTokens(kSeedLayout, {5, 5}), 2823u);  // the seed's 5x5 row
  EXPECT_EQ(ImageTokens(kNoNewlines, {3, 2}), 857u);
}

TEST(VisionLayoutTest, Enumeration) {
  EXPECT_EQ(EnumerateGrids({2, 29, Orientations::kRowsAtMostCols}, nullptr),
            53u);
  EXPECT_EQ(FourCrops()[3], (CropGrid{0, 0}));  // only three grids of 4
}

TEST(VisionLayoutTest, RejectsBadInput) {
  EXPECT_THROW(ImageTokens(kSeedLayout, {0, 2}), InvalidModel);
  EXPECT_THROW(ImageTokens({16, 16, true, 1, 0, 10, true}, {1, 1}),
               InvalidModel);
  EXPECT_THROW(EnumerateGrids({0, 3, Orientations::kBoth}, nullptr),
               InvalidModel);
  EXPECT_THROW(EnumerateGrids({5, 3, Orientations::kBoth}, nullptr),
               InvalidModel);
  EXPECT_THROW(EnumerateGrids({1, 5000, Orientations::kBoth}, nullptr),
               InvalidModel);
}

}  // namespace
}  // namespace kvmodel
