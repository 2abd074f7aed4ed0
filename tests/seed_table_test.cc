// The seed table (seeds/000: "KV-cache memory by input shape"), all 53 rows,
// checked against the seed VLM preset at compile time and again at run time.
// Each row below is the seed's printed row (the comment), with its "GB"
// columns in ten-thousandths; the values are typed from the seed document,
// not produced by the code under test.

#include <array>
#include <cstddef>
#include <cstdint>

#include "gtest/gtest.h"
#include "kvmodel/crop_table.h"
#include "kvmodel/seed_vlm.h"
#include "kvmodel/units.h"

namespace kvmodel {
namespace {

struct SeedRow {
  std::uint32_t num_crops;
  std::uint32_t grid_h;
  std::uint32_t grid_w;
  std::uint64_t image_tokens;
  std::uint64_t decode_steps;
  std::uint64_t kv_normal_ten_thousandths;  // "GB" x 10^4, as printed
  std::uint64_t kv_flash_ten_thousandths;
};

// clang-format off
constexpr std::array<SeedRow, 53> kSeedRows{{
    {2, 1, 2, 483, 100, 621, 621},  // |2|1x2|483|100|0.0621|0.0621|
    {3, 1, 3, 583, 100, 735, 735},  // |3|1x3|583|100|0.0735|0.0735|
    {4, 1, 4, 683, 100, 850, 850},  // |4|1x4|683|100|0.0850|0.0850|
    {4, 2, 2, 693, 100, 861, 861},  // |4|2x2|693|100|0.0861|0.0861|
    {5, 1, 5, 783, 100, 964, 964},  // |5|1x5|783|100|0.0964|0.0964|
    {6, 1, 6, 883, 100, 1079, 1079},  // |6|1x6|883|100|0.1079|0.1079|
    {6, 2, 3, 893, 100, 1090, 1090},  // |6|2x3|893|100|0.1090|0.1090|
    {7, 1, 7, 983, 100, 1193, 1193},  // |7|1x7|983|100|0.1193|0.1193|
    {8, 1, 8, 1083, 100, 1307, 1307},  // |8|1x8|1083|100|0.1307|0.1307|
    {8, 2, 4, 1093, 100, 1319, 1319},  // |8|2x4|1093|100|0.1319|0.1319|
    {9, 1, 9, 1183, 100, 1422, 1422},  // |9|1x9|1183|100|0.1422|0.1422|
    {9, 3, 3, 1203, 100, 1445, 1445},  // |9|3x3|1203|100|0.1445|0.1445|
    {10, 1, 10, 1283, 100, 1536, 1536},  // |10|1x10|1283|100|0.1536|0.1536|
    {10, 2, 5, 1293, 100, 1548, 1548},  // |10|2x5|1293|100|0.1548|0.1548|
    {11, 1, 11, 1383, 100, 1651, 1651},  // |11|1x11|1383|100|0.1651|0.1651|
    {12, 1, 12, 1483, 100, 1765, 1765},  // |12|1x12|1483|100|0.1765|0.1765|
    {12, 2, 6, 1493, 100, 1777, 1777},  // |12|2x6|1493|100|0.1777|0.1777|
    {12, 3, 4, 1503, 100, 1788, 1788},  // |12|3x4|1503|100|0.1788|0.1788|
    {13, 1, 13, 1583, 100, 1880, 1880},  // |13|1x13|1583|100|0.1880|0.1880|
    {14, 1, 14, 1683, 100, 1994, 1994},  // |14|1x14|1683|100|0.1994|0.1994|
    {14, 2, 7, 1693, 100, 2006, 2006},  // |14|2x7|1693|100|0.2006|0.2006|
    {15, 1, 15, 1783, 100, 2109, 2109},  // |15|1x15|1783|100|0.2109|0.2109|
    {15, 3, 5, 1803, 100, 2131, 2131},  // |15|3x5|1803|100|0.2131|0.2131|
    {16, 1, 16, 1883, 100, 2223, 2223},  // |16|1x16|1883|100|0.2223|0.2223|
    {16, 2, 8, 1893, 100, 2234, 2234},  // |16|2x8|1893|100|0.2234|0.2234|
    {16, 4, 4, 1913, 100, 2257, 2257},  // |16|4x4|1913|100|0.2257|0.2257|
    {17, 1, 17, 1983, 100, 2337, 2337},  // |17|1x17|1983|100|0.2337|0.2337|
    {18, 1, 18, 2083, 100, 2452, 2452},  // |18|1x18|2083|100|0.2452|0.2452|
    {18, 2, 9, 2093, 100, 2463, 2463},  // |18|2x9|2093|100|0.2463|0.2463|
    {18, 3, 6, 2103, 100, 2475, 2475},  // |18|3x6|2103|100|0.2475|0.2475|
    {19, 1, 19, 2183, 100, 2566, 2566},  // |19|1x19|2183|100|0.2566|0.2566|
    {20, 1, 20, 2283, 100, 2681, 2681},  // |20|1x20|2283|100|0.2681|0.2681|
    {20, 2, 10, 2293, 100, 2692, 2692},  // |20|2x10|2293|100|0.2692|0.2692|
    {20, 4, 5, 2313, 100, 2715, 2715},  // |20|4x5|2313|100|0.2715|0.2715|
    {21, 1, 21, 2383, 100, 2795, 2795},  // |21|1x21|2383|100|0.2795|0.2795|
    {21, 3, 7, 2403, 100, 2818, 2818},  // |21|3x7|2403|100|0.2818|0.2818|
    {22, 1, 22, 2483, 100, 2910, 2910},  // |22|1x22|2483|100|0.2910|0.2910|
    {22, 2, 11, 2493, 100, 2921, 2921},  // |22|2x11|2493|100|0.2921|0.2921|
    {23, 1, 23, 2583, 100, 3024, 3024},  // |23|1x23|2583|100|0.3024|0.3024|
    {24, 1, 24, 2683, 100, 3139, 3139},  // |24|1x24|2683|100|0.3139|0.3139|
    {24, 2, 12, 2693, 100, 3150, 3150},  // |24|2x12|2693|100|0.3150|0.3150|
    {24, 3, 8, 2703, 100, 3161, 3161},  // |24|3x8|2703|100|0.3161|0.3161|
    {24, 4, 6, 2713, 100, 3173, 3173},  // |24|4x6|2713|100|0.3173|0.3173|
    {25, 1, 25, 2783, 100, 3253, 3253},  // |25|1x25|2783|100|0.3253|0.3253|
    {25, 5, 5, 2823, 100, 3299, 3299},  // |25|5x5|2823|100|0.3299|0.3299|
    {26, 1, 26, 2883, 100, 3367, 3367},  // |26|1x26|2883|100|0.3367|0.3367|
    {26, 2, 13, 2893, 100, 3379, 3379},  // |26|2x13|2893|100|0.3379|0.3379|
    {27, 1, 27, 2983, 100, 3482, 3482},  // |27|1x27|2983|100|0.3482|0.3482|
    {27, 3, 9, 3003, 100, 3505, 3505},  // |27|3x9|3003|100|0.3505|0.3505|
    {28, 1, 28, 3083, 100, 3596, 3596},  // |28|1x28|3083|100|0.3596|0.3596|
    {28, 2, 14, 3093, 100, 3608, 3608},  // |28|2x14|3093|100|0.3608|0.3608|
    {28, 4, 7, 3113, 100, 3631, 3631},  // |28|4x7|3113|100|0.3631|0.3631|
    {29, 1, 29, 3183, 100, 3711, 3711},  // |29|1x29|3183|100|0.3711|0.3711|
}};
// clang-format on

constexpr auto kTable = CropTable<kSeedVlm>();

// The printed "GB" column: the mean occupancy, in GiB, to 4 decimals.
constexpr std::uint64_t PrintedMeanGiB(const CropRow& row) {
  return RoundToUnit(row.kv_mean, kGiBUnit, 4);
}

constexpr bool RowMatches(const CropRow& row, const SeedRow& seed) {
  return row.grid.rows == seed.grid_h && row.grid.columns == seed.grid_w &&
         row.grid.crops() == seed.num_crops &&
         row.image_tokens == seed.image_tokens &&
         row.decode_steps == seed.decode_steps &&
         PrintedMeanGiB(row) == seed.kv_normal_ten_thousandths &&
         PrintedMeanGiB(row) == seed.kv_flash_ten_thousandths;
}

constexpr bool TableMatchesSeed() {
  if (kTable.size() != kSeedRows.size()) return false;
  for (std::size_t i = 0; i < kSeedRows.size(); ++i) {
    if (!RowMatches(kTable[i], kSeedRows[i])) return false;
  }
  return true;
}

static_assert(kTable.size() == 53);
static_assert(TableMatchesSeed(), "the seed VLM preset must reproduce all 53 seed rows");
// The seed's figure is the mean, not the peak: at the end of the horizon the
// first row holds 593 tokens, 0.0679 GiB (seed-table-analysis).
static_assert(RoundToUnit({kTable[0].kv_peak.total(), 1}, kGiBUnit, 4) == 679);
static_assert(kTable[0].kv_peak.total() == 593 * 122'880);

TEST(SeedTableTest, EveryRowAtRunTime) {
  const std::vector<CropRow> rows = CropTableRows(kSeedVlm);
  ASSERT_EQ(rows.size(), kSeedRows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const SeedRow& seed = kSeedRows[i];
    SCOPED_TRACE(testing::Message() << "seed row " << seed.grid_h << "x"
                                    << seed.grid_w);
    EXPECT_EQ(rows[i].grid.rows, seed.grid_h);
    EXPECT_EQ(rows[i].grid.columns, seed.grid_w);
    EXPECT_EQ(rows[i].grid.crops(), seed.num_crops);
    EXPECT_EQ(rows[i].image_tokens, seed.image_tokens);
    EXPECT_EQ(rows[i].decode_steps, seed.decode_steps);
    EXPECT_EQ(PrintedMeanGiB(rows[i]), seed.kv_normal_ten_thousandths);
    EXPECT_EQ(PrintedMeanGiB(rows[i]), seed.kv_flash_ten_thousandths);
  }
}

TEST(SeedTableTest, PeakIsNotWhatTheSeedPrints) {
  const std::vector<CropRow> rows = CropTableRows(kSeedVlm);
  EXPECT_EQ(rows[0].kv_peak.total(), 593u * 122'880);
  EXPECT_EQ(FormatInUnit({rows[0].kv_peak.total(), 1}, kGiBUnit, 4), "0.0679");
}

}  // namespace
}  // namespace kvmodel
