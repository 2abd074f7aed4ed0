// The vision-language catalog's tables, evaluated at compile time and walked
// with Boost.Hana. Image token counts are the models' processors' own
// formulas evaluated by hand (see each comment); KV figures are computed here
// by hand from the published configs.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "boost/hana.hpp"
#include "gtest/gtest.h"
#include "kvmodel/crop_table.h"
#include "kvmodel/vlm_catalog.h"

namespace kvmodel {
namespace {

namespace hana = boost::hana;

constexpr auto kTables = VlmTables();

// The row of grid h x w in the table of model `name`.
constexpr CropRow RowOf(std::string_view name, std::uint32_t h,
                        std::uint32_t w) {
  CropRow found{};
  hana::for_each(hana::zip(kVlmCatalog, kTables), [&](const auto& pair) {
    if (hana::at_c<0>(pair).name != name) return;
    for (const CropRow& row : hana::at_c<1>(pair)) {
      if (row.grid == CropGrid{h, w}) found = row;
    }
  });
  return found;
}

// LLaVA-1.5: (336 / 14)^2 = 576.
static_assert(RowOf("llava-1.5-7b", 1, 1).image_tokens == 576);
// LLaVA-NeXT, 672 x 672 (2 x 2 tiles): 576 + 48 * (48 + 1) = 2,928.
static_assert(RowOf("llava-v1.6-mistral-7b", 2, 2).image_tokens == 2928);
// Phi-3.5-vision: (h*w + 1) * 144 + 1 + (h + 1) * 12.
static_assert(RowOf("phi-3.5-vision", 4, 4).image_tokens == 17 * 144 + 1 + 5 * 12);
static_assert(RowOf("phi-3.5-vision", 2, 2).image_tokens == 757);
// InternVL2.5: 256 * (tiles + thumbnail when tiled) + 2.
static_assert(RowOf("internvl2.5-2b", 3, 4).image_tokens == 256 * 13 + 2);
static_assert(RowOf("internvl2.5-2b", 1, 1).image_tokens == 256 + 2);
// SmolVLM (Idefics3 processor, 81 per tile): (81 + 3) + rows * ((81 + 2) *
// cols + 1).
static_assert(RowOf("smolvlm-instruct", 4, 4).image_tokens == 84 + 4 * (83 * 4 + 1));
// Qwen2-VL, 448 x 448 pixels: (448 / 28)^2 + 2.
static_assert(RowOf("qwen2-vl-7b", 1, 1).image_tokens == 258);
// DeepSeek-VL2: 14 * 15 + 1 + 14 * h * (14 * w + 1).
static_assert(RowOf("deepseek-vl2", 1, 1).image_tokens == 421);
static_assert(RowOf("deepseek-vl2", 3, 3).image_tokens == 2017);
// PaliGemma 224: (224 / 14)^2.
static_assert(RowOf("paligemma-3b-224", 1, 1).image_tokens == 256);
// Llama 3.2 Vision: one <|image|> token; 1,601 vision tokens per tile in the
// 8 cross-attention layers. 1 tile, 16 text tokens, 256 steps: 4,096 bytes
// per layer-token * (32 * 273 + 8 * 1,601) = 88,244,224 bytes.
static_assert(RowOf("llama-3.2-11b-vision", 2, 2).image_tokens == 1);
static_assert(RowOf("llama-3.2-11b-vision", 2, 2).cross_tokens == 6404);
static_assert(RowOf("llama-3.2-11b-vision", 1, 1).kv_peak.total() ==
              88'244'224);
// DeepSeek-VL2's latent cache: 30 layers * 576 * 2 bytes per token, K only.
static_assert(RowOf("deepseek-vl2", 1, 1).kv_peak.k_bytes ==
              30 * 576 * 2 * (421 + 16 + 256));
static_assert(RowOf("deepseek-vl2", 1, 1).kv_peak.v_bytes == 0);

// Every table has a row for every grid of its range, and every row fits
// its model's context.
static_assert(hana::all_of(hana::zip(kVlmCatalog, kTables), [](auto pair) {
  return hana::at_c<1>(pair).size() ==
         EnumerateGrids(hana::at_c<0>(pair).grids, nullptr);
}));
// DeepSeek-VL2's candidate_resolutions are the 23 grids of 1..9 tiles;
// LLaVA-NeXT's pinpoints 1x2, 2x1, 2x2, 1x3, 3x1.
static_assert(hana::at_c<7>(kTables).size() == 23);
static_assert(hana::at_c<2>(kTables).size() == 5);
static_assert(kVlmCount == 10);

TEST(VlmCatalogTest, RunTimeTablesEqualCompileTimeTables) {
  std::size_t models = 0;
  hana::for_each(hana::zip(kVlmCatalog, kTables), [&](const auto& pair) {
    ++models;
    const auto& spec = hana::at_c<0>(pair);
    const auto& table = hana::at_c<1>(pair);
    const std::vector<CropRow> rows = CropTableRows(spec);
    ASSERT_EQ(rows.size(), table.size()) << spec.name;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      EXPECT_EQ(rows[i].image_tokens, table[i].image_tokens) << spec.name;
      EXPECT_EQ(rows[i].kv_peak, table[i].kv_peak) << spec.name;
      EXPECT_EQ(rows[i].eager_peak_bytes, table[i].eager_peak_bytes);
    }
  });
  EXPECT_EQ(models, kVlmCount);
  EXPECT_EQ(RowOf("deepseek-vl2", 3, 3).image_tokens, 2017u);
}

}  // namespace
}  // namespace kvmodel
